/* quality.h: the arithmetic of the quality index, kept apart from SQL and
 * pages so that every number the site shows can be checked by hand
 * (tests/unit/test_quality.c).
 *
 * A set of ratings on the 1..5 scale is kept as its count, sum and sum of
 * squares (struct quality_sums): SQL returns exactly these, and both the
 * index and its uncertainty follow from them.
 *   index    = (C·m + Σx) / (C + n)       a Bayesian average: C pseudo-ratings
 *              at the prior m (the region's mean of the same measure) pull a
 *              small sample towards the region, a large one hardly at all;
 *   interval = x̄ ± 1.96·s/√n             the 95 % confidence interval of the
 *              plain mean x̄, s the sample standard deviation, clipped to the
 *              scale;
 * and under QUALITY_MIN_RATINGS ratings no number is shown at all. */
#ifndef RCHUB_QUALITY_H
#define RCHUB_QUALITY_H

#include <stdbool.h>
#include <stddef.h>

#define QUALITY_SCORE_MIN 1
#define QUALITY_SCORE_MAX 5
#define QUALITY_MIN_RATINGS 5      /* fewer: «недостаточно оценок» instead of a number */
#define QUALITY_PRIOR_WEIGHT 5.0   /* C: how many pseudo-ratings the prior counts for */
#define QUALITY_NEUTRAL_PRIOR 3.0  /* m while a region has no ratings at all: the middle of the scale */
#define QUALITY_Z95 1.96           /* the normal quantile of a two-sided 95 % interval */
#define QUALITY_WEIGHT_MAX 100.0   /* a criterion's weight: 0 < w <= this, at most two decimals */
#define QUALITY_FORMAT_MAX 32      /* bytes quality_format() ever writes */

/* Count, sum and sum of squares of a set of ratings. */
struct quality_sums {
	long long n;
	double sum;
	double sumsq;
};

/* What the site shows for one measure (a criterion, or overall). */
struct quality_index {
	long long n;
	bool enough;       /* n >= QUALITY_MIN_RATINGS: the numbers below may be shown */
	double index;      /* the Bayesian average */
	double mean;       /* the plain mean; 0 when n == 0 */
	bool has_interval; /* n >= 2 */
	double low, high;  /* the 95 % interval of the mean, within the scale */
};

/* Adds one rating x to s. */
void quality_sums_add(struct quality_sums *s, double x);
/* The plain mean; 0 for an empty set. */
double quality_mean(const struct quality_sums *s);
/* The prior m: the mean of the region's ratings, QUALITY_NEUTRAL_PRIOR when it has none. */
double quality_prior(const struct quality_sums *region);
/* (C·m + Σx) / (C + n) with C = QUALITY_PRIOR_WEIGHT. */
double quality_bayes(const struct quality_sums *s, double prior);
/* The 95 % interval of the mean into *low, *high; false when n < 2. */
bool quality_interval(const struct quality_sums *s, double *low, double *high);
/* Everything the site shows for s, with the region's ratings as the prior. */
struct quality_index quality_index_of(const struct quality_sums *s, const struct quality_sums *region);

/* The overall score of one rating: Σ wᵢ·xᵢ / Σ wᵢ over its n criteria; 0
 * when the weights do not add up to a positive number. */
double quality_weighted_mean(const int *scores, const double *weights, size_t n);
/* Parses a criterion's weight as typed ("1,5" or "1.5"): a number with at
 * most two decimals, 0 < w <= QUALITY_WEIGHT_MAX. */
bool quality_parse_weight(const char *s, double *out);
/* v with two decimals and a decimal comma, as Russian text writes it ("4,27"). */
void quality_format(char *buf, size_t cap, double v);

#endif
