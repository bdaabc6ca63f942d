/* handlers/admin.c: the moderator's area: its landing page (/admin/) and
 * the audit log (/admin/audit) of every change made in /staff/ and /admin/:
 * who, what, when, and each changed field as "before → after", filtered by
 * centre, user, kind of entity and date range (days in the region's time). */
#include "handlers.h"

#include <json-c/json.h>
#include <string.h>

#include "../timefmt.h"
#include "../validate.h"

#define AUDIT_PAGE_SIZE 50
#define DATE_INPUT_LEN 10 /* "YYYY-MM-DD", as from <input type="date"> */

/* The log's parameters, in the order links are written. */
enum { AQ_CENTRE, AQ_USER, AQ_ENTITY, AQ_FROM, AQ_TO, AQ_PAGE, AQ__MAX };
static const char *const audit_params[AQ__MAX] = {
	"centre", /* AQ_CENTRE: centre slug */
	"user",   /* AQ_USER: id of a user with entries */
	"entity", /* AQ_ENTITY: audit_entity_labels value */
	"from",   /* AQ_FROM: first day, YYYY-MM-DD */
	"to",     /* AQ_TO: last day, YYYY-MM-DD */
	"page",   /* AQ_PAGE: 1..PAGE_MAX */
};

/* Where an entry's entity is edited, and the names of its statuses;
 * entities not listed get no link and their statuses as stored. */
static const struct entity_page {
	const char *entity;
	const char *path; /* followed by the id */
	const struct label *statuses;
} entity_pages[] = {
	{ "service", "/staff/services/", service_status_labels },
	{ "news", "/staff/news/", news_status_labels },
	{ "event", "/staff/events/", event_status_labels },
	{ "request", "/staff/requests/", NULL },
	{ "quality_standard", "/admin/quality/", standard_status_labels },
};

/* The entity_pages row of entity, or NULL. */
static const struct entity_page *entity_page(const char *entity)
{
	for (size_t k = 0; k < sizeof entity_pages / sizeof entity_pages[0]; k++)
		if (strcmp(entity_pages[k].entity, entity) == 0)
			return &entity_pages[k];
	return NULL;
}

struct audit_query {
	struct link_param params[AQ__MAX];
	struct audit_filter f;
	int page;
};

/* GET /admin: the moderator's landing page. */
void handle_admin(struct request *req, struct response *resp)
{
	struct page p;
	page_begin(&p, req, "admin.tpl", "Модерация", NAV_NONE);
	page_finish(&p, resp, 200);
}

/* True for "YYYY-MM-DD" with a plausible month and day. */
static bool valid_date_input(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != DATE_INPUT_LEN)
		return false;
	for (size_t i = 0; i < DATE_INPUT_LEN; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return false;
	int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* A day filter: its local midnight in UTC into *utc. 0 or 400 (sent). */
static int read_day(struct request *req, struct response *resp, const char *param, const char *value,
                    const char **utc)
{
	*utc = NULL;
	if (value == NULL)
		return 0;
	if (valid_date_input(value))
		*utc = local_input_to_utc(req->mem, arena_printf(req->mem, "%sT00:00", value));
	if (*utc == NULL) {
		page_bad_param(req, resp, param);
		return 400;
	}
	return 0;
}

/* The user filter: an id of an existing user. 0, or the status sent. */
static int read_user(struct request *req, struct response *resp, const char *value, long long *id)
{
	*id = 0;
	if (value == NULL)
		return 0;
	struct db_rows *u = valid_id(value, id) ? user_by_id(req->mem, *id) : NULL;
	if (*id > 0 && u == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	if (u == NULL || u->nrows == 0) {
		page_bad_param(req, resp, "user");
		return 400;
	}
	return 0;
}

/* Reads and validates every filter; returns 0, or the status already sent. */
static int read_audit_query(struct request *req, struct response *resp, struct audit_query *q)
{
	memset(q, 0, sizeof *q);
	for (int i = 0; i < AQ__MAX; i++) {
		q->params[i].name = audit_params[i];
		q->params[i].value = query_value(req, audit_params[i]);
	}
	const struct link_param *p = q->params;
	int rc;
	if ((rc = check_page(req, resp, p[AQ_PAGE].value, &q->page)) ||
	    (rc = check_enum(req, resp, "entity", p[AQ_ENTITY].value, audit_entity_labels)) ||
	    (rc = resolve_slug(req, resp, "centre", p[AQ_CENTRE].value, centre_id_by_slug, &q->f.centre_id)) ||
	    (rc = read_user(req, resp, p[AQ_USER].value, &q->f.user_id)) ||
	    (rc = read_day(req, resp, "from", p[AQ_FROM].value, &q->f.from_utc)) ||
	    (rc = read_day(req, resp, "to", p[AQ_TO].value, &q->f.to_utc)))
		return rc;
	q->f.entity = p[AQ_ENTITY].value;
	return 0;
}

/* Adds one CHANGE: "field: before → after" (an absent or empty value shown
 * as such, a status by its name). */
static void add_change(tpl_dict *entry, const struct entity_page *page, const char *field, const char *before,
                       const char *after)
{
	if (page != NULL && page->statuses != NULL && strcmp(field, "status") == 0) {
		before = before ? label_text(page->statuses, before) : NULL;
		after = after ? label_text(page->statuses, after) : NULL;
	}
	tpl_dict *c = tpl_section(entry, "CHANGE");
	tpl_set(c, "FIELD", label_text(audit_field_labels, field));
	tpl_set(c, "FIELD_KEY", field);
	if (before && before[0])
		tpl_set(tpl_section(c, "BEFORE"), "VALUE", before);
	else
		tpl_show(c, "BEFORE_EMPTY");
	if (after && after[0])
		tpl_set(tpl_section(c, "AFTER"), "VALUE", after);
	else
		tpl_show(c, "AFTER_EMPTY");
}

/* The string under key of a parsed JSON object, or NULL. */
static const char *json_value(json_object *obj, const char *key)
{
	json_object *v;
	if (obj == NULL || !json_object_object_get_ex(obj, key, &v) || v == NULL)
		return NULL;
	return json_object_get_string(v);
}

/* The entry's changed fields from its before/after JSON objects: every key
 * of after, then those only before has. */
static void fill_changes(tpl_dict *entry, const struct entity_page *page, const char *before_json,
                         const char *after_json)
{
	json_object *before = before_json ? json_tokener_parse(before_json) : NULL;
	json_object *after = after_json ? json_tokener_parse(after_json) : NULL;
	if (after != NULL && json_object_is_type(after, json_type_object)) {
		json_object_object_foreach(after, key, val)
			add_change(entry, page, key, json_value(before, key), val ? json_object_get_string(val) : NULL);
	}
	if (before != NULL && json_object_is_type(before, json_type_object)) {
		json_object_object_foreach(before, key, val)
			if (!(after && json_object_object_get_ex(after, key, NULL)) && val != NULL)
				add_change(entry, page, key, json_object_get_string(val), NULL);
	}
	json_object_put(before);
	json_object_put(after);
}

/* One log entry (row i) into an ENTRY section. */
static void add_entry(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_dict *e = tpl_section(d, "ENTRY");
	tpl_set(e, "WHEN", format_datetime_ru(mem, db_cell(r, i, AUDIT_CREATED_AT)));
	tpl_set(e, "USER_NAME", db_cell(r, i, AUDIT_USER_NAME));
	tpl_set(e, "USER_EMAIL", db_cell(r, i, AUDIT_USER_EMAIL));
	set_optional(e, "HAS_CENTRE", "CENTRE_NAME", db_cell(r, i, AUDIT_CENTRE_NAME));
	tpl_set(e, "CENTRE_SLUG", db_cell(r, i, AUDIT_CENTRE_SLUG));
	const char *entity = db_cell(r, i, AUDIT_ENTITY), *id = db_cell(r, i, AUDIT_ENTITY_ID);
	tpl_set(e, "ENTITY", label_text(audit_entity_labels, entity));
	tpl_set(e, "ENTITY_ID", id);
	tpl_set(e, "ACTION", label_text(audit_action_labels, db_cell(r, i, AUDIT_ACTION)));
	set_optional(e, "HAS_ADDRESS", "ADDRESS", db_cell(r, i, AUDIT_ADDRESS));
	const struct entity_page *page = entity_page(entity);
	if (page != NULL)
		tpl_set(tpl_section(e, "ENTITY_LINK"), "ENTITY_URL", arena_printf(mem, "%s%s", page->path, id));
	else
		tpl_show(e, "ENTITY_PLAIN");
	fill_changes(e, page, db_cell(r, i, AUDIT_BEFORE), db_cell(r, i, AUDIT_AFTER));
}

/* The filter form: centres, users with entries, entities, the days. */
static void fill_audit_filters(tpl_dict *d, const struct audit_query *q, const struct db_rows *centres,
                               const struct db_rows *authors)
{
	const struct link_param *p = q->params;
	fill_centre_options(d, "CENTRE_OPTION", centres, p[AQ_CENTRE].value);
	for (size_t i = 0; i < authors->nrows; i++) {
		tpl_dict *o = tpl_section(d, "USER_OPTION");
		tpl_set(o, "OPTION_VALUE", db_cell(authors, i, 0));
		tpl_set(o, "OPTION_TEXT", db_cell(authors, i, 1));
		tpl_set(o, "OPTION_EMAIL", db_cell(authors, i, 2));
		if (db_cell_int(authors, i, 0) == q->f.user_id)
			tpl_show(o, "OPTION_SELECTED");
	}
	fill_label_options(d, "ENTITY_OPTION", audit_entity_labels, p[AQ_ENTITY].value);
	tpl_set(d, "FROM", p[AQ_FROM].value ? p[AQ_FROM].value : "");
	tpl_set(d, "TO", p[AQ_TO].value ? p[AQ_TO].value : "");
}

/* GET /admin/audit: the audit log, filtered and paginated. */
void handle_admin_audit(struct request *req, struct response *resp)
{
	struct audit_query q;
	if (read_audit_query(req, resp, &q) != 0)
		return;
	struct db_rows *centres = centres_all(req->mem), *authors = audit_authors(req->mem);
	long long total = audit_count(req->mem, &q.f);
	if (centres == NULL || authors == NULL || total < 0) {
		page_db_failure(req, resp);
		return;
	}
	int pages = (int)((total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
	if (q.page > 1 && q.page > pages) {
		page_error(req, resp, 404, "Такой страницы журнала нет: записей меньше. Вернитесь к первой странице.");
		return;
	}
	struct db_rows *rows = audit_search(req->mem, &q.f, AUDIT_PAGE_SIZE, (q.page - 1) * AUDIT_PAGE_SIZE);
	if (rows == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "admin_audit.tpl", "Журнал изменений", NAV_NONE);
	fill_audit_filters(p.content, &q, centres, authors);
	tpl_set_int(p.content, "TOTAL", total);
	for (size_t i = 0; i < rows->nrows; i++)
		add_entry(p.content, req->mem, rows, i);
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(tpl_include(p.content, "PAGINATION_NAV", "pagination.tpl"), req->mem, "/admin/audit",
	                q.params, AQ__MAX, AQ_PAGE, q.page, pages);
	page_finish(&p, resp, 200);
}
