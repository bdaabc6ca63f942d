/* session.c: the e2e harness's sign-in, shared by every suite that acts as
 * a member, centre staff or the moderator. */
#include "e2e.h"

bool e2e_sign_in(const char *email, const char *password)
{
	http_reset_cookies();
	struct html *h = html_get("/login");
	if (h == NULL)
		return false;
	const char *csrf = html_text(h, "//form[@action='/login']//input[@name='csrf']/@value");
	struct http_response *r = http_post_form(
		"/login", t_printf("csrf=%s&email=%s&password=%s", csrf, url_encode(email), url_encode(password)));
	if (r->status != 303) {
		t_fail(__FILE__, __LINE__, "sign-in as %s: expected 303, got %ld", email, r->status);
		return false;
	}
	return true;
}

const char *e2e_csrf(void)
{
	struct html *h = html_get("/account");
	return h ? html_text(h, "//form[@class='logout-form']/input[@name='csrf']/@value") : "";
}
