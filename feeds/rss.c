/* feeds/rss.c: writes RSS 2.0 with libxml2. Every item links to its own
 * page and uses that permalink as its guid; dates are RFC 822 in UTC
 * ("+0000"); the author is the centre, "email (name)" as RSS 2.0 asks. The
 * channel points at itself with atom:link rel="self" (RSS Advisory Board
 * best practice), and the news feed carries each item's full text in
 * Yandex's extension (xmlns:yandex="http://news.yandex.ru"). */
#include "rss.h"

#include "../fcgi/timefmt.h"
#include "xmlout.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_YANDEX "http://news.yandex.ru"
#define RSS_TYPE "application/rss+xml"

/* <name>RFC 822 date</name>. */
static void date_element(struct xml_out *x, const char *name, time_t t)
{
	char date[TIMEFMT_RFC1123_MAX];
	if (format_rfc1123(date, sizeof date, t, "+0000") > 0)
		xml_element(x, name, date);
}

/* <guid isPermaLink="true">link</guid>. */
static void guid_element(struct xml_out *x, const char *link)
{
	xml_start(x, "guid");
	xml_attr(x, "isPermaLink", "true");
	xml_text(x, link);
	xml_end(x);
}

/* One <item>: title, own page, text, author centre, permalink guid, date. */
static void write_item(struct xml_out *x, const struct rss_item *it, bool yandex)
{
	xml_start(x, "item");
	xml_element(x, "title", it->title);
	xml_element(x, "link", it->link);
	xml_element(x, "description", it->description);
	if (it->author_email && it->author_email[0])
		xml_element(x, "author", arena_printf(x->mem, "%s (%s)", it->author_email, it->author_name));
	xml_element(x, "category", it->category);
	guid_element(x, it->link);
	date_element(x, "pubDate", it->pub_date);
	if (yandex)
		xml_element(x, "yandex:full-text", it->full_text);
	xml_end(x);
}

/* The channel's own elements, before its items. */
static void write_channel_head(struct xml_out *x, const struct rss_channel *ch)
{
	xml_element(x, "title", ch->title);
	xml_element(x, "link", ch->link);
	xml_element(x, "description", ch->description);
	xml_element(x, "language", "ru");
	if (ch->last_build > 0)
		date_element(x, "lastBuildDate", ch->last_build);
	xml_element(x, "docs", "https://www.rssboard.org/rss-specification");
	xml_start(x, "atom:link");
	xml_attr(x, "href", ch->self_url);
	xml_attr(x, "rel", "self");
	xml_attr(x, "type", RSS_TYPE);
	xml_end(x);
}

/* The whole <rss> document, at most RSS_MAX_ITEMS items. */
char *rss_write(arena *mem, const struct rss_channel *ch, const struct rss_item *items, size_t n, size_t *len)
{
	struct xml_out x;
	xml_begin(&x, mem);
	xml_start(&x, "rss");
	xml_attr(&x, "version", "2.0");
	xml_attr(&x, "xmlns:atom", NS_ATOM);
	if (ch->yandex)
		xml_attr(&x, "xmlns:yandex", NS_YANDEX);
	xml_start(&x, "channel");
	write_channel_head(&x, ch);
	for (size_t i = 0; i < n && i < RSS_MAX_ITEMS; i++)
		write_item(&x, &items[i], ch->yandex);
	xml_end(&x);
	xml_end(&x);
	return xml_finish(&x, len);
}
