/* handlers/staff_services.c: a centre's services as its staff keep them
 * (/staff/services): the list with archived ones, creating (one record per
 * form, however often it is sent), editing, archiving and restoring. Every
 * write recomputes the service's search stems in the same transaction, so
 * the catalogue's search finds a new or edited service at once. */
#include "staff.h"

#include <string.h>

#include "../validate.h"

#define SERVICE_TITLE_MAX_CHARS 200
#define SERVICE_SUMMARY_MAX_CHARS 500
#define SERVICE_DESCRIPTION_MAX_CHARS 6000
#define SERVICE_PRICE_NOTE_MAX_CHARS 200
#define SERVICE_ELIGIBILITY_MAX_CHARS 1000
#define SERVICE_CONTACT_NAME_MAX_CHARS 200

static const struct form_field service_fields[] = {
	{ "title", "TITLE_VALUE", "TITLE_ERROR", FORM_TEXT, SERVICE_TITLE_MAX_CHARS, true, NULL },
	{ "summary", "SUMMARY", "SUMMARY_ERROR", FORM_MULTILINE, SERVICE_SUMMARY_MAX_CHARS, true, NULL },
	{ "description", "DESCRIPTION", "DESCRIPTION_ERROR", FORM_MULTILINE, SERVICE_DESCRIPTION_MAX_CHARS, true, NULL },
	{ "category", "CATEGORY", "CATEGORY_ERROR", FORM_ID, 0, true, NULL },
	{ "target", "TARGET", "TARGET_ERROR", FORM_CHOICE, 0, true, target_labels },
	{ "format", "FORMAT", "FORMAT_ERROR", FORM_CHOICE, 0, true, format_labels },
	{ "cost", "COST", "COST_ERROR", FORM_CHOICE, 0, true, cost_labels },
	{ "price_note", "PRICE_NOTE", "PRICE_NOTE_ERROR", FORM_TEXT, SERVICE_PRICE_NOTE_MAX_CHARS, false, NULL },
	{ "eligibility", "ELIGIBILITY", "ELIGIBILITY_ERROR", FORM_MULTILINE, SERVICE_ELIGIBILITY_MAX_CHARS, false, NULL },
	{ "contact_name", "CONTACT_NAME", "CONTACT_NAME_ERROR", FORM_TEXT, SERVICE_CONTACT_NAME_MAX_CHARS, false, NULL },
	{ "contact_phone", "CONTACT_PHONE", "CONTACT_PHONE_ERROR", FORM_PHONE, PHONE_MAX_LEN, false, NULL },
	{ "contact_email", "CONTACT_EMAIL", "CONTACT_EMAIL_ERROR", FORM_EMAIL, EMAIL_MAX_LEN, false, NULL },
	{ "districts", "DISTRICTS", "DISTRICTS_ERROR", FORM_ID, 0, false, NULL },
	FORM_TOKEN_FIELD,
};
#define NSERVICE (sizeof service_fields / sizeof service_fields[0])

/* Where each field of service_fields is stored in a SERVICE_EDIT_* row. */
static const size_t service_columns[NSERVICE] = {
	SERVICE_EDIT_TITLE, SERVICE_EDIT_SUMMARY, SERVICE_EDIT_DESCRIPTION, SERVICE_EDIT_CATEGORY_ID,
	SERVICE_EDIT_TARGET, SERVICE_EDIT_FORMAT, SERVICE_EDIT_COST, SERVICE_EDIT_PRICE_NOTE,
	SERVICE_EDIT_ELIGIBILITY, SERVICE_EDIT_CONTACT_NAME, SERVICE_EDIT_CONTACT_PHONE,
	SERVICE_EDIT_CONTACT_EMAIL, STAFF_NO_COLUMN, STAFF_NO_COLUMN,
};

static const struct staff_entity service_entity = {
	"service", "/staff/services", service_for_edit, SERVICE_EDIT_CENTRE_ID, SERVICE_EDIT_STATUS,
	service_set_status, "Услуга не найдена. Откройте её из списка услуг центра.",
};

/* What a service form needs besides its fields. */
struct service_form {
	struct staff_centre c;
	struct form f;
	struct district_choice dc;
	struct db_rows *categories;
	const struct db_rows *row; /* the stored service (SERVICE_EDIT_*), NULL when creating */
	long long id;              /* 0 when creating */
};

/* GET /staff/services: the centre's services, archived ones too. */
void handle_staff_services(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/services", &c) != 0)
		return;
	struct db_rows *r = services_of_centre_staff(req->mem, c.id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_services.tpl", "Услуги центра", &c, STAFF_TAB_SERVICES);
	tpl_set(p.content, "NEW_URL", staff_link(req->mem, "/staff/services/new", &c));
	tpl_set_int(p.content, "TOTAL", (long long)r->nrows);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "SERVICE");
		fill_service_item(s, r, i);
		const char *status = db_cell(r, i, SERVICE_STAFF_STATUS);
		tpl_set(s, "STATUS", label_text(service_status_labels, status));
		if (strcmp(status, "archived") == 0)
			tpl_show(s, "ARCHIVED");
	}
	if (r->nrows == 0)
		tpl_show(p.content, "EMPTY");
	page_finish(&p, resp, 200);
}

/* The leaf categories grouped under their parents, the selected one marked. */
static void fill_category_groups(tpl_dict *d, const struct db_rows *cats, const char *selected)
{
	tpl_dict *group = NULL;
	for (size_t i = 0; i < cats->nrows; i++) {
		if (db_cell(cats, i, CATEGORY_PARENT_ID) == NULL) {
			group = tpl_section(d, "CATEGORY_GROUP");
			tpl_set(group, "GROUP_NAME", db_cell(cats, i, CATEGORY_NAME));
			continue;
		}
		if (group == NULL)
			continue;
		tpl_dict *o = tpl_section(group, "CATEGORY_OPTION");
		tpl_set(o, "OPTION_VALUE", db_cell(cats, i, CATEGORY_ID));
		tpl_set(o, "OPTION_TEXT", db_cell(cats, i, CATEGORY_NAME));
		if (strcmp(selected, db_cell(cats, i, CATEGORY_ID)) == 0)
			tpl_show(o, "OPTION_SELECTED");
	}
}

/* The service form, new or edit, with archive or restore for a stored one. */
static void render_service_form(struct request *req, struct response *resp, const struct service_form *sf,
                                int status)
{
	struct page p;
	const char *title = sf->id ? db_cell(sf->row, 0, SERVICE_EDIT_TITLE) : "Новая услуга";
	staff_page_begin(&p, req, "staff_service_form.tpl", title, &sf->c, STAFF_TAB_SERVICES);
	tpl_dict *d = p.content;
	form_fill(&sf->f, d);
	district_choice_fill(d, &sf->dc);
	fill_category_groups(d, sf->categories, form_value(&sf->f, "category"));
	fill_label_options(d, "TARGET_OPTION", target_labels, form_value(&sf->f, "target"));
	fill_label_options(d, "FORMAT_OPTION", format_labels, form_value(&sf->f, "format"));
	fill_label_options(d, "COST_OPTION", cost_labels, form_value(&sf->f, "cost"));
	tpl_set(d, "LIST_URL", staff_link(req->mem, "/staff/services", &sf->c));
	if (sf->id == 0) {
		tpl_show(d, "IS_NEW");
	} else {
		tpl_dict *e = tpl_section(d, "IS_EDIT");
		tpl_set_int(e, "ID", sf->id);
		bool archived = strcmp(db_cell(sf->row, 0, SERVICE_EDIT_STATUS), "archived") == 0;
		tpl_show(e, archived ? "ARCHIVED" : "ACTIVE");
		if (status == 200)
			staff_saved_notice(req, d);
	}
	page_finish(&p, resp, status);
}

/* Loads what every service form shows (categories, districts). 0 or the status sent. */
static int prepare_form(struct request *req, struct response *resp, struct service_form *sf)
{
	sf->categories = categories_all(req->mem);
	if (sf->categories == NULL || !district_choice_init(req->mem, &sf->dc)) {
		page_db_failure(req, resp);
		return resp->status;
	}
	form_init(&sf->f, req->mem, service_fields, NSERVICE);
	return 0;
}

/* Name of a leaf category given as its id text; NULL when it is not one. */
static const char *leaf_category_name(const struct db_rows *cats, const char *id)
{
	for (size_t i = 0; i < cats->nrows; i++)
		if (db_cell(cats, i, CATEGORY_PARENT_ID) != NULL && strcmp(db_cell(cats, i, CATEGORY_ID), id) == 0)
			return db_cell(cats, i, CATEGORY_NAME);
	return NULL;
}

/* Reads and checks every field of a posted service form; returns the number of errors. */
static int read_service_form(struct request *req, struct service_form *sf)
{
	form_read(&sf->f, req);
	district_choice_read(&sf->dc, req, &sf->f, "districts");
	const char *cat = form_value(&sf->f, "category");
	if (cat[0] != '\0' && leaf_category_name(sf->categories, cat) == NULL)
		form_set_error(&sf->f, "category", "Выберите вид поддержки из списка.");
	if (sf->id == 0)
		form_check_token(req->mem, &sf->f);
	return sf->f.nerrors;
}

/* The form's values as the store takes them. */
static struct service_input service_input_of(const struct form *f)
{
	return (struct service_input){
		form_id(f, "category"), form_value(f, "title"), form_value(f, "summary"),
		form_value(f, "description"), form_value(f, "target"), form_value(f, "format"),
		form_value(f, "cost"), form_value(f, "price_note"), form_value(f, "eligibility"),
		form_value(f, "contact_name"), form_value(f, "contact_phone"), form_value(f, "contact_email"),
	};
}

/* The changed fields for the audit log, categories and districts by name. */
static size_t service_changes(arena *mem, const struct service_form *sf, const struct db_rows *served,
                              struct audit_field *out)
{
	size_t n = staff_form_changes(&sf->f, sf->row, service_columns, out);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(out[i].name, "category") != 0)
			continue;
		out[i].before = out[i].before ? leaf_category_name(sf->categories, out[i].before) : NULL;
		out[i].after = leaf_category_name(sf->categories, out[i].after);
	}
	out[n++] = (struct audit_field){ "districts", served ? district_names(mem, served) : NULL,
	                                 district_choice_names(mem, &sf->dc) };
	return audit_changed(out, n);
}

/* staff_write's step for a new service: the row, its districts, its stems. */
static long long write_new_service(struct request *req, void *ctx)
{
	const struct service_form *sf = ctx;
	struct service_input in = service_input_of(&sf->f);
	long long id = service_create(sf->c.id, &in, form_value(&sf->f, "form_token"));
	if (id <= 0)
		return id;
	if (service_set_districts(id, sf->dc.ids, sf->dc.n) != 0 || services_reindex(req->mem, id) != 1)
		return -1;
	return id;
}

/* staff_write's step for an edit. */
static long long write_service_edit(struct request *req, void *ctx)
{
	const struct service_form *sf = ctx;
	struct service_input in = service_input_of(&sf->f);
	if (service_update(sf->id, &in) != 0 || service_set_districts(sf->id, sf->dc.ids, sf->dc.n) != 0 ||
	    services_reindex(req->mem, sf->id) != 1)
		return -1;
	return sf->id;
}

/* GET /staff/services/new: an empty service form with a fresh one-time token. */
void handle_staff_service_new(struct request *req, struct response *resp)
{
	struct service_form sf = { 0 };
	if (staff_centre_from_request(req, resp, "/staff/services/new", &sf.c) != 0 ||
	    prepare_form(req, resp, &sf) != 0)
		return;
	struct db_rows *served = centre_districts(req->mem, sf.c.id);
	if (served == NULL) {
		page_db_failure(req, resp);
		return;
	}
	district_choice_set(&sf.dc, served);
	form_set_value(&sf.f, "form_token", form_new_token(req->mem));
	render_service_form(req, resp, &sf, 200);
}

/* POST /staff/services/new: creates the service (once per form token). */
void handle_staff_service_create(struct request *req, struct response *resp)
{
	struct service_form sf = { 0 };
	if (staff_centre_from_request(req, resp, "/staff/services/new", &sf.c) != 0 ||
	    prepare_form(req, resp, &sf) != 0)
		return;
	if (read_service_form(req, &sf) > 0) {
		render_service_form(req, resp, &sf, 400);
		return;
	}
	struct audit_field changes[NSERVICE + 1];
	size_t n = service_changes(req->mem, &sf, NULL, changes);
	long long id = staff_write(req, write_new_service, &sf, "service.create", "service", sf.c.id, changes, n);
	if (id == 0) /* the same form again: show what the first one made */
		id = service_id_by_form_token(req->mem, sf.c.id, form_value(&sf.f, "form_token"));
	if (id <= 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, &service_entity, id);
}

/* Loads the service of the path for editing; 0 or the status sent. */
static int load_service(struct request *req, struct response *resp, struct service_form *sf,
                        struct db_rows **served)
{
	sf->row = staff_load(req, resp, &service_entity, &sf->id, &sf->c);
	if (sf->row == NULL || prepare_form(req, resp, sf) != 0)
		return resp->status;
	*served = service_districts(req->mem, sf->id);
	if (*served == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	return 0;
}

/* GET /staff/services/{id}: the service form, filled from the stored service. */
void handle_staff_service_edit(struct request *req, struct response *resp)
{
	struct service_form sf = { 0 };
	struct db_rows *served;
	if (load_service(req, resp, &sf, &served) != 0)
		return;
	staff_form_load(&sf.f, sf.row, service_columns);
	district_choice_set(&sf.dc, served);
	render_service_form(req, resp, &sf, 200);
}

/* POST /staff/services/{id}: saves the edited service. */
void handle_staff_service_save(struct request *req, struct response *resp)
{
	struct service_form sf = { 0 };
	struct db_rows *served;
	if (load_service(req, resp, &sf, &served) != 0)
		return;
	if (read_service_form(req, &sf) > 0) {
		render_service_form(req, resp, &sf, 400);
		return;
	}
	struct audit_field changes[NSERVICE + 1];
	size_t n = service_changes(req->mem, &sf, served, changes);
	if (n > 0 && staff_write(req, write_service_edit, &sf, "service.update", "service", sf.c.id, changes, n) < 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, &service_entity, sf.id);
}

/* POST /staff/services/{id}/archive: takes the service out of the catalogue. */
void handle_staff_service_archive(struct request *req, struct response *resp)
{
	staff_status_action(req, resp, &service_entity, "service.archive", "archived");
}

/* POST /staff/services/{id}/restore: puts an archived service back into the catalogue. */
void handle_staff_service_restore(struct request *req, struct response *resp)
{
	staff_status_action(req, resp, &service_entity, "service.restore", "active");
}
