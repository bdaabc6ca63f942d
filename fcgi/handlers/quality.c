/* handlers/quality.c: the quality index where people read it. /quality
 * explains the unified standard in plain Russian (its criteria and
 * weights, who may rate and how, how the index is computed), compares the
 * region's centres overall and per criterion, and shows the trend of the
 * last months; each of its two charts (/quality/chart-centres.svg,
 * /quality/chart-trend.svg) draws exactly the rows of the table beside it.
 * Service and centre pages get a small block with their own index.
 *
 * The numbers come from fcgi/quality.c: index = (C·m + Σx)/(C + n) with the
 * region's mean m as the prior, the 95 % interval of the mean, and nothing
 * but «недостаточно оценок» under QUALITY_MIN_RATINGS ratings. */
#include "handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../quality.h"
#include "../svg.h"
#include "../timefmt.h"

#define SERVICE_COMMENTS_SHOWN 10
#define TREND_MONTHS 12
#define OVERALL_CODE ""           /* the sums' code of the overall score */
#define MONTH_KEY_LEN 8           /* "YYYY-MM" and its NUL */
#define NOT_ENOUGH "недостаточно оценок"
#define NO_VALUE "—"
#define CHART_TICK 1              /* a grid line at every score */

/* A measure the index is computed for: the overall score, or a criterion
 * of the published version. */
struct measure {
	const char *code; /* OVERALL_CODE, or the criterion's code */
	const char *name;
};

/* The published version of the standard and its measures. */
struct standard_view {
	struct db_rows *standard; /* QS_*; no row before the first publication */
	struct db_rows *criteria; /* QC_* */
	struct measure *measures; /* [0] overall, then the criteria in order */
	size_t n;
};

/* One centre of the comparison: its index on every measure. */
struct centre_row {
	const char *slug, *name;
	struct quality_index *idx; /* per measure */
};

struct comparison {
	long long region;
	struct standard_view sv;
	struct quality_sums *prior; /* the region's sums per measure */
	struct centre_row *rows;
	size_t n;
	size_t shown; /* the measure the chart draws (?criterion=) */
};

/* One month of the trend. */
struct month_row {
	char key[MONTH_KEY_LEN]; /* local "YYYY-MM" */
	const char *label;       /* "ноябрь 2025" */
	const char *short_label; /* "нояб. 2025": two lines under a column */
	struct quality_index idx;
};

static const char *const month_names[12] = {
	"январь", "февраль", "март", "апрель", "май", "июнь",
	"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
};
static const char *const month_short[12] = {
	"янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек.",
};

/* ---- numbers ------------------------------------------------------------- */

/* True when both texts are equal, NULL being "". */
static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* v as "4,27" in mem. */
static const char *fmt(arena *mem, double v)
{
	char buf[QUALITY_FORMAT_MAX];
	quality_format(buf, sizeof buf, v);
	return arena_strdup(mem, buf);
}

/* The QSUM_* row of rows with code whose owner is owner (any row when owner
 * is NULL) as sums; empty when there is none. */
static struct quality_sums sums_of(const struct db_rows *rows, const char *owner, const char *code)
{
	struct quality_sums s = { 0, 0, 0 };
	for (size_t i = 0; i < rows->nrows; i++) {
		const char *o = db_cell(rows, i, QSUM_OWNER), *c = db_cell(rows, i, QSUM_CODE);
		if ((owner != NULL && !same(o, owner)) || !same(c, code))
			continue;
		s.n = db_cell_int(rows, i, QSUM_N);
		s.sum = strtod(db_cell(rows, i, QSUM_SUM), NULL);
		s.sumsq = strtod(db_cell(rows, i, QSUM_SUMSQ), NULL);
		break;
	}
	return s;
}

/* The prior's sums of code in a region: its ratings before today. */
static struct quality_sums prior_of(arena *mem, const struct db_rows *priors, long long region, const char *code)
{
	return sums_of(priors, arena_printf(mem, "%lld", region), code);
}

/* The INDEX include (quality_index.tpl) of q under d: N, N_WORD, and ENOUGH
 * (INDEX, INTERVAL with LOW and HIGH) or NOT_ENOUGH. */
static void fill_index(tpl_dict *d, arena *mem, const struct quality_index *q)
{
	tpl_dict *x = tpl_include(d, "INDEX", "quality_index.tpl");
	tpl_set_int(x, "N", q->n);
	tpl_set(x, "N_WORD", plural_ru(q->n, "оценка", "оценки", "оценок"));
	tpl_set_int(x, "THRESHOLD", QUALITY_MIN_RATINGS);
	if (!q->enough) {
		tpl_show(x, "NOT_ENOUGH");
		return;
	}
	tpl_dict *e = tpl_section(x, "ENOUGH");
	tpl_set(e, "INDEX", fmt(mem, q->index));
	if (q->has_interval) {
		tpl_dict *iv = tpl_section(e, "INTERVAL");
		tpl_set(iv, "LOW", fmt(mem, q->low));
		tpl_set(iv, "HIGH", fmt(mem, q->high));
	}
}

/* ---- the standard ---------------------------------------------------------- */

/* Loads the published version and its measures; false when the database failed. */
static bool load_standard(arena *mem, struct standard_view *sv)
{
	static struct db_rows no_criteria;
	sv->standard = quality_standard_current(mem);
	if (sv->standard == NULL)
		return false;
	sv->criteria = sv->standard->nrows ? quality_criteria_of(mem, db_cell_int(sv->standard, 0, QS_ID))
	                                   : &no_criteria;
	if (sv->criteria == NULL)
		return false;
	sv->n = 1 + sv->criteria->nrows;
	sv->measures = arena_calloc(mem, sv->n, sizeof *sv->measures);
	sv->measures[0] = (struct measure){ OVERALL_CODE, "Общий индекс" };
	for (size_t i = 0; i < sv->criteria->nrows; i++)
		sv->measures[i + 1] = (struct measure){ db_cell(sv->criteria, i, QC_CODE), db_cell(sv->criteria, i, QC_NAME) };
	return true;
}

/* Sum of the weights of the published criteria. */
static double total_weight(const struct db_rows *criteria)
{
	double total = 0;
	for (size_t i = 0; i < criteria->nrows; i++)
		total += strtod(db_cell(criteria, i, QC_WEIGHT), NULL);
	return total;
}

/* STANDARD: the version, its date, and each CRITERION with its weight and share. */
static void fill_standard(tpl_dict *d, arena *mem, const struct standard_view *sv)
{
	if (sv->standard->nrows == 0) {
		tpl_show(d, "NO_STANDARD");
		return;
	}
	tpl_dict *s = tpl_section(d, "STANDARD");
	tpl_set(s, "VERSION", db_cell(sv->standard, 0, QS_VERSION));
	tpl_set(s, "STANDARD_TITLE", db_cell(sv->standard, 0, QS_TITLE));
	tpl_set(s, "STANDARD_DESCRIPTION", db_cell(sv->standard, 0, QS_DESCRIPTION));
	tpl_set(s, "PUBLISHED_AT", format_date_ru(mem, db_cell(sv->standard, 0, QS_PUBLISHED_AT)));
	double total = total_weight(sv->criteria);
	for (size_t i = 0; i < sv->criteria->nrows; i++) {
		tpl_dict *c = tpl_section(s, "CRITERION");
		double w = strtod(db_cell(sv->criteria, i, QC_WEIGHT), NULL);
		tpl_set(c, "NAME", db_cell(sv->criteria, i, QC_NAME));
		tpl_set(c, "DESCRIPTION", db_cell(sv->criteria, i, QC_DESCRIPTION));
		tpl_set(c, "WEIGHT", fmt(mem, w));
		tpl_set_int(c, "SHARE", total > 0 ? (long long)(100 * w / total + 0.5) : 0);
	}
}

/* ---- the block of a service or a centre ----------------------------------------- */

/* The QUALITY include from sums (QSUM_* of one service or centre), with the
 * priors of the centre's region. Returns the block, or NULL when the
 * database failed. */
static tpl_dict *fill_block(struct request *req, tpl_dict *page, const struct db_rows *sums, long long centre_id)
{
	struct standard_view sv;
	struct db_rows *priors = quality_priors(req->mem);
	long long region = region_of_centre(req->mem, centre_id);
	if (sums == NULL || priors == NULL || region < 0 || !load_standard(req->mem, &sv))
		return NULL;
	tpl_dict *b = tpl_include(page, "QUALITY", "quality_block.tpl");
	tpl_set_int(b, "THRESHOLD", QUALITY_MIN_RATINGS);
	for (size_t k = 0; k < sv.n; k++) {
		struct quality_sums s = sums_of(sums, NULL, sv.measures[k].code);
		struct quality_sums p = prior_of(req->mem, priors, region, sv.measures[k].code);
		struct quality_index q = quality_index_of(&s, &p);
		tpl_dict *m = k == 0 ? tpl_section(b, "OVERALL") : tpl_section(b, "CRITERION");
		tpl_set(m, "NAME", sv.measures[k].name);
		fill_index(m, req->mem, &q);
	}
	return b;
}

/* The block of a service: its own centre's ratings, and the approved comments. */
int fill_service_quality(struct request *req, tpl_dict *page, long long service_id, const char *centre_slug)
{
	long long centre_id = centre_id_by_slug(req->mem, centre_slug);
	tpl_dict *b = centre_id < 0 ? NULL
	                            : fill_block(req, page, quality_sums_of_service(req->mem, service_id), centre_id);
	struct db_rows *c = b ? feedback_comments_of_service(req->mem, service_id, SERVICE_COMMENTS_SHOWN) : NULL;
	if (c == NULL)
		return -1;
	tpl_set(b, "WHAT", "услуги");
	tpl_show(b, "COMMENTS");
	for (size_t i = 0; i < c->nrows; i++) {
		tpl_dict *s = tpl_section(b, "COMMENT");
		tpl_set(s, "COMMENT_ID", db_cell(c, i, FBC_ID));
		tpl_set(s, "COMMENT_TEXT", db_cell(c, i, FBC_COMMENT));
		tpl_set(s, "COMMENT_OVERALL", fmt(req->mem, strtod(db_cell(c, i, FBC_OVERALL), NULL)));
		tpl_set(s, "COMMENT_DATE", format_date_ru(req->mem, db_cell(c, i, FBC_CREATED_AT)));
	}
	if (c->nrows == 0)
		tpl_show(b, "NO_COMMENTS");
	return 0;
}

/* The block of a centre: every rating of work it did. */
int fill_centre_quality(struct request *req, tpl_dict *page, long long centre_id)
{
	tpl_dict *b = fill_block(req, page, quality_sums_of_centre(req->mem, centre_id), centre_id);
	if (b == NULL)
		return -1;
	tpl_set(b, "WHAT", "центра");
	return 0;
}

/* ---- the comparison of centres ------------------------------------------------- */

/* Orders centres: those with enough ratings first, by overall index, then by name. */
static int by_overall(const void *a, const void *b)
{
	const struct centre_row *x = a, *y = b;
	if (x->idx[0].enough != y->idx[0].enough)
		return x->idx[0].enough ? -1 : 1;
	if (x->idx[0].enough && x->idx[0].index != y->idx[0].index)
		return x->idx[0].index > y->idx[0].index ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The ?criterion= filter: the measure the chart draws. 0, or 400 (sent). */
static int read_shown(struct request *req, struct response *resp, struct comparison *c)
{
	const char *code = query_value(req, "criterion");
	c->shown = 0;
	if (code == NULL)
		return 0;
	for (size_t k = 1; k < c->sv.n; k++)
		if (strcmp(c->sv.measures[k].code, code) == 0) {
			c->shown = k;
			return 0;
		}
	page_bad_param(req, resp, "criterion");
	return 400;
}

/* Every centre of the region with its index per measure, in display order. */
static void compute_rows(arena *mem, struct comparison *c, const struct db_rows *centres, const struct db_rows *sums)
{
	c->n = centres->nrows;
	c->rows = arena_calloc(mem, c->n + 1, sizeof *c->rows);
	for (size_t i = 0; i < c->n; i++) {
		struct centre_row *row = &c->rows[i];
		row->slug = db_cell(centres, i, RC_SLUG);
		row->name = db_cell(centres, i, RC_SHORT_NAME);
		row->idx = arena_calloc(mem, c->sv.n, sizeof *row->idx);
		for (size_t k = 0; k < c->sv.n; k++) {
			struct quality_sums s = sums_of(sums, db_cell(centres, i, RC_ID), c->sv.measures[k].code);
			row->idx[k] = quality_index_of(&s, &c->prior[k]);
		}
	}
	qsort(c->rows, c->n, sizeof *c->rows, by_overall);
}

/* Loads and computes the comparison; 0, or the status already sent. */
static int load_comparison(struct request *req, struct response *resp, struct comparison *c)
{
	memset(c, 0, sizeof *c);
	struct db_rows *priors = quality_priors(req->mem), *centres = NULL, *sums = NULL;
	c->region = site_region_id(req->mem);
	if (priors != NULL && c->region >= 0 && load_standard(req->mem, &c->sv)) {
		centres = centres_of_region(req->mem, c->region);
		sums = quality_sums_by_centre(req->mem, c->region);
	}
	if (centres == NULL || sums == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	if (read_shown(req, resp, c) != 0)
		return 400;
	c->prior = arena_calloc(req->mem, c->sv.n, sizeof *c->prior);
	for (size_t k = 0; k < c->sv.n; k++)
		c->prior[k] = prior_of(req->mem, priors, c->region, c->sv.measures[k].code);
	compute_rows(req->mem, c, centres, sums);
	return 0;
}

/* path?criterion=code of measure k (none for the overall index). */
static char *measure_link(arena *mem, const char *path, const struct comparison *c, size_t k)
{
	struct link_param lp[] = { { "criterion", k == 0 ? NULL : c->sv.measures[k].code } };
	return build_link(mem, path, lp, 1);
}

/* MEASURE sections: the table's columns, and the chart's choice of measure. */
static void fill_measures(tpl_dict *d, arena *mem, const struct comparison *c)
{
	for (size_t k = 0; k < c->sv.n; k++) {
		tpl_dict *m = tpl_section(d, "MEASURE");
		tpl_set(m, "MEASURE_NAME", c->sv.measures[k].name);
		tpl_set(m, "MEASURE_URL", measure_link(mem, "/quality", c, k));
		if (k == c->shown)
			tpl_show(m, "MEASURE_SHOWN");
		else
			tpl_show(m, "MEASURE_OTHER");
	}
}

/* The comparison table: a CENTRE row per centre, a CELL per measure. */
static void fill_comparison(tpl_dict *d, arena *mem, const struct comparison *c)
{
	fill_measures(d, mem, c);
	tpl_set(d, "SHOWN_NAME", c->sv.measures[c->shown].name);
	tpl_set(d, "CHART_URL", measure_link(mem, "/quality/chart-centres.svg", c, c->shown));
	for (size_t i = 0; i < c->n; i++) {
		tpl_dict *r = tpl_section(d, "CENTRE");
		tpl_set(r, "CENTRE_SLUG", c->rows[i].slug);
		tpl_set(r, "CENTRE_NAME", c->rows[i].name);
		for (size_t k = 0; k < c->sv.n; k++) {
			tpl_dict *cell = tpl_section(r, "CELL");
			tpl_set(cell, "MEASURE_NAME", c->sv.measures[k].name);
			fill_index(cell, mem, &c->rows[i].idx[k]);
		}
	}
	if (c->n == 0)
		tpl_show(d, "NO_CENTRES");
}

/* METHOD: the prior's current values, so the formula can be checked by hand. */
static void fill_method(tpl_dict *d, arena *mem, const struct comparison *c)
{
	tpl_set_int(d, "PRIOR_WEIGHT", (long long)QUALITY_PRIOR_WEIGHT);
	tpl_set_int(d, "THRESHOLD", QUALITY_MIN_RATINGS);
	tpl_set(d, "NEUTRAL_PRIOR", fmt(mem, QUALITY_NEUTRAL_PRIOR));
	for (size_t k = 0; k < c->sv.n; k++) {
		tpl_dict *p = tpl_section(d, "PRIOR");
		tpl_set(p, "PRIOR_NAME", c->sv.measures[k].name);
		tpl_set(p, "PRIOR_MEAN", fmt(mem, quality_prior(&c->prior[k])));
		tpl_set_int(p, "PRIOR_N", c->prior[k].n);
	}
}

/* ---- the trend ------------------------------------------------------------------- */

/* UTC "YYYY-MM-DD HH:MM:SS" of t, in mem. */
static const char *utc_text(arena *mem, time_t t)
{
	struct tm utc;
	char buf[sizeof "YYYY-MM-DD HH:MM:SS"];
	gmtime_r(&t, &utc);
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &utc);
	return arena_strdup(mem, buf);
}

/* The last TREND_MONTHS local months, oldest first, into rows; *from_utc
 * gets the UTC start of the first and *offset the zone's offset. */
static void trend_months(arena *mem, struct month_row *rows, const char **from_utc, long *offset)
{
	time_t now = time(NULL);
	struct tm local;
	localtime_r(&now, &local);
	*offset = local.tm_gmtoff;
	for (int i = 0; i < TREND_MONTHS; i++) {
		struct tm m = { .tm_year = local.tm_year, .tm_mon = local.tm_mon - (TREND_MONTHS - 1) + i, .tm_mday = 1,
		                .tm_isdst = -1 };
		time_t start = mktime(&m); /* normalises the month and the year */
		strftime(rows[i].key, sizeof rows[i].key, "%Y-%m", &m);
		rows[i].label = arena_printf(mem, "%s %d", month_names[m.tm_mon], m.tm_year + 1900);
		rows[i].short_label = arena_printf(mem, "%s %d", month_short[m.tm_mon], m.tm_year + 1900);
		if (i == 0)
			*from_utc = utc_text(mem, start);
	}
}

/* The trend of the region's overall score; 0, or the status already sent. */
static int load_trend(struct request *req, struct response *resp, long long region, struct month_row *rows)
{
	const char *from;
	long offset;
	trend_months(req->mem, rows, &from, &offset);
	struct db_rows *sums = quality_sums_by_month(req->mem, region, from, offset);
	if (sums == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	for (int i = 0; i < TREND_MONTHS; i++) {
		struct quality_sums s = sums_of(sums, rows[i].key, OVERALL_CODE), none = { 0, 0, 0 };
		rows[i].idx = quality_index_of(&s, &none);
		rows[i].idx.index = rows[i].idx.mean; /* a month of the whole region needs no prior */
	}
	return 0;
}

/* MONTH rows: month, n, mean and interval. */
static void fill_trend(tpl_dict *d, arena *mem, const struct month_row *rows)
{
	for (int i = 0; i < TREND_MONTHS; i++) {
		tpl_dict *m = tpl_section(d, "MONTH");
		tpl_set(m, "MONTH_LABEL", rows[i].label);
		fill_index(m, mem, &rows[i].idx);
	}
}

/* ---- pages and charts ------------------------------------------------------------- */

/* GET /quality?criterion=: the standard, the method, the comparison and the trend. */
void handle_quality(struct request *req, struct response *resp)
{
	struct comparison c;
	struct month_row months[TREND_MONTHS];
	if (load_comparison(req, resp, &c) != 0 || load_trend(req, resp, c.region, months) != 0)
		return;
	struct page p;
	page_begin(&p, req, "quality.tpl", "Качество услуг", NAV_QUALITY);
	fill_standard(p.content, req->mem, &c.sv);
	fill_method(p.content, req->mem, &c);
	fill_comparison(p.content, req->mem, &c);
	fill_trend(p.content, req->mem, months);
	page_finish(&p, resp, 200);
}

/* The chart's description: what it draws, and that the table has the same rows. */
static const char *centres_desc(arena *mem, const struct comparison *c)
{
	return arena_printf(mem,
	                    "%s ресурсных центров по единому стандарту качества, шкала от 1 до 5. Центры, у которых "
	                    "меньше %d оценок, показаны без столбца: «%s». Те же данные — в таблице «Сравнение "
	                    "центров» на странице /quality.",
	                    c->sv.measures[c->shown].name, QUALITY_MIN_RATINGS, NOT_ENOUGH);
}

/* GET /quality/chart-centres.svg?criterion=: a bar per row of the comparison table. */
void handle_quality_chart_centres(struct request *req, struct response *resp)
{
	struct comparison c;
	if (load_comparison(req, resp, &c) != 0)
		return;
	struct svg_bar *bars = arena_calloc(req->mem, c.n + 1, sizeof *bars);
	for (size_t i = 0; i < c.n; i++) {
		const struct quality_index *q = &c.rows[i].idx[c.shown];
		bars[i] = (struct svg_bar){ c.rows[i].name, q->enough ? fmt(req->mem, q->index) : NOT_ENOUGH, q->index,
		                            q->enough };
	}
	struct svg_chart chart = {
		"chart-centres", arena_printf(req->mem, "Сравнение центров: %s", c.sv.measures[c.shown].name),
		centres_desc(req->mem, &c), chart_palette(req), QUALITY_SCORE_MIN, QUALITY_SCORE_MAX, CHART_TICK, NULL,
	};
	size_t len = 0;
	char *svg = svg_bar_chart(req->mem, &chart, bars, c.n, &len);
	chart_respond(req, resp, svg, len);
}

/* GET /quality/chart-trend.svg: a column per row of the monthly table. */
void handle_quality_chart_trend(struct request *req, struct response *resp)
{
	struct month_row months[TREND_MONTHS];
	long long region = site_region_id(req->mem);
	if (region < 0) {
		page_db_failure(req, resp);
		return;
	}
	if (load_trend(req, resp, region, months) != 0)
		return;
	struct svg_bar cols[TREND_MONTHS];
	for (int i = 0; i < TREND_MONTHS; i++) {
		const struct quality_index *q = &months[i].idx;
		cols[i] = (struct svg_bar){ months[i].short_label, q->enough ? fmt(req->mem, q->index) : NO_VALUE, q->index,
		                            q->enough };
	}
	struct svg_chart chart = {
		"chart-trend", "Средняя общая оценка по месяцам",
		arena_printf(req->mem,
		             "Средняя общая оценка услуг ресурсных центров края за последние %d месяцев, шкала от 1 до 5. "
		             "Месяцы, в которых меньше %d оценок, показаны без столбца. Те же данные — в таблице "
		             "«Оценки по месяцам» на странице /quality.",
		             TREND_MONTHS, QUALITY_MIN_RATINGS),
		chart_palette(req), QUALITY_SCORE_MIN, QUALITY_SCORE_MAX, CHART_TICK, NULL,
	};
	size_t len = 0;
	char *svg = svg_column_chart(req->mem, &chart, cols, TREND_MONTHS, &len);
	chart_respond(req, resp, svg, len);
}
