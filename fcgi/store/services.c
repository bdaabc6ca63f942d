/* store/services.c: the service catalogue. The filters of the catalogue
 * combine in one fixed statement: a filter whose parameter is 0 or '' is
 * switched off by its "? = 0 OR ..." guard, so no SQL text is ever built from
 * input. Text search goes through the FULLTEXT index on search_stems. */
#include "store.h"

#define SERVICE_LIST                                                                 \
	"s.id, s.title, s.summary, s.target_group, s.format, s.cost, c.slug, c.short_name, " \
	"cat.slug, cat.name"
#define SERVICE_FROM                                       \
	" FROM services s JOIN centres c ON c.id = s.centre_id " \
	"JOIN categories cat ON cat.id = s.category_id "
/* Parameters: text, text, district, district, category x3, target x2,
 * format x2, cost x2. */
#define CATALOGUE_WHERE                                                                          \
	"WHERE s.status = 'active' "                                                             \
	"AND (? = '' OR MATCH(s.search_stems) AGAINST (? IN BOOLEAN MODE)) "                     \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM service_districts sd "                               \
	"     WHERE sd.service_id = s.id AND sd.district_id = ?)) "                              \
	"AND (? = 0 OR s.category_id = ? OR cat.parent_id = ?) "                                  \
	"AND (? = '' OR s.target_group = ? OR s.target_group = 'any') "                           \
	"AND (? = '' OR s.format = ? OR s.format = 'both') "                                      \
	"AND (? = '' OR s.cost = ?) "

DB_QUERY(q_services_search,
         "SELECT " SERVICE_LIST ", "
         "IF(? = '', 0, MATCH(s.search_stems) AGAINST (? IN BOOLEAN MODE)) AS relevance"
         SERVICE_FROM CATALOGUE_WHERE
         "ORDER BY relevance DESC, s.created_at DESC, s.id DESC LIMIT ? OFFSET ?");
DB_QUERY(q_services_count, "SELECT COUNT(*)" SERVICE_FROM CATALOGUE_WHERE);
DB_QUERY(q_service_by_id,
         "SELECT " SERVICE_LIST ", s.description, s.price_note, s.eligibility, s.contact_name, "
         "s.contact_phone, s.contact_email, s.status, DATE_FORMAT(s.updated_at, '%d.%m.%Y'), "
         "parent.name, parent.slug"
         SERVICE_FROM "LEFT JOIN categories parent ON parent.id = cat.parent_id WHERE s.id = ?");
DB_QUERY(q_services_of_centre,
         "SELECT " SERVICE_LIST SERVICE_FROM
         "WHERE s.centre_id = ? AND s.status = 'active' ORDER BY cat.sort_order, s.title");
DB_QUERY(q_services_newest,
         "SELECT " SERVICE_LIST SERVICE_FROM
         "WHERE s.status = 'active' ORDER BY s.created_at DESC, s.id DESC LIMIT ?");
DB_QUERY(q_service_districts,
         "SELECT d.id, d.slug, d.name, d.kind, d.oktmo FROM service_districts sd "
         "JOIN districts d ON d.id = sd.district_id WHERE sd.service_id = ? "
         "ORDER BY d.sort_order, d.name");

#define FILTER_PARAMS 13

/* Binds the CATALOGUE_WHERE parameters into p[0..FILTER_PARAMS). */
static void bind_filter(struct db_param *p, const struct service_filter *f)
{
	const char *text = f->fulltext ? f->fulltext : "";
	const char *target = f->target ? f->target : "";
	const char *format = f->format ? f->format : "";
	const char *cost = f->cost ? f->cost : "";
	p[0] = P_TEXT(text), p[1] = P_TEXT(text);
	p[2] = P_INT(f->district_id), p[3] = P_INT(f->district_id);
	p[4] = P_INT(f->category_id), p[5] = P_INT(f->category_id), p[6] = P_INT(f->category_id);
	p[7] = P_TEXT(target), p[8] = P_TEXT(target);
	p[9] = P_TEXT(format), p[10] = P_TEXT(format);
	p[11] = P_TEXT(cost), p[12] = P_TEXT(cost);
}

struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset)
{
	const char *text = f->fulltext ? f->fulltext : "";
	struct db_param p[FILTER_PARAMS + 4];
	p[0] = P_TEXT(text), p[1] = P_TEXT(text);
	bind_filter(p + 2, f);
	p[FILTER_PARAMS + 2] = P_INT(limit);
	p[FILTER_PARAMS + 3] = P_INT(offset);
	return db_select(mem, &q_services_search, p, FILTER_PARAMS + 4);
}

long long services_count(arena *mem, const struct service_filter *f)
{
	struct db_param p[FILTER_PARAMS];
	bind_filter(p, f);
	struct db_rows *r = db_select(mem, &q_services_count, p, FILTER_PARAMS);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

static struct db_rows *select_by_int(arena *mem, struct db_query *q, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, q, p, 1);
}

struct db_rows *service_by_id(arena *mem, long long id)
{
	return select_by_int(mem, &q_service_by_id, id);
}

struct db_rows *services_of_centre(arena *mem, long long centre_id)
{
	return select_by_int(mem, &q_services_of_centre, centre_id);
}

struct db_rows *services_newest(arena *mem, int limit)
{
	return select_by_int(mem, &q_services_newest, limit);
}

struct db_rows *service_districts(arena *mem, long long service_id)
{
	return select_by_int(mem, &q_service_districts, service_id);
}
