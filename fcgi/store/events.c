/* store/events.c: centre events. Times are UTC (handlers show them in the
 * region's time zone). The public side sees published and cancelled events
 * (a cancelled one stays visible so that people who planned to come learn
 * of it); drafts stay inside the staff area. An event is "upcoming" until it
 * has ended. */
#include "store.h"

#define EVENT_LIST                                                                            \
	"e.id, e.centre_id, c.slug, c.short_name, e.title, e.summary, e.status, e.starts_at, "     \
	"e.ends_at, COALESCE(e.district_id, 0), d.slug, d.name, e.place, e.online_url, "           \
	"e.registration_url"
#define EVENT_FROM                                        \
	" FROM events e JOIN centres c ON c.id = e.centre_id " \
	"LEFT JOIN districts d ON d.id = e.district_id "
/* Parameters: centre x2, district x2, past. */
#define EVENT_PUBLIC_WHERE                                                      \
	"WHERE e.status IN ('published', 'cancelled') "                         \
	"AND (? = 0 OR e.centre_id = ?) AND (? = 0 OR e.district_id = ?) "      \
	"AND IF(? = 1, e.ends_at < UTC_TIMESTAMP(), e.ends_at >= UTC_TIMESTAMP()) "

/* Upcoming: soonest first; past: latest first. */
DB_QUERY(q_events_public,
         "SELECT " EVENT_LIST EVENT_FROM EVENT_PUBLIC_WHERE
         "ORDER BY IF(? = 1, -UNIX_TIMESTAMP(e.starts_at), UNIX_TIMESTAMP(e.starts_at)), e.id LIMIT ? OFFSET ?");
DB_QUERY(q_events_public_count, "SELECT COUNT(*)" EVENT_FROM EVENT_PUBLIC_WHERE);
DB_QUERY(q_event_by_id, "SELECT " EVENT_LIST ", e.description" EVENT_FROM "WHERE e.id = ?");
DB_QUERY(q_events_of_centre,
         "SELECT " EVENT_LIST EVENT_FROM "WHERE e.centre_id = ? ORDER BY e.starts_at DESC, e.id DESC");
DB_QUERY(q_event_insert,
         "INSERT INTO events (centre_id, district_id, title, summary, description, starts_at, ends_at, place, "
         "online_url, registration_url, status, author_id, form_token) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)");
DB_QUERY(q_event_by_form_token, "SELECT id FROM events WHERE centre_id = ? AND form_token = ?");
DB_QUERY(q_event_update,
         "UPDATE events SET district_id = ?, title = ?, summary = ?, description = ?, starts_at = ?, "
         "ends_at = ?, place = ?, online_url = ?, registration_url = ? WHERE id = ?");
DB_QUERY(q_event_set_status, "UPDATE events SET status = ? WHERE id = ?");

#define EVENT_FILTER_PARAMS 5

/* Binds the EVENT_PUBLIC_WHERE parameters into p[0..EVENT_FILTER_PARAMS). */
static void bind_filter(struct db_param *p, const struct event_filter *f)
{
	p[0] = P_INT(f->centre_id), p[1] = P_INT(f->centre_id);
	p[2] = P_INT(f->district_id), p[3] = P_INT(f->district_id);
	p[4] = P_INT(f->past);
}

struct db_rows *events_public(arena *mem, const struct event_filter *f, int limit, int offset)
{
	struct db_param p[EVENT_FILTER_PARAMS + 3];
	bind_filter(p, f);
	p[EVENT_FILTER_PARAMS] = P_INT(f->past);
	p[EVENT_FILTER_PARAMS + 1] = P_INT(limit);
	p[EVENT_FILTER_PARAMS + 2] = P_INT(offset);
	return db_select(mem, &q_events_public, p, EVENT_FILTER_PARAMS + 3);
}

long long events_public_count(arena *mem, const struct event_filter *f)
{
	struct db_param p[EVENT_FILTER_PARAMS];
	bind_filter(p, f);
	struct db_rows *r = db_select(mem, &q_events_public_count, p, EVENT_FILTER_PARAMS);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

struct db_rows *event_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_event_by_id, p, 1);
}

struct db_rows *events_of_centre(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id) };
	return db_select(mem, &q_events_of_centre, p, 1);
}

/* Binds the fields every write of an event shares, in the order
 * district, title, summary, description, starts, ends, place, online, registration. */
static void bind_input(struct db_param *p, const struct event_input *e)
{
	p[0] = e->district_id > 0 ? P_INT(e->district_id) : P_NULL;
	p[1] = P_TEXT(e->title), p[2] = P_TEXT(e->summary), p[3] = P_TEXT(e->description);
	p[4] = P_TEXT(e->starts_at), p[5] = P_TEXT(e->ends_at), p[6] = P_TEXT(e->place);
	p[7] = P_TEXT(e->online_url), p[8] = P_TEXT(e->registration_url);
}

long long event_create(long long centre_id, long long author_id, const struct event_input *e, const char *form_token)
{
	struct db_param p[12];
	p[0] = P_INT(centre_id);
	bind_input(p + 1, e);
	p[10] = P_INT(author_id);
	p[11] = P_TEXT(form_token);
	unsigned long long id = 0;
	if (db_exec(&q_event_insert, p, 12, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	return (long long)id;
}

long long event_id_by_form_token(arena *mem, long long centre_id, const char *form_token)
{
	return store_id_by_form_token(mem, &q_event_by_form_token, centre_id, form_token);
}

int event_update(long long id, const struct event_input *e)
{
	struct db_param p[10];
	bind_input(p, e);
	p[9] = P_INT(id);
	return db_exec(&q_event_update, p, 10, NULL) < 0 ? -1 : 0;
}

int event_set_status(long long id, const char *status)
{
	struct db_param p[] = { P_TEXT(status), P_INT(id) };
	return db_exec(&q_event_set_status, p, 2, NULL) < 0 ? -1 : 0;
}
