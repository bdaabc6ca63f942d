/* admin.c: rchub-admin, the operator's command-line tool.
 *
 *   rchub-admin [-c config.ini] reindex
 *       recomputes the stemmed search text of every service and NGO (after
 *       loading data with SQL, or after a stemmer upgrade).
 *
 * It uses the same configuration and database layer as rchub.fcgi. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "stem.h"

DB_QUERY(q_service_texts,
         "SELECT s.id, CONCAT_WS(' ', s.title, s.summary, s.description, cat.name, "
         "COALESCE(parent.name, ''), c.short_name) FROM services s "
         "JOIN categories cat ON cat.id = s.category_id "
         "LEFT JOIN categories parent ON parent.id = cat.parent_id "
         "JOIN centres c ON c.id = s.centre_id ORDER BY s.id");
DB_QUERY(q_set_service_stems,
         "UPDATE services SET search_stems = ?, updated_at = updated_at WHERE id = ?");
DB_QUERY(q_ngo_texts,
         "SELECT n.id, CONCAT_WS(' ', n.name, n.short_name, n.activity, n.inn, n.ogrn, d.name) "
         "FROM ngos n JOIN districts d ON d.id = n.district_id ORDER BY n.id");
DB_QUERY(q_set_ngo_stems, "UPDATE ngos SET search_stems = ?, updated_at = updated_at WHERE id = ?");

/* Stems the text column of each row of texts and stores it with update. */
static int reindex_rows(arena *mem, struct db_query *texts, struct db_query *update, const char *what)
{
	struct db_rows *r = db_select(mem, texts, NULL, 0);
	if (r == NULL) {
		fprintf(stderr, "rchub-admin: cannot read %s\n", what);
		return -1;
	}
	for (size_t i = 0; i < r->nrows; i++) {
		char *stems = stem_text(mem, db_cell(r, i, 1));
		struct db_param p[] = { P_TEXT(stems), P_INT(db_cell_int(r, i, 0)) };
		if (db_exec(update, p, 2, NULL) < 0) {
			fprintf(stderr, "rchub-admin: cannot update %s %s\n", what, db_cell(r, i, 0));
			return -1;
		}
	}
	printf("rchub-admin: reindexed %zu %s\n", r->nrows, what);
	return 0;
}

static int cmd_reindex(void)
{
	arena *mem = arena_new(1 << 20);
	int rc = reindex_rows(mem, &q_service_texts, &q_set_service_stems, "services");
	if (rc == 0)
		rc = reindex_rows(mem, &q_ngo_texts, &q_set_ngo_stems, "NGOs");
	arena_free(mem);
	return rc == 0 ? 0 : 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: rchub-admin [-c config.ini] reindex\n");
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int i = 1;
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		config_path = argv[2];
		i = 3;
	}
	if (i >= argc) {
		usage();
		return 2;
	}
	static struct config cfg;
	char err[1024];
	if (config_load(&cfg, config_path, err, sizeof err) != 0) {
		fprintf(stderr, "rchub-admin: %s\n", err);
		return 1;
	}
	db_configure(&cfg);
	if (db_connect_now(err, sizeof err) != 0) {
		fprintf(stderr, "rchub-admin: cannot connect to the database: %s\n", err);
		return 1;
	}
	int rc;
	if (strcmp(argv[i], "reindex") == 0)
		rc = cmd_reindex();
	else {
		usage();
		rc = 2;
	}
	db_close();
	stem_shutdown();
	return rc;
}
