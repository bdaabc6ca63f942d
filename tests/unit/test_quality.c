/* test_quality.c: unit tests of the quality index arithmetic (fcgi/quality.c)
 * against values computed by hand on a fixed data set:
 *   service A: 5 4 4 3 5 5 2   n = 7, Σx = 28, Σx² = 120, x̄ = 4
 *              s² = (120 − 28²/7) / 6 = 4/3, s/√n = 0.436436
 *              interval 4 ± 1.96 · 0.436436 = [3.144585, 4.855415]
 *   region:    n = 40, Σx = 150, so the prior m = 3.75
 *              index of A = (5 · 3.75 + 28) / (5 + 7) = 46.75 / 12 = 3.895833
 *   service B: 5 5 4   n = 3 (under the threshold), x̄ = 4.666667
 *              s² = (66 − 14²/3) / 2 = 1/3, half-width 1.96 · 1/3 = 0.653333
 *              interval [4.013333, 5.32] clipped to [4.013333, 5]
 *              index (5 · 3.75 + 14) / 8 = 4.09375
 *   weights 1, 1.5, 1.5, 0.75, 1 and scores 5 4 3 4 5: 23.5 / 5.75 = 4.086957 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "quality.h"

#define EPS 1e-6

static const int service_a[] = { 5, 4, 4, 3, 5, 5, 2 };
static const int service_b[] = { 5, 5, 4 };
static const struct quality_sums region = { 40, 150, 600 };

/* The sums of n scores. */
static struct quality_sums sums_of(const int *scores, size_t n)
{
	struct quality_sums s = { 0, 0, 0 };
	for (size_t i = 0; i < n; i++)
		quality_sums_add(&s, scores[i]);
	return s;
}

#define SUMS(a) sums_of(a, sizeof a / sizeof a[0])

static void test_sums_count_sum_and_squares(void **state)
{
	struct quality_sums s = SUMS(service_a);
	assert_int_equal(s.n, 7);
	assert_float_equal(s.sum, 28, EPS);
	assert_float_equal(s.sumsq, 120, EPS);
}

static void test_mean(void **state)
{
	struct quality_sums s = SUMS(service_a);
	assert_float_equal(quality_mean(&s), 4.0, EPS);
}

static void test_mean_of_nothing_is_zero(void **state)
{
	struct quality_sums s = { 0, 0, 0 };
	assert_float_equal(quality_mean(&s), 0.0, EPS);
}

static void test_prior_is_region_mean(void **state)
{
	assert_float_equal(quality_prior(&region), 3.75, EPS);
}

static void test_prior_of_empty_region_is_neutral(void **state)
{
	struct quality_sums none = { 0, 0, 0 };
	assert_float_equal(quality_prior(&none), QUALITY_NEUTRAL_PRIOR, EPS);
}

static void test_bayes_by_hand(void **state)
{
	struct quality_sums s = SUMS(service_a);
	assert_float_equal(quality_bayes(&s, 3.75), 46.75 / 12, EPS);
	assert_float_equal(quality_bayes(&s, 3.75), 3.895833, EPS);
}

static void test_bayes_without_ratings_is_prior(void **state)
{
	struct quality_sums s = { 0, 0, 0 };
	assert_float_equal(quality_bayes(&s, 3.75), 3.75, EPS);
}

static void test_bayes_lies_between_prior_and_mean(void **state)
{
	struct quality_sums s = SUMS(service_b);
	double b = quality_bayes(&s, 3.75);
	assert_true(b > 3.75 && b < quality_mean(&s));
	assert_float_equal(b, 4.09375, EPS);
}

static void test_interval_by_hand(void **state)
{
	struct quality_sums s = SUMS(service_a);
	double low, high;
	assert_true(quality_interval(&s, &low, &high));
	assert_float_equal(low, 3.144585, EPS);
	assert_float_equal(high, 4.855415, EPS);
}

static void test_interval_clipped_to_scale(void **state)
{
	struct quality_sums s = SUMS(service_b);
	double low, high;
	assert_true(quality_interval(&s, &low, &high));
	assert_float_equal(low, 4.013333, EPS);
	assert_float_equal(high, 5.0, EPS);
}

static void test_interval_needs_two_ratings(void **state)
{
	struct quality_sums s = { 0, 0, 0 };
	double low = -1, high = -1;
	quality_sums_add(&s, 4);
	assert_false(quality_interval(&s, &low, &high));
	assert_float_equal(low, -1, EPS);
}

static void test_interval_of_equal_scores_is_a_point(void **state)
{
	static const int same[] = { 4, 4, 4, 4, 4 };
	struct quality_sums s = SUMS(same);
	double low, high;
	assert_true(quality_interval(&s, &low, &high));
	assert_float_equal(low, 4.0, EPS);
	assert_float_equal(high, 4.0, EPS);
}

static void test_index_of_enough_ratings(void **state)
{
	struct quality_sums s = SUMS(service_a);
	struct quality_index q = quality_index_of(&s, &region);
	assert_true(q.enough);
	assert_int_equal(q.n, 7);
	assert_float_equal(q.index, 3.895833, EPS);
	assert_float_equal(q.mean, 4.0, EPS);
	assert_true(q.has_interval);
	assert_float_equal(q.low, 3.144585, EPS);
}

static void test_threshold_is_five_ratings(void **state)
{
	static const int four[] = { 5, 5, 5, 5 }, five[] = { 5, 5, 5, 5, 5 };
	struct quality_sums s4 = SUMS(four), s5 = SUMS(five), sb = SUMS(service_b);
	assert_false(quality_index_of(&s4, &region).enough);
	assert_true(quality_index_of(&s5, &region).enough);
	assert_false(quality_index_of(&sb, &region).enough);
}

static void test_weighted_mean_by_hand(void **state)
{
	static const int scores[] = { 5, 4, 3, 4, 5 };
	static const double weights[] = { 1, 1.5, 1.5, 0.75, 1 };
	assert_float_equal(quality_weighted_mean(scores, weights, 5), 23.5 / 5.75, EPS);
	assert_float_equal(quality_weighted_mean(scores, weights, 5), 4.086957, EPS);
}

static void test_weighted_mean_equal_weights_is_mean(void **state)
{
	static const int scores[] = { 5, 4, 4, 3 };
	static const double weights[] = { 2, 2, 2, 2 };
	assert_float_equal(quality_weighted_mean(scores, weights, 4), 4.0, EPS);
}

static void test_weighted_mean_without_weight_is_zero(void **state)
{
	static const int scores[] = { 5 };
	static const double weights[] = { 0 };
	assert_float_equal(quality_weighted_mean(scores, weights, 1), 0.0, EPS);
	assert_float_equal(quality_weighted_mean(scores, weights, 0), 0.0, EPS);
}

static void test_weight_accepted(void **state)
{
	static const struct {
		const char *text;
		double value;
	} ok[] = { { "1", 1 }, { "1,5", 1.5 }, { "1.5", 1.5 }, { "0.75", 0.75 }, { "0,01", 0.01 }, { "100", 100 },
	           { "100,00", 100 }, { "007", 7 } };
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		double w = -1;
		assert_true(quality_parse_weight(ok[i].text, &w));
		assert_float_equal(w, ok[i].value, EPS);
	}
}

static void test_weight_refused(void **state)
{
	static const char *const bad[] = { "", "0", "0,00", "-1", "+1", " 1", "1 ", "1.", ".5", "1,234", "100.01",
	                                   "1000", "1e2", "1,5,0", "один", "1;5" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double w = -1;
		assert_false(quality_parse_weight(bad[i], &w));
		assert_float_equal(w, -1, EPS);
	}
}

static void test_format_uses_decimal_comma(void **state)
{
	char buf[QUALITY_FORMAT_MAX];
	quality_format(buf, sizeof buf, 46.75 / 12);
	assert_string_equal(buf, "3,90");
	quality_format(buf, sizeof buf, 23.5 / 5.75);
	assert_string_equal(buf, "4,09");
	quality_format(buf, sizeof buf, 5);
	assert_string_equal(buf, "5,00");
}

#define T(f) cmocka_unit_test(f)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_sums_count_sum_and_squares),
		T(test_mean),
		T(test_mean_of_nothing_is_zero),
		T(test_prior_is_region_mean),
		T(test_prior_of_empty_region_is_neutral),
		T(test_bayes_by_hand),
		T(test_bayes_without_ratings_is_prior),
		T(test_bayes_lies_between_prior_and_mean),
		T(test_interval_by_hand),
		T(test_interval_clipped_to_scale),
		T(test_interval_needs_two_ratings),
		T(test_interval_of_equal_scores_is_a_point),
		T(test_index_of_enough_ratings),
		T(test_threshold_is_five_ratings),
		T(test_weighted_mean_by_hand),
		T(test_weighted_mean_equal_weights_is_mean),
		T(test_weighted_mean_without_weight_is_zero),
		T(test_weight_accepted),
		T(test_weight_refused),
		T(test_format_uses_decimal_comma),
	};
	return cmocka_run_group_tests_name("quality", tests, NULL, NULL);
}
