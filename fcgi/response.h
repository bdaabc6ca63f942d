/* response.h: what a handler answers. Headers are produced in one place,
 * response_head(), so every page carries the same security headers. */
#ifndef RCHUB_RESPONSE_H
#define RCHUB_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "request.h"

#define RESP_MAX_HEADERS 8

#define CT_HTML "text/html; charset=utf-8"

/* Cache policies a handler chooses from. */
#define CACHE_PUBLIC  "public, max-age=5"   /* anonymous pages; nginx micro-caches them this long */
#define CACHE_PRIVATE "private, no-store"   /* pages for one signed-in user, errors */

struct header {
	const char *name;
	const char *value;
};

struct response {
	arena *mem;
	int status;
	const char *content_type;
	const char *cache_control;
	const char *body;
	size_t body_len;
	bool etag;                  /* compute a strong ETag from the body */
	time_t last_modified;       /* 0 = none; else sent as Last-Modified, checked against If-Modified-Since */
	bool personal;              /* for this visitor only: never publicly cached */
	struct header headers[RESP_MAX_HEADERS];
	size_t nheaders;
};

void response_init(struct response *resp, arena *mem);
/* Adds a header; names and values must not contain CR or LF. */
void response_header(struct response *resp, const char *name, const char *value);
/* Sets the body (copied into the arena) with its content type. */
void response_body(struct response *resp, int status, const char *content_type, const char *body, size_t len);
/* 303 See Other (after POST) or 301/302 to location. */
void response_redirect(struct response *resp, int status, const char *location);

const char *status_reason(int status);

/* Writes the CGI response head ("Status: ...\r\n...\r\n\r\n") into buf and
 * returns its length. Turns a 200 the client already has (its ETag, or no
 * newer than its If-Modified-Since) into 304; *send_body says whether the
 * body follows (not for HEAD or 304). A head that does not fit in cap
 * becomes a bare 500 (0 if even that does not fit). */
size_t response_head(const struct request *req, struct response *resp, char *buf, size_t cap, bool *send_body);

#endif
