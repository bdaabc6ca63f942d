/* store/districts.c: municipal districts of the configured region. */
#include "store.h"

#include <string.h>

#include "../stem.h"

#define DISTRICT_COLUMNS "d.id, d.slug, d.name, d.kind, d.oktmo"

DB_QUERY(q_districts_all,
         "SELECT " DISTRICT_COLUMNS " FROM districts d ORDER BY d.sort_order, d.name");

/* Only the operator changes these (by SQL); a minute's delay is fine. */
DB_CACHE(cache_districts, q_districts_all, DB_REFERENCE_TTL);

struct db_rows *districts_all(arena *mem)
{
	(void)mem;
	return db_select_cached(&cache_districts);
}

/* Looks up the id of the row a slug names: 0 when none, -1 on failure. */
long long store_id_by_key(arena *mem, struct db_query *q, const char *slug)
{
	struct db_param p[] = { P_TEXT(slug) };
	struct db_rows *r = db_select(mem, q, p, 1);
	if (r == NULL)
		return -1;
	return r->nrows ? db_cell_int(r, 0, 0) : 0;
}

long long store_id_in(const struct db_rows *rows, size_t id_col, size_t slug_col, const char *slug)
{
	if (rows == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows; i++)
		if (strcmp(db_cell(rows, i, slug_col), slug) == 0)
			return db_cell_int(rows, i, id_col);
	return 0;
}

long long district_id_by_slug(arena *mem, const char *slug)
{
	return store_id_in(districts_all(mem), DISTRICT_ID, DISTRICT_SLUG, slug);
}

long long store_restem(arena *mem, const struct db_rows *texts, struct db_query *update)
{
	if (texts == NULL)
		return -1;
	for (size_t i = 0; i < texts->nrows; i++) {
		char *stems = stem_text(mem, db_cell(texts, i, 1));
		struct db_param p[] = { P_TEXT(stems), P_INT(db_cell_int(texts, i, 0)) };
		if (db_exec(update, p, 2, NULL) < 0)
			return -1;
	}
	return (long long)texts->nrows;
}
