/* store/ngos.c: the registry of non-profit organisations. */
#include "store.h"

#define NGO_LIST                                                                         \
	"n.id, n.name, n.short_name, n.legal_form, n.inn, n.ogrn, d.name, d.slug, n.activity"
#define NGO_FROM " FROM ngos n JOIN districts d ON d.id = n.district_id "
/* Parameters: text, text, district, district. */
#define NGO_WHERE                                                                   \
	"WHERE (? = '' OR MATCH(n.search_stems) AGAINST (? IN BOOLEAN MODE)) "          \
	"AND (? = 0 OR n.district_id = ?) "

DB_QUERY(q_ngos_search,
         "SELECT " NGO_LIST NGO_FROM NGO_WHERE "ORDER BY n.short_name, n.id LIMIT ? OFFSET ?");
DB_QUERY(q_ngos_count, "SELECT COUNT(*)" NGO_FROM NGO_WHERE);
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

static void bind_filter(struct db_param *p, const struct ngo_filter *f)
{
	const char *text = f->fulltext ? f->fulltext : "";
	p[0] = P_TEXT(text), p[1] = P_TEXT(text);
	p[2] = P_INT(f->district_id), p[3] = P_INT(f->district_id);
}

struct db_rows *ngos_search(arena *mem, const struct ngo_filter *f, int limit, int offset)
{
	struct db_param p[6];
	bind_filter(p, f);
	p[4] = P_INT(limit), p[5] = P_INT(offset);
	return db_select(mem, &q_ngos_search, p, 6);
}

long long ngos_count(arena *mem, const struct ngo_filter *f)
{
	struct db_param p[4];
	bind_filter(p, f);
	struct db_rows *r = db_select(mem, &q_ngos_count, p, 4);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
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
