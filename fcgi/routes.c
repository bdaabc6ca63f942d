/* routes.c: the route table, readable top to bottom: one row per URL of the
 * public contract (DESIGN.md), with its method, handler and who may use it;
 * and dispatch(), which applies the rules every request shares before its
 * handler runs: the session, CSRF on every POST, the role of the route. */
#include "routes.h"

#include <stdio.h>

#include "auth.h"
#include "db.h"
#include "handlers/handlers.h"
#include "page.h"
#include "router.h"

#define ANYONE 0
#define MEMBER ROLE_MEMBER          /* any signed-in user */
#define STAFF ROLE_CENTRE_STAFF     /* centre staff, centre admins, moderators */
#define CENTRE_ADMIN ROLE_CENTRE_ADMIN
#define MODERATOR ROLE_MODERATOR

static const struct route routes[] = {
	{ METHOD_GET,  "/",                  handle_home,         ANYONE },
	{ METHOD_GET,  "/centres",           handle_centres,      ANYONE },
	{ METHOD_GET,  "/centres/{slug}",    handle_centre,       ANYONE },
	{ METHOD_GET,  "/services",          handle_services,     ANYONE },
	{ METHOD_GET,  "/services/{id}",     handle_service,      ANYONE },
	{ METHOD_GET,  "/ngos",              handle_ngos,         ANYONE },
	{ METHOD_GET,  "/ngos/{id}",         handle_ngo,          ANYONE },
	{ METHOD_GET,  "/register",          handle_register_form, ANYONE },
	{ METHOD_POST, "/register",          handle_register,     ANYONE },
	{ METHOD_GET,  "/login",             handle_login_form,   ANYONE },
	{ METHOD_POST, "/login",             handle_login,        ANYONE },
	{ METHOD_POST, "/logout",            handle_logout,       ANYONE },
	{ METHOD_GET,  "/account",           handle_account,      MEMBER },
	{ METHOD_GET,  "/policy",            handle_policy,       ANYONE },
	/* service requests and the staff inbox */
	/* centre content: profile, services, news, events; staff accounts; audit */
	/* feeds and exports: RSS, iCalendar, open data, JSON API */
};

/* Signed-out visitors asking for a page that needs an account go to the
 * sign-in page, which brings them back afterwards. */
static void redirect_to_login(struct request *req, struct response *resp)
{
	response_redirect(resp, 303, login_url(req->mem, req->uri));
}

/* After a write the visitor's next pages must show it: for a few seconds
 * they are read from the primary and bypass the nginx micro-cache. */
static void mark_fresh(struct request *req, struct response *resp)
{
	response_header(resp, "Set-Cookie",
	                arena_printf(req->mem, "%s=1; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax", FRESH_COOKIE,
	                             FRESH_SECONDS));
}

/* Checks the rules shared by all routes; returns true when the handler may run. */
static bool allowed(struct request *req, struct response *resp, const struct route *r)
{
	if (req->method == METHOD_POST && !csrf_valid(req)) {
		page_error(req, resp, 403, "Форма устарела или отправлена не с этого сайта. "
		                           "Обновите страницу и отправьте форму ещё раз.");
		return false;
	}
	if (r->min_role == ANYONE)
		return true;
	if (req->user == NULL) {
		if (req->method == METHOD_POST)
			page_error(req, resp, 403, "Войдите на сайт, чтобы выполнить это действие.");
		else
			redirect_to_login(req, resp);
		return false;
	}
	if (!user_has_role(req->user, (enum role)r->min_role)) {
		page_error(req, resp, 403, "У вашей учётной записи нет доступа к этому разделу.");
		return false;
	}
	return true;
}

void dispatch(struct request *req, struct response *resp)
{
	if (req->error_status != 0) {
		page_error(req, resp, req->error_status, req->error);
		return;
	}
	if (session_load(req) != 0) {
		page_db_failure(req, resp);
		return;
	}
	bool reading = req->method == METHOD_GET || req->method == METHOD_HEAD;
	db_prefer_replica(reading && req->user == NULL && request_cookie(req, FRESH_COOKIE) == NULL);
	int status;
	const struct route *r = router_match(routes, sizeof routes / sizeof routes[0], req, &status);
	if (r != NULL) {
		if (allowed(req, resp, r))
			r->handler(req, resp);
		if (req->method == METHOD_POST && resp->status == 303)
			mark_fresh(req, resp);
		return;
	}
	if (status == 405)
		page_error(req, resp, 405, "Этот адрес не принимает такой запрос. Откройте страницу по ссылке.");
	else
		page_error(req, resp, 404, "Такой страницы нет. Проверьте адрес или воспользуйтесь поиском по каталогу.");
}
