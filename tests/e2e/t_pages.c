/* t_pages.c: what every public page owes its reader, page by page: status and
 * Content-Type, one h1, lang="ru", a title, the site navigation with the
 * current section marked, the security headers, ETag revalidation (304) and
 * HEAD. Also the layout of error pages and the Allow header of 405. */
#include <time.h>

#include "e2e.h"

#include <stdlib.h>
#include <string.h>

struct page_case {
	const char *path;
	const char *nav; /* href of the navigation link marked aria-current */
};

/* The pages of the public contract, with ids and slugs from the fixtures
 * (tests/e2e/fixtures.sql) and the demo centre the fixtures rely on. */
#define PAGE_TESTS(path, nav)                                                                 \
	{ "GET " path ": 200, Content-Type text/html; charset=utf-8", t_page_ok,                 \
	  &(const struct page_case){ path, nav } },                                              \
	{ "GET " path ": html lang=ru, a title, exactly one h1", t_page_structure,                \
	  &(const struct page_case){ path, nav } },                                              \
	{ "GET " path ": site navigation, current section " nav, t_page_nav,                      \
	  &(const struct page_case){ path, nav } },                                              \
	{ "GET " path ": security headers (nosniff, referrer, CSP without inline script)",        \
	  t_page_security, &(const struct page_case){ path, nav } },                              \
	{ "GET " path ": ETag, and If-None-Match gives 304 with empty body", t_page_etag,          \
	  &(const struct page_case){ path, nav } },                                              \
	{ "HEAD " path ": GET's headers without a body", t_page_head,                             \
	  &(const struct page_case){ path, nav } },                                              \
	{ "GET " path ": ids unique, every label names a control", t_page_ids,                    \
	  &(const struct page_case){ path, nav } },                                              \
	{ "GET " path ": every internal link answers 200", t_page_links,                          \
	  &(const struct page_case){ path, nav } }

static void t_page_ok(const void *arg)
{
	const struct page_case *pc = arg;
	struct http_response *r = http_get(pc->path);
	CHECK_STATUS(r, 200);
	CHECK_STR(http_header(r, "Content-Type"), "text/html; charset=utf-8", "Content-Type");
	CHECK(r->body_len > 0, "GET %s: empty body", r->url);
}

static void t_page_structure(const void *arg)
{
	const struct page_case *pc = arg;
	struct html *h = html_get(pc->path);
	if (h == NULL)
		return;
	CHECK_COUNT(h, "/html[@lang='ru']", 1);
	CHECK_COUNT(h, "//head/meta[@charset='utf-8']", 1);
	CHECK_COUNT(h, "//head/title", 1);
	CHECK(strlen(trim(html_text(h, "//head/title"))) > 0, "empty <title> on %s", html_url(h));
	CHECK_COUNT(h, "//h1", 1);
	CHECK(strlen(trim(html_text(h, "//h1"))) > 0, "empty <h1> on %s", html_url(h));
	CHECK_COUNT(h, "//main[@id='main']", 1);
}

/* The sections every page's navigation links to (more may follow). */
static const char *const nav_links[] = { "/", "/centres", "/services", "/ngos" };

static void t_page_nav(const void *arg)
{
	const struct page_case *pc = arg;
	struct html *h = html_get(pc->path);
	if (h == NULL)
		return;
	for (size_t i = 0; i < sizeof nav_links / sizeof nav_links[0]; i++)
		CHECK_COUNT(h, t_printf("//nav[@class='site-nav']//a[@href='%s']", nav_links[i]), 1);
	CHECK_COUNT(h, "//nav[@class='site-nav']//a[@aria-current='page']", 1);
	CHECK_STR(html_text(h, "//nav[@class='site-nav']//a[@aria-current='page']/@href"), pc->nav,
	          "current navigation section");
	CHECK_COUNT(h, "//a[@class='skip-link'][@href='#main']", 1);
}

/* Checks the security headers every answer carries; returns false (with a
 * failure recorded) when one is missing or weak. */
static bool security_headers_ok(const struct http_response *r)
{
	const char *csp = http_header(r, "Content-Security-Policy");
	const char *why = NULL;
	if (http_header(r, "X-Content-Type-Options") == NULL ||
	    strcmp(http_header(r, "X-Content-Type-Options"), "nosniff") != 0)
		why = "X-Content-Type-Options is not nosniff";
	else if (http_header(r, "Referrer-Policy") == NULL || !http_header(r, "Referrer-Policy")[0])
		why = "no Referrer-Policy";
	else if (csp == NULL)
		why = "no Content-Security-Policy";
	else if (http_header_count(r, "Content-Security-Policy") != 1)
		why = "more than one Content-Security-Policy header";
	else if (strstr(csp, "script-src 'self'") == NULL)
		why = "CSP lacks script-src 'self'";
	else if (strstr(csp, "unsafe-inline") != NULL || strstr(csp, "unsafe-eval") != NULL)
		why = "CSP allows unsafe-inline or unsafe-eval";
	else if (strstr(csp, "frame-ancestors 'none'") == NULL && http_header(r, "X-Frame-Options") == NULL)
		why = "framing is not denied";
	if (why != NULL)
		t_fail(__FILE__, __LINE__, "%s %s: %s (CSP: %s)", r->method, r->url, why, csp ? csp : "none");
	return why == NULL;
}

static void t_page_security(const void *arg)
{
	const struct page_case *pc = arg;
	struct http_response *r = http_get(pc->path);
	CHECK_STATUS(r, 200);
	security_headers_ok(r);
}

static void t_page_etag(const void *arg)
{
	const struct page_case *pc = arg;
	struct http_response *r = http_get(pc->path);
	CHECK_STATUS(r, 200);
	const char *etag = http_header(r, "ETag");
	CHECK(etag != NULL && strchr(etag, '"') != NULL, "GET %s: no quoted ETag (got %s)", r->url,
	      etag ? etag : "none");
	struct http_response *again = http_get_with(pc->path, t_printf("If-None-Match: %s", etag));
	CHECK_STATUS(again, 304);
	CHECK_INT(again->body_len, 0, "bytes in the body of the 304");
	CHECK_STR(http_header(again, "ETag"), etag, "ETag of the 304");
}

static void t_page_head(const void *arg)
{
	const struct page_case *pc = arg;
	struct http_response *get = http_get(pc->path);
	struct http_response *head = http_head(pc->path);
	CHECK_STATUS(get, 200);
	CHECK_STATUS(head, 200);
	CHECK_INT(head->body_len, 0, "bytes in the body of HEAD");
	CHECK_STR(http_header(head, "Content-Type"), http_header(get, "Content-Type"), "HEAD Content-Type");
	CHECK_STR(http_header(head, "ETag"), http_header(get, "ETag"), "HEAD ETag");
	CHECK(http_header(head, "Content-Security-Policy") != NULL, "HEAD %s: no CSP", head->url);
	const char *len = http_header(head, "Content-Length");
	if (len != NULL)
		CHECK_INT(atoll(len), get->body_len, "HEAD Content-Length vs the GET body");
}

static bool contains(char **list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static void t_page_ids(const void *arg)
{
	const struct page_case *pc = arg;
	struct html *h = html_get(pc->path);
	if (h == NULL)
		return;
	char **ids, **fors;
	size_t n = html_all(h, "//@id", &ids);
	for (size_t i = 0; i < n; i++)
		CHECK(!contains(ids, i, ids[i]), "id \"%s\" appears twice on %s", ids[i], html_url(h));
	size_t m = html_all(h, "//label/@for", &fors);
	for (size_t i = 0; i < m; i++)
		CHECK(contains(ids, n, fors[i]), "<label for=\"%s\"> names no element on %s", fors[i], html_url(h));
}

/* Same-site links (href="/...") of the page, each requested once. */
static void t_page_links(const void *arg)
{
	const struct page_case *pc = arg;
	struct html *h = html_get(pc->path);
	if (h == NULL)
		return;
	char **hrefs;
	size_t n = html_all(h, "//a/@href[starts-with(., '/')] | //link/@href[starts-with(., '/')]", &hrefs);
	char *broken = t_strdup("");
	for (size_t i = 0; i < n; i++) {
		if (contains(hrefs, i, hrefs[i]))
			continue;
		struct http_response *r = http_get(hrefs[i]);
		if (r->status != 200)
			broken = t_printf("%s\n  %s -> %ld", broken, hrefs[i], r->status);
	}
	CHECK(broken[0] == '\0', "broken links on %s:%s", html_url(h), broken);
}

/* ---- static files ------------------------------------------------------ */

struct asset {
	const char *path;
	const char *type;
};

static void t_asset(const void *arg)
{
	const struct asset *a = arg;
	struct http_response *r = http_get(a->path);
	CHECK_STATUS(r, 200);
	CHECK(r->body_len > 0, "GET %s: empty", r->url);
	const char *ct = http_header(r, "Content-Type");
	CHECK(ct != NULL && strncmp(ct, a->type, strlen(a->type)) == 0, "GET %s: Content-Type %s, expected %s",
	      r->url, ct ? ct : "none", a->type);
	CHECK_STR(http_header(r, "X-Content-Type-Options"), "nosniff", "X-Content-Type-Options");
}

#define ASSET_TEST(path, type) \
	{ "GET " path ": served as " type, t_asset, &(const struct asset){ path, type } }

/* ---- revalidation details ---------------------------------------------- */

static void t_etag_mismatch(const void *arg)
{
	struct http_response *r = http_get_with("/centres", "If-None-Match: \"0000000000000000\"");
	CHECK_STATUS(r, 200);
	CHECK(r->body_len > 0, "a stale ETag must get the full page");
}

static void t_etag_weak(const void *arg)
{
	struct http_response *r = http_get("/centres");
	CHECK_STATUS(r, 200);
	const char *etag = http_header(r, "ETag");
	CHECK(etag != NULL, "no ETag on /centres");
	struct http_response *again =
	    http_get_with("/centres", t_printf("If-None-Match: \"other\", W/%s", etag));
	CHECK_STATUS(again, 304);
}

static void t_etag_differs(const void *arg)
{
	const char *a = http_header(http_get("/services"), "ETag");
	const char *b = http_header(http_get("/services?cost=paid"), "ETag");
	CHECK(a != NULL && b != NULL, "ETag missing on /services");
	CHECK(strcmp(a, b) != 0, "different pages share the ETag %s", a);
}

static void t_cache_public(const void *arg)
{
	struct http_response *r = http_get("/services");
	CHECK_STATUS(r, 200);
	CHECK_CONTAINS(http_header(r, "Cache-Control"), "public", "Cache-Control of an anonymous page");
}

/* ---- error pages ------------------------------------------------------- */

static void t_404_layout(const void *arg)
{
	struct http_response *r = http_get("/no-such-page");
	CHECK_STATUS(r, 404);
	CHECK_STR(http_header(r, "Content-Type"), "text/html; charset=utf-8", "Content-Type of 404");
	struct html *h = html_parse(r);
	CHECK_COUNT(h, "/html[@lang='ru']", 1);
	CHECK_COUNT(h, "//h1", 1);
	CHECK_COUNT(h, "//nav[@class='site-nav']//a[@href='/services']", 1);
	CHECK_COUNT(h, "//ul[@class='error-hints']//a[@href='/services']", 1);
	CHECK_CONTAINS(html_text(h, "//p[@class='error-code']"), "404", "error code line");
}

static void t_error_security(const void *arg)
{
	static const char *const paths[] = { "/no-such-page", "/services?cost=x", "/services?q=%ZZ" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct http_response *r = http_get(paths[i]);
		CHECK(r->status >= 400 && r->status < 500, "GET %s: expected 4xx, got %ld", r->url, r->status);
		if (!security_headers_ok(r))
			return;
		CHECK_LACKS(http_header(r, "Cache-Control"), "public", "Cache-Control of an error page");
	}
}

static void t_trailing_slash(const void *arg)
{
	struct html *h = html_get("/services/");
	if (h == NULL)
		return;
	CHECK_STR(trim(html_text(h, "//h1")), "Каталог услуг", "h1 of /services/");
}

/* Allow must list what the resource accepts: no listed method may itself
 * be refused with 405 (RFC 9110 section 10.2.1). */
static void t_405_allow(const void *arg)
{
	struct http_response *r = http_method("DELETE", "/services");
	CHECK_STATUS(r, 405);
	const char *allow = http_header(r, "Allow");
	CHECK(allow != NULL, "DELETE /services: 405 without an Allow header");
	CHECK_CONTAINS(allow, "GET", "Allow of /services");
	char *list = t_strdup(allow);
	for (char *m = strtok(list, ", "); m != NULL; m = strtok(NULL, ", ")) {
		struct http_response *try = strcmp(m, "POST") == 0 ? http_post_form("/services", "a=b")
		                                                   : http_method(m, "/services");
		CHECK(try->status != 405, "405 says \"Allow: %s\", yet %s /services gets 405", allow, m);
	}
}

/* A conditional request that reaches the program on a cache miss must not
 * leave its 304 in nginx's micro-cache for every later visitor. */
static void t_304_not_cached_for_others(const void *arg)
{
	const char *path = t_printf("/centres?cache-probe=%ld", (long)time(NULL));
	/* The page's ETag without filling the cache: the fresh-write cookie bypasses it. */
	struct http_response *bypass = http_get_with(path, "Cookie: rchub_fresh=1");
	CHECK_STATUS(bypass, 200);
	const char *etag = http_header(bypass, "ETag");
	CHECK(etag != NULL, "GET %s: no ETag", path);
	struct http_response *cond = http_get_with(path, t_printf("If-None-Match: %s", etag));
	CHECK(cond->status == 304 || cond->status == 200, "conditional GET %s: %ld", path, cond->status);
	struct http_response *plain = http_get(path);
	CHECK_STATUS(plain, 200);
	CHECK(plain->body_len > 1000, "plain GET %s after a conditional one: %zu bytes", path, plain->body_len);
}

const struct test_case pages_tests[] = {
	PAGE_TESTS("/", "/"),
	PAGE_TESTS("/centres", "/centres"),
	PAGE_TESTS("/centres/rrc-khabarovsk", "/centres"),
	PAGE_TESTS("/services", "/services"),
	PAGE_TESTS("/services/900002", "/services"),
	PAGE_TESTS("/ngos", "/ngos"),
	PAGE_TESTS("/ngos/900002", "/ngos"),
	ASSET_TEST("/static/style.css", "text/css"),
	ASSET_TEST("/static/print.css", "text/css"),
	ASSET_TEST("/static/favicon.svg", "image/svg+xml"),
	ASSET_TEST("/favicon.ico", "image/svg+xml"),
	ASSET_TEST("/static/errors/503.html", "text/html"),
	{ "If-None-Match with another ETag gets the full page", t_etag_mismatch, NULL },
	{ "If-None-Match with a weak form of the ETag in a list gets 304", t_etag_weak, NULL },
	{ "different pages have different ETags", t_etag_differs, NULL },
	{ "anonymous pages are publicly cacheable", t_cache_public, NULL },
	{ "unknown path: 404 in the site layout with hints", t_404_layout, NULL },
	{ "error pages carry the security headers and are not public", t_error_security, NULL },
	{ "a trailing slash is not significant (/services/)", t_trailing_slash, NULL },
	{ "405 Allow lists only methods the resource accepts", t_405_allow, NULL },
	{ "a visitor's 304 is never served to the next visitor from the micro-cache", t_304_not_cached_for_others, NULL },
	TEST_END,
};
