/* fuzz_route.c: fuzzes router_match() on a table shaped like fcgi/routes.c
 * and the public URL contract of DESIGN.md: literal paths, {id} and {slug}
 * parameters, suffix parameters ("/feeds/centres/{slug}.rss"), the same path
 * under GET and POST, and one pattern with more parameters than
 * REQ_MAX_PARAMS. The first input byte picks the method (G, H, P, anything
 * else: PUT); the rest is the request URI, decoded by parse_uri() as in a real
 * request. The router's answer (route, 404/405, parameters) must equal that of
 * a reference matcher written here from router.h's contract: trailing slash
 * not significant, empty segments never match, {id} and {slug} checked. */
#include "fuzz.h"
#include "router.h"

/* Handlers stay NULL: only which row matches is compared. */
static const struct route table[] = {
	{ .method = METHOD_GET,  .pattern = "/" },
	{ .method = METHOD_GET,  .pattern = "/centres" },
	{ .method = METHOD_GET,  .pattern = "/centres/{slug}" },
	{ .method = METHOD_GET,  .pattern = "/centres/{slug}/events.ics" },
	{ .method = METHOD_GET,  .pattern = "/services" },
	{ .method = METHOD_GET,  .pattern = "/services/{id}" },
	{ .method = METHOD_POST, .pattern = "/services/{id}" },
	{ .method = METHOD_POST, .pattern = "/services/{id}/request" },
	{ .method = METHOD_GET,  .pattern = "/ngos" },
	{ .method = METHOD_GET,  .pattern = "/ngos/{id}" },
	{ .method = METHOD_GET,  .pattern = "/projects/{id}" },
	{ .method = METHOD_GET,  .pattern = "/news/{id}" },
	{ .method = METHOD_GET,  .pattern = "/events.ics" },
	{ .method = METHOD_GET,  .pattern = "/feeds/news.rss" },
	{ .method = METHOD_GET,  .pattern = "/feeds/services.rss" },
	{ .method = METHOD_GET,  .pattern = "/feeds/centres/{slug}.rss" },
	{ .method = METHOD_GET,  .pattern = "/feeds/districts/{slug}.rss" },
	{ .method = METHOD_GET,  .pattern = "/opendata" },
	{ .method = METHOD_GET,  .pattern = "/opendata/{dataset}/meta.xml" },
	{ .method = METHOD_GET,  .pattern = "/opendata/{dataset}/{file}.xml" },
	{ .method = METHOD_GET,  .pattern = "/opendata/{dataset}/{file}.xsd" },
	{ .method = METHOD_GET,  .pattern = "/api/v1/services/{id}" },
	{ .method = METHOD_GET,  .pattern = "/login" },
	{ .method = METHOD_POST, .pattern = "/login" },
	{ .method = METHOD_POST, .pattern = "/logout" },
	{ .method = METHOD_GET,  .pattern = "/staff/requests/{id}" },
	{ .method = METHOD_POST, .pattern = "/staff/requests/{id}/{action}" },
	{ .method = METHOD_GET,  .pattern = "/t/{a}/{b}/{c}/{d}/{e}" },
};
#define NROUTES (sizeof table / sizeof table[0])

struct span {
	const char *s;
	size_t len;
};

#define MAX_SEGMENTS (REQ_MAX_PATH + 1)

/* Splits "/a/b" into a, b; "/" has none. One trailing slash is dropped.
 * Returns the count, or -1 when a segment is empty. */
static int split(const char *path, struct span *seg)
{
	size_t len = strlen(path);
	if (len == 1)
		return 0;
	if (path[len - 1] == '/')
		len--;
	int n = 0;
	size_t start = 1;
	for (size_t i = 1; i <= len; i++) {
		if (i < len && path[i] != '/')
			continue;
		if (i == start)
			return -1;
		seg[n++] = (struct span){ path + start, i - start };
		start = i + 1;
	}
	return n;
}

static bool reference_id(const char *s, size_t len)
{
	if (len == 0 || len > 10 || s[0] == '0')
		return false;
	unsigned long long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v <= 4294967295ULL;
}

static bool reference_slug(const char *s, size_t len)
{
	if (len == 0 || len > 64 || s[0] == '-' || s[len - 1] == '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

struct match {
	size_t nparams;
	struct span name[MAX_SEGMENTS], value[MAX_SEGMENTS];
};

static bool reference_path_match(const char *pattern, const struct span *seg, int nseg, struct match *m)
{
	static struct span pat[MAX_SEGMENTS];
	int npat = split(pattern, pat);
	m->nparams = 0;
	if (npat != nseg)
		return false;
	for (int i = 0; i < npat; i++) {
		const struct span p = pat[i], s = seg[i];
		if (p.s[0] != '{') {
			if (p.len != s.len || memcmp(p.s, s.s, s.len) != 0)
				return false;
			continue;
		}
		const char *close = memchr(p.s, '}', p.len);
		struct span name = { p.s + 1, (size_t)(close - p.s - 1) };
		struct span suffix = { close + 1, p.len - (size_t)(close + 1 - p.s) };
		if (s.len <= suffix.len || memcmp(s.s + s.len - suffix.len, suffix.s, suffix.len) != 0)
			return false;
		struct span value = { s.s, s.len - suffix.len };
		if (name.len == 2 && memcmp(name.s, "id", 2) == 0 && !reference_id(value.s, value.len))
			return false;
		if (name.len == 4 && memcmp(name.s, "slug", 4) == 0 && !reference_slug(value.s, value.len))
			return false;
		m->name[m->nparams] = name;
		m->value[m->nparams] = value;
		m->nparams++;
	}
	return m->nparams <= REQ_MAX_PARAMS;
}

/* Index of the first route whose path and method match, or -1 with *status
 * 405 when only the method differs and 404 otherwise. */
static int reference_route(enum http_method method, const char *path, struct match *m, int *status)
{
	static struct span seg[MAX_SEGMENTS];
	enum http_method want = method == METHOD_HEAD ? METHOD_GET : method;
	int nseg = split(path, seg);
	bool path_known = false;
	for (size_t i = 0; nseg >= 0 && i < NROUTES; i++) {
		if (!reference_path_match(table[i].pattern, seg, nseg, m))
			continue;
		if (table[i].method == want)
			return (int)i;
		path_known = true;
	}
	*status = path_known ? 405 : 404;
	return -1;
}

static bool span_is(struct span s, const char *str)
{
	return strlen(str) == s.len && memcmp(s.s, str, s.len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const methods[] = { "GET", "HEAD", "POST", "PUT" };
	static struct match m;
	if (size == 0)
		return 0;
	arena *mem = fuzz_arena();
	const char *method = methods[data[0] == 'G' ? 0 : data[0] == 'H' ? 1 : data[0] == 'P' ? 2 : 3];
	bool slash = size > 1 && data[1] == '/';
	char *uri = malloc(size + 1);
	CHECK(uri != NULL);
	uri[0] = '/';
	memcpy(uri + !slash, data + 1, size - 1);
	uri[size - 1 + !slash] = '\0';

	struct request req = { .mem = mem, .method = method_from_string(method) };
	if (parse_uri(&req, uri) == 0) {
		int status = 0, want_status = 0;
		const struct route *r = router_match(table, NROUTES, &req, &status);
		int want = reference_route(req.method, req.path, &m, &want_status);
		if ((r ? (int)(r - table) : -1) != want) {
			fprintf(stderr, "path %s: router picked %d, reference %d\n", req.path,
			        r ? (int)(r - table) : -1, want);
			abort();
		}
		if (r == NULL) {
			CHECK(status == want_status);
			CHECK(req.nparams == 0);
		} else {
			CHECK(req.nparams == m.nparams && req.nparams <= REQ_MAX_PARAMS);
			for (size_t i = 0; i < req.nparams; i++) {
				CHECK(span_is(m.name[i], req.params[i].name));
				CHECK(span_is(m.value[i], req.params[i].value));
				CHECK(req.params[i].len == m.value[i].len);
				CHECK(request_param(&req, req.params[i].name) != NULL);
			}
		}
	}

	free(uri);
	arena_reset(mem);
	return 0;
}
