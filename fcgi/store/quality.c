/* store/quality.c: the unified quality standard (versions and their
 * criteria, migration 005), the verified ratings given under it (feedback,
 * feedback_scores) with the moderation of their comments, and the regions
 * the quality index compares centres in (its sums: store/quality_sums.c).
 *
 * Only drafts change: every write to a version or a criterion checks
 * status = 'draft' in the statement itself, so a published or retired
 * version, and with it every rating given under it, stays as it was. */
#include "store.h"

/* QS_*, with ratings (QS_RATINGS) as given: counted, or NULL where no page
 * shows them (counting a million ratings is no part of a service's page). */
#define STANDARD_COLUMNS_WITH(ratings)                                                      \
	"qs.id, qs.version, qs.title, qs.status, qs.published_at, qs.created_at, "           \
	"(SELECT COUNT(*) FROM quality_criteria qc WHERE qc.standard_id = qs.id), "          \
	ratings ", qs.description"
#define STANDARD_COLUMNS STANDARD_COLUMNS_WITH("(SELECT COUNT(*) FROM feedback f WHERE f.standard_id = qs.id)")
#define CRITERION_COLUMNS "qc.id, qc.standard_id, qc.code, qc.name, qc.description, qc.weight, qc.sort_order"

DB_QUERY(q_standards, "SELECT " STANDARD_COLUMNS " FROM quality_standards qs ORDER BY qs.version DESC");
DB_QUERY(q_standard_by_id, "SELECT " STANDARD_COLUMNS " FROM quality_standards qs WHERE qs.id = ?");
DB_QUERY(q_standard_current,
         "SELECT " STANDARD_COLUMNS_WITH("NULL") " FROM quality_standards qs WHERE qs.status = 'published' "
         "ORDER BY qs.published_at DESC, qs.id DESC LIMIT 1");
DB_QUERY(q_standard_draft, "SELECT id FROM quality_standards WHERE status = 'draft' ORDER BY id LIMIT 1");
DB_QUERY(q_standard_lock, "SELECT status FROM quality_standards WHERE id = ? FOR UPDATE");
DB_QUERY(q_criteria_of,
         "SELECT " CRITERION_COLUMNS " FROM quality_criteria qc WHERE qc.standard_id = ? "
         "ORDER BY qc.sort_order, qc.id");
DB_QUERY(q_criterion_by_id,
         "SELECT " CRITERION_COLUMNS ", qs.status FROM quality_criteria qc "
         "JOIN quality_standards qs ON qs.id = qc.standard_id WHERE qc.id = ?");

DB_QUERY(q_draft_insert,
         "INSERT INTO quality_standards (version, title, description, status, created_by) "
         "SELECT (SELECT COALESCE(MAX(version), 0) + 1 FROM quality_standards), ?, ?, 'draft', ?");
DB_QUERY(q_criteria_copy,
         "INSERT INTO quality_criteria (standard_id, code, name, description, weight, sort_order) "
         "SELECT ?, code, name, description, weight, sort_order FROM quality_criteria WHERE standard_id = ?");
DB_QUERY(q_criterion_update,
         "UPDATE quality_criteria qc JOIN quality_standards qs ON qs.id = qc.standard_id "
         "SET qc.name = ?, qc.description = ?, qc.weight = ? WHERE qc.id = ? AND qs.status = 'draft'");
DB_QUERY(q_criterion_insert,
         "INSERT INTO quality_criteria (standard_id, code, name, description, weight, sort_order) "
         "SELECT qs.id, ?, ?, ?, ?, "
         "(SELECT COALESCE(MAX(sort_order), 0) + 1 FROM quality_criteria WHERE standard_id = qs.id) "
         "FROM quality_standards qs WHERE qs.id = ? AND qs.status = 'draft'");
DB_QUERY(q_criterion_delete,
         "DELETE qc FROM quality_criteria qc JOIN quality_standards qs ON qs.id = qc.standard_id "
         "WHERE qc.id = ? AND qs.status = 'draft'");
DB_QUERY(q_standards_retire, "UPDATE quality_standards SET status = 'retired' WHERE status = 'published'");
DB_QUERY(q_standard_publish,
         "UPDATE quality_standards SET status = 'published', published_at = UTC_TIMESTAMP() "
         "WHERE id = ? AND status = 'draft'");

struct db_rows *quality_standards(arena *mem)
{
	return db_select(mem, &q_standards, NULL, 0);
}

struct db_rows *quality_standard_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_standard_by_id, p, 1);
}

struct db_rows *quality_standard_current(arena *mem)
{
	return db_select(mem, &q_standard_current, NULL, 0);
}

long long quality_draft_id(arena *mem)
{
	struct db_rows *r = db_select(mem, &q_standard_draft, NULL, 0);
	return r == NULL ? -1 : r->nrows ? db_cell_int(r, 0, 0) : 0;
}

struct db_rows *quality_standard_lock(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_standard_lock, p, 1);
}

struct db_rows *quality_criteria_of(arena *mem, long long standard_id)
{
	struct db_param p[] = { P_INT(standard_id) };
	return db_select(mem, &q_criteria_of, p, 1);
}

struct db_rows *quality_criterion_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_criterion_by_id, p, 1);
}

long long quality_draft_create(const struct quality_draft *d)
{
	unsigned long long id = 0;
	struct db_param p[] = { P_TEXT(d->title), P_TEXT(d->description), P_INT(d->user_id) };
	if (db_exec(&q_draft_insert, p, 3, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	struct db_param c[] = { P_INT((long long)id), P_INT(d->copy_of) };
	if (d->copy_of > 0 && db_exec(&q_criteria_copy, c, 2, NULL) < 0)
		return -1;
	return (long long)id;
}

int quality_criterion_update(long long id, const struct quality_criterion_input *c)
{
	struct db_param p[] = { P_TEXT(c->name), P_TEXT(c->description), P_TEXT(c->weight), P_INT(id) };
	return db_exec(&q_criterion_update, p, 4, NULL) < 0 ? -1 : 0;
}

long long quality_criterion_add(long long standard_id, const struct quality_criterion_input *c)
{
	unsigned long long id = 0;
	struct db_param p[] = {
		P_TEXT(c->code), P_TEXT(c->name), P_TEXT(c->description), P_TEXT(c->weight), P_INT(standard_id),
	};
	long long n = db_exec(&q_criterion_insert, p, 5, &id);
	if (n < 0)
		return db_last_was_duplicate() ? 0 : -1;
	return n == 1 ? (long long)id : -1;
}

int quality_criterion_delete(long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_exec(&q_criterion_delete, p, 1, NULL) < 0 ? -1 : 0;
}

int quality_publish(long long id)
{
	struct db_param p[] = { P_INT(id) };
	if (db_exec(&q_standards_retire, NULL, 0, NULL) < 0)
		return -1;
	return db_exec(&q_standard_publish, p, 1, NULL) == 1 ? 0 : -1;
}

/* ---- ratings ---------------------------------------------------------------- */

DB_QUERY(q_feedback_insert,
         "INSERT INTO feedback (request_id, user_id, service_id, centre_id, standard_id, overall, comment, "
         "comment_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
DB_QUERY(q_score_insert, "INSERT INTO feedback_scores (feedback_id, criterion_id, score) VALUES (?, ?, ?)");
DB_QUERY(q_feedback_of_request,
         "SELECT id, standard_id, overall, comment, comment_status, created_at FROM feedback WHERE request_id = ?");
DB_QUERY(q_feedback_scores,
         "SELECT qc.name, fs.score FROM feedback_scores fs JOIN quality_criteria qc ON qc.id = fs.criterion_id "
         "WHERE fs.feedback_id = ? ORDER BY qc.sort_order, qc.id");
DB_QUERY(q_comments_of_service,
         "SELECT f.id, f.comment, f.overall, f.created_at FROM feedback f "
         "JOIN services s ON s.id = f.service_id AND s.centre_id = f.centre_id "
         "WHERE f.service_id = ? AND f.comment_status = 'approved' ORDER BY f.created_at DESC, f.id DESC LIMIT ?");

int feedback_insert(const struct new_feedback *f, long long *id)
{
	unsigned long long new_id = 0;
	struct db_param p[] = {
		P_INT(f->request_id), P_INT(f->user_id), P_INT(f->service_id), P_INT(f->centre_id),
		P_INT(f->standard_id), P_TEXT(f->overall), P_TEXT(f->comment),
		P_TEXT(f->comment[0] ? "pending" : "none"),
	};
	if (db_exec(&q_feedback_insert, p, 8, &new_id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	*id = (long long)new_id;
	return 1;
}

int feedback_score_insert(long long feedback_id, long long criterion_id, int score)
{
	struct db_param p[] = { P_INT(feedback_id), P_INT(criterion_id), P_INT(score) };
	return db_exec(&q_score_insert, p, 3, NULL) == 1 ? 0 : -1;
}

struct db_rows *feedback_of_request(arena *mem, long long request_id)
{
	struct db_param p[] = { P_INT(request_id) };
	return db_select(mem, &q_feedback_of_request, p, 1);
}

struct db_rows *feedback_scores(arena *mem, long long feedback_id)
{
	struct db_param p[] = { P_INT(feedback_id) };
	return db_select(mem, &q_feedback_scores, p, 1);
}

struct db_rows *feedback_comments_of_service(arena *mem, long long service_id, int limit)
{
	struct db_param p[] = { P_INT(service_id), P_INT(limit) };
	return db_select(mem, &q_comments_of_service, p, 2);
}

/* ---- moderation of comments ---------------------------------------------------- */

#define MODERATION_FROM                                                                         \
	" FROM feedback f JOIN services s ON s.id = f.service_id JOIN centres c ON c.id = f.centre_id " \
	"LEFT JOIN users m ON m.id = f.moderated_by WHERE f.comment_status = ? "

DB_QUERY(q_moderation_list,
         "SELECT f.id, f.comment, f.comment_status, f.overall, f.created_at, s.id, s.title, c.slug, "
         "c.short_name, f.moderated_at, m.name" MODERATION_FROM
         "ORDER BY IF(f.comment_status = 'pending', f.created_at, NULL), f.moderated_at DESC, f.id "
         "LIMIT ? OFFSET ?");
DB_QUERY(q_moderation_counts,
         "SELECT comment_status, COUNT(*) FROM feedback WHERE comment_status <> 'none' GROUP BY comment_status");
DB_QUERY(q_feedback_lock, "SELECT comment_status, centre_id FROM feedback WHERE id = ? FOR UPDATE");
DB_QUERY(q_feedback_moderate,
         "UPDATE feedback SET comment_status = ?, moderated_by = ?, moderated_at = UTC_TIMESTAMP() "
         "WHERE id = ? AND comment_status <> 'none'");

struct db_rows *feedback_for_moderation(arena *mem, const char *status, int limit, int offset)
{
	struct db_param p[] = { P_TEXT(status), P_INT(limit), P_INT(offset) };
	return db_select(mem, &q_moderation_list, p, 3);
}

struct db_rows *feedback_moderation_counts(arena *mem)
{
	return db_select(mem, &q_moderation_counts, NULL, 0);
}

struct db_rows *feedback_lock(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_feedback_lock, p, 1);
}

int feedback_moderate(long long id, const char *status, long long moderator_id)
{
	struct db_param p[] = { P_TEXT(status), P_INT(moderator_id), P_INT(id) };
	return db_exec(&q_feedback_moderate, p, 3, NULL) == 1 ? 0 : -1;
}

/* ---- regions and their centres (the sums themselves: store/quality_sums.c) ---- */

DB_QUERY(q_region_by_slug, "SELECT id FROM regions WHERE slug = ?");
DB_QUERY(q_centres_of_region,
         "SELECT c.id, c.slug, c.short_name FROM centres c JOIN districts d ON d.id = c.district_id "
         "WHERE d.region_id = ? ORDER BY c.short_name, c.id");

long long region_of_centre(arena *mem, long long centre_id)
{
	return store_id_in(centre_refs(mem), CREF_REGION, CREF_ID, arena_printf(mem, "%lld", centre_id));
}

long long region_id_by_slug(arena *mem, const char *slug)
{
	return store_id_by_key(mem, &q_region_by_slug, slug);
}

struct db_rows *centres_of_region(arena *mem, long long region_id)
{
	struct db_param p[] = { P_INT(region_id) };
	return db_select(mem, &q_centres_of_region, p, 1);
}
