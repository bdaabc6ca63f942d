/* t_accounts.c: accounts as issue #3 attacks them: weak passwords, invalid
 * e-mails, missing consent and taken addresses are refused with the reason
 * and nothing written; the session cookie carries its flags and only its hash
 * is stored; signing out kills the old cookie; 20 wrong passwords lock the
 * account with a message; a member cannot enter the staff area. */
#include "e2e.h"

#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define GOOD_PASSWORD "long-enough-password"

/* A fresh address for this run and this test. */
static const char *new_email(const char *tag)
{
	return t_printf("%s-%ld-%d@accounts.example.org", tag, (long)time(NULL), (int)getpid());
}

static long long users_with(const char *email)
{
	return sql_count(t_printf("SELECT COUNT(*) FROM users WHERE email = '%s'", email));
}

/* Posts the registration form; consent is sent when consent is true. */
static struct http_response *register_as(const char *email, const char *password, bool consent)
{
	http_reset_cookies();
	struct html *h = html_get("/register");
	const char *csrf = h ? html_text(h, "//form[@action='/register']//input[@name='csrf']/@value") : "";
	return http_post_form("/register",
	                      t_printf("csrf=%s&name=%s&email=%s&password=%s&password2=%s%s", csrf,
	                               url_encode("Проверка Учётной"), url_encode(email), url_encode(password),
	                               url_encode(password), consent ? "&consent=1" : ""));
}

/* Checks a refused registration: 400, the reason on the page, no row. */
static void refused(const char *email, const char *password, bool consent, const char *reason)
{
	struct http_response *r = register_as(email, password, consent);
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(r->body, reason, "the refusal page");
	CHECK(users_with(email) == 0, "a refused registration of %s wrote a user row", email);
}

static void t_weak_password(const void *arg)
{
	refused(new_email("weak"), "short1", true, "не короче 10");
}

static void t_invalid_email(const void *arg)
{
	refused("not-an-address", GOOD_PASSWORD, true, "Введите адрес электронной почты");
}

static void t_no_consent(const void *arg)
{
	refused(new_email("noconsent"), GOOD_PASSWORD, false, "Без этой отметки");
}

static void t_taken_email(const void *arg)
{
	const char *email = new_email("taken");
	CHECK_STATUS(register_as(email, GOOD_PASSWORD, true), 303);
	struct http_response *again = register_as(email, GOOD_PASSWORD, true);
	CHECK_STATUS(again, 400);
	CHECK_CONTAINS(again->body, "уже зарегистрирован", "second registration");
	CHECK(users_with(email) == 1, "the address %s has %lld accounts", email, users_with(email));
}

/* The value of cookie name in a Set-Cookie header, or NULL. */
static const char *set_cookie_value(const char *header, const char *name)
{
	size_t n = strlen(name);
	if (header == NULL || strncmp(header, name, n) != 0 || header[n] != '=')
		return NULL;
	return t_strndup(header + n + 1, strcspn(header + n + 1, ";"));
}

static void t_session_cookie_flags(const void *arg)
{
	struct http_response *r = register_as(new_email("flags"), GOOD_PASSWORD, true);
	CHECK_STATUS(r, 303);
	const char *cookie = NULL;
	for (size_t i = 0; i < r->nheaders && cookie == NULL; i++)
		if (strcasecmp(r->headers[i].name, "Set-Cookie") == 0 &&
		    set_cookie_value(r->headers[i].value, "rchub_session") != NULL)
			cookie = r->headers[i].value;
	CHECK(cookie != NULL, "registration set no rchub_session cookie");
	if (cookie == NULL)
		return;
	CHECK_CONTAINS(cookie, "HttpOnly", "session cookie");
	CHECK_CONTAINS(cookie, "SameSite=Lax", "session cookie");
	CHECK_CONTAINS(cookie, "Path=/", "session cookie");
	const char *token = set_cookie_value(cookie, "rchub_session");
	CHECK(strlen(token) == 64, "session token of %zu characters, want 64 (256 bits)", strlen(token));
	CHECK(sql_count(t_printf("SELECT COUNT(*) FROM sessions WHERE token_hash = '%s'", token)) == 0,
	      "the raw session token is stored in the database");
	CHECK(sql_count(t_printf("SELECT COUNT(*) FROM sessions WHERE token_hash = SHA2('%s', 256)", token)) == 1,
	      "the SHA-256 of the session token is not stored");
}

static void t_logout_kills_old_cookie(const void *arg)
{
	struct http_response *r = register_as(new_email("logout"), GOOD_PASSWORD, true);
	CHECK_STATUS(r, 303);
	const char *token = NULL;
	for (size_t i = 0; i < r->nheaders && token == NULL; i++)
		if (strcasecmp(r->headers[i].name, "Set-Cookie") == 0)
			token = set_cookie_value(r->headers[i].value, "rchub_session");
	CHECK(token != NULL, "no session cookie after registration");
	if (token == NULL)
		return;
	CHECK_STATUS(http_post_form("/logout", t_printf("csrf=%s", e2e_csrf())), 303);
	http_reset_cookies();
	struct http_response *old = http_get_with("/account", t_printf("Cookie: rchub_session=%s", token));
	CHECK_STATUS(old, 303);
	CHECK_CONTAINS(http_header(old, "Location"), "/login", "the old cookie's redirect");
}

static struct http_response *login(const char *email, const char *password)
{
	struct html *h = html_get("/login");
	const char *csrf = h ? html_text(h, "//form[@action='/login']//input[@name='csrf']/@value") : "";
	return http_post_form("/login", t_printf("csrf=%s&email=%s&password=%s", csrf, url_encode(email),
	                                          url_encode(password)));
}

static void t_lockout_after_20_wrong_passwords(const void *arg)
{
	const char *email = new_email("lock");
	CHECK_STATUS(register_as(email, GOOD_PASSWORD, true), 303);
	http_reset_cookies();
	for (int i = 0; i < 20; i++) {
		struct http_response *r = login(email, "wrong-password-guess");
		CHECK(r->status == 400 || r->status == 429, "wrong password %d: status %ld", i + 1, r->status);
	}
	struct http_response *locked = login(email, GOOD_PASSWORD);
	CHECK_STATUS(locked, 429);
	CHECK_CONTAINS(locked->body, "временно заблокирован", "the locked account's page");
	CHECK(sql_count(t_printf("SELECT COUNT(*) FROM users WHERE email = '%s' AND locked_until > UTC_TIMESTAMP()",
	                         email)) == 1,
	      "the account is not marked locked");
}

static void t_member_cannot_enter_staff_area(const void *arg)
{
	if (!e2e_sign_in("member1@example.org", "demo-member-pass"))
		return;
	CHECK_STATUS(http_get("/staff/"), 403);
	CHECK_STATUS(http_post_form("/staff/services/new", t_printf("csrf=%s&title=x", e2e_csrf())), 403);
}

const struct test_case accounts_tests[] = {
	{ "accounts: a password under 10 characters is refused, nothing written", t_weak_password, NULL },
	{ "accounts: an invalid e-mail is refused, nothing written", t_invalid_email, NULL },
	{ "accounts: registration without 152-FZ consent is refused", t_no_consent, NULL },
	{ "accounts: a taken e-mail is refused with the reason", t_taken_email, NULL },
	{ "accounts: session cookie is HttpOnly, SameSite=Lax, 256-bit; only its hash is stored", t_session_cookie_flags, NULL },
	{ "accounts: signing out invalidates the old session cookie", t_logout_kills_old_cookie, NULL },
	{ "accounts: 20 wrong passwords lock the account with a message", t_lockout_after_20_wrong_passwords, NULL },
	{ "accounts: a member gets 403 in the staff area (GET and POST)", t_member_cannot_enter_staff_area, NULL },
	TEST_END,
};
