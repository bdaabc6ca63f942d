/* store/coverage.c: which districts the active services reach. A service
 * reaches the districts listed for it (service_districts): in person when
 * its format is offline or both, online when it is online or both (online
 * services list every district), so a service of format "both" counts in
 * each. Counts are by top-level category: a subcategory counts for its
 * group. */
#include "store.h"

#define TOP_CATEGORY "COALESCE(cat.parent_id, cat.id)"
#define REACH_COUNTS                                                    \
	"SUM(s.format IN ('offline', 'both')), SUM(s.format IN ('online', 'both'))"

DB_QUERY(q_coverage_districts,
         "SELECT d.id, d.slug, d.name, d.map_row, d.map_col FROM districts d WHERE d.region_id = ? "
         "ORDER BY d.sort_order, d.name");
DB_QUERY(q_coverage_counts,
         "SELECT sd.district_id, " TOP_CATEGORY ", " REACH_COUNTS " FROM service_districts sd "
         "JOIN services s ON s.id = sd.service_id JOIN categories cat ON cat.id = s.category_id "
         "JOIN districts d ON d.id = sd.district_id "
         "WHERE s.status = 'active' AND d.region_id = ? AND (? = 0 OR s.centre_id = ?) "
         "GROUP BY sd.district_id, " TOP_CATEGORY);
DB_QUERY(q_coverage_centre_categories,
         "SELECT " TOP_CATEGORY ", COUNT(*), " REACH_COUNTS " FROM services s "
         "JOIN categories cat ON cat.id = s.category_id WHERE s.centre_id = ? AND s.status = 'active' "
         "GROUP BY " TOP_CATEGORY);

/* The open-data set: every district with every top-level group, gaps too. */
DB_QUERY(q_opendata_coverage,
         "SELECT ROW_NUMBER() OVER (ORDER BY d.sort_order, d.name, d.id, top.sort_order, top.id), d.name, d.oktmo, "
         "top.slug, top.name, COALESCE(SUM(s.format IN ('offline', 'both')), 0), "
         "COALESCE(SUM(s.format IN ('online', 'both')), 0), COALESCE(SUM(s.format IN ('offline', 'both')), 0) = 0, "
         "d.slug FROM districts d CROSS JOIN categories top "
         "LEFT JOIN (service_districts sd JOIN services s ON s.id = sd.service_id AND s.status = 'active' "
         "JOIN categories cat ON cat.id = s.category_id) ON sd.district_id = d.id AND " TOP_CATEGORY " = top.id "
         "WHERE top.parent_id IS NULL GROUP BY d.id, top.id ORDER BY 1");

struct db_rows *coverage_districts(arena *mem, long long region_id)
{
	struct db_param p[] = { P_INT(region_id) };
	return db_select(mem, &q_coverage_districts, p, 1);
}

struct db_rows *coverage_counts(arena *mem, long long region_id, long long centre_id)
{
	struct db_param p[] = { P_INT(region_id), P_INT(centre_id), P_INT(centre_id) };
	return db_select(mem, &q_coverage_counts, p, 3);
}

struct db_rows *opendata_coverage(arena *mem)
{
	return db_select(mem, &q_opendata_coverage, NULL, 0);
}

struct db_rows *coverage_centre_categories(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id) };
	return db_select(mem, &q_coverage_centre_categories, p, 1);
}
