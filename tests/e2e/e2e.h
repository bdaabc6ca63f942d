/* e2e.h: the end-to-end harness shared by every tests/e2e/t_*.c file.
 *
 * A test is a plain function in a table of test cases (name, function,
 * argument), like kcgi's regress or SQLite's tests: many, fast, specific.
 * It drives the running stack over HTTP (http_*), parses pages with
 * libxml2's HTML parser and asserts with XPath (html_*), and compares what
 * the site shows with the database truth (sql_*). Everything a test
 * allocates through these helpers is test-scoped: released when the test
 * ends, so tests carry no cleanup code.
 *
 * Environment (set by tests/run.sh):
 *   RCHUB_TEST_URL   base URL of the stack, e.g. http://127.0.0.1:18080
 *   RCHUB_TEST_VAR   the stack's var dir (MariaDB socket in run/mariadb.sock)
 *   RCHUB_TEST_ROOT  the checkout (for tests that read the source) */
#ifndef RCHUB_E2E_H
#define RCHUB_E2E_H

#include <stdbool.h>
#include <stddef.h>

/* ---- test cases ---------------------------------------------------- */

struct test_case {
	const char *name;                /* what must hold, e.g. "GET /: 200" */
	void (*run)(const void *arg);    /* returns early on the first failed check */
	const void *arg;                 /* case data shared by table-driven tests */
};
#define TEST_END { NULL, NULL, NULL }

/* One table per area (NULL-terminated), listed in e2e.c. */
extern const struct test_case pages_tests[];
extern const struct test_case catalogue_tests[];
extern const struct test_case search_tests[];
extern const struct test_case ngos_tests[];
extern const struct test_case content_tests[];
extern const struct test_case badinput_tests[];
extern const struct test_case escaping_tests[];
extern const struct test_case forms_tests[];
extern const struct test_case requests_tests[];
extern const struct test_case centre_content_tests[];
extern const struct test_case source_tests[];
extern const struct test_case projects_tests[];
extern const struct test_case quality_tests[];
extern const struct test_case accounts_tests[];

/* ---- configuration ------------------------------------------------- */

const char *e2e_base_url(void);
const char *e2e_var_dir(void);
const char *e2e_root_dir(void);

/* ---- test-scoped memory -------------------------------------------- */

void *t_alloc(size_t n);                           /* zeroed; aborts when out of memory */
char *t_strdup(const char *s);
char *t_strndup(const char *s, size_t n);
char *t_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Runs fn(p) when the current test ends. */
void t_defer(void (*fn)(void *), void *p);

/* ---- failures ------------------------------------------------------ */

/* Records why the current test failed; printed as "# ..." lines. */
void t_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* True once the current test has recorded a failure (loops stop early). */
bool t_failed(void);

#define FAIL(...)                                       \
	do {                                            \
		t_fail(__FILE__, __LINE__, __VA_ARGS__); \
		return;                                 \
	} while (0)

#define CHECK(cond, ...)              \
	do {                          \
		if (!(cond))          \
			FAIL(__VA_ARGS__); \
	} while (0)

#define CHECK_INT(got, want, what)                                                           \
	do {                                                                                 \
		long long got_ = (got), want_ = (want);                                      \
		if (got_ != want_)                                                           \
			FAIL("%s: expected %lld, got %lld", (what), want_, got_);          \
	} while (0)

#define CHECK_STR(got, want, what)                                                           \
	do {                                                                                 \
		const char *got_ = (got), *want_ = (want);                                   \
		if (!str_eq(got_, want_))                                                    \
			FAIL("%s: expected \"%s\", got %s%s%s", (what), want_ ? want_ : "(nothing)", \
			     got_ ? "\"" : "", got_ ? got_ : "nothing", got_ ? "\"" : "");     \
	} while (0)

#define CHECK_CONTAINS(hay, needle, what)                                                    \
	do {                                                                                 \
		const char *hay_ = (hay), *needle_ = (needle);                               \
		if (hay_ == NULL || strstr(hay_, needle_) == NULL)                           \
			FAIL("%s: expected to contain \"%s\", got \"%.300s\"", (what), needle_,  \
			     hay_ ? hay_ : "(nothing)");                                     \
	} while (0)

#define CHECK_LACKS(hay, needle, what)                                                       \
	do {                                                                                 \
		const char *hay_ = (hay), *needle_ = (needle);                               \
		if (hay_ != NULL && strstr(hay_, needle_) != NULL)                           \
			FAIL("%s: must not contain \"%s\"", (what), needle_);                    \
	} while (0)

/* The response status, naming the request and (on failure) the page's own
 * error message, which usually says what went wrong. */
#define CHECK_STATUS(resp, want)                                                             \
	do {                                                                                 \
		const struct http_response *r_ = (resp);                                     \
		if (r_->status != (want))                                                    \
			FAIL("%s %s: expected status %d, got %ld%s%s", r_->method, r_->url,  \
			     (want), r_->status, r_->error ? ": " : "", r_->error ? r_->error : ""); \
	} while (0)

/* XPath count on a parsed page. */
#define CHECK_COUNT(h, xpath, want)                                                          \
	do {                                                                                 \
		long n_ = html_count((h), (xpath));                                          \
		if (n_ != (want))                                                            \
			FAIL("count(%s) on %s: expected %d, got %ld", (xpath), html_url(h), (int)(want), n_); \
	} while (0)

/* ---- HTTP client (libcurl) ----------------------------------------- */

struct http_header {
	char *name;
	char *value;
};

struct http_response {
	long status;           /* 0 when the request could not be made */
	const char *method;
	const char *url;       /* full URL as requested */
	const char *error;     /* transport error, or NULL */
	struct http_header *headers;
	size_t nheaders;
	char *body;            /* NUL-terminated */
	size_t body_len;
};

struct http_request {
	const char *method;            /* NULL = GET; HEAD sends no body back */
	const char *path;              /* appended to the base URL as is */
	const char *const *headers;    /* "Name: value" lines, NULL-terminated, or NULL */
	const char *body;              /* request body (POST), or NULL */
	size_t body_len;
};

struct http_response *http_do(const struct http_request *rq);
struct http_response *http_get(const char *path);
struct http_response *http_head(const char *path);
struct http_response *http_method(const char *method, const char *path);
struct http_response *http_post_form(const char *path, const char *body);
/* GET with one extra header line ("If-None-Match: ..."). */
struct http_response *http_get_with(const char *path, const char *header);
/* Value of the first header called name (case-insensitive), or NULL. */
const char *http_header(const struct http_response *r, const char *name);
/* How many times the header name occurs. */
size_t http_header_count(const struct http_response *r, const char *name);
/* Percent-encodes s for a query component. */
char *url_encode(const char *s);
/* Decoded value of query parameter name in a URL or href; NULL when absent. */
char *url_param(const char *url, const char *name);
/* How many name=value pairs the query of url has. */
size_t url_param_count(const char *url);
/* Drops the cookies the client holds (each test starts without any). */
void http_reset_cookies(void);
void http_init(void);
void http_cleanup(void);

/* ---- HTML (libxml2 HTML parser + XPath) ---------------------------- */

struct html;
/* Parses a response body; never NULL (an empty body gives an empty tree). */
struct html *html_parse(const struct http_response *r);
/* GET path, check 200, parse: the usual first line of a page test. */
struct html *html_get(const char *path);
/* Number of nodes the expression selects (or its numeric value); -1 when
 * the expression is invalid. */
long html_count(struct html *h, const char *xpath);
/* string(xpath): text of the first node selected, "" when none. */
char *html_text(struct html *h, const char *xpath);
/* String value of every node selected; returns how many. */
size_t html_all(struct html *h, const char *xpath, char ***out);
const char *html_url(const struct html *h);
/* The catalogue's or registry's "Найдено: <strong>N</strong>"; -1 if absent. */
long long html_result_count(struct html *h);

/* ---- database truth (the mariadb client, as root) ------------------ */

/* First column of the first row as a number; -1 (and a failure) on error. */
/* session.c: signing in as a person does. */
/* Signs in as email (after dropping any earlier session); false (and a
 * recorded failure) unless the site answers 303. */
bool e2e_sign_in(const char *email, const char *password);
/* The signed-in user's CSRF token, from the sign-out form every page has. */
const char *e2e_csrf(void);

long long sql_count(const char *sql);
/* First column of every row; returns how many, or -1 on error. */
long sql_column(const char *sql, char ***out);
/* First column of the first row as text; NULL on error or no row. */
char *sql_text(const char *sql);

/* ---- small helpers --------------------------------------------------- */

/* True when both are NULL or both are equal strings. */
bool str_eq(const char *a, const char *b);
/* Trims ASCII whitespace at both ends (returns a test-scoped copy). */
char *trim(const char *s);
/* Reads a whole file into test-scoped memory; NULL when unreadable. */
char *read_file(const char *path, size_t *len);

#endif
