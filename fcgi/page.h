/* page.h: renders an HTML page inside the shared layout, and the error pages
 * (400, 404, 405, 414, 500, 503) in the same layout. */
#ifndef RCHUB_PAGE_H
#define RCHUB_PAGE_H

#include "request.h"
#include "response.h"
#include "tpl.h"

/* Navigation sections, so the layout can mark the current one. */
enum nav_item { NAV_NONE, NAV_HOME, NAV_CENTRES, NAV_SERVICES, NAV_NGOS, NAV_NEWS, NAV_EVENTS, NAV_PROJECTS, NAV_QUALITY, NAV__MAX };

struct page {
	struct request *req;
	tpl_dict *root;     /* layout values: title, navigation */
	tpl_dict *content;  /* the page's own template; falls back to root */
};

/* Starts a page whose body is content_template, titled title. */
void page_begin(struct page *p, struct request *req, const char *content_template,
                const char *title, enum nav_item nav);
/* Advertises an RSS feed in the page's head (<link rel="alternate">); every
 * page already advertises the news of all centres. */
void page_add_feed(struct page *p, const char *title, const char *url);
/* Renders the page into resp with status; frees the dictionaries. */
void page_finish(struct page *p, struct response *resp, int status);

/* An error page with a Russian message saying what was wrong. */
void page_error(struct request *req, struct response *resp, int status, const char *message);
/* 400 naming the query parameter whose value was not accepted. */
void page_bad_param(struct request *req, struct response *resp, const char *param);
/* After a failed query: 503 with Retry-After while the database is away, else 500. */
void page_db_failure(struct request *req, struct response *resp);

/* handlers/accessibility.c: the version for the visually impaired (cookie
 * rchub_a11y) and the print view (?print=1). a11y_fill_layout sets the
 * layout's classes of <html>, the settings link or panel, and the print link
 * (not on forms and error pages); a11y_active says the page is personalised. */
void a11y_fill_layout(struct request *req, tpl_dict *root, const char *content_template);
bool a11y_active(const struct request *req);
/* The colour scheme chosen there ("bw", "wb", "blue", "brown"), NULL while
 * the version is off: what a chart drawn on the server paints with. */
const char *a11y_colours(const struct request *req);

/* Process-wide values shown on every page, set once at start-up. */
void page_set_site(const char *site_name, const char *region_name);

#endif
