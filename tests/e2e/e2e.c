/* e2e.c: the end-to-end runner: main(), the list of test tables, the TAP
 * output, failure recording and test-scoped memory.
 *
 *   build/tests/e2e [WORD...]   runs every test (or those whose name contains
 *                               one of the words) and prints TAP:
 *                               "ok N - name" / "not ok N - name" + "# why".
 * Exits 1 when a test failed, 2 when the stack is not reachable at all. */
#include "e2e.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct test_case *const suites[] = {
	pages_tests, content_tests, catalogue_tests, search_tests, ngos_tests,
	badinput_tests, escaping_tests, forms_tests, requests_tests, centre_content_tests, source_tests,
	projects_tests,
	quality_tests,
	accounts_tests,
};

/* ---- configuration --------------------------------------------------- */

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);
	return v && v[0] ? v : fallback;
}

const char *e2e_base_url(void)
{
	return env_or("RCHUB_TEST_URL", "http://127.0.0.1:18080");
}

const char *e2e_var_dir(void)
{
	return env_or("RCHUB_TEST_VAR", "var/test");
}

const char *e2e_root_dir(void)
{
	return env_or("RCHUB_TEST_ROOT", ".");
}

/* ---- test-scoped memory ---------------------------------------------- */

struct deferred {
	void (*fn)(void *);
	void *p;
	struct deferred *next;
};
static struct deferred *deferred_list;

void t_defer(void (*fn)(void *), void *p)
{
	struct deferred *d = malloc(sizeof *d);
	if (d == NULL)
		abort();
	d->fn = fn;
	d->p = p;
	d->next = deferred_list;
	deferred_list = d;
}

/* Runs the deferred releases, newest first (an html before its response). */
static void release_all(void)
{
	while (deferred_list != NULL) {
		struct deferred *d = deferred_list;
		deferred_list = d->next;
		d->fn(d->p);
		free(d);
	}
}

void *t_alloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (p == NULL)
		abort();
	t_defer(free, p);
	return p;
}

char *t_strndup(const char *s, size_t n)
{
	char *p = t_alloc(n + 1);
	memcpy(p, s, n);
	return p;
}

char *t_strdup(const char *s)
{
	return t_strndup(s, strlen(s));
}

char *t_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = t_alloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* ---- failures -------------------------------------------------------- */

static char diag[8192];
static size_t diag_len;
static bool current_failed;

/* Appends text as "# " lines (one per line of text) to the diagnostics. */
static void diag_add(const char *text)
{
	for (const char *p = text; *p && diag_len + 8 < sizeof diag;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int w = snprintf(diag + diag_len, sizeof diag - diag_len, "# %.*s\n", (int)n, p);
		if (w > 0)
			diag_len += (size_t)w < sizeof diag - diag_len ? (size_t)w : sizeof diag - diag_len - 1;
		p += n + (nl != NULL);
	}
}

void t_fail(const char *file, int line, const char *fmt, ...)
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
	current_failed = true;
}

bool t_failed(void)
{
	return current_failed;
}

/* ---- runner ---------------------------------------------------------- */

static bool selected(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return true;
	for (int i = 1; i < argc; i++)
		if (strstr(name, argv[i]) != NULL)
			return true;
	return false;
}

/* Runs one test and prints its TAP line; returns true when it passed. */
static bool run_one(const struct test_case *t, int number)
{
	diag_len = 0;
	diag[0] = '\0';
	current_failed = false;
	http_reset_cookies();
	t->run(t->arg);
	release_all();
	printf("%s %d - %s\n", current_failed ? "not ok" : "ok", number, t->name);
	if (current_failed)
		fputs(diag, stdout);
	fflush(stdout);
	return !current_failed;
}

static int count_selected(int argc, char **argv)
{
	int n = 0;
	for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++)
		for (const struct test_case *t = suites[s]; t->name; t++)
			n += selected(t->name, argc, argv);
	return n;
}

/* A stack that does not answer would fail every test for one reason. */
static bool stack_reachable(void)
{
	struct http_response *r = http_get("/");
	bool ok = r->status > 0;
	if (!ok)
		printf("Bail out! %s is not reachable: %s\n", e2e_base_url(), r->error ? r->error : "?");
	release_all();
	return ok;
}

int main(int argc, char **argv)
{
	http_init();
	if (!stack_reachable()) {
		http_cleanup();
		return 2;
	}
	printf("1..%d\n", count_selected(argc, argv));
	int number = 0, failed = 0;
	for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++)
		for (const struct test_case *t = suites[s]; t->name; t++)
			if (selected(t->name, argc, argv))
				failed += !run_one(t, ++number);
	printf("# %d tests, %d failed\n", number, failed);
	http_cleanup();
	return failed ? 1 : 0;
}
