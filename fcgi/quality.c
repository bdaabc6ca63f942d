/* quality.c: the arithmetic of the quality index (quality.h): pure
 * functions of numbers, no SQL, no pages, no allocation. */
#include "quality.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define WEIGHT_MAX_DIGITS 3 /* whole digits of a weight: QUALITY_WEIGHT_MAX has three */

/* Counts x into the sums. */
void quality_sums_add(struct quality_sums *s, double x)
{
	s->n++;
	s->sum += x;
	s->sumsq += x * x;
}

/* Σx / n, 0 for no ratings. */
double quality_mean(const struct quality_sums *s)
{
	return s->n > 0 ? s->sum / (double)s->n : 0.0;
}

/* m: the region's mean, the middle of the scale before its first rating. */
double quality_prior(const struct quality_sums *region)
{
	return region->n > 0 ? quality_mean(region) : QUALITY_NEUTRAL_PRIOR;
}

/* (C·m + Σx) / (C + n). */
double quality_bayes(const struct quality_sums *s, double prior)
{
	return (QUALITY_PRIOR_WEIGHT * prior + s->sum) / (QUALITY_PRIOR_WEIGHT + (double)s->n);
}

/* x kept within the rating scale. */
static double on_scale(double x)
{
	return x < QUALITY_SCORE_MIN ? QUALITY_SCORE_MIN : x > QUALITY_SCORE_MAX ? QUALITY_SCORE_MAX : x;
}

/* x̄ ± z·s/√n with the sample standard deviation s (n − 1 in its denominator). */
bool quality_interval(const struct quality_sums *s, double *low, double *high)
{
	if (s->n < 2)
		return false;
	double n = (double)s->n, mean = s->sum / n;
	/* The sample variance from the sums; rounding can make a zero spread
	 * come out a hair below zero. */
	double variance = (s->sumsq - s->sum * mean) / (n - 1);
	double half = QUALITY_Z95 * sqrt(variance > 0 ? variance : 0) / sqrt(n);
	*low = on_scale(mean - half);
	*high = on_scale(mean + half);
	return true;
}

/* The index, mean, interval and threshold of s in one. */
struct quality_index quality_index_of(const struct quality_sums *s, const struct quality_sums *region)
{
	struct quality_index q = { .n = s->n, .enough = s->n >= QUALITY_MIN_RATINGS };
	q.index = quality_bayes(s, quality_prior(region));
	q.mean = quality_mean(s);
	q.has_interval = quality_interval(s, &q.low, &q.high);
	return q;
}

/* Σ wᵢ·xᵢ / Σ wᵢ. */
double quality_weighted_mean(const int *scores, const double *weights, size_t n)
{
	double total = 0, weighted = 0;
	for (size_t i = 0; i < n; i++) {
		total += weights[i];
		weighted += weights[i] * scores[i];
	}
	return total > 0 ? weighted / total : 0.0;
}

/* Digits, then optionally "," or "." and one or two digits; nothing else. */
bool quality_parse_weight(const char *s, double *out)
{
	long whole = 0, hundredths = 0;
	size_t digits = strspn(s, "0123456789");
	if (digits == 0 || digits > WEIGHT_MAX_DIGITS)
		return false;
	for (size_t i = 0; i < digits; i++)
		whole = whole * 10 + (s[i] - '0');
	const char *p = s + digits;
	if (*p == '.' || *p == ',') {
		size_t decimals = strspn(p + 1, "0123456789");
		if (decimals == 0 || decimals > 2)
			return false;
		hundredths = (p[1] - '0') * 10 + (decimals == 2 ? p[2] - '0' : 0);
		p += 1 + decimals;
	}
	double w = (double)whole + (double)hundredths / 100.0;
	if (*p != '\0' || w <= 0 || w > QUALITY_WEIGHT_MAX)
		return false;
	*out = w;
	return true;
}

/* "%.2f" with the decimal point made a comma. */
void quality_format(char *buf, size_t cap, double v)
{
	snprintf(buf, cap, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot != NULL)
		*dot = ',';
}
