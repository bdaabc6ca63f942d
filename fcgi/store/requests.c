/* store/requests.c: service requests and their history (request_events).
 * A request belongs to the member who sent it and is handled by one centre
 * at a time (centre_id changes when it is referred). The handlers wrap the
 * writes of one change in a transaction (db_begin/db_commit); these
 * functions only run the statements. The inbox filters combine in fixed
 * statements whose "? = 0 OR ..." guards switch a filter off, as in
 * services.c. */
#include "store.h"

#define REQUEST_COLUMNS                                                                          \
	"r.id, r.service_id, s.title, r.centre_id, c.slug, c.short_name, r.user_id, u.name, "     \
	"u.email, COALESCE(r.ngo_id, 0), n.short_name, r.topic, r.message, r.contact_method, "    \
	"r.contact_value, r.status, r.created_at, r.updated_at"
#define REQUEST_FROM                                                                             \
	" FROM service_requests r JOIN services s ON s.id = r.service_id "                       \
	"JOIN centres c ON c.id = r.centre_id JOIN users u ON u.id = r.user_id "                  \
	"LEFT JOIN ngos n ON n.id = r.ngo_id "
/* Parameters: centre x2, service x2, from x2, to x2 (to is exclusive). */
#define INBOX_SCOPE                                                                              \
	"WHERE (? = 0 OR r.centre_id = ?) AND (? = 0 OR r.service_id = ?) "                       \
	"AND (? = '' OR r.created_at >= ?) AND (? = '' OR r.created_at < ?) "
#define SCOPE_PARAMS 8
/* INBOX_SCOPE, then status x2. */
#define INBOX_WHERE INBOX_SCOPE "AND (? = '' OR r.status = ?) "
#define WHERE_PARAMS (SCOPE_PARAMS + 2)

DB_QUERY(q_request_service, "SELECT id, centre_id, status, title FROM services WHERE id = ?");
DB_QUERY(q_request_insert,
         "INSERT INTO service_requests (service_id, centre_id, user_id, ngo_id, topic, message, "
         "contact_method, contact_value, consent_at, form_token) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), ?)");
DB_QUERY(q_request_by_token, "SELECT id FROM service_requests WHERE user_id = ? AND form_token = ?");
DB_QUERY(q_request_by_id, "SELECT " REQUEST_COLUMNS REQUEST_FROM "WHERE r.id = ?");
DB_QUERY(q_requests_of_user,
         "SELECT " REQUEST_COLUMNS REQUEST_FROM
         "WHERE r.user_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?");
DB_QUERY(q_requests_count_of_user, "SELECT COUNT(*) FROM service_requests WHERE user_id = ?");
DB_QUERY(q_request_events,
         "SELECT e.id, e.kind, e.note, a.name, e.created_at, fc.short_name, tc.short_name "
         "FROM request_events e JOIN users a ON a.id = e.actor_id "
         "LEFT JOIN centres fc ON fc.id = e.from_centre_id "
         "LEFT JOIN centres tc ON tc.id = e.to_centre_id "
         "WHERE e.request_id = ? ORDER BY e.created_at, e.id");
DB_QUERY(q_request_event_insert,
         "INSERT INTO request_events (request_id, actor_id, kind, note, from_centre_id, to_centre_id) "
         "VALUES (?, ?, ?, ?, ?, ?)");
DB_QUERY(q_request_lock, "SELECT status, centre_id FROM service_requests WHERE id = ? FOR UPDATE");
DB_QUERY(q_request_set_state, "UPDATE service_requests SET status = ?, centre_id = ? WHERE id = ?");
DB_QUERY(q_request_referred_from,
         "SELECT COUNT(*) FROM request_events WHERE request_id = ? AND kind = 'referred' "
         "AND from_centre_id = ?");
DB_QUERY(q_inbox_search,
         "SELECT " REQUEST_COLUMNS REQUEST_FROM INBOX_WHERE
         "ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?");
DB_QUERY(q_inbox_count, "SELECT COUNT(*) FROM service_requests r " INBOX_WHERE);
DB_QUERY(q_inbox_status_counts,
         "SELECT r.status, COUNT(*) FROM service_requests r " INBOX_SCOPE "GROUP BY r.status");
DB_QUERY(q_inbox_services,
         "SELECT DISTINCT s.id, s.title FROM service_requests r JOIN services s ON s.id = r.service_id "
         "WHERE (? = 0 OR r.centre_id = ?) ORDER BY s.title, s.id");

/* An id column as a parameter: NULL when 0 (none). */
static struct db_param optional_id(long long id)
{
	return id > 0 ? P_INT(id) : P_NULL;
}

/* Runs q with one id parameter. */
static struct db_rows *select_by_id(arena *mem, struct db_query *q, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, q, p, 1);
}

/* The service a request form posts to: id, centre, status, title. */
struct db_rows *request_service(arena *mem, long long service_id)
{
	return select_by_id(mem, &q_request_service, service_id);
}

/* 1 with *id, 0 for a form token this user already sent, -1 on failure. */
int request_insert(const struct new_request *r, long long *id)
{
	struct db_param p[] = {
		P_INT(r->service_id), P_INT(r->centre_id), P_INT(r->user_id), optional_id(r->ngo_id),
		P_TEXT(r->topic), P_TEXT(r->message), P_TEXT(r->contact_method), P_TEXT(r->contact_value),
		P_TEXT(r->form_token),
	};
	unsigned long long new_id = 0;
	if (db_exec(&q_request_insert, p, 9, &new_id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	*id = (long long)new_id;
	return 1;
}

/* The request this user sent with this form token (0: none, -1: failure). */
long long request_id_by_form_token(arena *mem, long long user_id, const char *form_token)
{
	struct db_param p[] = { P_INT(user_id), P_TEXT(form_token) };
	struct db_rows *r = db_select(mem, &q_request_by_token, p, 2);
	if (r == NULL)
		return -1;
	return r->nrows ? db_cell_int(r, 0, 0) : 0;
}

/* One request with its service, centre, member and NGO names. */
struct db_rows *request_by_id(arena *mem, long long id)
{
	return select_by_id(mem, &q_request_by_id, id);
}

/* One page of a member's requests, newest first. */
struct db_rows *requests_of_user(arena *mem, long long user_id, int limit, int offset)
{
	struct db_param p[] = { P_INT(user_id), P_INT(limit), P_INT(offset) };
	return db_select(mem, &q_requests_of_user, p, 3);
}

/* How many requests a member has sent (-1 on failure). */
long long requests_count_of_user(arena *mem, long long user_id)
{
	struct db_rows *r = select_by_id(mem, &q_requests_count_of_user, user_id);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

/* The history of a request, oldest first. */
struct db_rows *request_events(arena *mem, long long request_id)
{
	return select_by_id(mem, &q_request_events, request_id);
}

/* Appends one event to a request's history. */
int request_event_add(const struct request_event *e)
{
	struct db_param p[] = {
		P_INT(e->request_id), P_INT(e->actor_id), P_TEXT(e->kind), P_TEXT(e->note ? e->note : ""),
		optional_id(e->from_centre_id), optional_id(e->to_centre_id),
	};
	return db_exec(&q_request_event_insert, p, 6, NULL) == 1 ? 0 : -1;
}

/* Status and centre of a request, locked until the transaction ends. */
struct db_rows *request_lock(arena *mem, long long id)
{
	return select_by_id(mem, &q_request_lock, id);
}

/* Moves a request to status at centre_id; 0 when exactly it changed. */
int request_set_state(long long id, const char *status, long long centre_id)
{
	struct db_param p[] = { P_TEXT(status), P_INT(centre_id), P_INT(id) };
	return db_exec(&q_request_set_state, p, 3, NULL) == 1 ? 0 : -1;
}

/* How many times centre_id referred this request away (-1 on failure). */
long long request_referred_from(arena *mem, long long id, long long centre_id)
{
	struct db_param p[] = { P_INT(id), P_INT(centre_id) };
	struct db_rows *r = db_select(mem, &q_request_referred_from, p, 2);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

/* Binds the INBOX_SCOPE parameters into p[0..SCOPE_PARAMS). */
static void bind_scope(struct db_param *p, const struct inbox_filter *f)
{
	const char *from = f->from_utc ? f->from_utc : "", *to = f->to_utc ? f->to_utc : "";
	p[0] = P_INT(f->centre_id), p[1] = P_INT(f->centre_id);
	p[2] = P_INT(f->service_id), p[3] = P_INT(f->service_id);
	p[4] = P_TEXT(from), p[5] = P_TEXT(from);
	p[6] = P_TEXT(to), p[7] = P_TEXT(to);
}

/* Binds the INBOX_WHERE parameters into p[0..WHERE_PARAMS). */
static void bind_where(struct db_param *p, const struct inbox_filter *f)
{
	const char *status = f->status ? f->status : "";
	bind_scope(p, f);
	p[SCOPE_PARAMS] = P_TEXT(status), p[SCOPE_PARAMS + 1] = P_TEXT(status);
}

/* One page of the inbox, newest first. */
struct db_rows *inbox_search(arena *mem, const struct inbox_filter *f, int limit, int offset)
{
	struct db_param p[WHERE_PARAMS + 2];
	bind_where(p, f);
	p[WHERE_PARAMS] = P_INT(limit), p[WHERE_PARAMS + 1] = P_INT(offset);
	return db_select(mem, &q_inbox_search, p, WHERE_PARAMS + 2);
}

/* How many requests the inbox filters select (-1 on failure). */
long long inbox_count(arena *mem, const struct inbox_filter *f)
{
	struct db_param p[WHERE_PARAMS];
	bind_where(p, f);
	struct db_rows *r = db_select(mem, &q_inbox_count, p, WHERE_PARAMS);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

/* STATUS, COUNT rows under every filter but status. */
struct db_rows *inbox_status_counts(arena *mem, const struct inbox_filter *f)
{
	struct db_param p[SCOPE_PARAMS];
	bind_scope(p, f);
	return db_select(mem, &q_inbox_status_counts, p, SCOPE_PARAMS);
}

/* Services with requests at a centre (0: any), for the service filter. */
struct db_rows *inbox_services(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id), P_INT(centre_id) };
	return db_select(mem, &q_inbox_services, p, 2);
}
