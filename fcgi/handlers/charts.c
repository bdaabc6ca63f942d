/* handlers/charts.c: answering a chart that svg.c drew, for any page that
 * refers to one with <img> (/quality, /coverage, /survival). A chart is an
 * image: it cannot see the page's stylesheet, so in the version for the
 * visually impaired it is drawn in that version's colours, and such an
 * answer is the visitor's own (never publicly cached; nginx also bypasses
 * its micro-cache for the rchub_a11y cookie). */
#include "handlers.h"

#include "../svg.h"

/* The colours of the visitor's scheme (the site's own when the version is off). */
const struct svg_palette *chart_palette(const struct request *req)
{
	return svg_palette(a11y_colours(req));
}

/* 200 image/svg+xml, cached like an anonymous page unless personal. */
void chart_respond(struct request *req, struct response *resp, const char *svg, size_t len)
{
	if (svg == NULL) {
		page_error(req, resp, 500, "Не удалось построить диаграмму. Данные диаграммы есть в таблице на странице.");
		return;
	}
	response_body(resp, 200, CT_SVG, svg, len);
	if (a11y_active(req)) {
		resp->personal = true;
		return;
	}
	resp->cache_control = CACHE_PUBLIC;
	resp->etag = true;
	response_header(resp, "Vary", "Cookie");
}
