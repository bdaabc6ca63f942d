/* handlers/survival.c: /survival, the share of grant-funded projects still
 * alive 6 and 12 months after their first grant ended, by district, by
 * supporting centre and by the year the grant ended: a data table for each,
 * and beside it two bar charts (/survival/{breakdown}-{6|12}.svg) drawn by
 * svg.c with one bar per row of the table, in the same order. The
 * arithmetic is survival.c's (through survival_figures); the page states
 * the definition in plain Russian. */
#include "handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../survival.h"
#include "../svg.h"
#include "../timefmt.h"

#define SHARE_AXIS_MAX 100.0 /* percent */
#define SHARE_TICK 25.0
#define NO_SHARE "ещё рано"   /* no project of the row has reached the horizon */

/* One breakdown of the figures: its SV_BREAKDOWN code and how it is named. */
struct breakdown_view {
	const char *code;
	const char *heading; /* the section and its table */
	const char *column;  /* the first column's header */
	const char *by;      /* in chart titles: "по районам" */
};

static const struct breakdown_view views[] = {
	{ "district", "По районам", "Район", "по районам" },
	{ "centre", "По ресурсным центрам", "Поддерживающий центр", "по поддерживающим центрам" },
	{ "year", "По году окончания первого гранта", "Год окончания гранта", "по году окончания первого гранта" },
};
#define NVIEWS (sizeof views / sizeof views[0])

/* "62,5 %" from "62.5", or NO_SHARE for NULL. */
static const char *share_ru(arena *mem, const char *share)
{
	if (share == NULL)
		return NO_SHARE;
	char *s = arena_printf(mem, "%s\u00a0%%", share);
	char *dot = strchr(s, '.');
	if (dot != NULL)
		*dot = ',';
	return s;
}

/* The SV_* columns of each horizon and the template section of its cells. */
static const struct {
	size_t observed, alive, share;
	const char *section;
} horizons[SURVIVAL__HORIZONS] = {
	{ SV_OBSERVED_6, SV_ALIVE_6, SV_SHARE_6, "H6" },     /* SURVIVAL_6 */
	{ SV_OBSERVED_12, SV_ALIVE_12, SV_SHARE_12, "H12" }, /* SURVIVAL_12 */
};

/* Horizon h's three cells of row i into s: passed, alive, share. */
static void fill_horizon(tpl_dict *s, arena *mem, const struct db_rows *r, size_t i, enum survival_horizon h)
{
	tpl_dict *d = tpl_section(s, horizons[h].section);
	tpl_set(d, "OBSERVED", db_cell(r, i, horizons[h].observed));
	tpl_set(d, "ALIVE", db_cell(r, i, horizons[h].alive));
	tpl_set(d, "SHARE", share_ru(mem, db_cell(r, i, horizons[h].share)));
}

/* A table row (ROW section) for figures row i. */
static void fill_figure_row(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_dict *s = tpl_section(d, "ROW");
	tpl_set(s, "KEY", db_cell(r, i, SV_KEY));
	tpl_set(s, "NAME", db_cell(r, i, SV_NAME));
	tpl_set(s, "PROJECTS", db_cell(r, i, SV_PROJECTS));
	fill_horizon(s, mem, r, i, SURVIVAL_6);
	fill_horizon(s, mem, r, i, SURVIVAL_12);
}

/* The summary sentence values from the "all" row. */
static void fill_summary(tpl_dict *d, arena *mem, const struct db_rows *r)
{
	for (size_t i = 0; i < r->nrows; i++) {
		if (strcmp(db_cell(r, i, SV_BREAKDOWN), SURVIVAL_ALL_KEY) != 0)
			continue;
		tpl_dict *s = tpl_section(d, "SUMMARY");
		long long n = db_cell_int(r, i, SV_PROJECTS), n6 = db_cell_int(r, i, SV_OBSERVED_6);
		long long n12 = db_cell_int(r, i, SV_OBSERVED_12);
		tpl_set(s, "PROJECTS", db_cell(r, i, SV_PROJECTS));
		tpl_set(s, "PROJECTS_WORD", plural_ru(n, "проект", "проекта", "проектов"));
		fill_horizon(s, mem, r, i, SURVIVAL_6);
		fill_horizon(s, mem, r, i, SURVIVAL_12);
		tpl_set(s, "OF_6_WORD", plural_ru(n6, "проекта", "проектов", "проектов"));
		tpl_set(s, "OF_12_WORD", plural_ru(n12, "проекта", "проектов", "проектов"));
	}
}

/* One BREAKDOWN section: heading, table rows and the two charts. */
static void fill_breakdown(tpl_dict *d, arena *mem, const struct db_rows *r, const struct breakdown_view *v)
{
	tpl_dict *b = tpl_section(d, "BREAKDOWN");
	tpl_set(b, "CODE", v->code);
	tpl_set(b, "HEADING", v->heading);
	tpl_set(b, "COLUMN", v->column);
	tpl_set(b, "BY", v->by);
	size_t n = 0;
	for (size_t i = 0; i < r->nrows; i++)
		if (strcmp(db_cell(r, i, SV_BREAKDOWN), v->code) == 0) {
			fill_figure_row(b, mem, r, i);
			n++;
		}
	if (n == 0)
		tpl_show(b, "NO_ROWS");
}

/* GET /survival: the dashboard. */
void handle_survival(struct request *req, struct response *resp)
{
	int today = survival_today(time(NULL));
	struct db_rows *r = survival_figures(req->mem, today);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	int y, m, d;
	survival_civil(today, &y, &m, &d);
	struct page p;
	page_begin(&p, req, "survival.tpl", "Выживаемость проектов НКО после гранта", NAV_PROJECTS);
	tpl_set(p.content, "AS_OF", format_day_ru(req->mem, arena_printf(req->mem, "%04d-%02d-%02d", y, m, d)));
	fill_summary(p.content, req->mem, r);
	for (size_t k = 0; k < NVIEWS; k++)
		fill_breakdown(p.content, req->mem, r, &views[k]);
	page_finish(&p, resp, 200);
}

/* The view and horizon a chart name ("district-6") asks for; false when unknown. */
static bool parse_chart_name(const char *name, const struct breakdown_view **v, enum survival_horizon *h)
{
	const char *dash = strrchr(name, '-');
	if (dash == NULL)
		return false;
	size_t len = (size_t)(dash - name);
	for (size_t k = 0; k < NVIEWS; k++) {
		if (strlen(views[k].code) != len || strncmp(name, views[k].code, len) != 0)
			continue;
		for (int i = 0; i < SURVIVAL__HORIZONS; i++) {
			char months[8];
			snprintf(months, sizeof months, "%d", survival_horizon_months[i]);
			if (strcmp(dash + 1, months) == 0) {
				*v = &views[k];
				*h = (enum survival_horizon)i;
				return true;
			}
		}
	}
	return false;
}

/* The bars of view v at horizon h: one per figures row of v, in order. */
static struct svg_bar *chart_bars(arena *mem, const struct db_rows *r, const struct breakdown_view *v,
                                  enum survival_horizon h, size_t *n)
{
	size_t observed = horizons[h].observed, alive = horizons[h].alive, share = horizons[h].share;
	struct svg_bar *bars = arena_calloc(mem, r->nrows + 1, sizeof *bars);
	*n = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		if (strcmp(db_cell(r, i, SV_BREAKDOWN), v->code) != 0)
			continue;
		const char *s = db_cell(r, i, share);
		bars[(*n)++] = (struct svg_bar){
			db_cell(r, i, SV_NAME),
			s ? arena_printf(mem, "%s (%s из %s)", share_ru(mem, s), db_cell(r, i, alive), db_cell(r, i, observed))
			  : NO_SHARE,
			s ? strtod(s, NULL) : 0, s != NULL,
		};
	}
	return bars;
}

/* GET /survival/{breakdown}-{months}.svg: one chart of the dashboard. */
void handle_survival_chart(struct request *req, struct response *resp)
{
	const struct breakdown_view *v;
	enum survival_horizon h;
	if (!parse_chart_name(request_param(req, "name"), &v, &h)) {
		page_error(req, resp, 404, "Такой диаграммы нет. Все диаграммы — на странице «Выживаемость проектов».");
		return;
	}
	struct db_rows *r = survival_figures(req->mem, survival_today(time(NULL)));
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	size_t n;
	struct svg_bar *bars = chart_bars(req->mem, r, v, h, &n);
	int months = survival_horizon_months[h];
	struct svg_chart chart = {
		arena_printf(req->mem, "chart-%s-%d", v->code, months),
		arena_printf(req->mem, "Доля проектов, живых через %d месяцев после первого гранта, %s", months, v->by),
		arena_printf(req->mem,
		             "Процент проектов с президентским, региональным или муниципальным грантом, которые живы "
		             "через %d месяцев после окончания первого гранта, %s. Строки, где %d месяцев ещё ни у "
		             "одного проекта не прошло, показаны без столбца: «%s». Те же данные — в таблице «%s» на "
		             "странице /survival.",
		             months, v->by, months, NO_SHARE, v->heading),
		chart_palette(req), 0, SHARE_AXIS_MAX, SHARE_TICK, " %",
	};
	size_t len = 0;
	char *svg = svg_bar_chart(req->mem, &chart, bars, n, &len);
	chart_respond(req, resp, svg, len);
}
