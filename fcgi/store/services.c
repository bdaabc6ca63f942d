/* store/services.c: the service catalogue. The filters of the catalogue
 * combine in fixed statements: a filter whose parameter is 0 or '' is switched
 * off by its "? = 0 OR ..." guard, so no SQL text is ever built from input.
 * Two kinds of statement serve a page: one without search words (newest
 * first) and one with them (the FULLTEXT index on search_stems, ranked by
 * relevance). Each page is one statement and costs what it shows, not what
 * the catalogue holds: the page's ids are walked in order (on the covering
 * ix_services_browse; the district a primary-key probe per row) before their
 * rows are joined for their columns, and the matches are counted alongside
 * by a walk that stops at the caller's bound. Pages count up to
 * LISTING_COUNT_MAX and say "more than" beyond it; the API counts them all. */
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
/* The services a filter selects, as FROM ... WHERE over s (services), after
 * an optional text condition. Parameters: district; status; district;
 * centre x2; category x3; target x2; format x2; cost x2; modified after x2.
 * A filter whose parameter is 0 or '' is switched off. The district is a
 * LEFT JOIN on the primary key of service_districts (one row at most per
 * service, none for district 0; forced, or MariaDB buffers the join and
 * sorts every service) rather than EXISTS, which it turns into a scan of
 * all the district's services before the first row; the category and its
 * children are looked up once, not joined row by row. */
#define CATALOGUE_MATCH(text)                                                                    \
	" FROM services s LEFT JOIN service_districts sd FORCE INDEX (PRIMARY) "                  \
	"ON sd.service_id = s.id AND sd.district_id = ? "                                         \
	"WHERE " text "s.status IN ('active', ?) AND (? = 0 OR sd.service_id IS NOT NULL) "       \
	"AND (? = 0 OR s.centre_id = ?) "                                                         \
	"AND (? = 0 OR s.category_id IN (SELECT cc.id FROM categories cc WHERE cc.id = ? OR cc.parent_id = ?)) " \
	"AND (? = '' OR s.target_group = ? OR s.target_group = 'any') "                           \
	"AND (? = '' OR s.format = ? OR s.format = 'both') "                                      \
	"AND (? = '' OR s.cost = ?) "                                                             \
	"AND (? = '' OR s.updated_at >= ?) "
/* The orders of a page, over the table alias t. */
#define BY_NEWEST(t) t ".created_at DESC, " t ".id DESC"
#define BY_RELEVANCE(t) "relevance DESC, " BY_NEWEST(t)
#define NEWEST BY_NEWEST("s")
/* The page [offset, offset + limit) of the services that text and the
 * filter select, in order, with their columns, and in the last column how
 * many match, counted up to a bound. Parameters: the count's
 * (CATALOGUE_MATCH's, the bound), then the page's (CATALOGUE_MATCH's, with
 * the relevance's words first when ranked; limit, offset). */
#define PAGE_COUNTED(columns, ranked, text, order)                                              \
	"SELECT " SERVICE_LIST columns ", (SELECT COUNT(*) FROM (SELECT 1" CATALOGUE_MATCH(text)    \
	"LIMIT ?) counted) FROM (SELECT s.id, s.created_at, " ranked " AS relevance"                \
	CATALOGUE_MATCH(text) "ORDER BY " order("s") " LIMIT ? OFFSET ?) page "                     \
	"JOIN services s ON s.id = page.id JOIN centres c ON c.id = s.centre_id "                   \
	"JOIN categories cat ON cat.id = s.category_id ORDER BY " order("page")
#define TEXT_MATCH "MATCH(s.search_stems) AGAINST (? IN BOOLEAN MODE)"
/* Without search words: newest first. */
#define BROWSE(columns) PAGE_COUNTED(columns, "0", "", BY_NEWEST)
/* With search words: by relevance, then newest. */
#define SEARCH(columns) PAGE_COUNTED(columns, TEXT_MATCH, TEXT_MATCH " AND ", BY_RELEVANCE)
/* A page of ids that a query selects, then their columns. */
#define PAGE_OF(ids)                                                                             \
	"SELECT " SERVICE_LIST " FROM (" ids ") page JOIN services s ON s.id = page.id "            \
	"JOIN centres c ON c.id = s.centre_id JOIN categories cat ON cat.id = s.category_id "       \
	"ORDER BY " NEWEST

DB_QUERY(q_services_browse, BROWSE(""));
DB_QUERY(q_services_browse_full, BROWSE(SERVICE_FULL));
DB_QUERY(q_services_search, SEARCH(""));
DB_QUERY(q_services_search_full, SEARCH(SERVICE_FULL));
DB_QUERY(q_service_full_by_id, "SELECT " SERVICE_LIST SERVICE_FULL SERVICE_FROM "WHERE s.id = ?");
DB_QUERY(q_service_by_id,
         "SELECT " SERVICE_LIST ", s.description, s.price_note, s.eligibility, s.contact_name, "
         "s.contact_phone, s.contact_email, s.status, DATE_FORMAT(s.updated_at, '%d.%m.%Y'), "
         "parent.name, parent.slug"
         SERVICE_FROM "LEFT JOIN categories parent ON parent.id = cat.parent_id WHERE s.id = ?");
DB_QUERY(q_services_of_centre,
         PAGE_OF("SELECT s.id FROM services s WHERE s.centre_id = ? AND s.status = 'active' "
                 "ORDER BY " NEWEST " LIMIT ?"));
DB_QUERY(q_services_newest, PAGE_OF("SELECT s.id FROM services s WHERE s.status = 'active' ORDER BY " NEWEST " LIMIT ?"));
DB_QUERY(q_service_districts,
         "SELECT d.id, d.slug, d.name, d.kind, d.oktmo FROM service_districts sd "
         "JOIN districts d ON d.id = sd.district_id WHERE sd.service_id = ? "
         "ORDER BY d.sort_order, d.name");

/* The most parameters a catalogue statement takes (a ranked page). */
#define CATALOGUE_PARAMS 38

/* Binds CATALOGUE_MATCH's parameters for f in their order in the text (with
 * the relevance's words first when ranked), then last; returns their number. */
static size_t bind_match(struct db_param *p, const struct service_filter *f, bool ranked, long long last)
{
	const char *text = f->fulltext ? f->fulltext : "";
	const char *target = f->target ? f->target : "";
	const char *format = f->format ? f->format : "";
	const char *cost = f->cost ? f->cost : "";
	const char *after = f->modified_after ? f->modified_after : "";
	size_t n = 0;
	if (text[0] && ranked)
		p[n++] = P_TEXT(text);
	p[n++] = P_INT(f->district_id);
	if (text[0])
		p[n++] = P_TEXT(text);
	p[n++] = P_TEXT(f->include_archived ? "archived" : "active");
	p[n++] = P_INT(f->district_id);
	p[n++] = P_INT(f->centre_id), p[n++] = P_INT(f->centre_id);
	p[n++] = P_INT(f->category_id), p[n++] = P_INT(f->category_id), p[n++] = P_INT(f->category_id);
	p[n++] = P_TEXT(target), p[n++] = P_TEXT(target);
	p[n++] = P_TEXT(format), p[n++] = P_TEXT(format);
	p[n++] = P_TEXT(cost), p[n++] = P_TEXT(cost);
	p[n++] = P_TEXT(after), p[n++] = P_TEXT(after);
	p[n++] = P_INT(last);
	return n;
}

long long store_page_total(const struct db_rows *page, long long count_max)
{
	long long matched = page->nrows ? db_cell_int(page, 0, page->ncols - 1) : 0;
	return matched > count_max ? count_max + 1 : matched;
}

/* Runs the browse or the search statement for f; *total receives the number
 * of matching services, or count_max + 1 when there are more than count_max. */
static struct db_rows *catalogue_page(arena *mem, struct db_query *browse, struct db_query *search,
                                      const struct service_filter *f, int limit, int offset, long long count_max,
                                      long long *total)
{
	struct db_param p[CATALOGUE_PARAMS];
	size_t n = bind_match(p, f, false, count_max + 1);
	n += bind_match(p + n, f, true, limit);
	p[n++] = P_INT(offset);
	struct db_rows *r = db_select(mem, f->fulltext && f->fulltext[0] ? search : browse, p, n);
	if (r != NULL)
		*total = store_page_total(r, count_max);
	return r;
}

struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset,
                                long long count_max, long long *total)
{
	return catalogue_page(mem, &q_services_browse, &q_services_search, f, limit, offset, count_max, total);
}

struct db_rows *services_search_full(arena *mem, const struct service_filter *f, int limit, int offset,
                                     long long *total)
{
	return catalogue_page(mem, &q_services_browse_full, &q_services_search_full, f, limit, offset,
	                      STORE_NO_LIMIT, total);
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

struct db_rows *services_of_centre(arena *mem, long long centre_id, long long limit)
{
	struct db_param p[] = { P_INT(centre_id), P_INT(limit) };
	return db_select(mem, &q_services_of_centre, p, 2);
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
