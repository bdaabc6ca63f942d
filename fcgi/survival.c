/* survival.c: the project survival monitor's rules and arithmetic
 * (survival.h): calendar days, the three at-risk rules, and whether a
 * grant-funded project outlived its first grant, tallied by group. Nothing
 * here reads the database or the clock: callers pass the facts and today. */
#include "survival.h"

#include <stdlib.h>
#include <string.h>

#define SECONDS_PER_DAY 86400
#define DAYS_FROM_0000_03_01_TO_EPOCH 719468 /* 0000-03-01 .. 1970-01-01 */
#define DAYS_PER_400_YEARS 146097

/* ---- dates ---------------------------------------------------------- */

/* After H. Hinnant's days_from_civil: years start in March, so that the
 * leap day is the last day of the year and month lengths repeat. */
int survival_day(int year, int month, int day)
{
	year -= month <= 2;
	int era = (year >= 0 ? year : year - 399) / 400;
	int yoe = year - era * 400;
	int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * DAYS_PER_400_YEARS + doe - DAYS_FROM_0000_03_01_TO_EPOCH;
}

/* The inverse of survival_day (Hinnant's civil_from_days). */
void survival_civil(int day, int *year, int *month, int *mday)
{
	day += DAYS_FROM_0000_03_01_TO_EPOCH;
	int era = (day >= 0 ? day : day - (DAYS_PER_400_YEARS - 1)) / DAYS_PER_400_YEARS;
	int doe = day - era * DAYS_PER_400_YEARS;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*mday = doy - (153 * mp + 2) / 5 + 1;
	*month = mp < 10 ? mp + 3 : mp - 9;
	*year = yoe + era * 400 + (*month <= 2);
}

/* Days in a month of a year. */
static int days_in_month(int year, int month)
{
	return month == 12 ? 31 : survival_day(year, month + 1, 1) - survival_day(year, month, 1);
}

/* The value of n decimal digits at s, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Strict: four-digit year in range, two-digit month and day that exist. */
bool survival_parse_day(const char *s, int *day)
{
	if (s == NULL || strlen(s) < 10 || s[4] != '-' || s[7] != '-' || (s[10] != '\0' && s[10] != ' '))
		return false;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < SURVIVAL_YEAR_MIN || y > SURVIVAL_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*day = survival_day(y, m, d);
	return true;
}

/* Calendar months, as MariaDB's DATE_ADD(d, INTERVAL n MONTH) counts them. */
int survival_add_months(int day, int months)
{
	int y, m, d;
	survival_civil(day, &y, &m, &d);
	int index = y * 12 + (m - 1) + months;
	int ny = index / 12, nm = index % 12 + 1;
	int last = days_in_month(ny, nm);
	return survival_day(ny, nm, d < last ? d : last);
}

/* Whole days since the epoch, rounded down (also before 1970). */
int survival_today(time_t now)
{
	long long t = (long long)now;
	return (int)(t >= 0 ? t / SECONDS_PER_DAY : -((-t + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY));
}

/* ---- at-risk rules ------------------------------------------------------ */

/* One row per enum risk_rule: its stored code and its reason. */
static const struct {
	const char *code;
	const char *reason;
} risk_rules[RISK__MAX] = {
	{ "grant_ending", "Грант заканчивается в ближайшие 60 дней, а плана продолжения проекта нет." }, /* RISK_GRANT_ENDING */
	{ "no_updates", "Проект реализуется, но новостей о нём не было больше 90 дней." },                /* RISK_NO_UPDATES */
	{ "no_status_change",
	  "Грант закончился, а статус проекта не меняется больше 60 дней: неясно, продолжается ли он." }, /* RISK_NO_STATUS_CHANGE */
};

/* True when status is one of the NULL-terminated list. */
static bool status_in(const char *status, const char *const *list)
{
	for (int i = 0; status != NULL && list[i] != NULL; i++)
		if (strcmp(status, list[i]) == 0)
			return true;
	return false;
}

/* (a) a funded or running project whose grant ends within
 * RISK_GRANT_ENDING_DAYS (today included) and that has no continuation plan. */
static bool grant_ending(const struct risk_facts *p, int today)
{
	static const char *const statuses[] = { "funded", "running", NULL };
	return status_in(p->status, statuses) && p->grant_end != SURVIVAL_NO_DAY && !p->has_plan &&
	       p->grant_end >= today && p->grant_end - today <= RISK_GRANT_ENDING_DAYS;
}

/* (b) a running project whose latest update is RISK_NO_UPDATES_DAYS or more old. */
static bool no_updates(const struct risk_facts *p, int today)
{
	return p->status != NULL && strcmp(p->status, "running") == 0 && p->last_update != SURVIVAL_NO_DAY &&
	       today - p->last_update >= RISK_NO_UPDATES_DAYS;
}

/* (c) the grant of a funded, running or completed project ended, and for
 * RISK_NO_STATUS_CHANGE_DAYS or more since the later of its end and the
 * last status change, the status has stayed as it was. */
static bool no_status_change(const struct risk_facts *p, int today)
{
	static const char *const statuses[] = { "funded", "running", "completed", NULL };
	if (!status_in(p->status, statuses) || p->grant_end == SURVIVAL_NO_DAY || p->grant_end >= today)
		return false;
	int since = p->status_changed != SURVIVAL_NO_DAY && p->status_changed > p->grant_end ? p->status_changed
	                                                                                       : p->grant_end;
	return today - since >= RISK_NO_STATUS_CHANGE_DAYS;
}

/* One bit per rule of risk_rules, in enum order. */
unsigned risk_rules_fired(const struct risk_facts *p, int today)
{
	return (grant_ending(p, today) ? 1u << RISK_GRANT_ENDING : 0) |
	       (no_updates(p, today) ? 1u << RISK_NO_UPDATES : 0) |
	       (no_status_change(p, today) ? 1u << RISK_NO_STATUS_CHANGE : 0);
}

/* The code of r, "" for a value out of range. */
const char *risk_rule_code(enum risk_rule r)
{
	return r < RISK__MAX ? risk_rules[r].code : "";
}

/* The reason of r, "" for a value out of range. */
const char *risk_rule_reason(enum risk_rule r)
{
	return r < RISK__MAX ? risk_rules[r].reason : "";
}

/* ---- survival ------------------------------------------------------------ */

const int survival_horizon_months[SURVIVAL__HORIZONS] = { 6, 12 };

/* The first grant's last day plus the horizon's months. */
int survival_horizon_day(const struct survival_facts *f, enum survival_horizon h)
{
	return survival_add_months(f->first_grant_end, survival_horizon_months[h]);
}

/* The horizon day itself must be over: only then can there be news "after" it. */
bool survival_observed(const struct survival_facts *f, enum survival_horizon h, int today)
{
	return today > survival_horizon_day(f, h);
}

/* Alive at the horizon H (the first grant's end plus 6 or 12 months) when
 * any of these holds:
 *  1. its current status is continued, running or funded;
 *  2. its NGO posted an update, or changed its status to anything but
 *     "closed", on a day after H;
 *  3. a later grant: a project registered as its continuation got a grant
 *     that began after the first grant ended and no later than H. */
bool survival_alive(const struct survival_facts *f, enum survival_horizon h)
{
	static const char *const alive_statuses[] = { "continued", "running", "funded", NULL };
	int horizon = survival_horizon_day(f, h);
	if (status_in(f->status, alive_statuses))
		return true;
	if (f->last_sign_of_life != SURVIVAL_NO_DAY && f->last_sign_of_life > horizon)
		return true;
	return f->later_grant_start != SURVIVAL_NO_DAY && f->later_grant_start > f->first_grant_end &&
	       f->later_grant_start <= horizon;
}

/* Counts f in the cohort, and at each horizon that has passed. */
void survival_count(struct survival_tally *t, const struct survival_facts *f, int today)
{
	t->projects++;
	for (int h = 0; h < SURVIVAL__HORIZONS; h++) {
		if (!survival_observed(f, (enum survival_horizon)h, today))
			continue;
		t->observed[h]++;
		t->alive[h] += survival_alive(f, (enum survival_horizon)h);
	}
}

/* Integer arithmetic: (2000a + n) / 2n is 1000a/n rounded half up. */
int survival_share_tenths(const struct survival_tally *t, enum survival_horizon h)
{
	long long n = t->observed[h], a = t->alive[h];
	return n == 0 ? -1 : (int)((2000 * a + n) / (2 * n));
}

struct survival_group *survival_group(struct survival_group *groups, size_t *n, size_t cap, const char *key,
                                      const char *name, long sort)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(groups[i].key, key) == 0)
			return &groups[i];
	if (*n >= cap)
		return NULL;
	struct survival_group *g = &groups[(*n)++];
	*g = (struct survival_group){ .key = key, .name = name, .sort = sort };
	return g;
}

/* qsort order of groups: sort, then name. */
static int group_order(const void *a, const void *b)
{
	const struct survival_group *x = a, *y = b;
	if (x->sort != y->sort)
		return x->sort < y->sort ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* qsort by group_order. */
void survival_groups_sort(struct survival_group *groups, size_t n)
{
	if (n > 1)
		qsort(groups, n, sizeof *groups, group_order);
}
