/* store/users.c: accounts and the record of failed sign-ins. */
#include "store.h"

DB_QUERY(q_user_by_email,
         "SELECT id, name, email, password_hash, role, COALESCE(centre_id, 0), COALESCE(ngo_id, 0), "
         "is_active, locked_until > UTC_TIMESTAMP(), locked_until FROM users WHERE email = ?");
DB_QUERY(q_user_by_id,
         "SELECT id, name, email, password_hash, role, COALESCE(centre_id, 0), COALESCE(ngo_id, 0), "
         "is_active, locked_until > UTC_TIMESTAMP(), locked_until FROM users WHERE id = ?");
DB_QUERY(q_user_insert,
         "INSERT INTO users (email, name, password_hash, role, centre_id, ngo_id, phone) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)");
DB_QUERY(q_user_set_password, "UPDATE users SET password_hash = ?, locked_until = NULL WHERE id = ?");
DB_QUERY(q_user_set_role, "UPDATE users SET role = ?, centre_id = ? WHERE id = ?");
DB_QUERY(q_user_lock,
         "UPDATE users SET locked_until = UTC_TIMESTAMP() + INTERVAL ? MINUTE WHERE email = ?");
DB_QUERY(q_failure_insert, "INSERT INTO login_failures (email, address) VALUES (?, ?)");
DB_QUERY(q_failures_by_email,
         "SELECT COUNT(*) FROM login_failures WHERE email = ? "
         "AND created_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE");
DB_QUERY(q_failures_by_address,
         "SELECT COUNT(*) FROM login_failures WHERE address = ? "
         "AND created_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE");
DB_QUERY(q_failures_clear, "DELETE FROM login_failures WHERE email = ?");

struct db_rows *user_by_email(arena *mem, const char *email)
{
	struct db_param p[] = { P_TEXT(email) };
	return db_select(mem, &q_user_by_email, p, 1);
}

struct db_rows *user_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_user_by_id, p, 1);
}

long long user_create(const struct new_user *u)
{
	struct db_param p[] = {
		P_TEXT(u->email), P_TEXT(u->name), P_TEXT(u->password_hash), P_TEXT(u->role),
		u->centre_id > 0 ? P_INT(u->centre_id) : P_NULL, u->ngo_id > 0 ? P_INT(u->ngo_id) : P_NULL,
		P_TEXT(u->phone ? u->phone : ""),
	};
	unsigned long long id = 0;
	if (db_exec(&q_user_insert, p, 7, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	return (long long)id;
}

int user_set_password(long long id, const char *hash)
{
	struct db_param p[] = { P_TEXT(hash), P_INT(id) };
	return db_exec(&q_user_set_password, p, 2, NULL) < 0 ? -1 : 0;
}

int user_set_role(long long id, const char *role, long long centre_id)
{
	struct db_param p[] = { P_TEXT(role), centre_id > 0 ? P_INT(centre_id) : P_NULL, P_INT(id) };
	return db_exec(&q_user_set_role, p, 3, NULL) < 0 ? -1 : 0;
}

int login_failure_record(const char *email, const char *address)
{
	struct db_param p[] = { P_TEXT(email), P_TEXT(address) };
	return db_exec(&q_failure_insert, p, 2, NULL) == 1 ? 0 : -1;
}

static long long count_failures(arena *mem, struct db_query *q, const char *key, int minutes)
{
	struct db_param p[] = { P_TEXT(key), P_INT(minutes) };
	struct db_rows *r = db_select(mem, q, p, 2);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

long long login_failures_for_email(arena *mem, const char *email, int minutes)
{
	return count_failures(mem, &q_failures_by_email, email, minutes);
}

long long login_failures_for_address(arena *mem, const char *address, int minutes)
{
	return count_failures(mem, &q_failures_by_address, address, minutes);
}

int login_failures_clear(const char *email)
{
	struct db_param p[] = { P_TEXT(email) };
	return db_exec(&q_failures_clear, p, 1, NULL) < 0 ? -1 : 0;
}

int user_lock(const char *email, int minutes)
{
	struct db_param p[] = { P_INT(minutes), P_TEXT(email) };
	return db_exec(&q_user_lock, p, 2, NULL) < 0 ? -1 : 0;
}

/* ---- staff accounts ------------------------------------------------ */

DB_QUERY(q_users_of_centre,
         "SELECT id, name, email, role, is_active, created_at FROM users "
         "WHERE centre_id = ? AND role IN ('centre_staff', 'centre_admin') ORDER BY role DESC, name");

struct db_rows *users_of_centre(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id) };
	return db_select(mem, &q_users_of_centre, p, 1);
}
