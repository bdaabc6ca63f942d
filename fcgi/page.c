/* page.c: the shared layout (templates/layout.tpl) around each page, and the
 * error pages. Anonymous GET pages are public for a few seconds (the nginx
 * micro-cache relies on it); everything else is private. */
#include "page.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "log.h"

#define RETRY_AFTER_SECONDS "5"

static const char *site_name = "Ресурсные центры НКО";
static const char *region_name = "";

/* Section names of the layout's navigation, indexed by enum nav_item. */
static const char *const nav_sections[NAV__MAX] = {
	NULL,             /* NAV_NONE */
	"NAV_HOME_CURRENT",     /* NAV_HOME */
	"NAV_CENTRES_CURRENT",  /* NAV_CENTRES */
	"NAV_SERVICES_CURRENT", /* NAV_SERVICES */
	"NAV_NGOS_CURRENT",     /* NAV_NGOS */
	"NAV_NEWS_CURRENT",     /* NAV_NEWS */
	"NAV_EVENTS_CURRENT",   /* NAV_EVENTS */
	"NAV_PROJECTS_CURRENT", /* NAV_PROJECTS */
	"NAV_QUALITY_CURRENT",  /* NAV_QUALITY */
};

void page_set_site(const char *site, const char *region)
{
	site_name = site;
	region_name = region;
}

void page_begin(struct page *p, struct request *req, const char *content_template,
                const char *title, enum nav_item nav)
{
	p->req = req;
	p->root = tpl_dict_new();
	tpl_set(p->root, "SITE_NAME", site_name);
	tpl_set(p->root, "REGION_NAME", region_name);
	tpl_set(p->root, "TITLE", title);
	if (req->user != NULL) {
		tpl_dict *u = tpl_section(p->root, "SIGNED_IN");
		tpl_set(u, "USER_NAME", req->user->name);
		tpl_set(u, "LOGOUT_CSRF", req->user->csrf);
		if (user_has_role(req->user, ROLE_CENTRE_STAFF))
			tpl_show(u, "STAFF_LINK");
		if (user_has_role(req->user, ROLE_MODERATOR))
			tpl_show(u, "ADMIN_LINK");
	} else {
		tpl_show(p->root, "SIGNED_OUT");
	}
	if (nav > NAV_NONE && nav < NAV__MAX)
		tpl_show(p->root, nav_sections[nav]);
	a11y_fill_layout(req, p->root, content_template);
	/* ctemplate includes do not inherit their parent's values. */
	p->content = tpl_include(p->root, "CONTENT", content_template);
	tpl_set(p->content, "TITLE", title);
	page_add_feed(p, "Новости ресурсных центров", "/feeds/news.rss");
}

void page_add_feed(struct page *p, const char *title, const char *url)
{
	tpl_dict *f = tpl_section(p->root, "FEED");
	tpl_set(f, "FEED_TITLE", title);
	tpl_set(f, "FEED_URL", url);
}

void page_finish(struct page *p, struct response *resp, int status)
{
	const char *out;
	size_t len;
	if (tpl_render("layout.tpl", p->root, &out, &len) != 0) {
		log_error("template", "path=%s", p->req->path);
		static const char fallback[] = "<!DOCTYPE html><html lang=\"ru\"><title>Ошибка</title>"
		                               "<p>Внутренняя ошибка сервера. Попробуйте позже.</p></html>";
		response_body(resp, 500, CT_HTML, fallback, sizeof fallback - 1);
	} else {
		response_body(resp, status, CT_HTML, out, len);
	}
	tpl_dict_free(p->root);
	p->root = p->content = NULL;
	/* Pages in the version for the visually impaired are this visitor's own. */
	if (a11y_active(p->req))
		resp->personal = true;
	if (resp->status == 200 && p->req->method != METHOD_POST && p->req->user == NULL && !resp->personal) {
		resp->cache_control = CACHE_PUBLIC;
		resp->etag = true;
		/* A browser must not reuse it once the a11y or session cookie changes. */
		response_header(resp, "Vary", "Cookie");
	}
}

static const char *error_title(int status)
{
	switch (status) {
	case 400: return "Неверный запрос";
	case 403: return "Доступ запрещён";
	case 404: return "Страница не найдена";
	case 405: return "Метод не поддерживается";
	case 413: return "Слишком большой запрос";
	case 414: return "Слишком длинный адрес";
	case 415: return "Неподдерживаемый формат";
	case 503: return "Сервис временно недоступен";
	default: return "Внутренняя ошибка";
	}
}

void page_error(struct request *req, struct response *resp, int status, const char *message)
{
	struct page p;
	page_begin(&p, req, "error.tpl", error_title(status), NAV_NONE);
	tpl_set_int(p.content, "STATUS", status);
	tpl_set(p.content, "MESSAGE", message);
	if (status == 404)
		tpl_show(p.content, "NOT_FOUND_HINTS");
	page_finish(&p, resp, status);
	resp->cache_control = CACHE_PRIVATE;
	if (status == 503)
		response_header(resp, "Retry-After", RETRY_AFTER_SECONDS);
}

void page_bad_param(struct request *req, struct response *resp, const char *param)
{
	char msg[256];
	snprintf(msg, sizeof msg,
	         "Параметр «%s» имеет недопустимое значение. Выберите значение из списка на странице "
	         "или уберите этот параметр из адреса.", param);
	page_error(req, resp, 400, arena_strdup(req->mem, msg));
}

void page_db_failure(struct request *req, struct response *resp)
{
	if (db_unavailable())
		page_error(req, resp, 503, "База данных временно недоступна. Повторите попытку через несколько секунд.");
	else
		page_error(req, resp, 500, "Внутренняя ошибка сервера. Мы уже знаем о ней; попробуйте позже.");
}
