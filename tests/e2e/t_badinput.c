/* t_badinput.c: input the program must refuse, and how: unknown filter
 * values (400 naming the parameter), malformed percent-encoding and invalid
 * UTF-8 in path and query (400), over-long URIs (414), ids and slugs that
 * name nothing (404), methods the site does not take (405). SQL and HTML
 * metacharacters in the search are plain text. Nothing here may give 5xx. */
#include "e2e.h"

#include <stdlib.h>
#include <string.h>

#define URI_LIMIT 4096 /* bytes of request URI the program accepts */

struct refusal {
	const char *path;
	int status;
	const char *h1;      /* expected h1 (and title) of the error page */
	const char *message; /* a fragment of the Russian error message (the
	                      * method, for t_error_title) */
};

/* A refusal as the site's own Russian page (from the program, or the static
 * page nginx serves for what it refuses itself): status, one h1, message. */
static void t_refusal(const void *arg)
{
	const struct refusal *rf = arg;
	struct http_response *r = http_get(rf->path);
	CHECK_STATUS(r, rf->status);
	CHECK_STR(http_header(r, "Content-Type"), "text/html; charset=utf-8", "Content-Type of the error page");
	struct html *h = html_parse(r);
	CHECK(html_count(h, "//header[@class='site-header']") == 1 && html_count(h, "/html[@lang='ru']") == 1,
	      "GET %s: the %d page is not the site's Russian page (got \"%s\")", rf->path, rf->status,
	      trim(html_text(h, "//title")));
	CHECK_CONTAINS(html_text(h, "//p[@class='error-message']"), rf->message,
	               t_printf("error message of GET %s", rf->path));
	CHECK_COUNT(h, "//h1", 1);
}

/* The h1 of an error page names the error (its title). */
static void t_error_title(const void *arg)
{
	const struct refusal *rf = arg;
	struct http_response *r = http_method(rf->message, rf->path);
	CHECK_STATUS(r, rf->status);
	struct html *h = html_parse(r);
	CHECK_STR(trim(html_text(h, "//title")), t_printf("%s — Ресурсные центры НКО", rf->h1), "<title>");
	CHECK_STR(trim(html_text(h, "//h1")), rf->h1, t_printf("h1 of the %d page", rf->status));
}

#define BAD_PARAM(query, param)                                                                 \
	{ "GET /services?" query ": 400 naming «" param "»", t_refusal,                          \
	  &(const struct refusal){ "/services?" query, 400, "Неверный запрос", "Параметр «" param "»" } }
#define BAD_ENCODING(path)                                                                       \
	{ "GET " path ": 400 with the Russian page (malformed encoding)", t_refusal,                                   \
	  &(const struct refusal){ path, 400, "Неверный запрос", "недопустимые символы" } }
#define NOT_FOUND(path)                                                                          \
	{ "GET " path ": 404", t_refusal,                                                        \
	  &(const struct refusal){ path, 404, "Страница не найдена", "не найден" } }
#define NO_SUCH_PAGE(path)                                                                       \
	{ "GET " path ": 404", t_refusal,                                                        \
	  &(const struct refusal){ path, 404, "Страница не найдена", "Такой страницы нет" } }

/* ---- methods ----------------------------------------------------------- */

struct method_case {
	const char *method;
	const char *path;
};

static void t_method(const void *arg)
{
	const struct method_case *mc = arg;
	struct http_response *r = http_method(mc->method, mc->path);
	CHECK_STATUS(r, 405);
	CHECK(http_header(r, "Allow") != NULL, "%s %s: 405 without Allow", mc->method, mc->path);
	CHECK_COUNT(html_parse(r), "//nav[@class='site-nav']", 1);
}

#define METHOD_TEST(m, path) \
	{ m " " path ": 405 with Allow", t_method, &(const struct method_case){ m, path } }

/* ---- long URIs ---------------------------------------------------------- */

/* /services?pad=aaa... of exactly len bytes: an unknown parameter, ignored. */
static char *uri_of_length(size_t len)
{
	static const char head[] = "/services?pad=";
	char *uri = t_alloc(len + 1);
	memcpy(uri, head, sizeof head - 1);
	memset(uri + sizeof head - 1, 'a', len - (sizeof head - 1));
	return uri;
}

static void t_uri_at_limit(const void *arg)
{
	struct http_response *r = http_get(uri_of_length(URI_LIMIT));
	CHECK(r->status == 200, "a URI of exactly %d bytes: expected 200, got %ld", URI_LIMIT, r->status);
}

/* Every length up to the limit is served, not only the limit itself (the
 * micro-cache stores the URI in its key: a long key must not break it). */
static void t_uri_lengths(const void *arg)
{
	char *bad = t_strdup("");
	for (size_t len = 1000; len <= URI_LIMIT; len += 25) {
		struct http_response *r = http_get(uri_of_length(len));
		if (r->status != 200)
			bad = t_printf("%s %zu:%ld", bad, len, r->status);
	}
	CHECK(bad[0] == '\0', "URIs (/services?pad=...) refused, as length:status:%s", bad);
}

static void t_uri_too_long(const void *arg)
{
	struct http_response *r = http_get(uri_of_length(URI_LIMIT + 1));
	CHECK(r->status == 414, "a URI of %d bytes: expected 414, got %ld", URI_LIMIT + 1, r->status);
	struct html *h = html_parse(r);
	CHECK_COUNT(h, "/html[@lang='ru']", 1);
	CHECK_CONTAINS(html_text(h, "//p[@class='error-message']"), "слишком длинный", "414 message");
}

static void t_path_too_long(const void *arg)
{
	char *path = t_alloc(1202);
	path[0] = '/';
	memset(path + 1, 'a', 1200);
	struct http_response *r = http_get(path);
	CHECK_STATUS(r, 414);
}

static void t_too_many_fields(const void *arg)
{
	char *q = t_strdup("/services?");
	for (int i = 0; i < 65; i++)
		q = t_printf("%s%sf%d=1", q, i ? "&" : "", i);
	struct http_response *r = http_get(q);
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "параметров",
	               "message for 65 fields");
}

static void t_body_too_large(const void *arg)
{
	size_t n = 70000;
	char *body = t_alloc(n + 1);
	memcpy(body, "q=", 2);
	memset(body + 2, 'a', n - 2);
	struct http_response *r = http_post_form("/services", body);
	CHECK_STATUS(r, 413);
}

/* ---- metacharacters in the search --------------------------------------- */

#define SQL_PAYLOAD "'; DROP TABLE services; --"
#define HTML_PAYLOAD "\"><script>alert(1)</script><input value=\""

static void t_sql_in_q(const void *arg)
{
	long long before = sql_count("SELECT COUNT(*) FROM services");
	struct html *h = html_get(t_printf("/services?q=%s", url_encode(SQL_PAYLOAD)));
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//input[@name='q']/@value"), SQL_PAYLOAD, "search box value");
	CHECK_INT(html_result_count(h), 1, "services whose text has the words drop, table, services");
	CHECK_COUNT(h, "//div[@class='service-list']//a[@href='/services/900001']", 1);
	CHECK_INT(sql_count("SELECT COUNT(*) FROM services"), before, "services in the database afterwards");
}

/* A classic tautology is text too: it must not list every service. */
static void t_sql_tautology(const void *arg)
{
	struct html *all = html_get("/services");
	struct html *h = html_get(t_printf("/services?q=%s", url_encode("x' OR '1'='1")));
	if (all == NULL || h == NULL)
		return;
	CHECK(html_result_count(h) < html_result_count(all), "q=x' OR '1'='1 lists every service");
}

static void t_html_in_q(const void *arg)
{
	struct http_response *r = http_get(t_printf("/services?q=%s", url_encode(HTML_PAYLOAD)));
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "<script>alert(1)", "raw page");
	struct html *h = html_parse(r);
	CHECK_COUNT(h, "//script", 0);
	CHECK_COUNT(h, "//input[@name='q']", 1);
	CHECK_STR(html_text(h, "//input[@name='q']/@value"), HTML_PAYLOAD, "search box value");
}

static void t_fulltext_operators(const void *arg)
{
	static const char *const qs[] = { "+-><()~*:\"@", "\"unclosed", "*", "a*b*c", "@distance 3", "-консультация" };
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		struct http_response *r = http_get(t_printf("/services?q=%s", url_encode(qs[i])));
		CHECK(r->status == 200, "q=%s: expected 200, got %ld", qs[i], r->status);
		struct http_response *n = http_get(t_printf("/ngos?q=%s", url_encode(qs[i])));
		CHECK(n->status == 200, "/ngos q=%s: expected 200, got %ld", qs[i], n->status);
	}
}

/* ---- nothing gives 5xx ----------------------------------------------------- */

static const char *const odd_paths[] = {
	"/services?q=%00", "/services?q=%", "/services?q=%%", "/services?=", "/services?&&&", "/services?q",
	"/services?q=&q=x", "/services?page=99999999999999999999", "/services?page=10000",
	"/services?page=4294967296", "/services?district=%2e%2e%2f", "/services?category=-",
	"/services?q=%F0%9F%98%80", "/services?q=%E2%80%8B", "/services?q=%EF%BB%BF",
	"/services?q=a%09b%0D%0Ac", "/ngos?q=%FF", "/ngos?page=-5", "/ngos?district=", "/ngos?q=2",
	"/services/%31", "/services/1%00", "/services/00001", "/services/+1", "/centres/a--b",
	"/centres/%D0%B0", "/./services", "/services/../ngos", "/%2e%2e/etc/passwd",
};

/* n copies of s, concatenated. */
static char *repeat(const char *s, int n)
{
	char *out = t_strdup("");
	for (int i = 0; i < n; i++)
		out = t_printf("%s%s", out, s);
	return out;
}

/* Inputs at the edges of the search and slug limits, built at run time. */
static const char *long_path(int i)
{
	switch (i) {
	case 0: return t_printf("/services?q=%s", repeat("a", 100));     /* over the FULLTEXT token size */
	case 1: return t_printf("/services?q=%s", repeat("%D0%B0", 100)); /* over the stemmer's word cut */
	case 2: return t_printf("/ngos?q=%s", repeat("9", 100));
	case 3: return t_printf("/centres/%s", repeat("a", 65));         /* one over the slug limit */
	default: return NULL;
	}
}

static void t_no_5xx(const void *arg)
{
	char *bad = t_strdup("");
	size_t n = sizeof odd_paths / sizeof odd_paths[0];
	for (size_t i = 0; i < n + 4; i++) {
		const char *path = i < n ? odd_paths[i] : long_path((int)(i - n));
		struct http_response *r = http_get(path);
		if (r->status == 0 || r->status >= 500)
			bad = t_printf("%s\n  GET %s -> %ld", bad, path, r->status);
	}
	CHECK(bad[0] == '\0', "requests answered with 5xx (or not at all):%s", bad);
}

static void t_bad_cookie(const void *arg)
{
	struct http_response *r = http_get_with("/services", "Cookie: ;;=;a=\"b;\\c=%ZZ; =x; \x7f=1");
	CHECK_STATUS(r, 200);
}

const struct test_case badinput_tests[] = {
	BAD_PARAM("district=nope", "district"),
	BAD_PARAM("district=Bad_Slug", "district"),
	BAD_PARAM("category=nope", "category"),
	BAD_PARAM("target=x", "target"),
	BAD_PARAM("format=x", "format"),
	BAD_PARAM("cost=x", "cost"),
	BAD_PARAM("cost=FREE", "cost"),
	BAD_PARAM("cost=free&district=nope", "district"),
	BAD_ENCODING("/services?q=%ZZ"),
	BAD_ENCODING("/services?q=%E"),
	BAD_ENCODING("/services?q=%C0%AF"),
	BAD_ENCODING("/services?q=%FF"),
	BAD_ENCODING("/services?q=%ED%A0%80"),
	BAD_ENCODING("/services?q=%F4%90%80%80"),
	BAD_ENCODING("/services?q=a%00b"),
	BAD_ENCODING("/services?q=%01"),
	BAD_ENCODING("/services?%ZZ=1"),
	BAD_ENCODING("/ngos?q=%C0%AF"),
	BAD_ENCODING("/services/%ZZ"),
	BAD_ENCODING("/services/%E"),
	BAD_ENCODING("/services/%C0%AF"),
	BAD_ENCODING("/services/%FF"),
	BAD_ENCODING("/centres/%FF"),
	BAD_ENCODING("/%E"),
	{ "error page 400: h1 and title name the error", t_error_title,
	  &(const struct refusal){ "/services?cost=x", 400, "Неверный запрос", "GET" } },
	{ "error page 404: h1 and title name the error", t_error_title,
	  &(const struct refusal){ "/no-such-page", 404, "Страница не найдена", "GET" } },
	{ "error page 405: h1 and title name the error", t_error_title,
	  &(const struct refusal){ "/services", 405, "Метод не поддерживается", "DELETE" } },
	{ "a URI of exactly 4096 bytes is served", t_uri_at_limit, NULL },
	{ "URIs of 1000..4096 bytes are all served (every 25 bytes)", t_uri_lengths, NULL },
	{ "a URI of 4097 bytes is 414 with the Russian page", t_uri_too_long, NULL },
	{ "a path over 1024 bytes is 414", t_path_too_long, NULL },
	{ "65 query fields are 400", t_too_many_fields, NULL },
	{ "a form body over 64 KiB is 413", t_body_too_large, NULL },
	NOT_FOUND("/services/899999"),
	NOT_FOUND("/services/4294967295"),
	NOT_FOUND("/centres/no-such-centre"),
	NO_SUCH_PAGE("/services/abc"),
	NO_SUCH_PAGE("/services/0"),
	NO_SUCH_PAGE("/services/99999999999"),
	NO_SUCH_PAGE("/services/-1"),
	NO_SUCH_PAGE("/services/1abc"),
	NO_SUCH_PAGE("/services/2/extra"),
	NO_SUCH_PAGE("/centres/RRC-khabarovsk"),
	NO_SUCH_PAGE("//services"),
	NO_SUCH_PAGE("/no/such/page"),
	METHOD_TEST("DELETE", "/services"),
	METHOD_TEST("PUT", "/services/900002"),
	METHOD_TEST("PATCH", "/ngos"),
	METHOD_TEST("POST", "/centres"),
	{ "SQL metacharacters in q are searched as text and echoed", t_sql_in_q, NULL },
	{ "a SQL tautology in q does not list everything", t_sql_tautology, NULL },
	{ "HTML metacharacters in q are echoed escaped in the search box", t_html_in_q, NULL },
	{ "FULLTEXT operators in q are plain text (catalogue and registry)", t_fulltext_operators, NULL },
	{ "odd paths and queries never give 5xx", t_no_5xx, NULL },
	{ "a malformed Cookie header is ignored", t_bad_cookie, NULL },
	TEST_END,
};
