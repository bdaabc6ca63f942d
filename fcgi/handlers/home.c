/* handlers/home.c: the home page: what the platform is, quick search, the
 * centres, the newest services, the latest news and the upcoming events. */
#include "handlers.h"

#define HOME_NEWEST_SERVICES 6
#define HOME_LATEST_NEWS 3
#define HOME_UPCOMING_EVENTS 3

void handle_home(struct request *req, struct response *resp)
{
	struct db_rows *centres = centres_all(req->mem);
	struct db_rows *newest = services_newest(req->mem, HOME_NEWEST_SERVICES);
	struct db_rows *stats = catalogue_stats(req->mem);
	struct db_rows *news = news_published(req->mem, 0, HOME_LATEST_NEWS, 0);
	struct event_filter upcoming = { 0, 0, false };
	struct db_rows *events = events_public(req->mem, &upcoming, HOME_UPCOMING_EVENTS, 0);
	if (centres == NULL || newest == NULL || stats == NULL || stats->nrows == 0 || news == NULL || events == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "home.tpl", "Единая площадка ресурсных центров для НКО", NAV_HOME);
	tpl_set(p.content, "STAT_SERVICES", db_cell(stats, 0, STATS_SERVICES));
	tpl_set(p.content, "STAT_NGOS", db_cell(stats, 0, STATS_NGOS));
	tpl_set(p.content, "STAT_DISTRICTS", db_cell(stats, 0, STATS_DISTRICTS));
	tpl_set(p.content, "STAT_CENTRES", db_cell(stats, 0, STATS_CENTRES));
	for (size_t i = 0; i < centres->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "CENTRE");
		tpl_set(s, "CENTRE_SLUG", db_cell(centres, i, CENTRE_SLUG));
		tpl_set(s, "CENTRE_NAME", db_cell(centres, i, CENTRE_SHORT_NAME));
		tpl_set(s, "CENTRE_DISTRICT", db_cell(centres, i, CENTRE_DISTRICT_NAME));
	}
	for (size_t i = 0; i < newest->nrows; i++)
		add_service_card(p.content, newest, i);
	for (size_t i = 0; i < news->nrows; i++)
		add_news_card(p.content, req->mem, news, i);
	for (size_t i = 0; i < events->nrows; i++)
		add_event_card(p.content, req->mem, events, i);
	if (news->nrows == 0)
		tpl_show(p.content, "NO_NEWS");
	if (events->nrows == 0)
		tpl_show(p.content, "NO_EVENTS");
	page_finish(&p, resp, 200);
}
