/* check.c: the feeds suite's runner (main, TAP, check-scoped memory) and
 * its helpers: an HTTP client on one libcurl handle, libxml2 parsing,
 * XPath and schema validation with the errors kept as TAP diagnostics,
 * json-c parsing, and the database truth through the mariadb client.
 *
 *   feeds-check [WORD...]   runs every check (or those whose name holds a
 *                           word); exits 1 when one failed, 2 when the
 *                           stack does not answer. */
#include "check.h"

#include <curl/curl.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define HTTP_TIMEOUT_SECONDS 20L
#define DIAG_MAX 16384
#define SQL_MAX_ROWS 100000

static const struct check *const tables[] = { rss_checks, ical_checks, opendata_checks, api_checks };

/* ---- environment ---------------------------------------------------------- */

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);
	return v && v[0] ? v : fallback;
}

/* The environment of tests/run.sh, with the defaults of a local run. */
const char *env_url(void) { return env_or("RCHUB_TEST_URL", "http://127.0.0.1:18080"); }
const char *env_var(void) { return env_or("RCHUB_TEST_VAR", "var/test"); }
const char *env_root(void) { return env_or("RCHUB_TEST_ROOT", "."); }
const char *env_build(void) { return env_or("RCHUB_TEST_BUILD", "build"); }

/* ---- check-scoped memory ---------------------------------------------------- */

struct deferred {
	void (*fn)(void *);
	void *p;
	struct deferred *next;
};
static struct deferred *deferred;

/* Pushes a release to run when the check ends. */
void c_defer(void (*fn)(void *), void *p)
{
	struct deferred *d = malloc(sizeof *d);
	if (d == NULL)
		abort();
	*d = (struct deferred){ fn, p, deferred };
	deferred = d;
}

/* Runs the deferred releases, newest first. */
static void release_all(void)
{
	while (deferred != NULL) {
		struct deferred *d = deferred;
		deferred = d->next;
		d->fn(d->p);
		free(d);
	}
}

/* Zeroed memory freed when the check ends. */
void *c_alloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (p == NULL)
		abort();
	c_defer(free, p);
	return p;
}

/* A NUL-terminated copy of s[0..n). */
char *c_strndup(const char *s, size_t n)
{
	char *p = c_alloc(n + 1);
	memcpy(p, s, n);
	return p;
}

/* A formatted string in check-scoped memory. */
char *c_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = c_alloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* ---- failures ----------------------------------------------------------------- */

static char diag[DIAG_MAX];
static size_t diag_len;
static bool failed;

/* Appends text to the diagnostics as "# " lines. */
static void diag_add(const char *text)
{
	for (const char *p = text; *p && diag_len + 8 < sizeof diag;) {
		size_t n = strcspn(p, "\n");
		int w = snprintf(diag + diag_len, sizeof diag - diag_len, "# %.*s\n", (int)n, p);
		diag_len = w > 0 && (size_t)w < sizeof diag - diag_len ? diag_len + (size_t)w : sizeof diag - 1;
		p += n + (p[n] == '\n');
	}
}

/* Records a failure of the current check as "file:line: message". */
void c_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	const char *base = strrchr(file, '/');
	char full[4400];
	snprintf(full, sizeof full, "%s:%d: %s", base ? base + 1 : file, line, msg);
	diag_add(full);
	failed = true;
}

/* Whether the current check has failed so far. */
bool c_failed(void)
{
	return failed;
}

/* libxml2's structured errors (schema validation) become diagnostics. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	diag_add(c_printf("libxml2: line %d: %s", e->line, e->message ? e->message : "?"));
}

/* ---- HTTP ----------------------------------------------------------------------- */

static CURL *curl;

struct buffer {
	char *data;
	size_t len, cap;
};

/* libcurl write callback (also a general append to a buffer). */
static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	struct buffer *b = ctx;
	size_t add = size * n;
	if (b->len + add + 1 > b->cap) {
		b->cap = (b->len + add + 1) * 2;
		b->data = realloc(b->data, b->cap);
		if (b->data == NULL)
			abort();
	}
	memcpy(b->data + b->len, p, add);
	b->len += add;
	b->data[b->len] = '\0';
	return add;
}

/* Keeps the value of header name when line is that header. */
static void keep_header(const char *line, size_t len, const char *name, char **out)
{
	size_t n = strlen(name);
	if (len <= n + 1 || strncasecmp(line, name, n) != 0 || line[n] != ':')
		return;
	const char *v = line + n + 1;
	while (*v == ' ')
		v++;
	size_t vlen = (size_t)(line + len - v);
	while (vlen > 0 && (v[vlen - 1] == '\r' || v[vlen - 1] == '\n'))
		vlen--;
	*out = c_strndup(v, vlen);
}

/* libcurl header callback: keeps the validators and the type. */
static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
	struct reply *r = ctx;
	keep_header(p, size * n, "Content-Type", &r->content_type);
	keep_header(p, size * n, "ETag", &r->etag);
	keep_header(p, size * n, "Last-Modified", &r->last_modified);
	return size * n;
}

/* One GET on the reused handle; status 0 when nothing answered. */
struct reply *http_get(const char *path, const char *header)
{
	struct reply *r = c_alloc(sizeof *r);
	struct buffer b = { 0 };
	struct curl_slist *headers = header ? curl_slist_append(NULL, header) : NULL;
	r->url = strncmp(path, "http", 4) == 0 ? path : c_printf("%s%s", env_url(), path);
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, r->url);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, HTTP_TIMEOUT_SECONDS);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	if (curl_easy_perform(curl) == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(headers);
	r->body = c_strndup(b.data ? b.data : "", b.len);
	r->len = b.len;
	free(b.data);
	return r;
}

/* A GET whose status and type are part of the check. */
struct reply *fetch(const char *path, const char *content_type)
{
	struct reply *r = http_get(path, NULL);
	if (r->status != 200) {
		c_fail(__FILE__, __LINE__, "GET %s: expected 200, got %ld", r->url, r->status);
		return NULL;
	}
	if (r->content_type == NULL || strcmp(r->content_type, content_type) != 0) {
		c_fail(__FILE__, __LINE__, "GET %s: Content-Type \"%s\", expected \"%s\"", r->url,
		       r->content_type ? r->content_type : "(none)", content_type);
		return NULL;
	}
	return r;
}

/* path?fresh=<pid>-<n>, a new URL for nginx's cache each time. */
const char *fresh(const char *path)
{
	static unsigned long n;
	return c_printf("%s%cfresh=%ld-%lu", path, strchr(path, '?') ? '&' : '?', (long)getpid(), ++n);
}

/* ---- FastCGI, straight to the program ------------------------------------ */

enum { FCGI_BEGIN = 1, FCGI_END = 3, FCGI_PARAMS = 4, FCGI_STDIN = 5, FCGI_STDOUT = 6 };

/* Appends one FastCGI record (version 1, request 1) to b. */
static void fcgi_record(struct buffer *b, int type, const char *data, size_t len)
{
	char head[8] = { 1, (char)type, 0, 1, (char)(len >> 8), (char)(len & 0xff), 0, 0 };
	on_body(head, 1, sizeof head, b);
	if (len > 0)
		on_body((char *)data, 1, len, b);
}

/* Appends a name-value pair (both shorter than 128 bytes) to b. */
static void fcgi_pair(struct buffer *b, const char *name, const char *value)
{
	char lens[2] = { (char)strlen(name), (char)strlen(value) };
	on_body(lens, 1, 2, b);
	on_body((char *)name, 1, strlen(name), b);
	on_body((char *)value, 1, strlen(value), b);
}

/* The STDOUT of the request in b, sent over the program's socket. */
static char *fcgi_exchange(const struct buffer *b)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s/run/rchub.sock", env_var());
	if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
	    write(fd, b->data, b->len) != (ssize_t)b->len) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	struct buffer out = { 0 };
	unsigned char head[8];
	char body[65536 + 256];
	while (read(fd, head, sizeof head) == (ssize_t)sizeof head && head[1] != FCGI_END) {
		size_t len = ((size_t)head[4] << 8 | head[5]) + head[6], got = 0;
		ssize_t n;
		while (got < len && (n = read(fd, body + got, len - got)) > 0)
			got += (size_t)n;
		if (head[1] == FCGI_STDOUT)
			on_body(body, 1, len - head[6], &out);
	}
	close(fd);
	char *text = c_strndup(out.data ? out.data : "", out.len);
	free(out.data);
	return text;
}

/* A GET over FastCGI: BEGIN_REQUEST, PARAMS, empty STDIN, read STDOUT. */
int fcgi_status(const char *path, const char *header, const char *value, char **head)
{
	static const char begin[8] = { 0, 1, 0, 0, 0, 0, 0, 0 }; /* role RESPONDER */
	struct buffer b = { 0 }, params = { 0 };
	fcgi_pair(&params, "REQUEST_METHOD", "GET");
	fcgi_pair(&params, "REQUEST_URI", path);
	fcgi_pair(&params, "REMOTE_ADDR", "127.0.0.1");
	if (header != NULL)
		fcgi_pair(&params, header, value);
	fcgi_record(&b, FCGI_BEGIN, begin, sizeof begin);
	fcgi_record(&b, FCGI_PARAMS, params.data, params.len);
	fcgi_record(&b, FCGI_PARAMS, NULL, 0);
	fcgi_record(&b, FCGI_STDIN, NULL, 0);
	char *out = fcgi_exchange(&b);
	free(b.data);
	free(params.data);
	int status = 0;
	if (out == NULL || sscanf(out, "Status: %d", &status) != 1)
		return 0;
	if (head != NULL)
		*head = out;
	return status;
}

/* ---- XML ------------------------------------------------------------------------ */

static void free_doc(void *p)
{
	xmlFreeDoc(p);
}

/* Parses a body without network access, keeping the error message. */
xmlDocPtr xml_parse(const struct reply *r)
{
	xmlDocPtr doc = xmlReadMemory(r->body, (int)r->len, r->url, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();
		c_fail(__FILE__, __LINE__, "%s is not well-formed XML: %s", r->url, e && e->message ? e->message : "?");
		return NULL;
	}
	c_defer(free_doc, doc);
	return doc;
}

/* Validates doc with the RELAX NG schema at path. */
static bool valid_rng(xmlDocPtr doc, const char *path)
{
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
	xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
	xmlRelaxNGValidCtxtPtr vc = schema ? xmlRelaxNGNewValidCtxt(schema) : NULL;
	int rc = -1;
	if (vc != NULL) {
		xmlRelaxNGSetValidStructuredErrors(vc, on_xml_error, NULL);
		rc = xmlRelaxNGValidateDoc(vc, doc);
	}
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pc);
	return rc == 0;
}

/* Validates doc with the XSD read by pc (freed here). */
static bool valid_xsd(xmlDocPtr doc, xmlSchemaParserCtxtPtr pc)
{
	xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaValidCtxtPtr vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
	int rc = -1;
	if (vc != NULL) {
		xmlSchemaSetValidStructuredErrors(vc, on_xml_error, NULL);
		rc = xmlSchemaValidateDoc(vc, doc);
	}
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	return rc == 0;
}

/* Validation against a schema file of feeds/, by its extension. */
bool xml_valid(xmlDocPtr doc, const char *schema_file, const char *what)
{
	const char *path = c_printf("%s/feeds/%s", env_root(), schema_file);
	bool rng = strstr(schema_file, ".rng") != NULL;
	bool ok = rng ? valid_rng(doc, path) : valid_xsd(doc, xmlSchemaNewParserCtxt(path));
	if (!ok)
		c_fail(__FILE__, __LINE__, "%s does not validate against feeds/%s", what, schema_file);
	return ok;
}

/* Validation against a schema that came over HTTP. */
bool xml_valid_xsd_bytes(xmlDocPtr doc, const char *xsd, size_t len, const char *what)
{
	bool ok = valid_xsd(doc, xmlSchemaNewMemParserCtxt(xsd, (int)len));
	if (!ok)
		c_fail(__FILE__, __LINE__, "%s does not validate against its structure", what);
	return ok;
}

/* c_defer() release of an XPath result. */
static void free_xpath(void *p)
{
	xmlXPathFreeObject(p);
}

/* Evaluates expr on doc (freed when the check ends). */
static xmlXPathObjectPtr xpath(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, (const xmlChar *)"atom", (const xmlChar *)"http://www.w3.org/2005/Atom");
	xmlXPathRegisterNs(ctx, (const xmlChar *)"yandex", (const xmlChar *)"http://news.yandex.ru");
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	xmlXPathFreeContext(ctx);
	if (o != NULL)
		c_defer(free_xpath, o);
	return o;
}

/* string(expr) on doc. */
char *xpath_text(xmlDocPtr doc, const char *expr)
{
	xmlXPathObjectPtr o = xpath(doc, c_printf("string(%s)", expr));
	return c_printf("%s", o && o->stringval ? (const char *)o->stringval : "");
}

/* count(expr) on doc. */
long xpath_count(xmlDocPtr doc, const char *expr)
{
	xmlXPathObjectPtr o = xpath(doc, c_printf("count(%s)", expr));
	return o ? (long)o->floatval : -1;
}

/* ---- JSON ------------------------------------------------------------------------ */

/* c_defer() release of a json-c object. */
static void put_json(void *p)
{
	json_object_put(p);
}

/* Parses a body with json-c. */
json_object *json_parse(const struct reply *r)
{
	json_object *o = json_tokener_parse(r->body);
	if (o == NULL) {
		c_fail(__FILE__, __LINE__, "%s is not JSON: %.200s", r->url, r->body);
		return NULL;
	}
	c_defer(put_json, o);
	return o;
}

/* obj[key], or NULL. */
json_object *json_get(json_object *obj, const char *key)
{
	json_object *v = NULL;
	return obj && json_object_object_get_ex(obj, key, &v) ? v : NULL;
}

/* obj[key] as a string, "" when absent. */
const char *json_str(json_object *obj, const char *key)
{
	json_object *v = json_get(obj, key);
	return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : "";
}

/* ---- database truth ---------------------------------------------------------------- */

/* Runs sql through the mariadb client; its batch output, or NULL. */
static char *sql_run(const char *sql, bool quiet)
{
	char path[] = "/tmp/feeds-check-sql-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, sql, strlen(sql)) != (ssize_t)strlen(sql)) {
		c_fail(__FILE__, __LINE__, "cannot write a temporary file for SQL");
		return NULL;
	}
	close(fd);
	char *cmd = c_printf("mariadb --no-defaults --default-character-set=utf8mb4 -S '%s/run/mariadb.sock' "
	                     "-u root -N -B rchub < '%s' 2>&1", env_var(), path);
	FILE *p = popen(cmd, "r");
	struct buffer b = { 0 };
	char chunk[8192];
	size_t n;
	while (p && (n = fread(chunk, 1, sizeof chunk, p)) > 0)
		on_body(chunk, 1, n, &b);
	int rc = p ? pclose(p) : -1;
	unlink(path);
	char *out = c_strndup(b.data ? b.data : "", b.len);
	free(b.data);
	if (rc != 0 && !quiet)
		c_fail(__FILE__, __LINE__, "SQL failed: %.300s\n%s", sql, out);
	return rc == 0 ? out : NULL;
}

/* Undoes the client's batch escapes (\n, \t, \\, \0) in place. */
static void unescape(char *s)
{
	char *o = s;
	for (char *p = s; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			*o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == '0' ? '\0' : *p;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
}

/* Splits one line of batch output into cells. */
static char **split_row(char *line)
{
	size_t n = 1;
	for (char *p = line; *p; p++)
		n += *p == '\t';
	char **cells = c_alloc((n + 1) * sizeof *cells);
	for (size_t i = 0; i < n; i++) {
		char *tab = strchr(line, '\t');
		if (tab)
			*tab = '\0';
		cells[i] = strcmp(line, "NULL") == 0 ? NULL : line;
		if (cells[i])
			unescape(cells[i]);
		line = tab ? tab + 1 : line + strlen(line);
	}
	return cells;
}

/* Runs a query and splits its batch output into rows and cells. */
long sql_rows(const char *sql, char ****out)
{
	char *text = sql_run(sql, false);
	if (text == NULL)
		return -1;
	char ***rows = c_alloc(SQL_MAX_ROWS * sizeof *rows);
	long n = 0;
	while (*text && n < SQL_MAX_ROWS) {
		char *nl = strchr(text, '\n');
		if (nl)
			*nl = '\0';
		rows[n++] = split_row(text);
		text = nl ? nl + 1 : text + strlen(text);
	}
	*out = rows;
	return n;
}

/* The first cell of a query. */
char *sql_text(const char *sql)
{
	char ***rows;
	return sql_rows(sql, &rows) > 0 ? rows[0][0] : NULL;
}

/* The first cell of a query as a number, -1 on error. */
long long sql_count(const char *sql)
{
	char *s = sql_text(sql);
	return s ? strtoll(s, NULL, 10) : -1;
}

/* Runs statements for their effect. */
bool sql_exec(const char *sql)
{
	return sql_run(sql, false) != NULL;
}

/* Runs the statements deferred by sql_later (p is malloc'ed). */
static void run_later(void *p)
{
	sql_run(p, false);
	free(p);
}

/* Defers statements to the end of the check. */
void sql_later(const char *sql)
{
	char *copy = strdup(sql);
	if (copy == NULL)
		abort();
	c_defer(run_later, copy);
}

/* A string literal with quotes and backslashes escaped. */
char *sql_quote(const char *s)
{
	char *out = c_alloc(2 * strlen(s) + 3), *o = out;
	*o++ = '\'';
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '\'';
	return out;
}

/* ---- files ----------------------------------------------------------------------------- */

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buffer b = { 0 };
	char chunk[8192];
	size_t n;
	while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		on_body(chunk, 1, n, &b);
	if (f)
		fclose(f);
	char *out = f ? c_strndup(b.data ? b.data : "", b.len) : NULL;
	if (len)
		*len = b.len;
	free(b.data);
	return out;
}

/* ---- runner ----------------------------------------------------------------------------- */

static bool selected(const char *name, int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strstr(name, argv[i]) != NULL)
			return true;
	return argc < 2;
}

/* Runs one check and prints its TAP line; true when it passed. */
static bool run_one(const struct check *c, int number)
{
	diag_len = 0;
	diag[0] = '\0';
	failed = false;
	c->run();
	release_all();
	printf("%s %d - %s\n%s", failed ? "not ok" : "ok", number, c->name, failed ? diag : "");
	fflush(stdout);
	return !failed;
}

/* Checks that the stack answers, then runs the selected checks. */
int main(int argc, char **argv)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	curl = curl_easy_init();
	xmlInitParser();
	struct reply *r = http_get("/", NULL);
	if (r->status == 0) {
		printf("Bail out! %s is not reachable\n", env_url());
		return 2;
	}
	release_all();
	int number = 0, failures = 0;
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		for (const struct check *c = tables[t]; c->name; c++)
			if (selected(c->name, argc, argv))
				failures += !run_one(c, ++number);
	printf("1..%d\n# %d checks, %d failed\n", number, number, failures);
	curl_easy_cleanup(curl);
	curl_global_cleanup();
	xmlCleanupParser();
	return failures ? 1 : 0;
}
