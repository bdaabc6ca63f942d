/* export.c: rchub-export, which writes the whole /opendata/ tree into a
 * folder, for hosts that publish static files or a cron job that copies
 * them to a portal:
 *
 *   DIR/index.html                  the /opendata/ page
 *   DIR/list.xml                    the registry of sets
 *   DIR/<set>/meta.xml              each set's passport
 *   DIR/<set>/structure-<s>.xsd     each structure version
 *   DIR/<set>/data-<v>-structure-<s>.xml and .csv   every data version
 *
 * Like a request for list.xml, it first publishes a new version of any set
 * whose data changed. The bytes come from the functions the server answers
 * with (feeds/opendata.c, and the page's own handler), so each file is
 * identical to what the server serves at the same path.
 *
 * Usage: rchub-export [-c config.ini] --dir DIR */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../feeds/embed.h"
#include "../feeds/opendata.h"
#include "config.h"
#include "db.h"
#include "handlers/handlers.h"
#include "page.h"
#include "timefmt.h"
#include "tpl.h"

#define EXPORT_ARENA (1 << 20)

/* Writes len bytes of data to dir/name; returns 0 or -1 with a message. */
static int write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "rchub-export: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Creates dir unless it exists; returns 0 or -1 with a message. */
static int make_dir(const char *dir)
{
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "rchub-export: cannot create %s: %s\n", dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* The stored XML and CSV of version i. */
static int export_version(arena *mem, const char *dir, const struct od_set *set, const struct db_rows *v, size_t i)
{
	static const char *const formats[] = { "xml", "csv" };
	for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
		struct opendata_file f = { set->code, db_cell(v, i, ODV_STAMP), db_cell(v, i, ODV_STRUCTURE_STAMP),
		                           formats[k] };
		struct db_rows *r = opendata_content(mem, &f);
		if (r == NULL || r->nrows == 0) {
			fprintf(stderr, "rchub-export: cannot read version %s of %s\n", f.stamp, set->code);
			return -1;
		}
		const char *body = db_cell(r, 0, 0);
		if (write_file(dir, od_data_name(mem, f.stamp, f.structure_stamp, f.format), body, strlen(body)) != 0)
			return -1;
	}
	return 0;
}

/* A set's folder: passport, structures, every version. */
static int export_set(arena *mem, const struct config *cfg, const char *root, const struct od_set *set)
{
	const char *dir = arena_printf(mem, "%s/%s", root, set->code);
	struct db_rows *v = od_versions(mem, cfg, set);
	size_t len = 0;
	char *meta = v && v->nrows ? od_passport(mem, cfg, set, v, &len) : NULL;
	if (meta == NULL || make_dir(dir) != 0 || write_file(dir, "meta.xml", meta, len) != 0) {
		fprintf(stderr, "rchub-export: cannot export the set %s\n", set->code);
		return -1;
	}
	for (size_t i = 0; i < set->nstructures; i++) {
		struct embedded_file f;
		if (!embedded_find(set->structures[i].schema, &f) ||
		    write_file(dir, od_structure_name(mem, set->structures[i].stamp), f.data, f.len) != 0)
			return -1;
	}
	for (size_t i = 0; i < v->nrows; i++)
		if (export_version(mem, dir, set, v, i) != 0)
			return -1;
	return 0;
}

/* index.html: the /opendata/ page, rendered by its handler for an
 * anonymous visitor, as the server renders it. */
static int export_page(arena *mem, const char *dir)
{
	struct request req;
	struct response resp;
	memset(&req, 0, sizeof req);
	req.mem = mem;
	req.method = METHOD_GET;
	req.uri = req.path = "/opendata/";
	req.query_string = "";
	response_init(&resp, mem);
	handle_opendata_index(&req, &resp);
	if (resp.status != 200) {
		fprintf(stderr, "rchub-export: the /opendata/ page failed with status %d\n", resp.status);
		return -1;
	}
	return write_file(dir, "index.html", resp.body, resp.body_len);
}

/* The sets, the registry and the page, stopping at the first failure. */
static int export_all(const struct config *cfg, const char *dir)
{
	arena *mem = arena_new(EXPORT_ARENA);
	int rc = make_dir(dir);
	for (size_t i = 0; rc == 0 && i < od_nsets; i++)
		rc = export_set(mem, cfg, dir, &od_sets[i]);
	size_t len = 0;
	char *list = rc == 0 ? od_list(mem, cfg, &len) : NULL;
	if (rc == 0)
		rc = list ? write_file(dir, "list.xml", list, len) : -1;
	if (rc == 0)
		rc = export_page(mem, dir);
	arena_free(mem);
	return rc;
}

/* Reads -c FILE and --dir DIR; -1 when DIR is missing or an argument is unknown. */
static int parse_args(int argc, char **argv, const char **config_path, const char **dir)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			*config_path = argv[++i];
		else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			*dir = argv[++i];
		else
			return -1;
	}
	return *dir ? 0 : -1;
}

/* Loads the configuration as rchub.fcgi does, then exports. */
int main(int argc, char **argv)
{
	const char *config_path = NULL, *dir = NULL;
	if (parse_args(argc, argv, &config_path, &dir) != 0) {
		fprintf(stderr, "usage: rchub-export [-c config.ini] --dir DIR\n");
		return 2;
	}
	static struct config cfg;
	char err[1024];
	if (config_load(&cfg, config_path, err, sizeof err) != 0) {
		fprintf(stderr, "rchub-export: %s\n", err);
		return 1;
	}
	if (tpl_init(cfg.templates) != 0) {
		fprintf(stderr, "rchub-export: template folder not found: %s\n", cfg.templates);
		return 1;
	}
	if (!od_publisher_known(&cfg)) {
		fprintf(stderr, "rchub-export: set [publisher] name and inn in the configuration first\n");
		return 1;
	}
	config_install(&cfg);
	timefmt_init(cfg.time_zone);
	page_set_site(cfg.site_name, cfg.region_name);
	db_configure(&cfg);
	if (db_connect_now(err, sizeof err) != 0) {
		fprintf(stderr, "rchub-export: cannot connect to the database '%s': %s\n", cfg.db_name, err);
		return 1;
	}
	int rc = export_all(&cfg, dir);
	db_close();
	if (rc == 0)
		printf("rchub-export: wrote the open-data tree to %s\n", dir);
	return rc == 0 ? 0 : 1;
}
