/* handlers/projects.c: the public side of the NGO project registry: the
 * catalogue (/projects, filters by district, category, centre, funding
 * source, status, "at risk only" and a piece of the title) and one project
 * (/projects/{id}) with its at-risk reasons and timeline. Also the parts of
 * a project the member's and the staff's pages show the same way.
 *
 * Whether a project is at risk is decided by survival.c on each page, from
 * the project's stored facts and today's date, so the catalogue, the staff
 * list and rchub-admin risk-scan never disagree. */
#include "handlers.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth.h"
#include "../survival.h"
#include "../timefmt.h"
#include "../validate.h"

#define PROJECTS_PAGE_SIZE 20
#define RUBLES_TEXT_MAX 48 /* "999 999 999 999,99 ₽" with separators */

/* The catalogue's parameters, in the order links are written. */
enum { PQ_Q, PQ_DISTRICT, PQ_CATEGORY, PQ_CENTRE, PQ_FUNDING, PQ_STATUS, PQ_RISK, PQ_PAGE, PQ__MAX };
static const char *const project_params[PQ__MAX] = {
	"q",        /* PQ_Q: a piece of the title */
	"district", /* PQ_DISTRICT: district slug */
	"category", /* PQ_CATEGORY: category slug, a group includes its children */
	"centre",   /* PQ_CENTRE: slug of the supporting centre */
	"funding",  /* PQ_FUNDING: funding_labels value */
	"status",   /* PQ_STATUS: project_status_labels value */
	"risk",     /* PQ_RISK: "1" = at risk only */
	"page",     /* PQ_PAGE: 1..PAGE_MAX */
};

/* ---- what every view of a project shows ---------------------------------- */

/* "1 500 000,00 ₽" from a DECIMAL's text "1500000.00"; "" for NULL. */
static const char *format_rubles(arena *mem, const char *amount)
{
	if (amount == NULL || amount[0] == '\0')
		return "";
	const char *dot = strchr(amount, '.');
	size_t whole = dot ? (size_t)(dot - amount) : strlen(amount);
	char out[RUBLES_TEXT_MAX];
	size_t o = 0;
	for (size_t i = 0; i < whole && o + 4 < sizeof out; i++) {
		if (i > 0 && (whole - i) % 3 == 0)
			o += (size_t)snprintf(out + o, sizeof out - o, "\u00a0"); /* no-break space between groups */
		out[o++] = amount[i];
	}
	out[o] = '\0';
	bool kopecks = dot != NULL && strcmp(dot + 1, "00") != 0;
	return arena_printf(mem, "%s%s%s\u00a0₽", out, kopecks ? "," : "", kopecks ? dot + 1 : "");
}

/* "1 марта 2025 — 28 февраля 2026", or one end, or "". */
static const char *grant_period(arena *mem, const char *start, const char *end)
{
	if (start != NULL && end != NULL)
		return arena_printf(mem, "%s — %s", format_day_ru(mem, start), format_day_ru(mem, end));
	if (end != NULL)
		return arena_printf(mem, "до %s", format_day_ru(mem, end));
	return start != NULL ? arena_printf(mem, "с %s", format_day_ru(mem, start)) : "";
}

/* The facts a card and a project page share, from row i of PROJECT_* rows. */
static void fill_project_facts(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_set(d, "ID", db_cell(r, i, PROJECT_ID));
	tpl_set(d, "TITLE", db_cell(r, i, PROJECT_TITLE));
	tpl_set(d, "NGO_ID", db_cell(r, i, PROJECT_NGO_ID));
	tpl_set(d, "NGO_NAME", db_cell(r, i, PROJECT_NGO_NAME));
	tpl_set(d, "DISTRICT_SLUG", db_cell(r, i, PROJECT_DISTRICT_SLUG));
	tpl_set(d, "DISTRICT_NAME", db_cell(r, i, PROJECT_DISTRICT_NAME));
	tpl_set(d, "CATEGORY_SLUG", db_cell(r, i, PROJECT_CATEGORY_SLUG));
	tpl_set(d, "CATEGORY_NAME", db_cell(r, i, PROJECT_CATEGORY_NAME));
	tpl_set(d, "STATUS", db_cell(r, i, PROJECT_STATUS));
	tpl_set(d, "STATUS_LABEL", label_text(project_status_labels, db_cell(r, i, PROJECT_STATUS)));
	tpl_set(d, "FUNDING", db_cell(r, i, PROJECT_FUNDING));
	tpl_set(d, "FUNDING_LABEL", label_text(funding_labels, db_cell(r, i, PROJECT_FUNDING)));
	set_optional(d, "HAS_AMOUNT", "GRANT_AMOUNT", format_rubles(mem, db_cell(r, i, PROJECT_GRANT_AMOUNT)));
	set_optional(d, "HAS_PERIOD", "GRANT_PERIOD",
	             grant_period(mem, db_cell(r, i, PROJECT_GRANT_START), db_cell(r, i, PROJECT_GRANT_END)));
	if (db_cell_int(r, i, PROJECT_CENTRE_ID) > 0) {
		tpl_dict *c = tpl_section(d, "HAS_CENTRE");
		tpl_set(c, "CENTRE_SLUG", db_cell(r, i, PROJECT_CENTRE_SLUG));
		tpl_set(c, "CENTRE_NAME", db_cell(r, i, PROJECT_CENTRE_NAME));
	} else {
		tpl_show(d, "NO_CENTRE");
	}
	tpl_set(d, "LAST_UPDATE", format_date_ru(mem, db_cell(r, i, PROJECT_LAST_UPDATE_AT)));
}

/* The rules of survival.c applied to a PROJECT_* row. */
unsigned project_risks(const struct db_rows *r, size_t i, int today)
{
	struct risk_facts f;
	project_risk_facts(r, i, &f);
	return risk_rules_fired(&f, today);
}

/* The dated fact behind rule's reason for row i, e.g. "Окончание гранта: 31 мая 2026". */
static const char *risk_detail(arena *mem, enum risk_rule rule, const struct db_rows *r, size_t i)
{
	switch (rule) {
	case RISK_GRANT_ENDING:
		return arena_printf(mem, "Окончание гранта: %s.", format_day_ru(mem, db_cell(r, i, PROJECT_GRANT_END)));
	case RISK_NO_UPDATES:
		return arena_printf(mem, "Последнее обновление: %s.",
		                    format_date_ru(mem, db_cell(r, i, PROJECT_LAST_UPDATE_AT)));
	default:
		return arena_printf(mem, "Грант закончился %s; статус менялся %s.",
		                    format_day_ru(mem, db_cell(r, i, PROJECT_GRANT_END)),
		                    format_date_ru(mem, db_cell(r, i, PROJECT_STATUS_CHANGED_AT)));
	}
}

/* Each rule that fires: its reason and the date behind it. */
unsigned fill_project_risks(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i, int today)
{
	unsigned fired = project_risks(r, i, today);
	if (fired == 0)
		return 0;
	tpl_dict *risk = tpl_section(d, "AT_RISK");
	for (int rule = 0; rule < RISK__MAX; rule++) {
		if (!(fired & (1u << rule)))
			continue;
		tpl_dict *s = tpl_section(risk, "RISK");
		tpl_set(s, "RISK_CODE", risk_rule_code((enum risk_rule)rule));
		tpl_set(s, "RISK_REASON", risk_rule_reason((enum risk_rule)rule));
		tpl_set(s, "RISK_DETAIL", risk_detail(mem, (enum risk_rule)rule, r, i));
	}
	return fired;
}

/* A card of the catalogue, the member's list or the staff's list. */
void add_project_card(tpl_dict *list, arena *mem, const struct db_rows *r, size_t i, int today, const char *url)
{
	tpl_dict *card = tpl_include(tpl_section(list, "PROJECT"), "PROJECT_CARD", "project_card.tpl");
	fill_project_facts(card, mem, r, i);
	tpl_set(card, "URL", url);
	fill_project_risks(card, mem, r, i, today);
}

/* A project page's facts, with its goal, plan and predecessor. */
void fill_project_detail(tpl_dict *d, arena *mem, const struct db_rows *r)
{
	fill_project_facts(d, mem, r, 0);
	tpl_set(d, "NGO_FULL_NAME", db_cell(r, 0, PROJECT_NGO_FULL_NAME));
	tpl_set(d, "GOAL", db_cell(r, 0, PROJECT_GOAL));
	const char *plan = db_cell(r, 0, PROJECT_PLAN);
	if (plan[0] != '\0')
		tpl_set(tpl_section(d, "HAS_PLAN"), "PLAN", plan);
	else
		tpl_show(d, "NO_PLAN");
	if (db_cell_int(r, 0, PROJECT_CONTINUES_ID) > 0) {
		tpl_dict *c = tpl_section(d, "CONTINUES");
		tpl_set(c, "CONTINUES_ID", db_cell(r, 0, PROJECT_CONTINUES_ID));
		tpl_set(c, "CONTINUES_TITLE", db_cell(r, 0, PROJECT_CONTINUES_TITLE));
	}
}

/* One entry of the timeline: an update (maybe with a status change) or support. */
static void fill_timeline_entry(tpl_dict *e, arena *mem, const struct db_rows *t, size_t i)
{
	tpl_set(e, "AT", format_datetime_ru(mem, db_cell(t, i, TIMELINE_AT)));
	set_optional(e, "HAS_TEXT", "TEXT", db_cell(t, i, TIMELINE_TEXT));
	if (strcmp(db_cell(t, i, TIMELINE_KIND), "support") == 0) {
		tpl_dict *s = tpl_section(e, "SUPPORT");
		tpl_set(s, "SUPPORT_KIND", label_text(support_kind_labels, db_cell(t, i, TIMELINE_SUPPORT_KIND)));
		tpl_set(s, "CENTRE_NAME", db_cell(t, i, TIMELINE_CENTRE_NAME));
		return;
	}
	tpl_dict *u = tpl_section(e, "UPDATE");
	const char *to = db_cell(t, i, TIMELINE_STATUS_TO);
	if (to[0] != '\0') {
		tpl_dict *c = tpl_section(u, "STATUS_CHANGE");
		tpl_set(c, "STATUS_FROM", label_text(project_status_labels, db_cell(t, i, TIMELINE_STATUS_FROM)));
		tpl_set(c, "STATUS_TO", label_text(project_status_labels, to));
	}
}

/* The timeline include: updates and support, then the registration. */
void fill_project_timeline(tpl_dict *d, arena *mem, const struct db_rows *project, const struct db_rows *timeline)
{
	tpl_dict *t = tpl_include(d, "TIMELINE", "project_timeline.tpl");
	for (size_t i = 0; i < timeline->nrows; i++)
		fill_timeline_entry(tpl_section(t, "ENTRY"), mem, timeline, i);
	tpl_set(t, "CREATED_AT", format_datetime_ru(mem, db_cell(project, 0, PROJECT_CREATED_AT)));
}

/* ---- the catalogue ----------------------------------------------------------- */

struct project_catalogue {
	struct link_param params[PQ__MAX];
	struct project_filter filter;
	bool risk_only;
	int page;
};

/* The title search: at most SEARCH_MAX_CHARS; returns 0 or 400 (sent). */
static int check_title_query(struct request *req, struct response *resp, const char *q)
{
	if (q == NULL || valid_text(q, SEARCH_MAX_CHARS))
		return 0;
	page_error(req, resp, 400, arena_printf(req->mem, "Параметр «q» слишком длинный: искать можно по части "
	                                                  "названия не длиннее %d символов. Сократите запрос.",
	                                        SEARCH_MAX_CHARS));
	return 400;
}

/* Reads and validates every parameter; returns 0, or the status already sent. */
static int read_project_catalogue(struct request *req, struct response *resp, struct project_catalogue *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < PQ__MAX; i++) {
		c->params[i].name = project_params[i];
		c->params[i].value = query_value(req, project_params[i]);
	}
	struct link_param *p = c->params;
	struct project_filter *f = &c->filter;
	int rc;
	if ((rc = check_page(req, resp, p[PQ_PAGE].value, &c->page)) ||
	    (rc = check_title_query(req, resp, p[PQ_Q].value)) ||
	    (rc = check_enum(req, resp, "funding", p[PQ_FUNDING].value, funding_labels)) ||
	    (rc = check_enum(req, resp, "status", p[PQ_STATUS].value, project_status_labels)) ||
	    (rc = check_enum(req, resp, "risk", p[PQ_RISK].value, risk_filter_labels)) ||
	    (rc = resolve_slug(req, resp, "district", p[PQ_DISTRICT].value, district_id_by_slug, &f->district_id)) ||
	    (rc = resolve_slug(req, resp, "category", p[PQ_CATEGORY].value, category_id_by_slug, &f->category_id)) ||
	    (rc = resolve_slug(req, resp, "centre", p[PQ_CENTRE].value, centre_id_by_slug, &f->centre_id)))
		return rc;
	f->title = p[PQ_Q].value;
	f->funding = p[PQ_FUNDING].value;
	f->status = p[PQ_STATUS].value;
	c->risk_only = p[PQ_RISK].value != NULL;
	return 0;
}

/* Keeps the rows at risk today when risk_only; returns the kept row numbers' count in *n. */
static size_t *kept_rows(arena *mem, const struct db_rows *r, bool risk_only, int today, size_t *n)
{
	size_t *rows = arena_calloc(mem, r->nrows + 1, sizeof *rows);
	*n = 0;
	for (size_t i = 0; i < r->nrows; i++)
		if (!risk_only || project_risks(r, i, today) != 0)
			rows[(*n)++] = i;
	return rows;
}

/* The filter form. */
static void fill_project_filters(tpl_dict *d, const struct project_catalogue *c, const struct db_rows *districts,
                                 const struct db_rows *categories, const struct db_rows *centres)
{
	const struct link_param *p = c->params;
	tpl_set(d, "Q", p[PQ_Q].value ? p[PQ_Q].value : "");
	tpl_set_int(d, "Q_MAX", SEARCH_MAX_CHARS);
	fill_district_options(d, "DISTRICT_OPTION", districts, p[PQ_DISTRICT].value);
	fill_category_options(d, categories, p[PQ_CATEGORY].value);
	fill_centre_options(d, "CENTRE_OPTION", centres, p[PQ_CENTRE].value);
	fill_label_options(d, "FUNDING_OPTION", funding_labels, p[PQ_FUNDING].value);
	fill_label_options(d, "STATUS_OPTION", project_status_labels, p[PQ_STATUS].value);
	if (c->risk_only)
		tpl_show(d, "RISK_CHECKED");
}

/* GET /projects: the catalogue, filtered, PROJECTS_PAGE_SIZE a page. */
void handle_projects(struct request *req, struct response *resp)
{
	struct project_catalogue c;
	if (read_project_catalogue(req, resp, &c) != 0)
		return;
	struct db_rows *districts = districts_all(req->mem), *categories = categories_all(req->mem);
	struct db_rows *centres = centres_all(req->mem), *r = projects_search(req->mem, &c.filter);
	if (districts == NULL || categories == NULL || centres == NULL || r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	int today = survival_today(time(NULL));
	size_t total;
	size_t *rows = kept_rows(req->mem, r, c.risk_only, today, &total);
	int pages = (int)((total + PROJECTS_PAGE_SIZE - 1) / PROJECTS_PAGE_SIZE);
	if (c.page > 1 && c.page > pages) {
		page_error(req, resp, 404, "Такой страницы списка проектов нет: проектов меньше. Вернитесь к первой странице.");
		return;
	}
	struct page p;
	page_begin(&p, req, "projects.tpl", "Проекты НКО", NAV_PROJECTS);
	fill_project_filters(p.content, &c, districts, categories, centres);
	tpl_set_int(p.content, "TOTAL", (long long)total);
	tpl_set(p.content, "TOTAL_WORD", plural_ru((long long)total, "проект", "проекта", "проектов"));
	size_t from = (size_t)(c.page - 1) * PROJECTS_PAGE_SIZE;
	for (size_t k = from; k < total && k < from + PROJECTS_PAGE_SIZE; k++)
		add_project_card(p.content, req->mem, r, rows[k], today,
		                 arena_printf(req->mem, "/projects/%s", db_cell(r, rows[k], PROJECT_ID)));
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(tpl_include(p.content, "PAGINATION_NAV", "pagination.tpl"), req->mem, "/projects", c.params,
	                PQ__MAX, PQ_PAGE, c.page, pages);
	page_finish(&p, resp, 200);
}

/* Links for those who may act on the project: its NGO's members, its centre's staff. */
static void fill_project_actions(tpl_dict *d, const struct request *req, const struct db_rows *r)
{
	const struct user *u = req->user;
	if (u == NULL)
		return;
	if (u->ngo_id > 0 && u->ngo_id == db_cell_int(r, 0, PROJECT_NGO_ID))
		tpl_show(d, "CAN_EDIT");
	long long centre = db_cell_int(r, 0, PROJECT_CENTRE_ID);
	if (centre > 0 && user_has_role(u, ROLE_CENTRE_STAFF) && user_can_manage_centre(u, centre))
		tpl_show(d, "CAN_SUPPORT");
}

/* GET /projects/{id}: one project, its risks and its timeline. */
void handle_project(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	struct db_rows *r = project_by_id(req->mem, id);
	struct db_rows *t = r != NULL && r->nrows ? project_timeline(req->mem, id) : NULL;
	if (r == NULL || (r->nrows && t == NULL)) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0) {
		page_error(req, resp, 404, "Проект не найден. Возможно, ссылка устарела; найдите проект в списке «Проекты НКО».");
		return;
	}
	struct page p;
	page_begin(&p, req, "project.tpl", db_cell(r, 0, PROJECT_TITLE), NAV_PROJECTS);
	fill_project_detail(p.content, req->mem, r);
	fill_project_risks(p.content, req->mem, r, 0, survival_today(time(NULL)));
	fill_project_timeline(p.content, req->mem, r, t);
	fill_project_actions(p.content, req, r);
	page_finish(&p, resp, 200);
}
