/* handlers/services.c: the service catalogue (/services) with its combinable
 * filters, and one service (/services/{id}). Each filter is read through the
 * validator of its kind; an unknown value is a 400 that names the parameter. */
#include "handlers.h"

#include <string.h>

#include "../stem.h"
#include "../validate.h"

#define CATALOGUE_PAGE_SIZE 20

/* The catalogue's parameters, in the order links are written. */
enum { CQ_Q, CQ_DISTRICT, CQ_CENTRE, CQ_CATEGORY, CQ_TARGET, CQ_FORMAT, CQ_COST, CQ_PAGE, CQ__MAX };
static const char *const catalogue_params[CQ__MAX] = {
	"q",        /* CQ_Q: search words */
	"district", /* CQ_DISTRICT: district slug */
	"centre",   /* CQ_CENTRE: the slug of the centre that gives the service */
	"category", /* CQ_CATEGORY: category slug, a group includes its children */
	"target",   /* CQ_TARGET: target_labels value */
	"format",   /* CQ_FORMAT: format_labels value */
	"cost",     /* CQ_COST: cost_labels value */
	"page",     /* CQ_PAGE: 1..PAGE_MAX */
};

struct catalogue {
	struct link_param params[CQ__MAX];
	struct service_filter filter;
	int page;
	struct db_rows *districts;
	struct db_rows *categories;
};

/* Names the first of the catalogue's enum filters whose value is not one of
 * its labels' values, or returns NULL. */
static const char *bad_enum_filter(const struct service_filter *f)
{
	if (f->target && label_index(target_labels, f->target) < 0)
		return "target";
	if (f->format && label_index(format_labels, f->format) < 0)
		return "format";
	if (f->cost && label_index(cost_labels, f->cost) < 0)
		return "cost";
	return NULL;
}

int read_service_filter(struct request *req, struct service_filter *f, const char **bad)
{
	const char *q = query_value(req, "q");
	memset(f, 0, sizeof *f);
	f->target = query_value(req, "target");
	f->format = query_value(req, "format");
	f->cost = query_value(req, "cost");
	*bad = q != NULL && !valid_text(q, SEARCH_MAX_CHARS) ? "q" : bad_enum_filter(f);
	if (*bad != NULL)
		return 400;
	int rc = slug_to_id(req->mem, query_value(req, "district"), district_id_by_slug, &f->district_id);
	if (rc != 0) {
		*bad = "district";
		return rc;
	}
	rc = slug_to_id(req->mem, query_value(req, "category"), category_id_by_slug, &f->category_id);
	if (rc != 0) {
		*bad = "category";
		return rc;
	}
	rc = slug_to_id(req->mem, query_value(req, "centre"), centre_id_by_slug, &f->centre_id);
	if (rc != 0) {
		*bad = "centre";
		return rc;
	}
	f->fulltext = q ? stem_boolean_query(req->mem, q) : "";
	return 0;
}

/* Reads and validates every parameter; returns 0, or the status already sent. */
static int read_catalogue(struct request *req, struct response *resp, struct catalogue *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < CQ__MAX; i++) {
		c->params[i].name = catalogue_params[i];
		c->params[i].value = query_value(req, catalogue_params[i]);
	}
	const char *bad;
	int rc = check_page(req, resp, c->params[CQ_PAGE].value, &c->page);
	if (rc != 0)
		return rc;
	rc = read_service_filter(req, &c->filter, &bad);
	if (rc < 0)
		page_db_failure(req, resp);
	else if (rc == 400 && strcmp(bad, "q") == 0)
		page_error(req, resp, 400, "Поисковый запрос слишком длинный: не больше 200 символов.");
	else if (rc == 400)
		page_bad_param(req, resp, bad);
	return rc == 0 ? 0 : resp->status;
}

void fill_service_item(tpl_dict *s, const struct db_rows *r, size_t i)
{
	tpl_set(s, "ID", db_cell(r, i, SERVICE_ID));
	tpl_set(s, "TITLE", db_cell(r, i, SERVICE_TITLE));
	tpl_set(s, "SUMMARY", db_cell(r, i, SERVICE_SUMMARY));
	tpl_set(s, "CENTRE_SLUG", db_cell(r, i, SERVICE_CENTRE_SLUG));
	tpl_set(s, "CENTRE_NAME", db_cell(r, i, SERVICE_CENTRE_NAME));
	tpl_set(s, "CATEGORY_NAME", db_cell(r, i, SERVICE_CATEGORY_NAME));
	tpl_set(s, "TARGET", label_text(target_labels, db_cell(r, i, SERVICE_TARGET)));
	tpl_set(s, "FORMAT", label_text(format_labels, db_cell(r, i, SERVICE_FORMAT)));
	tpl_set(s, "COST", label_text(cost_labels, db_cell(r, i, SERVICE_COST)));
	tpl_set(s, "COST_VALUE", db_cell(r, i, SERVICE_COST));
}

void add_service_card(tpl_dict *list, const struct db_rows *r, size_t i)
{
	tpl_dict *card = tpl_include(tpl_section(list, "SERVICE"), "SERVICE_ITEM", "service_item.tpl");
	fill_service_item(card, r, i);
}

void fill_category_options(tpl_dict *d, const struct db_rows *cats, const char *selected)
{
	for (size_t i = 0; i < cats->nrows; i++) {
		tpl_dict *o = tpl_section(d, "CATEGORY_OPTION");
		const char *slug = db_cell(cats, i, CATEGORY_SLUG);
		tpl_set(o, "OPTION_VALUE", slug);
		tpl_set(o, "OPTION_TEXT", db_cell(cats, i, CATEGORY_NAME));
		if (db_cell(cats, i, CATEGORY_PARENT_ID) != NULL)
			tpl_show(o, "OPTION_CHILD");
		if (selected && strcmp(selected, slug) == 0)
			tpl_show(o, "OPTION_SELECTED");
	}
}

static void fill_filters(tpl_dict *d, const struct catalogue *c)
{
	tpl_set(d, "Q", c->params[CQ_Q].value ? c->params[CQ_Q].value : "");
	fill_district_options(d, "DISTRICT_OPTION", c->districts, c->params[CQ_DISTRICT].value);
	fill_category_options(d, c->categories, c->params[CQ_CATEGORY].value);
	fill_label_options(d, "TARGET_OPTION", target_labels, c->params[CQ_TARGET].value);
	fill_label_options(d, "FORMAT_OPTION", format_labels, c->params[CQ_FORMAT].value);
	fill_label_options(d, "COST_OPTION", cost_labels, c->params[CQ_COST].value);
	if (c->params[CQ_CENTRE].value != NULL)
		tpl_set(tpl_section(d, "CENTRE_FILTER"), "CENTRE_VALUE", c->params[CQ_CENTRE].value);
}

/* Links that each drop one active filter: what to try when nothing matched. */
static void fill_loosening(tpl_dict *d, arena *mem, const struct catalogue *c)
{
	static const char *const names[CQ__MAX] = {
		"поисковый запрос", "район", "центр", "вид поддержки", "для кого", "формат", "стоимость", NULL,
	};
	struct link_param params[CQ__MAX];
	for (int skip = CQ_Q; skip < CQ_PAGE; skip++) {
		if (c->params[skip].value == NULL)
			continue;
		memcpy(params, c->params, sizeof params);
		params[skip].value = NULL;
		params[CQ_PAGE].value = NULL;
		tpl_dict *s = tpl_section(d, "LOOSEN");
		tpl_set(s, "LOOSEN_URL", build_link(mem, "/services", params, CQ__MAX));
		tpl_set(s, "LOOSEN_WHAT", names[skip]);
	}
}

void handle_services(struct request *req, struct response *resp)
{
	struct catalogue c;
	if (read_catalogue(req, resp, &c) != 0)
		return;
	c.districts = districts_all(req->mem);
	c.categories = categories_all(req->mem);
	long long total;
	struct db_rows *rows = services_search(req->mem, &c.filter, CATALOGUE_PAGE_SIZE,
	                                       (c.page - 1) * CATALOGUE_PAGE_SIZE, LISTING_COUNT_MAX, &total);
	if (c.districts == NULL || c.categories == NULL || rows == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (c.page > 1 && rows->nrows == 0) {
		page_error(req, resp, 404, "Такой страницы результатов нет: результатов меньше. Вернитесь к первой странице.");
		return;
	}
	int pages = listing_pages(total, CATALOGUE_PAGE_SIZE, c.page);
	struct page p;
	page_begin(&p, req, "services.tpl", "Каталог услуг", NAV_SERVICES);
	fill_filters(p.content, &c);
	fill_count(p.content, req->mem, "TOTAL", "TOTAL_WORD", total, "услуга", "услуги", "услуг");
	for (size_t i = 0; i < rows->nrows; i++)
		add_service_card(p.content, rows, i);
	if (total == 0) {
		tpl_show(p.content, "EMPTY");
		fill_loosening(p.content, req->mem, &c);
	}
	fill_pagination(p.content, req->mem, "/services", c.params, CQ__MAX, CQ_PAGE, c.page, pages);
	page_finish(&p, resp, 200);
}

static void fill_service_districts(tpl_dict *d, const struct db_rows *ds)
{
	for (size_t i = 0; i < ds->nrows; i++) {
		tpl_dict *s = tpl_section(d, "DISTRICT");
		tpl_set(s, "DISTRICT_NAME", db_cell(ds, i, DISTRICT_NAME));
		tpl_set(s, "DISTRICT_SLUG", db_cell(ds, i, DISTRICT_SLUG));
	}
}

void handle_service(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	render_service(req, resp, id, NULL, 200);
}

void render_service(struct request *req, struct response *resp, long long id, const struct form *request,
                    int status)
{
	struct db_rows *r = service_by_id(req->mem, id);
	struct db_rows *ds = r && r->nrows ? service_districts(req->mem, id) : NULL;
	if (r == NULL || (r->nrows && ds == NULL)) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0) {
		page_error(req, resp, 404, "Услуга не найдена. Возможно, ссылка устарела; найдите услугу в каталоге.");
		return;
	}
	struct page p;
	page_begin(&p, req, "service.tpl", db_cell(r, 0, SERVICE_TITLE), NAV_SERVICES);
	tpl_dict *d = p.content;
	fill_service_item(d, r, 0);
	tpl_set(d, "CATEGORY_SLUG", db_cell(r, 0, SERVICE_CATEGORY_SLUG));
	tpl_set(d, "DESCRIPTION", db_cell(r, 0, SERVICE_DESCRIPTION));
	tpl_set(d, "UPDATED_AT", db_cell(r, 0, SERVICE_UPDATED_AT));
	if (strcmp(db_cell(r, 0, SERVICE_STATUS), "archived") == 0)
		tpl_show(d, "ARCHIVED");
	else if (fill_request_form(req, d, id, request) != 0) {
		tpl_dict_free(p.root);
		page_db_failure(req, resp);
		return;
	}
	set_optional(d, "HAS_PARENT_CATEGORY", "PARENT_CATEGORY_NAME", db_cell(r, 0, SERVICE_PARENT_CATEGORY_NAME));
	tpl_set(d, "PARENT_CATEGORY_SLUG", db_cell(r, 0, SERVICE_PARENT_CATEGORY_SLUG));
	set_optional(d, "HAS_PRICE_NOTE", "PRICE_NOTE", db_cell(r, 0, SERVICE_PRICE_NOTE));
	set_optional(d, "HAS_ELIGIBILITY", "ELIGIBILITY", db_cell(r, 0, SERVICE_ELIGIBILITY));
	set_optional(d, "HAS_CONTACT_NAME", "CONTACT_NAME", db_cell(r, 0, SERVICE_CONTACT_NAME));
	set_optional(d, "HAS_CONTACT_PHONE", "CONTACT_PHONE", db_cell(r, 0, SERVICE_CONTACT_PHONE));
	set_optional(d, "HAS_CONTACT_EMAIL", "CONTACT_EMAIL", db_cell(r, 0, SERVICE_CONTACT_EMAIL));
	fill_service_districts(d, ds);
	tpl_set_int(d, "DISTRICT_COUNT", (long long)ds->nrows);
	if (fill_service_quality(req, d, id, db_cell(r, 0, SERVICE_CENTRE_SLUG)) != 0) {
		tpl_dict_free(p.root);
		page_db_failure(req, resp);
		return;
	}
	page_finish(&p, resp, status);
}
