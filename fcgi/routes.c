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
	{ METHOD_GET,  "/accessibility",     handle_accessibility, ANYONE },
	/* service requests and the staff inbox */
	{ METHOD_POST, "/services/{id}/requests", handle_request_create, MEMBER },
	{ METHOD_GET,  "/account/requests",  handle_account_requests, MEMBER },
	{ METHOD_GET,  "/account/requests/{id}", handle_account_request, MEMBER },
	{ METHOD_GET,  "/staff",             handle_staff_inbox,  STAFF },
	{ METHOD_GET,  "/staff/requests/{id}", handle_staff_request, STAFF },
	{ METHOD_POST, "/staff/requests/{id}/{name}", handle_staff_request_action, STAFF },
	/* centre content: profile, services, news, events; staff accounts; audit */
	{ METHOD_GET,  "/staff/centre",      handle_staff_centre_form, STAFF },
	{ METHOD_POST, "/staff/centre",      handle_staff_centre_save, STAFF },
	{ METHOD_GET,  "/staff/services",    handle_staff_services, STAFF },
	{ METHOD_GET,  "/staff/services/new", handle_staff_service_new, STAFF },
	{ METHOD_POST, "/staff/services/new", handle_staff_service_create, STAFF },
	{ METHOD_GET,  "/staff/services/{id}", handle_staff_service_edit, STAFF },
	{ METHOD_POST, "/staff/services/{id}", handle_staff_service_save, STAFF },
	{ METHOD_POST, "/staff/services/{id}/archive", handle_staff_service_archive, STAFF },
	{ METHOD_POST, "/staff/services/{id}/restore", handle_staff_service_restore, STAFF },
	{ METHOD_GET,  "/staff/news",        handle_staff_news,   STAFF },
	{ METHOD_GET,  "/staff/news/new",    handle_staff_news_new, STAFF },
	{ METHOD_POST, "/staff/news/new",    handle_staff_news_create, STAFF },
	{ METHOD_GET,  "/staff/news/{id}",   handle_staff_news_edit, STAFF },
	{ METHOD_POST, "/staff/news/{id}",   handle_staff_news_save, STAFF },
	{ METHOD_POST, "/staff/news/{id}/publish", handle_staff_news_publish, STAFF },
	{ METHOD_POST, "/staff/news/{id}/unpublish", handle_staff_news_unpublish, STAFF },
	{ METHOD_GET,  "/staff/events",      handle_staff_events, STAFF },
	{ METHOD_GET,  "/staff/events/new",  handle_staff_event_new, STAFF },
	{ METHOD_POST, "/staff/events/new",  handle_staff_event_create, STAFF },
	{ METHOD_GET,  "/staff/events/{id}", handle_staff_event_edit, STAFF },
	{ METHOD_POST, "/staff/events/{id}", handle_staff_event_save, STAFF },
	{ METHOD_POST, "/staff/events/{id}/publish", handle_staff_event_publish, STAFF },
	{ METHOD_POST, "/staff/events/{id}/cancel", handle_staff_event_cancel, STAFF },
	{ METHOD_GET,  "/staff/users",       handle_staff_users,  CENTRE_ADMIN },
	{ METHOD_POST, "/staff/users",       handle_staff_user_create, CENTRE_ADMIN },
	{ METHOD_GET,  "/news",              handle_news,         ANYONE },
	{ METHOD_GET,  "/news/{id}",         handle_news_item,    ANYONE },
	{ METHOD_GET,  "/events",            handle_events,       ANYONE },
	{ METHOD_GET,  "/events/{id}",       handle_event,        ANYONE },
	{ METHOD_GET,  "/admin",             handle_admin,        MODERATOR },
	{ METHOD_GET,  "/admin/audit",       handle_admin_audit,  MODERATOR },
	/* feeds and exports: RSS, iCalendar, open data, JSON API */
	{ METHOD_GET,  "/feeds/news.rss",             handle_feed_news,          ANYONE },
	{ METHOD_GET,  "/feeds/services.rss",         handle_feed_services,      ANYONE },
	{ METHOD_GET,  "/feeds/centres/{slug}.rss",   handle_feed_centre,        ANYONE },
	{ METHOD_GET,  "/feeds/districts/{slug}.rss", handle_feed_district,      ANYONE },
	{ METHOD_GET,  "/events.ics",                 handle_calendar,           ANYONE },
	{ METHOD_GET,  "/centres/{slug}/events.ics",  handle_centre_calendar,    ANYONE },
	{ METHOD_GET,  "/opendata",                   handle_opendata_index,     ANYONE },
	{ METHOD_GET,  "/opendata/list.xml",          handle_opendata_list,      ANYONE },
	{ METHOD_GET,  "/opendata/{slug}/meta.xml",   handle_opendata_meta,      ANYONE },
	{ METHOD_GET,  "/opendata/{slug}/{name}",     handle_opendata_file,      ANYONE },
	{ METHOD_GET,  "/api/v1",                     handle_api_root,           ANYONE },
	{ METHOD_GET,  "/api/v1/openapi.json",        handle_api_openapi,        ANYONE },
	{ METHOD_GET,  "/api/v1/profile",             handle_api_profile,        ANYONE },
	{ METHOD_GET,  "/api/v1/services",            handle_api_services,       ANYONE },
	{ METHOD_GET,  "/api/v1/services/{id}",       handle_api_service,        ANYONE },
	{ METHOD_GET,  "/api/v1/organizations",       handle_api_organizations,  ANYONE },
	{ METHOD_GET,  "/api/v1/organizations/{id}",  handle_api_organization,   ANYONE },
	{ METHOD_GET,  "/api/v1/taxonomy_terms",      handle_api_taxonomy_terms, ANYONE },
	{ METHOD_GET,  "/api/v1/{name}",              handle_api_not_found,      ANYONE }, /* JSON 404s */
	{ METHOD_GET,  "/api/v1/{name}/{name}",       handle_api_not_found,      ANYONE },
	/* projects and survival */
	{ METHOD_GET,  "/projects",                        handle_projects,               ANYONE },
	{ METHOD_GET,  "/projects/{id}",                   handle_project,                ANYONE },
	{ METHOD_GET,  "/survival",                        handle_survival,               ANYONE },
	{ METHOD_GET,  "/survival/{name}.svg",             handle_survival_chart,         ANYONE },
	{ METHOD_GET,  "/account/projects",                handle_account_projects,       MEMBER },
	{ METHOD_GET,  "/account/projects/new",            handle_account_project_new,    MEMBER },
	{ METHOD_POST, "/account/projects/new",            handle_account_project_create, MEMBER },
	{ METHOD_GET,  "/account/projects/{id}",           handle_account_project,        MEMBER },
	{ METHOD_POST, "/account/projects/{id}",           handle_account_project_save,   MEMBER },
	{ METHOD_POST, "/account/projects/{id}/updates",   handle_account_project_update, MEMBER },
	{ METHOD_GET,  "/staff/projects",                  handle_staff_projects,         STAFF },
	{ METHOD_GET,  "/staff/projects/{id}",             handle_staff_project,          STAFF },
	{ METHOD_POST, "/staff/projects/{id}/support",     handle_staff_project_support,  STAFF },
	/* quality standard, ratings, coverage */
	{ METHOD_GET,  "/quality",                          handle_quality,                        ANYONE },
	{ METHOD_GET,  "/quality/chart-centres.svg",        handle_quality_chart_centres,          ANYONE },
	{ METHOD_GET,  "/quality/chart-trend.svg",          handle_quality_chart_trend,            ANYONE },
	{ METHOD_GET,  "/coverage",                         handle_coverage,                       ANYONE },
	{ METHOD_GET,  "/coverage/map.svg",                 handle_coverage_map,                   ANYONE },
	{ METHOD_POST, "/account/requests/{id}/rating",     handle_rating_create,                  MEMBER },
	{ METHOD_GET,  "/staff/coverage",                   handle_staff_coverage,                 STAFF },
	{ METHOD_GET,  "/admin/quality",                    handle_admin_quality,                  MODERATOR },
	{ METHOD_POST, "/admin/quality/drafts",             handle_admin_quality_draft,            MODERATOR },
	{ METHOD_GET,  "/admin/quality/{id}",               handle_admin_quality_version,          MODERATOR },
	{ METHOD_POST, "/admin/quality/{id}/criteria",      handle_admin_quality_criterion_add,    MODERATOR },
	{ METHOD_POST, "/admin/quality/{id}/publish",       handle_admin_quality_publish,          MODERATOR },
	{ METHOD_POST, "/admin/quality/criteria/{id}",      handle_admin_quality_criterion_save,   MODERATOR },
	{ METHOD_POST, "/admin/quality/criteria/{id}/delete", handle_admin_quality_criterion_delete, MODERATOR },
	{ METHOD_GET,  "/admin/feedback",                   handle_admin_feedback,                 MODERATOR },
	{ METHOD_POST, "/admin/feedback/{id}/{name}",       handle_admin_feedback_action,          MODERATOR },
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
	if (status == 405) {
		page_error(req, resp, 405, "Этот адрес не принимает такой запрос. Откройте страницу по ссылке.");
		response_header(resp, "Allow", router_allowed(routes, sizeof routes / sizeof routes[0], req));
	}
	else
		page_error(req, resp, 404, "Такой страницы нет. Проверьте адрес или воспользуйтесь поиском по каталогу.");
}
