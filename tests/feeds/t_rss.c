/* t_rss.c: the RSS feeds. Every feed of the site (news, services, each
 * centre, each district) is parsed and validated against feeds/rss-2.0.rng;
 * items link to their own pages with that link as permalink guid; the
 * news feed carries yandex:full-text; what each feed lists is compared with
 * the database; a stored news item full of markup characters and an emoji
 * comes out well-formed and unchanged; pages advertise the feeds. */
#include "check.h"

#include <stdlib.h>

#define CT_RSS "application/rss+xml; charset=utf-8"
#define FEED_MAX_ITEMS 50
/* A title and texts with every character XML treats specially, an emoji
 * (4 bytes of UTF-8) and a control character XML cannot carry. */
#define HOSTILE_TITLE "Проверка <b>&amp; \"кавычки\" 'апостроф' 🎉 < & > ]]>"
#define HOSTILE_SUMMARY "Сводка: <script>alert(1)</script> & «ёлки» 🎄"
#define HOSTILE_BODY "Текст с <i>разметкой</i>,\nамперсандом & и эмодзи 🚀.\nКонец."

/* Every feed path of the site. */
static long feed_paths(const char ***out)
{
	char ***centres, ***districts;
	long nc = sql_rows("SELECT slug FROM centres ORDER BY id", &centres);
	long nd = sql_rows("SELECT slug FROM districts ORDER BY id", &districts);
	if (nc < 0 || nd < 0)
		return -1;
	const char **paths = c_alloc((size_t)(nc + nd + 2) * sizeof *paths);
	long n = 0;
	paths[n++] = "/feeds/news.rss";
	paths[n++] = "/feeds/services.rss";
	for (long i = 0; i < nc; i++)
		paths[n++] = c_printf("/feeds/centres/%s.rss", centres[i][0]);
	for (long i = 0; i < nd; i++)
		paths[n++] = c_printf("/feeds/districts/%s.rss", districts[i][0]);
	*out = paths;
	return n;
}

/* GETs a feed, checks its type, parses and validates it. */
static xmlDocPtr valid_feed(const char *path)
{
	struct reply *r = fetch(path, CT_RSS);
	xmlDocPtr doc = r ? xml_parse(r) : NULL;
	return doc && xml_valid(doc, "rss-2.0.rng", r->url) ? doc : NULL;
}

/* Every feed of every centre and district against the RELAX NG schema. */
static void every_feed_validates(void)
{
	const char **paths;
	long n = feed_paths(&paths);
	CHECK(n > 2, "no centres or districts in the database");
	for (long i = 0; i < n; i++)
		CHECK(valid_feed(fresh(paths[i])) != NULL, "feed %s", paths[i]);
}

/* The channel and item rules RELAX NG cannot say, for one feed. */
static void check_feed_rules(const char *path)
{
	xmlDocPtr doc = valid_feed(path);
	CHECK(doc != NULL, "feed %s", path);
	CHECK_STR(xpath_text(doc, "/rss/channel/atom:link[@rel='self']/@href"), c_printf("%s%s", env_url(), path),
	          c_printf("%s: atom:link rel=self", path));
	CHECK(xpath_count(doc, "//item") <= FEED_MAX_ITEMS, "%s has more than %d items", path, FEED_MAX_ITEMS);
	CHECK(xpath_count(doc, "//item[not(guid[@isPermaLink='true'] = link)]") == 0,
	      "%s: an item whose guid is not its permalink", path);
	const char *own_page = c_printf("//item[not(starts-with(link, '%s/news/') or starts-with(link, '%s/events/') or "
	                                "starts-with(link, '%s/services/'))]", env_url(), env_url(), env_url());
	CHECK(xpath_count(doc, own_page) == 0, "%s: an item that does not link to its own page", path);
	CHECK(xpath_count(doc, "//item[not(pubDate) or not(category) or not(author) or not(title)]") == 0,
	      "%s: an item without pubDate, category, author or title", path);
}

/* The rules of check_feed_rules() on every feed. */
static void items_link_their_own_pages(void)
{
	const char **paths;
	long n = feed_paths(&paths);
	CHECK(n > 2, "no centres or districts in the database");
	for (long i = 0; i < n; i++) {
		check_feed_rules(paths[i]);
		CHECK(!c_failed(), "feed %s", paths[i]);
	}
}

/* The newest published news, newest first, as the feed must list them. */
static void news_feed_matches_database(void)
{
	char ***rows;
	long n = sql_rows("SELECT n.id, n.title, n.body FROM news n WHERE n.status = 'published' "
	                  "ORDER BY n.published_at DESC, n.id DESC LIMIT 50", &rows);
	xmlDocPtr doc = valid_feed(fresh("/feeds/news.rss"));
	CHECK(n >= 0 && doc != NULL, "news.rss");
	CHECK_INT(xpath_count(doc, "//item"), n, "items in news.rss");
	CHECK(xpath_count(doc, "/rss[namespace::yandex = 'http://news.yandex.ru']") == 1, "no xmlns:yandex");
	for (long i = 0; i < n; i++) {
		const char *item = c_printf("//item[%ld]", i + 1);
		CHECK_STR(xpath_text(doc, c_printf("%s/link", item)), c_printf("%s/news/%s", env_url(), rows[i][0]),
		          c_printf("link of item %ld", i + 1));
		CHECK_STR(xpath_text(doc, c_printf("%s/title", item)), rows[i][1], c_printf("title of item %ld", i + 1));
		CHECK_STR(xpath_text(doc, c_printf("%s/yandex:full-text", item)), rows[i][2],
		          c_printf("yandex:full-text of item %ld", i + 1));
	}
}

/* Items of a feed (news and events), as "kind/id" in feed order. */
static void check_scope(const char *path, const char *sql)
{
	char ***rows;
	long n = sql_rows(sql, &rows);
	xmlDocPtr doc = valid_feed(fresh(path));
	CHECK(n >= 0 && doc != NULL, "%s", path);
	CHECK_INT(xpath_count(doc, "//item"), n, c_printf("items in %s", path));
	for (long i = 0; i < n; i++)
		CHECK_STR(xpath_text(doc, c_printf("//item[%ld]/link", i + 1)),
		          c_printf("%s/%s/%s", env_url(), rows[i][0], rows[i][1]), c_printf("%s item %ld", path, i + 1));
}

#define NEWS_ITEMS(where) \
	"SELECT 'news' k, n.id, n.published_at t FROM news n WHERE n.status = 'published' AND " where
#define EVENT_ITEMS(where)                                                                     \
	"SELECT 'events' k, e.id, e.created_at t FROM events e WHERE e.status IN ('published', " \
	"'cancelled') AND " where
#define ITEMS_ORDER " ORDER BY t DESC, k = 'news' DESC, id DESC LIMIT 50"

/* The first centre's feed against its news and events. */
static void centre_feed_matches_database(void)
{
	char *slug = sql_text("SELECT slug FROM centres ORDER BY id LIMIT 1");
	CHECK(slug != NULL, "no centre");
	const char *where = c_printf("centre_id = (SELECT id FROM centres WHERE slug = %s)", sql_quote(slug));
	check_scope(c_printf("/feeds/centres/%s.rss", slug),
	            c_printf(NEWS_ITEMS("n.%s") " UNION ALL " EVENT_ITEMS("e.%s") ITEMS_ORDER, where, where));
}

/* Khabarovsk's feed against the news and events in its scope. */
static void district_feed_matches_database(void)
{
	const char *d = "(SELECT id FROM districts WHERE slug = 'khabarovsk')";
	check_scope("/feeds/districts/khabarovsk.rss",
	            c_printf(NEWS_ITEMS("n.centre_id IN (SELECT centre_id FROM centre_districts WHERE district_id = %s)")
	                     " UNION ALL " EVENT_ITEMS("e.district_id = %s") ITEMS_ORDER, d, d));
}

/* services.rss against the latest changed active services. */
static void services_feed_matches_database(void)
{
	char ***rows;
	long n = sql_rows("SELECT s.id, s.title, DATE_FORMAT(s.updated_at, '%a, %d %b %Y %H:%i:%s +0000') "
	                  "FROM services s WHERE s.status = 'active' ORDER BY s.updated_at DESC, s.id DESC LIMIT 50",
	                  &rows);
	xmlDocPtr doc = valid_feed(fresh("/feeds/services.rss"));
	CHECK(n > 0 && doc != NULL, "services.rss");
	CHECK_INT(xpath_count(doc, "//item"), n, "items in services.rss");
	for (long i = 0; i < n; i++) {
		const char *item = c_printf("//item[%ld]", i + 1);
		CHECK_STR(xpath_text(doc, c_printf("%s/guid", item)), c_printf("%s/services/%s", env_url(), rows[i][0]),
		          "guid");
		CHECK_STR(xpath_text(doc, c_printf("%s/title", item)), rows[i][1], "title");
		CHECK_STR(xpath_text(doc, c_printf("%s/pubDate", item)), rows[i][2], "pubDate (RFC 822, the update)");
	}
}

/* One item of a feed, found by its link, must carry exactly what is stored. */
static void check_hostile_item(const char *path, const char *link)
{
	xmlDocPtr doc = valid_feed(fresh(path));
	CHECK(doc != NULL, "%s with the hostile item", path);
	const char *item = c_printf("//item[link = '%s']", link);
	CHECK(xpath_count(doc, item) == 1, "%s does not list %s", path, link);
	CHECK_STR(xpath_text(doc, c_printf("%s/title", item)), HOSTILE_TITLE, c_printf("%s: title", path));
	CHECK_STR(xpath_text(doc, c_printf("%s/description", item)), HOSTILE_SUMMARY, c_printf("%s: description", path));
}

/* Stores a news item full of markup and an emoji; reads it back. */
static void hostile_news_comes_out_well_formed(void)
{
	char *centre = sql_text("SELECT slug FROM centres ORDER BY id LIMIT 1");
	CHECK(centre != NULL, "no centre");
	bool ok = sql_exec(c_printf("INSERT INTO news (centre_id, title, summary, body, status, published_at) "
	                            "SELECT id, %s, %s, CONCAT(%s, CHAR(1), ''), 'published', UTC_TIMESTAMP() "
	                            "FROM centres WHERE slug = %s",
	                            sql_quote(HOSTILE_TITLE), sql_quote(HOSTILE_SUMMARY), sql_quote(HOSTILE_BODY),
	                            sql_quote(centre)));
	char *id = ok ? sql_text("SELECT MAX(id) FROM news") : NULL;
	CHECK(id != NULL, "could not store the news item");
	sql_later(c_printf("DELETE FROM news WHERE id = %s", id));
	const char *link = c_printf("%s/news/%s", env_url(), id);
	check_hostile_item("/feeds/news.rss", link);
	check_hostile_item(c_printf("/feeds/centres/%s.rss", centre), link);
	xmlDocPtr doc = valid_feed(fresh("/feeds/news.rss"));
	CHECK(doc != NULL, "news.rss");
	CHECK_STR(xpath_text(doc, c_printf("//item[link = '%s']/yandex:full-text", link)), HOSTILE_BODY,
	          "yandex:full-text (the control character dropped, the rest unchanged)");
}

/* Feeds of things that do not exist. */
static void unknown_centre_or_district_is_404(void)
{
	CHECK_INT(http_get("/feeds/centres/no-such-centre.rss", NULL)->status, 404, "unknown centre");
	CHECK_INT(http_get("/feeds/districts/no-such-district.rss", NULL)->status, 404, "unknown district");
}

/* <link rel="alternate" type="application/rss+xml" href="..."> in a page. */
static bool advertises(const char *page, const char *feed)
{
	struct reply *r = fetch(page, "text/html; charset=utf-8");
	if (r == NULL)
		return false;
	const char *tag = "<link rel=\"alternate\" type=\"application/rss+xml\"";
	const char *href = c_printf("href=\"%s\"", feed);
	for (const char *p = strstr(r->body, tag); p; p = strstr(p + 1, tag)) {
		const char *end = strchr(p, '>');
		if (end && strstr(p, href) && strstr(p, href) < end)
			return true;
	}
	return false;
}

/* The layout advertises news.rss; a centre's page its own feed too. */
static void pages_advertise_feeds(void)
{
	char *slug = sql_text("SELECT slug FROM centres ORDER BY id LIMIT 1");
	CHECK(slug != NULL, "no centre");
	CHECK(advertises("/", "/feeds/news.rss"), "the home page does not advertise /feeds/news.rss");
	CHECK(advertises("/services", "/feeds/news.rss"), "the catalogue does not advertise /feeds/news.rss");
	const char *page = c_printf("/centres/%s", slug), *feed = c_printf("/feeds/centres/%s.rss", slug);
	CHECK(advertises(page, feed), "%s does not advertise %s", page, feed);
}

const struct check rss_checks[] = {
	{ "RSS: every feed is well-formed and valid against feeds/rss-2.0.rng", every_feed_validates },
	{ "RSS: atom:link self, at most 50 items, guid = permalink to the item's own page", items_link_their_own_pages },
	{ "RSS: news.rss lists the published news, newest first, with yandex:full-text", news_feed_matches_database },
	{ "RSS: a centre's feed lists its news and events", centre_feed_matches_database },
	{ "RSS: a district's feed lists news of centres serving it and events held there",
	  district_feed_matches_database },
	{ "RSS: services.rss lists active services by last change, pubDate in RFC 822", services_feed_matches_database },
	{ "RSS: a news item with <, &, quotes, emoji and a control character comes out well-formed",
	  hostile_news_comes_out_well_formed },
	{ "RSS: unknown centre or district feed is 404", unknown_centre_or_district_is_404 },
	{ "RSS: pages advertise the feeds with <link rel=alternate>", pages_advertise_feeds },
	CHECK_END,
};
