/* page.h: renders an HTML page inside the shared layout, and the error pages
 * (400, 404, 405, 414, 500, 503) in the same layout. */
#ifndef RCHUB_PAGE_H
#define RCHUB_PAGE_H

#include "request.h"
#include "response.h"
#include "tpl.h"

/* Navigation sections, so the layout can mark the current one. */
enum nav_item { NAV_NONE, NAV_HOME, NAV_CENTRES, NAV_SERVICES, NAV_NGOS, NAV__MAX };

struct page {
	struct request *req;
	tpl_dict *root;     /* layout values: title, navigation */
	tpl_dict *content;  /* the page's own template; falls back to root */
};

/* Starts a page whose body is content_template, titled title. */
void page_begin(struct page *p, struct request *req, const char *content_template,
                const char *title, enum nav_item nav);
/* Renders the page into resp with status; frees the dictionaries. */
void page_finish(struct page *p, struct response *resp, int status);

/* An error page with a Russian message saying what was wrong. */
void page_error(struct request *req, struct response *resp, int status, const char *message);
/* 400 naming the query parameter whose value was not accepted. */
void page_bad_param(struct request *req, struct response *resp, const char *param);
/* After a failed query: 503 with Retry-After while the database is away, else 500. */
void page_db_failure(struct request *req, struct response *resp);

/* Process-wide values shown on every page, set once at start-up. */
void page_set_site(const char *site_name, const char *region_name);

#endif
