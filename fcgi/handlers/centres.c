/* handlers/centres.c: the list of resource centres and a centre's profile
 * with its contacts, hours, districts served, newest services (with a link to
 * all of them in the catalogue), latest news and upcoming events. */
#include "handlers.h"

#define CENTRE_LATEST_NEWS 3
#define CENTRE_UPCOMING_EVENTS 3
#define CENTRE_SERVICES_SHOWN 30 /* the newest; the catalogue lists all of them */

/* The columns every view of a centre shows. */
static void fill_centre(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_set(d, "CENTRE_SLUG", db_cell(r, i, CENTRE_SLUG));
	tpl_set(d, "CENTRE_NAME", db_cell(r, i, CENTRE_NAME));
	tpl_set(d, "CENTRE_SHORT_NAME", db_cell(r, i, CENTRE_SHORT_NAME));
	tpl_set(d, "CENTRE_DESCRIPTION", db_cell(r, i, CENTRE_DESCRIPTION));
	tpl_set(d, "CENTRE_DISTRICT", db_cell(r, i, CENTRE_DISTRICT_NAME));
	tpl_set(d, "CENTRE_ADDRESS", db_cell(r, i, CENTRE_ADDRESS));
	tpl_set(d, "CENTRE_PHONE", db_cell(r, i, CENTRE_PHONE));
	tpl_set(d, "CENTRE_EMAIL", db_cell(r, i, CENTRE_EMAIL));
	tpl_set(d, "CENTRE_HOURS", db_cell(r, i, CENTRE_HOURS));
	fill_count(d, mem, "CENTRE_SERVICE_COUNT", "CENTRE_SERVICE_WORD", db_cell_int(r, i, CENTRE_SERVICE_COUNT),
	           "услуга", "услуги", "услуг");
	if (db_cell_int(r, i, CENTRE_IS_DEMO))
		tpl_show(d, "CENTRE_DEMO");
}

void handle_centres(struct request *req, struct response *resp)
{
	struct db_rows *r = centres_all(req->mem);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "centres.tpl", "Ресурсные центры", NAV_CENTRES);
	tpl_set_int(p.content, "TOTAL", (long long)r->nrows);
	for (size_t i = 0; i < r->nrows; i++)
		fill_centre(tpl_section(p.content, "CENTRE"), req->mem, r, i);
	page_finish(&p, resp, 200);
}

void handle_centre(struct request *req, struct response *resp)
{
	struct db_rows *r = centre_by_slug(req->mem, request_param(req, "slug"));
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0) {
		page_error(req, resp, 404, "Ресурсный центр не найден. Выберите центр из списка.");
		return;
	}
	long long id = db_cell_int(r, 0, CENTRE_ID);
	struct db_rows *ds = centre_districts(req->mem, id);
	struct db_rows *svc = services_of_centre(req->mem, id, CENTRE_SERVICES_SHOWN);
	struct db_rows *news = news_published(req->mem, id, CENTRE_LATEST_NEWS, 0);
	struct event_filter upcoming = { id, 0, false };
	struct db_rows *events = events_public(req->mem, &upcoming, CENTRE_UPCOMING_EVENTS, 0);
	if (ds == NULL || svc == NULL || news == NULL || events == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "centre.tpl", db_cell(r, 0, CENTRE_SHORT_NAME), NAV_CENTRES);
	page_add_feed(&p, arena_printf(req->mem, "%s: новости и мероприятия", db_cell(r, 0, CENTRE_SHORT_NAME)),
	              arena_printf(req->mem, "/feeds/centres/%s.rss", db_cell(r, 0, CENTRE_SLUG)));
	fill_centre(p.content, req->mem, r, 0);
	set_optional(p.content, "HAS_WEBSITE", "CENTRE_WEBSITE", db_cell(r, 0, CENTRE_WEBSITE));
	set_optional(p.content, "HAS_INN", "CENTRE_INN", db_cell(r, 0, CENTRE_INN));
	set_optional(p.content, "HAS_OGRN", "CENTRE_OGRN", db_cell(r, 0, CENTRE_OGRN));
	for (size_t i = 0; i < ds->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "DISTRICT");
		tpl_set(s, "DISTRICT_NAME", db_cell(ds, i, DISTRICT_NAME));
		tpl_set(s, "DISTRICT_SLUG", db_cell(ds, i, DISTRICT_SLUG));
	}
	for (size_t i = 0; i < svc->nrows; i++)
		add_service_card(p.content, svc, i);
	if (db_cell_int(r, 0, CENTRE_SERVICE_COUNT) > (long long)svc->nrows)
		tpl_show(p.content, "ALL_SERVICES");
	for (size_t i = 0; i < news->nrows; i++)
		add_news_card(p.content, req->mem, news, i);
	for (size_t i = 0; i < events->nrows; i++)
		add_event_card(p.content, req->mem, events, i);
	if (news->nrows == 0)
		tpl_show(p.content, "NO_NEWS");
	if (events->nrows == 0)
		tpl_show(p.content, "NO_EVENTS");
	if (fill_centre_quality(req, p.content, id) != 0) {
		tpl_dict_free(p.root);
		page_db_failure(req, resp);
		return;
	}
	page_finish(&p, resp, 200);
}
