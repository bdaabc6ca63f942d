/* store/centres.c: resource centres and the districts they serve. */
#include "store.h"

/* CENTRE_*, with the centre's active services counted by count. */
#define CENTRE_COLUMNS_COUNTED(count)                                                       \
	"c.id, c.slug, c.name, c.short_name, c.is_demo, c.description, c.address, c.phone, " \
	"c.email, c.website, c.hours, c.inn, c.ogrn, d.name, d.slug, " count
/* Every active service counted (the index forced: MariaDB may scan the table). */
#define CENTRE_COLUMNS                                                                      \
	CENTRE_COLUMNS_COUNTED("(SELECT COUNT(*) FROM services s FORCE INDEX (ix_services_centre_newest) " \
	                       "WHERE s.centre_id = c.id AND s.status = 'active')")

DB_QUERY(q_centres_all,
         "SELECT " CENTRE_COLUMNS " FROM centres c JOIN districts d ON d.id = c.district_id "
         "ORDER BY c.short_name");
/* Parameters: slug, the count's bound, slug. */
DB_QUERY(q_centre_by_slug,
         "SELECT " CENTRE_COLUMNS_COUNTED("counted.n") " FROM centres c JOIN districts d ON d.id = c.district_id "
         "JOIN (SELECT COUNT(*) AS n FROM (SELECT 1 FROM services s JOIN centres sc ON sc.id = s.centre_id "
         "WHERE sc.slug = ? AND s.status = 'active' LIMIT ?) bounded) counted WHERE c.slug = ?");
DB_QUERY(q_centre_districts,
         "SELECT d.id, d.slug, d.name, d.kind, d.oktmo FROM centre_districts cd "
         "JOIN districts d ON d.id = cd.district_id WHERE cd.centre_id = ? "
         "ORDER BY d.sort_order, d.name");

struct db_rows *centres_all(arena *mem)
{
	return db_select(mem, &q_centres_all, NULL, 0);
}

struct db_rows *centre_by_slug(arena *mem, const char *slug)
{
	struct db_param p[] = { P_TEXT(slug), P_INT(LISTING_COUNT_MAX + 1), P_TEXT(slug) };
	return db_select(mem, &q_centre_by_slug, p, 3);
}

struct db_rows *centre_districts(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id) };
	return db_select(mem, &q_centre_districts, p, 1);
}

/* ---- lookups and writes of the staff area -------------------------- */

DB_QUERY(q_centre_by_id,
         "SELECT " CENTRE_COLUMNS " FROM centres c JOIN districts d ON d.id = c.district_id "
         "WHERE c.id = ?");
DB_QUERY(q_centre_refs,
         "SELECT c.id, c.slug, d.region_id FROM centres c JOIN districts d ON d.id = c.district_id ORDER BY c.id");
DB_CACHE(cache_centre_refs, q_centre_refs, DB_REFERENCE_TTL);
DB_QUERY(q_centre_update,
         "UPDATE centres SET description = ?, address = ?, phone = ?, email = ?, website = ?, hours = ? "
         "WHERE id = ?");
DB_QUERY(q_centre_districts_clear, "DELETE FROM centre_districts WHERE centre_id = ?");
DB_QUERY(q_centre_district_add, "INSERT INTO centre_districts (centre_id, district_id) VALUES (?, ?)");

struct db_rows *centre_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_centre_by_id, p, 1);
}

struct db_rows *centre_refs(arena *mem)
{
	(void)mem;
	return db_select_cached(&cache_centre_refs);
}

long long centre_id_by_slug(arena *mem, const char *slug)
{
	return store_id_in(centre_refs(mem), CREF_ID, CREF_SLUG, slug);
}

int centre_update(long long id, const struct centre_profile *c)
{
	struct db_param p[] = {
		P_TEXT(c->description), P_TEXT(c->address), P_TEXT(c->phone), P_TEXT(c->email),
		c->website[0] ? P_TEXT(c->website) : P_NULL, P_TEXT(c->hours), P_INT(id),
	};
	return db_exec(&q_centre_update, p, 7, NULL) < 0 ? -1 : 0;
}

int store_replace_links(struct db_query *clear, struct db_query *add, long long id, const long long *ids, size_t n)
{
	struct db_param owner[] = { P_INT(id) };
	if (db_exec(clear, owner, 1, NULL) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct db_param p[] = { P_INT(id), P_INT(ids[i]) };
		if (db_exec(add, p, 2, NULL) != 1)
			return -1;
	}
	return 0;
}

int centre_set_districts(long long id, const long long *district_ids, size_t n)
{
	return store_replace_links(&q_centre_districts_clear, &q_centre_district_add, id, district_ids, n);
}
