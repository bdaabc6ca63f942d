/* store/centres.c: resource centres and the districts they serve. */
#include "store.h"

#define CENTRE_COLUMNS                                                                      \
	"c.id, c.slug, c.name, c.short_name, c.is_demo, c.description, c.address, c.phone, " \
	"c.email, c.website, c.hours, c.inn, c.ogrn, d.name, d.slug, "                       \
	"(SELECT COUNT(*) FROM services s WHERE s.centre_id = c.id AND s.status = 'active')"

DB_QUERY(q_centres_all,
         "SELECT " CENTRE_COLUMNS " FROM centres c JOIN districts d ON d.id = c.district_id "
         "ORDER BY c.short_name");
DB_QUERY(q_centre_by_slug,
         "SELECT " CENTRE_COLUMNS " FROM centres c JOIN districts d ON d.id = c.district_id "
         "WHERE c.slug = ?");
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
	struct db_param p[] = { P_TEXT(slug) };
	return db_select(mem, &q_centre_by_slug, p, 1);
}

struct db_rows *centre_districts(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id) };
	return db_select(mem, &q_centre_districts, p, 1);
}
