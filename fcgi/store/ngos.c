/* store/ngos.c: the registry of non-profit organisations. A page of the
 * registry is one statement and costs what it shows, as the catalogue's
 * (store/services.c): the page's ids are walked by name (on the
 * (short_name) or (district_id, short_name) index, or found by the FULLTEXT
 * index for search words) before their rows are joined for their columns,
 * and the matches are counted alongside up to the caller's bound. */
#include "store.h"

#define NGO_LIST                                                                         \
	"n.id, n.name, n.short_name, n.legal_form, n.inn, n.ogrn, d.name, d.slug, n.activity"
#define NGO_FROM " FROM ngos n JOIN districts d ON d.id = n.district_id "
/* The NGOs a filter selects, after an optional text condition. Parameters:
 * [words,] district x2. */
#define NGO_MATCH(text) " FROM ngos n WHERE " text "(? = 0 OR n.district_id = ?) "
/* The page [offset, offset + limit) of the NGOs that match selects, by name,
 * and last how many match, counted up to a bound. Parameters: NGO_MATCH's,
 * the bound, NGO_MATCH's, limit, offset. */
#define NGO_PAGE(match)                                                                          \
	"SELECT " NGO_LIST ", (SELECT COUNT(*) FROM (SELECT 1" match "LIMIT ?) counted) "          \
	"FROM (SELECT n.id, n.short_name" match "ORDER BY n.short_name, n.id LIMIT ? OFFSET ?) page " \
	"JOIN ngos n ON n.id = page.id JOIN districts d ON d.id = n.district_id "                   \
	"ORDER BY page.short_name, page.id"
#define NGO_TEXT "MATCH(n.search_stems) AGAINST (? IN BOOLEAN MODE) AND "

DB_QUERY(q_ngos_browse, NGO_PAGE(NGO_MATCH("")));
DB_QUERY(q_ngos_search, NGO_PAGE(NGO_MATCH(NGO_TEXT)));
DB_QUERY(q_ngo_by_id,
         "SELECT " NGO_LIST ", n.address, n.phone, n.email, n.website, "
         "DATE_FORMAT(n.registered_on, '%d.%m.%Y'), n.is_demo" NGO_FROM "WHERE n.id = ?");
DB_QUERY(q_ngo_by_inn, "SELECT id FROM ngos WHERE inn = ?");
/* The text the registry searches, of one NGO (id) or of all (0). */
DB_QUERY(q_ngo_search_text,
         "SELECT n.id, CONCAT_WS(' ', n.name, n.short_name, n.activity, n.inn, n.ogrn, d.name) "
         "FROM ngos n JOIN districts d ON d.id = n.district_id WHERE ? = 0 OR n.id = ? ORDER BY n.id");
DB_QUERY(q_ngo_set_stems, "UPDATE ngos SET search_stems = ?, updated_at = updated_at WHERE id = ?");
DB_QUERY(q_catalogue_stats,
         "SELECT (SELECT COUNT(*) FROM services WHERE status = 'active'), "
         "(SELECT COUNT(*) FROM ngos), (SELECT COUNT(*) FROM districts), "
         "(SELECT COUNT(*) FROM centres)");

/* Binds the words of f (when there are any) and its district into p, then
 * last; returns the number of parameters. */
static size_t bind_match(struct db_param *p, const struct ngo_filter *f, long long last)
{
	size_t n = 0;
	if (f->fulltext && f->fulltext[0])
		p[n++] = P_TEXT(f->fulltext);
	p[n++] = P_INT(f->district_id), p[n++] = P_INT(f->district_id);
	p[n++] = P_INT(last);
	return n;
}

struct db_rows *ngos_search(arena *mem, const struct ngo_filter *f, int limit, int offset, long long count_max,
                            long long *total)
{
	struct db_param p[9];
	size_t n = bind_match(p, f, count_max + 1);
	n += bind_match(p + n, f, limit);
	p[n++] = P_INT(offset);
	struct db_rows *r = db_select(mem, f->fulltext && f->fulltext[0] ? &q_ngos_search : &q_ngos_browse, p, n);
	if (r != NULL)
		*total = store_page_total(r, count_max);
	return r;
}

struct db_rows *ngo_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_ngo_by_id, p, 1);
}

struct db_rows *catalogue_stats(arena *mem)
{
	return db_select(mem, &q_catalogue_stats, NULL, 0);
}

long long ngo_id_by_inn(arena *mem, const char *inn)
{
	return store_id_by_key(mem, &q_ngo_by_inn, inn);
}

long long ngos_reindex(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id), P_INT(id) };
	return store_restem(mem, db_select(mem, &q_ngo_search_text, p, 2), &q_ngo_set_stems);
}
