/* store/quality_sums.c: the sums the quality index is computed from
 * (fcgi/quality.c does the arithmetic), kept by each worker so that a page
 * reads minutes of ratings rather than all of them.
 *
 * Sums come as rows OWNER, CODE, N, SUM, SUMSQ (QSUM_*): CODE is a
 * criterion's code, '' for the overall score of ratings. Criteria keep their
 * code across versions, so a criterion's index counts its ratings under
 * every version. A service counts the ratings of its own centre's work; a
 * centre, every rating of work it did (referred requests included).
 *
 * Ratings are only ever added, each dated by created_at when it is written,
 * and never change: the sums of the ratings given before a moment stay what
 * they are. Each cache below holds the sums up to its boundary, a moment at
 * least SUMS_SETTLE seconds old (every rating dated before it is committed
 * by then); a request adds the sums of the ratings since the boundary, read
 * from the (created_at) indexes, so the numbers are exact. The boundary moves
 * forward at most every SUMS_ADVANCE seconds by adding the ratings in
 * between. Only a worker's first request for a cache reads every rating.
 * Ratings written by SQL behind the program's back with past dates (a bulk
 * load) count once it is restarted. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SUMS_SETTLE 120          /* seconds after which a rating is surely committed */
#define SUMS_ADVANCE 60          /* seconds between moves of a boundary */
#define SUMS_SERVICES 32         /* services whose sums a worker keeps (least recently used go) */
#define SUMS_OWNER_MAX 24        /* an id or a "YYYY-MM" */
#define SUMS_CODE_MAX 65         /* quality_criteria.code is VARCHAR(64) */
#define SUMS_TIME_LEN 20         /* "YYYY-MM-DD HH:MM:SS" and its NUL */
#define SUMS_SINCE_EVER "1970-01-01 00:00:00"
#define SUMS_NO_END "9999-12-31 00:00:00"
#define SECONDS_PER_DAY 86400
#define SUMS_ANY_SCOPE (-1)      /* serve(): rows of every scope */

#define SCORE_SUMS "qc.code, COUNT(*), SUM(fs.score), SUM(fs.score * fs.score)"
#define OVERALL_SUMS "'', COUNT(*), SUM(f.overall), SUM(f.overall * f.overall)"
#define SCORES_JOIN                                                                     \
	" JOIN feedback_scores fs ON fs.feedback_id = f.id "                                 \
	"JOIN quality_criteria qc ON qc.id = fs.criterion_id "
#define REGION_JOIN " JOIN centres c ON c.id = f.centre_id JOIN districts d ON d.id = c.district_id "
#define OWN_SERVICE_JOIN " JOIN services s ON s.id = f.service_id AND s.centre_id = f.centre_id "
#define GIVEN "f.created_at >= ? AND f.created_at < ? "

/* Per centre, QSUM_* and the centre's region (SUMS_SCOPE), of the ratings
 * given in [from, to): the scores summed by centre and criterion id first,
 * then named, so that millions of rows are grouped on two integers and
 * joined to nothing. Parameters: from, to x2. */
DB_QUERY(q_sums_by_centre,
         "SELECT x.centre_id, qc.code, SUM(x.n), SUM(x.s), SUM(x.ss), d.region_id FROM ("
         "SELECT f.centre_id, fs.criterion_id, COUNT(*) AS n, SUM(fs.score) AS s, SUM(fs.score * fs.score) AS ss "
         "FROM feedback f JOIN feedback_scores fs ON fs.feedback_id = f.id WHERE " GIVEN
         "GROUP BY f.centre_id, fs.criterion_id) x JOIN quality_criteria qc ON qc.id = x.criterion_id "
         "JOIN centres c ON c.id = x.centre_id JOIN districts d ON d.id = c.district_id "
         "GROUP BY x.centre_id, qc.code "
         "UNION ALL SELECT f.centre_id, " OVERALL_SUMS ", d.region_id FROM feedback f" REGION_JOIN
         "WHERE " GIVEN "GROUP BY f.centre_id");
/* One service's QSUM_* of the ratings given in [from, to). Parameters: (service, from, to) x2. */
DB_QUERY(q_sums_of_service,
         "SELECT f.service_id, " SCORE_SUMS " FROM feedback f" OWN_SERVICE_JOIN SCORES_JOIN
         "WHERE f.service_id = ? AND " GIVEN "GROUP BY qc.code "
         "UNION ALL SELECT f.service_id, " OVERALL_SUMS " FROM feedback f" OWN_SERVICE_JOIN
         "WHERE f.service_id = ? AND " GIVEN "GROUP BY f.service_id");
/* Overall QSUM_* per local month (the zone's offset shifts UTC) of a region's
 * ratings given in [from, to). Parameters: offset, region, from, to. */
DB_QUERY(q_sums_by_month,
         "SELECT DATE_FORMAT(f.created_at + INTERVAL ? SECOND, '%Y-%m') AS month, " OVERALL_SUMS
         " FROM feedback f" REGION_JOIN "WHERE d.region_id = ? AND " GIVEN "GROUP BY month");

enum { SUMS_SCOPE = QSUM_SUMSQ + 1 }; /* the optional column after QSUM_* */

struct sum_row {
	char owner[SUMS_OWNER_MAX];
	char code[SUMS_CODE_MAX];
	long long scope; /* a centre's region; 0 when the query has no such column */
	long long n;
	double sum, sumsq;
};

/* The sums of one query for fixed parameters (id, offset, since) up to a boundary. */
struct sums_cache {
	size_t (*bind)(struct db_param *p, const struct sums_cache *c, const char *from, const char *to);
	struct db_query *q;
	bool daily;                  /* the boundary is a UTC midnight, and nothing since it counts */
	struct sums_cache *base;     /* a daily cache of the same query to start from, or NULL */
	long long id;                /* a service, a region */
	long long offset;            /* a zone's offset from UTC, in seconds */
	char since[SUMS_TIME_LEN];   /* the ratings before it never count */
	time_t boundary;             /* 0: nothing loaded yet */
	long long used;              /* when it last served, for SUMS_SERVICES */
	size_t n, cap;
	struct sum_row *rows;        /* malloc'ed, the worker's own */
};

/* Binds from, to twice (the two halves of a UNION of sums). */
static size_t bind_range(struct db_param *p, const struct sums_cache *c, const char *from, const char *to)
{
	(void)c;
	p[0] = P_TEXT(from), p[1] = P_TEXT(to), p[2] = P_TEXT(from), p[3] = P_TEXT(to);
	return 4;
}

/* Binds service, from, to twice. */
static size_t bind_service(struct db_param *p, const struct sums_cache *c, const char *from, const char *to)
{
	p[0] = P_INT(c->id), p[1] = P_TEXT(from), p[2] = P_TEXT(to);
	p[3] = P_INT(c->id), p[4] = P_TEXT(from), p[5] = P_TEXT(to);
	return 6;
}

/* Binds offset, region, from, to. */
static size_t bind_month(struct db_param *p, const struct sums_cache *c, const char *from, const char *to)
{
	p[0] = P_INT(c->offset), p[1] = P_INT(c->id), p[2] = P_TEXT(from), p[3] = P_TEXT(to);
	return 4;
}

/* Per centre, before today: the priors (their regions' sums) and where the
 * centres' own sums start. */
static struct sums_cache centres_daily = { bind_range, &q_sums_by_centre, true, NULL, 0, 0, SUMS_SINCE_EVER, 0, 0, 0, 0, NULL };
static struct sums_cache centres = { bind_range, &q_sums_by_centre, false, &centres_daily, 0, 0, SUMS_SINCE_EVER, 0, 0, 0, 0, NULL };
static struct sums_cache months = { bind_month, &q_sums_by_month, false, NULL, 0, 0, "", 0, 0, 0, 0, NULL };
static struct sums_cache services[SUMS_SERVICES];
static long long uses;

/* t as UTC "YYYY-MM-DD HH:MM:SS" into buf. */
static void utc_text(time_t t, char buf[SUMS_TIME_LEN])
{
	struct tm utc;
	gmtime_r(&t, &utc);
	strftime(buf, SUMS_TIME_LEN, "%Y-%m-%d %H:%M:%S", &utc);
}

/* Adds a row of sums to rows[0..*n) (growing the array *cap when needed);
 * false when out of memory. */
static bool add_row(struct sum_row **rows, size_t *n, size_t *cap, const struct sum_row *r)
{
	for (size_t i = 0; i < *n; i++) {
		struct sum_row *x = &(*rows)[i];
		if (strcmp(x->owner, r->owner) == 0 && strcmp(x->code, r->code) == 0) {
			x->n += r->n, x->sum += r->sum, x->sumsq += r->sumsq;
			return true;
		}
	}
	if (*n == *cap) {
		size_t grown = *cap ? *cap * 2 : 16;
		struct sum_row *more = realloc(*rows, grown * sizeof *more);
		if (more == NULL)
			return false;
		*rows = more, *cap = grown;
	}
	(*rows)[(*n)++] = *r;
	return true;
}

/* The rows of c's query over [from, to) in mem; NULL on failure. */
static struct db_rows *select_range(arena *mem, const struct sums_cache *c, time_t from, time_t to)
{
	char f[SUMS_TIME_LEN], t[SUMS_TIME_LEN];
	struct db_param p[6];
	if (from == 0)
		snprintf(f, sizeof f, "%s", c->since);
	else
		utc_text(from, f);
	if (to == 0)
		snprintf(t, sizeof t, "%s", SUMS_NO_END);
	else
		utc_text(to, t);
	return db_select(mem, c->q, p, c->bind(p, c, f, t));
}

/* Adds every row of r to rows[0..*n); false when out of memory. */
static bool add_rows(struct sum_row **rows, size_t *n, size_t *cap, const struct db_rows *r)
{
	for (size_t i = 0; i < r->nrows; i++) {
		struct sum_row x = { "", "", 0, db_cell_int(r, i, QSUM_N), 0, 0 };
		snprintf(x.owner, sizeof x.owner, "%s", db_cell(r, i, QSUM_OWNER) ? db_cell(r, i, QSUM_OWNER) : "");
		snprintf(x.code, sizeof x.code, "%s", db_cell(r, i, QSUM_CODE) ? db_cell(r, i, QSUM_CODE) : "");
		x.sum = db_cell(r, i, QSUM_SUM) ? strtod(db_cell(r, i, QSUM_SUM), NULL) : 0;
		x.sumsq = db_cell(r, i, QSUM_SUMSQ) ? strtod(db_cell(r, i, QSUM_SUMSQ), NULL) : 0;
		x.scope = r->ncols > SUMS_SCOPE ? db_cell_int(r, i, SUMS_SCOPE) : 0;
		if (!add_row(rows, n, cap, &x))
			return false;
	}
	return true;
}

/* Empties c for other parameters. */
static void reset(struct sums_cache *c)
{
	c->n = 0;
	c->boundary = 0;
}

/* Moves c's boundary to the latest settled moment (a UTC midnight for a
 * daily cache), loading or adding what lies between; a cache with a base
 * starts from a copy of it. False when the database failed (c keeps what it
 * had). */
static bool advance(arena *mem, struct sums_cache *c, time_t now)
{
	time_t settled = now - SUMS_SETTLE;
	if (c->daily)
		settled -= settled % SECONDS_PER_DAY;
	if (c->boundary == 0 && c->base != NULL) {
		if (!advance(mem, c->base, now))
			return false;
		for (size_t i = 0; i < c->base->n; i++)
			if (!add_row(&c->rows, &c->n, &c->cap, &c->base->rows[i])) {
				reset(c);
				return false;
			}
		c->boundary = c->base->boundary;
	}
	if (c->boundary != 0 && (settled <= c->boundary || (!c->daily && settled - c->boundary < SUMS_ADVANCE)))
		return true;
	struct db_rows *r = select_range(mem, c, c->boundary, settled);
	if (r == NULL)
		return false;
	if (!add_rows(&c->rows, &c->n, &c->cap, r)) {
		reset(c);
		return false;
	}
	c->boundary = settled;
	return true;
}

/* c's sums, plus those since its boundary unless it is daily, as QSUM_* rows
 * in mem: only the rows of owner (when not NULL) and of scope (unless
 * SUMS_ANY_SCOPE); with per_scope, summed by scope, which becomes the owner. */
static struct db_rows *serve(arena *mem, struct sums_cache *c, const char *owner, long long scope, bool per_scope)
{
	if (!advance(mem, c, time(NULL)))
		return NULL;
	c->used = ++uses;
	size_t n = c->n, cap = c->n + 16;
	struct sum_row *all = malloc(cap * sizeof *all);
	bool ok = all != NULL;
	if (ok && n > 0)
		memcpy(all, c->rows, n * sizeof *all);
	if (ok && !c->daily) {
		struct db_rows *since = select_range(mem, c, c->boundary, 0);
		ok = since != NULL && add_rows(&all, &n, &cap, since);
	}
	size_t kept = 0;
	for (size_t i = 0; ok && i < n; i++) {
		struct sum_row x = all[i];
		if ((owner != NULL && strcmp(x.owner, owner) != 0) || (scope != SUMS_ANY_SCOPE && x.scope != scope))
			continue;
		if (per_scope) {
			snprintf(x.owner, sizeof x.owner, "%lld", x.scope);
			ok = add_row(&all, &kept, &cap, &x); /* into all[0..kept): kept <= i, no growth */
		} else {
			all[kept++] = x;
		}
	}
	struct db_rows *out = NULL;
	if (ok) {
		out = arena_calloc(mem, 1, sizeof *out);
		out->nrows = kept;
		out->ncols = QSUM_SUMSQ + 1;
		out->cells = arena_calloc(mem, kept * out->ncols + 1, sizeof *out->cells);
		for (size_t i = 0; i < kept; i++) {
			char **cell = &out->cells[i * out->ncols];
			cell[QSUM_OWNER] = arena_strdup(mem, all[i].owner);
			cell[QSUM_CODE] = arena_strdup(mem, all[i].code);
			cell[QSUM_N] = arena_printf(mem, "%lld", all[i].n);
			cell[QSUM_SUM] = arena_printf(mem, "%.6f", all[i].sum);
			cell[QSUM_SUMSQ] = arena_printf(mem, "%.6f", all[i].sumsq);
		}
	}
	free(all);
	return out;
}

struct db_rows *quality_priors(arena *mem)
{
	return serve(mem, &centres_daily, NULL, SUMS_ANY_SCOPE, true);
}

struct db_rows *quality_sums_of_centre(arena *mem, long long centre_id)
{
	return serve(mem, &centres, arena_printf(mem, "%lld", centre_id), SUMS_ANY_SCOPE, false);
}

struct db_rows *quality_sums_by_centre(arena *mem, long long region_id)
{
	return serve(mem, &centres, NULL, region_id, false);
}

struct db_rows *quality_sums_of_service(arena *mem, long long service_id)
{
	struct sums_cache *slot = &services[0];
	for (size_t i = 0; i < SUMS_SERVICES; i++) {
		struct sums_cache *c = &services[i];
		if (c->q != NULL && c->id == service_id) {
			slot = c;
			break;
		}
		if (c->used < slot->used)
			slot = c;
	}
	if (slot->q == NULL || slot->id != service_id) {
		reset(slot);
		slot->bind = bind_service;
		slot->q = &q_sums_of_service;
		slot->id = service_id;
		snprintf(slot->since, sizeof slot->since, "%s", SUMS_SINCE_EVER);
	}
	return serve(mem, slot, NULL, SUMS_ANY_SCOPE, false);
}

struct db_rows *quality_sums_by_month(arena *mem, long long region_id, const char *from_utc, long offset_seconds)
{
	if (months.id != region_id || months.offset != offset_seconds || strcmp(months.since, from_utc) != 0) {
		reset(&months);
		months.id = region_id;
		months.offset = offset_seconds;
		snprintf(months.since, sizeof months.since, "%s", from_utc);
	}
	return serve(mem, &months, NULL, SUMS_ANY_SCOPE, false);
}
