/* handlers/events.c: the events of every centre (/events: upcoming ones
 * soonest first, past ones under ?when=past; filters by centre and district)
 * and one event (/events/{id}). Times are shown in the region's time zone.
 * A cancelled event stays visible and says so; a draft answers 404. */
#include "handlers.h"

#include <string.h>

#include "../config.h"
#include "../timefmt.h"
#include "../validate.h"

#define EVENTS_PAGE_SIZE 10
#define TIME_OF_INPUT 11 /* "HH:MM" starts here in "YYYY-MM-DDTHH:MM" */

/* The list's parameters, in the order links are written. */
enum { EQ_CENTRE, EQ_DISTRICT, EQ_WHEN, EQ_PAGE, EQ__MAX };
static const char *const event_params[EQ__MAX] = {
	"centre",   /* EQ_CENTRE: centre slug */
	"district", /* EQ_DISTRICT: district slug */
	"when",     /* EQ_WHEN: event_when_labels value; absent = upcoming */
	"page",     /* EQ_PAGE: 1..PAGE_MAX */
};

/* "1 декабря 2026, 14:00–16:00", or both dates when it spans several days. */
static const char *event_when(arena *mem, const char *starts, const char *ends)
{
	const char *start = format_datetime_ru(mem, starts);
	if (strcmp(format_date_ru(mem, starts), format_date_ru(mem, ends)) != 0)
		return arena_printf(mem, "%s — %s", start, format_datetime_ru(mem, ends));
	const char *end = format_datetime_input(mem, ends);
	return arena_printf(mem, "%s–%s", start, strlen(end) > TIME_OF_INPUT ? end + TIME_OF_INPUT : "");
}

/* Where an event is, as one line: district and place, or online. */
static const char *event_where(arena *mem, const struct db_rows *r, size_t i)
{
	const char *place = db_cell(r, i, EVENT_PLACE), *district = db_cell(r, i, EVENT_DISTRICT_NAME);
	bool online = db_cell(r, i, EVENT_ONLINE_URL)[0] != '\0';
	if (place[0] == '\0')
		return "Онлайн";
	const char *where = district ? arena_printf(mem, "%s, %s", district, place) : place;
	return online ? arena_printf(mem, "%s; можно участвовать онлайн", where) : where;
}

/* The values every view of an event shows (list columns of row i). */
static void fill_event(tpl_dict *s, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_set(s, "ID", db_cell(r, i, EVENT_ID));
	tpl_set(s, "TITLE", db_cell(r, i, EVENT_TITLE));
	tpl_set(s, "SUMMARY", db_cell(r, i, EVENT_SUMMARY));
	tpl_set(s, "CENTRE_SLUG", db_cell(r, i, EVENT_CENTRE_SLUG));
	tpl_set(s, "CENTRE_NAME", db_cell(r, i, EVENT_CENTRE_NAME));
	tpl_set(s, "WHEN", event_when(mem, db_cell(r, i, EVENT_STARTS_AT), db_cell(r, i, EVENT_ENDS_AT)));
	tpl_set(s, "WHEN_ISO", format_datetime_input(mem, db_cell(r, i, EVENT_STARTS_AT)));
	tpl_set(s, "WHERE", event_where(mem, r, i));
	if (strcmp(db_cell(r, i, EVENT_STATUS), "cancelled") == 0)
		tpl_show(s, "CANCELLED");
}

void add_event_card(tpl_dict *list, arena *mem, const struct db_rows *r, size_t i)
{
	fill_event(tpl_include(tpl_section(list, "EVENT"), "EVENT_CARD", "event_card.tpl"), mem, r, i);
}

/* Reads and validates the filters; returns 0, or the status already sent. */
static int read_event_filters(struct request *req, struct response *resp, struct link_param *params,
                              struct event_filter *f, int *page)
{
	for (int i = 0; i < EQ__MAX; i++) {
		params[i].name = event_params[i];
		params[i].value = query_value(req, event_params[i]);
	}
	memset(f, 0, sizeof *f);
	int rc;
	if ((rc = check_page(req, resp, params[EQ_PAGE].value, page)) ||
	    (rc = check_enum(req, resp, "when", params[EQ_WHEN].value, event_when_labels)) ||
	    (rc = resolve_slug(req, resp, "centre", params[EQ_CENTRE].value, centre_id_by_slug, &f->centre_id)) ||
	    (rc = resolve_slug(req, resp, "district", params[EQ_DISTRICT].value, district_id_by_slug, &f->district_id)))
		return rc;
	f->past = params[EQ_WHEN].value != NULL && strcmp(params[EQ_WHEN].value, "past") == 0;
	return 0;
}

/* The filter form and the link to the other half (upcoming / past). */
static void fill_event_filters(tpl_dict *d, arena *mem, struct link_param *params, const struct event_filter *f,
                               const struct db_rows *centres, const struct db_rows *districts)
{
	fill_centre_options(d, "CENTRE_OPTION", centres, params[EQ_CENTRE].value);
	fill_district_options(d, "DISTRICT_OPTION", districts, params[EQ_DISTRICT].value);
	struct link_param other[EQ__MAX];
	memcpy(other, params, sizeof other);
	other[EQ_WHEN].value = f->past ? NULL : "past";
	other[EQ_PAGE].value = NULL;
	tpl_set(d, "OTHER_URL", build_link(mem, "/events", other, EQ__MAX));
	tpl_show(d, f->past ? "PAST" : "UPCOMING");
	if (f->past)
		tpl_set(d, "WHEN_VALUE", "past");
}

/* GET /events: upcoming (or past) events, filtered. */
void handle_events(struct request *req, struct response *resp)
{
	struct link_param params[EQ__MAX];
	struct event_filter f;
	int page;
	if (read_event_filters(req, resp, params, &f, &page) != 0)
		return;
	struct db_rows *centres = centres_all(req->mem), *districts = districts_all(req->mem);
	long long total = events_public_count(req->mem, &f);
	if (centres == NULL || districts == NULL || total < 0) {
		page_db_failure(req, resp);
		return;
	}
	int pages = (int)((total + EVENTS_PAGE_SIZE - 1) / EVENTS_PAGE_SIZE);
	if (page > 1 && page > pages) {
		page_error(req, resp, 404, "Такой страницы мероприятий нет: мероприятий меньше. Вернитесь к первой странице.");
		return;
	}
	struct db_rows *rows = events_public(req->mem, &f, EVENTS_PAGE_SIZE, (page - 1) * EVENTS_PAGE_SIZE);
	if (rows == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "events.tpl", f.past ? "Прошедшие мероприятия" : "Мероприятия", NAV_EVENTS);
	fill_event_filters(p.content, req->mem, params, &f, centres, districts);
	tpl_set_int(p.content, "TOTAL", total);
	for (size_t i = 0; i < rows->nrows; i++)
		add_event_card(p.content, req->mem, rows, i);
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(tpl_include(p.content, "PAGINATION_NAV", "pagination.tpl"), req->mem, "/events", params,
	                EQ__MAX, EQ_PAGE, page, pages);
	page_finish(&p, resp, 200);
}

/* GET /events/{id}: one public event. */
void handle_event(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	struct db_rows *r = event_by_id(req->mem, id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0 || strcmp(db_cell(r, 0, EVENT_STATUS), "draft") == 0) {
		page_error(req, resp, 404, "Мероприятие не найдено. Возможно, ссылка устарела; все мероприятия — в разделе «Мероприятия».");
		return;
	}
	struct page p;
	page_begin(&p, req, "event.tpl", db_cell(r, 0, EVENT_TITLE), NAV_EVENTS);
	fill_event(p.content, req->mem, r, 0);
	tpl_set(p.content, "DESCRIPTION", db_cell(r, 0, EVENT_DESCRIPTION));
	const struct config *cfg = config_current();
	tpl_set(p.content, "REGION_NAME", cfg ? cfg->region_name : "");
	set_optional(p.content, "HAS_DISTRICT", "DISTRICT_NAME", db_cell(r, 0, EVENT_DISTRICT_NAME));
	tpl_set(p.content, "DISTRICT_SLUG", db_cell(r, 0, EVENT_DISTRICT_SLUG));
	set_optional(p.content, "HAS_PLACE", "PLACE", db_cell(r, 0, EVENT_PLACE));
	set_optional(p.content, "HAS_ONLINE", "ONLINE_URL", db_cell(r, 0, EVENT_ONLINE_URL));
	set_optional(p.content, "HAS_REGISTRATION", "REGISTRATION_URL", db_cell(r, 0, EVENT_REGISTRATION_URL));
	page_finish(&p, resp, 200);
}
