/* handlers/ngos.c: the NGO registry (/ngos, search and district filter) and
 * one NGO (/ngos/{id}). */
#include "handlers.h"

#include <string.h>

#include "../stem.h"
#include "../validate.h"

#define REGISTRY_PAGE_SIZE 30

enum { NQ_Q, NQ_DISTRICT, NQ_PAGE, NQ__MAX };

static void fill_ngo_item(tpl_dict *s, const struct db_rows *r, size_t i)
{
	tpl_set(s, "ID", db_cell(r, i, NGO_ID));
	tpl_set(s, "NAME", db_cell(r, i, NGO_NAME));
	tpl_set(s, "SHORT_NAME", db_cell(r, i, NGO_SHORT_NAME));
	tpl_set(s, "LEGAL_FORM", label_text(legal_form_labels, db_cell(r, i, NGO_LEGAL_FORM)));
	tpl_set(s, "INN", db_cell(r, i, NGO_INN));
	tpl_set(s, "OGRN", db_cell(r, i, NGO_OGRN));
	tpl_set(s, "DISTRICT_NAME", db_cell(r, i, NGO_DISTRICT_NAME));
	tpl_set(s, "DISTRICT_SLUG", db_cell(r, i, NGO_DISTRICT_SLUG));
	tpl_set(s, "ACTIVITY", db_cell(r, i, NGO_ACTIVITY));
}

/* Reads q, district and page; returns 0, or the status already sent. */
static int read_registry(struct request *req, struct response *resp, struct link_param *params,
                         struct ngo_filter *f, int *page)
{
	static const char *const names[NQ__MAX] = { "q", "district", "page" };
	for (int i = 0; i < NQ__MAX; i++) {
		params[i].name = names[i];
		params[i].value = query_value(req, names[i]);
	}
	const char *q = params[NQ_Q].value, *district = params[NQ_DISTRICT].value;
	*page = 1;
	memset(f, 0, sizeof *f);
	if (q != NULL && !valid_text(q, SEARCH_MAX_CHARS)) {
		page_error(req, resp, 400, "Поисковый запрос слишком длинный: не больше 200 символов.");
		return 400;
	}
	if (params[NQ_PAGE].value && !valid_page(params[NQ_PAGE].value, page)) {
		page_bad_param(req, resp, "page");
		return 400;
	}
	if (district != NULL) {
		f->district_id = valid_slug(district) ? district_id_by_slug(req->mem, district) : 0;
		if (f->district_id < 0) {
			page_db_failure(req, resp);
			return resp->status;
		}
		if (f->district_id == 0) {
			page_bad_param(req, resp, "district");
			return 400;
		}
	}
	f->fulltext = q ? stem_boolean_query(req->mem, q) : "";
	return 0;
}

void handle_ngos(struct request *req, struct response *resp)
{
	struct link_param params[NQ__MAX];
	struct ngo_filter f;
	int page;
	if (read_registry(req, resp, params, &f, &page) != 0)
		return;
	struct db_rows *districts = districts_all(req->mem);
	long long total;
	struct db_rows *rows = ngos_search(req->mem, &f, REGISTRY_PAGE_SIZE, (page - 1) * REGISTRY_PAGE_SIZE,
	                                   LISTING_COUNT_MAX, &total);
	if (districts == NULL || rows == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (page > 1 && rows->nrows == 0) {
		page_error(req, resp, 404, "Такой страницы реестра нет. Вернитесь к первой странице.");
		return;
	}
	int pages = listing_pages(total, REGISTRY_PAGE_SIZE, page);
	struct page p;
	page_begin(&p, req, "ngos.tpl", "Реестр НКО", NAV_NGOS);
	tpl_set(p.content, "Q", params[NQ_Q].value ? params[NQ_Q].value : "");
	fill_district_options(p.content, "DISTRICT_OPTION", districts, params[NQ_DISTRICT].value);
	fill_count(p.content, req->mem, "TOTAL", "TOTAL_WORD", total, "организация", "организации", "организаций");
	for (size_t i = 0; i < rows->nrows; i++)
		fill_ngo_item(tpl_section(p.content, "NGO"), rows, i);
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(p.content, req->mem, "/ngos", params, NQ__MAX, NQ_PAGE, page, pages);
	page_finish(&p, resp, 200);
}

void handle_ngo(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	struct db_rows *r = ngo_by_id(req->mem, id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (r->nrows == 0) {
		page_error(req, resp, 404, "Организация не найдена в реестре. Найдите её через поиск по реестру.");
		return;
	}
	struct page p;
	page_begin(&p, req, "ngo.tpl", db_cell(r, 0, NGO_SHORT_NAME), NAV_NGOS);
	fill_ngo_item(p.content, r, 0);
	set_optional(p.content, "HAS_ADDRESS", "ADDRESS", db_cell(r, 0, NGO_ADDRESS));
	set_optional(p.content, "HAS_PHONE", "PHONE", db_cell(r, 0, NGO_PHONE));
	set_optional(p.content, "HAS_EMAIL", "EMAIL", db_cell(r, 0, NGO_EMAIL));
	set_optional(p.content, "HAS_WEBSITE", "WEBSITE", db_cell(r, 0, NGO_WEBSITE));
	tpl_set(p.content, "REGISTERED_ON", db_cell(r, 0, NGO_REGISTERED_ON));
	if (db_cell_int(r, 0, NGO_IS_DEMO))
		tpl_show(p.content, "DEMO");
	page_finish(&p, resp, 200);
}
