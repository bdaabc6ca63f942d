/* handlers/admin_quality.c: the moderator keeps the unified quality
 * standard (/admin/quality) and moderates the comments of ratings
 * (/admin/feedback).
 *
 * A version is a draft, published (one at a time) or retired. A new draft
 * starts as a copy of the published version; only a draft's criteria can be
 * added, changed (name, description, weight > 0) or removed; publishing it
 * retires the version before it. Ratings keep the version they were given
 * under, so nothing here ever changes a rating. Every change is written in
 * one transaction with its audit record. */
#include "staff.h" /* staff_write: a write and its audit record */

#include <stdlib.h>
#include <string.h>

#include "../quality.h"
#include "../timefmt.h"
#include "../validate.h"

#define CRITERION_NAME_MAX_CHARS 200         /* quality_criteria.name VARCHAR(200) */
#define CRITERION_DESCRIPTION_MAX_CHARS 1000 /* quality_criteria.description VARCHAR(1000) */
#define WEIGHT_MAX_CHARS 6                   /* "100,00" */
#define FEEDBACK_PAGE_SIZE 20
#define NEW_STANDARD_TITLE "Единый стандарт качества услуг ресурсных центров"
#define NEW_STANDARD_DESCRIPTION \
	"Критерии, по которым получатели оценивают услуги ресурсных центров поддержки НКО."
#define NOT_A_DRAFT                                                                          \
	"Эта версия стандарта уже опубликована: её критерии не меняются, чтобы поставленные по " \
	"ней оценки остались прежними. Создайте черновик новой версии на странице «Стандарт качества»."
#define NO_VERSION "Такой версии стандарта нет. Выберите версию из списка на странице «Стандарт качества»."
#define BAD_CODE "Код — латинские строчные буквы, цифры и дефисы, например timeliness."
#define BAD_WEIGHT "Вес — число больше 0 и не больше 100, не больше двух знаков после запятой, например 1,5."

/* The criterion form: the code only when adding (fields + 1 when editing). */
static const struct form_field criterion_fields[] = {
	{ "code", "CODE", "CODE_ERROR", FORM_TEXT, SLUG_MAX_LEN, true, NULL },
	{ "name", "NAME", "NAME_ERROR", FORM_TEXT, CRITERION_NAME_MAX_CHARS, true, NULL },
	{ "description", "DESCRIPTION", "DESCRIPTION_ERROR", FORM_MULTILINE, CRITERION_DESCRIPTION_MAX_CHARS, true, NULL },
	{ "weight", "WEIGHT", "WEIGHT_ERROR", FORM_TEXT, WEIGHT_MAX_CHARS, true, NULL },
};
#define NCRITERION (sizeof criterion_fields / sizeof criterion_fields[0])

/* A criterion form sent with errors: which one (0 = the form adding one). */
struct typed_criterion {
	long long id;
	struct form f;
};

/* The audit record's fields of a criterion: before (row of QC_* or NULL) and after. */
struct criterion_change {
	long long standard_id, id;
	struct quality_criterion_input in;
};

/* ---- the list of versions --------------------------------------------------- */

/* GET /admin/quality: every version, the draft in preparation. */
void handle_admin_quality(struct request *req, struct response *resp)
{
	struct db_rows *r = quality_standards(req->mem);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	page_begin(&p, req, "admin_quality.tpl", "Стандарт качества", NAV_NONE);
	tpl_set(p.content, "CSRF", req->user->csrf);
	bool draft = false;
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "VERSION");
		const char *status = db_cell(r, i, QS_STATUS);
		tpl_set(s, "ID", db_cell(r, i, QS_ID));
		tpl_set(s, "VERSION_NUMBER", db_cell(r, i, QS_VERSION));
		tpl_set(s, "VERSION_TITLE", db_cell(r, i, QS_TITLE));
		tpl_set(s, "STATUS", status);
		tpl_set(s, "STATUS_LABEL", label_text(standard_status_labels, status));
		set_optional(s, "HAS_PUBLISHED", "PUBLISHED_AT", format_date_ru(req->mem, db_cell(r, i, QS_PUBLISHED_AT)));
		tpl_set(s, "CRITERIA", db_cell(r, i, QS_CRITERIA));
		tpl_set(s, "RATINGS", db_cell(r, i, QS_RATINGS));
		draft |= strcmp(status, "draft") == 0;
	}
	if (!draft)
		tpl_show(p.content, "CAN_CREATE");
	page_finish(&p, resp, 200);
}

/* staff_write's step: the draft, copied from the published version. */
static long long write_draft(struct request *req, void *ctx)
{
	return quality_draft_create(ctx);
}

/* POST /admin/quality/drafts: a draft copied from the published version;
 * 303 to it (to the existing one when there is a draft already). */
void handle_admin_quality_draft(struct request *req, struct response *resp)
{
	long long draft = quality_draft_id(req->mem);
	struct db_rows *cur = draft == 0 ? quality_standard_current(req->mem) : NULL;
	if (draft < 0 || (draft == 0 && cur == NULL)) {
		page_db_failure(req, resp);
		return;
	}
	if (draft == 0) {
		bool copy = cur->nrows > 0;
		struct quality_draft d = {
			copy ? db_cell(cur, 0, QS_TITLE) : NEW_STANDARD_TITLE,
			copy ? db_cell(cur, 0, QS_DESCRIPTION) : NEW_STANDARD_DESCRIPTION, req->user->id,
			copy ? db_cell_int(cur, 0, QS_ID) : 0,
		};
		struct audit_field f[] = { { "copied_from", NULL, copy ? db_cell(cur, 0, QS_VERSION) : "" } };
		draft = staff_write(req, write_draft, &d, "quality.create", "quality_standard", 0, f, 1);
		if (draft == 0) /* a second click: the first one's draft */
			draft = quality_draft_id(req->mem);
	}
	if (draft <= 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/admin/quality/%lld", draft));
}

/* ---- one version -------------------------------------------------------------- */

/* One CRITERION: its values, and in a draft its edit form (as typed when
 * it came back with errors). */
static void fill_criterion_row(struct request *req, tpl_dict *d, const struct db_rows *c, size_t i, double total,
                               bool draft, const struct typed_criterion *typed)
{
	tpl_dict *s = tpl_section(d, "CRITERION");
	char weight[QUALITY_FORMAT_MAX];
	double w = strtod(db_cell(c, i, QC_WEIGHT), NULL);
	quality_format(weight, sizeof weight, w);
	tpl_set(s, "CRITERION_ID", db_cell(c, i, QC_ID));
	tpl_set(s, "CRITERION_NAME", db_cell(c, i, QC_NAME));
	tpl_set(s, "CODE_VALUE", db_cell(c, i, QC_CODE));
	tpl_set_int(s, "SHARE", total > 0 ? (long long)(100 * w / total + 0.5) : 0);
	if (!draft) {
		tpl_dict *v = tpl_section(s, "READ_ONLY");
		tpl_set(v, "DESCRIPTION", db_cell(c, i, QC_DESCRIPTION));
		tpl_set(v, "WEIGHT", weight);
		return;
	}
	tpl_dict *e = tpl_section(s, "EDIT");
	struct form f;
	if (typed != NULL && typed->id == db_cell_int(c, i, QC_ID)) {
		f = typed->f;
	} else {
		form_init(&f, req->mem, criterion_fields + 1, NCRITERION - 1);
		form_set_value(&f, "name", db_cell(c, i, QC_NAME));
		form_set_value(&f, "description", db_cell(c, i, QC_DESCRIPTION));
		form_set_value(&f, "weight", db_cell(c, i, QC_WEIGHT));
	}
	form_fill(&f, e);
}

/* The page of version id; typed: a criterion form sent with errors. */
static void render_version(struct request *req, struct response *resp, long long id,
                           const struct typed_criterion *typed, int status)
{
	struct db_rows *v = quality_standard_by_id(req->mem, id);
	struct db_rows *c = v && v->nrows ? quality_criteria_of(req->mem, id) : NULL;
	if (v == NULL || (v->nrows && c == NULL)) {
		page_db_failure(req, resp);
		return;
	}
	if (v->nrows == 0) {
		page_error(req, resp, 404, NO_VERSION);
		return;
	}
	struct page p;
	page_begin(&p, req, "admin_quality_version.tpl",
	           arena_printf(req->mem, "Стандарт качества, версия %s", db_cell(v, 0, QS_VERSION)), NAV_NONE);
	tpl_dict *d = p.content;
	bool draft = strcmp(db_cell(v, 0, QS_STATUS), "draft") == 0;
	tpl_set(d, "CSRF", req->user->csrf);
	tpl_set_int(d, "ID", id);
	tpl_set(d, "VERSION_TITLE", db_cell(v, 0, QS_TITLE));
	tpl_set(d, "STATUS_LABEL", label_text(standard_status_labels, db_cell(v, 0, QS_STATUS)));
	set_optional(d, "HAS_PUBLISHED", "PUBLISHED_AT", format_date_ru(req->mem, db_cell(v, 0, QS_PUBLISHED_AT)));
	tpl_set(d, "RATINGS", db_cell(v, 0, QS_RATINGS));
	tpl_set_int(d, "CODE_MAX", SLUG_MAX_LEN);
	tpl_set_int(d, "NAME_MAX", CRITERION_NAME_MAX_CHARS);
	tpl_set_int(d, "DESCRIPTION_MAX", CRITERION_DESCRIPTION_MAX_CHARS);
	tpl_set_int(d, "WEIGHT_MAX", WEIGHT_MAX_CHARS);
	staff_saved_notice(req, d);
	double total = 0;
	for (size_t i = 0; i < c->nrows; i++)
		total += strtod(db_cell(c, i, QC_WEIGHT), NULL);
	for (size_t i = 0; i < c->nrows; i++)
		fill_criterion_row(req, d, c, i, total, draft, typed);
	if (draft) {
		tpl_dict *a = tpl_section(d, "DRAFT");
		struct form add;
		if (typed != NULL && typed->id == 0)
			add = typed->f;
		else
			form_init(&add, req->mem, criterion_fields, NCRITERION);
		form_fill(&add, a);
	}
	if (c->nrows == 0)
		tpl_show(d, "NO_CRITERIA");
	page_finish(&p, resp, status);
}

/* GET /admin/quality/{id}: a version and its criteria; a draft's are editable. */
void handle_admin_quality_version(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	render_version(req, resp, id, NULL, 200);
}

/* Reads a criterion form; checks the code and the weight, which the field
 * table cannot; *weight gets the weight as stored ("1.50"). */
static void read_criterion(struct request *req, struct form *f, const char **weight)
{
	form_read(f, req);
	const char *code = form_value(f, "code");
	if (f->fields == criterion_fields && code[0] && !valid_slug(code))
		form_set_error(f, "code", BAD_CODE);
	double w = 0;
	const char *typed = form_value(f, "weight");
	if (typed[0] && !quality_parse_weight(typed, &w))
		form_set_error(f, "weight", BAD_WEIGHT);
	*weight = arena_printf(req->mem, "%.2f", w);
}

/* The version of a path's {id} (QS_* columns), or NULL when the answer
 * (404, 5xx) was already sent. */
static struct db_rows *version_of(struct request *req, struct response *resp, long long *id)
{
	valid_id(request_param(req, "id"), id);
	struct db_rows *v = quality_standard_by_id(req->mem, *id);
	if (v == NULL)
		page_db_failure(req, resp);
	else if (v->nrows == 0)
		page_error(req, resp, 404, NO_VERSION);
	return v && v->nrows ? v : NULL;
}

/* True for a draft; else a 403 saying why a published version stays as it is. */
static bool is_draft(struct request *req, struct response *resp, const struct db_rows *v)
{
	if (strcmp(db_cell(v, 0, QS_STATUS), "draft") == 0)
		return true;
	page_error(req, resp, 403, NOT_A_DRAFT);
	return false;
}

/* staff_write's step: a new criterion (0 when the draft has its code). */
static long long write_criterion_add(struct request *req, void *ctx)
{
	struct criterion_change *ch = ctx;
	return quality_criterion_add(ch->standard_id, &ch->in);
}

/* POST /admin/quality/{id}/criteria: adds a criterion to a draft. */
void handle_admin_quality_criterion_add(struct request *req, struct response *resp)
{
	struct typed_criterion t = { 0 };
	struct criterion_change ch = { 0 };
	struct db_rows *v = version_of(req, resp, &ch.standard_id);
	if (v == NULL || !is_draft(req, resp, v))
		return;
	form_init(&t.f, req->mem, criterion_fields, NCRITERION);
	read_criterion(req, &t.f, &ch.in.weight);
	ch.in = (struct quality_criterion_input){ form_value(&t.f, "code"), form_value(&t.f, "name"),
	                                          form_value(&t.f, "description"), ch.in.weight };
	struct audit_field a[] = {
		{ "code", NULL, ch.in.code }, { "name", NULL, ch.in.name },
		{ "description", NULL, ch.in.description }, { "weight", NULL, ch.in.weight },
	};
	long long id = t.f.nerrors ? 0 : staff_write(req, write_criterion_add, &ch, "criterion.create",
	                                              "quality_criterion", 0, a, 4);
	if (id == 0 && t.f.nerrors == 0)
		form_set_error(&t.f, "code", "В этой версии уже есть критерий с таким кодом. Выберите другой код.");
	if (t.f.nerrors > 0)
		render_version(req, resp, ch.standard_id, &t, 400);
	else if (id < 0)
		page_db_failure(req, resp);
	else
		response_redirect(resp, 303, arena_printf(req->mem, "/admin/quality/%lld?saved=1#criterion-%lld",
		                                            ch.standard_id, id));
}

/* Loads the criterion of a path's {id} for a change of its draft: its row
 * (QC_* and QC_STANDARD_STATUS), or NULL when the answer was sent. */
static struct db_rows *criterion_of_draft(struct request *req, struct response *resp, long long *id)
{
	valid_id(request_param(req, "id"), id);
	struct db_rows *c = quality_criterion_by_id(req->mem, *id);
	if (c == NULL) {
		page_db_failure(req, resp);
		return NULL;
	}
	if (c->nrows == 0) {
		page_error(req, resp, 404, "Такого критерия нет. Откройте версию стандарта из списка.");
		return NULL;
	}
	if (strcmp(db_cell(c, 0, QC_STANDARD_STATUS), "draft") != 0) {
		page_error(req, resp, 403, NOT_A_DRAFT);
		return NULL;
	}
	return c;
}

/* staff_write's step: the criterion's new name, description and weight. */
static long long write_criterion_update(struct request *req, void *ctx)
{
	struct criterion_change *ch = ctx;
	return quality_criterion_update(ch->id, &ch->in) == 0 ? ch->id : -1;
}

/* POST /admin/quality/criteria/{id}: saves a criterion of a draft. */
void handle_admin_quality_criterion_save(struct request *req, struct response *resp)
{
	struct typed_criterion t = { 0 };
	struct criterion_change ch = { 0 };
	struct db_rows *c = criterion_of_draft(req, resp, &t.id);
	if (c == NULL)
		return;
	ch.id = t.id;
	ch.standard_id = db_cell_int(c, 0, QC_STANDARD_ID);
	form_init(&t.f, req->mem, criterion_fields + 1, NCRITERION - 1);
	read_criterion(req, &t.f, &ch.in.weight);
	if (t.f.nerrors > 0) {
		render_version(req, resp, ch.standard_id, &t, 400);
		return;
	}
	ch.in.name = form_value(&t.f, "name");
	ch.in.description = form_value(&t.f, "description");
	struct audit_field a[] = {
		{ "name", db_cell(c, 0, QC_NAME), ch.in.name },
		{ "description", db_cell(c, 0, QC_DESCRIPTION), ch.in.description },
		{ "weight", db_cell(c, 0, QC_WEIGHT), ch.in.weight },
	};
	size_t n = audit_changed(a, 3);
	if (n > 0 && staff_write(req, write_criterion_update, &ch, "criterion.update", "quality_criterion", 0, a, n) < 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/admin/quality/%lld?saved=1#criterion-%lld",
	                                          ch.standard_id, ch.id));
}

/* staff_write's step: removes the criterion. */
static long long write_criterion_delete(struct request *req, void *ctx)
{
	const long long *id = ctx;
	return quality_criterion_delete(*id) == 0 ? *id : -1;
}

/* POST /admin/quality/criteria/{id}/delete: removes a criterion from a draft. */
void handle_admin_quality_criterion_delete(struct request *req, struct response *resp)
{
	long long id;
	struct db_rows *c = criterion_of_draft(req, resp, &id);
	if (c == NULL)
		return;
	struct audit_field a[] = {
		{ "code", db_cell(c, 0, QC_CODE), NULL }, { "name", db_cell(c, 0, QC_NAME), NULL },
		{ "weight", db_cell(c, 0, QC_WEIGHT), NULL },
	};
	if (staff_write(req, write_criterion_delete, &id, "criterion.delete", "quality_criterion", 0, a, 3) < 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/admin/quality/%lld?saved=1",
	                                          db_cell_int(c, 0, QC_STANDARD_ID)));
}

/* Publishes draft id in the current transaction, retiring the version
 * before it, with an audit record of each. 0 or -1. */
static int write_publish(struct request *req, long long id, const struct db_rows *before)
{
	struct audit_field pub[] = { { "status", "draft", "published" } };
	struct audit_field ret[] = { { "status", "published", "retired" } };
	if (before->nrows > 0 && audit_record(req, "quality.retire", "quality_standard",
	                                      db_cell_int(before, 0, QS_ID), 0, ret, 1) != 0)
		return -1;
	return quality_publish(id) == 0 && audit_record(req, "quality.publish", "quality_standard", id, 0, pub, 1) == 0
	           ? 0
	           : -1;
}

/* POST /admin/quality/{id}/publish: the draft becomes the version in force;
 * publishing it again (a second click) changes nothing. */
void handle_admin_quality_publish(struct request *req, struct response *resp)
{
	long long id;
	struct db_rows *v = version_of(req, resp, &id);
	if (v == NULL)
		return;
	const char *done = arena_printf(req->mem, "/admin/quality/%lld?saved=1", id);
	if (strcmp(db_cell(v, 0, QS_STATUS), "published") == 0) {
		response_redirect(resp, 303, done);
		return;
	}
	if (!is_draft(req, resp, v))
		return;
	struct db_rows *c = quality_criteria_of(req->mem, id), *before = quality_standard_current(req->mem);
	if (c == NULL || before == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (c->nrows == 0) {
		page_error(req, resp, 400, "В черновике нет ни одного критерия. Добавьте критерии и опубликуйте версию снова.");
		return;
	}
	struct db_rows *locked = db_begin() == 0 ? quality_standard_lock(req->mem, id) : NULL;
	bool still_draft = locked && locked->nrows && strcmp(db_cell(locked, 0, 0), "draft") == 0;
	if (!still_draft || write_publish(req, id, before) != 0 || db_commit() != 0) {
		db_rollback();
		if (locked == NULL || still_draft) {
			page_db_failure(req, resp);
			return;
		}
	}
	response_redirect(resp, 303, done);
}

/* ---- moderation of comments ---------------------------------------------------- */

/* Status tabs with their counts, the current one marked. */
static void fill_feedback_tabs(tpl_dict *d, arena *mem, const struct db_rows *counts, const char *status)
{
	for (int i = 0; comment_status_labels[i].value != NULL; i++) {
		const char *value = comment_status_labels[i].value;
		long long n = 0;
		for (size_t k = 0; k < counts->nrows; k++)
			if (strcmp(db_cell(counts, k, 0), value) == 0)
				n = db_cell_int(counts, k, 1);
		tpl_dict *t = tpl_section(d, "TAB");
		struct link_param lp[] = { { "status", value } };
		tpl_set(t, "TAB_URL", build_link(mem, "/admin/feedback", lp, 1));
		tpl_set(t, "TAB_TEXT", comment_status_labels[i].text);
		tpl_set(t, "TAB_STATUS", value);
		tpl_set_int(t, "TAB_COUNT", n);
		if (strcmp(value, status) == 0)
			tpl_show(t, "TAB_CURRENT");
	}
}

/* One ITEM: a comment with its service, centre and the actions it allows. */
static void add_feedback_item(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_dict *s = tpl_section(d, "ITEM");
	const char *status = db_cell(r, i, FBM_STATUS);
	char overall[QUALITY_FORMAT_MAX];
	quality_format(overall, sizeof overall, strtod(db_cell(r, i, FBM_OVERALL), NULL));
	tpl_set(s, "ID", db_cell(r, i, FBM_ID));
	tpl_set(s, "COMMENT", db_cell(r, i, FBM_COMMENT));
	tpl_set(s, "OVERALL", overall);
	tpl_set(s, "CREATED_AT", format_datetime_ru(mem, db_cell(r, i, FBM_CREATED_AT)));
	tpl_set(s, "SERVICE_ID", db_cell(r, i, FBM_SERVICE_ID));
	tpl_set(s, "SERVICE_TITLE", db_cell(r, i, FBM_SERVICE_TITLE));
	tpl_set(s, "CENTRE_SLUG", db_cell(r, i, FBM_CENTRE_SLUG));
	tpl_set(s, "CENTRE_NAME", db_cell(r, i, FBM_CENTRE_NAME));
	tpl_set(s, "STATUS_LABEL", label_text(comment_status_labels, status));
	if (db_cell(r, i, FBM_MODERATED_AT) != NULL) {
		tpl_dict *m = tpl_section(s, "MODERATED");
		tpl_set(m, "MODERATED_AT", format_datetime_ru(mem, db_cell(r, i, FBM_MODERATED_AT)));
		tpl_set(m, "MODERATOR", db_cell(r, i, FBM_MODERATOR_NAME));
	}
	if (strcmp(status, "approved") != 0)
		tpl_show(s, "CAN_APPROVE");
	if (strcmp(status, "rejected") != 0)
		tpl_show(s, "CAN_REJECT");
}

/* GET /admin/feedback?status=&page=: comments to moderate (pending by default). */
void handle_admin_feedback(struct request *req, struct response *resp)
{
	struct link_param params[] = { { "status", query_value(req, "status") }, { "page", query_value(req, "page") } };
	const char *status = params[0].value ? params[0].value : "pending";
	int page;
	if (check_enum(req, resp, "status", params[0].value, comment_status_labels) != 0 ||
	    check_page(req, resp, params[1].value, &page) != 0)
		return;
	struct db_rows *counts = feedback_moderation_counts(req->mem);
	struct db_rows *r = feedback_for_moderation(req->mem, status, FEEDBACK_PAGE_SIZE, (page - 1) * FEEDBACK_PAGE_SIZE);
	if (counts == NULL || r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	long long total = 0;
	for (size_t k = 0; k < counts->nrows; k++)
		if (strcmp(db_cell(counts, k, 0), status) == 0)
			total = db_cell_int(counts, k, 1);
	struct page p;
	page_begin(&p, req, "admin_feedback.tpl", "Отзывы об услугах", NAV_NONE);
	tpl_set(p.content, "CSRF", req->user->csrf);
	tpl_set(p.content, "STATUS_LABEL", label_text(comment_status_labels, status));
	fill_feedback_tabs(p.content, req->mem, counts, status);
	for (size_t i = 0; i < r->nrows; i++)
		add_feedback_item(p.content, req->mem, r, i);
	if (r->nrows == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(tpl_include(p.content, "PAGINATION_NAV", "pagination.tpl"), req->mem, "/admin/feedback", params, 2, 1, page,
	                (int)((total + FEEDBACK_PAGE_SIZE - 1) / FEEDBACK_PAGE_SIZE));
	page_finish(&p, resp, 200);
}

/* The comment_status an action sets: "approve" and "reject"; NULL otherwise. */
static const char *moderation_status(const char *action)
{
	if (strcmp(action, "approve") == 0)
		return "approved";
	return strcmp(action, "reject") == 0 ? "rejected" : NULL;
}

/* Moderates rating id in one transaction with its audit record; *before
 * gets the comment's status before. 0 done (or nothing to change), 404
 * when there is no such comment, -1 on failure. */
static int write_moderation(struct request *req, long long id, const char *status, const char **before)
{
	if (db_begin() != 0)
		return -1;
	struct db_rows *r = feedback_lock(req->mem, id);
	if (r == NULL || r->nrows == 0 || strcmp(db_cell(r, 0, FBLOCK_STATUS), "none") == 0) {
		db_rollback();
		return r == NULL ? -1 : 404;
	}
	*before = db_cell(r, 0, FBLOCK_STATUS);
	struct audit_field a[] = { { "comment_status", *before, status } };
	const char *action = strcmp(status, "approved") == 0 ? "feedback.approve" : "feedback.reject";
	bool change = strcmp(*before, status) != 0;
	if (change && (feedback_moderate(id, status, req->user->id) != 0 ||
	               audit_record(req, action, "feedback", id, db_cell_int(r, 0, FBLOCK_CENTRE_ID), a, 1) != 0)) {
		db_rollback();
		return -1;
	}
	return db_commit() == 0 ? 0 : -1;
}

/* POST /admin/feedback/{id}/{approve|reject}: 303 back to the list the
 * comment was on. */
void handle_admin_feedback_action(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	const char *status = moderation_status(request_param(req, "name")), *before = NULL;
	if (status == NULL) {
		page_error(req, resp, 404, "Такого действия с отзывом нет: отзыв можно опубликовать или отклонить.");
		return;
	}
	int rc = write_moderation(req, id, status, &before);
	if (rc == 404)
		page_error(req, resp, 404, "Такого отзыва нет. Вернитесь к списку отзывов.");
	else if (rc != 0)
		page_db_failure(req, resp);
	else
		response_redirect(resp, 303, arena_printf(req->mem, "/admin/feedback?status=%s", before));
}
