/* handlers/news.c: the news of every centre in one place (/news, newest
 * first, filter by centre) and one item (/news/{id}). Only published items
 * exist for the public: a draft's address answers 404. */
#include "handlers.h"

#include <string.h>

#include "../timefmt.h"
#include "../validate.h"

#define NEWS_PAGE_SIZE 10

/* The list's parameters, in the order links are written. */
enum { NQ_CENTRE, NQ_PAGE, NQ__MAX };
static const char *const news_params[NQ__MAX] = {
	"centre", /* NQ_CENTRE: centre slug */
	"page",   /* NQ_PAGE: 1..PAGE_MAX */
};

void add_news_card(tpl_dict *list, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_dict *s = tpl_include(tpl_section(list, "NEWS"), "NEWS_CARD", "news_card.tpl");
	tpl_set(s, "ID", db_cell(r, i, NEWS_ID));
	tpl_set(s, "TITLE", db_cell(r, i, NEWS_TITLE));
	tpl_set(s, "SUMMARY", db_cell(r, i, NEWS_SUMMARY));
	tpl_set(s, "CENTRE_SLUG", db_cell(r, i, NEWS_CENTRE_SLUG));
	tpl_set(s, "CENTRE_NAME", db_cell(r, i, NEWS_CENTRE_NAME));
	tpl_set(s, "DATE", format_date_ru(mem, db_cell(r, i, NEWS_PUBLISHED_AT)));
	tpl_set(s, "DATE_ISO", format_datetime_input(mem, db_cell(r, i, NEWS_PUBLISHED_AT)));
}

/* Reads and validates the filters; returns 0, or the status already sent. */
static int read_news_filters(struct request *req, struct response *resp, struct link_param *params,
                             long long *centre_id, int *page)
{
	for (int i = 0; i < NQ__MAX; i++) {
		params[i].name = news_params[i];
		params[i].value = query_value(req, news_params[i]);
	}
	*centre_id = 0;
	int rc;
	if ((rc = check_page(req, resp, params[NQ_PAGE].value, page)) ||
	    (rc = resolve_slug(req, resp, "centre", params[NQ_CENTRE].value, centre_id_by_slug, centre_id)))
		return rc;
	return 0;
}

/* GET /news: published news of every centre or one, newest first. */
void handle_news(struct request *req, struct response *resp)
{
	struct link_param params[NQ__MAX];
	long long centre_id;
	int page;
	if (read_news_filters(req, resp, params, &centre_id, &page) != 0)
		return;
	struct db_rows *centres = centres_all(req->mem);
	long long total = news_published_count(req->mem, centre_id);
	if (centres == NULL || total < 0) {
		page_db_failure(req, resp);
		return;
	}
	int pages = (int)((total + NEWS_PAGE_SIZE - 1) / NEWS_PAGE_SIZE);
	if (page > 1 && page > pages) {
		page_error(req, resp, 404, "Такой страницы новостей нет: новостей меньше. Вернитесь к первой странице.");
		return;
	}
	struct db_rows *rows = news_published(req->mem, centre_id, NEWS_PAGE_SIZE, (page - 1) * NEWS_PAGE_SIZE);
	if (rows == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "news.tpl", "Новости ресурсных центров", NAV_NEWS);
	fill_centre_options(p.content, "CENTRE_OPTION", centres, params[NQ_CENTRE].value);
	tpl_set_int(p.content, "TOTAL", total);
	for (size_t i = 0; i < rows->nrows; i++)
		add_news_card(p.content, req->mem, rows, i);
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(tpl_include(p.content, "PAGINATION_NAV", "pagination.tpl"), req->mem, "/news", params,
	                NQ__MAX, NQ_PAGE, page, pages);
	page_finish(&p, resp, 200);
}

/* GET /news/{id}: one published item. */
void handle_news_item(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	struct db_rows *r = news_by_id(req->mem, id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0 || strcmp(db_cell(r, 0, NEWS_STATUS), "published") != 0) {
		page_error(req, resp, 404, "Новость не найдена. Возможно, ссылка устарела; все новости — в разделе «Новости».");
		return;
	}
	struct page p;
	page_begin(&p, req, "news_item.tpl", db_cell(r, 0, NEWS_TITLE), NAV_NEWS);
	tpl_set(p.content, "SUMMARY", db_cell(r, 0, NEWS_SUMMARY));
	tpl_set(p.content, "BODY", db_cell(r, 0, NEWS_BODY));
	tpl_set(p.content, "CENTRE_SLUG", db_cell(r, 0, NEWS_CENTRE_SLUG));
	tpl_set(p.content, "CENTRE_NAME", db_cell(r, 0, NEWS_CENTRE_NAME));
	tpl_set(p.content, "DATE", format_date_ru(req->mem, db_cell(r, 0, NEWS_PUBLISHED_AT)));
	tpl_set(p.content, "DATE_ISO", format_datetime_input(req->mem, db_cell(r, 0, NEWS_PUBLISHED_AT)));
	page_finish(&p, resp, 200);
}
