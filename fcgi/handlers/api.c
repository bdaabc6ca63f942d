/* handlers/api.c: the JSON API /api/v1/, shaped after Open Referral HSDS 3.0
 * (objects built in feeds/hsds.c): the API's description, its OpenAPI
 * document and profile (files of feeds/ built into the program), services
 * with the catalogue's filters (the same validation as /services), one
 * service, organizations (the centres), one organization, and the taxonomy.
 * Every endpoint names the parameters it accepts; anything else, and any
 * value not accepted, is a JSON error naming the parameter. */
#include "handlers.h"

#include <string.h>

#include "../../feeds/embed.h"
#include "../../feeds/hsds.h"
#include "../config.h"
#include "../timefmt.h"
#include "../validate.h"

#define CT_JSON "application/json; charset=utf-8"
#define CT_MARKDOWN "text/markdown; charset=utf-8"
#define API_DEFAULT_PER_PAGE 20
#define API_MAX_PER_PAGE 100
#define API_DATETIME_MAX_LEN 32 /* "2026-11-25T14:00:00+10:00" and a little room */
#define API_RETRY_AFTER "5"

/* Sends {"error": {"status", "message", "parameter"}}; param may be NULL. */
static void api_error(struct request *req, struct response *resp, int status, const char *message, const char *param)
{
	json_object *err = json_object_new_object(), *root = json_object_new_object();
	json_object_object_add(err, "status", json_object_new_int(status));
	json_object_object_add(err, "message", json_object_new_string(message));
	if (param != NULL)
		json_object_object_add(err, "parameter", json_object_new_string(param));
	json_object_object_add(root, "error", err);
	size_t len = 0;
	char *body = hsds_serialize(req->mem, root, &len);
	response_body(resp, status, CT_JSON, body ? body : "", body ? len : 0);
	resp->cache_control = CACHE_PRIVATE;
	if (status == 503)
		response_header(resp, "Retry-After", API_RETRY_AFTER);
}

/* After a failed query: 503 while the database is away, else 500. */
static void api_db_failure(struct request *req, struct response *resp)
{
	if (db_unavailable())
		api_error(req, resp, 503, "База данных временно недоступна. Повторите запрос через несколько секунд.", NULL);
	else
		api_error(req, resp, 500, "Внутренняя ошибка сервера. Повторите запрос позже.", NULL);
}

/* Sends obj (released) as a public JSON answer with an ETag. */
static void api_send(struct request *req, struct response *resp, json_object *obj)
{
	size_t len = 0;
	char *body = hsds_serialize(req->mem, obj, &len);
	if (body == NULL) {
		api_error(req, resp, 500, "Не удалось сформировать ответ. Повторите запрос позже.", NULL);
		return;
	}
	response_body(resp, 200, CT_JSON, body, len);
	resp->cache_control = CACHE_PUBLIC;
	resp->etag = true;
}

/* ---- parameters ----------------------------------------------------------- */

/* What a list endpoint was asked for. */
struct api_query {
	int page, per_page;
	bool minimal;
	const char *modified_after; /* UTC database time, NULL = any */
};

/* What each parameter accepts, said in Russian: a hint (with the limit in
 * place of %d), and for an enum filter the values of its label table. */
static const struct {
	const char *param, *hint;
	int limit;
	const struct label *values;
} param_hints[] = {
	{ "q", "Поисковый запрос — не больше %d символов.", SEARCH_MAX_CHARS, NULL },
	{ "page", "Номер страницы — целое число от 1 до %d.", PAGE_MAX, NULL },
	{ "per_page", "Размер страницы — целое число от 1 до %d.", API_MAX_PER_PAGE, NULL },
	{ "minimal", "Параметр принимает значения true или false.", 0, NULL },
	{ "modified_after", "Нужны дата или дата и время ISO 8601, например 2026-11-25 или 2026-11-25T09:00:00Z.", 0,
	  NULL },
	{ "district", "Такого района нет: укажите код района, как в адресах каталога (/services?district=...).", 0,
	  NULL },
	{ "category", "Такого вида поддержки нет: коды видов — поле code в /api/v1/taxonomy_terms.", 0, NULL },
	{ "target", "Допустимые значения:", 0, target_labels },
	{ "format", "Допустимые значения:", 0, format_labels },
	{ "cost", "Допустимые значения:", 0, cost_labels },
};

/* The Russian message for a value of param that was not accepted. */
static const char *bad_value_message(arena *mem, const char *param)
{
	const char *msg = arena_printf(mem, "Недопустимое значение параметра «%s».", param);
	for (size_t i = 0; i < sizeof param_hints / sizeof param_hints[0]; i++) {
		if (strcmp(param_hints[i].param, param) != 0)
			continue;
		msg = arena_printf(mem, "%s %s", msg, arena_printf(mem, param_hints[i].hint, param_hints[i].limit));
		for (const struct label *l = param_hints[i].values; l && l->value; l++)
			msg = arena_printf(mem, "%s %s%s", msg, l->value, l[1].value ? "," : ".");
	}
	return msg;
}

/* A 400 for a value of param that was not accepted. */
static void api_bad_param(struct request *req, struct response *resp, const char *param)
{
	api_error(req, resp, 400, bad_value_message(req->mem, param), param);
}

/* True when every query parameter is one of allowed (NULL-terminated);
 * otherwise sends a 400 naming the first stranger. */
static bool params_known(struct request *req, struct response *resp, const char *const *allowed)
{
	for (size_t i = 0; i < req->query.count; i++) {
		const char *name = req->query.items[i].name;
		size_t k = 0;
		while (allowed[k] != NULL && strcmp(allowed[k], name) != 0)
			k++;
		if (allowed[k] == NULL) {
			api_error(req, resp, 400, arena_printf(req->mem, "Неизвестный параметр «%s». Допустимые параметры "
			                                                 "описаны в /api/v1/openapi.json.", name), name);
			return false;
		}
	}
	return true;
}

/* "true"/"false" into *out (absent = false). */
static bool read_bool(const char *value, bool *out)
{
	*out = value != NULL && strcmp(value, "true") == 0;
	return value == NULL || *out || strcmp(value, "false") == 0;
}

/* An ISO 8601 date or date-time into UTC database time. */
static bool read_datetime(arena *mem, const char *value, const char **out)
{
	time_t t;
	struct tm tm;
	if (value == NULL)
		return true;
	if (strlen(value) > API_DATETIME_MAX_LEN || !parse_iso8601(value, &t) || gmtime_r(&t, &tm) == NULL)
		return false;
	*out = arena_printf(mem, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	                    tm.tm_hour, tm.tm_min, tm.tm_sec);
	return true;
}

/* Reads page, per_page, minimal and modified_after; false with a 400 sent. */
static bool read_api_query(struct request *req, struct response *resp, struct api_query *q)
{
	const char *page = query_value(req, "page"), *per_page = query_value(req, "per_page");
	memset(q, 0, sizeof q[0]);
	q->page = 1;
	q->per_page = API_DEFAULT_PER_PAGE;
	const char *bad = NULL;
	if (page != NULL && !valid_page(page, &q->page))
		bad = "page";
	else if (per_page != NULL && (!valid_page(per_page, &q->per_page) || q->per_page > API_MAX_PER_PAGE))
		bad = "per_page";
	else if (!read_bool(query_value(req, "minimal"), &q->minimal))
		bad = "minimal";
	else if (!read_datetime(req->mem, query_value(req, "modified_after"), &q->modified_after))
		bad = "modified_after";
	if (bad != NULL)
		api_bad_param(req, resp, bad);
	return bad == NULL;
}

/* ---- endpoints -------------------------------------------------------------- */

void handle_api_root(struct request *req, struct response *resp)
{
	static const char *const allowed[] = { NULL };
	if (params_known(req, resp, allowed))
		api_send(req, resp, hsds_api_info(req->mem, config_current()));
}

/* Answers a file of feeds/ built into the program. */
static void send_embedded(struct request *req, struct response *resp, const char *name, const char *type)
{
	struct embedded_file f;
	if (!embedded_find(name, &f)) {
		api_error(req, resp, 500, "Файл описания API не собран в программу.", NULL);
		return;
	}
	response_body(resp, 200, type, f.data, f.len);
	resp->cache_control = CACHE_PUBLIC;
	resp->etag = true;
}

/* GET /api/v1/openapi.json: feeds/openapi.json as built in. */
void handle_api_openapi(struct request *req, struct response *resp)
{
	send_embedded(req, resp, "openapi.json", CT_JSON);
}

/* GET /api/v1/profile: the Russian profile, feeds/README-hsds.md. */
void handle_api_profile(struct request *req, struct response *resp)
{
	send_embedded(req, resp, "README-hsds.md", CT_MARKDOWN);
}

/* Reads the catalogue's filters; false with the error sent. A sync
 * (modified_after) also sees archived services, as "inactive". */
static bool read_api_filter(struct request *req, struct response *resp, const struct api_query *q,
                            struct service_filter *f)
{
	const char *bad;
	int rc = read_service_filter(req, f, &bad);
	if (rc < 0)
		api_db_failure(req, resp);
	else if (rc != 0)
		api_bad_param(req, resp, bad);
	f->modified_after = q->modified_after;
	f->include_archived = q->modified_after != NULL;
	return rc == 0;
}

/* GET /api/v1/services: the catalogue's search, a page at a time. */
void handle_api_services(struct request *req, struct response *resp)
{
	static const char *const allowed[] = {
		"q", "district", "category", "target", "format", "cost", "page", "per_page", "modified_after", "minimal",
		NULL,
	};
	struct api_query q;
	struct service_filter f;
	if (!params_known(req, resp, allowed) || !read_api_query(req, resp, &q) || !read_api_filter(req, resp, &q, &f))
		return;
	long long total;
	struct db_rows *r = services_search_full(req->mem, &f, q.per_page, (q.page - 1) * q.per_page, &total);
	if (r == NULL) {
		api_db_failure(req, resp);
		return;
	}
	json_object *contents = json_object_new_array();
	for (size_t i = 0; i < r->nrows; i++)
		json_object_array_add(contents, q.minimal ? hsds_service_minimal(req->mem, r, i)
		                                          : hsds_service(req->mem, config_current(), r, i));
	api_send(req, resp, hsds_page(contents, total, q.page, q.per_page));
}

/* Row of the centre with this id in CENTRE_* rows, or -1. */
static long centre_row(const struct db_rows *centres, const char *id)
{
	for (size_t i = 0; i < centres->nrows; i++)
		if (strcmp(db_cell(centres, i, CENTRE_ID), id) == 0)
			return (long)i;
	return -1;
}

/* GET /api/v1/services/{id}: one service, fully nested (archived ones too). */
void handle_api_service(struct request *req, struct response *resp)
{
	static const char *const allowed[] = { NULL };
	long long id;
	if (!params_known(req, resp, allowed))
		return;
	valid_id(request_param(req, "id"), &id);
	struct db_rows *r = service_full_by_id(req->mem, id);
	struct db_rows *ds = r && r->nrows ? service_districts(req->mem, id) : NULL;
	struct db_rows *centres = ds ? centres_all(req->mem) : NULL;
	if (r == NULL || (r->nrows && centres == NULL)) {
		api_db_failure(req, resp);
		return;
	}
	long row = r->nrows ? centre_row(centres, db_cell(r, 0, SERVICE_FULL_CENTRE_ID)) : -1;
	if (row < 0) {
		api_error(req, resp, 404, "Услуга не найдена.", NULL);
		return;
	}
	const struct config *cfg = config_current();
	json_object *svc = hsds_service(req->mem, cfg, r, 0);
	hsds_service_add_details(svc, req->mem, r, ds, hsds_organization(req->mem, cfg, centres, (size_t)row));
	api_send(req, resp, svc);
}

/* Answers the requested page of a short list (all its rows in r) whose
 * rows make objects. */
static void send_list_page(struct request *req, struct response *resp, const struct db_rows *r,
                           json_object *(*make)(arena *, const struct config *, const struct db_rows *, size_t))
{
	static const char *const allowed[] = { "page", "per_page", NULL };
	struct api_query q;
	if (!params_known(req, resp, allowed) || !read_api_query(req, resp, &q))
		return;
	if (r == NULL) {
		api_db_failure(req, resp);
		return;
	}
	json_object *contents = json_object_new_array();
	size_t first = (size_t)(q.page - 1) * (size_t)q.per_page;
	for (size_t i = first; i < r->nrows && i < first + (size_t)q.per_page; i++)
		json_object_array_add(contents, make(req->mem, config_current(), r, i));
	api_send(req, resp, hsds_page(contents, (long long)r->nrows, q.page, q.per_page));
}

/* GET /api/v1/organizations: the centres. */
void handle_api_organizations(struct request *req, struct response *resp)
{
	send_list_page(req, resp, centres_all(req->mem), hsds_organization);
}

/* GET /api/v1/organizations/{id}: a centre with its services and districts. */
void handle_api_organization(struct request *req, struct response *resp)
{
	static const char *const allowed[] = { NULL };
	if (!params_known(req, resp, allowed))
		return;
	struct db_rows *r = centres_all(req->mem);
	long row = r ? centre_row(r, request_param(req, "id")) : -1;
	long long id = row >= 0 ? db_cell_int(r, (size_t)row, CENTRE_ID) : 0;
	struct db_rows *svc = row >= 0 ? services_of_centre(req->mem, id, STORE_NO_LIMIT) : NULL;
	struct db_rows *ds = svc ? centre_districts(req->mem, id) : NULL;
	if (r == NULL || (row >= 0 && ds == NULL)) {
		api_db_failure(req, resp);
		return;
	}
	if (row < 0) {
		api_error(req, resp, 404, "Организация не найдена.", NULL);
		return;
	}
	json_object *org = hsds_organization(req->mem, config_current(), r, (size_t)row);
	hsds_organization_add_details(org, svc, ds);
	api_send(req, resp, org);
}

/* GET /api/v1/taxonomy_terms: the categories of the catalogue. */
void handle_api_taxonomy_terms(struct request *req, struct response *resp)
{
	send_list_page(req, resp, categories_all(req->mem), hsds_taxonomy_term);
}

/* Any other path under /api/v1/: a JSON 404 rather than an HTML page. */
void handle_api_not_found(struct request *req, struct response *resp)
{
	api_error(req, resp, 404, "Такого адреса в API нет. Все адреса описаны в /api/v1/openapi.json.", NULL);
}
