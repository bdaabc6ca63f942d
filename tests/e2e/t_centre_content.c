/* t_centre_content.c: centre content end to end (issue 3), with the demo
 * accounts. Staff keep their centre's profile, services, news and events in
 * /staff/; the public reads news and events on /news, /events, the centre
 * pages and the home page; a centre admin creates staff accounts; the
 * moderator reads the audit log. And the attacks: members and other centres'
 * staff changing ids in URLs and forms, missing or forged CSRF tokens, markup
 * and SQL in every text field, over-long fields, double submission. Whenever
 * something is refused, the database must show that nothing was written.
 *
 * Pages checked after a write are read signed in (the session cookie skips
 * nginx's micro-cache); "never public" checks are made signed out, on
 * addresses nobody has asked for before. */
#include "e2e.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STAFF_PASSWORD "demo-staff-pass"
#define MODERATOR_PASSWORD "demo-moderator"
#define MEMBER_PASSWORD "demo-member-pass"
#define MODERATOR_EMAIL "moderator@example.org"
#define MEMBER_EMAIL "member1@example.org"
#define CENTRE_A "tos-opora-amursk" /* the staff under test */
#define CENTRE_B "mrc-nikolaevsk"   /* the centre they must not touch */
#define LOCAL_OFFSET_SECONDS (10 * 3600) /* Asia/Vladivostok: UTC+10, no DST */
#define TITLE_MAX 200
#define TEXT_MAX 6000
#define XSS "<script>alert(\"xss\")</script><img src=x onerror=alert(1)> '; DROP TABLE news; --"
#define XSS_RAW_MARKERS "<script>alert(", "<img src=x"

/* ---- accounts --------------------------------------------------------- */


/* Signs in as the demo staff member of centre. */
static bool sign_in_staff(const char *centre)
{
	return e2e_sign_in(t_printf("staff.%s@example.org", centre), STAFF_PASSWORD);
}

/* Signs in as the demo admin of centre. */
static bool sign_in_admin(const char *centre)
{
	return e2e_sign_in(t_printf("admin.%s@example.org", centre), STAFF_PASSWORD);
}


/* ---- forms -------------------------------------------------------------- */

/* "name=value&..." from NULL-terminated name, value pairs (values encoded). */
static char *form_body(const char *name, ...)
{
	va_list ap;
	va_start(ap, name);
	char *out = t_strdup("");
	for (const char *n = name; n != NULL; n = va_arg(ap, const char *)) {
		const char *v = va_arg(ap, const char *);
		out = t_printf("%s%s%s=%s", out, out[0] ? "&" : "", n, url_encode(v));
	}
	va_end(ap);
	return out;
}

/* The hidden fields of a creation form: what a browser would send back. */
struct new_form {
	const char *csrf, *token;
};

/* Opens the creation form at path (as the signed-in user); false on failure. */
static bool open_new_form(const char *path, struct new_form *f)
{
	struct html *h = html_get(path);
	if (h == NULL)
		return false;
	f->csrf = html_text(h, "//form[@method='post'][contains(@action, '/new')]//input[@name='csrf']/@value");
	f->token = html_text(h, "//form[@method='post'][contains(@action, '/new')]//input[@name='form_token']/@value");
	if (strlen(f->token) != 32 || strlen(f->csrf) != 64) {
		t_fail(__FILE__, __LINE__, "%s: no CSRF or form token in the form (\"%s\", \"%s\")", path, f->csrf, f->token);
		return false;
	}
	return true;
}

/* The id in the Location of a 303 to prefix{id}...; 0 (and a failure) otherwise. */
static long long created_id(const struct http_response *r, const char *prefix)
{
	const char *loc = r ? http_header(r, "Location") : NULL;
	const char *at = loc ? strstr(loc, prefix) : NULL;
	if (r == NULL || r->status != 303 || at == NULL) {
		t_fail(__FILE__, __LINE__, "not created: status %ld, Location %s: %.300s", r ? r->status : 0,
		       loc ? loc : "none",
		       r ? html_text(html_parse(r), "//*[@class='error-message' or @class='field-error']") : "");
		return 0;
	}
	return atoll(at + strlen(prefix));
}

/* Id of a category or district by slug, as text for a form. */
static const char *category_id(const char *slug)
{
	return sql_text(t_printf("SELECT id FROM categories WHERE slug = '%s'", slug));
}

static const char *district_id(const char *slug)
{
	return sql_text(t_printf("SELECT id FROM districts WHERE slug = '%s'", slug));
}

/* A valid service form with these texts (a legal consultation in Amursky district). */
static char *service_fields(const char *title, const char *summary, const char *description)
{
	return t_printf("%s&districts=%s",
	                form_body("title", title, "summary", summary, "description", description, "category",
	                          category_id("yuridicheskie-konsultatsii"), "target", "ngo", "format", "offline",
	                          "cost", "free", "price_note", "", "eligibility", "НКО Амурского района",
	                          "contact_name", "Галина Самойлова", "contact_phone", "+7 (42142) 2-61-18",
	                          "contact_email", "opora@example.org", NULL),
	                district_id("amursky"));
}

/* Posts a new service for centre through its form, as the signed-in user. */
static struct http_response *post_new_service(const char *centre, const char *fields)
{
	struct new_form f;
	if (!open_new_form(t_printf("/staff/services/new?centre=%s", centre), &f))
		return NULL;
	return http_post_form("/staff/services/new",
	                      t_printf("csrf=%s&centre=%s&form_token=%s&%s", f.csrf, centre, f.token, fields));
}

/* A news form's text fields. */
static char *news_fields(const char *title, const char *summary, const char *body)
{
	return form_body("title", title, "summary", summary, "body", body, NULL);
}

/* Posts a new news item for centre through its form. */
static struct http_response *post_new_news(const char *centre, const char *fields)
{
	struct new_form f;
	if (!open_new_form(t_printf("/staff/news/new?centre=%s", centre), &f))
		return NULL;
	return http_post_form("/staff/news/new",
	                      t_printf("csrf=%s&centre=%s&form_token=%s&%s", f.csrf, centre, f.token, fields));
}

/* Local "YYYY-MM-DDTHH:MM" (the region's time) at now + seconds. */
static char *local_input(long seconds)
{
	time_t t = time(NULL) + LOCAL_OFFSET_SECONDS + seconds;
	struct tm tm;
	gmtime_r(&t, &tm);
	return t_printf("%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

/* Local "YYYY-MM-DDTHH:MM" of day (days from today) at hh:mm. */
static char *local_day_at(int days, int hh, int mm)
{
	char *day = local_input((long)days * 86400);
	return t_printf("%.10sT%02d:%02d", day, hh, mm);
}

/* A valid event form in Amursky district with these texts and local times. */
static char *event_fields(const char *title, const char *text, const char *starts, const char *ends,
                          const char *place)
{
	return form_body("title", title, "summary", text, "description", text, "starts_at", starts, "ends_at", ends,
	                 "district", "amursky", "place", place, "online_url", "https://meet.example.org/opora",
	                 "registration_url", "https://opora.example.org/registration", NULL);
}

/* Posts a new event for centre through its form. */
static struct http_response *post_new_event(const char *centre, const char *fields)
{
	struct new_form f;
	if (!open_new_form(t_printf("/staff/events/new?centre=%s", centre), &f))
		return NULL;
	return http_post_form("/staff/events/new",
	                      t_printf("csrf=%s&centre=%s&form_token=%s&%s", f.csrf, centre, f.token, fields));
}

/* POSTs an action (archive, publish, …) on path as the signed-in user. */
static struct http_response *post_action(const char *path)
{
	return http_post_form(path, t_printf("csrf=%s", e2e_csrf()));
}

/* The text of every field error of a page, joined. */
static char *field_errors(const struct http_response *r)
{
	char **errs;
	size_t n = html_all(html_parse(r), "//*[@class='field-error']", &errs);
	char *out = t_strdup("");
	for (size_t i = 0; i < n; i++)
		out = t_printf("%s%s%s", out, i ? " | " : "", trim(errs[i]));
	return out;
}

/* The error message of an error page. */
static char *error_message(const struct http_response *r)
{
	return trim(html_text(html_parse(r), "//p[@class='error-message']"));
}

/* ---- what the database holds ----------------------------------------- */

/* 'text' as an SQL literal (quotes and backslashes doubled). */
static char *sql_quote(const char *s)
{
	char *out = t_alloc(strlen(s) * 2 + 3), *o = out;
	*o++ = '\'';
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			*o++ = *s;
		*o++ = *s;
	}
	*o++ = '\'';
	return out;
}

/* Rows of every table a staff write touches. */
struct counts {
	long long services, service_districts, news, events, audit, users, centre_districts;
};

/* The row counts now. */
static struct counts counts_now(void)
{
	return (struct counts){
		sql_count("SELECT COUNT(*) FROM services"), sql_count("SELECT COUNT(*) FROM service_districts"),
		sql_count("SELECT COUNT(*) FROM news"), sql_count("SELECT COUNT(*) FROM events"),
		sql_count("SELECT COUNT(*) FROM audit_log"), sql_count("SELECT COUNT(*) FROM users"),
		sql_count("SELECT COUNT(*) FROM centre_districts"),
	};
}

#define CHECK_NOTHING_WRITTEN(before)                                                         \
	do {                                                                                  \
		struct counts after_ = counts_now();                                          \
		CHECK_INT(after_.services, (before).services, "services rows");               \
		CHECK_INT(after_.service_districts, (before).service_districts, "service_districts rows"); \
		CHECK_INT(after_.news, (before).news, "news rows");                           \
		CHECK_INT(after_.events, (before).events, "events rows");                     \
		CHECK_INT(after_.audit, (before).audit, "audit_log rows");                    \
		CHECK_INT(after_.users, (before).users, "users rows");                        \
		CHECK_INT(after_.centre_districts, (before).centre_districts, "centre_districts rows"); \
	} while (0)

/* A demo row of table (services, news, events) that belongs to centre. */
static long long row_of(const char *table, const char *centre)
{
	return sql_count(t_printf("SELECT MIN(t.id) FROM %s t JOIN centres c ON c.id = t.centre_id "
	                          "WHERE c.slug = '%s' AND t.id < 900000", table, centre));
}

/* Everything a staff write could change in one row, as one string. */
static char *row_state(const char *table, long long id)
{
	return sql_text(t_printf("SELECT CONCAT_WS('|', title, summary, status, updated_at) FROM %s WHERE id = %lld",
	                         table, id));
}

/* Audit entries of action on entity_id. */
static long long audit_rows(const char *action, long long entity_id)
{
	return sql_count(t_printf("SELECT COUNT(*) FROM audit_log WHERE action = '%s' AND entity_id = %lld", action,
	                          entity_id));
}

/* ---- pages ------------------------------------------------------------ */

/* Values of xpath on path, as one string per node. */
static size_t page_values(const char *path, const char *xpath, char ***out)
{
	struct html *h = html_get(path);
	*out = NULL;
	return h ? html_all(h, xpath, out) : 0;
}

/* Checks that path's card links (xpath of hrefs) are exactly the SQL column sql. */
static void check_links(const char *path, const char *xpath, const char *sql)
{
	char **want, **got;
	long n = sql_column(sql, &want);
	size_t m = page_values(path, xpath, &got);
	if (n < 0 || t_failed())
		return;
	CHECK_INT(m, n, t_printf("links %s on %s", xpath, path));
	for (size_t i = 0; i < m; i++)
		CHECK_STR(got[i], want[i], t_printf("link %zu on %s", i + 1, path));
}

/* path shows payload as text, never as markup. */
static void check_escaped(const char *path, const char *payload)
{
	struct http_response *r = http_get(path);
	CHECK_STATUS(r, 200);
	static const char *const raw[] = { XSS_RAW_MARKERS };
	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++)
		CHECK_LACKS(r->body, raw[i], t_printf("raw markup on %s", path));
	CHECK_CONTAINS(html_text(html_parse(r), "/"), payload, t_printf("the text of %s", path));
}

/* ---- navigation and public lists ---------------------------------------- */

static void t_nav_links(const void *arg)
{
	struct html *h = html_get("/news");
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//nav[@class='site-nav']//a[@href='/news'][normalize-space()='Новости']", 1);
	CHECK_COUNT(h, "//nav[@class='site-nav']//a[@href='/events'][normalize-space()='Мероприятия']", 1);
	CHECK_STR(html_text(h, "//nav[@class='site-nav']//a[@aria-current='page']/@href"), "/news", "current section on /news");
	h = html_get("/events");
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//nav[@class='site-nav']//a[@aria-current='page']/@href"), "/events",
	          "current section on /events");
}

static void t_news_list(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	check_links("/news", "//div[@class='news-list']//h3/a/@href",
	            "SELECT CONCAT('/news/', id) FROM news WHERE status = 'published' "
	            "ORDER BY published_at DESC, id DESC LIMIT 10");
	struct html *h = html_get("/news");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), sql_count("SELECT COUNT(*) FROM news WHERE status = 'published'"),
	          "published news counted on /news");
}

static void t_news_filter_centre(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	const char *path = "/news?centre=" CENTRE_B;
	check_links(path, "//div[@class='news-list']//h3/a/@href",
	            "SELECT CONCAT('/news/', n.id) FROM news n JOIN centres c ON c.id = n.centre_id "
	            "WHERE c.slug = '" CENTRE_B "' AND n.status = 'published' "
	            "ORDER BY n.published_at DESC, n.id DESC LIMIT 10");
	struct html *h = html_get(path);
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h),
	          sql_count("SELECT COUNT(*) FROM news n JOIN centres c ON c.id = n.centre_id "
	                    "WHERE c.slug = '" CENTRE_B "' AND n.status = 'published'"),
	          "news of one centre");
	CHECK_COUNT(h, "//select[@name='centre']/option[@selected][@value='" CENTRE_B "']", 1);
}

/* A filter value the list must refuse, naming the parameter. */
struct bad_filter {
	const char *path;
	const char *param;
};

static void t_bad_filter(const void *arg)
{
	const struct bad_filter *bf = arg;
	struct http_response *r = http_get(bf->path);
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(error_message(r), t_printf("«%s»", bf->param), "the 400 names the parameter");
}

#define BAD_FILTER(path, param) \
	{ "GET " path ": 400 naming «" param "»", t_bad_filter, &(const struct bad_filter){ path, param } }

static void t_news_page_past_end(const void *arg)
{
	CHECK_STATUS(http_get("/news?page=9999"), 404);
	CHECK_STATUS(http_get("/events?page=9999"), 404);
}

static void t_news_draft_not_public(const void *arg)
{
	long long id = sql_count("SELECT MIN(id) FROM news WHERE status = 'draft'");
	CHECK(id > 0, "the demo data has a draft");
	CHECK_STATUS(http_get(t_printf("/news/%lld", id)), 404);
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	CHECK_STATUS(http_get(t_printf("/news/%lld", id)), 404);
}

static void t_news_item(const void *arg)
{
	long long id = sql_count("SELECT MAX(id) FROM news WHERE status = 'published' AND id < 900000");
	struct html *h = html_get(t_printf("/news/%lld", id));
	if (h == NULL)
		return;
	CHECK_STR(trim(html_text(h, "//h1")), sql_text(t_printf("SELECT title FROM news WHERE id = %lld", id)), "h1");
	CHECK_COUNT(h, t_printf("//a[@href='/centres/%s']",
	                        sql_text(t_printf("SELECT c.slug FROM news n JOIN centres c ON c.id = n.centre_id "
	                                          "WHERE n.id = %lld", id))), 1);
	CHECK(strlen(trim(html_text(h, "//div[@class='description']"))) > 20, "the body is shown");
}

static void t_events_upcoming(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	check_links("/events", "//div[@class='event-list']//h3/a/@href",
	            "SELECT CONCAT('/events/', id) FROM events WHERE status IN ('published', 'cancelled') "
	            "AND ends_at >= UTC_TIMESTAMP() ORDER BY starts_at, id LIMIT 10");
	struct html *h = html_get("/events");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h),
	          sql_count("SELECT COUNT(*) FROM events WHERE status IN ('published', 'cancelled') "
	                    "AND ends_at >= UTC_TIMESTAMP()"), "upcoming events counted");
	CHECK_COUNT(h, "//a[@href='/events?when=past']", 1);
}

static void t_events_past(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	check_links("/events?when=past", "//div[@class='event-list']//h3/a/@href",
	            "SELECT CONCAT('/events/', id) FROM events WHERE status IN ('published', 'cancelled') "
	            "AND ends_at < UTC_TIMESTAMP() ORDER BY starts_at DESC, id LIMIT 10");
}

static void t_events_filters(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	check_links("/events?when=past&district=nikolaevsky&centre=" CENTRE_B, "//div[@class='event-list']//h3/a/@href",
	            "SELECT CONCAT('/events/', e.id) FROM events e JOIN centres c ON c.id = e.centre_id "
	            "JOIN districts d ON d.id = e.district_id WHERE c.slug = '" CENTRE_B "' "
	            "AND d.slug = 'nikolaevsky' AND e.status IN ('published', 'cancelled') "
	            "AND e.ends_at < UTC_TIMESTAMP() ORDER BY e.starts_at DESC, e.id LIMIT 10");
	struct html *h = html_get("/events?district=nikolaevsky");
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//select[@name='district']/option[@selected][@value='nikolaevsky']", 1);
}

static void t_event_local_time(const void *arg)
{
	long long id = sql_count("SELECT MIN(id) FROM events WHERE status = 'published' AND id < 900000");
	char *local = sql_text(t_printf("SELECT DATE_FORMAT(starts_at + INTERVAL 10 HOUR, '%%Y-%%m-%%dT%%H:%%i') "
	                                "FROM events WHERE id = %lld", id));
	char *utc_hm = sql_text(t_printf("SELECT DATE_FORMAT(starts_at, '%%H:%%i') FROM events WHERE id = %lld", id));
	struct html *h = html_get(t_printf("/events/%lld", id));
	if (h == NULL || local == NULL)
		return;
	CHECK_STR(html_text(h, "//dl[@class='facts']//time/@datetime"), local, "<time datetime> in local time");
	char *shown = html_text(h, "//dl[@class='facts']//time");
	CHECK_CONTAINS(shown, t_printf(", %s", local + 11), "local start time shown");
	if (strcmp(utc_hm, local + 11) != 0)
		CHECK_LACKS(shown, t_printf(", %s", utc_hm), "the UTC start time");
	CHECK_CONTAINS(html_text(h, "//dl[@class='facts']"), "местное время", "the time zone is named");
}

static void t_event_cancelled_says_so(const void *arg)
{
	long long id = sql_count("SELECT MIN(id) FROM events WHERE status = 'cancelled' AND id < 900000");
	struct html *h = html_get(t_printf("/events/%lld", id));
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, "//p[contains(@class, 'notice')]"), "Мероприятие отменено", "cancelled notice");
}

static void t_event_draft_not_public(const void *arg)
{
	long long id = sql_count("SELECT MIN(id) FROM events WHERE status = 'draft'");
	CHECK_STATUS(http_get(t_printf("/events/%lld", id)), 404);
	char **ids;
	size_t n = page_values("/events?when=past", "//div[@class='event-list']//h3/a/@href", &ids);
	for (size_t i = 0; i < n; i++)
		CHECK(!str_eq(ids[i], t_printf("/events/%lld", id)), "a draft is listed");
}

static void t_centre_page_news_events(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	const char *path = "/centres/" CENTRE_B;
	check_links(path, "//div[@class='news-list']//h3/a/@href",
	            "SELECT CONCAT('/news/', n.id) FROM news n JOIN centres c ON c.id = n.centre_id "
	            "WHERE c.slug = '" CENTRE_B "' AND n.status = 'published' "
	            "ORDER BY n.published_at DESC, n.id DESC LIMIT 3");
	check_links(path, "//div[@class='event-list']//h3/a/@href",
	            "SELECT CONCAT('/events/', e.id) FROM events e JOIN centres c ON c.id = e.centre_id "
	            "WHERE c.slug = '" CENTRE_B "' AND e.status IN ('published', 'cancelled') "
	            "AND e.ends_at >= UTC_TIMESTAMP() ORDER BY e.starts_at, e.id LIMIT 3");
	struct html *h = html_get(path);
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//a[@href='/news?centre=" CENTRE_B "']", 1);
	CHECK_COUNT(h, "//a[@href='/events?centre=" CENTRE_B "']", 1);
}

static void t_home_news_events(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	check_links("/", "//section[@class='home-news']//h3/a/@href",
	            "SELECT CONCAT('/news/', id) FROM news WHERE status = 'published' "
	            "ORDER BY published_at DESC, id DESC LIMIT 3");
	check_links("/", "//section[@class='home-events']//h3/a/@href",
	            "SELECT CONCAT('/events/', id) FROM events WHERE status IN ('published', 'cancelled') "
	            "AND ends_at >= UTC_TIMESTAMP() ORDER BY starts_at, id LIMIT 3");
}

/* ---- who may use the staff area ------------------------------------------ */

static void t_anonymous_staff_redirect(const void *arg)
{
	struct http_response *r = http_get("/staff/services");
	CHECK_STATUS(r, 303);
	CHECK_CONTAINS(http_header(r, "Location"), "/login?next=", "redirect to sign-in");
}

static void t_member_staff_get(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	static const char *const paths[] = { "/staff/centre", "/staff/services", "/staff/services/new", "/staff/news",
		                             "/staff/events", "/staff/users", "/admin/", "/admin/audit" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		CHECK_STATUS(http_get(paths[i]), 403);
}

static void t_member_staff_post(const void *arg)
{
	if (!e2e_sign_in(MEMBER_EMAIL, MEMBER_PASSWORD))
		return;
	struct counts before = counts_now();
	const char *csrf = e2e_csrf();
	long long svc = row_of("services", CENTRE_A), news = row_of("news", CENTRE_A);
	struct http_response *r[] = {
		http_post_form("/staff/services/new", t_printf("csrf=%s&centre=%s&form_token=%032d&%s", csrf, CENTRE_A, 7,
		                                               service_fields("Услуга участника", "Кратко", "Описание"))),
		http_post_form(t_printf("/staff/services/%lld/archive", svc), t_printf("csrf=%s", csrf)),
		http_post_form(t_printf("/staff/news/%lld/publish", news), t_printf("csrf=%s", csrf)),
		http_post_form("/staff/centre", t_printf("csrf=%s&centre=%s&hours=x", csrf, CENTRE_A)),
		http_post_form("/staff/users", t_printf("csrf=%s&name=x&email=x%%40example.org&password=1234567890"
		                                        "&role=moderator", csrf)),
	};
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		CHECK_STATUS(r[i], 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_staff_not_admin(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	CHECK_STATUS(http_get("/admin/audit"), 403);
	CHECK_STATUS(http_get("/staff/users"), 403);
	struct counts before = counts_now();
	CHECK_STATUS(http_post_form("/staff/users",
	                            t_printf("csrf=%s&centre=%s&%s", e2e_csrf(), CENTRE_A,
	                                     form_body("name", "Новый", "email", "new.staff.a@example.org", "password",
	                                               "long-enough-pass", "role", "centre_staff", NULL))), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_csrf_missing(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	struct new_form f;
	if (!open_new_form("/staff/news/new", &f))
		return;
	struct http_response *r = http_post_form(
		"/staff/news/new", t_printf("centre=%s&form_token=%s&%s", CENTRE_A, f.token,
		                            news_fields("Без токена", "Кратко", "Текст")));
	CHECK_STATUS(r, 403);
	CHECK_STATUS(http_post_form(t_printf("/staff/services/%lld/archive", row_of("services", CENTRE_A)), ""), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_csrf_wrong(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	struct new_form f;
	if (!open_new_form("/staff/events/new", &f))
		return;
	const char *forged = "0000000000000000000000000000000000000000000000000000000000000000";
	struct http_response *r = http_post_form(
		"/staff/events/new",
		t_printf("csrf=%s&centre=%s&form_token=%s&%s", forged, CENTRE_A, f.token,
		         event_fields("Подделка", "Текст", local_day_at(3, 10, 0), local_day_at(3, 12, 0), "Амурск")));
	CHECK_STATUS(r, 403);
	long long svc = row_of("services", CENTRE_A);
	char *state = row_state("services", svc);
	CHECK_STATUS(http_post_form(t_printf("/staff/services/%lld", svc),
	                            t_printf("csrf=%s&%s", forged, service_fields("Подмена", "Кратко", "Описание"))), 403);
	CHECK_STR(row_state("services", svc), state, "service unchanged");
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- staff of centre A and centre B's data ---------------------------------- */

static void t_other_centre_lists(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	static const char *const lists[] = { "/staff/centre", "/staff/services", "/staff/services/new", "/staff/news",
		                             "/staff/news/new", "/staff/events", "/staff/events/new" };
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		CHECK_STATUS(http_get(t_printf("%s?centre=%s", lists[i], CENTRE_B)), 403);
		CHECK_STATUS(http_get(t_printf("%s?centre=no-such-centre", lists[i])), 404);
	}
}

static void t_other_centre_service(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = row_of("services", CENTRE_B);
	char *state = row_state("services", id);
	struct counts before = counts_now();
	CHECK_STATUS(http_get(t_printf("/staff/services/%lld", id)), 403);
	CHECK_STATUS(http_post_form(t_printf("/staff/services/%lld", id),
	                            t_printf("csrf=%s&%s", e2e_csrf(), service_fields("Захват", "Кратко", "Описание"))),
	             403);
	CHECK_STATUS(post_action(t_printf("/staff/services/%lld/archive", id)), 403);
	CHECK_STATUS(post_action(t_printf("/staff/services/%lld/restore", id)), 403);
	CHECK_STR(row_state("services", id), state, "centre B's service unchanged");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_other_centre_news(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long published = row_of("news", CENTRE_B);
	long long draft = sql_count("SELECT MIN(n.id) FROM news n JOIN centres c ON c.id = n.centre_id "
	                            "WHERE c.slug = '" CENTRE_B "' AND n.status = 'draft'");
	char *state = row_state("news", published), *draft_state = row_state("news", draft);
	struct counts before = counts_now();
	CHECK_STATUS(http_get(t_printf("/staff/news/%lld", published)), 403);
	CHECK_STATUS(http_post_form(t_printf("/staff/news/%lld", published),
	                            t_printf("csrf=%s&%s", e2e_csrf(), news_fields("Захват", "Кратко", "Текст"))), 403);
	CHECK_STATUS(post_action(t_printf("/staff/news/%lld/unpublish", published)), 403);
	CHECK_STATUS(post_action(t_printf("/staff/news/%lld/publish", draft)), 403);
	CHECK_STR(row_state("news", published), state, "centre B's news unchanged");
	CHECK_STR(row_state("news", draft), draft_state, "centre B's draft unchanged");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_other_centre_event(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = row_of("events", CENTRE_B);
	char *state = row_state("events", id);
	struct counts before = counts_now();
	CHECK_STATUS(http_get(t_printf("/staff/events/%lld", id)), 403);
	CHECK_STATUS(http_post_form(t_printf("/staff/events/%lld", id),
	                            t_printf("csrf=%s&%s", e2e_csrf(),
	                                     event_fields("Захват", "Текст", local_day_at(2, 10, 0),
	                                                  local_day_at(2, 11, 0), "Николаевск"))), 403);
	CHECK_STATUS(post_action(t_printf("/staff/events/%lld/cancel", id)), 403);
	CHECK_STATUS(post_action(t_printf("/staff/events/%lld/publish", id)), 403);
	CHECK_STR(row_state("events", id), state, "centre B's event unchanged");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_other_centre_create(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	struct new_form f;
	if (!open_new_form("/staff/news/new", &f))
		return;
	CHECK_STATUS(http_post_form("/staff/news/new", t_printf("csrf=%s&centre=%s&form_token=%s&%s", f.csrf, CENTRE_B,
	                                                        f.token, news_fields("Чужая", "Кратко", "Текст"))), 403);
	if (!open_new_form("/staff/services/new", &f))
		return;
	CHECK_STATUS(http_post_form("/staff/services/new",
	                            t_printf("csrf=%s&centre=%s&form_token=%s&%s", f.csrf, CENTRE_B, f.token,
	                                     service_fields("Чужая услуга", "Кратко", "Описание"))), 403);
	char *hours = sql_text("SELECT hours FROM centres WHERE slug = '" CENTRE_B "'");
	CHECK_STATUS(http_post_form("/staff/centre", t_printf("csrf=%s&centre=%s&hours=%s", f.csrf, CENTRE_B,
	                                                      url_encode("Круглосуточно"))), 403);
	CHECK_STR(sql_text("SELECT hours FROM centres WHERE slug = '" CENTRE_B "'"), hours, "centre B's hours");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_unknown_ids(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	CHECK_STATUS(http_get("/staff/services/4000000000"), 404);
	CHECK_STATUS(http_get("/staff/news/4000000000"), 404);
	CHECK_STATUS(post_action("/staff/events/4000000000/cancel"), 404);
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- services ----------------------------------------------------------- */

/* Results of a catalogue search for q, as links (read signed in). */
static bool catalogue_has(const char *q, long long id)
{
	char **hrefs;
	size_t n = page_values(t_printf("/services?q=%s", url_encode(q)), "//div[@class='service-list']//h3/a/@href",
	                       &hrefs);
	for (size_t i = 0; i < n; i++)
		if (str_eq(hrefs[i], t_printf("/services/%lld", id)))
			return true;
	return false;
}

static void t_service_create(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	CHECK_INT(sql_count("SELECT COUNT(*) FROM services WHERE search_stems LIKE '%сапропел%'"), 0,
	          "the test word is new to the catalogue");
	long long id = created_id(post_new_service(CENTRE_A, service_fields("Сапропелевые удобрения для огородов ТОС",
	                                                                  "Как получить и внести удобрения.",
	                                                                  "Консультация агронома для ТОС.")),
	                          "/staff/services/");
	if (id == 0)
		return;
	CHECK_STR(sql_text(t_printf("SELECT c.slug FROM services s JOIN centres c ON c.id = s.centre_id "
	                            "WHERE s.id = %lld", id)), CENTRE_A, "centre of the new service");
	CHECK(catalogue_has("сапропелевый", id), "catalogue search by another word form finds the new service");
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM service_districts WHERE service_id = %lld", id)), 1,
	          "districts of the new service");
	CHECK_INT(audit_rows("service.create", id), 1, "audit entry of the creation");
	char **hrefs;
	size_t n = page_values("/centres/" CENTRE_A, "//div[@class='service-list']//h3/a/@href", &hrefs);
	bool listed = false;
	for (size_t i = 0; i < n; i++)
		listed |= str_eq(hrefs[i], t_printf("/services/%lld", id));
	CHECK(listed, "the centre page lists the new service");
}

/* Creates a service with word in its title; its id or 0. */
static long long new_service(const char *title)
{
	return created_id(post_new_service(CENTRE_A, service_fields(title, "Кратко об услуге.", "Описание услуги.")),
	                  "/staff/services/");
}

static void t_service_edit(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = new_service("Консультация по торфяным почвам");
	if (id == 0)
		return;
	struct http_response *r = http_post_form(
		t_printf("/staff/services/%lld", id),
		t_printf("csrf=%s&%s", e2e_csrf(), service_fields("Консультация по болотным почвам", "Кратко об услуге.",
		                                                  "Описание услуги.")));
	CHECK_STATUS(r, 303);
	CHECK(catalogue_has("болотных", id), "the new title is searchable");
	CHECK(!catalogue_has("торфяной", id), "the old title is not searchable any more");
	CHECK_INT(audit_rows("service.update", id), 1, "audit entry of the edit");
	CHECK_STR(sql_text(t_printf("SELECT before_json FROM audit_log WHERE action = 'service.update' "
	                            "AND entity_id = %lld", id)), "{\"title\":\"Консультация по торфяным почвам\"}",
	          "audit before: only the changed field");
	struct html *h = html_get(t_printf("/staff/services/%lld?saved=1", id));
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//input[@name='title']/@value"), "Консультация по болотным почвам", "the form shows the edit");
	CHECK_COUNT(h, "//p[@class='notice'][contains(., 'Изменения сохранены')]", 1);
}

static void t_service_edit_unchanged(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = new_service("Консультация без изменений");
	if (id == 0)
		return;
	long long audit = sql_count("SELECT COUNT(*) FROM audit_log");
	CHECK_STATUS(http_post_form(t_printf("/staff/services/%lld", id),
	                            t_printf("csrf=%s&%s", e2e_csrf(), service_fields("Консультация без изменений",
	                                                                            "Кратко об услуге.",
	                                                                            "Описание услуги."))), 303);
	CHECK_INT(sql_count("SELECT COUNT(*) FROM audit_log"), audit, "no audit entry when nothing changed");
}

static void t_service_archive_restore(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = new_service("Консультация по кедровым орехам");
	if (id == 0 || !catalogue_has("кедровые", id))
		FAIL("the new service is not in the catalogue");
	CHECK_STATUS(post_action(t_printf("/staff/services/%lld/archive", id)), 303);
	CHECK_STR(sql_text(t_printf("SELECT status FROM services WHERE id = %lld", id)), "archived", "status");
	CHECK(!catalogue_has("кедровые", id), "an archived service is not in the catalogue");
	struct html *h = html_get(t_printf("/services/%lld", id));
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//p[contains(@class, 'notice-archived')]", 1);
	h = html_get("/staff/services");
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, t_printf("//tr[td/a/@href='/staff/services/%lld']", id)), "В архиве", "staff list");
	CHECK_STATUS(post_action(t_printf("/staff/services/%lld/archive", id)), 303);
	CHECK_INT(audit_rows("service.archive", id), 1, "archiving twice is recorded once");
	CHECK_STATUS(post_action(t_printf("/staff/services/%lld/restore", id)), 303);
	CHECK(catalogue_has("кедровые", id), "a restored service is back in the catalogue");
	CHECK_INT(audit_rows("service.restore", id), 1, "audit entry of the restore");
}

/* Sends the creation form at path twice with one form token, as a double
 * click or a reload does: both answers must be 303 and table must gain one
 * row. The answers go to first and second (NULL when the form did not open). */
static void post_new_twice(const char *path, const char *table, const char *fields,
                           struct http_response **first, struct http_response **second)
{
	*first = *second = NULL;
	struct new_form f;
	if (!open_new_form(path, &f))
		return;
	const char *count = t_printf("SELECT COUNT(*) FROM %s", table);
	long long before = sql_count(count);
	char *body = t_printf("csrf=%s&centre=%s&form_token=%s&%s", f.csrf, CENTRE_A, f.token, fields);
	*first = http_post_form(path, body);
	*second = http_post_form(path, body);
	CHECK_STATUS(*first, 303);
	CHECK_STATUS(*second, 303);
	CHECK_INT(sql_count(count), before + 1, "one new row");
}

static void t_service_double_submit(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct http_response *first, *second;
	post_new_twice("/staff/services/new", "services",
	               service_fields("Дважды отправленная услуга", "Кратко", "Описание"), &first, &second);
	if (first != NULL && first->status == 303)
		CHECK_STR(http_header(second, "Location"), http_header(first, "Location"),
		          "both answers lead to one service");
}

static void t_service_overlong(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	char *title = t_alloc(TITLE_MAX + 2);
	memset(title, 'a', TITLE_MAX + 1);
	struct http_response *r = post_new_service(CENTRE_A, service_fields(title, "Кратко о длинной услуге", "Описание"));
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='s-title-error']"), "200", "the title's error names the limit");
	CHECK_STR(html_text(h, "//input[@name='title']/@value"), title, "the title is kept");
	CHECK_STR(trim(html_text(h, "//textarea[@name='summary']")), "Кратко о длинной услуге", "the summary is kept");
	CHECK_COUNT(h, "//input[@name='districts'][@checked]", 1);
	CHECK_COUNT(h, "//div[@class='form-errors']", 1);
	char *text = t_alloc(TEXT_MAX + 2);
	memset(text, 'b', TEXT_MAX + 1);
	r = post_new_service(CENTRE_A, service_fields("Услуга", "Кратко", text));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='s-description-error']"), "6000", "description limit");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_service_invalid(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	char *fields = form_body("title", "Услуга с ошибками", "summary", "Кратко", "description", "Описание",
	                         "category", category_id("konsultatsii"), "target", "everyone", "format", "offline",
	                         "cost", "free", "contact_email", "not-an-address", "contact_phone", "позвоните",
	                         "districts", "4000000", NULL);
	struct http_response *r = post_new_service(CENTRE_A, fields);
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_COUNT(h, "//p[@id='s-category-error']", 1);
	CHECK_COUNT(h, "//p[@id='s-target-error']", 1);
	CHECK_COUNT(h, "//p[@id='s-contact-email-error']", 1);
	CHECK_COUNT(h, "//p[@id='s-contact-phone-error']", 1);
	CHECK_COUNT(h, "//p[@id='s-districts-error']", 1);
	CHECK_CONTAINS(html_text(h, "//p[@id='s-contact-email-error']"), "name@example.ru", "how to write an e-mail");
	CHECK_STR(html_text(h, "//input[@name='contact_email']/@value"), "not-an-address", "the e-mail is kept");
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- news ----------------------------------------------------------------- */

static void t_news_flow(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = created_id(post_new_news(CENTRE_A, news_fields("ТОС «Опора» открывает сезон субботников",
	                                                              "Приглашаем жителей на первый субботник.",
	                                                              "Сбор в 10:00 у школы.\nИнвентарь выдадим.")),
	                          "/staff/news/");
	if (id == 0)
		return;
	CHECK_STR(sql_text(t_printf("SELECT status FROM news WHERE id = %lld", id)), "draft", "created as a draft");
	http_reset_cookies();
	CHECK_STATUS(http_get(t_printf("/news/%lld", id)), 404);
	if (!sign_in_staff(CENTRE_A))
		return;
	CHECK_STATUS(http_get(t_printf("/news/%lld", id)), 404);
	CHECK_STATUS(post_action(t_printf("/staff/news/%lld/publish", id)), 303);
	const char *href = t_printf("/news/%lld", id);
	char **got;
	size_t n = page_values("/news", "//div[@class='news-list']//h3/a/@href", &got);
	CHECK(n > 0 && str_eq(got[0], href), "the published item is first on /news");
	n = page_values("/centres/" CENTRE_A, "//div[@class='news-list']//h3/a/@href", &got);
	CHECK(n > 0 && str_eq(got[0], href), "the published item is first on the centre page");
	n = page_values("/", "//section[@class='home-news']//h3/a/@href", &got);
	CHECK(n > 0 && str_eq(got[0], href), "the published item is first on the home page");
	struct html *h = html_get(href);
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, "//div[@class='description']"), "Инвентарь выдадим.", "the body is shown");
	CHECK_STATUS(post_action(t_printf("/staff/news/%lld/unpublish", id)), 303);
	CHECK_STATUS(http_get(href), 404);
	CHECK_INT(audit_rows("news.publish", id), 1, "audit of the publication");
	CHECK_INT(audit_rows("news.unpublish", id), 1, "audit of the withdrawal");
}

static void t_news_double_submit(const void *arg)
{
	struct http_response *first, *second;
	if (sign_in_staff(CENTRE_A))
		post_new_twice("/staff/news/new", "news", news_fields("Новость, отправленная дважды", "Кратко", "Текст"),
		               &first, &second);
}

static void t_news_overlong(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	char *body = t_alloc(TEXT_MAX + 2);
	memset(body, 'c', TEXT_MAX + 1);
	struct http_response *r = post_new_news(CENTRE_A, news_fields("Заголовок остаётся", "", body));
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='n-body-error']"), "6000", "the body's error names the limit");
	CHECK_CONTAINS(html_text(h, "//p[@id='n-summary-error']"), "Заполните", "a required field");
	CHECK_STR(html_text(h, "//input[@name='title']/@value"), "Заголовок остаётся", "the title is kept");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_news_forged_token(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	struct http_response *r = http_post_form(
		"/staff/news/new", t_printf("csrf=%s&centre=%s&form_token=not-a-token&%s", e2e_csrf(), CENTRE_A,
		                            news_fields("Заголовок", "Кратко", "Текст")));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(field_errors(r), "Форма повреждена", "the form says it must be sent again");
	CHECK_INT(strlen(html_text(html_parse(r), "//input[@name='form_token']/@value")), 32, "a fresh token");
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- events --------------------------------------------------------------- */

static void t_event_local_input(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	char *starts = local_day_at(4, 14, 30), *ends = local_day_at(4, 16, 0);
	long long id = created_id(post_new_event(CENTRE_A, event_fields("Собрание председателей ТОС", "Повестка.", starts,
	                                                                ends, "г. Амурск, пр-т Мира, д. 44")),
	                          "/staff/events/");
	if (id == 0)
		return;
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM events WHERE id = %lld AND starts_at = "
	                             "STR_TO_DATE('%s', '%%Y-%%m-%%dT%%H:%%i') - INTERVAL 10 HOUR", id, starts)), 1,
	          "stored in UTC (local − 10 h)");
	struct html *h = html_get(t_printf("/staff/events/%lld", id));
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//input[@name='starts_at']/@value"), starts, "the edit form shows local time");
	CHECK_STATUS(http_get(t_printf("/events/%lld", id)), 404);
	CHECK_STATUS(post_action(t_printf("/staff/events/%lld/publish", id)), 303);
	h = html_get(t_printf("/events/%lld", id));
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//dl[@class='facts']//time/@datetime"), starts, "<time datetime>");
	CHECK_CONTAINS(html_text(h, "//dl[@class='facts']//time"), "14:30–16:00", "local times shown");
	CHECK_COUNT(h, "//a[@class='online-link'][@href='https://meet.example.org/opora']", 1);
	CHECK_COUNT(h, "//a[@class='registration-link'][@href='https://opora.example.org/registration']", 1);
	CHECK_CONTAINS(html_text(h, "//dl[@class='facts']"), "Амурский район", "the district");
}

static void t_event_invalid(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	char *fields = form_body("title", "Ошибочное мероприятие", "summary", "Кратко", "description", "Текст",
	                         "starts_at", local_day_at(5, 12, 0), "ends_at", local_day_at(5, 11, 0), "district",
	                         "atlantis", "place", "", "online_url", "", "registration_url", "javascript:alert(1)",
	                         NULL);
	struct http_response *r = post_new_event(CENTRE_A, fields);
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='e-ends-error']"), "позже начала", "end before start");
	CHECK_COUNT(h, "//p[@id='e-district-error']", 1);
	CHECK_CONTAINS(html_text(h, "//p[@id='e-place-error']"), "ссылку", "a place or a link is needed");
	CHECK_CONTAINS(html_text(h, "//p[@id='e-registration-error']"), "https://", "links must be web addresses");
	CHECK_STR(html_text(h, "//input[@name='starts_at']/@value"), local_day_at(5, 12, 0), "start kept");
	r = post_new_event(CENTRE_A, form_body("title", "Без даты", "summary", "Кратко", "description", "Текст",
	                                       "starts_at", "завтра", "ends_at", "", "place", "Амурск", NULL));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='e-starts-error']"), "ГГГГ-ММ-ДД", "the date format");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_event_double_submit(const void *arg)
{
	struct http_response *first, *second;
	if (sign_in_staff(CENTRE_A))
		post_new_twice("/staff/events/new", "events",
		               event_fields("Дважды", "Текст", local_day_at(6, 10, 0), local_day_at(6, 12, 0), "Амурск"),
		               &first, &second);
}

static void t_event_cancel(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = created_id(post_new_event(CENTRE_A, event_fields("Встреча, которую отменят", "Текст",
	                                                                local_day_at(7, 10, 0), local_day_at(7, 12, 0),
	                                                                "Амурск")),
	                          "/staff/events/");
	if (id == 0)
		return;
	CHECK_STATUS(post_action(t_printf("/staff/events/%lld/publish", id)), 303);
	CHECK_STATUS(post_action(t_printf("/staff/events/%lld/cancel", id)), 303);
	struct html *h = html_get(t_printf("/events/%lld", id));
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, "//p[contains(@class, 'notice')]"), "отменено", "the public page says cancelled");
	CHECK_INT(audit_rows("event.cancel", id), 1, "audit of the cancellation");
}

/* ---- markup and SQL in every text field ------------------------------------ */

static void t_xss_service(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	char *fields = t_printf("%s&districts=%s",
	                        form_body("title", XSS, "summary", XSS, "description", XSS, "category",
	                                  category_id("yuridicheskie-konsultatsii"), "target", "ngo", "format", "offline",
	                                  "cost", "paid", "price_note", XSS, "eligibility", XSS, "contact_name", XSS,
	                                  "contact_phone", "", "contact_email", "", NULL),
	                        district_id("amursky"));
	long long id = created_id(post_new_service(CENTRE_A, fields), "/staff/services/");
	if (id == 0)
		return;
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM services WHERE id = %lld AND title = %s AND contact_name = %s",
	                             id, sql_quote(XSS), sql_quote(XSS))), 1, "stored verbatim");
	const char *pages[] = { t_printf("/staff/services/%lld", id), "/staff/services", t_printf("/services/%lld", id),
		                "/centres/" CENTRE_A, "/" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0] && !t_failed(); i++)
		check_escaped(pages[i], XSS);
}

static void t_xss_news(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = created_id(post_new_news(CENTRE_A, news_fields(XSS, XSS, XSS)), "/staff/news/");
	if (id == 0)
		return;
	CHECK_STATUS(post_action(t_printf("/staff/news/%lld/publish", id)), 303);
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM news WHERE id = %lld AND body = %s", id, sql_quote(XSS))), 1,
	          "stored verbatim");
	const char *pages[] = { t_printf("/staff/news/%lld", id), "/staff/news", t_printf("/news/%lld", id), "/news",
		                "/centres/" CENTRE_A, "/" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0] && !t_failed(); i++)
		check_escaped(pages[i], XSS);
}

static void t_xss_event(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	char *fields = form_body("title", XSS, "summary", XSS, "description", XSS, "starts_at", local_input(-7200),
	                         "ends_at", local_input(5 * 3600), "district", "", "place", XSS, "online_url", "",
	                         "registration_url", "", NULL);
	long long id = created_id(post_new_event(CENTRE_A, fields), "/staff/events/");
	if (id == 0)
		return;
	CHECK_STATUS(post_action(t_printf("/staff/events/%lld/publish", id)), 303);
	const char *pages[] = { t_printf("/staff/events/%lld", id), "/staff/events", t_printf("/events/%lld", id),
		                "/events", "/centres/" CENTRE_A, "/" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0] && !t_failed(); i++)
		check_escaped(pages[i], XSS);
}

/* Posts the centre profile of CENTRE_A with description and hours, its
 * other fields as stored, and the districts tail ("&districts=..."). */
static struct http_response *post_profile(const char *description, const char *hours, const char *districts)
{
	const char *where = "FROM centres WHERE slug = '" CENTRE_A "'";
	return http_post_form("/staff/centre",
	                      t_printf("csrf=%s&centre=%s&%s%s", e2e_csrf(), CENTRE_A,
	                               form_body("description", description,
	                                         "address", sql_text(t_printf("SELECT address %s", where)),
	                                         "phone", sql_text(t_printf("SELECT phone %s", where)),
	                                         "email", sql_text(t_printf("SELECT email %s", where)),
	                                         "website", sql_text(t_printf("SELECT COALESCE(website, '') %s", where)),
	                                         "hours", hours, NULL),
	                               districts));
}

/* The districts CENTRE_A serves now, as a form tail. */
static char *served_tail(void)
{
	char **ids;
	long n = sql_column("SELECT cd.district_id FROM centre_districts cd JOIN centres c ON c.id = cd.centre_id "
	                    "WHERE c.slug = '" CENTRE_A "'", &ids);
	char *out = t_strdup("");
	for (long i = 0; i < n; i++)
		out = t_printf("%s&districts=%s", out, ids[i]);
	return out;
}

static void t_profile_edit(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	char *description = sql_text("SELECT description FROM centres WHERE slug = '" CENTRE_A "'");
	char *hours = sql_text("SELECT hours FROM centres WHERE slug = '" CENTRE_A "'");
	char *served = served_tail();
	CHECK_STATUS(post_profile(description, "Вт–Сб 10:00–19:00", served), 303);
	struct html *h = html_get("/centres/" CENTRE_A);
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, "//dl[@class='facts']"), "Вт–Сб 10:00–19:00", "the centre page shows the new hours");
	long long entry = sql_count("SELECT MAX(id) FROM audit_log WHERE action = 'centre.update'");
	CHECK_STR(sql_text(t_printf("SELECT after_json FROM audit_log WHERE id = %lld", entry)),
	          "{\"hours\":\"Вт–Сб 10:00–19:00\"}", "audit: only the changed field");
	CHECK_STATUS(post_profile(XSS, XSS, served), 303);
	check_escaped("/centres/" CENTRE_A, XSS);
	check_escaped("/staff/centre", XSS);
	CHECK_STATUS(post_profile(description, hours, served), 303);
	CHECK_STR(sql_text("SELECT hours FROM centres WHERE slug = '" CENTRE_A "'"), hours, "profile restored");
}

static void t_profile_invalid(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	struct counts before = counts_now();
	char *hours = sql_text("SELECT hours FROM centres WHERE slug = '" CENTRE_A "'");
	struct http_response *r = http_post_form(
		"/staff/centre", t_printf("csrf=%s&centre=%s&%s", e2e_csrf(), CENTRE_A,
		                          form_body("description", "Описание", "address", "Амурск", "phone", "звоните",
		                                    "email", "info", "website", "ftp://x", "hours", "", NULL)));
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	static const char *const errors[] = { "c-phone-error", "c-email-error", "c-website-error", "c-hours-error",
		                              "c-districts-error" };
	for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
		CHECK_COUNT(h, t_printf("//p[@id='%s']", errors[i]), 1);
	CHECK_STR(html_text(h, "//input[@name='phone']/@value"), "звоните", "the phone is kept");
	CHECK_STR(sql_text("SELECT hours FROM centres WHERE slug = '" CENTRE_A "'"), hours, "profile unchanged");
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- the audit log ----------------------------------------------------------- */

static void t_audit_before_after(const void *arg)
{
	if (!sign_in_staff(CENTRE_A))
		return;
	long long id = created_id(post_new_news(CENTRE_A, news_fields("Старый заголовок <b>новости</b>", "Кратко", "Текст")),
	                          "/staff/news/");
	if (id == 0)
		return;
	CHECK_STATUS(http_post_form(t_printf("/staff/news/%lld", id),
	                            t_printf("csrf=%s&%s", e2e_csrf(),
	                                     news_fields("Новый заголовок <b>новости</b>", "Кратко", "Текст"))), 303);
	if (!e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD))
		return;
	struct http_response *r = http_get("/admin/audit?entity=news&centre=" CENTRE_A);
	CHECK_STATUS(r, 200);
	CHECK_LACKS(r->body, "<b>новости", "markup in the log");
	struct html *h = html_parse(r);
	const char *entry = t_printf("//li[@class='audit-entry'][.//a[@href='/staff/news/%lld']][contains(., 'изменена')]", id);
	CHECK_COUNT(h, entry, 1);
	CHECK_STR(trim(html_text(h, t_printf("%s//li[@data-field='title']/span[@class='audit-before']", entry))),
	          "Старый заголовок <b>новости</b>", "before");
	CHECK_STR(trim(html_text(h, t_printf("%s//li[@data-field='title']/span[@class='audit-after']", entry))),
	          "Новый заголовок <b>новости</b>", "after");
	CHECK_COUNT(h, t_printf("%s//li[@data-field='summary']", entry), 0);
	CHECK_CONTAINS(html_text(h, t_printf("%s//p[@class='audit-head']", entry)), "staff." CENTRE_A "@example.org", "who");
}

static void t_audit_filters(const void *arg)
{
	if (!e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD))
		return;
	long long user = sql_count("SELECT id FROM users WHERE email = 'staff." CENTRE_A "@example.org'");
	struct html *h = html_get(t_printf("/admin/audit?user=%lld", user));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), sql_count(t_printf("SELECT COUNT(*) FROM audit_log WHERE user_id = %lld", user)),
	          "entries of one user");
	h = html_get("/admin/audit?entity=event&centre=" CENTRE_B);
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h),
	          sql_count("SELECT COUNT(*) FROM audit_log a JOIN centres c ON c.id = a.centre_id "
	                    "WHERE a.entity = 'event' AND c.slug = '" CENTRE_B "'"), "entries of one centre and entity");
	char *today = local_input(0);
	h = html_get(t_printf("/admin/audit?from=%.10s&to=%.10s", today, today));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h),
	          sql_count("SELECT COUNT(*) FROM audit_log WHERE DATE(created_at + INTERVAL 10 HOUR) = "
	                    "DATE(UTC_TIMESTAMP() + INTERVAL 10 HOUR)"), "entries of today (local days)");
	h = html_get("/admin/audit?to=2000-01-01");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 0, "nothing before 2000");
	static const char *const bad[][2] = {
		{ "/admin/audit?user=abc", "user" },         { "/admin/audit?user=4000000000", "user" },
		{ "/admin/audit?entity=planet", "entity" },  { "/admin/audit?centre=no-such-centre", "centre" },
		{ "/admin/audit?from=2026-13-01", "from" },  { "/admin/audit?to=yesterday", "to" },
		{ "/admin/audit?page=0", "page" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct http_response *r = http_get(bad[i][0]);
		CHECK_STATUS(r, 400);
		CHECK_CONTAINS(error_message(r), t_printf("«%s»", bad[i][1]), "the 400 names the parameter");
	}
}

static void t_admin_landing(const void *arg)
{
	if (!e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD))
		return;
	struct html *h = html_get("/admin/");
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//main//a[@href='/admin/audit']", 1);
	CHECK_COUNT(h, "//header//a[@href='/admin/']", 1);
}

/* ---- the moderator in the staff area ------------------------------------------ */

static void t_moderator_chooses_centre(const void *arg)
{
	if (!e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD))
		return;
	struct html *h = html_get("/staff/services");
	if (h == NULL)
		return;
	CHECK_INT(html_count(h, "//main//a[starts-with(@href, '/staff/services?centre=')]"),
	          sql_count("SELECT COUNT(*) FROM centres"), "one link per centre");
	h = html_get("/staff/services?centre=" CENTRE_B);
	if (h == NULL)
		return;
	CHECK_INT(html_count(h, "//table//tbody/tr"),
	          sql_count("SELECT COUNT(*) FROM services s JOIN centres c ON c.id = s.centre_id "
	                    "WHERE c.slug = '" CENTRE_B "'"), "centre B's services, archived ones too");
	long long id = row_of("news", CENTRE_B);
	CHECK_STATUS(http_get(t_printf("/staff/news/%lld", id)), 200);
	struct counts before = counts_now();
	CHECK_STATUS(http_post_form("/staff/news/new", t_printf("csrf=%s&%s", e2e_csrf(), news_fields("Т", "К", "Т"))), 400);
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- staff accounts ------------------------------------------------------------ */

static struct http_response *post_user(const char *centre, const char *name, const char *email, const char *password,
                                       const char *role)
{
	return http_post_form("/staff/users", t_printf("csrf=%s&centre=%s&%s", e2e_csrf(), centre,
	                                               form_body("name", name, "email", email, "password", password,
	                                                         "role", role, NULL)));
}

static void t_admin_creates_staff(const void *arg)
{
	if (!sign_in_admin(CENTRE_A))
		return;
	struct html *h = html_get("/staff/users");
	if (h == NULL)
		return;
	CHECK_INT(html_count(h, "//table//tbody/tr"),
	          sql_count("SELECT COUNT(*) FROM users u JOIN centres c ON c.id = u.centre_id WHERE c.slug = '" CENTRE_A "'"),
	          "the centre's staff listed");
	CHECK_COUNT(h, "//select[@name='role']/option", 1);
	CHECK_STATUS(post_user(CENTRE_A, "Пётр Новиков", "petr.novikov.opora@example.org", "начальный-пароль",
	                       "centre_staff"), 303);
	CHECK_STR(sql_text("SELECT CONCAT(u.role, ' ', c.slug) FROM users u JOIN centres c ON c.id = u.centre_id "
	                   "WHERE u.email = 'petr.novikov.opora@example.org'"), "centre_staff " CENTRE_A, "role and centre");
	CHECK(str_eq(sql_text("SELECT LEFT(password_hash, 9) FROM users WHERE email = 'petr.novikov.opora@example.org'"),
	             "$argon2id"), "argon2id hash");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND entity_id = "
	                    "(SELECT id FROM users WHERE email = 'petr.novikov.opora@example.org')"), 1, "audit entry");
	CHECK(e2e_sign_in("petr.novikov.opora@example.org", "начальный-пароль"), "the new account signs in");
	CHECK_STATUS(http_get("/staff/services"), 200);
}

static void t_admin_cannot_escalate(const void *arg)
{
	if (!sign_in_admin(CENTRE_A))
		return;
	struct counts before = counts_now();
	CHECK_STATUS(post_user(CENTRE_A, "Захватчик", "grab.moderator@example.org", "long-enough-pass", "moderator"), 403);
	CHECK_STATUS(post_user(CENTRE_A, "Захватчик", "grab.admin@example.org", "long-enough-pass", "centre_admin"), 403);
	CHECK_STATUS(post_user(CENTRE_B, "Чужой", "grab.b@example.org", "long-enough-pass", "centre_staff"), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_user_form_errors(const void *arg)
{
	if (!sign_in_admin(CENTRE_A))
		return;
	struct counts before = counts_now();
	struct http_response *r = post_user(CENTRE_A, "Короткий Пароль", "short.pass@example.org", "123456789",
	                                    "centre_staff");
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='u-password-error']"), "10", "the password minimum");
	CHECK_STR(html_text(h, "//input[@name='email']/@value"), "short.pass@example.org", "the e-mail is kept");
	CHECK_COUNT(h, "//input[@name='password'][@value]", 0);
	r = post_user(CENTRE_A, "Дубликат", "staff." CENTRE_B "@example.org", "long-enough-pass", "centre_staff");
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='u-email-error']"), "занят", "an e-mail in use");
	r = post_user(CENTRE_A, "", "bad-address", "long-enough-pass", "superuser");
	CHECK_STATUS(r, 400);
	CHECK_COUNT(html_parse(r), "//p[@id='u-name-error' or @id='u-email-error' or @id='u-role-error']", 3);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_moderator_creates_admin(const void *arg)
{
	if (!e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD))
		return;
	struct html *h = html_get("/staff/users?centre=" CENTRE_B);
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//select[@name='role']/option", 3);
	CHECK_STATUS(post_user(CENTRE_B, "Ольга Бельды", "olga.beldy.mrc@example.org", "долгий-пароль-1", "centre_admin"),
	             303);
	CHECK_STR(sql_text("SELECT CONCAT(u.role, ' ', c.slug) FROM users u JOIN centres c ON c.id = u.centre_id "
	                   "WHERE u.email = 'olga.beldy.mrc@example.org'"), "centre_admin " CENTRE_B, "role and centre");
	CHECK_STATUS(post_user(CENTRE_B, "Второй модератор", "second.moderator@example.org", "долгий-пароль-2",
	                       "moderator"), 303);
	CHECK_INT(sql_count("SELECT COUNT(*) FROM users WHERE email = 'second.moderator@example.org' "
	                    "AND role = 'moderator' AND centre_id IS NULL"), 1, "a moderator belongs to no centre");
}

const struct test_case centre_content_tests[] = {
	{ "content: navigation has «Новости» and «Мероприятия», current section marked", t_nav_links, NULL },
	{ "content: /news lists published news newest first, counted, no drafts", t_news_list, NULL },
	{ "content: /news?centre= shows one centre's news", t_news_filter_centre, NULL },
	BAD_FILTER("/news?centre=no-such-centre", "centre"),
	BAD_FILTER("/news?centre=%3Cscript%3E", "centre"),
	BAD_FILTER("/news?page=0", "page"),
	BAD_FILTER("/news?page=abc", "page"),
	BAD_FILTER("/events?centre=no-such-centre", "centre"),
	BAD_FILTER("/events?district=atlantis", "district"),
	BAD_FILTER("/events?when=tomorrow", "when"),
	BAD_FILTER("/events?page=-1", "page"),
	{ "content: /news and /events past the last page: 404", t_news_page_past_end, NULL },
	{ "content: a draft's /news/{id} is 404 for everyone", t_news_draft_not_public, NULL },
	{ "content: /news/{id} shows title, centre and body", t_news_item, NULL },
	{ "content: /events lists upcoming events soonest first, links to past ones", t_events_upcoming, NULL },
	{ "content: /events?when=past lists ended events latest first", t_events_past, NULL },
	{ "content: /events filters by centre and district together", t_events_filters, NULL },
	{ "content: /events/{id} shows the start in local time (UTC+10)", t_event_local_time, NULL },
	{ "content: a cancelled event's page says it is cancelled", t_event_cancelled_says_so, NULL },
	{ "content: a draft event is 404 and never listed", t_event_draft_not_public, NULL },
	{ "content: a centre page shows its 3 latest news and upcoming events", t_centre_page_news_events, NULL },
	{ "content: the home page shows the latest news and upcoming events", t_home_news_events, NULL },
	{ "staff: signed-out GET /staff/services goes to sign-in", t_anonymous_staff_redirect, NULL },
	{ "staff: a member gets 403 on every staff and admin page", t_member_staff_get, NULL },
	{ "staff: a member posting to /staff/... gets 403, nothing written", t_member_staff_post, NULL },
	{ "staff: centre staff cannot open /staff/users or /admin/audit, nor create accounts", t_staff_not_admin, NULL },
	{ "staff: POST without CSRF token: 403, nothing written", t_csrf_missing, NULL },
	{ "staff: POST with a forged CSRF token: 403, nothing written", t_csrf_wrong, NULL },
	{ "staff: centre A asking for centre B's lists: 403; unknown centre: 404", t_other_centre_lists, NULL },
	{ "staff: centre A on centre B's service (view, edit, archive, restore): 403, unchanged", t_other_centre_service, NULL },
	{ "staff: centre A on centre B's news (view, edit, publish, unpublish): 403, unchanged", t_other_centre_news, NULL },
	{ "staff: centre A on centre B's event (view, edit, cancel, publish): 403, unchanged", t_other_centre_event, NULL },
	{ "staff: centre A creating for centre B (centre= in the form): 403, nothing written", t_other_centre_create, NULL },
	{ "staff: unknown ids: 404, nothing written", t_unknown_ids, NULL },
	{ "services: a new service is in the catalogue at once, found by another word form", t_service_create, NULL },
	{ "services: an edit is searchable at once, the old words are not; audit has only the change", t_service_edit, NULL },
	{ "services: saving an unchanged service writes no audit entry", t_service_edit_unchanged, NULL },
	{ "services: archive hides from the catalogue, the page says archived; restore brings back", t_service_archive_restore, NULL },
	{ "services: the same form sent twice makes one service", t_service_double_submit, NULL },
	{ "services: over-long title and description: 400, errors name the limit, form refilled", t_service_overlong, NULL },
	{ "services: wrong category, target, e-mail, phone, districts: 400 with an error at each", t_service_invalid, NULL },
	{ "news: draft not public; published on /news, centre and home pages; unpublished 404", t_news_flow, NULL },
	{ "news: the same form sent twice makes one item", t_news_double_submit, NULL },
	{ "news: over-long body and missing summary: 400, form refilled, nothing written", t_news_overlong, NULL },
	{ "news: a broken form token: 400 with a fresh token, nothing written", t_news_forged_token, NULL },
	{ "events: typed local times are stored in UTC and shown back in local time", t_event_local_input, NULL },
	{ "events: end before start, unknown district, no place, bad links, bad date: 400", t_event_invalid, NULL },
	{ "events: the same form sent twice makes one event", t_event_double_submit, NULL },
	{ "events: a cancelled event's page says so; audit records it", t_event_cancel, NULL },
	{ "xss: every text field of a service shown escaped on every page", t_xss_service, NULL },
	{ "xss: every text field of a news item shown escaped on every page", t_xss_news, NULL },
	{ "xss: every text field of an event shown escaped on every page", t_xss_event, NULL },
	{ "profile: staff edit hours; the centre page shows them; markup escaped; audit before/after", t_profile_edit, NULL },
	{ "profile: bad phone, e-mail, site, empty hours, no districts: 400, nothing written", t_profile_invalid, NULL },
	{ "audit: the log shows who and the changed field before → after, escaped", t_audit_before_after, NULL },
	{ "audit: filters by user, centre, entity and local days; bad values 400 naming them", t_audit_filters, NULL },
	{ "admin: the landing page links to the audit log", t_admin_landing, NULL },
	{ "moderator: chooses a centre, sees its services, must name a centre to create", t_moderator_chooses_centre, NULL },
	{ "users: a centre admin creates a staff account that can sign in; audited", t_admin_creates_staff, NULL },
	{ "users: a centre admin cannot create admins, moderators or other centres' staff", t_admin_cannot_escalate, NULL },
	{ "users: short password, taken e-mail, bad fields: 400, nothing written", t_user_form_errors, NULL },
	{ "users: the moderator creates a centre admin and a moderator", t_moderator_creates_admin, NULL },
	TEST_END,
};
