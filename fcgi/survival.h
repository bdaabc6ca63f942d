/* survival.h: the project survival monitor's rules and arithmetic, as pure
 * functions of a project's facts and of "today" (no SQL, no clock, no
 * allocation), so that the web pages, rchub-admin risk-scan and the open
 * data all decide the same way, and unit tests can check every case.
 *
 * Dates are day numbers: days since 1970-01-01 in the proleptic Gregorian
 * calendar. The database's DATE and DATETIME values (UTC) are read by
 * their date part; "today" is the UTC date.
 *
 * At risk: three rules, each with its reason in Russian.
 * Survival: whether a project funded by a public grant was alive 6 and 12
 * months after its first grant ended (the definition is in survival.c, above
 * survival_alive(), and on the /survival page). */
#ifndef RCHUB_SURVIVAL_H
#define RCHUB_SURVIVAL_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define SURVIVAL_NO_DAY INT_MIN /* a date that is not set */
#define SURVIVAL_YEAR_MIN 1900  /* dates outside these years are not accepted */
#define SURVIVAL_YEAR_MAX 2999

/* ---- dates ---------------------------------------------------------- */

/* The day number of a calendar date (month 1..12, day 1..31, not checked). */
int survival_day(int year, int month, int day);
/* The calendar date of a day number. */
void survival_civil(int day, int *year, int *month, int *mday);
/* Reads "YYYY-MM-DD", alone or followed by " HH:MM:SS" (a DATETIME), into
 * *day; false for anything else, or a date that does not exist. */
bool survival_parse_day(const char *s, int *day);
/* The same day of the month months later, or the month's last day when it
 * is shorter (31 August + 6 months = 28 or 29 February). */
int survival_add_months(int day, int months);
/* Today's day number (UTC) at the moment now. */
int survival_today(time_t now);

/* ---- at-risk rules ------------------------------------------------------ */

enum risk_rule {
	RISK_GRANT_ENDING,     /* the grant ends within 60 days, no continuation plan */
	RISK_NO_UPDATES,       /* running, no update for 90 days */
	RISK_NO_STATUS_CHANGE, /* the grant ended, the status has not changed for 60 days */
	RISK__MAX
};

#define RISK_GRANT_ENDING_DAYS 60
#define RISK_NO_UPDATES_DAYS 90
#define RISK_NO_STATUS_CHANGE_DAYS 60

/* What the rules look at. Days are SURVIVAL_NO_DAY when not set. */
struct risk_facts {
	const char *status;      /* projects.status */
	int grant_end;           /* the last day of the grant */
	bool has_plan;           /* a continuation plan is written down */
	int last_update;         /* the day of the latest update */
	int status_changed;      /* the day the status last changed */
};

/* The rules that fire for p today: bit (1u << rule) for each. */
unsigned risk_rules_fired(const struct risk_facts *p, int today);
/* The rule's code as project_risk_notices.rule stores it ("grant_ending"). */
const char *risk_rule_code(enum risk_rule r);
/* Why the project is at risk under rule r, in Russian: one sentence. */
const char *risk_rule_reason(enum risk_rule r);

/* ---- survival ------------------------------------------------------------ */

enum survival_horizon { SURVIVAL_6, SURVIVAL_12, SURVIVAL__HORIZONS };

/* Months after the end of the first grant at which survival is measured. */
extern const int survival_horizon_months[SURVIVAL__HORIZONS];

/* What the survival of one project in the cohort depends on. */
struct survival_facts {
	int first_grant_end;   /* the last day of its first grant */
	const char *status;    /* its current status */
	int last_sign_of_life; /* the latest day its NGO posted an update or changed
	                        * its status to anything but "closed"; or SURVIVAL_NO_DAY */
	int later_grant_start; /* the earliest start of a later grant (a project
	                        * registered as its continuation) after the first
	                        * grant ended; or SURVIVAL_NO_DAY */
};

/* The day of horizon h: first_grant_end plus its months. */
int survival_horizon_day(const struct survival_facts *f, enum survival_horizon h);
/* True when the horizon has passed by today, so the project counts in the share. */
bool survival_observed(const struct survival_facts *f, enum survival_horizon h, int today);
/* True when the project was alive at horizon h. */
bool survival_alive(const struct survival_facts *f, enum survival_horizon h);

/* Counts of one group of projects. */
struct survival_tally {
	int projects;                           /* in the cohort */
	int observed[SURVIVAL__HORIZONS];       /* whose horizon has passed */
	int alive[SURVIVAL__HORIZONS];          /* of those, alive at it */
};

/* Adds one project of the cohort to t. */
void survival_count(struct survival_tally *t, const struct survival_facts *f, int today);
/* The share alive at h in tenths of a percent, rounded half up (625 is
 * 62.5 %); -1 when no project has reached the horizon yet. */
int survival_share_tenths(const struct survival_tally *t, enum survival_horizon h);

/* A group of the cohort (a district, a centre, a year) and its tally. */
struct survival_group {
	const char *key;   /* e.g. a slug or a year */
	const char *name;  /* as shown */
	long sort;         /* groups are listed by sort, then name */
	struct survival_tally tally;
};

/* The group with key among groups[0..*n), appended (with a zero tally) when
 * absent and *n < cap; NULL when the array is full. */
struct survival_group *survival_group(struct survival_group *groups, size_t *n, size_t cap, const char *key,
                                      const char *name, long sort);
/* Orders groups by sort, then name. */
void survival_groups_sort(struct survival_group *groups, size_t n);

#endif
