/* store/ngos.c: the registry of non-profit organisations. A page of the
 * registry costs what it shows: its ids are found on the (short_name) or
 * (district_id, short_name) index, or by the FULLTEXT index for search
 * words, before the rows are joined for their columns, and the total is
 * counted up to a bound the caller chooses. */
#include "store.h"

#define NGO_LIST                                                                         \
	"n.id, n.name, n.short_name, n.legal_form, n.inn, n.ogrn, d.name, d.slug, n.activity"
#define NGO_FROM " FROM ngos n JOIN districts d ON d.id = n.district_id "
/* The NGOs a filter selects, after an optional text condition. Parameters:
 * [words,] district x2. */
#define NGO_MATCH(text) " FROM ngos n WHERE " text "(? = 0 OR n.district_id = ?) "
#define NGO_TEXT "MATCH(n.search_stems) AGAINST (? IN BOOLEAN MODE) AND "
#define BY_NAME "n.short_name, n.id"
/* A page of the NGOs that match selects, by name. Parameters: NGO_MATCH's, limit, offset. */
#define NGO_PAGE(match)                                                                          \
	"SELECT " NGO_LIST " FROM (SELECT n.id" match "ORDER BY " BY_NAME " LIMIT ? OFFSET ?) page " \
	"JOIN ngos n ON n.id = page.id JOIN districts d ON d.id = n.district_id ORDER BY " BY_NAME
/* Their number, counted up to a bound. Parameters: NGO_MATCH's, the bound. */
#define NGO_COUNT_UP_TO(match) "SELECT COUNT(*) FROM (SELECT 1" match "LIMIT ?) counted"

DB_QUERY(q_ngos_browse, NGO_PAGE(NGO_MATCH("")));
DB_QUERY(q_ngos_search, NGO_PAGE(NGO_MATCH(NGO_TEXT)));
DB_QUERY(q_ngos_count_browse, NGO_COUNT_UP_TO(NGO_MATCH("")));
DB_QUERY(q_ngos_count_search, NGO_COUNT_UP_TO(NGO_MATCH(NGO_TEXT)));
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

/* Binds the words (when there are any) and the district of f into p, then
 * last (the limit, or the count's bound) and, when offset is not NULL, the
 * offset; returns the number of parameters. */
static size_t bind_filter(struct db_param *p, const struct ngo_filter *f, long long last, const long long *offset)
{
	size_t n = 0;
	if (f->fulltext && f->fulltext[0])
		p[n++] = P_TEXT(f->fulltext);
	p[n++] = P_INT(f->district_id), p[n++] = P_INT(f->district_id);
	p[n++] = P_INT(last);
	if (offset != NULL)
		p[n++] = P_INT(*offset);
	return n;
}

struct db_rows *ngos_search(arena *mem, const struct ngo_filter *f, int limit, int offset, long long count_max,
                            long long *total)
{
	bool words = f->fulltext && f->fulltext[0];
	struct db_param p[5];
	long long skip = offset;
	struct db_rows *r =
		db_select(mem, words ? &q_ngos_search : &q_ngos_browse, p, bind_filter(p, f, limit + 1, &skip));
	if (r == NULL)
		return NULL;
	if (!store_page_total(r, limit, offset, count_max, total)) {
		struct db_rows *c = db_select(mem, words ? &q_ngos_count_search : &q_ngos_count_browse, p,
		                              bind_filter(p, f, count_max + 1, NULL));
		*total = c && c->nrows ? db_cell_int(c, 0, 0) : -1;
	}
	return *total < 0 ? NULL : r;
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
