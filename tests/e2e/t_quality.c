/* t_quality.c: the unified quality standard, verified ratings, the quality
 * index and the coverage of districts (issue 5), end to end with the demo
 * accounts and tests/e2e/fixtures-quality.sql.
 *
 * Ratings: only the requester of a done request rates it, once; anyone else
 * (another member, the staff of the centre that did the work) gets a 403
 * and nothing is written — the rows of every table a rating touches are
 * counted before and after. The standard: a new version is drafted, edited
 * and published by the moderator, and no rating changes. The index: every
 * number /quality and a service page show is computed again here from the
 * database rows, with the formula the page states. Charts: each SVG is
 * well-formed XML (parsed strictly by libxml2) with one bar per row of the
 * table beside it. Coverage: every cell of /coverage against SQL counts.
 *
 * Pages checked after a write are read signed in (the session cookie skips
 * nginx's micro-cache). */
#include "e2e.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MEMBER_PASSWORD "demo-member-pass"
#define STAFF_PASSWORD "demo-staff-pass"
#define MODERATOR_PASSWORD "demo-moderator"
#define MODERATOR_EMAIL "moderator@example.org"
#define CENTRE_A "sotspred-komsomolsk"  /* does the work in the rating tests */
#define CENTRE_B "dobro-sovgavan"       /* its staff must not rate A's work */
#define REGION "khabarovsk-krai"
#define THRESHOLD 5                     /* fcgi/quality.h QUALITY_MIN_RATINGS */
#define PRIOR_WEIGHT 5.0                /* fcgi/quality.h QUALITY_PRIOR_WEIGHT */
#define SHOWN_TOLERANCE 0.0051          /* two decimals on the page */
#define COMMENT_MAX 2000
#define TREND_MONTHS 12
#define THRESHOLD_TOKEN "7e570000000000000000000000000005" /* fixtures-quality.sql: done, not rated */
#define SVG_NS "http://www.w3.org/2000/svg"

/* ---- what the database holds ---------------------------------------------- */

/* Rows of every table a rating or a change of the standard writes to. */
struct counts {
	long long feedback, scores, standards, criteria, audit;
};

static struct counts counts_now(void)
{
	return (struct counts){
		sql_count("SELECT COUNT(*) FROM feedback"), sql_count("SELECT COUNT(*) FROM feedback_scores"),
		sql_count("SELECT COUNT(*) FROM quality_standards"), sql_count("SELECT COUNT(*) FROM quality_criteria"),
		sql_count("SELECT COUNT(*) FROM audit_log"),
	};
}

#define CHECK_NOTHING_WRITTEN(before)                                                   \
	do {                                                                            \
		struct counts after_ = counts_now();                                    \
		CHECK_INT(after_.feedback, (before).feedback, "feedback rows");         \
		CHECK_INT(after_.scores, (before).scores, "feedback_scores rows");      \
		CHECK_INT(after_.standards, (before).standards, "quality_standards rows"); \
		CHECK_INT(after_.criteria, (before).criteria, "quality_criteria rows"); \
		CHECK_INT(after_.audit, (before).audit, "audit_log rows");              \
	} while (0)

/* Every criterion of every version, as one text. */
#define CRITERIA_FINGERPRINT                                              \
	"SET SESSION group_concat_max_len = 1000000; SELECT GROUP_CONCAT(id, code, name, weight ORDER BY id) " \
	"FROM quality_criteria"

/* Everything that identifies the ratings given so far, as one text. */
static char *ratings_fingerprint(void)
{
	return sql_text("SELECT CONCAT((SELECT COUNT(*) FROM feedback), '/', (SELECT COALESCE(SUM(overall), 0) FROM "
	                "feedback), '/', (SELECT COALESCE(SUM(standard_id * id), 0) FROM feedback), '/', (SELECT "
	                "COALESCE(SUM(score * criterion_id), 0) FROM feedback_scores), '/', (SELECT COUNT(*) FROM "
	                "feedback_scores))");
}

static long long published_standard(void)
{
	return sql_count("SELECT id FROM quality_standards WHERE status = 'published'");
}

static long long centre_id(const char *slug)
{
	return sql_count(t_printf("SELECT id FROM centres WHERE slug = '%s'", slug));
}

/* A number as the site writes it ("4,27"); NAN when s is not one. */
static double shown_number(const char *s)
{
	char *t = trim(s), *end;
	for (char *p = t; *p; p++)
		if (*p == ',')
			*p = '.';
	double v = strtod(t, &end);
	return end == t || *end ? NAN : v;
}

/* s without spaces. */
static char *squeezed(const char *s)
{
	char *out = t_strdup(s), *o = out;
	for (const char *p = s; *p; p++)
		if (*p != ' ' && *p != '\n')
			*o++ = *p;
	*o = '\0';
	return out;
}

/* ---- requests and ratings through the site ------------------------------- */

/* An active demo service of a centre (never a test fixture). */
static long long service_of(const char *centre_slug)
{
	return sql_count(t_printf("SELECT MIN(s.id) FROM services s JOIN centres c ON c.id = s.centre_id "
	                          "WHERE c.slug = '%s' AND s.status = 'active' AND s.id < 900000", centre_slug));
}

/* Sends a request to a service of centre_slug as the signed-in user; its id or 0. */
static long long send_request(const char *centre_slug)
{
	long long service = service_of(centre_slug);
	struct html *h = html_get(t_printf("/services/%lld", service));
	if (h == NULL)
		return 0;
	const char *form = t_printf("//form[@action='/services/%lld/requests#request']", service);
	struct http_response *r = http_post_form(
		t_printf("/services/%lld/requests", service),
		t_printf("csrf=%s&form_token=%s&topic=%s&message=%s&contact_method=email&contact_value=%s&ngo_id=&consent=1",
		         html_text(h, t_printf("%s//input[@name='csrf']/@value", form)),
		         html_text(h, t_printf("%s//input[@name='form_token']/@value", form)), url_encode("Оценка качества"),
		         url_encode("Проверка оценки услуги."),
		         url_encode(html_text(h, t_printf("%s//input[@name='contact_value']/@value", form)))));
	const char *loc = http_header(r, "Location"), *at = loc ? strstr(loc, "/account/requests/") : NULL;
	if (r->status != 303 || at == NULL) {
		t_fail(__FILE__, __LINE__, "request not sent: status %ld", r->status);
		return 0;
	}
	return atoll(at + strlen("/account/requests/"));
}

/* The staff of centre_slug accept request id and mark it done. */
static bool complete(const char *centre_slug, long long id)
{
	if (!e2e_sign_in(t_printf("admin.%s@example.org", centre_slug), STAFF_PASSWORD))
		return false;
	const char *csrf = e2e_csrf();
	struct http_response *a = http_post_form(t_printf("/staff/requests/%lld/accept", id), t_printf("csrf=%s&note=", csrf));
	struct http_response *d = http_post_form(t_printf("/staff/requests/%lld/done", id), t_printf("csrf=%s&note=", csrf));
	if (a->status != 303 || d->status != 303) {
		t_fail(__FILE__, __LINE__, "request %lld not completed: %ld, %ld", id, a->status, d->status);
		return false;
	}
	return true;
}

/* A new member's request to centre_slug, done; the member is signed in again. */
static long long done_request(const char *member, const char *centre_slug)
{
	if (!e2e_sign_in(member, MEMBER_PASSWORD))
		return 0;
	long long id = send_request(centre_slug);
	if (id == 0 || !complete(centre_slug, id) || !e2e_sign_in(member, MEMBER_PASSWORD))
		return 0;
	return id;
}

/* The body of a rating of the published version: score on every criterion
 * (0: none sent), the comment, the CSRF token of the signed-in user. */
static char *rating_body(int score, const char *comment)
{
	char **ids;
	long n = sql_column(t_printf("SELECT id FROM quality_criteria WHERE standard_id = %lld ORDER BY sort_order",
	                             published_standard()), &ids);
	char *body = t_printf("csrf=%s&standard=%lld&comment=%s", e2e_csrf(), published_standard(), url_encode(comment));
	for (long i = 0; score > 0 && i < n; i++)
		body = t_printf("%s&score_%s=%d", body, ids[i], score);
	return body;
}

static struct http_response *post_rating(long long id, const char *body)
{
	return http_post_form(t_printf("/account/requests/%lld/rating", id), body);
}

/* The rating form's fields as the page offers them, every criterion scored
 * (none when score is 0). */
static char *form_rating_body(struct html *h, int score, const char *comment)
{
	char **names;
	size_t n = html_all(h, "//form[contains(@action, '/rating')]//fieldset//input[@type='radio'][1]/@name", &names);
	char *body = t_printf("csrf=%s&standard=%s&comment=%s",
	                      html_text(h, "//form[contains(@action, '/rating')]//input[@name='csrf']/@value"),
	                      html_text(h, "//form[contains(@action, '/rating')]//input[@name='standard']/@value"),
	                      url_encode(comment));
	for (size_t i = 0; score > 0 && i < n; i++)
		body = t_printf("%s&%s=%d", body, names[i], score);
	return body;
}

/* Signs in as a member who only reads: a session skips nginx's micro-cache,
 * so pages and charts show the database as it is now. */
static bool reader(void)
{
	return e2e_sign_in("member3@example.org", MEMBER_PASSWORD);
}

/* ---- SVG charts ------------------------------------------------------------- */

struct svg {
	xmlDocPtr doc;
	xmlXPathContextPtr ctx;
};

static void svg_free(void *p)
{
	struct svg *s = p;
	xmlXPathFreeContext(s->ctx);
	xmlFreeDoc(s->doc);
}

/* GET path: an answer of type (its start) parsed strictly as XML (no
 * recovery), or NULL with a failure when it is not well-formed. */
static struct svg *xml_get(const char *path, const char *type)
{
	struct http_response *r = http_get(path);
	const char *ct = http_header(r, "Content-Type");
	if (r->status != 200 || ct == NULL || strncmp(ct, type, strlen(type)) != 0) {
		t_fail(__FILE__, __LINE__, "GET %s: status %ld, type %s", path, r->status, ct ? ct : "none");
		return NULL;
	}
	struct svg *s = t_alloc(sizeof *s);
	s->doc = xmlReadMemory(r->body, (int)r->body_len, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                               XML_PARSE_NOWARNING);
	if (s->doc == NULL) {
		t_fail(__FILE__, __LINE__, "%s is not well-formed XML", path);
		return NULL;
	}
	s->ctx = xmlXPathNewContext(s->doc);
	xmlXPathRegisterNs(s->ctx, BAD_CAST "s", BAD_CAST SVG_NS);
	t_defer(svg_free, s);
	return s;
}

/* A chart: image/svg+xml, well-formed. */
static struct svg *svg_get(const char *path)
{
	return xml_get(path, "image/svg+xml");
}

/* String values of the nodes xpath selects in the chart. */
static size_t svg_all(struct svg *s, const char *xpath, char ***out)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, s->ctx);
	size_t n = o && o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
	*out = t_alloc((n + 1) * sizeof **out);
	for (size_t i = 0; i < n; i++) {
		xmlChar *v = xmlXPathCastNodeToString(o->nodesetval->nodeTab[i]);
		(*out)[i] = t_strdup((const char *)v);
		xmlFree(v);
	}
	xmlXPathFreeObject(o);
	return n;
}

static size_t svg_count(struct svg *s, const char *xpath)
{
	char **all;
	return svg_all(s, xpath, &all);
}

/* The chart's accessible name: role="img", <title> and <desc> named by aria-labelledby. */
static bool svg_named(struct svg *s)
{
	char **ids;
	if (svg_all(s, "/s:svg[@role='img']/@aria-labelledby", &ids) != 1)
		return false;
	return svg_count(s, "/s:svg/s:title[@id and string-length(normalize-space(.)) > 0]") == 1 &&
	       svg_count(s, "/s:svg/s:desc[@id and string-length(normalize-space(.)) > 0]") == 1 &&
	       svg_count(s, t_printf("/s:svg/s:title[contains('%s', @id)]", ids[0])) == 1 &&
	       svg_count(s, t_printf("/s:svg/s:desc[contains('%s', @id)]", ids[0])) == 1;
}

/* One g.bar per row of the table, labels in the same order; bars drawn
 * exactly for the rows with a value. */
#define CHECK_BARS_MATCH_ROWS(chart, labels, nlabels, valued)                                               \
	do {                                                                                                \
		char **bar_labels_;                                                                         \
		size_t nbars_ = svg_all((chart), "//s:g[@class='bar']/s:text[contains(@class, 'label')]",  \
		                        &bar_labels_);                                                      \
		CHECK_INT(svg_count((chart), "//s:g[@class='bar']"), (nlabels), "bars in the chart");       \
		CHECK_INT(nbars_, (nlabels), "bar labels");                                                 \
		for (size_t i_ = 0; i_ < (size_t)(nlabels); i_++)                                           \
			CHECK_STR(trim(bar_labels_[i_]), trim((labels)[i_]), t_printf("bar %zu", i_ + 1)); \
		CHECK_INT(svg_count((chart), "//s:g[@class='bar']/s:rect"), (valued), "bars drawn");        \
	} while (0)

/* ---- ratings ------------------------------------------------------------------ */

static void t_not_done_cannot_be_rated(const void *arg)
{
	CHECK(e2e_sign_in("member20@example.org", MEMBER_PASSWORD), "sign in");
	long long id = send_request(CENTRE_A);
	CHECK(id > 0, "request");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]", 0);
	CHECK_COUNT(h, "//*[@id='rating-later']", 1);
	struct counts before = counts_now();
	struct http_response *r = post_rating(id, rating_body(5, ""));
	CHECK_STATUS(r, 403);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "выполненной", "why");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_requester_rates_once(const void *arg)
{
	long long id = done_request("member21@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	long long criteria = sql_count(t_printf("SELECT COUNT(*) FROM quality_criteria WHERE standard_id = %lld",
	                                        published_standard()));
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]//fieldset[legend]", criteria);
	struct counts before = counts_now();
	struct http_response *r = post_rating(id, form_rating_body(h, 4, "Спасибо, всё понятно."));
	CHECK_STATUS(r, 303);
	const char *where = http_header(r, "Location");
	CHECK_CONTAINS(where, t_printf("/account/requests/%lld", id), "lands on the request");
	CHECK_INT(counts_now().feedback, before.feedback + 1, "one rating written");
	CHECK_INT(counts_now().scores, before.scores + criteria, "a score per criterion");
	CHECK_INT(sql_count(t_printf("SELECT standard_id FROM feedback WHERE request_id = %lld", id)),
	          published_standard(), "the rating records its version");
	CHECK_STR(sql_text(t_printf("SELECT comment_status FROM feedback WHERE request_id = %lld", id)), "pending",
	          "a comment waits for moderation");
	/* a second submission (a double click) writes nothing and lands on the same page */
	struct counts once = counts_now();
	struct http_response *again = post_rating(id, form_rating_body(h, 1, "Второй раз"));
	CHECK_STATUS(again, 303);
	CHECK_STR(http_header(again, "Location"), where, "the same page");
	CHECK_NOTHING_WRITTEN(once);
	h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]", 0);
	CHECK_STR(trim(html_text(h, "//*[@id='rating-overall']")), "4,00", "the rating given");
}

static void t_overall_is_weighted_mean(const void *arg)
{
	long long id = done_request("member22@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	char **names;
	size_t n = html_all(h, "//form[contains(@action, '/rating')]//fieldset//input[@type='radio'][1]/@name", &names);
	CHECK(n >= 2, "criteria on the form");
	char *body = form_rating_body(h, 0, "");
	for (size_t i = 0; i < n; i++)
		body = t_printf("%s&%s=%zu", body, names[i], 1 + (i * 2) % 5); /* 1, 3, 5, 2, 4 */
	CHECK_STATUS(post_rating(id, body), 303);
	double stored = atof(sql_text(t_printf("SELECT overall FROM feedback WHERE request_id = %lld", id)));
	double expected = atof(sql_text(t_printf(
		"SELECT SUM(fs.score * qc.weight) / SUM(qc.weight) FROM feedback f JOIN feedback_scores fs ON "
		"fs.feedback_id = f.id JOIN quality_criteria qc ON qc.id = fs.criterion_id WHERE f.request_id = %lld", id)));
	CHECK(fabs(stored - expected) < 0.0006, "overall %.4f, weighted mean %.4f", stored, expected);
}

static void t_other_member_cannot_rate(const void *arg)
{
	long long id = done_request("member23@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	CHECK(e2e_sign_in("member24@example.org", MEMBER_PASSWORD), "another member");
	struct counts before = counts_now();
	struct http_response *r = post_rating(id, rating_body(5, "Чужая оценка"));
	CHECK_STATUS(r, 403);
	CHECK_NOTHING_WRITTEN(before);
	CHECK_STATUS(http_get(t_printf("/account/requests/%lld", id)), 404);
}

static void t_staff_of_centre_cannot_rate(const void *arg)
{
	/* A staff member of centre A asks their own centre for a service; an
	 * admin of A does the work; the requester is staff of A: no rating. */
	CHECK(e2e_sign_in(t_printf("staff.%s@example.org", CENTRE_A), STAFF_PASSWORD), "staff signs in");
	long long id = send_request(CENTRE_A);
	CHECK(id > 0 && complete(CENTRE_A, id), "done request of a staff member");
	CHECK(e2e_sign_in(t_printf("staff.%s@example.org", CENTRE_A), STAFF_PASSWORD), "staff signs in again");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]", 0);
	CHECK_COUNT(h, "//*[@id='rating-own-centre']", 1);
	struct counts before = counts_now();
	struct http_response *r = post_rating(id, rating_body(5, ""));
	CHECK_STATUS(r, 403);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "Сотрудники центра", "why");
	CHECK_NOTHING_WRITTEN(before);
	/* and staff of another centre, who did not send it */
	CHECK(e2e_sign_in(t_printf("staff.%s@example.org", CENTRE_B), STAFF_PASSWORD), "other staff");
	CHECK_STATUS(post_rating(id, rating_body(5, "")), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_missing_scores_refilled(const void *arg)
{
	long long id = done_request("member25@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	struct counts before = counts_now();
	struct http_response *r = post_rating(id, rating_body(0, "Отзыв без оценок"));
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	long long criteria = sql_count(t_printf("SELECT COUNT(*) FROM quality_criteria WHERE standard_id = %lld",
	                                        published_standard()));
	CHECK_COUNT(h, "//div[@id='form-errors']", 1);
	CHECK_COUNT(h, "//fieldset[contains(@aria-describedby, '-error')]", criteria);
	CHECK_COUNT(h, "//fieldset//p[@class='field-error' and contains(., 'от 1 до 5')]", criteria);
	CHECK_COUNT(h, "//input[@type='radio' and @aria-invalid='true']", criteria * 5);
	CHECK_STR(html_text(h, "//textarea[@name='comment']"), "Отзыв без оценок", "the comment kept");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_comment_too_long(const void *arg)
{
	long long id = done_request("member26@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	char *comment = t_alloc(COMMENT_MAX + 2);
	memset(comment, 'a', COMMENT_MAX + 1);
	struct counts before = counts_now();
	struct http_response *r = post_rating(id, rating_body(5, comment));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='rt-comment-error']"), "2000", "the limit named");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_forged_csrf(const void *arg)
{
	long long id = done_request("member27@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	struct counts before = counts_now();
	CHECK_STATUS(post_rating(id, t_printf("csrf=%064d&standard=%lld", 0, published_standard())), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_radio_groups_accessible(const void *arg)
{
	long long id = done_request("member28@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	long n = html_count(h, "//form[contains(@action, '/rating')]//fieldset");
	CHECK(n > 0, "fieldsets");
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]//fieldset[legend[normalize-space()]]", n);
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]//input[@type='radio']", n * 5);
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]//input[@type='radio'][not(@id = //label/@for)]", 0);
	CHECK_COUNT(h, "//form[contains(@action, '/rating')]//fieldset[not(@aria-describedby = .//p[@class='hint']/@id)]", 0);
}

/* ---- the index ------------------------------------------------------------------ */

/* The region's prior of the overall score: its ratings before today. */
static double prior_overall(void)
{
	char **v;
	if (sql_column("SELECT CONCAT(COUNT(*), ' ', COALESCE(SUM(f.overall), 0)) FROM feedback f JOIN centres c ON "
	               "c.id = f.centre_id JOIN districts d ON d.id = c.district_id JOIN regions r ON r.id = d.region_id "
	               "WHERE r.slug = '" REGION "' AND f.created_at < UTC_DATE()", &v) != 1)
		return NAN;
	long long n = atoll(v[0]);
	double sum = atof(strchr(v[0], ' ') + 1);
	return n > 0 ? sum / (double)n : 3.0;
}

/* (C·m + Σx) / (C + n) over the overall scores of the rows where. */
static double expected_index(const char *where, long long *n)
{
	char **v;
	if (sql_column(t_printf("SELECT CONCAT(COUNT(*), ' ', COALESCE(SUM(f.overall), 0)) FROM feedback f %s", where),
	               &v) != 1)
		return NAN;
	*n = atoll(v[0]);
	return (PRIOR_WEIGHT * prior_overall() + atof(strchr(v[0], ' ') + 1)) / (PRIOR_WEIGHT + (double)*n);
}

/* The index block of a page: "недостаточно оценок" under the threshold, else the number. */
#define CHECK_INDEX_SHOWN(h, cell, n, expected)                                                             \
	do {                                                                                                \
		CHECK_INT(atoll(html_text((h), t_printf("%s//span[@class='qi-n']", (cell)))), (n), "ratings shown"); \
		if ((n) < THRESHOLD) {                                                                      \
			CHECK_STR(trim(html_text((h), t_printf("%s//span[@class='qi-none']", (cell)))),      \
			          "недостаточно оценок", "under the threshold");                            \
			CHECK_COUNT((h), t_printf("%s//span[@class='qi-value']", (cell)), 0);               \
		} else {                                                                                    \
			double shown_ = shown_number(html_text((h), t_printf("%s//span[@class='qi-value']", (cell)))); \
			CHECK(fabs(shown_ - (expected)) < SHOWN_TOLERANCE, "%s: shown %.2f, computed %.4f", (cell), \
			      shown_, (expected));                                                          \
		}                                                                                           \
	} while (0)

static void t_comparison_index_matches_database(const void *arg)
{
	CHECK(reader(), "sign in");
	struct html *h = html_get("/quality");
	CHECK(h != NULL, "/quality");
	char **slugs;
	long n = sql_column("SELECT c.slug FROM centres c JOIN districts d ON d.id = c.district_id JOIN regions r ON "
	                    "r.id = d.region_id WHERE r.slug = '" REGION "'", &slugs);
	CHECK_COUNT(h, "//table[@id='compare-table']/tbody/tr", n);
	int enough = 0;
	for (long i = 0; i < n; i++) {
		long long ratings;
		double expected = expected_index(t_printf("JOIN centres c ON c.id = f.centre_id WHERE c.slug = '%s'", slugs[i]),
		                                 &ratings);
		const char *cell = t_printf("//table[@id='compare-table']/tbody/tr[th/a[@href='/centres/%s']]/td[1]", slugs[i]);
		CHECK_INDEX_SHOWN(h, cell, ratings, expected);
		enough += ratings >= THRESHOLD;
	}
	CHECK(enough > 0, "some centre has an index");
}

static void t_criterion_index_matches_database(const void *arg)
{
	CHECK(reader(), "sign in");
	struct html *h = html_get("/quality");
	CHECK(h != NULL, "/quality");
	const char *slug = "pravo-nko", *code = "timeliness";
	char **v;
	CHECK(sql_column("SELECT CONCAT(COUNT(*), ' ', SUM(fs.score)) FROM feedback f JOIN feedback_scores fs ON "
	                 "fs.feedback_id = f.id JOIN quality_criteria qc ON qc.id = fs.criterion_id JOIN centres c ON "
	                 "c.id = f.centre_id JOIN districts d ON d.id = c.district_id JOIN regions r ON r.id = d.region_id "
	                 "WHERE r.slug = '" REGION "' AND qc.code = 'timeliness' AND f.created_at < UTC_DATE()", &v) == 1,
	      "prior");
	double m = atof(strchr(v[0], ' ') + 1) / atof(v[0]);
	CHECK(sql_column(t_printf("SELECT CONCAT(COUNT(*), ' ', SUM(fs.score), ' ', SUM(fs.score * fs.score)) FROM "
	                          "feedback f JOIN feedback_scores fs ON fs.feedback_id = f.id JOIN quality_criteria qc ON "
	                          "qc.id = fs.criterion_id JOIN centres c ON c.id = f.centre_id WHERE c.slug = '%s' AND "
	                          "qc.code = '%s'", slug, code), &v) == 1, "sums");
	double n = atof(v[0]), sum = atof(strchr(v[0], ' ') + 1), sumsq = atof(strrchr(v[0], ' ') + 1);
	CHECK(n >= THRESHOLD, "demo data gives %s enough ratings on %s", slug, code);
	/* the column of the criterion: its header's position */
	long col = html_count(h, "count(//table[@id='compare-table']/thead/tr/th[.='Своевременность']/preceding-sibling::th)");
	const char *cell = t_printf("//table[@id='compare-table']/tbody/tr[th/a[@href='/centres/%s']]/td[%ld]", slug, col);
	CHECK_INDEX_SHOWN(h, cell, (long long)n, (PRIOR_WEIGHT * m + sum) / (PRIOR_WEIGHT + n));
	double mean = sum / n, half = 1.96 * sqrt((sumsq - sum * mean) / (n - 1)) / sqrt(n);
	char *interval = html_text(h, t_printf("%s//span[@class='qi-interval']", cell));
	char *dash = strstr(interval, "–");
	CHECK(dash != NULL, "interval shown: %s", interval);
	double low = shown_number(t_strndup(interval, (size_t)(dash - interval))), high = shown_number(dash + strlen("–"));
	CHECK(fabs(low - fmax(1, mean - half)) < SHOWN_TOLERANCE && fabs(high - fmin(5, mean + half)) < SHOWN_TOLERANCE,
	      "interval %s, computed %.4f–%.4f", interval, mean - half, mean + half);
}

static void t_service_index_and_threshold(const void *arg)
{
	CHECK(reader(), "sign in");
	/* a demo service with an index and one without, as the database says */
	long long rich = sql_count("SELECT f.service_id FROM feedback f JOIN services s ON s.id = f.service_id AND "
	                           "s.centre_id = f.centre_id WHERE s.id < 900000 GROUP BY f.service_id HAVING COUNT(*) >= 5 "
	                           "ORDER BY f.service_id LIMIT 1");
	long long poor = sql_count("SELECT f.service_id FROM feedback f JOIN services s ON s.id = f.service_id AND "
	                           "s.centre_id = f.centre_id WHERE s.id < 900000 GROUP BY f.service_id HAVING COUNT(*) < 5 "
	                           "ORDER BY f.service_id LIMIT 1");
	CHECK(rich > 0 && poor > 0, "demo data has both");
	long long ids[] = { rich, poor };
	for (int i = 0; i < 2; i++) {
		struct html *h = html_get(t_printf("/services/%lld", ids[i]));
		CHECK(h != NULL, "service page");
		long long n;
		double expected = expected_index(t_printf("JOIN services s ON s.id = f.service_id AND s.centre_id = "
		                                          "f.centre_id WHERE s.id = %lld", ids[i]), &n);
		CHECK_INDEX_SHOWN(h, "//dd[@id='quality-overall']", n, expected);
	}
}

static void t_fifth_rating_crosses_threshold(const void *arg)
{
	const char *block = "//dd[@id='quality-overall']";
	long long id = sql_count("SELECT id FROM service_requests WHERE form_token = '" THRESHOLD_TOKEN "'");
	CHECK(e2e_sign_in("member14@example.org", MEMBER_PASSWORD), "the fifth requester");
	struct html *h = html_get("/services/900101");
	CHECK(h != NULL, "service page");
	CHECK_INDEX_SHOWN(h, block, 4, 0.0);
	h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "request page");
	CHECK_STATUS(post_rating(id, form_rating_body(h, 5, "")), 303);
	h = html_get("/services/900101");
	CHECK(h != NULL, "service page");
	long long n;
	double expected = expected_index("WHERE f.service_id = 900101", &n);
	CHECK_INT(n, THRESHOLD, "ratings now");
	CHECK_INDEX_SHOWN(h, block, n, expected);
}

/* ---- charts ----------------------------------------------------------------------- */

static void t_centres_chart_one_bar_per_row(const void *arg)
{
	CHECK(reader(), "sign in");
	static const char *const queries[] = { "", "?criterion=timeliness", "?criterion=accessibility" };
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		struct html *h = html_get(t_printf("/quality%s", queries[q]));
		CHECK(h != NULL, "/quality");
		char *src = html_text(h, "//section[@id='compare']//img/@src");
		CHECK_STR(src, t_printf("/quality/chart-centres.svg%s", queries[q]), "the chart of the chosen measure");
		CHECK(strlen(html_text(h, "//section[@id='compare']//img/@alt")) > 40, "a described image");
		struct svg *chart = svg_get(src);
		CHECK(chart != NULL && svg_named(chart), "%s: role, title and desc", src);
		char **names;
		long rows = (long)html_all(h, "//table[@id='compare-table']/tbody/tr/th", &names);
		long col = html_count(h, "count(//table[@id='compare-table']/thead/tr/th[. = //span[@aria-current='true']]"
		                         "/preceding-sibling::th)");
		long valued = html_count(h, t_printf("count(//table[@id='compare-table']/tbody/tr/td[%ld][.//span[@class='qi-value']])", col));
		CHECK_BARS_MATCH_ROWS(chart, names, rows, valued);
	}
}

static void t_trend_chart_one_column_per_month(const void *arg)
{
	CHECK(reader(), "sign in");
	struct html *h = html_get("/quality");
	CHECK(h != NULL, "/quality");
	struct svg *chart = svg_get("/quality/chart-trend.svg");
	CHECK(chart != NULL && svg_named(chart), "role, title and desc");
	CHECK_COUNT(h, "//table[@id='trend-table']/tbody/tr", TREND_MONTHS);
	CHECK_INT(svg_count(chart, "//s:g[@class='bar']"), TREND_MONTHS, "columns");
	long valued = html_count(h, "count(//table[@id='trend-table']/tbody/tr[.//span[@class='qi-value']])");
	CHECK_INT(svg_count(chart, "//s:g[@class='bar']/s:rect"), valued, "columns drawn");
	char **values;
	size_t n = svg_all(chart, "//s:g[@class='bar'][s:rect]/s:text[contains(@class, 'bar-value')]", &values);
	char **shown;
	html_all(h, "//table[@id='trend-table']/tbody/tr//span[@class='qi-value']", &shown);
	for (size_t i = 0; i < n; i++)
		CHECK_STR(trim(values[i]), trim(shown[i]), t_printf("column %zu", i + 1));
}

static void t_coverage_map_one_cell_per_district(const void *arg)
{
	CHECK(reader(), "sign in");
	struct html *h = html_get("/coverage");
	CHECK(h != NULL, "/coverage");
	struct svg *map = svg_get("/coverage/map.svg");
	CHECK(map != NULL && svg_named(map), "role, title and desc");
	char **names, **cells;
	long rows = (long)html_all(h, "//table[@id='coverage-table']/tbody/tr/th", &names);
	CHECK_INT(rows, sql_count("SELECT COUNT(*) FROM districts d JOIN regions r ON r.id = d.region_id WHERE "
	                          "r.slug = '" REGION "'"), "a row per district");
	CHECK_INT(svg_count(map, "//s:g[starts-with(@class, 'cell ')]"), rows, "a cell per row");
	size_t n = svg_all(map, "//s:g[starts-with(@class, 'cell ')]", &cells);
	for (size_t i = 0; i < n; i++) {
		char *name = squeezed(names[i]); /* a long name is wrapped over two lines */
		CHECK(strncmp(squeezed(cells[i]), name, strlen(name)) == 0, "cell %zu: «%s» for row «%s»", i + 1, cells[i],
		      names[i]);
	}
	struct svg *one = svg_get("/coverage/map.svg?category=pomeshcheniya-i-oborudovanie");
	CHECK(one != NULL, "map of one category");
	CHECK_INT(svg_count(one, "//s:g[starts-with(@class, 'cell ')]"), rows, "a cell per row");
	size_t none = svg_count(one, "//s:g[@class='cell level-0']");
	CHECK(none > 0, "some district has no premises in person");
	CHECK_INT(svg_count(one, "//s:g[@class='cell level-0']/s:rect[@stroke-dasharray]"), none,
	          "no in-person service: dashed, not colour alone");
	CHECK_INT(svg_count(one, "//s:g[@class='cell level-0']/s:text[starts-with(., 'очно 0 ')]"), none,
	          "and said in its text");
}

/* ---- coverage --------------------------------------------------------------------- */

static void t_coverage_cells_match_sql(const void *arg)
{
	CHECK(reader(), "sign in");
	struct html *h = html_get("/coverage");
	CHECK(h != NULL, "/coverage");
	char **groups, **cells;
	long ng = sql_column("SELECT id FROM categories WHERE parent_id IS NULL ORDER BY sort_order, id", &groups);
	long nc = sql_column(
		"SELECT CONCAT(d.slug, ' ', top.id, ' ', COALESCE(SUM(s.format IN ('offline', 'both')), 0), ' ', "
		"COALESCE(SUM(s.format IN ('online', 'both')), 0)) FROM districts d JOIN regions r ON r.id = d.region_id "
		"CROSS JOIN categories top LEFT JOIN (service_districts sd JOIN services s ON s.id = sd.service_id AND "
		"s.status = 'active' JOIN categories cat ON cat.id = s.category_id) ON sd.district_id = d.id AND "
		"COALESCE(cat.parent_id, cat.id) = top.id WHERE top.parent_id IS NULL AND r.slug = '" REGION "' "
		"GROUP BY d.id, top.id ORDER BY d.sort_order, d.name, top.sort_order, top.id", &cells);
	CHECK(ng > 0 && nc > 0, "truth");
	long gaps = 0;
	for (long i = 0; i < nc; i++) {
		char slug[128];
		long long top, in_person, online;
		CHECK(sscanf(cells[i], "%127s %lld %lld %lld", slug, &top, &in_person, &online) == 4, "row %s", cells[i]);
		const char *td = t_printf("//tr[@id='district-%s']/td[%ld]", slug, i % ng + 1);
		CHECK_INT(atoll(html_text(h, t_printf("%s//span[@class='cov-in-person']", td))), in_person,
		          t_printf("%s in person, group %ld", slug, i % ng + 1));
		CHECK_INT(atoll(html_text(h, t_printf("%s//span[@class='cov-online']", td))), online,
		          t_printf("%s online, group %ld", slug, i % ng + 1));
		if (in_person == 0)
			CHECK_STR(trim(html_text(h, t_printf("%s//strong[@class='gap-label']", td))),
			          online ? "только онлайн" : "нет услуг", t_printf("gap said in words: %s", slug));
		gaps += in_person == 0 && online == 0;
	}
	CHECK_COUNT(h, "//td[contains(@class, 'gap-none')]", gaps);
}

static void t_coverage_open_data(const void *arg)
{
	CHECK(reader(), "sign in");
	struct svg *meta = xml_get("/opendata/coverage/meta.xml", "application/xml");
	CHECK(meta != NULL, "the passport");
	char **sources;
	size_t n = svg_all(meta, "/meta/data/dataversion/source", &sources);
	CHECK(n > 0 && strstr(sources[0], "/opendata/coverage/"), "a data version");
	struct svg *data = xml_get(strstr(sources[0], "/opendata/coverage/"), "application/xml");
	CHECK(data != NULL, "the data");
	CHECK_INT(svg_count(data, "/coverage/reach"),
	          sql_count("SELECT COUNT(*) FROM districts") *
	              sql_count("SELECT COUNT(*) FROM categories WHERE parent_id IS NULL"),
	          "a record per district and group");
	char **in_person;
	size_t m = svg_all(data, "/coverage/reach/services_in_person", &in_person);
	long long total = 0;
	for (size_t i = 0; i < m; i++)
		total += atoll(in_person[i]);
	CHECK_INT(total, sql_count("SELECT COUNT(*) FROM service_districts sd JOIN services s ON s.id = sd.service_id "
	                           "WHERE s.status = 'active' AND s.format IN ('offline', 'both')"),
	          "in-person reach in all");
	CHECK_INT(svg_count(data, "/coverage/reach[in_person_gap = 'true'][services_in_person != 0]"), 0,
	          "a gap is a zero");
}

static void t_staff_coverage_lists_missed_districts(const void *arg)
{
	CHECK(e2e_sign_in(t_printf("staff.%s@example.org", CENTRE_B), STAFF_PASSWORD), "staff");
	struct html *h = html_get("/staff/coverage");
	CHECK(h != NULL, "/staff/coverage");
	char **expected, **shown;
	long n = sql_column(t_printf(
		"SELECT d.name FROM districts d JOIN regions r ON r.id = d.region_id WHERE r.slug = '" REGION "' AND "
		"NOT EXISTS (SELECT 1 FROM service_districts sd JOIN services s ON s.id = sd.service_id WHERE "
		"sd.district_id = d.id AND s.centre_id = %lld AND s.status = 'active' AND s.format IN ('offline', 'both')) "
		"ORDER BY d.sort_order, d.name", centre_id(CENTRE_B)), &expected);
	size_t m = html_all(h, "//ul[@id='missed-all']/li/text()[1]", &shown);
	CHECK_INT((long)m, n, "districts without an in-person service of the centre");
	for (long i = 0; i < n; i++)
		CHECK_STR(trim(shown[i]), expected[i], t_printf("district %ld", i + 1));
	CHECK_COUNT(h, "//nav[@class='staff-nav']//a[@href and contains(@href, '/staff/coverage')][@aria-current='page']", 1);
	CHECK_STATUS(http_get("/staff/coverage?centre=" CENTRE_A), 403);
}

static void t_coverage_access(const void *arg)
{
	CHECK(e2e_sign_in("member1@example.org", MEMBER_PASSWORD), "member");
	CHECK_STATUS(http_get("/staff/coverage"), 403);
	CHECK(e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD), "moderator");
	struct html *h = html_get("/staff/coverage");
	CHECK(h != NULL, "the moderator's chooser");
	CHECK_COUNT(h, "//a[contains(@href, '/staff/coverage?centre=')]",
	            sql_count("SELECT COUNT(*) FROM centres"));
	CHECK(html_get("/staff/coverage?centre=" CENTRE_A) != NULL, "the moderator sees any centre");
}

/* ---- bad filters ------------------------------------------------------------------- */

static const char *const bad_filters[] = {
	"/quality?criterion=speed", "/quality?criterion=%3Cscript%3E", "/quality/chart-centres.svg?criterion=speed",
	"/coverage?category=nope", "/coverage?category=yuridicheskie-konsultatsii", /* a child, not a group */
	"/coverage/map.svg?category=nope", NULL,
};

static void t_bad_filters(const void *arg)
{
	for (int i = 0; bad_filters[i]; i++) {
		struct http_response *r = http_get(bad_filters[i]);
		CHECK_STATUS(r, 400);
		CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "Параметр", bad_filters[i]);
	}
	CHECK(e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD), "moderator");
	CHECK_STATUS(http_get("/admin/feedback?status=none"), 400);
	CHECK_STATUS(http_get("/admin/feedback?status=bogus"), 400);
	CHECK_STATUS(http_get("/admin/feedback?page=0"), 400);
}

/* ---- the standard and moderation ----------------------------------------------------- */

/* POSTs body to path as the signed-in user with their CSRF token. */
static struct http_response *post_as_me(const char *path, const char *body)
{
	return http_post_form(path, t_printf("csrf=%s%s%s", e2e_csrf(), body[0] ? "&" : "", body));
}

static void t_new_version_leaves_ratings(const void *arg)
{
	char *ratings = ratings_fingerprint();
	long long old = published_standard();
	char *old_criteria = sql_text(CRITERIA_FINGERPRINT " WHERE standard_id IN (SELECT id FROM quality_standards "
	                                                   "WHERE status <> 'draft')");
	CHECK(e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD), "moderator");
	long long audit = sql_count("SELECT COUNT(*) FROM audit_log");
	struct http_response *r = post_as_me("/admin/quality/drafts", "");
	CHECK_STATUS(r, 303);
	long long draft = sql_count("SELECT id FROM quality_standards WHERE status = 'draft'");
	CHECK_STR(http_header(r, "Location"), t_printf("/admin/quality/%lld", draft), "to the draft");
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM quality_criteria WHERE standard_id = %lld", draft)),
	          sql_count(t_printf("SELECT COUNT(*) FROM quality_criteria WHERE standard_id = %lld", old)),
	          "criteria copied");
	CHECK_STATUS(post_as_me("/admin/quality/drafts", ""), 303); /* a second click: the same draft */
	CHECK_INT(sql_count("SELECT COUNT(*) FROM quality_standards WHERE status = 'draft'"), 1, "one draft");
	long long crit = sql_count(t_printf("SELECT id FROM quality_criteria WHERE standard_id = %lld AND code = "
	                                    "'competence'", draft));
	CHECK_STATUS(post_as_me(t_printf("/admin/quality/criteria/%lld", crit),
	                        t_printf("name=%s&description=%s&weight=2,5", url_encode("Компетентность специалистов"),
	                                 url_encode("Знания и опыт тех, кто оказывал услугу."))), 303);
	CHECK_STR(sql_text(t_printf("SELECT weight FROM quality_criteria WHERE id = %lld", crit)), "2.50", "weight saved");
	CHECK_STATUS(post_as_me(t_printf("/admin/quality/%lld/publish", draft), ""), 303);
	CHECK_INT(published_standard(), draft, "the draft is in force");
	CHECK_STR(sql_text(t_printf("SELECT status FROM quality_standards WHERE id = %lld", old)), "retired",
	          "the previous version retired");
	CHECK_STR(ratings_fingerprint(), ratings, "every rating as it was");
	CHECK_STR(sql_text(t_printf(CRITERIA_FINGERPRINT " WHERE standard_id <> %lld", draft)), old_criteria,
	          "old criteria as they were");
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM audit_log WHERE id > 0 AND ((action = 'quality.create' AND "
	                             "entity_id = %lld) OR (action = 'criterion.update' AND entity_id = %lld) OR (action = "
	                             "'quality.publish' AND entity_id = %lld) OR (action = 'quality.retire' AND entity_id "
	                             "= %lld))", draft, crit, draft, old)), 4, "each change audited");
	CHECK(sql_count("SELECT COUNT(*) FROM audit_log") >= audit + 4, "audit rows");
	struct html *h = html_get("/quality");
	CHECK(h != NULL, "/quality");
	CHECK_COUNT(h, "//table[@id='criteria']/tbody/tr[th='Компетентность специалистов']", 1);
}

static void t_published_version_is_read_only(const void *arg)
{
	CHECK(e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD), "moderator");
	long long crit = sql_count("SELECT MIN(qc.id) FROM quality_criteria qc JOIN quality_standards qs ON qs.id = "
	                           "qc.standard_id WHERE qs.status <> 'draft'");
	long long version = sql_count("SELECT MIN(id) FROM quality_standards WHERE status <> 'draft'");
	struct counts before = counts_now();
	char *criteria = sql_text(CRITERIA_FINGERPRINT);
	CHECK_STATUS(post_as_me(t_printf("/admin/quality/criteria/%lld", crit), "name=x&description=y&weight=1"), 403);
	CHECK_STATUS(post_as_me(t_printf("/admin/quality/criteria/%lld/delete", crit), ""), 403);
	CHECK_STATUS(post_as_me(t_printf("/admin/quality/%lld/criteria", version),
	                        "code=extra&name=x&description=y&weight=1"), 403);
	CHECK_NOTHING_WRITTEN(before);
	CHECK_STR(sql_text(CRITERIA_FINGERPRINT), criteria,
	          "criteria unchanged");
}

static void t_weight_must_be_positive(const void *arg)
{
	CHECK(e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD), "moderator");
	CHECK_STATUS(post_as_me("/admin/quality/drafts", ""), 303);
	long long draft = sql_count("SELECT id FROM quality_standards WHERE status = 'draft'");
	long long crit = sql_count(t_printf("SELECT MIN(id) FROM quality_criteria WHERE standard_id = %lld", draft));
	char *stored = sql_text(t_printf("SELECT weight FROM quality_criteria WHERE id = %lld", crit));
	static const char *const weights[] = { "0", "-1", "abc", "100,01", "1,234", "" };
	struct counts before = counts_now();
	for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++) {
		struct http_response *r = post_as_me(t_printf("/admin/quality/criteria/%lld", crit),
		                                     t_printf("name=N&description=D&weight=%s", url_encode(weights[i])));
		CHECK_STATUS(r, 400);
		struct html *h = html_parse(r);
		CHECK_COUNT(h, t_printf("//input[@id='c%lld-weight' and @aria-invalid='true']", crit), 1);
		CHECK(strlen(html_text(h, t_printf("//p[@id='c%lld-weight-error']", crit))) > 10, "weight %s: why", weights[i]);
	}
	CHECK_NOTHING_WRITTEN(before);
	CHECK_STR(sql_text(t_printf("SELECT weight FROM quality_criteria WHERE id = %lld", crit)), stored, "unchanged");
}

static void t_admin_quality_only_for_moderator(const void *arg)
{
	CHECK(e2e_sign_in("member2@example.org", MEMBER_PASSWORD), "member");
	CHECK_STATUS(http_get("/admin/quality"), 403);
	CHECK_STATUS(http_get("/admin/feedback"), 403);
	CHECK(e2e_sign_in(t_printf("admin.%s@example.org", CENTRE_A), STAFF_PASSWORD), "centre admin");
	struct counts before = counts_now();
	CHECK_STATUS(http_get("/admin/quality"), 403);
	CHECK_STATUS(post_as_me("/admin/quality/drafts", ""), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_moderation_publishes_comment(const void *arg)
{
	char *marker = t_printf("Отзыв-маркер %d: всё было хорошо.", (int)getpid());
	long long id = done_request("member29@example.org", CENTRE_A);
	CHECK(id > 0, "done request");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL && post_rating(id, form_rating_body(h, 5, marker))->status == 303, "rated with a comment");
	long long fb = sql_count(t_printf("SELECT id FROM feedback WHERE request_id = %lld", id));
	long long service = sql_count(t_printf("SELECT service_id FROM feedback WHERE id = %lld", fb));
	h = html_get(t_printf("/services/%lld", service));
	CHECK(h != NULL, "service page");
	CHECK_COUNT(h, t_printf("//li[@id='comment-%lld']", fb), 0);
	CHECK(e2e_sign_in(MODERATOR_EMAIL, MODERATOR_PASSWORD), "moderator");
	h = html_get("/admin/feedback");
	CHECK(h != NULL, "/admin/feedback");
	CHECK_COUNT(h, t_printf("//li[@id='feedback-%lld']//blockquote[contains(., '%d')]", fb, (int)getpid()), 1);
	CHECK_STATUS(post_as_me(t_printf("/admin/feedback/%lld/approve", fb), ""), 303);
	CHECK_STR(sql_text(t_printf("SELECT comment_status FROM feedback WHERE id = %lld", fb)), "approved", "approved");
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM audit_log WHERE action = 'feedback.approve' AND entity_id = "
	                             "%lld", fb)), 1, "audited");
	h = html_get(t_printf("/services/%lld", service));
	CHECK(h != NULL, "service page");
	CHECK_COUNT(h, t_printf("//li[@id='comment-%lld']/p[contains(., '%d')]", fb, (int)getpid()), 1);
	CHECK_STATUS(post_as_me(t_printf("/admin/feedback/%lld/reject", fb), ""), 303);
	h = html_get(t_printf("/services/%lld", service));
	CHECK(h != NULL, "service page");
	CHECK_COUNT(h, t_printf("//li[@id='comment-%lld']", fb), 0);
	CHECK_STATUS(post_as_me(t_printf("/admin/feedback/%lld/delete", fb), ""), 404);
}

const struct test_case quality_tests[] = {
	{ "quality: a request not yet done cannot be rated (403, nothing written)", t_not_done_cannot_be_rated, NULL },
	{ "quality: the requester rates a done request once; a second submit writes nothing, same page",
	  t_requester_rates_once, NULL },
	{ "quality: a rating's overall score is the weighted mean of its scores", t_overall_is_weighted_mean, NULL },
	{ "quality: another member cannot rate a request (403, nothing written)", t_other_member_cannot_rate, NULL },
	{ "quality: staff of the centre that did the work cannot rate it (403, nothing written)",
	  t_staff_of_centre_cannot_rate, NULL },
	{ "quality: missing scores: 400, errors per criterion, nothing written", t_missing_scores_refilled, NULL },
	{ "quality: a comment over 2000 characters: 400, nothing written", t_comment_too_long, NULL },
	{ "quality: a rating with a forged CSRF token: 403, nothing written", t_forged_csrf, NULL },
	{ "quality: the rating form: a fieldset with a legend and five labelled radios per criterion",
	  t_radio_groups_accessible, NULL },
	{ "quality: /quality: each centre's overall index as computed from the database", t_comparison_index_matches_database,
	  NULL },
	{ "quality: /quality: a criterion's index and interval as computed from the database",
	  t_criterion_index_matches_database, NULL },
	{ "quality: service pages: the index as computed, «недостаточно оценок» under 5", t_service_index_and_threshold,
	  NULL },
	{ "quality: the fifth rating turns «недостаточно оценок» into the index", t_fifth_rating_crosses_threshold, NULL },
	{ "quality: the centres chart is well-formed SVG with one bar per table row, for each measure",
	  t_centres_chart_one_bar_per_row, NULL },
	{ "quality: the trend chart is well-formed SVG with one column per month of its table",
	  t_trend_chart_one_column_per_month, NULL },
	{ "quality: the coverage map is well-formed SVG with one cell per district row", t_coverage_map_one_cell_per_district,
	  NULL },
	{ "quality: every /coverage cell matches SQL counts, gaps said in words", t_coverage_cells_match_sql, NULL },
	{ "quality: the coverage open-data set has a record per district and group, counts as the site's",
	  t_coverage_open_data, NULL },
	{ "quality: /staff/coverage lists the districts the centre does not reach in person",
	  t_staff_coverage_lists_missed_districts, NULL },
	{ "quality: /staff/coverage: staff and moderators only; moderators choose a centre", t_coverage_access, NULL },
	{ "quality: bad filter values: 400 naming the parameter", t_bad_filters, NULL },
	{ "quality: a new version of the standard leaves every rating intact (and is audited)",
	  t_new_version_leaves_ratings, NULL },
	{ "quality: a published version cannot be edited (403, nothing written)", t_published_version_is_read_only, NULL },
	{ "quality: a criterion's weight must be a number above 0: 400, nothing written", t_weight_must_be_positive, NULL },
	{ "quality: /admin/quality is the moderator's only", t_admin_quality_only_for_moderator, NULL },
	{ "quality: a comment is public only once approved; moderation is audited", t_moderation_publishes_comment, NULL },
	TEST_END,
};
