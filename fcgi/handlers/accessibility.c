/* handlers/accessibility.c: the version for the visually impaired and the
 * print view, both without JavaScript.
 *
 * The visitor's choices live in one cookie, rchub_a11y, written only by this
 * file as "fs-2.ff-serif.cs-wb.img-off.ls-2.lh-1": every setting once, in the
 * order of the options table, each value one of the table's. A cookie that is
 * anything else is ignored (the normal version is shown), and nothing of it
 * ever reaches a page: the classes of <html> are built from the table's own
 * strings. /accessibility is the settings page (a GET form: the settings
 * change nothing on the server); its query sets the cookie and redirects. */
#include "handlers.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../config.h"

#define A11Y_COOKIE "rchub_a11y"
#define A11Y_COOKIE_MAX 64                /* longer than any valid value */
#define A11Y_COOKIE_MAX_AGE (365 * 86400L) /* a year: settings outlive sessions */
#define A11Y_BACK_MAX 2000                 /* bytes of a "back" path kept */
#define A11Y_PATH "/accessibility"
#define A11Y_MAX_CHOICES 4

/* The settings, in cookie order; each indexes options[]. */
enum a11y_key { A11Y_FS, A11Y_FF, A11Y_CS, A11Y_IMG, A11Y_LS, A11Y_LH, A11Y__MAX };

struct a11y_choice {
	const char *value; /* in the query, the cookie, and the class a11y-KEY-VALUE */
	const char *label; /* Russian, as shown */
};

struct a11y_option {
	const char *key;    /* query field, cookie token and class prefix */
	const char *legend; /* Russian name of the setting */
	struct a11y_choice choices[A11Y_MAX_CHOICES + 1]; /* {NULL, NULL}-terminated; [0] is the default */
};

static const struct a11y_option options[A11Y__MAX] = {
	{ "fs", "Размер шрифта", /* A11Y_FS */
	  { { "1", "крупный" }, { "2", "очень крупный" }, { "3", "самый крупный" }, { NULL, NULL } } },
	{ "ff", "Шрифт", /* A11Y_FF */
	  { { "sans", "без засечек (как Arial)" }, { "serif", "с засечками (как Times New Roman)" }, { NULL, NULL } } },
	{ "cs", "Цвета", /* A11Y_CS */
	  { { "bw", "чёрный текст на белом фоне" }, { "wb", "белый текст на чёрном фоне" },
	    { "blue", "тёмно-синий текст на голубом фоне" }, { "brown", "коричневый текст на бежевом фоне" },
	    { NULL, NULL } } },
	{ "img", "Изображения", /* A11Y_IMG */
	  { { "on", "показывать" }, { "off", "не показывать, вместо них — их описание" }, { NULL, NULL } } },
	{ "ls", "Расстояние между буквами", /* A11Y_LS */
	  { { "1", "обычное" }, { "2", "увеличенное" }, { NULL, NULL } } },
	{ "lh", "Расстояние между строками", /* A11Y_LH */
	  { { "1", "обычное" }, { "2", "увеличенное" }, { NULL, NULL } } },
};

/* Content templates that get no «Печать» link: forms and error pages. */
static const char *const no_print_templates[] = {
	"accessibility.tpl", "error.tpl", "login.tpl", "register.tpl", NULL,
};

/* Index of value[0..len) among the option's choices, or -1. */
static int choice_index(const struct a11y_option *o, const char *value, size_t len)
{
	for (int i = 0; o->choices[i].value != NULL; i++)
		if (strlen(o->choices[i].value) == len && memcmp(o->choices[i].value, value, len) == 0)
			return i;
	return -1;
}

/* Index of the option named key[0..len), or -1. */
static int option_index(const char *key, size_t len)
{
	for (int k = 0; k < A11Y__MAX; k++)
		if (strlen(options[k].key) == len && memcmp(options[k].key, key, len) == 0)
			return k;
	return -1;
}

/* Parses a cookie value into v (choice indexes). True only for exactly one
 * "key-value" token per option, separated by dots; anything else is false. */
static bool a11y_parse(const char *s, int v[A11Y__MAX])
{
	bool seen[A11Y__MAX] = { false };
	if (s == NULL || strlen(s) > A11Y_COOKIE_MAX)
		return false;
	for (int n = 0; n < A11Y__MAX; n++) {
		size_t len = strcspn(s, ".");
		const char *dash = memchr(s, '-', len);
		if (dash == NULL)
			return false;
		int k = option_index(s, (size_t)(dash - s));
		if (k < 0 || seen[k])
			return false;
		int c = choice_index(&options[k], dash + 1, len - (size_t)(dash + 1 - s));
		if (c < 0)
			return false;
		seen[k] = true;
		v[k] = c;
		s += len;
		if (n < A11Y__MAX - 1 && *s++ != '.')
			return false;
	}
	return *s == '\0';
}

/* The visitor's settings: true and v filled when the version for the visually
 * impaired is on; false and v set to the defaults otherwise. */
static bool a11y_read(const struct request *req, int v[A11Y__MAX])
{
	if (a11y_parse(request_cookie(req, A11Y_COOKIE), v))
		return true;
	memset(v, 0, sizeof(int) * A11Y__MAX);
	return false;
}

bool a11y_active(const struct request *req)
{
	int v[A11Y__MAX];
	return a11y_read(req, v);
}

const char *a11y_colours(const struct request *req)
{
	int v[A11Y__MAX];
	return a11y_read(req, v) ? options[A11Y_CS].choices[v[A11Y_CS]].value : NULL;
}

/* "fs-1.ff-sans..." for v; only the table's strings go into it. */
static char *a11y_cookie_value(arena *mem, const int v[A11Y__MAX])
{
	char buf[A11Y_COOKIE_MAX + 1];
	size_t o = 0;
	for (int k = 0; k < A11Y__MAX; k++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s-%s", k ? "." : "", options[k].key,
		                      options[k].choices[v[k]].value);
	return arena_strdup(mem, buf);
}

/* "a11y a11y-fs-1 a11y-ff-sans ...": the classes of <html> for v. */
static char *a11y_classes(arena *mem, const int v[A11Y__MAX])
{
	char buf[256];
	size_t o = (size_t)snprintf(buf, sizeof buf, "a11y");
	for (int k = 0; k < A11Y__MAX; k++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, " a11y-%s-%s", options[k].key, options[k].choices[v[k]].value);
	return arena_strdup(mem, buf);
}

/* Sets (or with max_age 0 removes) the settings cookie. Same attributes as
 * the session cookie: nothing on the page reads it from script. */
static void a11y_set_cookie(struct request *req, struct response *resp, const char *value, long max_age)
{
	const struct config *c = config_current();
	response_header(resp, "Set-Cookie",
	                arena_printf(req->mem, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s", A11Y_COOKIE,
	                             value, max_age, c != NULL && c->secure_cookies ? "; Secure" : ""));
	resp->personal = true;
}

/* A "back" target: a local path of visible ASCII, never another site
 * ("//host", "/\host"); NULL when it is not one. */
static const char *safe_back(const char *back)
{
	if (back == NULL || back[0] != '/' || back[1] == '/' || back[1] == '\\' || strlen(back) > A11Y_BACK_MAX)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)back; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f)
			return NULL;
	return back;
}

/* /accessibility?back=where with extra (name, value) pairs before it. */
static char *settings_link(arena *mem, const char *name, const char *value, const char *back)
{
	struct link_param p[] = { { name, value }, { "back", back } };
	return build_link(mem, A11Y_PATH, p, 2);
}

/* The current page's address without its print parameter; with it added when
 * print is true. Values are re-encoded from the parsed query. */
static char *page_link(const struct request *req, bool print)
{
	struct link_param *p = arena_calloc(req->mem, req->query.count + 1, sizeof *p);
	size_t n = 0;
	for (size_t i = 0; i < req->query.count; i++)
		if (strcmp(req->query.items[i].name, "print") != 0)
			p[n++] = (struct link_param){ req->query.items[i].name, req->query.items[i].value };
	if (print)
		p[n++] = (struct link_param){ "print", "1" };
	return build_link(req->mem, req->path, p, n);
}

/* Adds one panel link per choice of option k, each setting that choice. */
static void panel_choices(tpl_dict *panel, const char *section, arena *mem, int k, int current, const char *back)
{
	for (int i = 0; options[k].choices[i].value != NULL; i++) {
		tpl_dict *s = tpl_section(panel, section);
		tpl_set(s, "VALUE", options[k].choices[i].value);
		tpl_set(s, "LABEL", options[k].choices[i].label);
		tpl_set(s, "URL", settings_link(mem, options[k].key, options[k].choices[i].value, back));
		if (i == current)
			tpl_show(s, "CURRENT");
	}
}

/* The panel at the top of every page in the version for the visually
 * impaired (a11y_panel.tpl): font size, colours, images, all settings, off. */
static void fill_panel(tpl_dict *root, struct request *req, const int v[A11Y__MAX], const char *back)
{
	tpl_dict *panel = tpl_include(root, "A11Y_PANEL", "a11y_panel.tpl");
	panel_choices(panel, "FS", req->mem, A11Y_FS, v[A11Y_FS], back);
	panel_choices(panel, "CS", req->mem, A11Y_CS, v[A11Y_CS], back);
	bool img_off = v[A11Y_IMG] == 1;
	tpl_set(panel, "IMG_URL", settings_link(req->mem, "img", img_off ? "on" : "off", back));
	tpl_set(panel, "IMG_TEXT", img_off ? "Показать изображения" : "Скрыть изображения");
	/* On the settings page, "all settings" is that page itself. */
	size_t n = strlen(A11Y_PATH);
	bool on_settings = back != NULL && strncmp(back, A11Y_PATH, n) == 0 && (back[n] == '\0' || back[n] == '?');
	tpl_set(panel, "SETTINGS_URL", on_settings ? back : settings_link(req->mem, NULL, NULL, back));
	tpl_set(panel, "OFF_URL", settings_link(req->mem, "off", "1", back));
}

void a11y_fill_layout(struct request *req, tpl_dict *root, const char *content_template)
{
	int v[A11Y__MAX];
	bool active = a11y_read(req, v);
	const char *print = request_query(req, "print");
	bool print_view = print != NULL && strcmp(print, "1") == 0;
	/* Where the settings return to: this page (re-encoded when its raw address
	 * has bytes a redirect must not carry). On the settings page itself, the
	 * page it was opened from; its panel links come back to it. */
	const char *back = safe_back(req->uri);
	if (back == NULL)
		back = safe_back(page_link(req, false));
	if (strcmp(content_template, "accessibility.tpl") == 0) {
		back = safe_back(query_value(req, "back"));
		if (active)
			back = settings_link(req->mem, NULL, NULL, back);
	}
	char *classes = active ? a11y_classes(req->mem, v) : NULL;
	if (print_view)
		classes = classes ? arena_printf(req->mem, "%s print-view", classes) : "print-view";
	if (classes != NULL)
		tpl_set(tpl_section(root, "HTML_CLASS"), "HTML_CLASSES", classes);
	if (active) {
		tpl_show(root, "A11Y_CSS");
		fill_panel(root, req, v, back);
	} else
		tpl_set(tpl_section(root, "A11Y_LINK"), "A11Y_URL", settings_link(req->mem, NULL, NULL, back));
	if (print_view) {
		tpl_set(tpl_section(root, "PRINT_VIEW"), "SCREEN_URL", page_link(req, false));
		return;
	}
	if (req->method == METHOD_POST)
		return;
	for (size_t i = 0; no_print_templates[i] != NULL; i++)
		if (strcmp(content_template, no_print_templates[i]) == 0)
			return;
	tpl_set(tpl_section(root, "PRINT_LINK"), "PRINT_URL", page_link(req, true));
}

/* The settings page: the form, the current state, the way back. */
static void render_settings(struct request *req, struct response *resp, bool active, const int v[A11Y__MAX],
                            const char *back)
{
	struct page p;
	page_begin(&p, req, "accessibility.tpl", "Версия для слабовидящих", NAV_NONE);
	tpl_show(p.content, active ? "ACTIVE" : "INACTIVE");
	for (int k = 0; k < A11Y__MAX; k++) {
		tpl_dict *o = tpl_section(p.content, "OPTION");
		tpl_set(o, "LEGEND", options[k].legend);
		tpl_set(o, "KEY", options[k].key);
		for (int i = 0; options[k].choices[i].value != NULL; i++) {
			tpl_dict *c = tpl_section(o, "CHOICE");
			tpl_set(c, "VALUE", options[k].choices[i].value);
			tpl_set(c, "LABEL", options[k].choices[i].label);
			if (i == v[k])
				tpl_show(c, "CHECKED");
			if (k == A11Y_CS)
				tpl_show(c, "SWATCH");
		}
	}
	if (back != NULL) {
		tpl_set(tpl_section(p.content, "HAS_BACK"), "BACK", back);
		tpl_set(tpl_section(p.content, "BACK_LINK"), "BACK", back);
	}
	if (active)
		tpl_set(tpl_section(p.content, "OFF"), "OFF_URL", settings_link(req->mem, "off", "1", back));
	const char *saved = request_query(req, "saved");
	if (saved != NULL && strcmp(saved, "1") == 0)
		tpl_show(p.content, "SAVED");
	resp->personal = true;
	page_finish(&p, resp, 200);
}

/* A flag parameter: absent (false), "1" (true), or anything else (-1). */
static int flag_param(const struct request *req, const char *name)
{
	const char *s = query_value(req, name);
	if (s == NULL)
		return 0;
	return strcmp(s, "1") == 0 ? 1 : -1;
}

void handle_accessibility(struct request *req, struct response *resp)
{
	const char *back = safe_back(query_value(req, "back"));
	static const char *const flags[] = { "off", "stay", "saved" };
	int flag[3];
	for (int i = 0; i < 3; i++)
		if ((flag[i] = flag_param(req, flags[i])) < 0) {
			page_bad_param(req, resp, flags[i]);
			return;
		}
	if (flag[0]) {
		a11y_set_cookie(req, resp, "", 0);
		response_redirect(resp, 303, back ? back : A11Y_PATH);
		return;
	}
	int v[A11Y__MAX];
	bool active = a11y_read(req, v);
	bool changed = false;
	for (int k = 0; k < A11Y__MAX; k++) {
		const char *s = query_value(req, options[k].key);
		if (s == NULL)
			continue;
		int c = choice_index(&options[k], s, strlen(s));
		if (c < 0) {
			page_bad_param(req, resp, options[k].key);
			return;
		}
		v[k] = c;
		changed = true;
	}
	if (!changed) {
		render_settings(req, resp, active, v, back);
		return;
	}
	a11y_set_cookie(req, resp, a11y_cookie_value(req->mem, v), A11Y_COOKIE_MAX_AGE);
	if (flag[1] || back == NULL) {
		struct link_param p[] = { { "back", back }, { "saved", "1" } };
		response_redirect(resp, 303, build_link(req->mem, A11Y_PATH, p, 2));
	} else {
		response_redirect(resp, 303, back);
	}
}
