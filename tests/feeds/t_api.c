/* t_api.c: the JSON API /api/v1/ (HSDS 3.0, Russian profile). Answers are
 * parsed back with json-c and compared with the database field by field;
 * lists come in the HSDS paging envelope and page through every record;
 * the catalogue's filters count as in the database; bad parameters are
 * JSON errors with status 400 naming the parameter. */
#include "check.h"

#include <stdlib.h>

#define CT_JSON "application/json; charset=utf-8"
#define PER_PAGE_MAX 100

/* GETs an API path that must answer 200 JSON, parsed. */
static json_object *get_json(const char *path)
{
	struct reply *r = fetch(path, CT_JSON);
	return r ? json_parse(r) : NULL;
}

/* obj[key] as an integer, -1 when absent or not one. */
static long long json_int(json_object *obj, const char *key)
{
	json_object *v = json_get(obj, key);
	return v && json_object_is_type(v, json_type_int) ? json_object_get_int64(v) : -1;
}

/* obj[key] as a boolean (0/1), -1 when absent or not one. */
static int json_flag(json_object *obj, const char *key)
{
	json_object *v = json_get(obj, key);
	return v && json_object_is_type(v, json_type_boolean) ? json_object_get_boolean(v) : -1;
}

/* /api/v1/, the OpenAPI document and the profile. */
static void root_describes_the_api(void)
{
	json_object *root = get_json("/api/v1/");
	CHECK(root != NULL, "/api/v1/");
	CHECK_STR(json_str(root, "version"), "3.0", "HSDS version");
	CHECK_STR(json_str(root, "openapi_url"), c_printf("%s/api/v1/openapi.json", env_url()), "openapi_url");
	CHECK_STR(json_str(root, "profile"), c_printf("%s/api/v1/profile", env_url()), "profile");
	json_object *openapi = get_json("/api/v1/openapi.json");
	CHECK(openapi && strncmp(json_str(openapi, "openapi"), "3.", 2) == 0, "openapi.json is not OpenAPI 3");
	json_object *paths = json_get(openapi, "paths");
	static const char *const documented[] = { "/services", "/services/{id}", "/organizations",
	                                          "/organizations/{id}", "/taxonomy_terms" };
	for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++)
		CHECK(json_get(paths, documented[i]) != NULL, "openapi.json does not document %s", documented[i]);
	CHECK(fetch("/api/v1/profile", "text/markdown; charset=utf-8") != NULL, "the profile");
}

/* Checks the HSDS envelope of one page of a list with total records. */
static void check_envelope(json_object *page, long long total, int number, int per_page)
{
	long long pages = (total + per_page - 1) / per_page;
	json_object *contents = json_get(page, "contents");
	CHECK(contents && json_object_is_type(contents, json_type_array), "no contents array");
	CHECK_INT(json_int(page, "total_items"), total, "total_items");
	CHECK_INT(json_int(page, "total_pages"), pages, "total_pages");
	CHECK_INT(json_int(page, "page_number"), number, "page_number");
	CHECK_INT(json_int(page, "size"), (long long)json_object_array_length(contents), "size");
	CHECK_INT(json_flag(page, "first_page"), number == 1, "first_page");
	CHECK_INT(json_flag(page, "last_page"), number >= pages, "last_page");
	CHECK_INT(json_flag(page, "empty"), total == 0, "empty");
}

/* Every record of a list endpoint, paging with per_page=100. */
static json_object **all_records(const char *path, long long total, size_t *n)
{
	json_object **all = c_alloc((size_t)(total + 1) * sizeof *all);
	*n = 0;
	for (int page = 1; page == 1 || *n < (size_t)total; page++) {
		json_object *p = get_json(c_printf("%s%cper_page=%d&page=%d", path, strchr(path, '?') ? '&' : '?',
		                                   PER_PAGE_MAX, page));
		if (p == NULL)
			return NULL;
		check_envelope(p, total, page, PER_PAGE_MAX);
		json_object *contents = json_get(p, "contents");
		if (c_failed() || json_object_array_length(contents) == 0)
			return NULL;
		for (size_t i = 0; i < json_object_array_length(contents) && *n < (size_t)total; i++)
			all[(*n)++] = json_object_array_get_idx(contents, i);
	}
	return all;
}

/* The service of a list with this id, or NULL. */
static json_object *find_by_id(json_object **list, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(json_str(list[i], "id"), id) == 0)
			return list[i];
	return NULL;
}

enum {
	S_ID, S_CENTRE, S_TITLE, S_DESCRIPTION, S_EMAIL, S_ELIGIBILITY, S_UPDATED, S_SUMMARY, S_TARGET, S_FORMAT,
	S_COST, S_CATEGORY_ID, S_CATEGORY_SLUG, S_STATUS
};
#define SERVICE_TRUTH                                                                                   \
	"SELECT s.id, s.centre_id, s.title, s.description, s.contact_email, s.eligibility, "            \
	"DATE_FORMAT(s.updated_at, '%Y-%m-%dT%H:%i:%sZ'), s.summary, s.target_group, s.format, s.cost, " \
	"s.category_id, cat.slug, IF(s.status = 'active', 'active', 'inactive') "                       \
	"FROM services s JOIN categories cat ON cat.id = s.category_id "

/* One service object against its row of SERVICE_TRUTH; "" stands for an
 * empty text, which the API leaves out. */
static void check_service(json_object *s, char **row)
{
	static const struct {
		const char *key;
		int column;
	} fields[] = {
		{ "organization_id", S_CENTRE }, { "name", S_TITLE }, { "description", S_DESCRIPTION },
		{ "email", S_EMAIL }, { "eligibility_description", S_ELIGIBILITY }, { "last_modified", S_UPDATED },
		{ "summary", S_SUMMARY }, { "target_group", S_TARGET }, { "delivery_format", S_FORMAT },
		{ "cost", S_COST }, { "status", S_STATUS },
	};
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
		CHECK_STR(json_str(s, fields[f].key), row[fields[f].column], c_printf("service %s: %s", row[S_ID], fields[f].key));
	CHECK_STR(json_str(s, "url"), c_printf("%s/services/%s", env_url(), row[S_ID]), "url");
	json_object *attr = json_object_array_get_idx(json_get(s, "attributes"), 0);
	CHECK_STR(json_str(attr, "taxonomy_term_id"), row[S_CATEGORY_ID], c_printf("service %s: category", row[S_ID]));
	CHECK_STR(json_str(json_get(attr, "taxonomy_term"), "code"), row[S_CATEGORY_SLUG], "category code");
}

/* Pages through every active service; each one field by field. */
static void services_match_database(void)
{
	char ***rows;
	long n = sql_rows(SERVICE_TRUTH "WHERE s.status = 'active' ORDER BY s.id", &rows);
	CHECK(n > PER_PAGE_MAX, "fewer than %d active services: paging is not exercised", PER_PAGE_MAX + 1);
	size_t got;
	json_object **all = all_records("/api/v1/services", n, &got);
	CHECK(all != NULL, "/api/v1/services");
	CHECK_INT((long long)got, n, "services listed");
	for (long i = 0; i < n; i++) {
		json_object *s = find_by_id(all, got, rows[i][S_ID]);
		CHECK(s != NULL, "service %s is not listed", rows[i][S_ID]);
		check_service(s, rows[i]);
		CHECK(!c_failed(), "service %s", rows[i][S_ID]);
	}
}

/* The fully nested service against its districts and centre. */
static void service_nests_areas_contacts_organization(void)
{
	char ***svc, ***areas, ***org;
	CHECK(sql_rows(SERVICE_TRUTH "WHERE s.status = 'active' ORDER BY s.id LIMIT 1", &svc) == 1, "no service");
	const char *id = svc[0][S_ID];
	long na = sql_rows(c_printf("SELECT d.name, d.oktmo FROM service_districts sd JOIN districts d ON d.id = "
	                            "sd.district_id WHERE sd.service_id = %s ORDER BY d.sort_order, d.name", id), &areas);
	CHECK(sql_rows(c_printf("SELECT inn, ogrn FROM centres WHERE id = %s", svc[0][S_CENTRE]), &org) == 1, "centre");
	json_object *s = get_json(c_printf("/api/v1/services/%s", id));
	CHECK(s != NULL, "service %s", id);
	check_service(s, svc[0]);
	json_object *sa = json_get(s, "service_areas");
	CHECK_INT((long long)json_object_array_length(sa), na, "service_areas");
	for (long i = 0; i < na; i++) {
		json_object *a = json_object_array_get_idx(sa, (size_t)i);
		CHECK_STR(json_str(a, "name"), areas[i][0], "service area name");
		CHECK_STR(json_str(a, "oktmo"), areas[i][1] ? areas[i][1] : "", "service area OKTMO");
		CHECK_STR(json_str(a, "service_id"), id, "service_id");
	}
	json_object *ids = json_get(json_get(s, "organization"), "organization_identifiers");
	CHECK_STR(json_str(json_object_array_get_idx(ids, 0), "identifier"), org[0][0], "INN");
	CHECK_STR(json_str(json_object_array_get_idx(ids, 0), "identifier_scheme"), "RU-INN", "INN scheme");
	CHECK_STR(json_str(json_object_array_get_idx(ids, 1), "identifier"), org[0][1], "OGRN");
	CHECK_STR(json_str(json_object_array_get_idx(ids, 1), "identifier_scheme"), "RU-OGRN", "OGRN scheme");
	CHECK(json_object_is_type(json_get(s, "contacts"), json_type_array), "no contacts array");
}

/* total_items of a filtered list against a count of the database. */
static void check_count(const char *query, const char *sql)
{
	json_object *p = get_json(c_printf("/api/v1/services?%s", query));
	CHECK(p != NULL, "%s", query);
	CHECK_INT(json_int(p, "total_items"), sql_count(sql), query);
}

/* total_items under each filter against a count of the tables. */
static void filters_count_as_the_database(void)
{
	const char *group = sql_text("SELECT slug FROM categories WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	CHECK(group != NULL, "no category group");
	check_count("district=khabarovsk", "SELECT COUNT(*) FROM services s WHERE s.status = 'active' AND EXISTS "
	            "(SELECT 1 FROM service_districts sd JOIN districts d ON d.id = sd.district_id WHERE "
	            "sd.service_id = s.id AND d.slug = 'khabarovsk')");
	check_count(c_printf("category=%s", group), c_printf("SELECT COUNT(*) FROM services s JOIN categories c ON "
	            "c.id = s.category_id LEFT JOIN categories p ON p.id = c.parent_id WHERE s.status = 'active' AND "
	            "(c.slug = %s OR p.slug = %s)", sql_quote(group), sql_quote(group)));
	check_count("target=initiative", "SELECT COUNT(*) FROM services WHERE status = 'active' AND "
	            "target_group IN ('initiative', 'any')");
	check_count("format=online&cost=free", "SELECT COUNT(*) FROM services WHERE status = 'active' AND "
	            "format IN ('online', 'both') AND cost = 'free'");
}

/* minimal=true objects hold exactly id and last_modified. */
static void minimal_gives_ids_and_times(void)
{
	json_object *p = get_json("/api/v1/services?minimal=true&per_page=5");
	CHECK(p != NULL, "minimal=true");
	json_object *contents = json_get(p, "contents");
	CHECK(json_object_array_length(contents) == 5, "5 services expected");
	for (size_t i = 0; i < 5; i++) {
		json_object *s = json_object_array_get_idx(contents, i);
		CHECK(json_object_object_length(s) == 2 && json_str(s, "id")[0] && json_str(s, "last_modified")[0],
		      "not just id and last_modified: %s", json_object_to_json_string(s));
	}
}

/* Archives a service in the future: the sync sees it as inactive. */
static void modified_after_syncs_changes(void)
{
	char *id = sql_text("SELECT MAX(id) FROM services WHERE status = 'active'");
	char *was = id ? sql_text(c_printf("SELECT updated_at FROM services WHERE id = %s", id)) : NULL;
	CHECK(was && sql_exec(c_printf("UPDATE services SET status = 'archived', updated_at = '2099-01-01 00:00:00' "
	                               "WHERE id = %s", id)), "could not archive a service");
	sql_later(c_printf("UPDATE services SET status = 'active', updated_at = %s WHERE id = %s", sql_quote(was), id));
	char *since = sql_text("SELECT DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM services "
	                       "ORDER BY updated_at DESC LIMIT 9, 1");
	char *since_sql = sql_text("SELECT updated_at FROM services ORDER BY updated_at DESC LIMIT 9, 1");
	CHECK(since && since_sql, "not enough services");
	long long want = sql_count(c_printf("SELECT COUNT(*) FROM services WHERE updated_at >= %s", sql_quote(since_sql)));
	size_t n;
	json_object **all = all_records(c_printf("/api/v1/services?modified_after=%s", since), want, &n);
	CHECK(all != NULL, "modified_after=%s", since);
	json_object *archived = find_by_id(all, n, id);
	CHECK(archived != NULL, "the archived service %s is not in the sync", id);
	CHECK_STR(json_str(archived, "status"), "inactive", "status of an archived service");
	json_object *local = get_json(c_printf("/api/v1/services?modified_after=%s&per_page=1",
	                                       "2098-12-31T20:00:00-04:00"));
	CHECK(local != NULL, "modified_after with an offset");
	CHECK_INT(json_int(local, "total_items"), 1, "modified_after=2098-12-31T20:00:00-04:00 (= 2099-01-01 UTC)");
}

enum { O_ID, O_NAME, O_SHORT, O_INN, O_OGRN, O_EMAIL };

/* Every centre: names, e-mail and the INN/OGRN identifiers. */
static void organizations_match_database(void)
{
	char ***rows;
	long n = sql_rows("SELECT id, name, short_name, inn, ogrn, email FROM centres ORDER BY id", &rows);
	CHECK(n > 0, "no centres");
	size_t got;
	json_object **all = all_records("/api/v1/organizations", n, &got);
	CHECK(all != NULL, "/api/v1/organizations");
	for (long i = 0; i < n; i++) {
		json_object *o = find_by_id(all, got, rows[i][O_ID]);
		CHECK(o != NULL, "centre %s is not listed", rows[i][O_ID]);
		CHECK_STR(json_str(o, "name"), rows[i][O_NAME], "name");
		CHECK_STR(json_str(o, "alternate_name"), rows[i][O_SHORT], "alternate_name");
		CHECK_STR(json_str(o, "email"), rows[i][O_EMAIL], "email");
		json_object *ids = json_get(o, "organization_identifiers");
		CHECK_STR(json_str(json_object_array_get_idx(ids, 0), "identifier"), rows[i][O_INN], "INN");
		CHECK_STR(json_str(json_object_array_get_idx(ids, 1), "identifier"), rows[i][O_OGRN], "OGRN");
	}
}

/* The nested lists of /organizations/{id} against the tables. */
static void organization_lists_services_and_areas(void)
{
	char *id = sql_text("SELECT id FROM centres ORDER BY id LIMIT 1");
	CHECK(id != NULL, "no centre");
	json_object *o = get_json(c_printf("/api/v1/organizations/%s", id));
	CHECK(o != NULL, "organization %s", id);
	CHECK_INT((long long)json_object_array_length(json_get(o, "services")),
	          sql_count(c_printf("SELECT COUNT(*) FROM services WHERE centre_id = %s AND status = 'active'", id)),
	          "services of the organization");
	CHECK_INT((long long)json_object_array_length(json_get(o, "areas_served")),
	          sql_count(c_printf("SELECT COUNT(*) FROM centre_districts WHERE centre_id = %s", id)), "areas_served");
}

/* Every category as a term: code, name, parent. */
static void taxonomy_matches_categories(void)
{
	char ***rows;
	long n = sql_rows("SELECT id, slug, name, parent_id FROM categories ORDER BY id", &rows);
	size_t got;
	json_object **all = all_records("/api/v1/taxonomy_terms", n, &got);
	CHECK(n > 0 && all != NULL, "/api/v1/taxonomy_terms");
	for (long i = 0; i < n; i++) {
		json_object *t = find_by_id(all, got, rows[i][0]);
		CHECK(t != NULL, "category %s is not listed", rows[i][0]);
		CHECK_STR(json_str(t, "code"), rows[i][1], "code");
		CHECK_STR(json_str(t, "name"), rows[i][2], "name");
		CHECK_STR(json_str(t, "parent_id"), rows[i][3] ? rows[i][3] : "", "parent_id");
	}
}

/* A 400 JSON error naming param. */
static void check_bad(const char *path, const char *param)
{
	struct reply *r = http_get(path, NULL);
	CHECK_INT(r->status, 400, path);
	CHECK_STR(r->content_type, CT_JSON, c_printf("%s: Content-Type", path));
	json_object *err = json_get(json_parse(r), "error");
	CHECK_INT(json_int(err, "status"), 400, c_printf("%s: error.status", path));
	CHECK_STR(json_str(err, "parameter"), param, c_printf("%s: error.parameter", path));
	CHECK(json_str(err, "message")[0] != '\0', "%s: no error.message", path);
}

/* Each way to get a parameter wrong, on each list endpoint. */
static void bad_parameters_are_json_400(void)
{
	static const struct {
		const char *query, *param;
	} cases[] = {
		{ "per_page=101", "per_page" }, { "per_page=0", "per_page" }, { "page=0", "page" },
		{ "page=abc", "page" }, { "district=no-such-district", "district" }, { "district=BAD!", "district" },
		{ "category=no-such-category", "category" }, { "target=martians", "target" }, { "format=fax", "format" },
		{ "cost=cheap", "cost" }, { "minimal=maybe", "minimal" }, { "modified_after=yesterday", "modified_after" },
		{ "modified_after=2026-13-45", "modified_after" }, { "sort=name", "sort" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_bad(c_printf("/api/v1/services?%s", cases[i].query), cases[i].param);
		CHECK(!c_failed(), "%s", cases[i].query);
	}
	check_bad(c_printf("/api/v1/services?q=%0201d", 0), "q");
	check_bad("/api/v1/organizations?q=centre", "q");
	check_bad("/api/v1/taxonomy_terms?per_page=1000", "per_page");
}

/* Missing records and paths under /api/v1/. */
static void unknown_ids_and_paths_are_json_404(void)
{
	static const char *const paths[] = {
		"/api/v1/services/999999", "/api/v1/organizations/999999", "/api/v1/nothing", "/api/v1/services/abc",
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct reply *r = http_get(paths[i], NULL);
		CHECK_INT(r->status, 404, paths[i]);
		CHECK_INT(json_int(json_get(json_parse(r), "error"), "status"), 404, c_printf("%s: error.status", paths[i]));
	}
}

const struct check api_checks[] = {
	{ "API: /api/v1/ gives the HSDS version, profile and OpenAPI document", root_describes_the_api },
	{ "API: services page through every active service in the HSDS envelope, field by field as stored",
	  services_match_database },
	{ "API: a service nests its OKTMO areas, contacts and organization with INN and OGRN",
	  service_nests_areas_contacts_organization },
	{ "API: the catalogue's filters count as in the database", filters_count_as_the_database },
	{ "API: minimal=true gives only id and last_modified", minimal_gives_ids_and_times },
	{ "API: modified_after returns later changes, archived services as inactive", modified_after_syncs_changes },
	{ "API: organizations carry the stored names and INN/OGRN identifiers", organizations_match_database },
	{ "API: an organization lists its services and the districts it serves", organization_lists_services_and_areas },
	{ "API: taxonomy_terms are the categories", taxonomy_matches_categories },
	{ "API: bad or unknown parameters are JSON errors with status 400 naming the parameter",
	  bad_parameters_are_json_400 },
	{ "API: unknown ids and paths are JSON errors with status 404", unknown_ids_and_paths_are_json_404 },
	CHECK_END,
};
