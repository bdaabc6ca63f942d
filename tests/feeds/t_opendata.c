/* t_opendata.c: open data after the methodical recommendations 3.0, the
 * conditional GET of feeds and exports, and rchub-export. The registry
 * lists every set and validates against feeds/opendata-list.xsd; each
 * passport validates against feeds/opendata-passport.xsd; each data version
 * validates against the XSD of its structure, and its CSV twin is RFC 4180
 * with as many records; the data match the database; a change makes a new
 * version while the earlier one stays downloadable unchanged; the export
 * writes the very bytes the server serves. */
#include "check.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define CT_XML "application/xml; charset=utf-8"
#define CT_CSV "text/csv; charset=utf-8; header=present"
#define MAX_EXPORT_FILES 4096
/* A session cookie makes nginx pass the request by its micro-cache (any
 * value; the program treats an unknown one as a visitor). The export is
 * compared with the very paths, as some pages echo their query string. */
#define BYPASS_CACHE "Cookie: rchub_session=feeds-check"

/* The sets the site publishes, and the XSD of feeds/ for each. */
static const struct {
	const char *code, *schema;
} sets[] = {
	{ "centres", "opendata-centres.xsd" },
	{ "services", "opendata-services.xsd" },
	{ "quality", "opendata-quality.xsd" },
	{ "projects", "opendata-projects.xsd" },
	{ "survival", "opendata-survival.xsd" },
	{ "coverage", "opendata-coverage.xsd" },
};
#define NSETS (sizeof sets / sizeof sets[0])

/* GETs an XML file of the tree and parses it. */
static xmlDocPtr get_xml(const char *path)
{
	struct reply *r = fetch(path, CT_XML);
	return r ? xml_parse(r) : NULL;
}

/* list.xml: valid, one dataset per set, each linking its passport. */
static void list_names_every_set(void)
{
	xmlDocPtr doc = get_xml(fresh("/opendata/list.xml"));
	CHECK(doc && xml_valid(doc, "opendata-list.xsd", "list.xml"), "list.xml");
	CHECK_INT(xpath_count(doc, "/list/data/dataset"), (long)NSETS, "sets in list.xml");
	for (size_t i = 0; i < NSETS; i++) {
		const char *set = c_printf("/list/data/dataset[substring-after(identifier, '-') = '%s']", sets[i].code);
		CHECK(xpath_count(doc, set) == 1, "list.xml does not list the set %s", sets[i].code);
		CHECK_STR(xpath_text(doc, c_printf("%s/link", set)),
		          c_printf("%s/opendata/%s/meta.xml", env_url(), sets[i].code), "link to the passport");
	}
}

/* Counts the records of an RFC 4180 text after its header; -1 when a
 * record has not as many fields as the header, or a line break outside
 * quotes is not CRLF, or the text does not end with one. */
static long csv_records(const char *s)
{
	long records = 0, fields = 1, header = -1;
	bool quoted = false;
	for (const char *p = s; *p; p++) {
		if (quoted) {
			quoted = *p != '"' || p[1] == '"';
			p += *p == '"' && p[1] == '"';
		} else if (*p == '"' || *p == ',') {
			quoted = *p == '"';
			fields += *p == ',';
		} else if (*p == '\r' && p[1] == '\n') {
			if (header >= 0 && fields != header)
				return -1;
			records += header >= 0;
			header = header < 0 ? fields : header;
			fields = 1;
			p++;
		} else if (*p == '\n' || *p == '\r') {
			return -1;
		}
	}
	return quoted || fields != 1 ? -1 : records;
}

/* One data version of a passport: its XML validates against the XSD of its
 * structure, and its CSV twin has the same records. */
static void check_version(xmlDocPtr meta, long i, const char *code)
{
	const char *dv = c_printf("/meta/data/dataversion[%ld]", i);
	const char *source = xpath_text(meta, c_printf("%s/source", dv));
	const char *structure = xpath_text(meta, c_printf("%s/structure", dv));
	const char *xsd_url = xpath_text(meta, c_printf("/meta/structure/structureversion[created = '%s']/source", structure));
	struct reply *xsd = fetch(xsd_url, CT_XML), *data = fetch(source, CT_XML);
	xmlDocPtr doc = data ? xml_parse(data) : NULL;
	CHECK(xsd && doc && xml_valid_xsd_bytes(doc, xsd->body, xsd->len, source), "version %ld of %s", i, code);
	const char *csv_url = c_printf("%.*s.csv", (int)(strlen(source) - 4), source);
	struct reply *csv = fetch(csv_url, CT_CSV);
	CHECK(csv != NULL, "the CSV twin of %s", source);
	CHECK_INT(csv_records(csv->body), xpath_count(doc, "/*/*"), c_printf("RFC 4180 records in %s", csv_url));
}

/* Every passport and everything it lists, validated. */
static void passports_and_versions_validate(void)
{
	for (size_t s = 0; s < NSETS; s++) {
		const char *path = fresh(c_printf("/opendata/%s/meta.xml", sets[s].code));
		xmlDocPtr meta = get_xml(path);
		CHECK(meta && xml_valid(meta, "opendata-passport.xsd", path), "%s", path);
		CHECK(strcmp(xpath_text(meta, "substring-after(/meta/identifier, '-')"), sets[s].code) == 0,
		      "%s: identifier %s", path, xpath_text(meta, "/meta/identifier"));
		long n = xpath_count(meta, "/meta/data/dataversion");
		CHECK(n > 0, "%s lists no data version", path);
		for (long i = 1; i <= n; i++) {
			check_version(meta, i, sets[s].code);
			CHECK(!c_failed(), "%s", path);
		}
		size_t len;
		char *kept = read_file(c_printf("%s/feeds/%s", env_root(), sets[s].schema), &len);
		struct reply *xsd = fetch(xpath_text(meta, "/meta/structure/structureversion[1]/source"), CT_XML);
		CHECK(kept && xsd && xsd->len == len && memcmp(xsd->body, kept, len) == 0,
		      "the current structure of %s is not feeds/%s", sets[s].code, sets[s].schema);
	}
}

/* The newest data version of a set, parsed; its URL in *url. */
static xmlDocPtr latest_data(const char *code, const char **url)
{
	xmlDocPtr meta = get_xml(fresh(c_printf("/opendata/%s/meta.xml", code)));
	*url = meta ? xpath_text(meta, "/meta/data/dataversion[1]/source") : "";
	return meta ? get_xml(*url) : NULL;
}

/* Counts and sample fields of the newest data against the tables. */
static void data_match_database(void)
{
	const char *url;
	xmlDocPtr centres = latest_data("centres", &url);
	CHECK(centres != NULL, "centres data");
	CHECK_INT(xpath_count(centres, "/centres/centre"), sql_count("SELECT COUNT(*) FROM centres"), "centres");
	char ***c;
	CHECK(sql_rows("SELECT c.id, c.name, c.inn, c.ogrn, (SELECT COUNT(*) FROM centre_districts cd WHERE "
	               "cd.centre_id = c.id) FROM centres c ORDER BY c.id", &c) > 0, "centres");
	const char *first = "/centres/centre[1]";
	CHECK_STR(xpath_text(centres, c_printf("%s/id", first)), c[0][0], "id of the first centre");
	CHECK_STR(xpath_text(centres, c_printf("%s/name", first)), c[0][1], "name");
	CHECK_STR(xpath_text(centres, c_printf("%s/inn", first)), c[0][2] ? c[0][2] : "", "inn");
	CHECK_STR(xpath_text(centres, c_printf("%s/ogrn", first)), c[0][3] ? c[0][3] : "", "ogrn");
	CHECK_INT(xpath_count(centres, c_printf("%s/districts_served/district", first)), strtol(c[0][4], NULL, 10),
	          "districts served by the first centre");
	xmlDocPtr services = latest_data("services", &url);
	CHECK(services != NULL, "services data");
	CHECK_INT(xpath_count(services, "/services/service"),
	          sql_count("SELECT COUNT(*) FROM services WHERE status = 'active'"), "active services");
	char *title = sql_text("SELECT title FROM services WHERE status = 'active' ORDER BY id LIMIT 1");
	CHECK_STR(xpath_text(services, "/services/service[1]/title"), title, "title of the first service");
	xmlDocPtr projects = latest_data("projects", &url);
	CHECK(projects != NULL, "projects data");
	CHECK_INT(xpath_count(projects, "/projects/project"), sql_count("SELECT COUNT(*) FROM projects"), "projects");
}

/* The quality set: ratings and rated criteria of every centre. */
static void quality_matches_database(void)
{
	const char *url;
	xmlDocPtr quality = latest_data("quality", &url);
	char ***rows;
	long n = sql_rows("SELECT c.id, COUNT(DISTINCT f.id), COUNT(DISTINCT qc.code) FROM centres c "
	                  "LEFT JOIN feedback f ON f.centre_id = c.id LEFT JOIN feedback_scores fs ON "
	                  "fs.feedback_id = f.id LEFT JOIN quality_criteria qc ON qc.id = fs.criterion_id "
	                  "GROUP BY c.id ORDER BY c.id", &rows);
	CHECK(quality != NULL && n > 0, "quality data");
	CHECK_INT(xpath_count(quality, "/quality/centre"), n, "centres in the quality set");
	for (long i = 0; i < n; i++) {
		const char *centre = c_printf("/quality/centre[centre_id = %s]", rows[i][0]);
		CHECK_STR(xpath_text(quality, c_printf("%s/ratings", centre)), rows[i][1], "ratings of a centre");
		CHECK_INT(xpath_count(quality, c_printf("%s/criteria/criterion", centre)), strtol(rows[i][2], NULL, 10),
		          "criteria rated");
	}
}

/* Changes a service title: a new version appears, the old file stays. */
static void change_makes_new_version_old_stays(void)
{
	const char *old_url;
	xmlDocPtr before = latest_data("services", &old_url);
	struct reply *old = before ? fetch(old_url, CT_XML) : NULL;
	CHECK(old != NULL, "services data");
	long versions = xpath_count(get_xml(fresh("/opendata/services/meta.xml")), "/meta/data/dataversion");
	char *id = sql_text("SELECT MIN(id) FROM services WHERE status = 'active'");
	char ***was;
	CHECK(id && sql_rows(c_printf("SELECT title, updated_at FROM services WHERE id = %s", id), &was) == 1,
	      "no service");
	CHECK(sql_exec(c_printf("UPDATE services SET title = CONCAT(title, ' (изменено)') WHERE id = %s", id)),
	      "could not change a service");
	sql_later(c_printf("UPDATE services SET title = %s, updated_at = %s WHERE id = %s", sql_quote(was[0][0]),
	                   sql_quote(was[0][1]), id));
	xmlDocPtr meta = get_xml(fresh("/opendata/services/meta.xml"));
	CHECK(meta != NULL, "meta.xml");
	CHECK_INT(xpath_count(meta, "/meta/data/dataversion"), versions + 1, "data versions after the change");
	const char *new_url = xpath_text(meta, "/meta/data/dataversion[1]/source");
	CHECK(strcmp(new_url, old_url) != 0, "the new version has the old file name %s", new_url);
	xmlDocPtr now = get_xml(new_url);
	CHECK(now && strstr(xpath_text(now, c_printf("/services/service[id = %s]/title", id)), "(изменено)"),
	      "%s does not hold the change", new_url);
	struct reply *again = fetch(fresh(old_url), CT_XML);
	CHECK(again && again->len == old->len && memcmp(again->body, old->body, old->len) == 0,
	      "the earlier version %s changed or is gone", old_url);
	CHECK(xpath_count(meta, c_printf("/meta/data/dataversion[source = '%s']", old_url)) == 1,
	      "the passport no longer lists %s", old_url);
}

/* The human page links the registry and each passport. */
static void page_links_the_tree(void)
{
	struct reply *r = fetch(fresh("/opendata/"), "text/html; charset=utf-8");
	CHECK(r != NULL, "/opendata/");
	CHECK(strstr(r->body, "href=\"/opendata/list.xml\""), "/opendata/ does not link list.xml");
	for (size_t i = 0; i < NSETS; i++)
		CHECK(strstr(r->body, c_printf("href=\"/opendata/%s/meta.xml\"", sets[i].code)),
		      "/opendata/ does not link the passport of %s", sets[i].code);
}

/* Names outside the tree, or well-formed but absent, are 404. */
static void unknown_set_or_file_is_404(void)
{
	static const char *const paths[] = {
		"/opendata/no-such-set/meta.xml", "/opendata/centres/data-20000101-structure-20261125.xml",
		"/opendata/centres/structure-19990101.xsd", "/opendata/centres/data-2026-structure-1.xml",
		"/opendata/centres/something.txt",
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		CHECK_INT(http_get(paths[i], NULL)->status, 404, paths[i]);
}

/* ---- conditional GET ------------------------------------------------------- */

/* Feeds and exports, each to be answered with ETag and Last-Modified. */
static long conditional_paths(const char ***out)
{
	static const char *paths[16];
	const char *url;
	char *slug = sql_text("SELECT slug FROM centres ORDER BY id LIMIT 1");
	xmlDocPtr data = latest_data("centres", &url);
	if (slug == NULL || data == NULL)
		return -1;
	long n = 0;
	paths[n++] = "/feeds/news.rss";
	paths[n++] = "/feeds/services.rss";
	paths[n++] = c_printf("/feeds/centres/%s.rss", slug);
	paths[n++] = "/feeds/districts/khabarovsk.rss";
	paths[n++] = "/events.ics";
	paths[n++] = c_printf("/centres/%s/events.ics", slug);
	paths[n++] = "/opendata/list.xml";
	paths[n++] = "/opendata/services/meta.xml";
	paths[n++] = "/opendata/centres/structure-20261125.xsd";
	paths[n++] = url + strlen(env_url());
	*out = paths;
	return n;
}

/* 304 with no body for a matching validator, 200 for a stale one, both
 * through nginx (the public path) and straight from the program. */
static void check_conditional(const char *path)
{
	struct reply *r = http_get(fresh(path), NULL);
	CHECK(r->status == 200 && r->etag && r->last_modified, "%s: no ETag or Last-Modified", path);
	struct reply *inm = http_get(fresh(path), c_printf("If-None-Match: %s", r->etag));
	struct reply *ims = http_get(fresh(path), c_printf("If-Modified-Since: %s", r->last_modified));
	CHECK(inm->status == 304 && inm->len == 0, "%s: If-None-Match gave %ld with %zu bytes", path, inm->status, inm->len);
	CHECK(ims->status == 304 && ims->len == 0, "%s: If-Modified-Since gave %ld with %zu bytes", path, ims->status, ims->len);
	CHECK_INT(http_get(fresh(path), "If-None-Match: \"stale\"")->status, 200, c_printf("%s, stale ETag", path));
	CHECK_INT(fcgi_status(path, "HTTP_IF_NONE_MATCH", r->etag, NULL), 304, c_printf("%s from the program, ETag", path));
	char *head = NULL;
	CHECK_INT(fcgi_status(path, "HTTP_IF_MODIFIED_SINCE", r->last_modified, &head), 304,
	          c_printf("%s from the program, If-Modified-Since", path));
	CHECK(strstr(head, "\r\n\r\n") && strstr(head, "\r\n\r\n")[4] == '\0', "%s: a 304 with a body", path);
	CHECK_INT(fcgi_status(path, "HTTP_IF_MODIFIED_SINCE", "Sat, 01 Jan 2000 00:00:00 GMT", NULL), 200,
	          c_printf("%s from the program, older If-Modified-Since", path));
	CHECK_INT(fcgi_status(path, "HTTP_IF_MODIFIED_SINCE", "not a date", NULL), 200,
	          c_printf("%s from the program, If-Modified-Since that is not a date", path));
}

/* Conditional GET on every kind of feed and export file. */
static void conditional_get_answers_304(void)
{
	const char **paths;
	long n = conditional_paths(&paths);
	CHECK(n > 0, "no paths");
	for (long i = 0; i < n; i++) {
		check_conditional(paths[i]);
		CHECK(!c_failed(), "%s", paths[i]);
	}
}

/* ---- rchub-export ------------------------------------------------------------ */

static const char *export_files[MAX_EXPORT_FILES];
static size_t export_count;

/* nftw() callback: remembers each regular file of the export. */
static int collect(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st, (void)ftw;
	if (type == FTW_F && export_count < MAX_EXPORT_FILES)
		export_files[export_count++] = c_printf("%s", path);
	return 0;
}

/* Removes the export's temporary folder. */
static void remove_tree(void *dir)
{
	if (system(c_printf("rm -rf '%s'", (char *)dir)) != 0)
		fprintf(stderr, "cannot remove %s\n", (char *)dir);
}

/* The URL path serving a file of the export under dir. */
static const char *served_path(const char *dir, const char *file)
{
	const char *rel = file + strlen(dir) + 1;
	return strcmp(rel, "index.html") == 0 ? "/opendata/" : c_printf("/opendata/%s", rel);
}

/* Runs rchub-export and compares each file with the served one. */
static void export_is_byte_identical(void)
{
	char tmpl[] = "/tmp/feeds-export-XXXXXX";
	char *dir = mkdtemp(tmpl) ? c_printf("%s", tmpl) : NULL;
	CHECK(dir != NULL, "cannot make a temporary folder");
	c_defer(remove_tree, dir);
	const char *cmd = c_printf("'%s/rchub-export' -c '%s/rchub.ini' --dir '%s/tree' >/dev/null", env_build(),
	                           env_var(), dir);
	CHECK(system(c_printf("RCHUB_PUBLISHER_INN= %s 2>/dev/null", cmd)) != 0,
	      "rchub-export ran without the publisher's INN");
	CHECK(access(c_printf("%s/tree", dir), F_OK) != 0, "rchub-export wrote files without the publisher's INN");
	CHECK(system(cmd) == 0, "rchub-export failed: %s", cmd);
	export_count = 0;
	nftw(c_printf("%s/tree", dir), collect, 16, FTW_PHYS);
	CHECK(export_count >= 2 + 4 * NSETS, "rchub-export wrote only %zu files", export_count);
	for (size_t i = 0; i < export_count; i++) {
		size_t len;
		char *bytes = read_file(export_files[i], &len);
		struct reply *r = http_get(served_path(c_printf("%s/tree", dir), export_files[i]), BYPASS_CACHE);
		CHECK(bytes && r->status == 200 && r->len == len && memcmp(r->body, bytes, len) == 0,
		      "%s differs from %s (%zu bytes written, %zu served, status %ld)", export_files[i], r->url, len,
		      r->len, r->status);
	}
}

const struct check opendata_checks[] = {
	{ "Open data: list.xml is valid and lists every set with its passport", list_names_every_set },
	{ "Open data: every passport, data version (XML against its XSD, RFC 4180 CSV twin) and structure is valid",
	  passports_and_versions_validate },
	{ "Open data: the data match the database", data_match_database },
	{ "Open data: the quality set counts each centre's ratings and rated criteria", quality_matches_database },
	{ "Open data: a change publishes a new version; the earlier one stays downloadable unchanged",
	  change_makes_new_version_old_stays },
	{ "Open data: the /opendata/ page links the registry and the passports", page_links_the_tree },
	{ "Open data: unknown set or file is 404", unknown_set_or_file_is_404 },
	{ "Conditional GET: feeds and exports send ETag and Last-Modified; If-None-Match and If-Modified-Since "
	  "answer 304 without a body", conditional_get_answers_304 },
	{ "rchub-export refuses to run without [publisher], then writes the /opendata/ tree byte-identical to "
	  "what the server serves",
	  export_is_byte_identical },
	CHECK_END,
};
