/* test_survival.c: unit tests of the survival monitor (fcgi/survival.c):
 * calendar days checked against dates counted independently (Python's
 * datetime), month arithmetic at month ends and leap years, each at-risk
 * rule at both sides of its threshold and on its neighbours, and the
 * survival shares of a hand-made cohort whose answers are worked out in the
 * comments beside it. "Today" is 25 November 2026 throughout. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "survival.h"

#define D(y, m, d) survival_day((y), (m), (d))
#define TODAY D(2026, 11, 25)
#define BIT(rule) (1u << (rule))

/* ---- dates ---- */

static void test_day_numbers_match_an_independent_count(void **state)
{
	(void)state;
	assert_int_equal(D(1970, 1, 1), 0);
	assert_int_equal(D(1969, 12, 31), -1);
	assert_int_equal(D(2000, 3, 1), 11017);
	assert_int_equal(D(2024, 2, 29), 19782);
	assert_int_equal(D(2026, 11, 25), 20782);
	assert_int_equal(D(1900, 1, 1), -25567);
	assert_int_equal(D(2999, 12, 31), 376199);
}

static void test_civil_is_the_inverse_of_day(void **state)
{
	(void)state;
	for (int day = D(1999, 12, 1); day <= D(2030, 3, 31); day++) {
		int y, m, d;
		survival_civil(day, &y, &m, &d);
		assert_int_equal(D(y, m, d), day);
		assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	}
}

static void test_parse_day_accepts_dates_and_datetimes(void **state)
{
	(void)state;
	int day = 0;
	assert_true(survival_parse_day("2026-11-25", &day));
	assert_int_equal(day, 20782);
	assert_true(survival_parse_day("2024-02-29", &day));
	assert_int_equal(day, 19782);
	assert_true(survival_parse_day("2026-11-25 23:59:59", &day));
	assert_int_equal(day, 20782);
}

static void test_parse_day_rejects_what_is_not_a_date(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "2026-11-5", "2026/11/25", "25.11.2026", "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
		"2026-11-25T10:00", "2026-11-25x", "1899-12-31", "3000-01-01", "２０２６-11-25", "-026-11-25",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int day = 12345;
		assert_false(survival_parse_day(bad[i], &day));
		assert_int_equal(day, 12345);
	}
	assert_false(survival_parse_day(NULL, &(int){ 0 }));
}

static void test_add_months_keeps_the_day_or_takes_the_month_end(void **state)
{
	(void)state;
	assert_int_equal(survival_add_months(D(2026, 5, 15), 12), D(2027, 5, 15));
	assert_int_equal(survival_add_months(D(2026, 8, 31), 6), D(2027, 2, 28));
	assert_int_equal(survival_add_months(D(2023, 8, 31), 6), D(2024, 2, 29));
	assert_int_equal(survival_add_months(D(2026, 1, 31), 1), D(2026, 2, 28));
	assert_int_equal(survival_add_months(D(2026, 12, 31), 6), D(2027, 6, 30));
	assert_int_equal(survival_add_months(D(2025, 3, 31), 6), D(2025, 9, 30));
	assert_int_equal(survival_add_months(D(2024, 2, 29), 12), D(2025, 2, 28));
}

static void test_today_is_the_utc_day(void **state)
{
	(void)state;
	assert_int_equal(survival_today(0), 0);
	assert_int_equal(survival_today(86399), 0);
	assert_int_equal(survival_today(86400), 1);
	assert_int_equal(survival_today(-1), -1);
	assert_int_equal(survival_today((time_t)20782 * 86400 + 50000), 20782);
}

/* ---- at-risk rules ---- */

/* A project no rule fires on: running, grant ending in a year, fresh news. */
static struct risk_facts healthy(void)
{
	return (struct risk_facts){ .status = "running", .grant_end = TODAY + 365, .has_plan = false,
		                    .last_update = TODAY - 1, .status_changed = TODAY - 100 };
}

static void test_healthy_project_is_not_at_risk(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
}

static void test_grant_ending_fires_within_60_days_without_plan(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	p.grant_end = TODAY + 60;
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_GRANT_ENDING));
	p.grant_end = TODAY;
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_GRANT_ENDING));
	p.status = "funded";
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_GRANT_ENDING));
}

static void test_grant_ending_spares_its_neighbours(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	p.grant_end = TODAY + 61; /* one day too far */
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.grant_end = TODAY + 30;
	p.has_plan = true; /* a plan is written down */
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.has_plan = false;
	p.status = "continued"; /* already goes on */
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status = "applied";
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status = "running";
	p.grant_end = SURVIVAL_NO_DAY; /* no grant period */
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
}

static void test_no_updates_fires_after_90_days_while_running(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	p.last_update = TODAY - 90;
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_NO_UPDATES));
	p.last_update = TODAY - 400;
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_NO_UPDATES));
}

static void test_no_updates_spares_its_neighbours(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	p.last_update = TODAY - 89;
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.last_update = TODAY - 200;
	p.status = "funded"; /* not running yet */
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status = "stalled";
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
}

static void test_no_status_change_fires_60_days_after_the_grant(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	p.status = "completed";
	p.grant_end = TODAY - 60;
	p.status_changed = TODAY - 100; /* before the end: counted from the end */
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_NO_STATUS_CHANGE));
	p.grant_end = TODAY - 200;
	p.status_changed = TODAY - 60; /* after the end: counted from the change */
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_NO_STATUS_CHANGE));
	p.status = "funded";
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_NO_STATUS_CHANGE));
}

static void test_no_status_change_spares_its_neighbours(void **state)
{
	(void)state;
	struct risk_facts p = healthy();
	p.status = "completed";
	p.grant_end = TODAY - 59; /* ended, but not 60 days ago */
	p.status_changed = TODAY - 100;
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.grant_end = TODAY - 200;
	p.status_changed = TODAY - 59; /* a recent decision */
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status_changed = TODAY - 100;
	p.status = "closed";
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status = "continued";
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status = "stalled";
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
	p.status = "completed";
	p.grant_end = SURVIVAL_NO_DAY;
	assert_int_equal(risk_rules_fired(&p, TODAY), 0);
}

static void test_rules_fire_together(void **state)
{
	(void)state;
	struct risk_facts p = { .status = "running", .grant_end = TODAY - 70, .has_plan = false,
		                .last_update = TODAY - 100, .status_changed = SURVIVAL_NO_DAY };
	assert_int_equal(risk_rules_fired(&p, TODAY), BIT(RISK_NO_UPDATES) | BIT(RISK_NO_STATUS_CHANGE));
}

static void test_rule_codes_and_reasons(void **state)
{
	(void)state;
	assert_string_equal(risk_rule_code(RISK_GRANT_ENDING), "grant_ending");
	assert_string_equal(risk_rule_code(RISK_NO_UPDATES), "no_updates");
	assert_string_equal(risk_rule_code(RISK_NO_STATUS_CHANGE), "no_status_change");
	for (int r = 0; r < RISK__MAX; r++) {
		assert_true(strlen(risk_rule_reason((enum risk_rule)r)) > 20);
		for (int s = 0; s < r; s++)
			assert_string_not_equal(risk_rule_reason((enum risk_rule)r), risk_rule_reason((enum risk_rule)s));
	}
	assert_string_equal(risk_rule_code(RISK__MAX), "");
}

/* ---- survival ---- */

/* The hand-made cohort. Grants ending 31 March 2025 have horizons 30 September
 * 2025 (6 months) and 31 March 2026 (12 months), both past by today. */
#define NCOHORT 7
static struct survival_facts cohort[NCOHORT];

/* Fills the cohort (day numbers are not constant expressions); group setup. */
static int cohort_setup(void **state)
{
	(void)state;
	int e1 = D(2025, 3, 31);
	/* P1: continued now: alive at 6 and 12. */
	cohort[0] = (struct survival_facts){ e1, "continued", SURVIVAL_NO_DAY, SURVIVAL_NO_DAY };
	/* P2: closed; last news 1 October 2025, after the 6-month horizon only:
	 * alive at 6, not at 12. */
	cohort[1] = (struct survival_facts){ e1, "closed", D(2025, 10, 1), SURVIVAL_NO_DAY };
	/* P3: completed, silent: dead at both. */
	cohort[2] = (struct survival_facts){ e1, "completed", SURVIVAL_NO_DAY, SURVIVAL_NO_DAY };
	/* P4: stalled; a continuation's grant began 10 January 2026, after the
	 * 6-month horizon and before the 12-month one: dead at 6, alive at 12. */
	cohort[3] = (struct survival_facts){ e1, "stalled", SURVIVAL_NO_DAY, D(2026, 1, 10) };
	/* P5: closed; a "later" grant that began before the first ended does not count. */
	cohort[4] = (struct survival_facts){ e1, "closed", SURVIVAL_NO_DAY, D(2025, 2, 1) };
	/* P6: grant ends 31 August 2026: no horizon reached (6 months is
	 * 28 February 2027): in the cohort, in no share. */
	cohort[5] = (struct survival_facts){ D(2026, 8, 31), "running", SURVIVAL_NO_DAY, SURVIVAL_NO_DAY };
	/* P7: grant ended 30 April 2026; 6 months is 30 October 2026 (past), 12
	 * months is not; its last news is on the horizon day itself, not after
	 * it: dead at 6, not observed at 12. */
	cohort[6] = (struct survival_facts){ D(2026, 4, 30), "completed", D(2026, 10, 30), SURVIVAL_NO_DAY };
	return 0;
}

static void test_alive_follows_the_definition(void **state)
{
	(void)state;
	static const bool alive6[NCOHORT] = { true, true, false, false, false, true, false };
	static const bool alive12[NCOHORT] = { true, false, false, true, false, true, false };
	for (size_t i = 0; i < NCOHORT; i++) {
		assert_int_equal(survival_alive(&cohort[i], SURVIVAL_6), alive6[i]);
		assert_int_equal(survival_alive(&cohort[i], SURVIVAL_12), alive12[i]);
	}
}

static void test_horizons_and_observation(void **state)
{
	(void)state;
	assert_int_equal(survival_horizon_day(&cohort[0], SURVIVAL_6), D(2025, 9, 30));
	assert_int_equal(survival_horizon_day(&cohort[0], SURVIVAL_12), D(2026, 3, 31));
	assert_int_equal(survival_horizon_day(&cohort[5], SURVIVAL_6), D(2027, 2, 28));
	assert_true(survival_observed(&cohort[6], SURVIVAL_6, TODAY));
	assert_false(survival_observed(&cohort[6], SURVIVAL_12, TODAY));
	/* The horizon day itself is not over yet. */
	assert_false(survival_observed(&cohort[6], SURVIVAL_6, D(2026, 10, 30)));
	assert_true(survival_observed(&cohort[6], SURVIVAL_6, D(2026, 10, 31)));
}

static void test_tally_of_the_cohort(void **state)
{
	(void)state;
	struct survival_tally t = { 0 };
	for (size_t i = 0; i < NCOHORT; i++)
		survival_count(&t, &cohort[i], TODAY);
	assert_int_equal(t.projects, 7);
	assert_int_equal(t.observed[SURVIVAL_6], 6);  /* P1-P5, P7 */
	assert_int_equal(t.alive[SURVIVAL_6], 2);     /* P1, P2 */
	assert_int_equal(t.observed[SURVIVAL_12], 5); /* P1-P5 */
	assert_int_equal(t.alive[SURVIVAL_12], 2);    /* P1, P4 */
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_6), 333);  /* 2/6 = 33.33 % */
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_12), 400); /* 2/5 = 40 % */
}

static void test_share_rounds_half_up_and_knows_no_data(void **state)
{
	(void)state;
	struct survival_tally t = { 0 };
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_6), -1);
	t.observed[SURVIVAL_6] = 16, t.alive[SURVIVAL_6] = 1; /* 6.25 % */
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_6), 63);
	t.observed[SURVIVAL_6] = 3, t.alive[SURVIVAL_6] = 2; /* 66.67 % */
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_6), 667);
	t.observed[SURVIVAL_6] = 8, t.alive[SURVIVAL_6] = 8;
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_6), 1000);
	t.alive[SURVIVAL_6] = 0;
	assert_int_equal(survival_share_tenths(&t, SURVIVAL_6), 0);
}

static void test_groups_collect_and_sort(void **state)
{
	(void)state;
	struct survival_group g[3];
	size_t n = 0;
	struct survival_group *a = survival_group(g, &n, 3, "2025", "2025", 2025);
	struct survival_group *b = survival_group(g, &n, 3, "2023", "2023", 2023);
	assert_ptr_equal(survival_group(g, &n, 3, "2025", "2025", 2025), a);
	survival_count(&a->tally, &cohort[0], TODAY);
	survival_count(&a->tally, &cohort[2], TODAY);
	survival_count(&b->tally, &cohort[1], TODAY);
	assert_int_equal(n, 2);
	assert_non_null(survival_group(g, &n, 3, "x", "Без центра", 9999));
	assert_null(survival_group(g, &n, 3, "y", "Ещё", 1));
	survival_groups_sort(g, n);
	assert_string_equal(g[0].key, "2023");
	assert_string_equal(g[1].key, "2025");
	assert_string_equal(g[2].key, "x");
	assert_int_equal(g[1].tally.projects, 2);
	assert_int_equal(g[1].tally.alive[SURVIVAL_12], 1);
	assert_int_equal(g[0].tally.alive[SURVIVAL_6], 1);
}

static void test_groups_with_equal_sort_go_by_name(void **state)
{
	(void)state;
	struct survival_group g[3];
	size_t n = 0;
	survival_group(g, &n, 3, "v", "Ванинский район", 0);
	survival_group(g, &n, 3, "a", "Амурский район", 0);
	survival_group(g, &n, 3, "b", "Бикинский район", 0);
	survival_groups_sort(g, n);
	assert_string_equal(g[0].key, "a");
	assert_string_equal(g[1].key, "b");
	assert_string_equal(g[2].key, "v");
}

#define T(f) cmocka_unit_test(f)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_day_numbers_match_an_independent_count),
		T(test_civil_is_the_inverse_of_day),
		T(test_parse_day_accepts_dates_and_datetimes),
		T(test_parse_day_rejects_what_is_not_a_date),
		T(test_add_months_keeps_the_day_or_takes_the_month_end),
		T(test_today_is_the_utc_day),
		T(test_healthy_project_is_not_at_risk),
		T(test_grant_ending_fires_within_60_days_without_plan),
		T(test_grant_ending_spares_its_neighbours),
		T(test_no_updates_fires_after_90_days_while_running),
		T(test_no_updates_spares_its_neighbours),
		T(test_no_status_change_fires_60_days_after_the_grant),
		T(test_no_status_change_spares_its_neighbours),
		T(test_rules_fire_together),
		T(test_rule_codes_and_reasons),
		T(test_alive_follows_the_definition),
		T(test_horizons_and_observation),
		T(test_tally_of_the_cohort),
		T(test_share_rounds_half_up_and_knows_no_data),
		T(test_groups_collect_and_sort),
		T(test_groups_with_equal_sort_go_by_name),
	};
	return cmocka_run_group_tests_name("survival", tests, cohort_setup, NULL);
}
