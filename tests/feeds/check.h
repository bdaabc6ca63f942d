/* check.h: the harness of the feeds suite (tests/feeds/suite.sh runs it as
 * build/tests/feeds-check). Each check is a function in a table; it drives
 * the running stack over HTTP (libcurl), parses what comes back with
 * libxml2 or json-c, validates XML against the schemas kept in feeds/, and
 * compares with the database, read through the mariadb client as root.
 * Output is TAP. Memory a check takes through these helpers is released
 * when it ends.
 *
 * Environment (set by tests/run.sh): RCHUB_TEST_URL, RCHUB_TEST_VAR,
 * RCHUB_TEST_ROOT, RCHUB_TEST_BUILD. */
#ifndef RCHUB_FEEDS_CHECK_H
#define RCHUB_FEEDS_CHECK_H

#include <json-c/json.h>
#include <libxml/parser.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct check {
	const char *name;  /* what must hold */
	void (*run)(void); /* returns at its first failed CHECK */
};
#define CHECK_END { NULL, NULL }

extern const struct check rss_checks[];
extern const struct check ical_checks[];
extern const struct check opendata_checks[];
extern const struct check api_checks[];

/* ---- environment ---------------------------------------------------------- */
const char *env_url(void);   /* http://127.0.0.1:PORT */
const char *env_var(void);   /* the stack's var dir */
const char *env_root(void);  /* the checkout */
const char *env_build(void); /* the build dir (rchub-export) */

/* ---- check-scoped memory -------------------------------------------------- */
void *c_alloc(size_t n);
char *c_strndup(const char *s, size_t n);
char *c_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Runs fn(p) when the current check ends. */
void c_defer(void (*fn)(void *), void *p);

/* ---- failures --------------------------------------------------------------- */
void c_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* True once the current check has failed (after a helper that checks). */
bool c_failed(void);
#define CHECK(cond, ...)                                           \
	do {                                                       \
		if (!(cond)) {                                     \
			c_fail(__FILE__, __LINE__, __VA_ARGS__);    \
			return;                                    \
		}                                                  \
	} while (0)
#define CHECK_STR(got, want, what)                                                                  \
	do {                                                                                        \
		const char *g_ = (got), *w_ = (want);                                               \
		CHECK(g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0, "%s: expected \"%s\", got \"%s\"", \
		      (what), w_ ? w_ : "(null)", g_ ? g_ : "(null)");                              \
	} while (0)
#define CHECK_INT(got, want, what)                                                                  \
	do {                                                                                        \
		long long g_ = (got), w_ = (want);                                                  \
		CHECK(g_ == w_, "%s: expected %lld, got %lld", (what), w_, g_);                     \
	} while (0)

/* ---- HTTP ------------------------------------------------------------------- */
struct reply {
	const char *url;
	long status;          /* 0 when no answer */
	char *body;           /* NUL-terminated */
	size_t len;
	char *content_type, *etag, *last_modified; /* NULL when absent */
};
/* GET path (appended to RCHUB_TEST_URL, or a full http:// URL), with one
 * extra header line or NULL. */
struct reply *http_get(const char *path, const char *header);
/* GET that must answer 200 with this Content-Type; NULL after a failure. */
struct reply *fetch(const char *path, const char *content_type);
/* A path made unique with a query string the site ignores, so the nginx
 * micro-cache never answers with a copy made before a change. */
const char *fresh(const char *path);

/* GET path straight from the program over its FastCGI socket (no nginx, no
 * cache) with one more CGI parameter (e.g. "HTTP_IF_MODIFIED_SINCE") unless
 * header is NULL. Returns the status (0 when no answer); *head receives the
 * whole CGI answer when not NULL. */
int fcgi_status(const char *path, const char *header, const char *value, char **head);

/* ---- XML -------------------------------------------------------------------- */
/* The body parsed (NULL and a failure when it is not well-formed XML). */
xmlDocPtr xml_parse(const struct reply *r);
/* Validates doc against feeds/<file> (.rng or .xsd); false with a failure. */
bool xml_valid(xmlDocPtr doc, const char *schema_file, const char *what);
/* Validates doc against an XSD given as bytes. */
bool xml_valid_xsd_bytes(xmlDocPtr doc, const char *xsd, size_t len, const char *what);
/* string(expr) ("" when nothing matches); count(expr). */
char *xpath_text(xmlDocPtr doc, const char *expr);
long xpath_count(xmlDocPtr doc, const char *expr);

/* ---- JSON ------------------------------------------------------------------- */
/* The body parsed (NULL and a failure when it is not JSON). */
json_object *json_parse(const struct reply *r);
/* obj.key as a string ("" when absent or not a string). */
const char *json_str(json_object *obj, const char *key);
json_object *json_get(json_object *obj, const char *key);

/* ---- database truth ----------------------------------------------------------- */
/* Every row of a query, cells[row][col] (NULL for SQL NULL); -1 on error. */
long sql_rows(const char *sql, char ****out);
/* First cell of the first row, or NULL. */
char *sql_text(const char *sql);
long long sql_count(const char *sql);
/* Runs statements; false with a failure. */
bool sql_exec(const char *sql);
/* Runs statements when the current check ends (to undo what it changed). */
void sql_later(const char *sql);
/* s quoted as an SQL string literal. */
char *sql_quote(const char *s);

/* ---- files -------------------------------------------------------------------- */
/* A whole file of the checkout (feeds/...), or NULL. */
char *read_file(const char *path, size_t *len);

#endif
