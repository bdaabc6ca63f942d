/* http.c: the harness's HTTP client, one libcurl easy handle reused for the
 * whole run (keep-alive keeps the suite fast). Paths are sent exactly as
 * written (no dot squashing, no re-encoding), so tests can send malformed
 * percent-encoding and over-long URIs on purpose. Cookies are kept in the
 * handle's jar and dropped before each test. */
#include "e2e.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HTTP_TIMEOUT_SECONDS 10L
#define HTTP_MAX_HEADERS 64

static CURL *curl;

/* A growing byte buffer in plain malloc memory (handed to the test later). */
struct buffer {
	char *data;
	size_t len, cap;
};

static void buffer_add(struct buffer *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = realloc(b->data, cap);
		if (b->data == NULL)
			abort();
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	buffer_add(ctx, p, size * n);
	return size * n;
}

/* Keeps "Name: value" header lines; a new status line (after 100 Continue)
 * starts the list again. */
static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
	struct http_response *r = ctx;
	size_t len = size * n;
	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		r->nheaders = 0;
		return len;
	}
	const char *colon = memchr(p, ':', len);
	if (colon == NULL || r->nheaders >= HTTP_MAX_HEADERS)
		return len;
	const char *v = colon + 1, *end = p + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
		end--;
	r->headers[r->nheaders].name = t_strndup(p, (size_t)(colon - p));
	r->headers[r->nheaders].value = t_strndup(v, (size_t)(end - v));
	r->nheaders++;
	return len;
}

void http_init(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	curl = curl_easy_init();
	if (curl == NULL)
		abort();
	curl_easy_setopt(curl, CURLOPT_COOKIEFILE, ""); /* the cookie engine, no file */
	curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, HTTP_TIMEOUT_SECONDS);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
}

void http_cleanup(void)
{
	curl_easy_cleanup(curl);
	curl_global_cleanup();
}

void http_reset_cookies(void)
{
	curl_easy_setopt(curl, CURLOPT_COOKIELIST, "ALL");
}

static struct curl_slist *header_list(const char *const *headers)
{
	struct curl_slist *list = NULL;
	for (size_t i = 0; headers != NULL && headers[i] != NULL; i++)
		list = curl_slist_append(list, headers[i]);
	return list;
}

/* Sets the per-request options of rq on the shared handle; every option a
 * previous request may have set is set again, so requests do not leak into
 * each other (curl_easy_reset would also drop the cookie engine's setup). */
static void set_request(const struct http_request *rq, struct http_response *r, struct buffer *body,
                        struct curl_slist *headers)
{
	curl_easy_setopt(curl, CURLOPT_URL, r->url);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(curl, CURLOPT_NOBODY, strcmp(r->method, "HEAD") == 0 ? 1L : 0L);
	bool custom = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, custom ? r->method : NULL);
	if (rq->body != NULL) {
		curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)rq->body_len);
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, rq->body);
	}
}

struct http_response *http_do(const struct http_request *rq)
{
	struct http_response *r = t_alloc(sizeof *r);
	r->method = rq->method ? rq->method : "GET";
	r->url = t_printf("%s%s", e2e_base_url(), rq->path);
	r->headers = t_alloc(HTTP_MAX_HEADERS * sizeof *r->headers);
	struct buffer body = { 0 };
	struct curl_slist *headers = header_list(rq->headers);
	set_request(rq, r, &body, headers);
	CURLcode rc = curl_easy_perform(curl);
	curl_slist_free_all(headers);
	if (rc != CURLE_OK) {
		r->error = t_strdup(curl_easy_strerror(rc));
	} else {
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
	}
	r->body = body.data ? body.data : calloc(1, 1);
	r->body_len = body.len;
	t_defer(free, r->body);
	return r;
}

struct http_response *http_get(const char *path)
{
	return http_do(&(struct http_request){ .path = path });
}

struct http_response *http_head(const char *path)
{
	return http_do(&(struct http_request){ .method = "HEAD", .path = path });
}

struct http_response *http_method(const char *method, const char *path)
{
	return http_do(&(struct http_request){ .method = method, .path = path });
}

struct http_response *http_post_form(const char *path, const char *body)
{
	static const char *const form[] = { "Content-Type: application/x-www-form-urlencoded", NULL };
	return http_do(&(struct http_request){
		.method = "POST", .path = path, .headers = form, .body = body, .body_len = strlen(body) });
}

struct http_response *http_get_with(const char *path, const char *header)
{
	const char *headers[] = { header, NULL };
	return http_do(&(struct http_request){ .path = path, .headers = headers });
}

const char *http_header(const struct http_response *r, const char *name)
{
	for (size_t i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

size_t http_header_count(const struct http_response *r, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nheaders; i++)
		n += strcasecmp(r->headers[i].name, name) == 0;
	return n;
}

/* ---- URLs ------------------------------------------------------------ */

char *url_encode(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = t_alloc(strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	return out;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) (%XX and '+') into test-scoped memory. */
static char *url_decode(const char *s, size_t n)
{
	char *out = t_alloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
			*o++ = (char)(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
			i += 2;
		} else {
			*o++ = s[i] == '+' ? ' ' : s[i];
		}
	}
	return out;
}

/* The query part of a URL or href ("" when there is none). */
static const char *query_of(const char *url)
{
	const char *q = strchr(url, '?');
	return q ? q + 1 : "";
}

char *url_param(const char *url, const char *name)
{
	size_t nl = strlen(name);
	for (const char *p = query_of(url); *p;) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		if (eq && (size_t)(eq - p) == nl && memcmp(p, name, nl) == 0)
			return url_decode(eq + 1, len - nl - 1);
		p += len + (amp != NULL);
	}
	return NULL;
}

size_t url_param_count(const char *url)
{
	size_t n = 0;
	for (const char *p = query_of(url); *p;) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		n += len > 0;
		p += len + (amp != NULL);
	}
	return n;
}
