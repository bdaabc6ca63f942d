/* store/feeds.c: what the RSS feeds and iCalendar calendars read: published
 * news and public events (published or cancelled) of the whole region, of
 * one centre or of one district, new and changed services, and the moment
 * of the newest change under each, for Last-Modified. The scope of a feed is
 * bound into one fixed statement: a 0 switches its guard off. */
#include "store.h"

/* Parameters: centre x2, district x2. A district's news are those of the
 * centres serving it; its events are those held there. */
#define NEWS_SCOPE                                                                       \
	"(? = 0 OR n.centre_id = ?) AND (? = 0 OR EXISTS (SELECT 1 FROM centre_districts cd " \
	"WHERE cd.centre_id = n.centre_id AND cd.district_id = ?)) "
#define EVENTS_SCOPE "(? = 0 OR e.centre_id = ?) AND (? = 0 OR e.district_id = ?) "
#define EPOCH "'1970-01-01 00:00:00'"

/* Parameters: news?, scope, events?, scope, limit. The newest first; news
 * before events published in the same second. */
DB_QUERY(q_feed_items,
         "SELECT 'news' AS kind, n.id, n.title, n.summary, n.body, n.published_at AS published, c.short_name, "
         "c.email, n.status, NULL, '', NULL FROM news n JOIN centres c ON c.id = n.centre_id "
         "WHERE ? = 1 AND n.status = 'published' AND " NEWS_SCOPE
         "UNION ALL "
         "SELECT 'event', e.id, e.title, e.summary, e.description, e.created_at, c.short_name, c.email, "
         "e.status, e.starts_at, e.place, d.name FROM events e JOIN centres c ON c.id = e.centre_id "
         "LEFT JOIN districts d ON d.id = e.district_id "
         "WHERE ? = 1 AND e.status IN ('published', 'cancelled') AND " EVENTS_SCOPE
         "ORDER BY published DESC, kind DESC, id DESC LIMIT ?");
/* Drafts count too: taking an item down changes the feed. Any centre's
 * change counts, as items carry their centre's name and e-mail. */
DB_QUERY(q_feed_last_change,
         "SELECT GREATEST("
         "COALESCE((SELECT MAX(n.updated_at) FROM news n WHERE ? = 1 AND " NEWS_SCOPE "), " EPOCH "), "
         "COALESCE((SELECT MAX(e.updated_at) FROM events e WHERE ? = 1 AND " EVENTS_SCOPE "), " EPOCH "), "
         "COALESCE((SELECT MAX(c.updated_at) FROM centres c), " EPOCH "))");
DB_QUERY(q_feed_services,
         "SELECT s.id, s.title, s.summary, s.updated_at, c.short_name, c.email, cat.name "
         "FROM services s JOIN centres c ON c.id = s.centre_id JOIN categories cat ON cat.id = s.category_id "
         "WHERE s.status = 'active' ORDER BY s.updated_at DESC, s.id DESC LIMIT ?");
DB_QUERY(q_feed_services_last_change,
         "SELECT GREATEST(COALESCE((SELECT MAX(updated_at) FROM services), " EPOCH "), "
         "COALESCE((SELECT MAX(updated_at) FROM centres), " EPOCH "))");
DB_QUERY(q_calendar_events,
         "SELECT e.id, e.title, e.summary, e.description, e.starts_at, e.ends_at, e.place, e.online_url, "
         "e.registration_url, e.status, e.created_at, e.updated_at, d.name, c.short_name, c.email "
         "FROM events e JOIN centres c ON c.id = e.centre_id LEFT JOIN districts d ON d.id = e.district_id "
         "WHERE e.status IN ('published', 'cancelled') AND (? = 0 OR e.centre_id = ?) "
         "ORDER BY e.starts_at DESC, e.id DESC LIMIT ?");
DB_QUERY(q_district_by_slug_full,
         "SELECT d.id, d.slug, d.name, d.kind, d.oktmo FROM districts d WHERE d.slug = ?");

/* Binds "flag, scope" (5 parameters) for one kind of item into p. */
static void bind_scope(struct db_param *p, bool wanted, const struct feed_scope *s)
{
	p[0] = P_INT(wanted ? 1 : 0);
	p[1] = P_INT(s->centre_id), p[2] = P_INT(s->centre_id);
	p[3] = P_INT(s->district_id), p[4] = P_INT(s->district_id);
}

/* News and events of a scope, newest first. */
struct db_rows *feed_items(arena *mem, const struct feed_scope *s, int limit)
{
	struct db_param p[11];
	bind_scope(p, s->news, s);
	bind_scope(p + 5, s->events, s);
	p[10] = P_INT(limit);
	return db_select(mem, &q_feed_items, p, 11);
}

/* The newest change under a scope, drafts included. */
struct db_rows *feed_last_change(arena *mem, const struct feed_scope *s)
{
	struct db_param p[10];
	bind_scope(p, s->news, s);
	bind_scope(p + 5, s->events, s);
	return db_select(mem, &q_feed_last_change, p, 10);
}

/* Active services, the latest changed first. */
struct db_rows *feed_services(arena *mem, int limit)
{
	struct db_param p[] = { P_INT(limit) };
	return db_select(mem, &q_feed_services, p, 1);
}

/* The newest change of any service or centre. */
struct db_rows *feed_services_last_change(arena *mem)
{
	return db_select(mem, &q_feed_services_last_change, NULL, 0);
}

/* Public events of a centre (0 = all), the latest start first. */
struct db_rows *calendar_events(arena *mem, long long centre_id, int limit)
{
	struct db_param p[] = { P_INT(centre_id), P_INT(centre_id), P_INT(limit) };
	return db_select(mem, &q_calendar_events, p, 3);
}

/* A district's row by its slug. */
struct db_rows *district_by_slug(arena *mem, const char *slug)
{
	struct db_param p[] = { P_TEXT(slug) };
	return db_select(mem, &q_district_by_slug_full, p, 1);
}
