/* t_requests.c: service requests end to end, with the demo accounts. A
 * member sends a request from a service page, the staff of the centre work
 * it in /staff/ (accept, comment, done, decline, refer), the member follows
 * it in /account/requests, and `rchub-admin deliver` hands the
 * notifications to a recording sendmail (record-sendmail.sh). The attacks of
 * issue 3: forged or missing CSRF tokens, members and other centres' staff
 * acting on requests, markup and SQL in the texts, over-long fields, double
 * submission. Whatever a request is refused, the database must show that
 * nothing was written: the counts of every table a request touches are
 * compared before and after. */
#include "e2e.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MEMBER_PASSWORD "demo-member-pass"
#define STAFF_PASSWORD "demo-staff-pass"
#define MODERATOR_PASSWORD "demo-moderator"
#define CENTRE_A "media-amurskaya-volna"
#define CENTRE_B "pravo-nko"
#define CENTRE_FLOW "sotspred-komsomolsk"
#define TOPIC_MAX 200
#define MESSAGE_MAX 5000
#define LOCAL_UTC_OFFSET "10:00:00" /* Asia/Vladivostok, the stack's time zone: no DST */

/* ---- accounts and pages ----------------------------------------------- */


static char *staff_email(const char *centre_slug)
{
	return t_printf("staff.%s@example.org", centre_slug);
}


/* An active demo service of a centre (never a test fixture). */
static long long service_of(const char *centre_slug)
{
	return sql_count(t_printf("SELECT MIN(s.id) FROM services s JOIN centres c ON c.id = s.centre_id "
	                          "WHERE c.slug = '%s' AND s.status = 'active' AND s.id < 900000", centre_slug));
}

static long long centre_id(const char *slug)
{
	return sql_count(t_printf("SELECT id FROM centres WHERE slug = '%s'", slug));
}

/* ---- what the database holds ------------------------------------------- */

/* Rows of every table a request or an action on it writes to. */
struct counts {
	long long requests, events, outbox, audit;
};

static struct counts counts_now(void)
{
	return (struct counts){
		sql_count("SELECT COUNT(*) FROM service_requests"), sql_count("SELECT COUNT(*) FROM request_events"),
		sql_count("SELECT COUNT(*) FROM outbox"), sql_count("SELECT COUNT(*) FROM audit_log"),
	};
}

#define CHECK_NOTHING_WRITTEN(before)                                                         \
	do {                                                                                  \
		struct counts after_ = counts_now();                                          \
		CHECK_INT(after_.requests, (before).requests, "service_requests rows");       \
		CHECK_INT(after_.events, (before).events, "request_events rows");             \
		CHECK_INT(after_.outbox, (before).outbox, "outbox rows");                     \
		CHECK_INT(after_.audit, (before).audit, "audit_log rows");                    \
	} while (0)

static char *request_status(long long id)
{
	return sql_text(t_printf("SELECT status FROM service_requests WHERE id = %lld", id));
}

/* Upper-case hex of s, to compare stored text byte for byte through the client. */
static char *hex_of(const char *s)
{
	char *out = t_alloc(strlen(s) * 2 + 1);
	for (size_t i = 0; s[i]; i++)
		sprintf(out + 2 * i, "%02X", (unsigned char)s[i]);
	return out;
}

/* ---- the request form --------------------------------------------------- */

/* What to post; NULL fields keep what the form offers (or a valid default). */
struct request_post {
	const char *topic, *message, *contact_method, *contact_value, *ngo_id, *consent;
	const char *form_token; /* NULL: the form's own */
	const char *csrf;       /* NULL: the form's own; "" sends none */
};

/* The value of the request form's field (input value or selected option). */
static const char *form_field(struct html *h, long long service, const char *name)
{
	return html_text(h, t_printf("//form[@action='/services/%lld/requests#request']//*[@name='%s']"
	                             "/@value | //form[@action='/services/%lld/requests#request']//select[@name='%s']"
	                             "/option[@selected]/@value", service, name, service, name));
}

static const char *or_default(const char *v, const char *fallback)
{
	return v != NULL ? v : fallback;
}

/* Opens the service page as the signed-in user and posts its request form. */
static struct http_response *post_request(long long service, const struct request_post *p)
{
	struct html *h = html_get(t_printf("/services/%lld", service));
	if (h == NULL)
		return NULL;
	const char *csrf = or_default(p->csrf, form_field(h, service, "csrf"));
	char *body = t_printf(
		"%s%s&form_token=%s&topic=%s&message=%s&contact_method=%s&contact_value=%s&ngo_id=%s&consent=%s",
		csrf[0] ? "csrf=" : "", csrf[0] ? csrf : "",
		url_encode(or_default(p->form_token, form_field(h, service, "form_token"))),
		url_encode(or_default(p->topic, "Тестовая заявка")),
		url_encode(or_default(p->message, "Просим помочь с отчётом за год.")),
		url_encode(or_default(p->contact_method, form_field(h, service, "contact_method"))),
		url_encode(or_default(p->contact_value, form_field(h, service, "contact_value"))),
		url_encode(or_default(p->ngo_id, form_field(h, service, "ngo_id"))), or_default(p->consent, "1"));
	return http_post_form(t_printf("/services/%lld/requests", service), body);
}

/* The request id of a 303 to /account/requests/{id}; 0 (and a failure) otherwise. */
static long long created_id(const struct http_response *r)
{
	const char *loc = r ? http_header(r, "Location") : NULL;
	const char *at = loc ? strstr(loc, "/account/requests/") : NULL;
	if (r == NULL || r->status != 303 || at == NULL) {
		t_fail(__FILE__, __LINE__, "request not created: status %ld, Location %s%s%s", r ? r->status : 0,
		       loc ? loc : "none", r && r->error ? ", " : "", r && r->error ? r->error : "");
		return 0;
	}
	return atoll(at + strlen("/account/requests/"));
}

/* Signs in as member and sends a request with topic to a service of centre_slug. */
static long long new_request(const char *member, const char *centre_slug, const char *topic)
{
	if (!e2e_sign_in(member, MEMBER_PASSWORD))
		return 0;
	return created_id(post_request(service_of(centre_slug), &(struct request_post){ .topic = topic }));
}

/* ---- staff actions ----------------------------------------------------- */

/* POSTs action on request id as the signed-in user, with its CSRF token and extra fields. */
static struct http_response *staff_post(long long id, const char *action, const char *extra)
{
	return http_post_form(t_printf("/staff/requests/%lld/%s", id, action),
	                      t_printf("csrf=%s%s%s", e2e_csrf(), extra[0] ? "&" : "", extra));
}

/* Signs in as the staff of centre_slug and performs action; checks the 303. */
static bool staff_act(const char *centre_slug, long long id, const char *action, const char *extra)
{
	if (!e2e_sign_in(staff_email(centre_slug), STAFF_PASSWORD))
		return false;
	struct http_response *r = staff_post(id, action, extra);
	if (r->status != 303) {
		t_fail(__FILE__, __LINE__, "%s of request %lld by %s: expected 303, got %ld: %.300s", action, id,
		       centre_slug, r->status, html_text(html_parse(r), "//*[@class='error-message' or @id='notice' or "
		                                                        "@class='field-error']"));
		return false;
	}
	return true;
}

/* The member's page of request id (signed in as its owner); NULL on failure. */
static struct html *member_page(const char *member, long long id)
{
	if (!e2e_sign_in(member, MEMBER_PASSWORD))
		return NULL;
	return html_get(t_printf("/account/requests/%lld", id));
}

static char *status_shown(struct html *h)
{
	return trim(html_text(h, "//dd[@id='request-status']"));
}

/* ---- mail -------------------------------------------------------------- */

/* Runs rchub-admin deliver with sendmail as [mail] sendmail; its exit status. */
static int run_deliver(const char *sendmail)
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
	                         "RCHUB_MAIL_SENDMAIL='%s' '%s/rchub-admin' deliver >/dev/null 2>&1",
	                         var, trim(password), sendmail, build));
	return rc != -1 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static char *recorder(void)
{
	return t_printf("%s/tests/e2e/record-sendmail.sh -t -i", e2e_root_dir());
}

static int base64_value(char c)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

/* Decodes base64 s[0..n) (padding stops it) and appends it to out at *o. */
static void base64_append(const char *s, size_t n, char *out, size_t *o)
{
	unsigned bits = 0;
	int have = 0;
	for (size_t i = 0; i < n && base64_value(s[i]) >= 0; i++) {
		bits = bits << 6 | (unsigned)base64_value(s[i]);
		if ((have += 6) >= 8) {
			have -= 8;
			out[(*o)++] = (char)(bits >> have & 0xFF);
		}
	}
}

/* The Subject of a recorded message, its RFC 2047 words decoded. */
static char *decoded_subject(const char *msg)
{
	const char *s = strstr(msg, "\nSubject:");
	char *out = t_alloc(s ? strlen(s) : 1);
	size_t o = 0;
	for (const char *w = s; w && (w = strstr(w, "=?UTF-8?B?")) != NULL;) {
		const char *text = w + 10, *end = strstr(text, "?=");
		if (end == NULL)
			break;
		base64_append(text, (size_t)(end - text), out, &o);
		w = end + 2;
		if (strncmp(w, "\n =?", 4) != 0) /* the header ends where no folded word follows */
			break;
	}
	out[o] = '\0';
	return out;
}

/* Recorded messages to recipient whose decoded subject is subject. */
static int messages_to(const char *recipient, const char *subject, const char **last)
{
	char *all = read_file(t_printf("%s/mail/sent.txt", e2e_var_dir()), NULL);
	int n = 0;
	const char *to = t_printf("\nTo: %s\n", recipient);
	for (char *m = all ? strstr(all, "=== message") : NULL; m; m = strstr(m + 1, "=== message")) {
		char *end = strstr(m, "\n=== end");
		char *msg = t_strndup(m, end ? (size_t)(end - m) : strlen(m));
		if (strstr(msg, to) && str_eq(decoded_subject(msg), subject)) {
			n++;
			*last = msg;
		}
	}
	return n;
}

/* Exactly one recorded message to recipient with subject, in UTF-8 text. */
#define CHECK_ONE_MESSAGE(recipient, subject)                                                          \
	do {                                                                                           \
		const char *msg_ = NULL;                                                               \
		CHECK_INT(messages_to((recipient), (subject), &msg_), 1,                               \
		          t_printf("messages to %s «%s»", (recipient), (subject)));                    \
		CHECK_CONTAINS(msg_, "\nContent-Type: text/plain; charset=utf-8\n", "MIME type");     \
		CHECK_CONTAINS(msg_, "\nContent-Transfer-Encoding: 8bit\n", "transfer encoding");      \
		CHECK_CONTAINS(msg_, "\nMIME-Version: 1.0\n", "MIME version");                        \
		CHECK_CONTAINS(msg_, "\nFrom: ", "From header");                                       \
		CHECK_CONTAINS(msg_, "(sendmail -t -i)", "sendmail arguments");                        \
	} while (0)

/* ---- the beneficiary's side ------------------------------------------ */

static void t_signed_out_sees_sign_in_link(const void *arg)
{
	long long service = service_of(CENTRE_A);
	struct html *h = html_get(t_printf("/services/%lld", service));
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//form[contains(@action, '/requests')]", 0);
	char *href = html_text(h, "//section[@id='request']//a[starts-with(@href, '/login')]/@href");
	CHECK_STR(url_param(href, "next"), t_printf("/services/%lld#request", service), "sign-in link's next");
}

static void t_form_prefilled_from_account(const void *arg)
{
	if (!e2e_sign_in("member3@example.org", MEMBER_PASSWORD))
		return;
	long long service = service_of(CENTRE_A);
	struct html *h = html_get(t_printf("/services/%lld", service));
	if (h == NULL)
		return;
	CHECK_STR(form_field(h, service, "contact_method"), "email", "contact method");
	CHECK_STR(form_field(h, service, "contact_value"), "member3@example.org", "contact from the account");
	CHECK_STR(form_field(h, service, "ngo_id"),
	          sql_text("SELECT ngo_id FROM users WHERE email = 'member3@example.org'"), "the member's NGO");
	CHECK_INT(strlen(form_field(h, service, "form_token")), 32, "one-time form token");
	CHECK_COUNT(h, "//input[@name='consent' and @type='checkbox' and not(@checked)]", 1);
	CHECK_COUNT(h, "//label[@for='rq-consent' and contains(., '152-ФЗ')]/a[@href='/policy']", 1);
	CHECK_COUNT(h, "//select[@name='ngo_id']/option", 2);
}

static void t_archived_service_refuses(const void *arg)
{
	long long service = sql_count("SELECT MIN(id) FROM services WHERE status = 'archived' AND id < 900000");
	if (!e2e_sign_in("member3@example.org", MEMBER_PASSWORD))
		return;
	struct html *h = html_get(t_printf("/services/%lld", service));
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//form[contains(@action, '/requests')]", 0);
	struct counts before = counts_now();
	struct http_response *r = http_post_form(
		t_printf("/services/%lld/requests", service),
		t_printf("csrf=%s&form_token=%032d&topic=x&message=y&contact_method=email&contact_value=a%%40b.ru&consent=1",
		         e2e_csrf(), 7));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "в архиве", "why it was refused");
	CHECK_NOTHING_WRITTEN(before);
}

/* The full flow: a new member registers, requests a service, the centre's
 * staff accept and complete it, the member sees each status, and every
 * notification reaches the recording sendmail. */
static void t_full_flow(const void *arg)
{
	const char *email = t_printf("flow%d@example.org", (int)getpid());
	http_reset_cookies();
	struct html *reg = html_get("/register");
	if (reg == NULL)
		return;
	struct http_response *r = http_post_form("/register", t_printf(
		"csrf=%s&name=%s&email=%s&phone=&ngo_inn=&password=flow-password-1&password2=flow-password-1&consent=1",
		html_text(reg, "//form[@action='/register']//input[@name='csrf']/@value"), url_encode("Пётр Тестов"),
		url_encode(email)));
	CHECK_STATUS(r, 303);
	long long id = created_id(post_request(service_of(CENTRE_FLOW), &(struct request_post){ .topic = "Полный путь" }));
	CHECK(id > 0, "no request");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "member page");
	CHECK_STR(status_shown(h), "Новая", "status after sending");
	CHECK_COUNT(h, "//ol[@class='history']/li", 1);
	CHECK(staff_act(CENTRE_FLOW, id, "accept", "note="), "accept");
	CHECK(e2e_sign_in(email, "flow-password-1"), "member signs in again");
	CHECK_STR(status_shown(html_get(t_printf("/account/requests/%lld", id))), "Принята в работу", "after accept");
	CHECK(staff_act(CENTRE_FLOW, id, "done", t_printf("note=%s", url_encode("Консультация проведена"))), "done");
	CHECK(e2e_sign_in(email, "flow-password-1"), "member signs in again");
	h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "member page");
	CHECK_STR(status_shown(h), "Выполнена", "after done");
	CHECK_COUNT(h, "//ol[@class='history']/li", 3);
	CHECK_COUNT(h, "//ol[@class='history']/li[3][contains(., 'Консультация проведена')]", 1);
	CHECK_INT(run_deliver(recorder()), 0, "rchub-admin deliver exit status");
	const char *svc = sql_text(t_printf("SELECT title FROM services WHERE id = %lld", service_of(CENTRE_FLOW)));
	const char *created = t_printf("Новая заявка №%lld на услугу «%s»", id, svc);
	CHECK_ONE_MESSAGE(t_printf("admin.%s@example.org", CENTRE_FLOW), created);
	CHECK_ONE_MESSAGE(staff_email(CENTRE_FLOW), created);
	CHECK_ONE_MESSAGE(email, t_printf("Заявка №%lld: Принята в работу", id));
	CHECK_ONE_MESSAGE(email, t_printf("Заявка №%lld: Выполнена", id));
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND (subject LIKE "
	                             "'Заявка №%lld:%%' OR subject LIKE 'Новая заявка №%lld %%')", id, id)),
	          0, "notifications of the request still pending");
}

static void t_member_list_shows_own_requests(const void *arg)
{
	long long id = new_request("member4@example.org", CENTRE_A, "Заявка для списка");
	CHECK(id > 0, "no request");
	struct html *h = html_get("/account/requests");
	CHECK(h != NULL, "list");
	long long mine = sql_count("SELECT COUNT(*) FROM service_requests r JOIN users u ON u.id = r.user_id "
	                           "WHERE u.email = 'member4@example.org'");
	CHECK_INT(atoll(html_text(h, "//p[@id='result-count']/strong")), mine, "count of my requests");
	CHECK_COUNT(h, t_printf("//table//a[@href='/account/requests/%lld']", id), 1);
	CHECK_STR(trim(html_text(h, "//tbody/tr[1]/td[3]")), "Новая", "newest first, with its status");
}

static void t_other_members_request_is_404(const void *arg)
{
	long long id = new_request("member5@example.org", CENTRE_A, "Чужая заявка");
	CHECK(id > 0, "no request");
	CHECK(e2e_sign_in("member6@example.org", MEMBER_PASSWORD), "second member");
	CHECK_STATUS(http_get(t_printf("/account/requests/%lld", id)), 404);
}

static void t_account_requests_need_sign_in(const void *arg)
{
	struct http_response *r = http_get("/account/requests");
	CHECK_STATUS(r, 303);
	CHECK_STR(url_param(http_header(r, "Location"), "next"), "/account/requests", "sign-in return path");
}

/* ---- bad input ------------------------------------------------------- */

static void t_overlong_fields_refilled(const void *arg)
{
	if (!e2e_sign_in("member7@example.org", MEMBER_PASSWORD))
		return;
	char *topic = t_alloc(TOPIC_MAX + 2), *message = t_alloc(MESSAGE_MAX + 2);
	memset(topic, 't', TOPIC_MAX + 1);
	memset(message, 'm', MESSAGE_MAX + 1);
	struct counts before = counts_now();
	long long service = service_of(CENTRE_A);
	struct http_response *r = post_request(service, &(struct request_post){ .topic = topic, .message = message });
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='rq-topic-error']"), "Не длиннее 200 символов", "topic error");
	CHECK_CONTAINS(html_text(h, "//p[@id='rq-message-error']"), "Не длиннее 5000 символов", "message error");
	CHECK_COUNT(h, "//input[@id='rq-topic' and @aria-invalid='true' and contains(@aria-describedby, 'rq-topic-error')]", 1);
	CHECK_STR(form_field(h, service, "topic"), topic, "topic refilled");
	CHECK_STR(html_text(h, "//textarea[@name='message']"), message, "message refilled");
	CHECK_COUNT(h, "//div[@class='form-errors']", 1);
	CHECK_NOTHING_WRITTEN(before);
}

/* The limit counts characters: 200 Cyrillic letters (400 bytes) are fine. */
static void t_topic_limit_in_characters(const void *arg)
{
	if (!e2e_sign_in("member7@example.org", MEMBER_PASSWORD))
		return;
	char *topic = t_alloc(TOPIC_MAX * 2 + 1);
	for (int i = 0; i < TOPIC_MAX; i++)
		memcpy(topic + 2 * i, "ж", 2);
	long long id = created_id(post_request(service_of(CENTRE_A), &(struct request_post){ .topic = topic }));
	CHECK(id > 0, "a topic of exactly 200 characters must be accepted");
	CHECK_STR(sql_text(t_printf("SELECT HEX(topic) FROM service_requests WHERE id = %lld", id)), hex_of(topic),
	          "stored topic");
}

static void t_missing_consent_and_bad_contact(const void *arg)
{
	if (!e2e_sign_in("member8@example.org", MEMBER_PASSWORD))
		return;
	struct counts before = counts_now();
	long long service = service_of(CENTRE_A);
	struct http_response *r = post_request(service, &(struct request_post){
		.consent = "", .contact_method = "phone", .contact_value = "позвоните мне", .topic = "" });
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='rq-consent-error']"), "Без этой отметки", "consent error");
	CHECK_CONTAINS(html_text(h, "//p[@id='rq-contact-value-error']"), "номер телефона", "phone error");
	CHECK_CONTAINS(html_text(h, "//p[@id='rq-topic-error']"), "Заполните", "empty topic error");
	CHECK_STR(form_field(h, service, "contact_value"), "позвоните мне", "contact refilled");
	CHECK_STR(form_field(h, service, "contact_method"), "phone", "method refilled");
	r = post_request(service, &(struct request_post){ .contact_method = "email", .contact_value = "not-an-email" });
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='rq-contact-value-error']"), "электронной почты", "e-mail error");
	r = post_request(service, &(struct request_post){ .contact_method = "pigeon" });
	CHECK_STATUS(r, 400);
	CHECK_COUNT(html_parse(r), "//p[@id='rq-contact-method-error']", 1);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_foreign_ngo_refused(const void *arg)
{
	if (!e2e_sign_in("member9@example.org", MEMBER_PASSWORD))
		return;
	const char *other = sql_text("SELECT MIN(id) FROM ngos WHERE id <> (SELECT ngo_id FROM users "
	                             "WHERE email = 'member9@example.org')");
	struct counts before = counts_now();
	struct http_response *r = post_request(service_of(CENTRE_A), &(struct request_post){ .ngo_id = other });
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='rq-ngo-error']"), "из вашей учётной записи", "NGO error");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_double_submit_one_record(const void *arg)
{
	if (!e2e_sign_in("member10@example.org", MEMBER_PASSWORD))
		return;
	long long service = service_of(CENTRE_A);
	struct html *h = html_get(t_printf("/services/%lld", service));
	CHECK(h != NULL, "service page");
	const char *token = t_strdup(form_field(h, service, "form_token"));
	struct counts before = counts_now();
	struct request_post p = { .topic = "Двойной клик", .form_token = token };
	long long first = created_id(post_request(service, &p));
	long long second = created_id(post_request(service, &p));
	CHECK(first > 0, "first submission");
	CHECK_INT(second, first, "the second submission lands on the same request");
	struct counts after = counts_now();
	CHECK_INT(after.requests, before.requests + 1, "service_requests rows");
	CHECK_INT(after.events, before.events + 1, "request_events rows");
	CHECK_INT(after.outbox, before.outbox + 2, "outbox rows (the centre's two staff)");
}

static void t_broken_form_token(const void *arg)
{
	if (!e2e_sign_in("member10@example.org", MEMBER_PASSWORD))
		return;
	struct counts before = counts_now();
	long long service = service_of(CENTRE_A);
	struct http_response *r = post_request(service, &(struct request_post){ .form_token = "../../etc" });
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='rq-token-error']"), "устарела", "token error");
	CHECK_INT(strspn(form_field(h, service, "form_token"), "0123456789abcdef"), 32, "a fresh token in the refilled form");
	CHECK_NOTHING_WRITTEN(before);
}

/* ---- attacks --------------------------------------------------------- */

static void t_request_without_csrf(const void *arg)
{
	if (!e2e_sign_in("member11@example.org", MEMBER_PASSWORD))
		return;
	struct counts before = counts_now();
	CHECK_STATUS(post_request(service_of(CENTRE_A), &(struct request_post){ .csrf = "" }), 403);
	char *wrong = t_strdup(e2e_csrf());
	wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
	CHECK_STATUS(post_request(service_of(CENTRE_A), &(struct request_post){ .csrf = wrong }), 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_signed_out_post_refused(const void *arg)
{
	struct html *h = html_get("/login");
	CHECK(h != NULL, "login page");
	const char *csrf = html_text(h, "//form[@action='/login']//input[@name='csrf']/@value");
	struct counts before = counts_now();
	struct http_response *r = http_post_form(
		t_printf("/services/%lld/requests", service_of(CENTRE_A)),
		t_printf("csrf=%s&form_token=%s&topic=x&message=y&contact_method=email&contact_value=a%%40b.ru&consent=1",
		         csrf, "0123456789abcdef0123456789abcdef"));
	CHECK_STATUS(r, 403);
	CHECK_NOTHING_WRITTEN(before);
}

static void t_staff_action_without_csrf(const void *arg)
{
	long long id = new_request("member11@example.org", CENTRE_A, "Без токена");
	CHECK(id > 0 && e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD), "setup");
	struct counts before = counts_now();
	CHECK_STATUS(http_post_form(t_printf("/staff/requests/%lld/accept", id), "note="), 403);
	CHECK_STATUS(http_post_form(t_printf("/staff/requests/%lld/accept", id),
	                            "csrf=0000000000000000000000000000000000000000000000000000000000000000"), 403);
	CHECK_STR(request_status(id), "new", "status");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_member_cannot_use_staff_area(const void *arg)
{
	long long id = new_request("member12@example.org", CENTRE_A, "Сам себе сотрудник");
	CHECK(id > 0, "no request");
	struct counts before = counts_now();
	CHECK_STATUS(http_get("/staff/"), 403);
	CHECK_STATUS(http_get(t_printf("/staff/requests/%lld", id)), 403);
	static const char *const actions[] = { "accept", "done", "decline", "refer", "comment" };
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		CHECK_STATUS(staff_post(id, actions[i], "note=x&centre=3"), 403);
	CHECK_STR(request_status(id), "new", "status");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_other_centre_gets_404(const void *arg)
{
	long long id = new_request("member13@example.org", CENTRE_A, "Заявка центру А");
	CHECK(id > 0 && e2e_sign_in(staff_email(CENTRE_B), STAFF_PASSWORD), "setup");
	struct counts before = counts_now();
	CHECK_STATUS(http_get(t_printf("/staff/requests/%lld", id)), 404);
	static const char *const actions[] = { "accept", "done", "decline", "refer", "comment" };
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		CHECK_STATUS(staff_post(id, actions[i], t_printf("note=x&centre=%lld", centre_id(CENTRE_B))), 404);
	struct html *inbox = html_get(t_printf("/staff/?centre=%s", CENTRE_A));
	CHECK(inbox != NULL, "inbox");
	CHECK_COUNT(inbox, t_printf("//a[@href='/staff/requests/%lld']", id), 0);
	CHECK_CONTAINS(html_text(inbox, "//h1"), "Право и НКО", "a staff member's inbox is always their own centre's");
	CHECK_STR(request_status(id), "new", "status");
	CHECK_INT(sql_count(t_printf("SELECT centre_id FROM service_requests WHERE id = %lld", id)), centre_id(CENTRE_A),
	          "centre");
	CHECK_NOTHING_WRITTEN(before);
}

#define XSS_TOPIC "<script>alert('topic')</script>"
#define XSS_MESSAGE "<img src=x onerror=alert(1)><b>жирный</b>"

/* The page at path shows the payloads as text, never as elements. */
static void check_shown_as_text(const char *path, bool detail)
{
	struct http_response *r = http_get(path);
	CHECK_STATUS(r, 200);
	struct html *h = html_parse(r);
	CHECK_COUNT(h, "//main//script | //main//img | //main//b", 0);
	CHECK_LACKS(r->body, XSS_TOPIC, path);
	CHECK(html_count(h, "//main//*[contains(text(), \"" XSS_TOPIC "\")]") >= 1, "%s: topic not shown as text", path);
	if (detail)
		CHECK_STR(html_text(h, "//p[@id='request-message']"), XSS_MESSAGE, "message shown as typed");
}

/* Markup typed by a member comes back as text wherever it is shown. */
static void t_markup_shown_escaped(const void *arg)
{
	if (!e2e_sign_in("member14@example.org", MEMBER_PASSWORD))
		return;
	long long id = created_id(post_request(service_of(CENTRE_A),
	                                       &(struct request_post){ .topic = XSS_TOPIC, .message = XSS_MESSAGE }));
	CHECK(id > 0, "no request");
	check_shown_as_text(t_printf("/account/requests/%lld", id), true);
	check_shown_as_text("/account/requests", false);
	CHECK(!t_failed() && e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD), "member pages, staff sign-in");
	check_shown_as_text(t_printf("/staff/requests/%lld", id), true);
	check_shown_as_text("/staff/", false);
}

static void t_sql_metacharacters_verbatim(const void *arg)
{
	const char *topic = "O'Reilly\"; DROP TABLE service_requests; -- \\' %_";
	const char *message = "1' OR '1'='1'; UPDATE users SET role='moderator'; --\n\\N\tтаб";
	if (!e2e_sign_in("member15@example.org", MEMBER_PASSWORD))
		return;
	long long id = created_id(post_request(service_of(CENTRE_A),
	                                       &(struct request_post){ .topic = topic, .message = message }));
	CHECK(id > 0, "no request");
	CHECK_STR(sql_text(t_printf("SELECT HEX(topic) FROM service_requests WHERE id = %lld", id)), hex_of(topic),
	          "stored topic");
	CHECK_STR(sql_text(t_printf("SELECT HEX(message) FROM service_requests WHERE id = %lld", id)), hex_of(message),
	          "stored message");
	struct html *h = html_get(t_printf("/account/requests/%lld", id));
	CHECK(h != NULL, "member page");
	CHECK_CONTAINS(html_text(h, "//h1"), topic, "topic shown verbatim");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM users WHERE role = 'moderator'"), 1, "moderators");
}

/* ---- the staff side -------------------------------------------------- */

static void t_note_required_to_decline_and_refer(const void *arg)
{
	long long id = new_request("member16@example.org", CENTRE_A, "Без причины");
	CHECK(id > 0 && e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD), "setup");
	struct counts before = counts_now();
	struct http_response *r = staff_post(id, "decline", "note=");
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='decline-note-error']"), "Заполните", "decline reason");
	r = staff_post(id, "refer", "note=&centre=");
	CHECK_STATUS(r, 400);
	struct html *h = html_parse(r);
	CHECK_COUNT(h, "//p[@id='refer-note-error'] | //p[@id='refer-centre-error']", 2);
	r = staff_post(id, "refer", t_printf("note=%s&centre=%lld", url_encode("себе"), centre_id(CENTRE_A)));
	CHECK_STATUS(r, 400);
	h = html_parse(r);
	CHECK_CONTAINS(html_text(h, "//p[@id='refer-centre-error']"), "уже в этом центре", "refer to itself");
	CHECK_STR(html_text(h, "//textarea[@id='refer-note']"), "себе", "note refilled");
	CHECK_STATUS(staff_post(id, "refer", "note=x&centre=999999"), 400);
	CHECK_STR(request_status(id), "new", "status");
	CHECK_NOTHING_WRITTEN(before);
}

static void t_transitions_enforced(const void *arg)
{
	long long id = new_request("member17@example.org", CENTRE_A, "Переходы");
	CHECK(id > 0 && e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD), "setup");
	struct counts before = counts_now();
	struct http_response *r = staff_post(id, "done", "note=");
	CHECK_STATUS(r, 409);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@id='notice']"), "недоступно", "why");
	CHECK_NOTHING_WRITTEN(before);
	CHECK_STATUS(staff_post(id, "frobnicate", "note="), 404);
	CHECK(staff_act(CENTRE_A, id, "decline", t_printf("note=%s", url_encode("Набор закрыт"))), "decline");
	CHECK_STR(request_status(id), "declined", "status");
	before = counts_now();
	CHECK_STATUS(staff_post(id, "accept", "note="), 409);
	CHECK_STATUS(staff_post(id, "refer", t_printf("note=x&centre=%lld", centre_id(CENTRE_B))), 409);
	CHECK_NOTHING_WRITTEN(before);
	CHECK(staff_act(CENTRE_A, id, "comment", "note=ok"), "a comment on a final request");
	CHECK_STR(request_status(id), "declined", "status after a comment");
	struct html *h = member_page("member17@example.org", id);
	CHECK(h != NULL, "member page");
	CHECK_STR(status_shown(h), "Отклонена", "member sees the decline");
	CHECK_COUNT(h, "//ol[@class='history']/li[contains(., 'Набор закрыт')]", 1);
}

static void t_audit_records_before_after(const void *arg)
{
	long long id = new_request("member18@example.org", CENTRE_A, "Аудит");
	CHECK(id > 0 && staff_act(CENTRE_A, id, "accept", "note="), "setup");
	const char *q = t_printf("SELECT CONCAT_WS('|', a.before_json, a.after_json, a.centre_id, u.email) "
	                         "FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.entity = 'request' "
	                         "AND a.entity_id = %lld AND a.action = 'request.accept'", id);
	CHECK_STR(sql_text(q), t_printf("{\"status\":\"new\"}|{\"status\":\"accepted\"}|%lld|%s", centre_id(CENTRE_A),
	                                staff_email(CENTRE_A)), "audit row");
}

static void t_referral_moves_request(const void *arg)
{
	long long id = new_request("member19@example.org", CENTRE_A, "Передача");
	CHECK(id > 0 && staff_act(CENTRE_A, id, "accept", "note="), "setup");
	struct counts before = counts_now();
	CHECK(staff_act(CENTRE_A, id, "refer", t_printf("centre=%lld&note=%s", centre_id(CENTRE_B),
	                                                 url_encode("Юридический вопрос"))), "refer");
	CHECK_INT(sql_count(t_printf("SELECT centre_id FROM service_requests WHERE id = %lld", id)), centre_id(CENTRE_B),
	          "the request's centre");
	CHECK_STR(request_status(id), "new", "status at the receiving centre");
	CHECK_INT(sql_count(t_printf("SELECT COUNT(*) FROM request_events WHERE request_id = %lld AND kind = 'referred' "
	                             "AND from_centre_id = %lld AND to_centre_id = %lld", id, centre_id(CENTRE_A),
	                             centre_id(CENTRE_B))), 1, "referral event");
	CHECK_INT(counts_now().outbox, before.outbox + 3, "outbox: the member and the receiving centre's two staff");
	CHECK_STR(sql_text(t_printf("SELECT CONCAT_WS('|', JSON_VALUE(before_json, '$.centre'), JSON_VALUE(after_json, "
	                            "'$.centre'), JSON_VALUE(after_json, '$.status')) FROM audit_log WHERE entity = "
	                            "'request' AND entity_id = %lld AND action = 'request.refer'", id)),
	          sql_text("SELECT CONCAT_WS('|', (SELECT short_name FROM centres WHERE slug = '" CENTRE_A "'), "
	                   "(SELECT short_name FROM centres WHERE slug = '" CENTRE_B "'), 'new')"), "audit of the referral");
	/* The sender: not in its inbox any more, history readable, no actions. */
	CHECK_COUNT(html_get("/staff/"), t_printf("//a[@href='/staff/requests/%lld']", id), 0);
	struct html *h = html_get(t_printf("/staff/requests/%lld", id));
	CHECK(h != NULL, "sender's view");
	CHECK_COUNT(h, "//p[@id='read-only'] | //p[@class='referral' and contains(., 'Амурская волна') and "
	               "contains(., 'Право и НКО')]", 2);
	CHECK_COUNT(h, "//form[contains(@action, '/staff/requests/')]", 0);
	before = counts_now();
	CHECK_STATUS(staff_post(id, "comment", "note=x"), 403);
	CHECK_NOTHING_WRITTEN(before);
	/* The receiver: in its inbox, with the shared history and the actions. */
	CHECK(e2e_sign_in(staff_email(CENTRE_B), STAFF_PASSWORD), "receiver");
	CHECK_COUNT(html_get("/staff/"), t_printf("//a[@href='/staff/requests/%lld']", id), 1);
	h = html_get(t_printf("/staff/requests/%lld", id));
	CHECK(h != NULL, "receiver's view");
	CHECK_COUNT(h, "//ol[@class='history']/li[contains(., 'Юридический вопрос')]/p[@class='referral']", 1);
	CHECK_COUNT(h, "//form[@id='action-accept']", 1);
	CHECK(staff_act(CENTRE_B, id, "accept", "note="), "the receiver accepts");
	h = member_page("member19@example.org", id);
	CHECK(h != NULL, "member page");
	CHECK_COUNT(h, "//dd/a[@href='/centres/" CENTRE_B "']", 1);
	CHECK_COUNT(h, "//ol[@class='history']/li", 4);
}

static void t_moderator_acts_everywhere(const void *arg)
{
	long long id = new_request("member20@example.org", CENTRE_B, "Модератор");
	CHECK(id > 0 && e2e_sign_in("moderator@example.org", MODERATOR_PASSWORD), "setup");
	struct html *h = html_get("/staff/");
	CHECK(h != NULL, "moderator's inbox");
	CHECK_INT(atoll(html_text(h, "//span[@id='count-all']")), sql_count("SELECT COUNT(*) FROM service_requests"),
	          "every centre's requests");
	CHECK_COUNT(h, "//thead//th[6][. = 'Центр']", 1);
	CHECK_COUNT(h, "//tbody/tr[not(td[6]) or td[6] = '']", 0);
	h = html_get("/staff/?centre=" CENTRE_B);
	CHECK(h != NULL, "filtered by centre");
	CHECK_INT(atoll(html_text(h, "//span[@id='count-all']")),
	          sql_count(t_printf("SELECT COUNT(*) FROM service_requests WHERE centre_id = %lld", centre_id(CENTRE_B))),
	          "one centre's requests");
	CHECK_STATUS(staff_post(id, "accept", "note="), 303);
	CHECK_STR(request_status(id), "accepted", "status");
	CHECK_STATUS(http_get("/staff/?centre=no-such-centre"), 400);
}

static void t_inbox_counts_and_order(const void *arg)
{
	if (!e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD))
		return;
	long long centre = centre_id(CENTRE_A);
	struct html *h = html_get("/staff/");
	CHECK(h != NULL, "inbox");
	static const char *const statuses[] = { "new", "accepted", "done", "declined" };
	for (int i = 0; i < 4; i++)
		CHECK_INT(atoll(html_text(h, t_printf("//span[@id='count-%s']", statuses[i]))),
		          sql_count(t_printf("SELECT COUNT(*) FROM service_requests WHERE centre_id = %lld AND status = '%s'",
		                             centre, statuses[i])), statuses[i]);
	CHECK_STR(html_text(h, "//tbody/tr[1]/td[1]/a/@href"),
	          t_printf("/staff/requests/%s", sql_text(t_printf("SELECT id FROM service_requests WHERE centre_id = "
	                                                           "%lld ORDER BY created_at DESC, id DESC LIMIT 1",
	                                                           centre))), "newest first");
	h = html_get("/staff/?status=done");
	CHECK(h != NULL, "status filter");
	CHECK_INT(atoll(html_text(h, "//p[@id='result-count']/strong")),
	          sql_count(t_printf("SELECT COUNT(*) FROM service_requests WHERE centre_id = %lld AND status = 'done'",
	                             centre)), "done requests");
	CHECK_COUNT(h, "//tbody/tr[td[4] != 'Выполнена']", 0);
}

static void t_inbox_date_and_service_filters(const void *arg)
{
	if (!e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD))
		return;
	long long centre = centre_id(CENTRE_A);
	struct html *h = html_get("/staff/?from=2026-03-01&to=2026-06-30");
	CHECK(h != NULL, "date filter");
	CHECK_INT(atoll(html_text(h, "//p[@id='result-count']/strong")),
	          sql_count(t_printf("SELECT COUNT(*) FROM service_requests WHERE centre_id = %lld AND "
	                             "created_at >= TIMESTAMP('2026-03-01') - INTERVAL '" LOCAL_UTC_OFFSET "' HOUR_SECOND "
	                             "AND created_at < TIMESTAMP('2026-07-01') - INTERVAL '" LOCAL_UTC_OFFSET "' HOUR_SECOND",
	                             centre)), "requests from March to June, local days");
	const char *service = html_text(h, "//select[@name='service']/option[2]/@value");
	h = html_get(t_printf("/staff/?service=%s", service));
	CHECK(h != NULL, "service filter");
	CHECK_INT(atoll(html_text(h, "//p[@id='result-count']/strong")),
	          sql_count(t_printf("SELECT COUNT(*) FROM service_requests WHERE centre_id = %lld AND service_id = %s",
	                             centre, service)), "requests of one service");
}

static void t_inbox_bad_filters_named(const void *arg)
{
	if (!e2e_sign_in(staff_email(CENTRE_A), STAFF_PASSWORD))
		return;
	static const struct { const char *query, *param; } bad[] = {
		{ "status=lost", "status" },   { "from=2026-02-30", "from" },     { "to=31.12.2026", "to" },
		{ "from=2026-05-01&to=2026-04-01", "to" }, { "service=abc", "service" }, { "service=900001", "service" },
		{ "page=0", "page" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct http_response *r = http_get(t_printf("/staff/?%s", bad[i].query));
		CHECK_STATUS(r, 400);
		CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), t_printf("«%s»", bad[i].param),
		               bad[i].query);
	}
	CHECK_STATUS(http_get("/staff/?page=999"), 404);
}

static void t_inbox_paginated(const void *arg)
{
	if (!e2e_sign_in(staff_email("rrc-khabarovsk"), STAFF_PASSWORD))
		return;
	long long total = sql_count("SELECT COUNT(*) FROM service_requests r JOIN centres c ON c.id = r.centre_id "
	                            "WHERE c.slug = 'rrc-khabarovsk'");
	CHECK(total > 20, "demo data gives the centre more than one page (%lld requests)", total);
	struct html *h = html_get("/staff/?status=");
	CHECK(h != NULL, "first page");
	CHECK_COUNT(h, "//tbody/tr", 20);
	CHECK_COUNT(h, "//nav[@class='pagination']//a[@rel='next' and @href='/staff/?page=2']", 1);
	h = html_get("/staff/?page=2");
	CHECK(h != NULL, "second page");
	CHECK_COUNT(h, "//tbody/tr", total - 20 < 20 ? total - 20 : 20);
}

/* ---- notifications ----------------------------------------------------- */

static void t_deliver_failure_recorded(const void *arg)
{
	const char *id = sql_text("INSERT INTO outbox (recipient, subject, body) VALUES "
	                          "('fail-test@example.org', 'Проверка доставки', 'Текст'); SELECT LAST_INSERT_ID()");
	CHECK(id != NULL, "test message queued");
	CHECK_INT(run_deliver("exit 75"), 1, "deliver's exit status when sendmail fails");
	const char *row = t_printf("SELECT CONCAT_WS('|', attempts, sent_at IS NULL, last_error <> '') FROM outbox "
	                           "WHERE id = %s", id);
	CHECK_STR(sql_text(row), "1|1|1", "attempts, not sent, the error kept");
	CHECK_INT(run_deliver(recorder()), 0, "deliver's exit status");
	CHECK_STR(sql_text(row), "2|0|0", "sent on the next run");
	CHECK_ONE_MESSAGE("fail-test@example.org", "Проверка доставки");
}

/* ---- demo data --------------------------------------------------------- */

/* Runs first in this suite, before its own requests join the demo ones. */
static void t_demo_requests(const void *arg)
{
	CHECK_INT(sql_count("SELECT COUNT(DISTINCT status) FROM service_requests"), 4, "demo requests in every status");
	CHECK(sql_count("SELECT COUNT(*) FROM request_events WHERE kind = 'referred'") >= 5, "demo referrals");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM service_requests r JOIN services s ON s.id = r.service_id "
	                    "WHERE s.status = 'archived'"), 0, "requests for archived services");
	CHECK_INT(sql_count("SELECT COUNT(*) FROM service_requests r WHERE NOT EXISTS (SELECT 1 FROM request_events e "
	                    "WHERE e.request_id = r.id AND e.kind = 'created' AND e.actor_id = r.user_id)"), 0,
	          "requests without their 'created' event");
}

const struct test_case requests_tests[] = {
	{ "requests: demo data has every status, referrals, consistent histories", t_demo_requests, NULL },
	{ "requests: a signed-out visitor gets a sign-in link that returns to the service", t_signed_out_sees_sign_in_link, NULL },
	{ "requests: the form is prefilled from the account (contact, NGO, token, 152-FZ consent)", t_form_prefilled_from_account, NULL },
	{ "requests: an archived service shows no form and refuses a POST (400, nothing written)", t_archived_service_refuses, NULL },
	{ "requests: full flow: register, request, accept, done, each status seen, notifications delivered", t_full_flow, NULL },
	{ "requests: /account/requests lists the member's own requests, newest first", t_member_list_shows_own_requests, NULL },
	{ "requests: another member's request is 404", t_other_members_request_is_404, NULL },
	{ "requests: /account/requests needs sign-in (303 with next)", t_account_requests_need_sign_in, NULL },
	{ "requests: over-long topic and message: 400, errors at the fields, form refilled, nothing written", t_overlong_fields_refilled, NULL },
	{ "requests: the topic limit counts characters (200 Cyrillic letters pass)", t_topic_limit_in_characters, NULL },
	{ "requests: missing consent, bad phone or e-mail, unknown contact method: 400, nothing written", t_missing_consent_and_bad_contact, NULL },
	{ "requests: an NGO not in the member's account is refused", t_foreign_ngo_refused, NULL },
	{ "requests: the same form token twice makes one record and the same page", t_double_submit_one_record, NULL },
	{ "requests: a broken form token: 400 and a fresh token", t_broken_form_token, NULL },
	{ "requests: missing or wrong CSRF token: 403, nothing written", t_request_without_csrf, NULL },
	{ "requests: a signed-out POST is 403, nothing written", t_signed_out_post_refused, NULL },
	{ "requests: a staff action without a valid CSRF token: 403, nothing written", t_staff_action_without_csrf, NULL },
	{ "requests: a member gets 403 on /staff/ and on every staff action, nothing written", t_member_cannot_use_staff_area, NULL },
	{ "requests: staff of another centre get 404 on the request and its actions, nothing written", t_other_centre_gets_404, NULL },
	{ "requests: markup in topic and message is shown escaped on member and staff pages", t_markup_shown_escaped, NULL },
	{ "requests: SQL metacharacters are stored and shown verbatim", t_sql_metacharacters_verbatim, NULL },
	{ "requests: decline needs a reason, refer a note and another centre (400, nothing written)", t_note_required_to_decline_and_refer, NULL },
	{ "requests: only valid transitions (409), comments even when final, the member sees the reason", t_transitions_enforced, NULL },
	{ "requests: each action is in the audit log with status before and after", t_audit_records_before_after, NULL },
	{ "requests: a referral moves the request; both centres see the shared history", t_referral_moves_request, NULL },
	{ "requests: the moderator sees and acts on every centre's requests, with a centre filter", t_moderator_acts_everywhere, NULL },
	{ "requests: inbox counts per status match the database, newest first, status filter", t_inbox_counts_and_order, NULL },
	{ "requests: inbox date (local days) and service filters match the database", t_inbox_date_and_service_filters, NULL },
	{ "requests: a bad inbox filter is 400 naming the parameter", t_inbox_bad_filters_named, NULL },
	{ "requests: the inbox is paginated", t_inbox_paginated, NULL },
	{ "requests: deliver records a failed sendmail and retries it", t_deliver_failure_recorded, NULL },
	TEST_END,
};
