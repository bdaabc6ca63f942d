/* truth.c: what the database says, to compare with what the site shows.
 * Queries go through the mariadb command-line client as root over the test
 * stack's socket (never through the program under test), with the SQL in a
 * temporary file so no shell quoting touches it. Also small file and string
 * helpers the tests share. */
#include "e2e.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes sql to a temporary file; returns its path or NULL. */
static char *sql_file(const char *sql)
{
	char *path = t_printf("%s/e2e-query-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	size_t len = strlen(sql);
	bool ok = write(fd, sql, len) == (ssize_t)len;
	close(fd);
	if (!ok) {
		unlink(path);
		return NULL;
	}
	return path;
}

/* Runs sql; returns the client's output (tab-separated rows) or NULL. */
static char *sql_run(const char *sql)
{
	char *path = sql_file(sql);
	if (path == NULL) {
		t_fail(__FILE__, __LINE__, "cannot write a temporary SQL file");
		return NULL;
	}
	char *cmd = t_printf("mariadb --no-defaults --default-character-set=utf8mb4 -S '%s/run/mariadb.sock' "
	                     "-u root rchub -N -B <'%s' 2>&1",
	                     e2e_var_dir(), path);
	FILE *p = popen(cmd, "r");
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	char buf[4096];
	size_t n;
	while (p && (n = fread(buf, 1, sizeof buf, p)) > 0)
		fwrite(buf, 1, n, mem);
	int rc = p ? pclose(p) : -1;
	fclose(mem);
	unlink(path);
	t_defer(free, out);
	if (rc != 0) {
		t_fail(__FILE__, __LINE__, "truth query failed (%s): %.300s\n  SQL: %.600s", cmd, out, sql);
		return NULL;
	}
	return out;
}

long sql_column(const char *sql, char ***out)
{
	*out = NULL;
	char *text = sql_run(sql);
	if (text == NULL)
		return -1;
	size_t rows = 0;
	for (const char *p = text; *p; p++)
		rows += *p == '\n';
	*out = t_alloc((rows + 1) * sizeof **out);
	long n = 0;
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *tab = memchr(line, '\t', len);
		(*out)[n++] = t_strndup(line, tab ? (size_t)(tab - line) : len);
		line += len + (nl != NULL);
	}
	return n;
}

char *sql_text(const char *sql)
{
	char **col;
	long n = sql_column(sql, &col);
	return n > 0 ? col[0] : NULL;
}

long long sql_count(const char *sql)
{
	char *s = sql_text(sql);
	if (s == NULL) {
		t_fail(__FILE__, __LINE__, "truth query returned no row: %.600s", sql);
		return -1;
	}
	return strtoll(s, NULL, 10);
}

/* ---- small helpers ----------------------------------------------------- */

bool str_eq(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

char *trim(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return t_strndup(s, n);
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *out = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&out, &n);
	char buf[8192];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, got, mem);
	fclose(f);
	fclose(mem);
	t_defer(free, out);
	if (len != NULL)
		*len = n;
	return out;
}
