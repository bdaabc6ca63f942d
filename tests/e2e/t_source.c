/* t_source.c: rules of DESIGN.md ("Rules that keep it safe") checked on the
 * source itself, under $RCHUB_TEST_ROOT: no SQL text is ever formatted at run
 * time (no printf-family call touches SQL keywords or a macro holding SQL),
 * statements are prepared only in fcgi/db.c, the text-protocol query calls
 * are never used, and every template auto-escapes without opting out. */
#include "e2e.h"

#include <ctype.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SOURCES 256
#define MAX_SQL_MACROS 128

struct source {
	char *path;     /* relative to the root, e.g. fcgi/db.c */
	char *code;     /* comments blanked out, strings kept, newlines kept */
};

static struct source sources[MAX_SOURCES];
static size_t nsources;
static size_t root_len;

/* Blanks out comments (keeping newlines) so prose cannot trip the checks. */
static void blank_comments(char *s)
{
	char quote = 0;
	for (char *p = s; *p; p++) {
		if (quote) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				*p++ = ' ';
			p--;
		} else if (p[0] == '/' && p[1] == '*') {
			char *end = strstr(p + 2, "*/");
			char *stop = end ? end + 2 : p + strlen(p);
			for (; p < stop; p++)
				if (*p != '\n')
					*p = ' ';
			p--;
		}
	}
}

static int collect(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	size_t n = strlen(path);
	bool c_file = (n > 2 && strcmp(path + n - 2, ".c") == 0) || (n > 2 && strcmp(path + n - 2, ".h") == 0) ||
	              (n > 3 && strcmp(path + n - 3, ".cc") == 0);
	if (type != FTW_F || !c_file || nsources >= MAX_SOURCES)
		return 0;
	char *code = read_file(path, NULL);
	if (code == NULL)
		return 0;
	blank_comments(code);
	sources[nsources].path = t_strdup(path + root_len);
	sources[nsources].code = code;
	nsources++;
	return 0;
}

/* Reads every C source under fcgi/; false (with a failure) when none. */
static bool load_sources(void)
{
	nsources = 0;
	const char *root = e2e_root_dir();
	root_len = strlen(root) + 1;
	char *dir = t_printf("%s/fcgi", root);
	if (nftw(dir, collect, 16, FTW_PHYS) != 0 || nsources == 0) {
		t_fail(__FILE__, __LINE__, "no C sources under %s (RCHUB_TEST_ROOT=%s)", dir, root);
		return false;
	}
	return true;
}

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Next call of the function name in code from p: returns the position of
 * the name, *args the text between its parentheses. */
static const char *next_call(const char *code, const char *p, const char *name, char **args)
{
	size_t len = strlen(name);
	for (const char *at = strstr(p, name); at != NULL; at = strstr(at + 1, name)) {
		if ((at > code && ident_char(at[-1])) || ident_char(at[len]))
			continue;
		const char *q = at + len;
		while (*q == ' ' || *q == '\t' || *q == '\n')
			q++;
		if (*q != '(')
			continue;
		int depth = 0;
		char quote = 0;
		const char *start = q;
		for (; *q; q++) {
			if (quote) {
				if (*q == '\\' && q[1])
					q++;
				else if (*q == quote)
					quote = 0;
			} else if (*q == '"' || *q == '\'') {
				quote = *q;
			} else if (*q == '(') {
				depth++;
			} else if (*q == ')' && --depth == 0) {
				break;
			}
		}
		*args = t_strndup(start + 1, (size_t)(q - start - (*q ? 1 : 0)));
		return at;
	}
	return NULL;
}

static int line_of(const char *code, const char *at)
{
	int line = 1;
	for (const char *p = code; p < at; p++)
		line += *p == '\n';
	return line;
}

static const char *const sql_keywords[] = { "SELECT", "INSERT", "UPDATE", "DELETE", "WHERE", NULL };

/* The contents of the string literals in code, space-separated: SQL hides
 * there, while identifiers (a variable called "where") are not SQL. */
static char *literals_of(const char *code)
{
	char *out = t_alloc(strlen(code) + 1), *o = out;
	for (const char *p = code; *p; p++) {
		if (*p == '\'' && p[1]) {
			p += p[1] == '\\' ? 3 : 2;
			continue;
		}
		if (*p != '"')
			continue;
		for (p++; *p && *p != '"'; p++) {
			if (*p == '\\' && p[1])
				p++;
			*o++ = *p;
		}
		*o++ = ' ';
		if (*p == '\0')
			break;
	}
	return out;
}

/* The SQL keyword (any case, whole word) in the literals of code, or NULL. */
static const char *sql_keyword_in(const char *code)
{
	const char *text = literals_of(code);
	for (int k = 0; sql_keywords[k]; k++) {
		size_t len = strlen(sql_keywords[k]);
		for (const char *p = text; (p = strcasestr(p, sql_keywords[k])) != NULL; p++)
			if ((p == text || !ident_char(p[-1])) && !ident_char(p[len]))
				return sql_keywords[k];
	}
	return NULL;
}

/* Names of #define macros whose body holds SQL (CENTRE_COLUMNS, ...). */
static size_t sql_macros(char **names)
{
	size_t n = 0;
	for (size_t i = 0; i < nsources; i++) {
		for (const char *p = strstr(sources[i].code, "#define"); p; p = strstr(p + 1, "#define")) {
			const char *end = p;
			while (*end && !(*end == '\n' && end[-1] != '\\'))
				end++;
			char *body = t_strndup(p, (size_t)(end - p));
			const char *name = body + 7;
			while (*name == ' ' || *name == '\t')
				name++;
			size_t nl = 0;
			while (ident_char(name[nl]))
				nl++;
			if (sql_keyword_in(name + nl) && n < MAX_SQL_MACROS)
				names[n++] = t_strndup(name, nl);
		}
	}
	return n;
}

/* True when args names one of the macros as a whole identifier. */
static const char *macro_in(const char *args, char **macros, size_t nmacros)
{
	for (size_t m = 0; m < nmacros; m++) {
		size_t len = strlen(macros[m]);
		for (const char *p = args; (p = strstr(p, macros[m])) != NULL; p++)
			if ((p == args || !ident_char(p[-1])) && !ident_char(p[len]))
				return macros[m];
	}
	return NULL;
}

static const char *const formatters[] = {
	"snprintf", "sprintf", "vsnprintf", "vsprintf", "strcat", "strncat", "asprintf", "vasprintf",
	"arena_printf", "arena_vprintf", "strcpy", NULL,
};

static void t_no_sql_formatting(const void *arg)
{
	if (!load_sources())
		return;
	char *macros[MAX_SQL_MACROS];
	size_t nmacros = sql_macros(macros);
	char *bad = t_strdup("");
	for (size_t i = 0; i < nsources; i++)
		for (int f = 0; formatters[f]; f++) {
			char *args;
			const char *code = sources[i].code;
			for (const char *at = code; (at = next_call(code, at, formatters[f], &args)) != NULL; at++) {
				const char *why = sql_keyword_in(args);
				if (why == NULL)
					why = macro_in(args, macros, nmacros);
				if (why != NULL)
					bad = t_printf("%s\n  %s:%d: %s(...) touches %s", bad, sources[i].path,
					               line_of(code, at), formatters[f], why);
			}
		}
	CHECK(nsources > 10, "only %zu sources found under fcgi/", nsources);
	CHECK(bad[0] == '\0', "SQL built with string functions (a query from input?):%s", bad);
}

/* Where the call name occurs outside allowed_file; "" means nowhere. */
static char *calls_outside(const char *name, const char *allowed_file)
{
	char *where = t_strdup("");
	for (size_t i = 0; i < nsources; i++) {
		if (allowed_file && strcmp(sources[i].path, allowed_file) == 0)
			continue;
		char *args;
		const char *code = sources[i].code;
		for (const char *at = code; (at = next_call(code, at, name, &args)) != NULL; at++)
			where = t_printf("%s\n  %s:%d: %s(%.60s)", where, sources[i].path, line_of(code, at), name, args);
	}
	return where;
}

static void t_prepare_only_in_db(const void *arg)
{
	if (!load_sources())
		return;
	char *where = calls_outside("mysql_stmt_prepare", "fcgi/db.c");
	CHECK(where[0] == '\0', "mysql_stmt_prepare outside fcgi/db.c:%s", where);
	CHECK(calls_outside("mysql_stmt_prepare", NULL)[0] != '\0',
	      "no mysql_stmt_prepare at all: has the database layer moved? (update this test)");
}

static void t_no_text_queries(const void *arg)
{
	if (!load_sources())
		return;
	static const char *const banned[] = { "mysql_query", "mysql_real_query", "mysql_send_query", NULL };
	for (int b = 0; banned[b]; b++) {
		char *where = calls_outside(banned[b], NULL);
		CHECK(where[0] == '\0', "%s is used (only prepared statements are allowed):%s", banned[b], where);
	}
}

/* ---- templates ----------------------------------------------------------- */

static void t_templates_autoescape(const void *arg)
{
	char *dir = t_printf("%s/templates", e2e_root_dir());
	char *list = t_printf("ls %s/*.tpl 2>/dev/null", dir);
	FILE *p = popen(list, "r");
	CHECK(p != NULL, "cannot list %s", dir);
	char line[1024];
	int count = 0;
	char *bad = t_strdup("");
	while (fgets(line, sizeof line, p)) {
		line[strcspn(line, "\n")] = '\0';
		char *text = read_file(line, NULL);
		count++;
		if (text == NULL || strncmp(text, "{{%AUTOESCAPE context=\"", 23) != 0)
			bad = t_printf("%s\n  %s: does not start with {{%%AUTOESCAPE context=...}}", bad, line);
		else if (strstr(text, ":none}}") || strstr(text, ":none:") || strstr(text, "{{{"))
			bad = t_printf("%s\n  %s: opts out of escaping (:none)", bad, line);
	}
	pclose(p);
	CHECK(count > 0, "no templates under %s", dir);
	CHECK(bad[0] == '\0', "templates that do not auto-escape:%s", bad);
}

const struct test_case source_tests[] = {
	{ "source: no printf/strcat-family call in fcgi/ formats SQL", t_no_sql_formatting, NULL },
	{ "source: mysql_stmt_prepare is called only in fcgi/db.c", t_prepare_only_in_db, NULL },
	{ "source: mysql_query/mysql_real_query are never used", t_no_text_queries, NULL },
	{ "source: every template auto-escapes and none opts out", t_templates_autoescape, NULL },
	TEST_END,
};
