/* store/services.c: the service catalogue. The filters of the catalogue
 * combine in fixed statements: a filter whose parameter is 0 or '' is switched
 * off by its "? = 0 OR ..." guard, so no SQL text is ever built from input.
 * Two statements serve a page: one without search words (newest first) and
 * one with them (the FULLTEXT index on search_stems, ranked by relevance);
 * each brings the total along, so a page costs one query. */
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
/* Parameters: status, district x2, category x3, target x2, format x2, cost x2,
 * modified after x2. A filter whose parameter is 0 or '' is switched off. */
#define CATALOGUE_FILTERS                                                                        \
	"s.status IN ('active', ?) "                                                             \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM service_districts sd "                               \
	"     WHERE sd.service_id = s.id AND sd.district_id = ?)) "                              \
	"AND (? = 0 OR s.category_id = ? OR cat.parent_id = ?) "                                  \
	"AND (? = '' OR s.target_group = ? OR s.target_group = 'any') "                           \
	"AND (? = '' OR s.format = ? OR s.format = 'both') "                                      \
	"AND (? = '' OR s.cost = ?) "                                                             \
	"AND (? = '' OR s.updated_at >= ?) "
#define TEXT_MATCH "MATCH(s.search_stems) AGAINST (? IN BOOLEAN MODE)"
/* The total of matching rows rides along with each row of the page. */
#define WITH_TOTAL ", COUNT(*) OVER () AS total"
#define PAGE_LIMIT "LIMIT ? OFFSET ?"
/* Without search words: newest first, which the (status, created_at) index
 * serves. Parameters: CATALOGUE_FILTERS', limit, offset. */
#define BROWSE(columns)                                                                          \
	"SELECT " SERVICE_LIST columns ", 0 AS relevance" WITH_TOTAL SERVICE_FROM                  \
	"WHERE " CATALOGUE_FILTERS "ORDER BY s.created_at DESC, s.id DESC " PAGE_LIMIT
/* With search words: the FULLTEXT index finds the rows, relevance orders
 * them. Parameters: text, text, CATALOGUE_FILTERS', limit, offset. */
#define SEARCH(columns)                                                                          \
	"SELECT " SERVICE_LIST columns ", " TEXT_MATCH " AS relevance" WITH_TOTAL SERVICE_FROM      \
	"WHERE " TEXT_MATCH " AND " CATALOGUE_FILTERS                                             \
	"ORDER BY relevance DESC, s.created_at DESC, s.id DESC " PAGE_LIMIT

DB_QUERY(q_services_browse, BROWSE(""));
DB_QUERY(q_services_browse_full, BROWSE(SERVICE_FULL));
DB_QUERY(q_services_search, SEARCH(""));
DB_QUERY(q_services_search_full, SEARCH(SERVICE_FULL));
/* Parameters: text, text, CATALOGUE_FILTERS'. Only for a page past the end. */
DB_QUERY(q_services_count,
         "SELECT COUNT(*)" SERVICE_FROM "WHERE (? = '' OR " TEXT_MATCH ") AND " CATALOGUE_FILTERS);
DB_QUERY(q_service_full_by_id, "SELECT " SERVICE_LIST SERVICE_FULL SERVICE_FROM "WHERE s.id = ?");
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

#define FILTER_PARAMS 14

/* Binds the CATALOGUE_FILTERS parameters into p[0..FILTER_PARAMS). */
static void bind_filter(struct db_param *p, const struct service_filter *f)
{
	const char *target = f->target ? f->target : "";
	const char *format = f->format ? f->format : "";
	const char *cost = f->cost ? f->cost : "";
	const char *after = f->modified_after ? f->modified_after : "";
	p[0] = P_TEXT(f->include_archived ? "archived" : "active");
	p[1] = P_INT(f->district_id), p[2] = P_INT(f->district_id);
	p[3] = P_INT(f->category_id), p[4] = P_INT(f->category_id), p[5] = P_INT(f->category_id);
	p[6] = P_TEXT(target), p[7] = P_TEXT(target);
	p[8] = P_TEXT(format), p[9] = P_TEXT(format);
	p[10] = P_TEXT(cost), p[11] = P_TEXT(cost);
	p[12] = P_TEXT(after), p[13] = P_TEXT(after);
}

static long long count(arena *mem, const struct service_filter *f)
{
	const char *text = f->fulltext ? f->fulltext : "";
	struct db_param p[FILTER_PARAMS + 2] = { P_TEXT(text), P_TEXT(text) };
	bind_filter(p + 2, f);
	struct db_rows *r = db_select(mem, &q_services_count, p, FILTER_PARAMS + 2);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

/* Runs the browse or the search statement for f; *total receives the number
 * of matching services (counted apart only for a page past the end). */
static struct db_rows *catalogue_page(arena *mem, struct db_query *browse, struct db_query *search,
                                      const struct service_filter *f, int limit, int offset, long long *total)
{
	const char *text = f->fulltext ? f->fulltext : "";
	bool words = text[0] != '\0';
	struct db_param p[FILTER_PARAMS + 4];
	size_t n = 0;
	if (words)
		p[n++] = P_TEXT(text), p[n++] = P_TEXT(text);
	bind_filter(p + n, f);
	n += FILTER_PARAMS;
	p[n++] = P_INT(limit);
	p[n++] = P_INT(offset);
	struct db_rows *r = db_select(mem, words ? search : browse, p, n);
	if (r == NULL)
		return NULL;
	*total = r->nrows ? db_cell_int(r, 0, r->ncols - 1) : offset > 0 ? count(mem, f) : 0;
	return *total < 0 ? NULL : r;
}

struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset,
                                long long *total)
{
	return catalogue_page(mem, &q_services_browse, &q_services_search, f, limit, offset, total);
}

struct db_rows *services_search_full(arena *mem, const struct service_filter *f, int limit, int offset,
                                     long long *total)
{
	return catalogue_page(mem, &q_services_browse_full, &q_services_search_full, f, limit, offset, total);
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
/* The text the catalogue searches, of one service (id) or of all (0). The
 * title is written three times so that a title hit outranks a hit in the
 * description (FULLTEXT relevance grows with how often a term occurs). */
DB_QUERY(q_service_search_text,
         "SELECT s.id, CONCAT_WS(' ', s.title, s.title, s.title, s.summary, s.description, cat.name, "
         "COALESCE(parent.name, ''), c.short_name) FROM services s JOIN categories cat ON cat.id = s.category_id "
         "LEFT JOIN categories parent ON parent.id = cat.parent_id "
         "JOIN centres c ON c.id = s.centre_id WHERE ? = 0 OR s.id = ? ORDER BY s.id");
/* Leaves updated_at alone: re-stemming is not a change of the service. */
DB_QUERY(q_service_set_stems, "UPDATE services SET search_stems = ?, updated_at = updated_at WHERE id = ?");

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

long long services_reindex(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id), P_INT(id) };
	return store_restem(mem, db_select(mem, &q_service_search_text, p, 2), &q_service_set_stems);
}
