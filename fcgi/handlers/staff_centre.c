/* handlers/staff_centre.c: the centre's profile as its staff keep it
 * (/staff/centre): description, contacts, hours and the districts it serves.
 * Name, INN and OGRN are registry facts and stay with the moderator. */
#include "staff.h"

#include "../validate.h"

#define CENTRE_DESCRIPTION_MAX_CHARS 5000
#define CENTRE_ADDRESS_MAX_CHARS 300
#define CENTRE_WEBSITE_MAX_CHARS 300
#define CENTRE_HOURS_MAX_CHARS 300

static const struct form_field profile_fields[] = {
	{ "description", "DESCRIPTION", "DESCRIPTION_ERROR", FORM_MULTILINE, CENTRE_DESCRIPTION_MAX_CHARS, true, NULL },
	{ "address", "ADDRESS", "ADDRESS_ERROR", FORM_TEXT, CENTRE_ADDRESS_MAX_CHARS, true, NULL },
	{ "phone", "PHONE", "PHONE_ERROR", FORM_PHONE, PHONE_MAX_LEN, true, NULL },
	{ "email", "EMAIL", "EMAIL_ERROR", FORM_EMAIL, EMAIL_MAX_LEN, true, NULL },
	{ "website", "WEBSITE", "WEBSITE_ERROR", FORM_URL, CENTRE_WEBSITE_MAX_CHARS, false, NULL },
	{ "hours", "HOURS", "HOURS_ERROR", FORM_TEXT, CENTRE_HOURS_MAX_CHARS, true, NULL },
	{ "districts", "DISTRICTS", "DISTRICTS_ERROR", FORM_ID, 0, false, NULL },
};
#define NPROFILE (sizeof profile_fields / sizeof profile_fields[0])

/* Where each field of profile_fields is stored in a CENTRE_* row. */
static const size_t profile_columns[NPROFILE] = {
	CENTRE_DESCRIPTION, CENTRE_ADDRESS, CENTRE_PHONE, CENTRE_EMAIL, CENTRE_WEBSITE, CENTRE_HOURS,
	STAFF_NO_COLUMN,
};

/* The profile form (refilled after errors) with the districts checked. */
static void render_profile(struct request *req, struct response *resp, const struct staff_centre *c,
                           const struct form *f, const struct district_choice *dc, int status)
{
	struct page p;
	staff_page_begin(&p, req, "staff_centre.tpl", "Профиль центра", c, STAFF_TAB_PROFILE);
	tpl_set(p.content, "CENTRE_FULL_NAME", db_cell(c->row, 0, CENTRE_NAME));
	form_fill(f, p.content);
	district_choice_fill(p.content, dc);
	if (status == 200)
		staff_saved_notice(req, p.content);
	page_finish(&p, resp, status);
}

/* Resolves the centre and loads the districts it serves; 0 or the status sent. */
static int load_profile(struct request *req, struct response *resp, struct staff_centre *c,
                        struct district_choice *dc, struct db_rows **served)
{
	int rc = staff_centre_from_request(req, resp, "/staff/centre", c);
	if (rc != 0)
		return rc;
	*served = centre_districts(req->mem, c->id);
	if (*served == NULL || !district_choice_init(req->mem, dc)) {
		page_db_failure(req, resp);
		return resp->status;
	}
	return 0;
}

/* GET /staff/centre: the profile form, filled from the stored profile. */
void handle_staff_centre_form(struct request *req, struct response *resp)
{
	struct staff_centre c;
	struct district_choice dc;
	struct db_rows *served;
	if (load_profile(req, resp, &c, &dc, &served) != 0)
		return;
	district_choice_set(&dc, served);
	struct form f;
	form_init(&f, req->mem, profile_fields, NPROFILE);
	staff_form_load(&f, c.row, profile_columns);
	render_profile(req, resp, &c, &f, &dc, 200);
}

struct profile_write {
	const struct staff_centre *c;
	const struct form *f;
	const struct district_choice *dc;
};

/* staff_write's step: the profile's columns and its districts. */
static long long write_profile(struct request *req, void *ctx)
{
	const struct profile_write *w = ctx;
	struct centre_profile cp = {
		form_value(w->f, "description"), form_value(w->f, "address"), form_value(w->f, "phone"),
		form_value(w->f, "email"), form_value(w->f, "website"), form_value(w->f, "hours"),
	};
	if (centre_update(w->c->id, &cp) != 0 || centre_set_districts(w->c->id, w->dc->ids, w->dc->n) != 0)
		return -1;
	return w->c->id;
}

/* POST /staff/centre: saves the profile and its districts. */
void handle_staff_centre_save(struct request *req, struct response *resp)
{
	struct staff_centre c;
	struct district_choice dc;
	struct db_rows *served;
	if (load_profile(req, resp, &c, &dc, &served) != 0)
		return;
	struct form f;
	form_init(&f, req->mem, profile_fields, NPROFILE);
	form_read(&f, req);
	district_choice_read(&dc, req, &f, "districts");
	if (f.nerrors > 0) {
		render_profile(req, resp, &c, &f, &dc, 400);
		return;
	}
	struct audit_field changes[NPROFILE];
	size_t n = staff_form_changes(&f, c.row, profile_columns, changes);
	changes[n++] = (struct audit_field){ "districts", district_names(req->mem, served),
	                                     district_choice_names(req->mem, &dc) };
	n = audit_changed(changes, n);
	struct profile_write w = { &c, &f, &dc };
	if (n > 0 && staff_write(req, write_profile, &w, "centre.update", "centre", c.id, changes, n) < 0) {
		page_db_failure(req, resp);
		return;
	}
	struct link_param lp[] = { { "centre", c.slug }, { "saved", "1" } };
	response_redirect(resp, 303, build_link(req->mem, "/staff/centre", lp, 2));
}
