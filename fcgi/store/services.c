/* store/services.c: the service catalogue. The filters of the catalogue
 * combine in one fixed statement: a filter whose parameter is 0 or '' is
 * switched off by its "? = 0 OR ..." guard, so no SQL text is ever built from
 * input. Text search goes through the FULLTEXT index on search_stems. */
#include "store.h"

#include "../stem.h"

#define SERVICE_LIST                                                                 \
	"s.id, s.title, s.summary, s.target_group, s.format, s.cost, c.slug, c.short_name, " \
	"cat.slug, cat.name"
#define SERVICE_FROM                                       \
	" FROM services s JOIN centres c ON c.id = s.centre_id " \
	"JOIN categories cat ON cat.id = s.category_id "
/* The API's full record, after the list columns: SERVICE_FULL_*. */
#define SERVICE_FULL                                                                              \
	", s.description, s.price_note, s.eligibility, s.contact_name, s.contact_phone, "          \
	"s.contact_email, s.status, s.updated_at, s.centre_id, s.category_id"
/* Parameters: status, text, text, district, district, category x3, target x2,
 * format x2, cost x2, modified after x2. */
#define CATALOGUE_WHERE                                                                          \
	"WHERE s.status IN ('active', ?) "                                                       \
	"AND (? = '' OR MATCH(s.search_stems) AGAINST (? IN BOOLEAN MODE)) "                     \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM service_districts sd "                               \
	"     WHERE sd.service_id = s.id AND sd.district_id = ?)) "                              \
	"AND (? = 0 OR s.category_id = ? OR cat.parent_id = ?) "                                  \
	"AND (? = '' OR s.target_group = ? OR s.target_group = 'any') "                           \
	"AND (? = '' OR s.format = ? OR s.format = 'both') "                                      \
	"AND (? = '' OR s.cost = ?) "                                                             \
	"AND (? = '' OR s.updated_at >= ?) "
/* Parameters: text x2, then CATALOGUE_WHERE's, then limit and offset. */
#define RELEVANCE ", IF(? = '', 0, MATCH(s.search_stems) AGAINST (? IN BOOLEAN MODE)) AS relevance"
#define CATALOGUE_ORDER "ORDER BY relevance DESC, s.created_at DESC, s.id DESC LIMIT ? OFFSET ?"

DB_QUERY(q_services_search,
         "SELECT " SERVICE_LIST RELEVANCE SERVICE_FROM CATALOGUE_WHERE CATALOGUE_ORDER);
DB_QUERY(q_services_search_full,
         "SELECT " SERVICE_LIST SERVICE_FULL RELEVANCE SERVICE_FROM CATALOGUE_WHERE CATALOGUE_ORDER);
DB_QUERY(q_service_full_by_id, "SELECT " SERVICE_LIST SERVICE_FULL SERVICE_FROM "WHERE s.id = ?");
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

#define FILTER_PARAMS 16

/* Binds the CATALOGUE_WHERE parameters into p[0..FILTER_PARAMS). */
static void bind_filter(struct db_param *p, const struct service_filter *f)
{
	const char *text = f->fulltext ? f->fulltext : "";
	const char *target = f->target ? f->target : "";
	const char *format = f->format ? f->format : "";
	const char *cost = f->cost ? f->cost : "";
	const char *after = f->modified_after ? f->modified_after : "";
	p[0] = P_TEXT(f->include_archived ? "archived" : "active");
	p[1] = P_TEXT(text), p[2] = P_TEXT(text);
	p[3] = P_INT(f->district_id), p[4] = P_INT(f->district_id);
	p[5] = P_INT(f->category_id), p[6] = P_INT(f->category_id), p[7] = P_INT(f->category_id);
	p[8] = P_TEXT(target), p[9] = P_TEXT(target);
	p[10] = P_TEXT(format), p[11] = P_TEXT(format);
	p[12] = P_TEXT(cost), p[13] = P_TEXT(cost);
	p[14] = P_TEXT(after), p[15] = P_TEXT(after);
}

/* Runs a catalogue search q (RELEVANCE, CATALOGUE_WHERE, CATALOGUE_ORDER). */
static struct db_rows *search(arena *mem, struct db_query *q, const struct service_filter *f, int limit, int offset)
{
	const char *text = f->fulltext ? f->fulltext : "";
	struct db_param p[FILTER_PARAMS + 4];
	p[0] = P_TEXT(text), p[1] = P_TEXT(text);
	bind_filter(p + 2, f);
	p[FILTER_PARAMS + 2] = P_INT(limit);
	p[FILTER_PARAMS + 3] = P_INT(offset);
	return db_select(mem, q, p, FILTER_PARAMS + 4);
}

struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset)
{
	return search(mem, &q_services_search, f, limit, offset);
}

struct db_rows *services_search_full(arena *mem, const struct service_filter *f, int limit, int offset)
{
	return search(mem, &q_services_search_full, f, limit, offset);
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

struct db_rows *service_full_by_id(arena *mem, long long id)
{
	return select_by_int(mem, &q_service_full_by_id, id);
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

/* ---- writes of the staff area -------------------------------------- */

DB_QUERY(q_services_of_centre_staff,
         "SELECT " SERVICE_LIST ", s.status" SERVICE_FROM
         "WHERE s.centre_id = ? ORDER BY s.status, cat.sort_order, s.title");
DB_QUERY(q_service_for_edit,
         "SELECT id, centre_id, category_id, title, summary, description, target_group, format, cost, "
         "price_note, eligibility, contact_name, contact_phone, contact_email, status "
         "FROM services WHERE id = ?");
DB_QUERY(q_service_insert,
         "INSERT INTO services (centre_id, category_id, title, summary, description, target_group, format, "
         "cost, price_note, eligibility, contact_name, contact_phone, contact_email, search_stems, form_token) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)");
DB_QUERY(q_service_by_form_token, "SELECT id FROM services WHERE centre_id = ? AND form_token = ?");
DB_QUERY(q_service_update,
         "UPDATE services SET category_id = ?, title = ?, summary = ?, description = ?, target_group = ?, "
         "format = ?, cost = ?, price_note = ?, eligibility = ?, contact_name = ?, contact_phone = ?, "
         "contact_email = ? WHERE id = ?");
DB_QUERY(q_service_set_status, "UPDATE services SET status = ? WHERE id = ?");
DB_QUERY(q_service_districts_clear, "DELETE FROM service_districts WHERE service_id = ?");
DB_QUERY(q_service_district_add, "INSERT INTO service_districts (service_id, district_id) VALUES (?, ?)");
/* The text rchub-admin reindex stems, for one service. */
DB_QUERY(q_service_search_text,
         "SELECT CONCAT_WS(' ', s.title, s.summary, s.description, cat.name, COALESCE(parent.name, ''), "
         "c.short_name) FROM services s JOIN categories cat ON cat.id = s.category_id "
         "LEFT JOIN categories parent ON parent.id = cat.parent_id "
         "JOIN centres c ON c.id = s.centre_id WHERE s.id = ?");
DB_QUERY(q_service_set_stems, "UPDATE services SET search_stems = ? WHERE id = ?");

long long store_id_by_form_token(arena *mem, struct db_query *q, long long centre_id, const char *form_token)
{
	struct db_param p[] = { P_INT(centre_id), P_TEXT(form_token) };
	struct db_rows *r = db_select(mem, q, p, 2);
	if (r == NULL)
		return -1;
	return r->nrows ? db_cell_int(r, 0, 0) : 0;
}

struct db_rows *services_of_centre_staff(arena *mem, long long centre_id)
{
	return select_by_int(mem, &q_services_of_centre_staff, centre_id);
}

struct db_rows *service_for_edit(arena *mem, long long id)
{
	return select_by_int(mem, &q_service_for_edit, id);
}

/* Binds the editable fields in the order category, title, summary,
 * description, target, format, cost, price note, eligibility, contacts x3. */
static void bind_service_input(struct db_param *p, const struct service_input *s)
{
	p[0] = P_INT(s->category_id);
	p[1] = P_TEXT(s->title), p[2] = P_TEXT(s->summary), p[3] = P_TEXT(s->description);
	p[4] = P_TEXT(s->target), p[5] = P_TEXT(s->format), p[6] = P_TEXT(s->cost);
	p[7] = P_TEXT(s->price_note), p[8] = P_TEXT(s->eligibility);
	p[9] = P_TEXT(s->contact_name), p[10] = P_TEXT(s->contact_phone), p[11] = P_TEXT(s->contact_email);
}

long long service_create(long long centre_id, const struct service_input *s, const char *form_token)
{
	struct db_param p[14];
	p[0] = P_INT(centre_id);
	bind_service_input(p + 1, s);
	p[13] = P_TEXT(form_token);
	unsigned long long id = 0;
	if (db_exec(&q_service_insert, p, 14, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	return (long long)id;
}

long long service_id_by_form_token(arena *mem, long long centre_id, const char *form_token)
{
	return store_id_by_form_token(mem, &q_service_by_form_token, centre_id, form_token);
}

int service_update(long long id, const struct service_input *s)
{
	struct db_param p[13];
	bind_service_input(p, s);
	p[12] = P_INT(id);
	return db_exec(&q_service_update, p, 13, NULL) < 0 ? -1 : 0;
}

int service_set_status(long long id, const char *status)
{
	struct db_param p[] = { P_TEXT(status), P_INT(id) };
	return db_exec(&q_service_set_status, p, 2, NULL) < 0 ? -1 : 0;
}

int service_set_districts(long long id, const long long *district_ids, size_t n)
{
	return store_replace_links(&q_service_districts_clear, &q_service_district_add, id, district_ids, n);
}

int service_reindex(arena *mem, long long id)
{
	struct db_rows *r = select_by_int(mem, &q_service_search_text, id);
	if (r == NULL || r->nrows == 0)
		return -1;
	char *stems = stem_text(mem, db_cell(r, 0, 0));
	struct db_param p[] = { P_TEXT(stems), P_INT(id) };
	return db_exec(&q_service_set_stems, p, 2, NULL) < 0 ? -1 : 0;
}
