/* router.h: matches a method and path against a table of routes.
 * Patterns are literal segments and parameters: "/centres/{slug}",
 * "/services/{id}", "/feeds/centres/{slug}.rss". A parameter's name picks its
 * validator ({id}: positive integer, {slug}: slug, {name}: any segment), so a
 * handler only ever sees a checked value. */
#ifndef RCHUB_ROUTER_H
#define RCHUB_ROUTER_H

#include "request.h"

struct response;
typedef void (*handler_fn)(struct request *req, struct response *resp);

struct route {
	enum http_method method;
	const char *pattern;
	handler_fn handler;
	int min_role; /* enum role (auth.h): who may use it; 0 = anyone */
};

/* Finds the route for req->method and req->path, filling req->params.
 * Returns it, or NULL with *status 404 (no such path) or 405 (path exists,
 * method does not). HEAD matches GET routes. */
const struct route *router_match(const struct route *table, size_t n, struct request *req, int *status);

/* The methods the table accepts for req->path, as an "Allow" header value
 * ("GET, HEAD" or "GET, HEAD, POST" or "POST"), for a 405 answer. */
const char *router_allowed(const struct route *table, size_t n, struct request *req);

#endif
