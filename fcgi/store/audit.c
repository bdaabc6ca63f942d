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
