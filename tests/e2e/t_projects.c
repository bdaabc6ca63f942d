/* t_projects.c: the NGO project registry and the survival monitor end to
 * end. A member registers a project of the NGO they act for and posts
 * updates; a member of another NGO cannot change it (403, nothing
 * written); the catalogue's filters and their bad values; each at-risk
 * rule fires on its fixture project and not on its neighbours
 * (fixtures-projects.sql); staff of the supporting centre see the projects
 * at risk and record support (audited), other centres' staff cannot;
 * `rchub-admin risk-scan` tells a centre once per project and rule;
 * /survival shows the shares the database gives when the definition is
 * applied independently here, in SQL; its SVG charts are well-formed XML
 * with one bar per row of their table; markup in project texts is shown as
 * text. */
#include "e2e.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#define MEMBER_PASSWORD "demo-member-pass"
#define STAFF_PASSWORD "demo-staff-pass"
#define MEMBER "member1@example.org"          /* acts for NGO 166 */
#define OTHER_MEMBER "member2@example.org"    /* acts for NGO 78 */
#define MEMBER_WITHOUT_NGO "member25@example.org"
#define CENTRE "mrc-nikolaevsk"                /* supports the fixture projects */
#define OTHER_CENTRE "pravo-nko"
#define FIXTURE_DISTRICT "tuguro-chumikansky"
#define FIXTURE_XSS 900231
#define SEARCH_MAX 200

/* ---- helpers ------------------------------------------------------------- */

static char *staff_email(const char *centre)
{
	return t_printf("staff.%s@example.org", centre);
}

/* The NGO the demo member acts for. */
static long long ngo_of(const char *email)
{
	return sql_count(t_printf("SELECT COALESCE(ngo_id, 0) FROM users WHERE email = '%s'", email));
}

/* "YYYY-MM-DD" of today (UTC) plus days. */
static char *day_from_today(int days)
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	return t_printf("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Rows of every table the registry writes to. */
struct counts {
	long long projects, updates, support, audit, notices, outbox;
};

static struct counts counts_now(void)
{
	return (struct counts){
		sql_count("SELECT COUNT(*) FROM projects"), sql_count("SELECT COUNT(*) FROM project_updates"),
		sql_count("SELECT COUNT(*) FROM project_support"), sql_count("SELECT COUNT(*) FROM audit_log"),
		sql_count("SELECT COUNT(*) FROM project_risk_notices"), sql_count("SELECT COUNT(*) FROM outbox"),
	};
}

#define CHECK_NOTHING_WRITTEN(before)                                                  \
	do {                                                                           \
		struct counts after_ = counts_now();                                   \
		CHECK_INT(after_.projects, (before).projects, "projects rows");        \
		CHECK_INT(after_.updates, (before).updates, "project_updates rows");   \
		CHECK_INT(after_.support, (before).support, "project_support rows");   \
		CHECK_INT(after_.audit, (before).audit, "audit_log rows");             \
	} while (0)

/* The fields of a registration, as the member would type them. */
struct project_post {
	const char *title, *goal, *district, *category, *centre, *funding, *amount, *start, *end, *plan;
	const char *continues, *status;
	const char *form_token; /* NULL: the form's own */
};

/* Valid values for every field left NULL in p. */
static struct project_post defaults(struct project_post p)
{
	struct project_post d = {
		"Школа добровольцев — проверка", "Подготовить добровольцев для помощи пожилым.", "khabarovsk",
		"dobrovolchestvo", CENTRE, "presidential", "1 500 000,50", day_from_today(-30), day_from_today(200),
		"", "", "running", NULL,
	};
#define KEEP(f) if (p.f == NULL) p.f = d.f
	KEEP(title); KEEP(goal); KEEP(district); KEEP(category); KEEP(centre); KEEP(funding); KEEP(amount);
	KEEP(start); KEEP(end); KEEP(plan); KEEP(continues); KEEP(status);
#undef KEEP
	return p;
}

/* Opens /account/projects/new as the signed-in member and posts it. */
static struct http_response *post_project(struct project_post p)
{
	struct html *h = html_get("/account/projects/new");
	if (h == NULL)
		return NULL;
	const char *form = "//form[@action='/account/projects/new']";
	const char *csrf = html_text(h, t_printf("%s//input[@name='csrf']/@value", form));
	const char *token = p.form_token ? p.form_token : html_text(h, t_printf("%s//input[@name='form_token']/@value", form));
	p = defaults(p);
	return http_post_form("/account/projects/new",
	                      t_printf("csrf=%s&form_token=%s&title=%s&goal=%s&district=%s&category=%s&centre=%s&"
	                               "funding=%s&grant_amount=%s&grant_start=%s&grant_end=%s&plan=%s&continues=%s&"
	                               "status=%s",
	                               csrf, token, url_encode(p.title), url_encode(p.goal), url_encode(p.district),
	                               url_encode(p.category), url_encode(p.centre), url_encode(p.funding),
	                               url_encode(p.amount), url_encode(p.start), url_encode(p.end), url_encode(p.plan),
	                               url_encode(p.continues), url_encode(p.status)));
}

/* The project id of a 303 to /account/projects/{id}; 0 (and a failure) otherwise. */
static long long created_id(const struct http_response *r)
{
	const char *loc = r ? http_header(r, "Location") : NULL;
	const char *at = loc ? strstr(loc, "/account/projects/") : NULL;
	if (r == NULL || r->status != 303 || at == NULL) {
		t_fail(__FILE__, __LINE__, "project not registered: status %ld, Location %s: %.300s", r ? r->status : 0,
		       loc ? loc : "none", r ? html_text(html_parse(r), "//p[@class='field-error']") : "");
		return 0;
	}
	return atoll(at + strlen("/account/projects/"));
}

/* Signs in as the member and registers a project titled title; its id. */
static long long new_project(const char *title)
{
	if (!e2e_sign_in(MEMBER, MEMBER_PASSWORD))
		return 0;
	return created_id(post_project((struct project_post){ .title = title }));
}

/* POSTs the update form of project id (as the signed-in user) with body and status. */
static struct http_response *post_update(long long id, const char *csrf, const char *token, const char *body,
                                         const char *status)
{
	return http_post_form(t_printf("/account/projects/%lld/updates", id),
	                      t_printf("csrf=%s&form_token=%s&body=%s&status=%s", csrf, token, url_encode(body),
	                               status));
}

/* A fresh update-form token from the member's page of project id. */
static const char *update_token(long long id)
{
	struct html *h = html_get(t_printf("/account/projects/%lld", id));
	return h ? html_text(h, "//form[contains(@action,'/updates')]//input[@name='form_token']/@value") : "";
}

/* The rules shown for project id, as "code,code" in page order. */
static char *rules_shown(long long id)
{
	struct html *h = html_get(t_printf("/projects/%lld", id));
	char **rules;
	size_t n = h ? html_all(h, "//ul[@class='risk-list']/li/@data-rule", &rules) : 0;
	char *out = t_strdup("");
	for (size_t i = 0; i < n; i++)
		out = t_printf("%s%s%s", out, i ? "," : "", rules[i]);
	return out;
}

/* Runs rchub-admin risk-scan against the test stack; its exit status. */
static int run_risk_scan(void)
{
	const char *var = e2e_var_dir();
	const char *build = getenv("RCHUB_TEST_BUILD") ? getenv("RCHUB_TEST_BUILD")
	                                               : t_printf("%s/build", e2e_root_dir());
	char *password = read_file(t_printf("%s/db-app-password", var), NULL);
	if (password == NULL) {
		t_fail(__FILE__, __LINE__, "cannot read %s/db-app-password", var);
		return -1;
	}
	int rc = system(t_printf("RCHUB_DATABASE_SOCKET='%s/run/mariadb.sock' RCHUB_DATABASE_PASSWORD='%s' "
	                         "'%s/rchub-admin' risk-scan >/dev/null 2>&1",
	                         var, trim(password), build));
	return rc != -1 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* ---- demo data ---------------------------------------------------------- */

static void t_demo_projects(const void *arg)
{
	CHECK(sql_count("SELECT COUNT(*) FROM projects WHERE id < 900000") >= 380, "several hundred demo projects");
	CHECK_INT(sql_count("SELECT COUNT(DISTINCT district_id) FROM projects WHERE id < 900000"),
	          sql_count("SELECT COUNT(*) FROM districts"), "demo projects in every district");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM users u WHERE u.role = 'member' AND u.ngo_id IS NOT NULL AND NOT "
	                    "EXISTS (SELECT 1 FROM projects p WHERE p.ngo_id = u.ngo_id)"), 0,
	          "every demo member's NGO has projects");
	CHECK(sql_count("SELECT COUNT(DISTINCT YEAR(grant_end)) FROM projects WHERE id < 900000") >= 5,
	      "grants over five years");
	CHECK(sql_count("SELECT COUNT(*) FROM projects WHERE continues_project_id IS NOT NULL") >= 5,
	      "later grants (continuations)");
	CHECK(sql_count("SELECT COUNT(*) FROM project_support WHERE project_id < 900000") >= 100, "demo support records");
}

/* ---- the catalogue ---------------------------------------------------------- */

static void t_catalogue_counts_all(const void *arg)
{
	struct html *h = html_get("/projects");
	CHECK(h != NULL, "catalogue answers");
	CHECK_INT(html_result_count(h), sql_count("SELECT COUNT(*) FROM projects"), "projects found without filters");
	CHECK_COUNT(h, "//div[@class='project-list']/article", 20);
}

struct filter_case {
	const char *query;
	const char *where; /* the same filter in SQL over projects p */
};

static const struct filter_case filter_cases[] = {
	{ "district=" FIXTURE_DISTRICT, "p.district_id = (SELECT id FROM districts WHERE slug = '" FIXTURE_DISTRICT "')" },
	{ "category=konsultatsii", "p.category_id IN (SELECT id FROM categories WHERE slug = 'konsultatsii' OR "
	                           "parent_id = (SELECT id FROM categories WHERE slug = 'konsultatsii'))" },
	{ "centre=" CENTRE, "p.centre_id = (SELECT id FROM centres WHERE slug = '" CENTRE "')" },
	{ "funding=municipal", "p.funding_source = 'municipal'" },
	{ "status=continued", "p.status = 'continued'" },
	{ "q=%D1%80%D0%B8%D1%81%D0%BA", "p.title LIKE '%риск%'" }, /* «риск», any case */
	{ "district=khabarovsk&funding=presidential&status=closed",
	  "p.district_id = 1 AND p.funding_source = 'presidential' AND p.status = 'closed'" },
};

static void t_catalogue_filter(const void *arg)
{
	const struct filter_case *c = arg;
	struct html *h = html_get(t_printf("/projects?%s", c->query));
	CHECK(h != NULL, "filtered catalogue answers");
	long long want = sql_count(t_printf("SELECT COUNT(*) FROM projects p WHERE %s", c->where));
	CHECK(want > 0, "the filter %s matches some projects in the database", c->query);
	CHECK_INT(html_result_count(h), want, c->query);
}

struct bad_case {
	const char *query;
	const char *param;
};

static const struct bad_case bad_cases[] = {
	{ "district=atlantida", "district" }, { "district=BAD_SLUG", "district" },
	{ "category=nope", "category" },      { "centre=nowhere", "centre" },
	{ "funding=lottery", "funding" },     { "status=dead", "status" },
	{ "risk=yes", "risk" },               { "page=0", "page" },
	{ "page=abc", "page" },
};

static void t_catalogue_bad_value(const void *arg)
{
	const struct bad_case *c = arg;
	struct http_response *r = http_get(t_printf("/projects?%s", c->query));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//main"), t_printf("«%s»", c->param), "the 400 names the parameter");
}

static void t_catalogue_long_query(const void *arg)
{
	char q[SEARCH_MAX + 2];
	memset(q, 'a', sizeof q - 1);
	q[sizeof q - 1] = '\0';
	struct http_response *r = http_get(t_printf("/projects?q=%s", q));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//main"), "«q»", "the 400 names the parameter");
}

static void t_catalogue_pages(const void *arg)
{
	long long total = sql_count("SELECT COUNT(*) FROM projects");
	long long last = (total + 19) / 20;
	struct html *h = html_get(t_printf("/projects?page=%lld", last));
	CHECK(h != NULL, "last page answers");
	CHECK_INT(html_count(h, "//div[@class='project-list']/article"), total - (last - 1) * 20, "projects on the last page");
	CHECK_STATUS(http_get(t_printf("/projects?page=%lld", last + 1)), 404);
}

/* ---- at-risk rules ----------------------------------------------------------- */

struct risk_case {
	long long id;
	const char *rules; /* shown on its page, in rule order */
};

static const struct risk_case risk_cases[] = {
	{ 900201, "grant_ending" },     { 900202, "" }, { 900203, "" },
	{ 900211, "no_updates" },       { 900212, "" }, { 900213, "" },
	{ 900221, "no_status_change" }, { 900222, "" }, { 900223, "" }, { 900224, "" },
};

static void t_risk_rule(const void *arg)
{
	const struct risk_case *c = arg;
	CHECK_STR(rules_shown(c->id), c->rules, t_printf("at-risk rules of fixture %lld", c->id));
}

static void t_risk_filter(const void *arg)
{
	struct html *h = html_get("/projects?risk=1&district=" FIXTURE_DISTRICT);
	CHECK(h != NULL, "the at-risk filter answers");
	char **ids;
	size_t n = html_all(h, "//article[@data-project >= 900201 and @data-project < 900300]/@data-project", &ids);
	char *got = t_strdup("");
	for (size_t i = 0; i < n; i++)
		got = t_printf("%s%s%s", got, i ? "," : "", ids[i]);
	CHECK_STR(got, "900201,900221,900211", "fixtures at risk, latest news first");
	CHECK_COUNT(h, "//article[not(contains(@class,'project-at-risk'))]", 0);
}

/* ---- the member's side ---------------------------------------------------------- */

static void t_member_registers_project(const void *arg)
{
	long long id = new_project("Школа добровольцев — регистрация");
	CHECK(id > 0, "registered");
	const char *row = sql_text(t_printf(
		"SELECT CONCAT_WS('|', ngo_id, title, funding_source, grant_amount, grant_start, grant_end, status, "
		"continuation_plan = '', (SELECT slug FROM centres WHERE id = centre_id), created_by = "
		"(SELECT id FROM users WHERE email = '" MEMBER "')) FROM projects WHERE id = %lld", id));
	CHECK_STR(row, t_printf("%lld|Школа добровольцев — регистрация|presidential|1500000.50|%s|%s|running|1|%s|1",
	                        ngo_of(MEMBER), day_from_today(-30), day_from_today(200), CENTRE),
	          "stored project");
	struct html *h = html_get("/account");
	CHECK(h != NULL, "the account page");
	CHECK_COUNT(h, "//ul[@class='account-links']//a[@href='/account/projects']", 1);
	h = html_get("/account/projects");
	CHECK(h != NULL, "the member's list");
	CHECK_COUNT(h, t_printf("//article[@data-project='%lld']", id), 1);
	h = html_get(t_printf("/account/projects/%lld?saved=1", id));
	CHECK(h != NULL, "the project's page");
	CHECK_CONTAINS(html_text(h, "//p[@class='notice']"), "сохранены", "saved notice");
	CHECK_STR(html_text(h, "//input[@name='title']/@value"), "Школа добровольцев — регистрация", "edit form filled");
}

static void t_member_double_submit(const void *arg)
{
	if (!e2e_sign_in(MEMBER, MEMBER_PASSWORD))
		return;
	struct html *h = html_get("/account/projects/new");
	CHECK(h != NULL, "form");
	const char *token = html_text(h, "//input[@name='form_token']/@value");
	long long first = created_id(post_project((struct project_post){ .title = "Двойная отправка", .form_token = token }));
	long long before = sql_count("SELECT COUNT(*) FROM projects");
	long long second = created_id(post_project((struct project_post){ .title = "Двойная отправка", .form_token = token }));
	CHECK_INT(second, first, "the second submission lands on the first project");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM projects"), before, "no second project");
}

static void t_member_posts_updates(const void *arg)
{
	long long id = new_project("Проект с новостями");
	CHECK(id > 0, "registered");
	const char *csrf = e2e_csrf();
	struct http_response *r = post_update(id, csrf, update_token(id), "Провели первое занятие.", "completed");
	CHECK_STATUS(r, 303);
	CHECK_CONTAINS(http_header(r, "Location"), t_printf("/account/projects/%lld?posted=1", id), "back to the project");
	CHECK_STR(sql_text(t_printf("SELECT CONCAT_WS('|', status_from, status_to, body) FROM project_updates "
	                            "WHERE project_id = %lld ORDER BY id DESC LIMIT 1", id)),
	          "running|completed|Провели первое занятие.", "update with its status change");
	CHECK_STR(sql_text(t_printf("SELECT CONCAT_WS('|', status, status_changed_at >= UTC_TIMESTAMP() - INTERVAL 1 "
	                            "MINUTE, last_update_at >= UTC_TIMESTAMP() - INTERVAL 1 MINUTE) FROM projects "
	                            "WHERE id = %lld", id)),
	          "completed|1|1", "status and its dates");
	sql_text(t_printf("UPDATE projects SET status_changed_at = UTC_TIMESTAMP() - INTERVAL 10 DAY WHERE id = %lld; "
	                  "SELECT 1", id));
	r = post_update(id, csrf, update_token(id), "Готовим отчёт.", "");
	CHECK_STATUS(r, 303);
	CHECK_STR(sql_text(t_printf("SELECT CONCAT_WS('|', status, status_changed_at < UTC_TIMESTAMP() - INTERVAL 9 DAY, "
	                            "(SELECT COUNT(*) FROM project_updates WHERE project_id = %lld), "
	                            "(SELECT status_to IS NULL FROM project_updates WHERE project_id = %lld "
	                            "ORDER BY id DESC LIMIT 1)) FROM projects WHERE id = %lld", id, id, id)),
	          "completed|1|2|1", "an update without a status change keeps the status and its date");
	struct html *h = html_get(t_printf("/projects/%lld", id));
	CHECK(h != NULL, "public page");
	CHECK_COUNT(h, "//ol[@class='timeline']/li", 3);
	CHECK_CONTAINS(html_text(h, "//ol[@class='timeline']"), "Провели первое занятие.", "the update in the timeline");
	CHECK_CONTAINS(html_text(h, "//ol[@class='timeline']"), "«Реализуется» на «Грант завершён»", "the status change");
}

static void t_update_double_submit(const void *arg)
{
	long long id = new_project("Новость дважды");
	CHECK(id > 0, "registered");
	const char *csrf = e2e_csrf(), *token = update_token(id);
	CHECK_STATUS(post_update(id, csrf, token, "Одна новость.", ""), 303);
	CHECK_STATUS(post_update(id, csrf, token, "Одна новость.", ""), 303);
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM project_updates WHERE project_id = %lld", id)), 1,
	          "one update for one form");
}

static void t_update_rejected(const void *arg)
{
	long long id = new_project("Пустая новость");
	CHECK(id > 0, "registered");
	struct counts before = counts_now();
	struct http_response *r = post_update(id, e2e_csrf(), update_token(id), "", "bogus");
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='u-body-error']"), "Заполните", "empty body explained");
	CHECK_CONTAINS(html_text(h, "//p[@id='u-status-error']"), "Выберите", "unknown status explained");
	CHECK_NOTHING_WRITTEN(before);
}

/* Another NGO's member gets 403 for every page and write of the project. */
static void t_other_member_forbidden(const void *arg)
{
	long long id = new_project("Чужой проект");
	CHECK(id > 0, "registered");
	const char *title = sql_text(t_printf("SELECT title FROM projects WHERE id = %lld", id));
	if (!e2e_sign_in(OTHER_MEMBER, MEMBER_PASSWORD))
		return;
	CHECK(ngo_of(OTHER_MEMBER) != ngo_of(MEMBER), "the members act for different NGOs");
	const char *csrf = e2e_csrf();
	struct counts before = counts_now();
	CHECK_STATUS(http_get(t_printf("/account/projects/%lld", id)), 403);
	struct project_post p = defaults((struct project_post){ .title = "Перехвачено" });
	struct http_response *r = http_post_form(
		t_printf("/account/projects/%lld", id),
		t_printf("csrf=%s&title=%s&goal=%s&district=%s&category=%s&funding=%s", csrf, url_encode(p.title),
		         url_encode(p.goal), p.district, p.category, p.funding));
	CHECK_STATUS(r, 403);
	CHECK_CONTAINS(html_text(html_parse(r), "//main"), "другой организации", "the 403 says why");
	CHECK_STATUS(post_update(id, csrf, "0123456789abcdef0123456789abcdef", "Чужая новость", "closed"), 403);
	CHECK_NOTHING_WRITTEN(before);
	CHECK_STR(sql_text(t_printf("SELECT title FROM projects WHERE id = %lld", id)), title, "title unchanged");
	CHECK_STR(sql_text(t_printf("SELECT status FROM projects WHERE id = %lld", id)), "running", "status unchanged");
}

static void t_member_without_ngo(const void *arg)
{
	if (!e2e_sign_in(MEMBER_WITHOUT_NGO, MEMBER_PASSWORD))
		return;
	struct html *h = html_get("/account/projects");
	CHECK(h != NULL, "the list explains");
	CHECK_CONTAINS(html_text(h, "//main"), "не связана с организацией", "why there are no projects");
	CHECK_STATUS(http_get("/account/projects/new"), 403);
	struct counts before = counts_now();
	CHECK_STATUS(http_post_form("/account/projects/new", t_printf("csrf=%s&title=x", e2e_csrf())), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_signed_out_cannot_post(const void *arg)
{
	http_reset_cookies();
	struct counts before = counts_now();
	CHECK_STATUS(http_post_form("/account/projects/new", "title=x"), 403);
	CHECK_STATUS(http_post_form("/account/projects/900201/updates", "body=x"), 403);
	CHECK_STATUS(http_post_form("/staff/projects/900201/support", "kind=mentor&note=x"), 403);
	CHECK_NOTHING_WRITTEN(before);
}

struct form_case {
	struct project_post post;
	const char *field_error; /* id of the error paragraph */
	const char *says;        /* part of its text */
};

static const struct form_case form_cases[] = {
	{ { .amount = "12abc" }, "p-amount-error", "цифрами" },
	{ { .amount = "0" }, "p-amount-error", "больше нуля" },
	{ { .amount = "1234567890123" }, "p-amount-error", "12 цифр" },
	{ { .amount = "10,123" }, "p-amount-error", "2 после" },
	{ { .start = "31.05.2026" }, "p-start-error", "ГГГГ-ММ-ДД" },
	{ { .end = "2026-02-30" }, "p-end-error", "ГГГГ-ММ-ДД" },
	{ { .start = "2026-05-01", .end = "2026-04-30" }, "p-end-error", "раньше его начала" },
	{ { .start = "2026-05-01", .end = "" }, "p-end-error", "и начало, и окончание" },
	{ { .district = "atlantida" }, "p-district-error", "Выберите район" },
	{ { .category = "" }, "p-category-error", "Заполните" },
	{ { .centre = "nowhere" }, "p-centre-error", "ресурсный центр" },
	{ { .funding = "lottery" }, "p-funding-error", "Выберите" },
	{ { .status = "" }, "p-status-error", "Заполните" },
	{ { .title = "" }, "p-title-error", "Заполните" },
	{ { .continues = "900201" }, "p-continues-error", "вашей организации" },
	{ { .form_token = "broken" }, "p-token-error", "Форма повреждена" },
};

static void t_registration_rejected(const void *arg)
{
	const struct form_case *c = arg;
	if (!e2e_sign_in(MEMBER, MEMBER_PASSWORD))
		return;
	struct counts before = counts_now();
	struct http_response *r = post_project(c->post);
	CHECK(r != NULL, "form posted");
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, t_printf("//p[@id='%s']", c->field_error)), c->says, "what to fix");
	CHECK_CONTAINS(html_text(h, "//div[@class='form-errors']"), "не сохранён", "the summary");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_continuation_recorded(const void *arg)
{
	long long first = new_project("Первый этап");
	CHECK(first > 0, "first registered");
	long long second = created_id(post_project((struct project_post){
		.title = "Второй этап", .continues = t_printf("%lld", first), .start = day_from_today(10),
		.end = day_from_today(300), .status = "funded" }));
	CHECK(second > first, "continuation registered");
	CHECK_INT(sql_count(t_printf("SELECT continues_project_id FROM projects WHERE id = %lld", second)), first,
	          "the link to the earlier project");
	struct html *h = html_get(t_printf("/projects/%lld", second));
	CHECK(h != NULL, "public page");
	CHECK_STR(html_text(h, "//dd/a[starts-with(@href,'/projects/')]/@href"), t_printf("/projects/%lld", first),
	          "the page links to the project it continues");
}

/* ---- escaping ------------------------------------------------------------------ */

static void t_xss_escaped(const void *arg)
{
	http_reset_cookies();
	struct http_response *r = http_get(t_printf("/projects/%d", FIXTURE_XSS));
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "<script>alert(", "no live script from project text");
	CHECK_LACKS(r->body, "<img src=x", "no live markup from the goal");
	CHECK_LACKS(r->body, "<b>жирный</b>", "no live markup from the plan");
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//h1"), "<script>alert(\"project\")</script>", "the title shown as text");
	CHECK_CONTAINS(html_text(h, "//ol[@class='timeline']"), "<script>alert(\"update\")</script>", "update as text");
	CHECK_COUNT(h, "//main//script", 0);
	long long id = new_project("<svg onload=alert(3)>Проект</svg>");
	CHECK(id > 0, "markup in a typed title is accepted as text");
	r = http_get("/account/projects");
	CHECK_LACKS(r->body, "<svg onload", "no live markup in the member's list");
	CHECK_CONTAINS(html_text(html_parse(r), t_printf("//article[@data-project='%lld']//h3", id)), "<svg onload=alert(3)>",
	               "typed title shown as text");
}

/* ---- the centre's side --------------------------------------------------------- */

static void t_staff_see_risks(const void *arg)
{
	if (!e2e_sign_in(staff_email(CENTRE), STAFF_PASSWORD))
		return;
	struct html *h = html_get("/staff/projects");
	CHECK(h != NULL, "the centre's projects");
	for (long long id = 900201; id <= 900221; id += 10)
		CHECK_COUNT(h, t_printf("//div[@class='project-list']/article[@data-project='%lld']", id), 1);
	CHECK_COUNT(h, "//div[@class='project-list']/article[@data-project='900202' or @data-project='900212' or "
	               "@data-project='900222']", 0);
	CHECK_COUNT(h, "//table//a[@href='/staff/projects/900202']", 1);
	CHECK_INT(html_count(h, "//div[@class='project-list']/article"),
	          atoll(trim(html_text(h, "//p[@class='result-count']/strong[2]"))), "the count of projects at risk");
	CHECK_COUNT(h, "//nav[@class='staff-nav']//a[@aria-current='page' and @href='/staff/projects?centre=" CENTRE "']", 1);
}

/* Posts the support form of project id as the signed-in staff. */
static struct http_response *post_support(long long id, const char *kind, const char *note, const char **token)
{
	struct html *h = html_get(t_printf("/staff/projects/%lld", id));
	if (h == NULL)
		return NULL;
	if (*token == NULL)
		*token = html_text(h, "//form[contains(@action,'/support')]//input[@name='form_token']/@value");
	const char *csrf = html_text(h, "//form[contains(@action,'/support')]//input[@name='csrf']/@value");
	return http_post_form(t_printf("/staff/projects/%lld/support", id),
	                      t_printf("csrf=%s&form_token=%s&kind=%s&note=%s", csrf, *token, kind, url_encode(note)));
}

static void t_staff_record_support(const void *arg)
{
	if (!e2e_sign_in(staff_email(CENTRE), STAFF_PASSWORD))
		return;
	struct counts before = counts_now();
	const char *token = NULL;
	struct http_response *r = post_support(900201, "new_application", "Помогли с заявкой на второй этап.", &token);
	CHECK(r != NULL, "form posted");
	CHECK_STATUS(r, 303);
	CHECK_STR(http_header(r, "Location"), "/staff/projects/900201?saved=1", "back to the project");
	CHECK_INT(counts_now().support, before.support + 1, "one support record");
	CHECK_STR(sql_text("SELECT CONCAT_WS('|', s.kind, s.note, c.slug, u.email) FROM project_support s "
	                   "JOIN centres c ON c.id = s.centre_id JOIN users u ON u.id = s.staff_id "
	                   "WHERE s.project_id = 900201 ORDER BY s.id DESC LIMIT 1"),
	          t_printf("new_application|Помогли с заявкой на второй этап.|%s|%s", CENTRE, staff_email(CENTRE)),
	          "the record");
	CHECK_STR(sql_text("SELECT CONCAT_WS('|', action, entity, entity_id, JSON_VALUE(after_json, '$.kind')) "
	                   "FROM audit_log ORDER BY id DESC LIMIT 1"),
	          "project.support|project|900201|new_application", "the audit record");
	r = post_support(900201, "new_application", "Помогли с заявкой на второй этап.", &token);
	CHECK_STATUS(r, 303);
	CHECK_INT(counts_now().support, before.support + 1, "the same form twice: still one record");
	struct html *h = html_get("/projects/900201");
	CHECK(h != NULL, "public page");
	CHECK_CONTAINS(html_text(h, "//ol[@class='timeline']"), "Помощь с новой заявкой", "support in the timeline");
}

static void t_staff_support_rejected(const void *arg)
{
	if (!e2e_sign_in(staff_email(CENTRE), STAFF_PASSWORD))
		return;
	struct counts before = counts_now();
	const char *token = NULL;
	struct http_response *r = post_support(900211, "bribe", "", &token);
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='s-kind-error']"), "Выберите", "unknown kind explained");
	CHECK_CONTAINS(html_text(h, "//p[@id='s-note-error']"), "Заполните", "empty note explained");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_other_centre_forbidden(const void *arg)
{
	if (!e2e_sign_in(staff_email(OTHER_CENTRE), STAFF_PASSWORD))
		return;
	const char *csrf = e2e_csrf();
	struct counts before = counts_now();
	CHECK_STATUS(http_get("/staff/projects/900201"), 403);
	CHECK_STATUS(http_post_form("/staff/projects/900201/support",
	                            t_printf("csrf=%s&form_token=0123456789abcdef0123456789abcdef&kind=mentor&note=x", csrf)),
	             403);
	CHECK_NOTHING_WRITTEN(before);
	struct html *h = html_get("/staff/projects");
	CHECK(h != NULL, "the other centre's own list");
	CHECK_COUNT(h, "//*[@data-project='900201'] | //a[@href='/staff/projects/900201']", 0);
}

static void t_member_cannot_staff(const void *arg)
{
	if (!e2e_sign_in(MEMBER, MEMBER_PASSWORD))
		return;
	CHECK_STATUS(http_get("/staff/projects"), 403);
	struct counts before = counts_now();
	CHECK_STATUS(http_post_form("/staff/projects/900201/support", t_printf("csrf=%s&kind=mentor&note=x", e2e_csrf())),
	             403);
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- rchub-admin risk-scan ----------------------------------------------------- */

static void t_risk_scan_once(const void *arg)
{
	CHECK_INT(run_risk_scan(), 0, "risk-scan exit status");
	CHECK_STR(sql_text("SELECT GROUP_CONCAT(CONCAT(project_id, ':', rule) ORDER BY project_id, rule) "
	                   "FROM project_risk_notices WHERE project_id BETWEEN 900201 AND 900299"),
	          "900201:grant_ending,900211:no_updates,900221:no_status_change", "one notice per fixture and rule");
	long long staff = sql_count("SELECT COUNT(*) FROM users u JOIN centres c ON c.id = u.centre_id WHERE c.slug = '"
	                            CENTRE "' AND u.is_active = 1 AND u.role IN ('centre_staff', 'centre_admin')");
	CHECK(staff > 0, "the centre has staff");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM outbox o JOIN users u ON u.email = o.recipient JOIN centres c ON "
	                    "c.id = u.centre_id WHERE c.slug = '" CENTRE "' AND o.subject LIKE '%Риск А%'"),
	          staff, "each of the centre's staff told about rule (a) of its fixture");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%Сосед _:%'"), 0, "neighbours not notified");
	CHECK_CONTAINS(sql_text("SELECT body FROM outbox WHERE subject LIKE '%Риск В%' LIMIT 1"),
	               "/staff/projects/900221", "the message links to the project");
	struct counts before = counts_now();
	CHECK_INT(run_risk_scan(), 0, "second risk-scan exit status");
	struct counts after = counts_now();
	CHECK_INT(after.notices, before.notices, "no new notices on the second run");
	CHECK_INT(after.outbox, before.outbox, "no new messages on the second run");
}

/* ---- survival ---------------------------------------------------------------------- */

/* The definition of /survival, written again in SQL: cohort rows of one
 * breakdown as "key|projects|observed6|alive6|observed12|alive12". */
#define ALIVE_AT(months)                                                                                       \
	"(p.status IN ('continued', 'running', 'funded') OR EXISTS (SELECT 1 FROM project_updates u WHERE "         \
	"u.project_id = p.id AND DATE(u.created_at) > p.grant_end + INTERVAL " months " MONTH AND (u.status_to IS " \
	"NULL OR u.status_to <> 'closed')) OR EXISTS (SELECT 1 FROM projects x WHERE x.continues_project_id = p.id " \
	"AND x.funding_source <> 'own' AND x.grant_start > p.grant_end AND x.grant_start <= p.grant_end + "         \
	"INTERVAL " months " MONTH))"
#define OBSERVED_AT(months) "(UTC_DATE() > p.grant_end + INTERVAL " months " MONTH)"

static long truth_rows(const char *key, char ***out)
{
	return sql_column(t_printf(
		"SELECT CONCAT_WS('|', %s, COUNT(*), SUM(" OBSERVED_AT("6") "), SUM(" OBSERVED_AT("6") " AND " ALIVE_AT("6")
		"), SUM(" OBSERVED_AT("12") "), SUM(" OBSERVED_AT("12") " AND " ALIVE_AT("12") ")) FROM projects p "
		"JOIN districts d ON d.id = p.district_id LEFT JOIN centres c ON c.id = p.centre_id "
		"WHERE p.funding_source IN ('presidential', 'regional', 'municipal') AND p.grant_end IS NOT NULL "
		"AND p.continues_project_id IS NULL GROUP BY %s",
		key, key), out);
}

/* "62,5 %" (no-break space) for alive of observed, "ещё рано" for none. */
static char *share_text(long long alive, long long observed)
{
	if (observed == 0)
		return t_strdup("ещё рано");
	long long tenths = (2000 * alive + observed) / (2 * observed);
	return t_printf("%lld,%lld\u00a0%%", tenths / 10, tenths % 10);
}

struct breakdown_case {
	const char *code;
	const char *key_sql;
};

static const struct breakdown_case breakdowns[] = {
	{ "district", "d.slug" },
	{ "centre", "COALESCE(c.slug, 'none')" },
	{ "year", "YEAR(p.grant_end)" },
};

static void t_survival_matches_truth(const void *arg)
{
	const struct breakdown_case *b = arg;
	if (!e2e_sign_in(MEMBER, MEMBER_PASSWORD)) /* signed in: never a micro-cached copy */
		return;
	char **truth;
	long n = truth_rows(b->key_sql, &truth);
	CHECK(n > 0, "cohort rows");
	struct html *h = html_get("/survival");
	CHECK(h != NULL, "/survival answers");
	const char *table = t_printf("//table[@id='table-%s']/tbody", b->code);
	CHECK_COUNT(h, t_printf("%s/tr", table), n);
	for (long i = 0; i < n; i++) {
		char key[64];
		long long projects, o6, a6, o12, a12;
		CHECK(sscanf(truth[i], "%63[^|]|%lld|%lld|%lld|%lld|%lld", key, &projects, &o6, &a6, &o12, &a12) == 6,
		      "truth row %s", truth[i]);
		const char *row = t_printf("%s/tr[@data-key='%s']", table, key);
		const char *got = t_printf("%s|%s|%s|%s|%s|%s|%s|%s", trim(html_text(h, t_printf("%s/td[1]", row))),
		                           trim(html_text(h, t_printf("%s/td[@class='h6-observed']", row))),
		                           trim(html_text(h, t_printf("%s/td[@class='h6-alive']", row))),
		                           trim(html_text(h, t_printf("%s/td[@class='h6-share']", row))),
		                           trim(html_text(h, t_printf("%s/td[@class='h12-observed']", row))),
		                           trim(html_text(h, t_printf("%s/td[@class='h12-alive']", row))),
		                           trim(html_text(h, t_printf("%s/td[@class='h12-share']", row))), key);
		CHECK_STR(got, t_printf("%lld|%lld|%lld|%s|%lld|%lld|%s|%s", projects, o6, a6, share_text(a6, o6), o12, a12,
		                        share_text(a12, o12), key),
		          t_printf("%s row %s", b->code, key));
	}
}

static void t_survival_shares_differ(const void *arg)
{
	char **truth;
	long n = truth_rows("YEAR(p.grant_end)", &truth);
	long long lo = 1000, hi = -1;
	for (long i = 0; i < n; i++) {
		long long projects, o6, a6, o12, a12;
		char key[16];
		if (sscanf(truth[i], "%15[^|]|%lld|%lld|%lld|%lld|%lld", key, &projects, &o6, &a6, &o12, &a12) != 6 || o6 < 10)
			continue;
		long long share = 100 * a6 / o6;
		lo = share < lo ? share : lo;
		hi = share > hi ? share : hi;
	}
	CHECK(hi - lo >= 10, "the 6-month share differs by year (from %lld %% to %lld %%)", lo, hi);
	CHECK(sql_count("SELECT 100 * SUM(" OBSERVED_AT("12") " AND " ALIVE_AT("12") ") / SUM(" OBSERVED_AT("12") ") "
	                "FROM projects p WHERE p.funding_source IN ('presidential', 'regional', 'municipal') AND "
	                "p.grant_end IS NOT NULL AND p.continues_project_id IS NULL") < 50,
	      "most projects do not outlive their first grant by a year");
}

/* Parses an SVG document; NULL (with a failure) when it is not well-formed. */
static xmlDocPtr parse_svg(const struct http_response *r)
{
	xmlDocPtr doc = xmlReadMemory(r->body, (int)r->body_len, r->url, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                                         XML_PARSE_NOWARNING);
	if (doc == NULL)
		t_fail(__FILE__, __LINE__, "%s is not well-formed XML", r->url);
	else
		t_defer((void (*)(void *))xmlFreeDoc, doc);
	return doc;
}

/* The text of every node of an XPath (svg: prefix bound) on doc. */
static size_t svg_all(xmlDocPtr doc, const char *xpath, char ***out)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	size_t n = o && o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
	*out = t_alloc((n + 1) * sizeof **out);
	for (size_t i = 0; i < n; i++) {
		xmlChar *s = xmlXPathCastNodeToString(o->nodesetval->nodeTab[i]);
		(*out)[i] = t_strdup((const char *)s);
		xmlFree(s);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

static void t_survival_charts(const void *arg)
{
	const struct breakdown_case *b = arg;
	if (!e2e_sign_in(MEMBER, MEMBER_PASSWORD))
		return;
	struct html *h = html_get("/survival");
	CHECK(h != NULL, "/survival answers");
	char **names;
	size_t rows = html_all(h, t_printf("//table[@id='table-%s']/tbody/tr/th", b->code), &names);
	CHECK(rows > 0, "table rows");
	static const char *const months[] = { "6", "12" };
	for (int m = 0; m < 2; m++) {
		const char *src = t_printf("/survival/%s-%s.svg", b->code, months[m]);
		CHECK_COUNT(h, t_printf("//section[@id='by-%s']//img[@src='%s' and string-length(@alt) > 20]", b->code, src), 1);
		struct http_response *r = http_get(src);
		CHECK_STATUS(r, 200);
		CHECK_CONTAINS(http_header(r, "Content-Type"), "image/svg+xml", "SVG content type");
		xmlDocPtr doc = parse_svg(r);
		if (doc == NULL)
			return;
		char **labels, **title;
		size_t bars = svg_all(doc, "//svg:g[@class='bar']/svg:text[@class='bar-label']", &labels);
		CHECK_INT(bars, rows, t_printf("bars of %s", src));
		for (size_t i = 0; i < bars; i++)
			CHECK_STR(labels[i], trim(names[i]), t_printf("bar %zu of %s matches table row %zu", i + 1, src, i + 1));
		CHECK_INT(svg_all(doc, "/svg:svg[@role='img']/svg:title", &title), 1, "the chart has a title");
		CHECK_INT(svg_all(doc, "/svg:svg/svg:desc", &title), 1, "the chart has a description");
	}
}

static void t_survival_open_data(const void *arg)
{
	struct http_response *meta = http_get("/opendata/survival/meta.xml");
	CHECK_STATUS(meta, 200);
	const char *source = strstr(meta->body, "/opendata/survival/data-");
	CHECK(source != NULL, "the passport names a data version");
	const char *end = strstr(source, ".xml");
	CHECK(end != NULL, "a data file");
	const char *path = t_strndup(source, (size_t)(end - source) + 4);
	struct http_response *r = http_get(path);
	CHECK_STATUS(r, 200);
	xmlDocPtr doc = parse_svg(r); /* any XML */
	if (doc == NULL)
		return;
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "count(/survival/group)", ctx);
	long groups = (long)xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	char **keys;
	long rows = 1;
	for (size_t k = 0; k < sizeof breakdowns / sizeof breakdowns[0]; k++)
		rows += truth_rows(breakdowns[k].key_sql, &keys);
	CHECK_INT(groups, rows, "one group per row of /survival, plus the whole region");
	struct http_response *csv = http_get(t_printf("%.*scsv", (int)(strlen(path) - 3), path));
	CHECK_STATUS(csv, 200);
	long lines = 0;
	for (const char *p = csv->body; *p; p++)
		lines += *p == '\n';
	CHECK_INT(lines, rows + 1, "CSV: a header and one line per group");
}

#define RISK(i) { "at-risk rules: fixture " #i, t_risk_rule, &risk_cases[i] }
#define FILTER(i) { "GET /projects filter matches the database: case " #i, t_catalogue_filter, &filter_cases[i] }
#define BAD(i) { "GET /projects bad value: 400 naming the parameter, case " #i, t_catalogue_bad_value, &bad_cases[i] }
#define FORM(i) { "registration rejected with what to fix, nothing written: case " #i, t_registration_rejected, &form_cases[i] }

const struct test_case projects_tests[] = {
	{ "demo projects: five years, every district, members' NGOs, continuations, support", t_demo_projects, NULL },
	{ "/survival by district matches the definition applied in SQL", t_survival_matches_truth, &breakdowns[0] },
	{ "/survival by centre matches the definition applied in SQL", t_survival_matches_truth, &breakdowns[1] },
	{ "/survival by year matches the definition applied in SQL", t_survival_matches_truth, &breakdowns[2] },
	{ "survival differs by year and most projects die after the first grant", t_survival_shares_differ, NULL },
	{ "survival charts by district: well-formed SVG, one bar per table row", t_survival_charts, &breakdowns[0] },
	{ "survival charts by centre: well-formed SVG, one bar per table row", t_survival_charts, &breakdowns[1] },
	{ "survival charts by year: well-formed SVG, one bar per table row", t_survival_charts, &breakdowns[2] },
	{ "open data: the survival set, XML and CSV, one record per row", t_survival_open_data, NULL },
	{ "GET /projects: every project, 20 a page", t_catalogue_counts_all, NULL },
	FILTER(0), FILTER(1), FILTER(2), FILTER(3), FILTER(4), FILTER(5), FILTER(6),
	BAD(0), BAD(1), BAD(2), BAD(3), BAD(4), BAD(5), BAD(6), BAD(7), BAD(8),
	{ "GET /projects?q= too long: 400 naming q", t_catalogue_long_query, NULL },
	{ "GET /projects pages: the last page, 404 past it", t_catalogue_pages, NULL },
	RISK(0), RISK(1), RISK(2), RISK(3), RISK(4), RISK(5), RISK(6), RISK(7), RISK(8), RISK(9),
	{ "GET /projects?risk=1 lists the fixtures at risk and no neighbour", t_risk_filter, NULL },
	{ "member registers a project of their NGO: 303, stored, listed", t_member_registers_project, NULL },
	{ "registration form sent twice makes one project", t_member_double_submit, NULL },
	{ "member posts updates, with and without a status change", t_member_posts_updates, NULL },
	{ "update form sent twice makes one update", t_update_double_submit, NULL },
	{ "bad update rejected with what to fix, nothing written", t_update_rejected, NULL },
	{ "another NGO's member cannot see or change the project: 403, nothing written", t_other_member_forbidden, NULL },
	{ "member without an NGO: told why, 403 on registering", t_member_without_ngo, NULL },
	{ "signed out: 403 on every project write", t_signed_out_cannot_post, NULL },
	FORM(0), FORM(1), FORM(2), FORM(3), FORM(4), FORM(5), FORM(6), FORM(7), FORM(8), FORM(9), FORM(10),
	FORM(11), FORM(12), FORM(13), FORM(14), FORM(15),
	{ "a continuation records its earlier project and links to it", t_continuation_recorded, NULL },
	{ "markup in project texts is shown as text", t_xss_escaped, NULL },
	{ "staff see their centre's projects at risk first", t_staff_see_risks, NULL },
	{ "staff record support: 303, stored once, audited, in the timeline", t_staff_record_support, NULL },
	{ "bad support rejected with what to fix, nothing written", t_staff_support_rejected, NULL },
	{ "another centre's staff cannot see or support the project: 403, nothing written", t_other_centre_forbidden, NULL },
	{ "a member cannot use the staff project pages: 403, nothing written", t_member_cannot_staff, NULL },
	{ "rchub-admin risk-scan tells the centre once per project and rule", t_risk_scan_once, NULL },
	TEST_END,
};
