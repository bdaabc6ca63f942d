/* store/categories.c: the two-level taxonomy of support. */
#include "store.h"

DB_QUERY(q_categories_all,
         "SELECT c.id, c.parent_id, c.slug, c.name, c.description FROM categories c "
         "LEFT JOIN categories p ON p.id = c.parent_id "
         "ORDER BY COALESCE(p.sort_order, c.sort_order), COALESCE(p.id, c.id), "
         "c.parent_id IS NOT NULL, c.sort_order, c.name");

/* Only the operator changes these (by SQL); a minute's delay is fine. */
DB_CACHE(cache_categories, q_categories_all, DB_REFERENCE_TTL);

struct db_rows *categories_all(arena *mem)
{
	(void)mem;
	return db_select_cached(&cache_categories);
}

long long category_id_by_slug(arena *mem, const char *slug)
{
	return store_id_in(categories_all(mem), CATEGORY_ID, CATEGORY_SLUG, slug);
}
