/* handlers/staff_news.c: a centre's news as its staff keep them
 * (/staff/news): the list with drafts, writing a draft (one record per form,
 * however often it is sent), editing, publishing and taking down. */
#include "staff.h"

#include <string.h>

#include "../timefmt.h"

#define NEWS_TITLE_MAX_CHARS 200
#define NEWS_SUMMARY_MAX_CHARS 500
#define NEWS_BODY_MAX_CHARS 6000

static const struct form_field news_fields[] = {
	{ "title", "TITLE_VALUE", "TITLE_ERROR", FORM_TEXT, NEWS_TITLE_MAX_CHARS, true, NULL },
	{ "summary", "SUMMARY", "SUMMARY_ERROR", FORM_MULTILINE, NEWS_SUMMARY_MAX_CHARS, true, NULL },
	{ "body", "BODY", "BODY_ERROR", FORM_MULTILINE, NEWS_BODY_MAX_CHARS, true, NULL },
	FORM_TOKEN_FIELD,
};
#define NNEWS (sizeof news_fields / sizeof news_fields[0])

/* Where each field of news_fields is stored in a NEWS_* row. */
static const size_t news_columns[NNEWS] = { NEWS_TITLE, NEWS_SUMMARY, NEWS_BODY, STAFF_NO_COLUMN };

static const struct staff_entity news_entity = {
	"news", "/staff/news", news_by_id, NEWS_CENTRE_ID, NEWS_STATUS, news_set_status,
	"Новость не найдена. Откройте её из списка новостей центра.",
};

/* GET /staff/news: the centre's news, drafts too. */
void handle_staff_news(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/news", &c) != 0)
		return;
	struct db_rows *r = news_of_centre(req->mem, c.id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_news.tpl", "Новости центра", &c, STAFF_TAB_NEWS);
	tpl_set(p.content, "NEW_URL", staff_link(req->mem, "/staff/news/new", &c));
	tpl_set_int(p.content, "TOTAL", (long long)r->nrows);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "NEWS");
		tpl_set(s, "ID", db_cell(r, i, NEWS_ID));
		tpl_set(s, "TITLE", db_cell(r, i, NEWS_TITLE));
		const char *status = db_cell(r, i, NEWS_STATUS);
		tpl_set(s, "STATUS", label_text(news_status_labels, status));
		if (strcmp(status, "published") == 0)
			tpl_set(tpl_section(s, "PUBLISHED"), "PUBLISHED_AT",
			        format_date_ru(req->mem, db_cell(r, i, NEWS_PUBLISHED_AT)));
	}
	if (r->nrows == 0)
		tpl_show(p.content, "EMPTY");
	page_finish(&p, resp, 200);
}

/* What a news form needs besides its fields. */
struct news_form {
	struct staff_centre c;
	struct form f;
	const struct db_rows *row; /* the stored item (NEWS_*), NULL when creating */
	long long id;              /* 0 when creating */
};

/* The news form, new or edit, with the actions its status allows. */
static void render_news_form(struct request *req, struct response *resp, const struct news_form *nf, int status)
{
	struct page p;
	const char *title = nf->id ? db_cell(nf->row, 0, NEWS_TITLE) : "Новая новость";
	staff_page_begin(&p, req, "staff_news_form.tpl", title, &nf->c, STAFF_TAB_NEWS);
	form_fill(&nf->f, p.content);
	tpl_set(p.content, "LIST_URL", staff_link(req->mem, "/staff/news", &nf->c));
	if (nf->id == 0) {
		tpl_show(p.content, "IS_NEW");
	} else {
		tpl_dict *e = tpl_section(p.content, "IS_EDIT");
		tpl_set_int(e, "ID", nf->id);
		bool published = strcmp(db_cell(nf->row, 0, NEWS_STATUS), "published") == 0;
		tpl_show(e, published ? "PUBLISHED" : "DRAFT");
		if (status == 200)
			staff_saved_notice(req, p.content);
	}
	page_finish(&p, resp, status);
}

/* The form's values as the store takes them. */
static struct news_input news_input_of(const struct form *f)
{
	return (struct news_input){ form_value(f, "title"), form_value(f, "summary"), form_value(f, "body") };
}

/* staff_write's step for a new draft. */
static long long write_new_news(struct request *req, void *ctx)
{
	const struct news_form *nf = ctx;
	struct news_input in = news_input_of(&nf->f);
	return news_create(nf->c.id, req->user->id, &in, form_value(&nf->f, "form_token"));
}

/* staff_write's step for an edit. */
static long long write_news_edit(struct request *req, void *ctx)
{
	const struct news_form *nf = ctx;
	struct news_input in = news_input_of(&nf->f);
	return news_update(nf->id, &in) == 0 ? nf->id : -1;
}

/* GET /staff/news/new: an empty news form with a fresh one-time token. */
void handle_staff_news_new(struct request *req, struct response *resp)
{
	struct news_form nf = { 0 };
	if (staff_centre_from_request(req, resp, "/staff/news/new", &nf.c) != 0)
		return;
	form_init(&nf.f, req->mem, news_fields, NNEWS);
	form_set_value(&nf.f, "form_token", form_new_token(req->mem));
	render_news_form(req, resp, &nf, 200);
}

/* POST /staff/news/new: creates the draft (once per form token). */
void handle_staff_news_create(struct request *req, struct response *resp)
{
	struct news_form nf = { 0 };
	if (staff_centre_from_request(req, resp, "/staff/news/new", &nf.c) != 0)
		return;
	form_init(&nf.f, req->mem, news_fields, NNEWS);
	form_read(&nf.f, req);
	form_check_token(req->mem, &nf.f);
	if (nf.f.nerrors > 0) {
		render_news_form(req, resp, &nf, 400);
		return;
	}
	struct audit_field changes[NNEWS];
	size_t n = audit_changed(changes, staff_form_changes(&nf.f, NULL, news_columns, changes));
	long long id = staff_write(req, write_new_news, &nf, "news.create", "news", nf.c.id, changes, n);
	if (id == 0) /* the same form again: show what the first one made */
		id = news_id_by_form_token(req->mem, nf.c.id, form_value(&nf.f, "form_token"));
	if (id <= 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, &news_entity, id);
}

/* GET /staff/news/{id}: the news form, filled from the stored item. */
void handle_staff_news_edit(struct request *req, struct response *resp)
{
	struct news_form nf = { 0 };
	nf.row = staff_load(req, resp, &news_entity, &nf.id, &nf.c);
	if (nf.row == NULL)
		return;
	form_init(&nf.f, req->mem, news_fields, NNEWS);
	staff_form_load(&nf.f, nf.row, news_columns);
	render_news_form(req, resp, &nf, 200);
}

/* POST /staff/news/{id}: saves the edited item. */
void handle_staff_news_save(struct request *req, struct response *resp)
{
	struct news_form nf = { 0 };
	nf.row = staff_load(req, resp, &news_entity, &nf.id, &nf.c);
	if (nf.row == NULL)
		return;
	form_init(&nf.f, req->mem, news_fields, NNEWS);
	if (form_read(&nf.f, req) > 0) {
		render_news_form(req, resp, &nf, 400);
		return;
	}
	struct audit_field changes[NNEWS];
	size_t n = audit_changed(changes, staff_form_changes(&nf.f, nf.row, news_columns, changes));
	if (n > 0 && staff_write(req, write_news_edit, &nf, "news.update", "news", nf.c.id, changes, n) < 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, &news_entity, nf.id);
}

/* POST /staff/news/{id}/publish: makes the item public. */
void handle_staff_news_publish(struct request *req, struct response *resp)
{
	staff_status_action(req, resp, &news_entity, "news.publish", "published");
}

/* POST /staff/news/{id}/unpublish: takes the item down (back to a draft). */
void handle_staff_news_unpublish(struct request *req, struct response *resp)
{
	staff_status_action(req, resp, &news_entity, "news.unpublish", "draft");
}
