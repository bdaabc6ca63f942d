/* t_forms.c: state-changing requests (POST) and their CSRF token, through
 * the harness's cookie jar: a form page sets the CSRF cookie, the same
 * client posts it back with the form's token. Uses POST /logout, which
 * changes nothing for a signed-out visitor and counts no login attempt. */
#include "e2e.h"

#include <string.h>

/* GET /login and return the form's CSRF token (the jar keeps the cookie). */
static const char *form_token(void)
{
	struct html *h = html_get("/login");
	if (h == NULL)
		return NULL;
	const char *token = html_text(h, "//form[@action='/login']//input[@name='csrf']/@value");
	if (strlen(token) < 32) {
		t_fail(__FILE__, __LINE__, "no CSRF token in the /login form (got \"%s\")", token);
		return NULL;
	}
	return token;
}

static void t_csrf_round_trip(const void *arg)
{
	const char *token = form_token();
	if (token == NULL)
		return;
	struct http_response *r = http_post_form("/logout", t_printf("csrf=%s", token));
	CHECK_STATUS(r, 303);
	CHECK(http_header(r, "Location") != NULL, "303 without Location");
}

static void t_csrf_no_cookie(const void *arg)
{
	const char *token = form_token();
	if (token == NULL)
		return;
	http_reset_cookies();
	struct http_response *r = http_post_form("/logout", t_printf("csrf=%s", token));
	CHECK_STATUS(r, 403);
	CHECK_COUNT(html_parse(r), "//p[@class='error-message']", 1);
}

static void t_csrf_wrong_token(const void *arg)
{
	const char *token = form_token();
	if (token == NULL)
		return;
	char *wrong = t_strdup(token);
	wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
	CHECK_STATUS(http_post_form("/logout", t_printf("csrf=%s", wrong)), 403);
	CHECK_STATUS(http_post_form("/logout", "csrf="), 403);
}

const struct test_case forms_tests[] = {
	{ "POST with the form's CSRF cookie and token passes (/logout: 303)", t_csrf_round_trip, NULL },
	{ "POST without the CSRF cookie is 403", t_csrf_no_cookie, NULL },
	{ "POST with a token that does not match the cookie is 403", t_csrf_wrong_token, NULL },
	TEST_END,
};
