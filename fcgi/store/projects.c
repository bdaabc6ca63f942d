/* store/projects.c: the registry of NGO projects and what the survival
 * monitor reads. A project belongs to one NGO; its timeline is its updates
 * (with status changes) and the support centres recorded on it; the notices
 * say which at-risk rules its centre has already been told about. Whether a
 * project is at risk, or survived its grant, is decided by survival.c from
 * the facts these queries return; this file only fetches and stores them. */
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../survival.h"

#define PROJECT_LIST                                                                                    \
	"p.id, p.ngo_id, n.short_name, p.title, p.district_id, d.slug, d.name, p.category_id, cat.slug, "     \
	"cat.name, COALESCE(p.centre_id, 0), c.slug, c.short_name, p.funding_source, p.grant_amount, "       \
	"p.grant_start, p.grant_end, p.status, p.continuation_plan <> '', p.status_changed_at, "            \
	"p.last_update_at, COALESCE(p.continues_project_id, 0)"
#define PROJECT_FROM                                                                                    \
	" FROM projects p JOIN ngos n ON n.id = p.ngo_id JOIN districts d ON d.id = p.district_id "            \
	"JOIN categories cat ON cat.id = p.category_id LEFT JOIN centres c ON c.id = p.centre_id "
/* Parameters: title x2, district x2, category x3 (it or its children),
 * centre x2, funding x2, status x2, NGO x2. */
#define PROJECT_WHERE                                                                                   \
	"WHERE (? = '' OR LOCATE(?, p.title) > 0) AND (? = 0 OR p.district_id = ?) "                          \
	"AND (? = 0 OR p.category_id = ? OR cat.parent_id = ?) AND (? = 0 OR p.centre_id = ?) "              \
	"AND (? = '' OR p.funding_source = ?) AND (? = '' OR p.status = ?) AND (? = 0 OR p.ngo_id = ?) "
#define PROJECT_FILTER_PARAMS 15
#define SURVIVAL_NO_CENTRE_NAME "Без поддержки центра"

DB_QUERY(q_projects_search,
         "SELECT " PROJECT_LIST PROJECT_FROM PROJECT_WHERE "ORDER BY p.last_update_at DESC, p.id DESC");
DB_QUERY(q_project_by_id,
         "SELECT " PROJECT_LIST ", p.goal, p.continuation_plan, COALESCE(prev.title, ''), p.created_at, n.name"
         PROJECT_FROM "LEFT JOIN projects prev ON prev.id = p.continues_project_id WHERE p.id = ?");
DB_QUERY(q_project_insert,
         "INSERT INTO projects (ngo_id, title, goal, district_id, category_id, centre_id, funding_source, "
         "grant_amount, grant_start, grant_end, continuation_plan, continues_project_id, status, created_by, "
         "form_token, status_changed_at, last_update_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
DB_QUERY(q_project_by_form_token, "SELECT id FROM projects WHERE created_by = ? AND form_token = ?");
DB_QUERY(q_project_update,
         "UPDATE projects SET title = ?, goal = ?, district_id = ?, category_id = ?, centre_id = ?, "
         "funding_source = ?, grant_amount = ?, grant_start = ?, grant_end = ?, continuation_plan = ?, "
         "continues_project_id = ? WHERE id = ?");
DB_QUERY(q_project_lock, "SELECT status FROM projects WHERE id = ? FOR UPDATE");
DB_QUERY(q_project_update_insert,
         "INSERT INTO project_updates (project_id, author_id, body, status_from, status_to, form_token) "
         "VALUES (?, ?, ?, ?, ?, ?)");
/* SET runs left to right: status_changed_at compares with the old status. */
DB_QUERY(q_project_touch,
         "UPDATE projects SET last_update_at = UTC_TIMESTAMP(), "
         "status_changed_at = IF(status = ?, status_changed_at, UTC_TIMESTAMP()), status = ? WHERE id = ?");
DB_QUERY(q_project_support_insert,
         "INSERT INTO project_support (project_id, centre_id, staff_id, kind, note, form_token) "
         "VALUES (?, ?, ?, ?, ?, ?)");
DB_QUERY(q_project_timeline,
         "SELECT 'update', u.created_at, u.body, COALESCE(u.status_from, ''), COALESCE(u.status_to, ''), '', '', "
         "u.id FROM project_updates u WHERE u.project_id = ? "
         "UNION ALL SELECT 'support', s.created_at, s.note, '', '', s.kind, c.short_name, s.id "
         "FROM project_support s JOIN centres c ON c.id = s.centre_id WHERE s.project_id = ? "
         "ORDER BY 2 DESC, 1, 8 DESC");

/* Only these statuses can be at risk (survival.c's rules); each project with
 * a centre to tell. */
DB_QUERY(q_projects_for_risk_scan,
         "SELECT " PROJECT_LIST PROJECT_FROM
         "WHERE p.status IN ('funded', 'running', 'completed') AND p.centre_id IS NOT NULL ORDER BY p.id");
DB_QUERY(q_project_notice_insert, "INSERT INTO project_risk_notices (project_id, rule) VALUES (?, ?)");

/* The survival cohort: projects whose first grant came from a public
 * budget (a continuation's grant is a later grant of the project it
 * continues), with the facts survival_alive() needs. */
enum {
	COHORT_ID, COHORT_DISTRICT_SLUG, COHORT_DISTRICT_NAME, COHORT_DISTRICT_SORT, COHORT_CENTRE_SLUG,
	COHORT_CENTRE_NAME, COHORT_CENTRE_ID, COHORT_GRANT_END, COHORT_STATUS, COHORT_LAST_SIGN, COHORT_LATER_GRANT
};
DB_QUERY(q_survival_cohort,
         "SELECT p.id, d.slug, d.name, d.sort_order, COALESCE(c.slug, ''), COALESCE(c.short_name, ''), "
         "COALESCE(c.id, 0), p.grant_end, p.status, "
         "(SELECT MAX(u.created_at) FROM project_updates u WHERE u.project_id = p.id "
         " AND (u.status_to IS NULL OR u.status_to <> 'closed')), "
         "(SELECT MIN(x.grant_start) FROM projects x WHERE x.continues_project_id = p.id "
         " AND x.funding_source <> 'own' AND x.grant_start > p.grant_end) "
         "FROM projects p JOIN districts d ON d.id = p.district_id LEFT JOIN centres c ON c.id = p.centre_id "
         "WHERE p.funding_source IN ('presidential', 'regional', 'municipal') AND p.grant_end IS NOT NULL "
         "AND p.continues_project_id IS NULL ORDER BY p.id");

/* Binds the PROJECT_WHERE parameters into p[0..PROJECT_FILTER_PARAMS). */
static void bind_project_filter(struct db_param *p, const struct project_filter *f)
{
	const char *q = f->title ? f->title : "", *funding = f->funding ? f->funding : "";
	const char *status = f->status ? f->status : "";
	p[0] = P_TEXT(q), p[1] = P_TEXT(q);
	p[2] = P_INT(f->district_id), p[3] = P_INT(f->district_id);
	p[4] = P_INT(f->category_id), p[5] = P_INT(f->category_id), p[6] = P_INT(f->category_id);
	p[7] = P_INT(f->centre_id), p[8] = P_INT(f->centre_id);
	p[9] = P_TEXT(funding), p[10] = P_TEXT(funding);
	p[11] = P_TEXT(status), p[12] = P_TEXT(status);
	p[13] = P_INT(f->ngo_id), p[14] = P_INT(f->ngo_id);
}

/* Every project the filter matches, the latest news first. */
struct db_rows *projects_search(arena *mem, const struct project_filter *f)
{
	struct db_param p[PROJECT_FILTER_PARAMS];
	bind_project_filter(p, f);
	return db_select(mem, &q_projects_search, p, PROJECT_FILTER_PARAMS);
}

/* One project with its goal, plan, predecessor and NGO's full name. */
struct db_rows *project_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_project_by_id, p, 1);
}

/* Text, or NULL for an empty optional value. */
static struct db_param text_or_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? P_TEXT(s) : P_NULL;
}

/* Binds the fields every write of a project shares, in the order title,
 * goal, district, category, centre, funding, amount, start, end, plan, continues. */
static void bind_project_input(struct db_param *p, const struct project_input *in)
{
	p[0] = P_TEXT(in->title), p[1] = P_TEXT(in->goal);
	p[2] = P_INT(in->district_id), p[3] = P_INT(in->category_id);
	p[4] = in->centre_id > 0 ? P_INT(in->centre_id) : P_NULL;
	p[5] = P_TEXT(in->funding);
	p[6] = text_or_null(in->grant_amount), p[7] = text_or_null(in->grant_start), p[8] = text_or_null(in->grant_end);
	p[9] = P_TEXT(in->plan);
	p[10] = in->continues_id > 0 ? P_INT(in->continues_id) : P_NULL;
}

long long project_create(long long ngo_id, long long user_id, const struct project_input *in, const char *status,
                         const char *form_token)
{
	struct db_param p[15];
	p[0] = P_INT(ngo_id);
	bind_project_input(p + 1, in);
	p[12] = P_TEXT(status), p[13] = P_INT(user_id), p[14] = P_TEXT(form_token);
	unsigned long long id = 0;
	if (db_exec(&q_project_insert, p, 15, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	return (long long)id;
}

/* The project this user's registration form with this token made. */
long long project_id_by_form_token(arena *mem, long long user_id, const char *form_token)
{
	return store_id_by_form_token(mem, &q_project_by_form_token, user_id, form_token);
}

/* Saves the edited fields (never the status: updates change it). */
int project_update(long long id, const struct project_input *in)
{
	struct db_param p[12];
	bind_project_input(p, in);
	p[11] = P_INT(id);
	return db_exec(&q_project_update, p, 12, NULL) < 0 ? -1 : 0;
}

/* SELECT ... FOR UPDATE: the status cannot change until the transaction ends. */
const char *project_lock_status(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	struct db_rows *r = db_select(mem, &q_project_lock, p, 1);
	return r != NULL && r->nrows ? db_cell(r, 0, 0) : NULL;
}

/* The update row (with the status change, if any), then the project's status and dates. */
int project_post_update(const struct project_update_input *u)
{
	bool changes = u->status_to != NULL && strcmp(u->status_to, u->status_from) != 0;
	struct db_param ins[] = {
		P_INT(u->project_id), P_INT(u->author_id), P_TEXT(u->body),
		changes ? P_TEXT(u->status_from) : P_NULL, changes ? P_TEXT(u->status_to) : P_NULL,
		P_TEXT(u->form_token),
	};
	if (db_exec(&q_project_update_insert, ins, 6, NULL) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	const char *status = changes ? u->status_to : u->status_from;
	/* 0 rows changed is fine: an update in the same second leaves the row as it was. */
	struct db_param touch[] = { P_TEXT(status), P_TEXT(status), P_INT(u->project_id) };
	return db_exec(&q_project_touch, touch, 3, NULL) < 0 ? -1 : 1;
}

/* One support record; a form sent twice breaks UNIQUE(staff_id, form_token). */
long long project_support_add(const struct project_support_input *s)
{
	struct db_param p[] = {
		P_INT(s->project_id), P_INT(s->centre_id), P_INT(s->staff_id),
		P_TEXT(s->kind), P_TEXT(s->note), P_TEXT(s->form_token),
	};
	unsigned long long id = 0;
	if (db_exec(&q_project_support_insert, p, 6, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	return (long long)id;
}

/* Updates and support records of a project in one list, newest first. */
struct db_rows *project_timeline(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id), P_INT(id) };
	return db_select(mem, &q_project_timeline, p, 2);
}

/* The day of a DATE or DATETIME cell, SURVIVAL_NO_DAY when NULL. */
static int cell_day(const struct db_rows *r, size_t i, size_t col)
{
	int day;
	return survival_parse_day(db_cell(r, i, col), &day) ? day : SURVIVAL_NO_DAY;
}

/* The columns the at-risk rules read, as days. */
void project_risk_facts(const struct db_rows *r, size_t i, struct risk_facts *out)
{
	*out = (struct risk_facts){
		.status = db_cell(r, i, PROJECT_STATUS),
		.grant_end = cell_day(r, i, PROJECT_GRANT_END),
		.has_plan = db_cell_int(r, i, PROJECT_HAS_PLAN) != 0,
		.last_update = cell_day(r, i, PROJECT_LAST_UPDATE_AT),
		.status_changed = cell_day(r, i, PROJECT_STATUS_CHANGED_AT),
	};
}

/* What rchub-admin risk-scan looks at. */
struct db_rows *projects_for_risk_scan(arena *mem)
{
	return db_select(mem, &q_projects_for_risk_scan, NULL, 0);
}

/* The PRIMARY KEY (project_id, rule) makes a second notice a duplicate. */
int project_notice_add(long long project_id, const char *rule)
{
	struct db_param p[] = { P_INT(project_id), P_TEXT(rule) };
	if (db_exec(&q_project_notice_insert, p, 2, NULL) == 1)
		return 1;
	return db_last_was_duplicate() ? 0 : -1;
}

/* ---- survival figures ------------------------------------------------------ */

/* The groups of one breakdown being counted. */
struct breakdown {
	const char *code; /* SV_BREAKDOWN */
	struct survival_group *groups;
	size_t n;
};

/* The group of cohort row i in breakdown b ("district", "centre" or "year"). */
static struct survival_group *group_of(arena *mem, struct breakdown *b, size_t cap, const struct db_rows *r,
                                       size_t i)
{
	if (strcmp(b->code, "district") == 0)
		return survival_group(b->groups, &b->n, cap, db_cell(r, i, COHORT_DISTRICT_SLUG),
		                      db_cell(r, i, COHORT_DISTRICT_NAME),
		                      (long)db_cell_int(r, i, COHORT_DISTRICT_SORT));
	if (strcmp(b->code, "centre") == 0) {
		long long id = db_cell_int(r, i, COHORT_CENTRE_ID);
		return id ? survival_group(b->groups, &b->n, cap, db_cell(r, i, COHORT_CENTRE_SLUG),
		                           db_cell(r, i, COHORT_CENTRE_NAME), (long)id)
		          : survival_group(b->groups, &b->n, cap, SURVIVAL_NO_CENTRE_KEY, SURVIVAL_NO_CENTRE_NAME,
		                           LONG_MAX);
	}
	const char *year = arena_strndup(mem, db_cell(r, i, COHORT_GRANT_END), 4);
	return survival_group(b->groups, &b->n, cap, year, year, atol(year));
}

/* The facts of cohort row i. */
static struct survival_facts cohort_facts(const struct db_rows *r, size_t i)
{
	return (struct survival_facts){
		.first_grant_end = cell_day(r, i, COHORT_GRANT_END),
		.status = db_cell(r, i, COHORT_STATUS),
		.last_sign_of_life = cell_day(r, i, COHORT_LAST_SIGN),
		.later_grant_start = cell_day(r, i, COHORT_LATER_GRANT),
	};
}

/* A share in tenths of a percent as "62.5", NULL when there is none. */
static char *share_text(arena *mem, const struct survival_tally *t, enum survival_horizon h)
{
	int tenths = survival_share_tenths(t, h);
	return tenths < 0 ? NULL : arena_printf(mem, "%d.%d", tenths / 10, tenths % 10);
}

/* Writes one SV_* row for group g into row number *row of out. */
static void put_row(arena *mem, struct db_rows *out, size_t *row, const char *breakdown,
                    const struct survival_group *g)
{
	char **c = out->cells + *row * SV__COLUMNS;
	const struct survival_tally *t = &g->tally;
	c[SV_ID] = arena_printf(mem, "%zu", *row + 1);
	c[SV_BREAKDOWN] = (char *)breakdown;
	c[SV_KEY] = (char *)g->key;
	c[SV_NAME] = (char *)g->name;
	c[SV_PROJECTS] = arena_printf(mem, "%d", t->projects);
	c[SV_OBSERVED_6] = arena_printf(mem, "%d", t->observed[SURVIVAL_6]);
	c[SV_ALIVE_6] = arena_printf(mem, "%d", t->alive[SURVIVAL_6]);
	c[SV_SHARE_6] = share_text(mem, t, SURVIVAL_6);
	c[SV_OBSERVED_12] = arena_printf(mem, "%d", t->observed[SURVIVAL_12]);
	c[SV_ALIVE_12] = arena_printf(mem, "%d", t->alive[SURVIVAL_12]);
	c[SV_SHARE_12] = share_text(mem, t, SURVIVAL_12);
	(*row)++;
}

/* The rows of survival_figures from the counted groups. */
static struct db_rows *figures_rows(arena *mem, const struct survival_group *all, struct breakdown *b, size_t nb)
{
	size_t total = 1;
	for (size_t k = 0; k < nb; k++)
		total += b[k].n;
	struct db_rows *out = arena_calloc(mem, 1, sizeof *out);
	out->ncols = SV__COLUMNS;
	out->cells = arena_calloc(mem, total * SV__COLUMNS, sizeof *out->cells);
	put_row(mem, out, &out->nrows, SURVIVAL_ALL_KEY, all);
	for (size_t k = 0; k < nb; k++) {
		survival_groups_sort(b[k].groups, b[k].n);
		for (size_t j = 0; j < b[k].n; j++)
			put_row(mem, out, &out->nrows, b[k].code, &b[k].groups[j]);
	}
	return out;
}

/* Tallies the cohort by district, centre and year (survival.c) into SV_* rows. */
struct db_rows *survival_figures(arena *mem, int today)
{
	struct db_rows *r = db_select(mem, &q_survival_cohort, NULL, 0);
	if (r == NULL)
		return NULL;
	struct survival_group all = { .key = SURVIVAL_ALL_KEY, .name = "Все проекты с грантом" };
	struct breakdown b[] = { { "district", NULL, 0 }, { "centre", NULL, 0 }, { "year", NULL, 0 } };
	size_t nb = sizeof b / sizeof b[0];
	for (size_t k = 0; k < nb; k++)
		b[k].groups = arena_calloc(mem, r->nrows + 1, sizeof *b[k].groups);
	for (size_t i = 0; i < r->nrows; i++) {
		struct survival_facts f = cohort_facts(r, i);
		survival_count(&all.tally, &f, today);
		for (size_t k = 0; k < nb; k++)
			survival_count(&group_of(mem, &b[k], r->nrows + 1, r, i)->tally, &f, today);
	}
	return figures_rows(mem, &all, b, nb);
}

/* The records of the open-data set "survival". */
struct db_rows *opendata_survival(arena *mem)
{
	return survival_figures(mem, survival_today(time(NULL)));
}
