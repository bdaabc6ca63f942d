/* store/audit.c: the audit log of changes made in /staff/ and /admin/ —
 * who, what, when, and the changed fields before and after, as JSON objects
 * written with json-c. */
#include "store.h"

#include <json-c/json.h>
#include <string.h>

#include "../auth.h"

DB_QUERY(q_audit_insert,
         "INSERT INTO audit_log (user_id, centre_id, action, entity, entity_id, before_json, after_json, address) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

char *audit_json(arena *mem, const struct audit_field *fields, size_t n, bool after)
{
	if (n == 0)
		return NULL;
	json_object *obj = json_object_new_object();
	for (size_t i = 0; i < n; i++) {
		const char *v = after ? fields[i].after : fields[i].before;
		json_object_object_add(obj, fields[i].name, v ? json_object_new_string(v) : NULL);
	}
	char *out = arena_strdup(mem, json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN));
	json_object_put(obj);
	return out;
}

size_t audit_changed(struct audit_field *fields, size_t n)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const char *b = fields[i].before ? fields[i].before : "";
		const char *a = fields[i].after ? fields[i].after : "";
		if (strcmp(a, b) != 0)
			fields[kept++] = fields[i];
	}
	return kept;
}

int audit_record(const struct request *req, const char *action, const char *entity, long long entity_id,
                 long long centre_id, const struct audit_field *fields, size_t n)
{
	char *before = audit_json(req->mem, fields, n, false);
	char *after = audit_json(req->mem, fields, n, true);
	const char *addr = req->remote_addr ? req->remote_addr : "";
	struct db_param p[] = {
		P_INT(req->user->id), centre_id > 0 ? P_INT(centre_id) : P_NULL, P_TEXT(action), P_TEXT(entity),
		P_INT(entity_id), before ? P_TEXT(before) : P_NULL, after ? P_TEXT(after) : P_NULL, P_TEXT(addr),
	};
	return db_exec(&q_audit_insert, p, 8, NULL) == 1 ? 0 : -1;
}

/* ---- reading the log (the moderator's /admin/audit) ---------------- */

#define AUDIT_COLUMNS                                                                           \
	"a.id, a.created_at, a.user_id, u.name, u.email, c.slug, c.short_name, a.action, a.entity, " \
	"a.entity_id, a.before_json, a.after_json, a.address"
#define AUDIT_FROM                                                                               \
	" FROM audit_log a JOIN users u ON u.id = a.user_id LEFT JOIN centres c ON c.id = a.centre_id "
/* Parameters: centre x2, user x2, entity x2, from x2, to x2. */
#define AUDIT_WHERE                                                                              \
	"WHERE (? = 0 OR a.centre_id = ?) AND (? = 0 OR a.user_id = ?) AND (? = '' OR a.entity = ?) " \
	"AND (? = '' OR a.created_at >= ?) AND (? = '' OR a.created_at < CAST(? AS DATETIME) + INTERVAL 1 DAY) "
#define AUDIT_FILTER_PARAMS 10

DB_QUERY(q_audit_search,
         "SELECT " AUDIT_COLUMNS AUDIT_FROM AUDIT_WHERE "ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?");
DB_QUERY(q_audit_count, "SELECT COUNT(*)" AUDIT_FROM AUDIT_WHERE);
DB_QUERY(q_audit_authors,
         "SELECT u.id, u.name, u.email FROM users u "
         "WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.user_id = u.id) ORDER BY u.name, u.id");

/* Binds the AUDIT_WHERE parameters into p[0..AUDIT_FILTER_PARAMS). */
static void bind_audit_filter(struct db_param *p, const struct audit_filter *f)
{
	const char *entity = f->entity ? f->entity : "";
	const char *from = f->from_utc ? f->from_utc : "", *to = f->to_utc ? f->to_utc : "";
	p[0] = P_INT(f->centre_id), p[1] = P_INT(f->centre_id);
	p[2] = P_INT(f->user_id), p[3] = P_INT(f->user_id);
	p[4] = P_TEXT(entity), p[5] = P_TEXT(entity);
	p[6] = P_TEXT(from), p[7] = P_TEXT(from);
	p[8] = P_TEXT(to), p[9] = P_TEXT(to);
}

struct db_rows *audit_search(arena *mem, const struct audit_filter *f, int limit, int offset)
{
	struct db_param p[AUDIT_FILTER_PARAMS + 2];
	bind_audit_filter(p, f);
	p[AUDIT_FILTER_PARAMS] = P_INT(limit);
	p[AUDIT_FILTER_PARAMS + 1] = P_INT(offset);
	return db_select(mem, &q_audit_search, p, AUDIT_FILTER_PARAMS + 2);
}

long long audit_count(arena *mem, const struct audit_filter *f)
{
	struct db_param p[AUDIT_FILTER_PARAMS];
	bind_audit_filter(p, f);
	struct db_rows *r = db_select(mem, &q_audit_count, p, AUDIT_FILTER_PARAMS);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

struct db_rows *audit_authors(arena *mem)
{
	return db_select(mem, &q_audit_authors, NULL, 0);
}
