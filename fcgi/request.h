/* request.h: an HTTP request as handlers see it, already parsed and checked.
 * Parsing never depends on FastCGI, so the parser can be unit-tested and
 * fuzzed on its own. */
#ifndef RCHUB_REQUEST_H
#define RCHUB_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"

/* Hard input limits; every rejection names the limit it hit. */
#define REQ_MAX_URI        4096   /* whole request URI, bytes (longer: 414) */
#define REQ_MAX_PATH       1024   /* decoded path, bytes (longer: 414) */
#define REQ_MAX_FIELDS     64     /* query or form fields (more: 400) */
#define REQ_MAX_FIELD_LEN  16384  /* one decoded field value, bytes (more: 400) */
#define REQ_MAX_BODY       65536  /* form body, bytes (more: 413) */
#define REQ_MAX_COOKIES    32     /* cookies in the Cookie header */
#define REQ_MAX_COOKIE_LEN 4096   /* the whole Cookie header, bytes */
#define REQ_MAX_PARAMS     4      /* path parameters of a route */

enum http_method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER,
	METHOD__MAX
};

struct field {
	const char *name;
	const char *value;
	size_t len;
};

struct field_list {
	struct field *items;
	size_t count;
};

struct user;

struct request {
	arena *mem;
	const struct user *user;  /* signed-in user, NULL when anonymous */
	const char *session_token; /* raw token from the cookie, when valid */
	const char *new_csrf;      /* anonymous CSRF token made for this response */
	enum http_method method;
	const char *uri;          /* raw request URI as received */
	const char *path;         /* percent-decoded, valid UTF-8 */
	const char *query_string; /* raw query string, "" when none */
	struct field_list query;
	struct field_list form;
	struct field_list cookies;
	struct field params[REQ_MAX_PARAMS]; /* from the route pattern */
	size_t nparams;
	const char *if_none_match;
	time_t if_modified_since; /* 0 when absent or not an HTTP date */
	const char *remote_addr;
	const char *error;        /* Russian explanation when parsing failed */
	int error_status;
};

enum http_method method_from_string(const char *s);
const char *method_name(enum http_method m);

/* Decodes %XX escapes (and '+' as space when plus_is_space) from src[0..len)
 * into dst, which must hold len + 1 bytes. Returns the decoded length, or -1
 * on a malformed escape. RFC 3986 section 2.1. */
long percent_decode(char *dst, const char *src, size_t len, bool plus_is_space);

/* True when s[0..len) is well-formed UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF) and contains no NUL or C0 control other
 * than tab, CR and LF. */
bool utf8_valid(const char *s, size_t len);

/* Parses application/x-www-form-urlencoded text into a field list.
 * Returns 0, or an HTTP status (400) with req->error set. */
int parse_urlencoded(struct request *req, const char *s, size_t len, struct field_list *out);

/* Parses a Cookie header (RFC 6265 section 4.2). Malformed pairs are skipped:
 * a bad cookie must not lock a user out of the site. */
int parse_cookies(struct request *req, const char *header, struct field_list *out);

/* Splits and decodes the request URI into path and query.
 * Returns 0, or 400/414 with req->error set. */
int parse_uri(struct request *req, const char *uri);

/* Parses everything a handler may read. body may be NULL.
 * Returns 0, or the 4xx status to answer with req->error set. */
int request_parse(struct request *req, const char *method, const char *uri,
                  const char *cookie_header, const char *content_type,
                  const char *body, size_t body_len);

/* First value of a field, or NULL when it is absent. */
const char *field_get(const struct field_list *list, const char *name);
const char *request_query(const struct request *req, const char *name);
const char *request_form(const struct request *req, const char *name);
const char *request_cookie(const struct request *req, const char *name);
const char *request_param(const struct request *req, const char *name);

#endif
