/* routes.c: the route table, readable top to bottom: one row per URL of the
 * public contract (DESIGN.md), with its method and handler. */
#include "routes.h"

#include "handlers/handlers.h"
#include "page.h"
#include "router.h"

static const struct route routes[] = {
	{ METHOD_GET, "/",               handle_home },
	{ METHOD_GET, "/centres",        handle_centres },
	{ METHOD_GET, "/centres/{slug}", handle_centre },
	{ METHOD_GET, "/services",       handle_services },
	{ METHOD_GET, "/services/{id}",  handle_service },
	{ METHOD_GET, "/ngos",           handle_ngos },
	{ METHOD_GET, "/ngos/{id}",      handle_ngo },
};

void dispatch(struct request *req, struct response *resp)
{
	if (req->error_status != 0) {
		page_error(req, resp, req->error_status, req->error);
		return;
	}
	int status;
	const struct route *r = router_match(routes, sizeof routes / sizeof routes[0], req, &status);
	if (r != NULL) {
		r->handler(req, resp);
		return;
	}
	if (status == 405)
		page_error(req, resp, 405, "Этот адрес не принимает такой запрос. Откройте страницу по ссылке.");
	else
		page_error(req, resp, 404, "Такой страницы нет. Проверьте адрес или воспользуйтесь поиском по каталогу.");
}
