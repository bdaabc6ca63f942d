/* store/opendata.c: the open-data sets. Their current data (one statement
 * for the records of a set, ordered by id, and one for the rows linked to
 * them, such as districts, ordered the same way), and the published
 * versions of each set (migration 004), which are only ever added. */
#include "store.h"

#define OPENDATA_DISTRICT_ORDER "d.sort_order, d.name, d.id"

DB_QUERY(q_opendata_centres,
         "SELECT c.id, c.name, c.short_name, c.is_demo, c.inn, c.ogrn, d.name, d.oktmo, c.address, "
         "c.phone, c.email, c.website, c.hours, c.description, c.slug, "
         "(SELECT COUNT(*) FROM services s WHERE s.centre_id = c.id AND s.status = 'active') "
         "FROM centres c JOIN districts d ON d.id = c.district_id ORDER BY c.id");
DB_QUERY(q_opendata_centre_districts,
         "SELECT cd.centre_id, d.name, d.oktmo FROM centre_districts cd "
         "JOIN districts d ON d.id = cd.district_id ORDER BY cd.centre_id, " OPENDATA_DISTRICT_ORDER);
DB_QUERY(q_opendata_services,
         "SELECT s.id, s.title, s.summary, s.description, c.id, c.name, c.inn, cat.slug, cat.name, "
         "parent.name, s.target_group, s.format, s.cost, s.price_note, s.eligibility, s.contact_name, "
         "s.contact_phone, s.contact_email, s.created_at, s.updated_at "
         "FROM services s JOIN centres c ON c.id = s.centre_id JOIN categories cat ON cat.id = s.category_id "
         "LEFT JOIN categories parent ON parent.id = cat.parent_id WHERE s.status = 'active' ORDER BY s.id");
DB_QUERY(q_opendata_service_districts,
         "SELECT sd.service_id, d.name, d.oktmo FROM service_districts sd "
         "JOIN services s ON s.id = sd.service_id JOIN districts d ON d.id = sd.district_id "
         "WHERE s.status = 'active' ORDER BY sd.service_id, " OPENDATA_DISTRICT_ORDER);

/* Every centre, rated or not; means over all ratings, whatever the version
 * of the standard (criteria keep their code across versions). */
DB_QUERY(q_opendata_quality,
         "SELECT c.id, c.name, c.inn, COUNT(f.id), ROUND(AVG(f.overall), 2), c.slug "
         "FROM centres c LEFT JOIN feedback f ON f.centre_id = c.id GROUP BY c.id ORDER BY c.id");
DB_QUERY(q_opendata_quality_criteria,
         "SELECT f.centre_id, ROUND(AVG(fs.score), 2), qc.code FROM feedback f "
         "JOIN feedback_scores fs ON fs.feedback_id = f.id JOIN quality_criteria qc ON qc.id = fs.criterion_id "
         "GROUP BY f.centre_id, qc.code ORDER BY f.centre_id, MIN(qc.sort_order), qc.code");
DB_QUERY(q_opendata_projects,
         "SELECT p.id, p.title, n.name, n.inn, d.name, d.oktmo, cat.name, c.name, p.funding_source, "
         "p.grant_amount, p.grant_start, p.grant_end, p.status, p.status_changed_at, p.last_update_at "
         "FROM projects p JOIN ngos n ON n.id = p.ngo_id JOIN districts d ON d.id = p.district_id "
         "JOIN categories cat ON cat.id = p.category_id LEFT JOIN centres c ON c.id = p.centre_id ORDER BY p.id");

DB_QUERY(q_opendata_versions,
         "SELECT version_stamp, structure_stamp, sha256, created_at FROM opendata_versions "
         "WHERE set_code = ? ORDER BY id DESC");
DB_QUERY(q_opendata_content,
         "SELECT IF(? = 'csv', csv_content, xml_content), created_at FROM opendata_versions "
         "WHERE set_code = ? AND version_stamp = ? AND structure_stamp = ?");
DB_QUERY(q_opendata_insert,
         "INSERT INTO opendata_versions (set_code, version_stamp, structure_stamp, sha256, xml_content, "
         "csv_content) VALUES (?, ?, ?, ?, ?, ?)");

/* The records of the set "centres". */
struct db_rows *opendata_centres(arena *mem)
{
	return db_select(mem, &q_opendata_centres, NULL, 0);
}

/* The districts each centre serves. */
struct db_rows *opendata_centre_districts(arena *mem)
{
	return db_select(mem, &q_opendata_centre_districts, NULL, 0);
}

/* The records of the set "services": active services. */
struct db_rows *opendata_services(arena *mem)
{
	return db_select(mem, &q_opendata_services, NULL, 0);
}

/* The districts where each active service is available. */
struct db_rows *opendata_service_districts(arena *mem)
{
	return db_select(mem, &q_opendata_service_districts, NULL, 0);
}

/* The records of the set "quality": each centre's ratings. */
struct db_rows *opendata_quality(arena *mem)
{
	return db_select(mem, &q_opendata_quality, NULL, 0);
}

/* Each centre's mean score by criterion code. */
struct db_rows *opendata_quality_criteria(arena *mem)
{
	return db_select(mem, &q_opendata_quality_criteria, NULL, 0);
}

/* The records of the set "projects". */
struct db_rows *opendata_projects(arena *mem)
{
	return db_select(mem, &q_opendata_projects, NULL, 0);
}

/* The stored versions of a set, without their content. */
struct db_rows *opendata_versions(arena *mem, const char *set_code)
{
	struct db_param p[] = { P_TEXT(set_code) };
	return db_select(mem, &q_opendata_versions, p, 1);
}

/* The stored bytes of one file of a version. */
struct db_rows *opendata_content(arena *mem, const struct opendata_file *f)
{
	struct db_param p[] = { P_TEXT(f->format), P_TEXT(f->set_code), P_TEXT(f->stamp), P_TEXT(f->structure_stamp) };
	return db_select(mem, &q_opendata_content, p, 4);
}

/* Stores a version; a taken stamp is a duplicate key, not a failure. */
int opendata_insert(const struct opendata_version *v)
{
	struct db_param p[] = {
		P_TEXT(v->set_code), P_TEXT(v->stamp), P_TEXT(v->structure_stamp),
		P_TEXT(v->sha256), P_TEXT(v->xml), P_TEXT(v->csv),
	};
	if (db_exec(&q_opendata_insert, p, 6, NULL) == 1)
		return 1;
	return db_last_was_duplicate() ? 0 : -1;
}
