/* handlers/feeds.c: the RSS feeds (/feeds/news.rss, /feeds/centres/{slug}.rss,
 * /feeds/districts/{slug}.rss, /feeds/services.rss) and the iCalendar
 * calendars (/events.ics, /centres/{slug}/events.ics). Rows become the plain
 * structs of the writers in feeds/; every answer carries an ETag and a
 * Last-Modified (the newest change in its scope) for conditional GET. */
#include "handlers.h"

#include <string.h>

#include "../../feeds/ical.h"
#include "../../feeds/rss.h"
#include "../config.h"
#include "../timefmt.h"

#define CT_RSS "application/rss+xml; charset=utf-8"
#define CT_CALENDAR "text/calendar; charset=utf-8"

/* Every feed and export answers through here: one place for their headers. */
void feed_respond(struct request *req, struct response *resp, const char *content_type, const char *body,
                  size_t len, time_t modified)
{
	if (body == NULL) {
		page_error(req, resp, 500, "Не удалось сформировать файл. Попробуйте позже.");
		return;
	}
	response_body(resp, 200, content_type, body, len);
	resp->cache_control = CACHE_PUBLIC;
	resp->etag = true;
	resp->last_modified = modified;
}

/* base_url + path. */
static const char *site_url(arena *mem, const char *path)
{
	return arena_printf(mem, "%s%s", config_current()->base_url, path);
}

/* The time in the one-cell result of a "last change" query (0 if none). */
static time_t last_change(const struct db_rows *r)
{
	time_t t = 0;
	if (r->nrows > 0)
		parse_utc(db_cell(r, 0, 0), &t);
	return t;
}

/* ---- RSS ---------------------------------------------------------------- */

/* "Начало: 25 ноября 2026, 14:00. Место: ..." after an event's summary. */
static const char *event_description(arena *mem, const struct db_rows *r, size_t i)
{
	const char *place = db_cell(r, i, FEED_PLACE), *district = db_cell(r, i, FEED_DISTRICT_NAME);
	const char *where = place && place[0] ? place : district ? district : "онлайн";
	return arena_printf(mem, "%s\nНачало: %s. Место: %s.", db_cell(r, i, FEED_SUMMARY),
	                    format_datetime_ru(mem, db_cell(r, i, FEED_STARTS_AT)), where);
}

/* Row i of feed_items() as an RSS item. */
static void news_or_event_item(arena *mem, const struct db_rows *r, size_t i, struct rss_item *it)
{
	bool news = strcmp(db_cell(r, i, FEED_KIND), "news") == 0;
	const char *title = db_cell(r, i, FEED_TITLE);
	bool cancelled = strcmp(db_cell(r, i, FEED_STATUS), "cancelled") == 0;
	it->title = cancelled ? arena_printf(mem, "Отменено: %s", title) : title;
	it->link = site_url(mem, arena_printf(mem, "/%s/%s", news ? "news" : "events", db_cell(r, i, FEED_ID)));
	it->description = news ? db_cell(r, i, FEED_SUMMARY) : event_description(mem, r, i);
	it->full_text = db_cell(r, i, FEED_TEXT);
	it->category = news ? "Новости" : "Мероприятия";
	it->author_email = db_cell(r, i, FEED_CENTRE_EMAIL);
	it->author_name = db_cell(r, i, FEED_CENTRE_NAME);
	parse_utc(db_cell(r, i, FEED_PUBLISHED_AT), &it->pub_date);
}

/* Answers the RSS feed of ch with the items of scope s. */
static void send_items_feed(struct request *req, struct response *resp, const struct feed_scope *s,
                            struct rss_channel *ch)
{
	struct db_rows *r = feed_items(req->mem, s, RSS_MAX_ITEMS);
	struct db_rows *changed = r ? feed_last_change(req->mem, s) : NULL;
	if (changed == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct rss_item *items = arena_calloc(req->mem, r->nrows + 1, sizeof *items);
	for (size_t i = 0; i < r->nrows; i++)
		news_or_event_item(req->mem, r, i, &items[i]);
	ch->last_build = last_change(changed);
	size_t len = 0;
	char *body = rss_write(req->mem, ch, items, r->nrows, &len);
	feed_respond(req, resp, CT_RSS, body, len, ch->last_build);
}

/* GET /feeds/news.rss: the news of every centre, with Yandex's full text. */
void handle_feed_news(struct request *req, struct response *resp)
{
	const struct config *cfg = config_current();
	struct feed_scope s = { .news = true };
	struct rss_channel ch = {
		.title = arena_printf(req->mem, "Новости ресурсных центров НКО — %s", cfg->region_name),
		.link = site_url(req->mem, "/news"),
		.description = "Новости всех ресурсных центров поддержки некоммерческих организаций региона.",
		.self_url = site_url(req->mem, "/feeds/news.rss"),
		.yandex = true,
	};
	send_items_feed(req, resp, &s, &ch);
}

/* GET /feeds/centres/{slug}.rss: a centre's news and events. */
void handle_feed_centre(struct request *req, struct response *resp)
{
	const char *slug = request_param(req, "slug");
	struct db_rows *c = centre_by_slug(req->mem, slug);
	if (c == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (c->nrows == 0) {
		page_error(req, resp, 404, "Ресурсный центр не найден. Выберите центр из списка.");
		return;
	}
	struct feed_scope s = { .news = true, .events = true, .centre_id = db_cell_int(c, 0, CENTRE_ID) };
	struct rss_channel ch = {
		.title = arena_printf(req->mem, "%s: новости и мероприятия", db_cell(c, 0, CENTRE_SHORT_NAME)),
		.link = site_url(req->mem, arena_printf(req->mem, "/centres/%s", slug)),
		.description = arena_printf(req->mem, "Новости и мероприятия: %s.", db_cell(c, 0, CENTRE_NAME)),
		.self_url = site_url(req->mem, arena_printf(req->mem, "/feeds/centres/%s.rss", slug)),
	};
	send_items_feed(req, resp, &s, &ch);
}

/* GET /feeds/districts/{slug}.rss: news of the centres serving a district
 * and the events held in it. */
void handle_feed_district(struct request *req, struct response *resp)
{
	const char *slug = request_param(req, "slug");
	struct db_rows *d = district_by_slug(req->mem, slug);
	if (d == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (d->nrows == 0) {
		page_error(req, resp, 404, "Такого района нет. Выберите район в каталоге услуг.");
		return;
	}
	const char *name = db_cell(d, 0, DISTRICT_NAME);
	struct feed_scope s = { .news = true, .events = true, .district_id = db_cell_int(d, 0, DISTRICT_ID) };
	struct rss_channel ch = {
		.title = arena_printf(req->mem, "%s: новости и мероприятия для НКО", name),
		.link = site_url(req->mem, arena_printf(req->mem, "/services?district=%s", slug)),
		.description = arena_printf(req->mem, "Новости ресурсных центров, которые работают в районе «%s», "
		                                      "и мероприятия, которые там проходят.", name),
		.self_url = site_url(req->mem, arena_printf(req->mem, "/feeds/districts/%s.rss", slug)),
	};
	send_items_feed(req, resp, &s, &ch);
}

/* Row i of feed_services() as an RSS item. */
static void service_item(arena *mem, const struct db_rows *r, size_t i, struct rss_item *it)
{
	it->title = db_cell(r, i, FEED_SERVICE_TITLE);
	it->link = site_url(mem, arena_printf(mem, "/services/%s", db_cell(r, i, FEED_SERVICE_ID)));
	it->description = db_cell(r, i, FEED_SERVICE_SUMMARY);
	it->category = db_cell(r, i, FEED_SERVICE_CATEGORY);
	it->author_email = db_cell(r, i, FEED_SERVICE_CENTRE_EMAIL);
	it->author_name = db_cell(r, i, FEED_SERVICE_CENTRE_NAME);
	parse_utc(db_cell(r, i, FEED_SERVICE_UPDATED_AT), &it->pub_date);
}

/* GET /feeds/services.rss: services by their last change. */
void handle_feed_services(struct request *req, struct response *resp)
{
	struct db_rows *r = feed_services(req->mem, RSS_MAX_ITEMS);
	struct db_rows *changed = r ? feed_services_last_change(req->mem) : NULL;
	if (changed == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct rss_item *items = arena_calloc(req->mem, r->nrows + 1, sizeof *items);
	for (size_t i = 0; i < r->nrows; i++)
		service_item(req->mem, r, i, &items[i]);
	struct rss_channel ch = {
		.title = arena_printf(req->mem, "Новые и изменённые услуги для НКО — %s", config_current()->region_name),
		.link = site_url(req->mem, "/services"),
		.description = "Услуги ресурсных центров, добавленные или изменённые последними.",
		.self_url = site_url(req->mem, "/feeds/services.rss"),
		.last_build = last_change(changed),
	};
	size_t len = 0;
	char *body = rss_write(req->mem, &ch, items, r->nrows, &len);
	feed_respond(req, resp, CT_RSS, body, len, ch.last_build);
}

/* ---- iCalendar ---------------------------------------------------------- */

/* The host of the site's base URL ("nko.example.ru"), for event UIDs. */
static const char *site_host(arena *mem)
{
	const char *url = config_current()->base_url, *start = strstr(url, "://");
	start = start ? start + 3 : url;
	return arena_strndup(mem, start, strcspn(start, ":/"));
}

/* The place of row i: "place, district", or the online address. */
static const char *event_location(arena *mem, const struct db_rows *r, size_t i)
{
	const char *place = db_cell(r, i, CAL_PLACE), *district = db_cell(r, i, CAL_DISTRICT_NAME);
	const char *online = db_cell(r, i, CAL_ONLINE_URL);
	if (place[0] && district)
		return arena_printf(mem, "%s, %s", place, district);
	if (place[0] || district)
		return place[0] ? place : district;
	return online[0] ? arena_printf(mem, "Онлайн: %s", online) : "";
}

/* The summary, the description, and the links to register and to join. */
static const char *event_text(arena *mem, const struct db_rows *r, size_t i)
{
	const char *text = arena_printf(mem, "%s\n\n%s", db_cell(r, i, CAL_SUMMARY), db_cell(r, i, CAL_DESCRIPTION));
	const char *reg = db_cell(r, i, CAL_REGISTRATION_URL), *online = db_cell(r, i, CAL_ONLINE_URL);
	if (reg[0])
		text = arena_printf(mem, "%s\n\nРегистрация: %s", text, reg);
	if (online[0])
		text = arena_printf(mem, "%s\n\nСсылка для участия: %s", text, online);
	return text;
}

/* Row i of calendar_events() as an iCalendar event. */
static void calendar_event(arena *mem, const struct db_rows *r, size_t i, struct ical_event *e)
{
	e->id = db_cell_int(r, i, CAL_ID);
	e->summary = db_cell(r, i, CAL_TITLE);
	e->description = event_text(mem, r, i);
	e->location = event_location(mem, r, i);
	e->url = site_url(mem, arena_printf(mem, "/events/%lld", e->id));
	e->organizer_name = db_cell(r, i, CAL_CENTRE_NAME);
	e->organizer_email = db_cell(r, i, CAL_CENTRE_EMAIL);
	parse_utc(db_cell(r, i, CAL_STARTS_AT), &e->start);
	parse_utc(db_cell(r, i, CAL_ENDS_AT), &e->end);
	parse_utc(db_cell(r, i, CAL_CREATED_AT), &e->created);
	parse_utc(db_cell(r, i, CAL_UPDATED_AT), &e->modified);
	e->cancelled = strcmp(db_cell(r, i, CAL_STATUS), "cancelled") == 0;
}

/* Answers the calendar called name with the events of a centre (0 = all). */
static void send_calendar(struct request *req, struct response *resp, long long centre_id, const char *name)
{
	struct feed_scope s = { .events = true, .centre_id = centre_id };
	struct db_rows *r = calendar_events(req->mem, centre_id, ICAL_MAX_EVENTS);
	struct db_rows *changed = r ? feed_last_change(req->mem, &s) : NULL;
	if (changed == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct ical_event *ev = arena_calloc(req->mem, r->nrows + 1, sizeof *ev);
	for (size_t i = 0; i < r->nrows; i++)
		calendar_event(req->mem, r, i, &ev[i]);
	struct ical_calendar cal = { name, config_current()->time_zone, site_host(req->mem) };
	size_t len = 0;
	char *body = ical_write(req->mem, &cal, ev, r->nrows, &len);
	feed_respond(req, resp, CT_CALENDAR, body, len, last_change(changed));
}

/* GET /events.ics: the public events of every centre. */
void handle_calendar(struct request *req, struct response *resp)
{
	send_calendar(req, resp, 0, arena_printf(req->mem, "Мероприятия для НКО — %s", config_current()->region_name));
}

/* GET /centres/{slug}/events.ics: a centre's public events. */
void handle_centre_calendar(struct request *req, struct response *resp)
{
	struct db_rows *c = centre_by_slug(req->mem, request_param(req, "slug"));
	if (c == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (c->nrows == 0) {
		page_error(req, resp, 404, "Ресурсный центр не найден. Выберите центр из списка.");
		return;
	}
	send_calendar(req, resp, db_cell_int(c, 0, CENTRE_ID),
	              arena_printf(req->mem, "Мероприятия: %s", db_cell(c, 0, CENTRE_SHORT_NAME)));
}
