/* feeds/rss.h: RSS 2.0 documents (https://www.rssboard.org/rss-specification)
 * from plain structs, so the writer knows nothing of the database. */
#ifndef RCHUB_FEEDS_RSS_H
#define RCHUB_FEEDS_RSS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../fcgi/arena.h"

#define RSS_MAX_ITEMS 50 /* a feed keeps the newest items only */

struct rss_channel {
	const char *title;
	const char *link;        /* the HTML page the feed follows */
	const char *description;
	const char *self_url;    /* the feed's own address (atom:link rel="self") */
	time_t last_build;       /* the newest change; 0 = unknown */
	bool yandex;             /* add yandex:full-text for Russian news aggregators */
};

struct rss_item {
	const char *title;
	const char *link;         /* the item's own page, also its permalink guid */
	const char *description;  /* the short text */
	const char *full_text;    /* plain text for yandex:full-text; NULL = none */
	const char *category;
	const char *author_email; /* the centre: <author>email (name)</author> */
	const char *author_name;
	time_t pub_date;
};

/* The document in the arena with *len; NULL when libxml2 failed. */
char *rss_write(arena *mem, const struct rss_channel *ch, const struct rss_item *items, size_t n, size_t *len);

#endif
