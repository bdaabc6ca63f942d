/* handlers/coverage.c: how the region's districts are reached by the
 * services of its centres. /coverage is a district × top-level category
 * table of active services that reach each district in person (format
 * offline or both) and, counted apart, online (online or both), with every
 * gap written out in words; /coverage/map.svg draws the same districts as a
 * tile map shaded by how many services reach them in person (all
 * categories, or the one chosen with ?category=). /staff/coverage shows a
 * centre which districts its own services do not reach, by category. */
#include "handlers.h"

#include <string.h>

#include "../config.h"
#include "../svg.h"
#include "staff.h"

#define MAP_FALLBACK_COLUMNS 5 /* districts without a place on the map fill rows this wide */
#define MAP_LEVELS_ABOVE_ZERO (SVG_LEVELS - 1)

/* The coverage of the region's districts, by top-level category. */
struct coverage {
	struct db_rows *districts;  /* CDIST_* */
	struct db_rows *categories; /* CATEGORY_*, groups first then children */
	size_t *tops;               /* rows of categories that are top-level groups */
	size_t ntops;
	long long *in_person, *online; /* [district * ntops + top] */
};

/* Services reaching one district: all categories, or one. */
struct reach {
	long long in_person, online;
};

/* The region this install serves ([site] region_slug). */
long long site_region_id(arena *mem)
{
	return region_id_by_slug(mem, config_current()->region_slug);
}

/* Index of category id among the top-level groups, or -1. */
static long top_index(const struct coverage *cv, long long id)
{
	for (size_t t = 0; t < cv->ntops; t++)
		if (db_cell_int(cv->categories, cv->tops[t], CATEGORY_ID) == id)
			return (long)t;
	return -1;
}

/* Row of district id in cv->districts, or -1. */
static long district_index(const struct coverage *cv, long long id)
{
	for (size_t d = 0; d < cv->districts->nrows; d++)
		if (db_cell_int(cv->districts, d, CDIST_ID) == id)
			return (long)d;
	return -1;
}

/* Fills the matrix from COVER_* rows. */
static void count_reach(arena *mem, struct coverage *cv, const struct db_rows *counts)
{
	size_t cells = cv->districts->nrows * cv->ntops + 1;
	cv->in_person = arena_calloc(mem, cells, sizeof *cv->in_person);
	cv->online = arena_calloc(mem, cells, sizeof *cv->online);
	for (size_t i = 0; i < counts->nrows; i++) {
		long d = district_index(cv, db_cell_int(counts, i, COVER_DISTRICT_ID));
		long t = top_index(cv, db_cell_int(counts, i, COVER_CATEGORY_ID));
		if (d < 0 || t < 0)
			continue;
		cv->in_person[d * (long)cv->ntops + t] = db_cell_int(counts, i, COVER_IN_PERSON);
		cv->online[d * (long)cv->ntops + t] = db_cell_int(counts, i, COVER_ONLINE);
	}
}

/* Loads the coverage of the region by the services of centre_id (0 = of
 * every centre). false when the database failed. */
static bool load_coverage(arena *mem, long long centre_id, struct coverage *cv)
{
	long long region = site_region_id(mem);
	cv->categories = categories_all(mem);
	cv->districts = region >= 0 ? coverage_districts(mem, region) : NULL;
	struct db_rows *counts = cv->districts ? coverage_counts(mem, region, centre_id) : NULL;
	if (cv->categories == NULL || counts == NULL)
		return false;
	cv->tops = arena_calloc(mem, cv->categories->nrows + 1, sizeof *cv->tops);
	cv->ntops = 0;
	for (size_t i = 0; i < cv->categories->nrows; i++)
		if (db_cell(cv->categories, i, CATEGORY_PARENT_ID) == NULL)
			cv->tops[cv->ntops++] = i;
	count_reach(mem, cv, counts);
	return true;
}

/* What reaches district d: in category t, or in all when t < 0. */
static struct reach reach_of(const struct coverage *cv, size_t d, long t)
{
	struct reach r = { 0, 0 };
	for (size_t k = 0; k < cv->ntops; k++)
		if (t < 0 || (size_t)t == k) {
			r.in_person += cv->in_person[d * cv->ntops + k];
			r.online += cv->online[d * cv->ntops + k];
		}
	return r;
}

/* The ?category= filter: a top-level group's index (-1 for all). 0, or 400 (sent). */
static int read_category(struct request *req, struct response *resp, const struct coverage *cv, long *t)
{
	const char *slug = query_value(req, "category");
	*t = -1;
	for (size_t k = 0; slug != NULL && k < cv->ntops; k++)
		if (strcmp(db_cell(cv->categories, cv->tops[k], CATEGORY_SLUG), slug) == 0)
			*t = (long)k;
	if (slug == NULL || *t >= 0)
		return 0;
	page_bad_param(req, resp, "category");
	return 400;
}

/* The words for category chosen (-1: all). */
static const char *chosen_name(const struct coverage *cv, long chosen)
{
	return chosen < 0 ? "все виды поддержки" : db_cell(cv->categories, cv->tops[chosen], CATEGORY_NAME);
}

/* ---- the public page ------------------------------------------------------- */

/* One CELL of the table: the counts, and a gap said in words. */
static void fill_cell(tpl_dict *row, struct reach r)
{
	tpl_dict *c = tpl_section(row, "CELL");
	tpl_set_int(c, "IN_PERSON", r.in_person);
	tpl_set_int(c, "ONLINE", r.online);
	if (r.in_person == 0 && r.online == 0)
		tpl_show(c, "NONE");
	else if (r.in_person == 0)
		tpl_show(c, "ONLINE_ONLY");
	else
		tpl_show(c, "BOTH");
}

/* The table: a DISTRICT row per district, a CELL per group, then the totals. */
static void fill_table(tpl_dict *d, const struct coverage *cv)
{
	for (size_t k = 0; k < cv->ntops; k++)
		tpl_set(tpl_section(d, "GROUP"), "GROUP_NAME", db_cell(cv->categories, cv->tops[k], CATEGORY_NAME));
	for (size_t i = 0; i < cv->districts->nrows; i++) {
		tpl_dict *row = tpl_section(d, "DISTRICT");
		tpl_set(row, "DISTRICT_SLUG", db_cell(cv->districts, i, CDIST_SLUG));
		tpl_set(row, "DISTRICT_NAME", db_cell(cv->districts, i, CDIST_NAME));
		for (size_t k = 0; k < cv->ntops; k++)
			fill_cell(row, reach_of(cv, i, (long)k));
		struct reach all = reach_of(cv, i, -1);
		tpl_set_int(row, "TOTAL_IN_PERSON", all.in_person);
		tpl_set_int(row, "TOTAL_ONLINE", all.online);
	}
}

/* The map's choice of category: CHOICE links, the chosen one marked. */
static void fill_choices(tpl_dict *d, arena *mem, const struct coverage *cv, long chosen)
{
	for (long k = -1; k < (long)cv->ntops; k++) {
		tpl_dict *c = tpl_section(d, "CHOICE");
		const char *slug = k < 0 ? NULL : db_cell(cv->categories, cv->tops[k], CATEGORY_SLUG);
		struct link_param lp[] = { { "category", slug } };
		tpl_set(c, "CHOICE_NAME", k < 0 ? "Все виды поддержки" : db_cell(cv->categories, cv->tops[k], CATEGORY_NAME));
		tpl_set(c, "CHOICE_URL", build_link(mem, "/coverage", lp, 1));
		tpl_show(c, k == chosen ? "CHOICE_CURRENT" : "CHOICE_OTHER");
	}
	const char *slug = chosen < 0 ? NULL : db_cell(cv->categories, cv->tops[chosen], CATEGORY_SLUG);
	struct link_param lp[] = { { "category", slug } };
	tpl_set(d, "MAP_URL", build_link(mem, "/coverage/map.svg", lp, 1));
	tpl_set(d, "CHOSEN_NAME", chosen_name(cv, chosen));
}

/* GET /coverage?category=: the table and the map. */
void handle_coverage(struct request *req, struct response *resp)
{
	struct coverage cv;
	long chosen;
	if (!load_coverage(req->mem, 0, &cv)) {
		page_db_failure(req, resp);
		return;
	}
	if (read_category(req, resp, &cv, &chosen) != 0)
		return;
	struct page p;
	page_begin(&p, req, "coverage.tpl", "Охват районов", NAV_NONE);
	fill_choices(p.content, req->mem, &cv, chosen);
	fill_table(p.content, &cv);
	page_finish(&p, resp, 200);
}

/* ---- the map --------------------------------------------------------------------- */

/* Upper bounds of the levels above zero, so that they split 1..max evenly. */
static void level_bounds(long long max, long long bound[MAP_LEVELS_ABOVE_ZERO])
{
	for (int k = 0; k < MAP_LEVELS_ABOVE_ZERO; k++)
		bound[k] = (max * (k + 1) + MAP_LEVELS_ABOVE_ZERO - 1) / MAP_LEVELS_ABOVE_ZERO;
}

/* The level of n: 0 for none, else the first level whose bound holds it. */
static int level_of(long long n, const long long bound[MAP_LEVELS_ABOVE_ZERO])
{
	for (int k = 0; n > 0 && k < MAP_LEVELS_ABOVE_ZERO; k++)
		if (n <= bound[k])
			return k + 1;
	return n > 0 ? MAP_LEVELS_ABOVE_ZERO : 0;
}

/* The legend's words: "нет очных услуг", then each level's range. */
static void level_texts(arena *mem, const long long bound[MAP_LEVELS_ABOVE_ZERO], const char *text[SVG_LEVELS])
{
	text[0] = "нет очных услуг";
	for (int k = 0; k < MAP_LEVELS_ABOVE_ZERO; k++) {
		long long lo = k == 0 ? 1 : bound[k - 1] + 1, hi = bound[k];
		text[k + 1] = lo > hi ? "—" : lo == hi ? arena_printf(mem, "%lld", lo) : arena_printf(mem, "%lld–%lld", lo, hi);
	}
}

/* True when district row i has a place on the map. */
static bool placed(const struct db_rows *districts, size_t i)
{
	return db_cell(districts, i, CDIST_MAP_ROW) != NULL && db_cell(districts, i, CDIST_MAP_COL) != NULL;
}

/* The cells: each district at its place on the map; those without one
 * in rows under the placed ones. */
static struct svg_cell *map_cells(arena *mem, const struct coverage *cv, long chosen, const long long bound[])
{
	const struct db_rows *ds = cv->districts;
	int rows = 0;
	for (size_t i = 0; i < ds->nrows; i++)
		if (placed(ds, i) && db_cell_int(ds, i, CDIST_MAP_ROW) >= rows)
			rows = (int)db_cell_int(ds, i, CDIST_MAP_ROW) + 1;
	struct svg_cell *cells = arena_calloc(mem, ds->nrows + 1, sizeof *cells);
	size_t unplaced = 0;
	for (size_t i = 0; i < ds->nrows; i++) {
		struct reach r = reach_of(cv, i, chosen);
		cells[i].label = db_cell(ds, i, CDIST_NAME);
		cells[i].value_text = arena_printf(mem, "очно %lld · онлайн %lld", r.in_person, r.online);
		cells[i].level = level_of(r.in_person, bound);
		if (placed(ds, i)) {
			cells[i].row = (int)db_cell_int(ds, i, CDIST_MAP_ROW);
			cells[i].col = (int)db_cell_int(ds, i, CDIST_MAP_COL);
		} else {
			cells[i].row = rows + (int)(unplaced / MAP_FALLBACK_COLUMNS);
			cells[i].col = (int)(unplaced++ % MAP_FALLBACK_COLUMNS);
		}
	}
	return cells;
}

/* GET /coverage/map.svg?category=: the tile map of the districts. */
void handle_coverage_map(struct request *req, struct response *resp)
{
	struct coverage cv;
	long chosen;
	if (!load_coverage(req->mem, 0, &cv)) {
		page_db_failure(req, resp);
		return;
	}
	if (read_category(req, resp, &cv, &chosen) != 0)
		return;
	long long max = 0, bound[MAP_LEVELS_ABOVE_ZERO];
	for (size_t i = 0; i < cv.districts->nrows; i++)
		if (reach_of(&cv, i, chosen).in_person > max)
			max = reach_of(&cv, i, chosen).in_person;
	level_bounds(max, bound);
	const char *legend[SVG_LEVELS];
	level_texts(req->mem, bound, legend);
	const char *what = chosen_name(&cv, chosen);
	struct svg_chart chart = {
		"coverage-map", arena_printf(req->mem, "Охват районов: %s", what),
		arena_printf(req->mem, "Районы края на схеме, север сверху. Чем темнее клетка, тем больше услуг (%s) "
		                       "доступно в районе очно; пунктирная рамка — очных услуг нет. В каждой клетке — "
		                       "число услуг очно и онлайн. Те же данные — в таблице «Охват районов» на странице "
		                       "/coverage.", what),
		chart_palette(req), 0, 0, 0, NULL,
	};
	size_t len = 0;
	struct svg_cell *cells = map_cells(req->mem, &cv, chosen, bound);
	char *svg = svg_grid_map(req->mem, &chart, cells, cv.districts->nrows, legend, &len);
	chart_respond(req, resp, svg, len);
}

/* ---- the centre's view --------------------------------------------------------------- */

/* GAP_DISTRICT sections of g: the districts the centre's services of group t
 * do not reach in person, each marked when no centre of the region does. */
static size_t fill_gaps(tpl_dict *g, const struct coverage *own, const struct coverage *all, long t)
{
	size_t n = 0;
	for (size_t i = 0; i < own->districts->nrows; i++) {
		if (reach_of(own, i, t).in_person > 0)
			continue;
		tpl_dict *d = tpl_section(g, "GAP_DISTRICT");
		tpl_set(d, "DISTRICT_NAME", db_cell(own->districts, i, CDIST_NAME));
		if (reach_of(all, i, t).in_person == 0)
			tpl_show(d, "NOBODY");
		n++;
	}
	return n;
}

/* One GROUP: a category the centre works in and the districts it misses. */
static void fill_group(tpl_dict *d, const struct coverage *own, const struct coverage *all, const struct db_rows *mine,
                       size_t row)
{
	long t = top_index(own, db_cell_int(mine, row, CCAT_CATEGORY_ID));
	if (t < 0)
		return;
	tpl_dict *g = tpl_section(d, "GROUP");
	tpl_set(g, "GROUP_NAME", db_cell(own->categories, own->tops[t], CATEGORY_NAME));
	tpl_set(g, "GROUP_SLUG", db_cell(own->categories, own->tops[t], CATEGORY_SLUG));
	tpl_set(g, "SERVICES", db_cell(mine, row, CCAT_SERVICES));
	if (db_cell_int(mine, row, CCAT_ONLINE) > 0)
		tpl_set(tpl_section(g, "HAS_ONLINE"), "ONLINE_SERVICES", db_cell(mine, row, CCAT_ONLINE));
	if (db_cell_int(mine, row, CCAT_IN_PERSON) == 0)
		tpl_show(g, "NO_IN_PERSON");
	else if (fill_gaps(g, own, all, t) == 0)
		tpl_show(g, "ALL_REACHED");
}

/* GET /staff/coverage?centre=: the districts a centre's services do not reach. */
void handle_staff_coverage(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/coverage", &c) != 0)
		return;
	struct coverage own, all;
	struct db_rows *mine = coverage_centre_categories(req->mem, c.id);
	if (mine == NULL || !load_coverage(req->mem, c.id, &own) || !load_coverage(req->mem, 0, &all)) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_coverage.tpl", "Охват районов", &c, STAFF_TAB_COVERAGE);
	for (size_t i = 0; i < mine->nrows; i++)
		fill_group(p.content, &own, &all, mine, i);
	size_t missed = fill_gaps(tpl_section(p.content, "OVERALL"), &own, &all, -1);
	tpl_set_int(p.content, "MISSED", (long long)missed);
	if (mine->nrows == 0)
		tpl_show(p.content, "NO_SERVICES");
	page_finish(&p, resp, 200);
}
