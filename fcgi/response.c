/* response.c: status lines and headers for every answer, in one place:
 * Content-Type with charset, Cache-Control, ETag, and the security headers
 * (CSP without inline script, nosniff, referrer policy, frame denial). */
#include "response.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "timefmt.h"

static const char security_headers[] =
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: strict-origin-when-cross-origin\r\n"
    "X-Frame-Options: DENY\r\n"
    "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'\r\n";

void response_init(struct response *resp, arena *mem)
{
	memset(resp, 0, sizeof *resp);
	resp->mem = mem;
	resp->status = 200;
	resp->content_type = CT_HTML;
	resp->cache_control = CACHE_PRIVATE;
	resp->body = "";
}

void response_header(struct response *resp, const char *name, const char *value)
{
	if (resp->nheaders >= RESP_MAX_HEADERS || strpbrk(name, "\r\n") || strpbrk(value, "\r\n"))
		return;
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders].value = value;
	resp->nheaders++;
}

void response_body(struct response *resp, int status, const char *content_type, const char *body, size_t len)
{
	resp->status = status;
	resp->content_type = content_type;
	resp->body = arena_strndup(resp->mem, body, len);
	resp->body_len = len;
}

void response_redirect(struct response *resp, int status, const char *location)
{
	resp->status = status;
	resp->body = "";
	resp->body_len = 0;
	response_header(resp, "Location", location);
}

const char *status_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

/* FNV-1a, 64 bits: cheap, and collisions only cost a re-download. */
static uint64_t fnv1a(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* True when an If-None-Match list names etag (weak forms compare equal). */
static bool etag_matches(const char *header, const char *etag)
{
	return header != NULL && (strcmp(header, "*") == 0 || strstr(header, etag) != NULL);
}

/* Replaces a head that did not fit in buf (a long Location, say) with a bare
 * 500: a head cut off before its blank line is not a response at all. Returns
 * 0 when even that does not fit. */
static size_t overflow_head(struct response *resp, char *buf, size_t cap, bool *send_body)
{
	resp->status = 500;
	*send_body = false;
	int n = snprintf(buf, cap, "Status: 500 %s\r\nContent-Length: 0\r\nCache-Control: %s\r\n%s\r\n",
	                 status_reason(500), CACHE_PRIVATE, security_headers);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* RFC 9110 section 13.2.2: If-None-Match decides when the request has it;
 * otherwise If-Modified-Since, which only GET and HEAD honour. */
static bool not_modified(const struct request *req, const struct response *resp, const char *etag)
{
	if (req->if_none_match != NULL)
		return etag[0] != '\0' && etag_matches(req->if_none_match, etag);
	return resp->last_modified > 0 && req->if_modified_since >= resp->last_modified &&
	       (req->method == METHOD_GET || req->method == METHOD_HEAD);
}

size_t response_head(const struct request *req, struct response *resp, char *buf, size_t cap, bool *send_body)
{
	char etag[24] = "";
	if (resp->etag && resp->status == 200)
		snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)fnv1a(resp->body, resp->body_len));
	if (resp->status == 200 && not_modified(req, resp, etag))
		resp->status = 304;
	char last_modified[TIMEFMT_RFC1123_MAX] = "";
	if (resp->last_modified > 0)
		format_rfc1123(last_modified, sizeof last_modified, resp->last_modified, "GMT");
	*send_body = resp->status != 304 && req->method != METHOD_HEAD;
	int n = snprintf(buf, cap, "Status: %d %s\r\n", resp->status, status_reason(resp->status));
	size_t len = n > 0 ? (size_t)n : 0;
#define APPEND(...)                                                          \
	do {                                                                 \
		int m_ = snprintf(buf + (len < cap ? len : cap), len < cap ? cap - len : 0, __VA_ARGS__); \
		if (m_ > 0)                                                  \
			len += (size_t)m_;                                   \
	} while (0)
	if (resp->status != 304 && resp->body_len > 0)
		APPEND("Content-Type: %s\r\nContent-Length: %zu\r\n", resp->content_type, resp->body_len);
	else if (resp->status != 304)
		APPEND("Content-Length: 0\r\n");
	APPEND("Cache-Control: %s\r\n", resp->cache_control);
	if (etag[0])
		APPEND("ETag: %s\r\n", etag);
	if (last_modified[0])
		APPEND("Last-Modified: %s\r\n", last_modified);
	for (size_t i = 0; i < resp->nheaders; i++)
		APPEND("%s: %s\r\n", resp->headers[i].name, resp->headers[i].value);
	APPEND("%s\r\n", security_headers);
#undef APPEND
	return len < cap ? len : overflow_head(resp, buf, cap, send_body);
}
