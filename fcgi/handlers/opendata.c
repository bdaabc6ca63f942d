/* handlers/opendata.c: /opendata/: the page people read (the sets with
 * their versions, the feeds and the API), the registry list.xml, and for
 * each set its passport meta.xml, its structure-{stamp}.xsd files and its
 * data-{stamp}-structure-{stamp}.xml/.csv versions. Asking for the page,
 * the registry or a passport publishes a new version of a set whose data
 * changed (feeds/opendata.c); data files are served as stored. */
#include "handlers.h"

#include <string.h>

#include "../../feeds/embed.h"
#include "../../feeds/opendata.h"
#include "../config.h"
#include "../timefmt.h"

#define CT_XML "application/xml; charset=utf-8"
#define CT_CSV "text/csv; charset=utf-8; header=present"

/* The time of a version's ODV_CREATED_AT (0 when unreadable). */
static time_t version_time(const struct db_rows *v, size_t i)
{
	time_t t = 0;
	parse_utc(db_cell(v, i, ODV_CREATED_AT), &t);
	return t;
}

/* True when open data can be published; otherwise answers 503 saying what
 * the operator must configure. */
static bool publisher_known(struct request *req, struct response *resp)
{
	if (od_publisher_known(config_current()))
		return true;
	page_error(req, resp, 503, "Открытые данные пока не опубликованы: в настройках площадки не указаны "
	                           "организация-публикатор и её ИНН (раздел [publisher]).");
	return false;
}

/* The set named by the {slug} of the path, or NULL with a 404 (or 503)
 * sent. */
static const struct od_set *requested_set(struct request *req, struct response *resp)
{
	const struct od_set *set = od_set_find(request_param(req, "slug"));
	if (set != NULL && !publisher_known(req, resp))
		return NULL;
	if (set == NULL)
		page_error(req, resp, 404, "Такого набора открытых данных нет. Список наборов — на странице «Открытые данные».");
	return set;
}

/* A 404 that says where the valid file names are listed. */
static void file_not_found(struct request *req, struct response *resp)
{
	page_error(req, resp, 404, "Такого файла в наборе нет. Действующие ссылки на версии данных и структуры "
	                           "указаны в паспорте набора (meta.xml).");
}

/* GET /opendata/list.xml: publishes changed sets, then lists them all. */
void handle_opendata_list(struct request *req, struct response *resp)
{
	const struct config *cfg = config_current();
	time_t newest = 0;
	if (!publisher_known(req, resp))
		return;
	for (size_t i = 0; i < od_nsets; i++) {
		struct db_rows *v = od_versions(req->mem, cfg, &od_sets[i]);
		if (v == NULL) {
			page_db_failure(req, resp);
			return;
		}
		if (version_time(v, 0) > newest)
			newest = version_time(v, 0);
	}
	size_t len = 0;
	char *body = od_list(req->mem, cfg, &len);
	feed_respond(req, resp, CT_XML, body, len, newest);
}

/* GET /opendata/{set}/meta.xml: publishes a change, then the passport. */
void handle_opendata_meta(struct request *req, struct response *resp)
{
	const struct od_set *set = requested_set(req, resp);
	if (set == NULL)
		return;
	struct db_rows *v = od_versions(req->mem, config_current(), set);
	if (v == NULL || v->nrows == 0) {
		page_db_failure(req, resp);
		return;
	}
	size_t len = 0;
	char *body = od_passport(req->mem, config_current(), set, v, &len);
	feed_respond(req, resp, CT_XML, body, len, version_time(v, 0));
}

/* structure-{stamp}.xsd: the schema kept in feeds/, built into the program. */
static void send_structure(struct request *req, struct response *resp, const struct od_set *set, const char *stamp)
{
	const struct od_structure *st = od_structure_find(set, stamp);
	struct embedded_file f;
	if (st == NULL || !embedded_find(st->schema, &f)) {
		file_not_found(req, resp);
		return;
	}
	time_t created = 0;
	parse_utc(arena_printf(req->mem, "%.4s-%.2s-%.2s 00:00:00", stamp, stamp + 4, stamp + 6), &created);
	feed_respond(req, resp, CT_XML, f.data, f.len, created);
}

/* data-{stamp}-structure-{stamp}.{xml,csv}: a stored version, as stored. */
static void send_data(struct request *req, struct response *resp, struct opendata_file *f)
{
	struct db_rows *r = opendata_content(req->mem, f);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0) {
		file_not_found(req, resp);
		return;
	}
	const char *body = db_cell(r, 0, 0);
	time_t created = 0;
	parse_utc(db_cell(r, 0, 1), &created);
	feed_respond(req, resp, strcmp(f->format, "csv") == 0 ? CT_CSV : CT_XML, body, strlen(body), created);
}

/* GET /opendata/{set}/{file}: a structure or a stored data version. */
void handle_opendata_file(struct request *req, struct response *resp)
{
	const struct od_set *set = requested_set(req, resp);
	if (set == NULL)
		return;
	const char *name = request_param(req, "name"), *stamp;
	struct opendata_file f = { .set_code = set->code };
	if (od_parse_structure_name(req->mem, name, &stamp))
		send_structure(req, resp, set, stamp);
	else if (od_parse_data_name(req->mem, name, &f))
		send_data(req, resp, &f);
	else
		file_not_found(req, resp);
}

/* ---- the page ----------------------------------------------------------- */

/* The links to one version's data files. */
static void fill_version(tpl_dict *d, arena *mem, const struct od_set *set, const struct db_rows *v, size_t i)
{
	const char *stamp = db_cell(v, i, ODV_STAMP), *structure = db_cell(v, i, ODV_STRUCTURE_STAMP);
	const char *base = arena_printf(mem, "/opendata/%s/", set->code);
	tpl_set(d, "VERSION_DATE", format_datetime_ru(mem, db_cell(v, i, ODV_CREATED_AT)));
	tpl_set(d, "VERSION_XML", arena_printf(mem, "%s%s", base, od_data_name(mem, stamp, structure, "xml")));
	tpl_set(d, "VERSION_CSV", arena_printf(mem, "%s%s", base, od_data_name(mem, stamp, structure, "csv")));
	tpl_set(d, "VERSION_XSD", arena_printf(mem, "%s%s", base, od_structure_name(mem, structure)));
}

/* One SET section: what the set holds, its passport and its versions. */
static void fill_set(tpl_dict *page, arena *mem, const struct od_set *set, const struct db_rows *v)
{
	tpl_dict *d = tpl_section(page, "SET");
	tpl_set(d, "SET_TITLE", set->title);
	tpl_set(d, "SET_DESCRIPTION", set->description);
	tpl_set(d, "SET_IDENTIFIER", od_identifier(mem, config_current(), set));
	tpl_set(d, "SET_META_URL", arena_printf(mem, "/opendata/%s/meta.xml", set->code));
	fill_version(d, mem, set, v, 0);
	tpl_dict *older = v->nrows > 1 ? tpl_section(d, "OLDER") : NULL;
	for (size_t i = 1; i < v->nrows; i++)
		fill_version(tpl_section(older, "VERSION"), mem, set, v, i);
}

/* The feeds of every centre and district. */
static void fill_feeds(tpl_dict *page, const struct db_rows *centres, const struct db_rows *districts)
{
	for (size_t i = 0; i < centres->nrows; i++) {
		tpl_dict *s = tpl_section(page, "CENTRE_FEED");
		tpl_set(s, "CENTRE_SLUG", db_cell(centres, i, CENTRE_SLUG));
		tpl_set(s, "CENTRE_NAME", db_cell(centres, i, CENTRE_SHORT_NAME));
	}
	for (size_t i = 0; i < districts->nrows; i++) {
		tpl_dict *s = tpl_section(page, "DISTRICT_FEED");
		tpl_set(s, "DISTRICT_SLUG", db_cell(districts, i, DISTRICT_SLUG));
		tpl_set(s, "DISTRICT_NAME", db_cell(districts, i, DISTRICT_NAME));
	}
}

/* GET /opendata/: the page, after publishing changed sets. */
void handle_opendata_index(struct request *req, struct response *resp)
{
	struct db_rows *versions[od_nsets ? od_nsets : 1];
	if (!publisher_known(req, resp))
		return;
	for (size_t i = 0; i < od_nsets; i++) {
		versions[i] = od_versions(req->mem, config_current(), &od_sets[i]);
		if (versions[i] == NULL || versions[i]->nrows == 0) {
			page_db_failure(req, resp);
			return;
		}
	}
	struct db_rows *centres = centres_all(req->mem), *districts = districts_all(req->mem);
	if (centres == NULL || districts == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "opendata.tpl", "Открытые данные", NAV_NONE);
	tpl_set(p.content, "SITE_NAME", config_current()->site_name);
	for (size_t i = 0; i < od_nsets; i++)
		fill_set(p.content, req->mem, &od_sets[i], versions[i]);
	fill_feeds(p.content, centres, districts);
	page_finish(&p, resp, 200);
}
