/* handlers/staff_projects.c: the NGO projects a centre supports, as its
 * staff see them (/staff/projects): those at risk today first, each with
 * its reasons, then the others; and one project (/staff/projects/{id}) with
 * its timeline and the form that records the support the centre gave
 * (a consultation, help with a new application, a mentor, other), written
 * together with its audit record, once per form. Staff act only on the
 * projects their own centre supports; a moderator on any. */
#include "staff.h"

#include <time.h>

#include "../survival.h"
#include "../timefmt.h"

#define SUPPORT_NOTE_MAX_CHARS 2000

static const struct form_field support_fields[] = {
	{ "kind", "KIND", "KIND_ERROR", FORM_CHOICE, 0, true, support_kind_labels },
	{ "note", "NOTE", "NOTE_ERROR", FORM_MULTILINE, SUPPORT_NOTE_MAX_CHARS, true, NULL },
	FORM_TOKEN_FIELD,
};
#define NSUPPORT (sizeof support_fields / sizeof support_fields[0])

/* Projects are loaded and checked against the user's centre like the
 * centre's own rows; their status is the NGO's to change, not the staff's. */
static const struct staff_entity project_entity = {
	"project", "/staff/projects", project_by_id, PROJECT_CENTRE_ID, PROJECT_STATUS, NULL,
	"Проект не найден. Откройте его из списка проектов, которые поддерживает центр.",
};

/* One project without risks as a row of the table of the others. */
static void add_project_row(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_dict *s = tpl_section(d, "OTHER");
	tpl_set(s, "ID", db_cell(r, i, PROJECT_ID));
	tpl_set(s, "TITLE", db_cell(r, i, PROJECT_TITLE));
	tpl_set(s, "NGO_NAME", db_cell(r, i, PROJECT_NGO_NAME));
	tpl_set(s, "STATUS_LABEL", label_text(project_status_labels, db_cell(r, i, PROJECT_STATUS)));
	tpl_set(s, "LAST_UPDATE", format_date_ru(mem, db_cell(r, i, PROJECT_LAST_UPDATE_AT)));
}

/* GET /staff/projects: the centre's projects, at risk first. */
void handle_staff_projects(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/projects", &c) != 0)
		return;
	struct project_filter f = { .centre_id = c.id };
	struct db_rows *r = projects_search(req->mem, &f);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_projects.tpl", "Проекты НКО", &c, STAFF_TAB_PROJECTS);
	int today = survival_today(time(NULL));
	long long at_risk = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		if (project_risks(r, i, today) == 0) {
			add_project_row(p.content, req->mem, r, i);
			continue;
		}
		at_risk++;
		add_project_card(p.content, req->mem, r, i, today,
		                 arena_printf(req->mem, "/staff/projects/%s", db_cell(r, i, PROJECT_ID)));
	}
	tpl_set_int(p.content, "TOTAL", (long long)r->nrows);
	tpl_set_int(p.content, "RISK_TOTAL", at_risk);
	tpl_show(p.content, at_risk ? "HAS_RISK" : "NO_RISK");
	if ((long long)r->nrows > at_risk)
		tpl_show(p.content, "HAS_OTHERS");
	page_finish(&p, resp, 200);
}

/* The project page of the staff area, with the support form (typed or fresh). */
static void render_staff_project(struct request *req, struct response *resp, const struct staff_centre *c,
                                 const struct db_rows *r, const struct form *f, int status)
{
	long long id = db_cell_int(r, 0, PROJECT_ID);
	struct db_rows *t = project_timeline(req->mem, id);
	if (t == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_project.tpl", db_cell(r, 0, PROJECT_TITLE), c, STAFF_TAB_PROJECTS);
	tpl_set(p.content, "LIST_URL", staff_link(req->mem, "/staff/projects", c));
	fill_project_detail(p.content, req->mem, r);
	fill_project_risks(p.content, req->mem, r, 0, survival_today(time(NULL)));
	fill_project_timeline(p.content, req->mem, r, t);
	tpl_dict *form = tpl_section(p.content, "SUPPORT_FORM");
	form_fill(f, form);
	fill_label_options(form, "KIND_OPTION", support_kind_labels, form_value(f, "kind"));
	tpl_set_int(form, "NOTE_MAX", SUPPORT_NOTE_MAX_CHARS);
	if (status == 200 && query_value(req, "saved") != NULL)
		tpl_set(tpl_section(p.content, "NOTICE"), "NOTICE_TEXT", "Поддержка записана в хронику проекта.");
	page_finish(&p, resp, status);
}

/* GET /staff/projects/{id}: one supported project. */
void handle_staff_project(struct request *req, struct response *resp)
{
	long long id;
	struct staff_centre c;
	struct db_rows *r = staff_load(req, resp, &project_entity, &id, &c);
	if (r == NULL)
		return;
	struct form f;
	form_init(&f, req->mem, support_fields, NSUPPORT);
	form_set_value(&f, "form_token", form_new_token(req->mem));
	render_staff_project(req, resp, &c, r, &f, 200);
}

/* What write_support stores. */
struct support_write {
	long long project_id, centre_id;
	const struct form *f;
};

/* staff_write's step: the support record; returns the project's id (what
 * the audit record is about), 0 when this form was already sent, -1. */
static long long write_support(struct request *req, void *ctx)
{
	const struct support_write *w = ctx;
	struct project_support_input s = {
		.project_id = w->project_id, .centre_id = w->centre_id, .staff_id = req->user->id,
		.kind = form_value(w->f, "kind"), .note = form_value(w->f, "note"),
		.form_token = form_value(w->f, "form_token"),
	};
	long long rc = project_support_add(&s);
	return rc > 0 ? w->project_id : rc;
}

/* POST /staff/projects/{id}/support: records the support given. */
void handle_staff_project_support(struct request *req, struct response *resp)
{
	long long id;
	struct staff_centre c;
	struct db_rows *r = staff_load(req, resp, &project_entity, &id, &c);
	if (r == NULL)
		return;
	struct form f;
	form_init(&f, req->mem, support_fields, NSUPPORT);
	form_read(&f, req);
	form_check_token(req->mem, &f);
	if (f.nerrors > 0) {
		render_staff_project(req, resp, &c, r, &f, 400);
		return;
	}
	struct audit_field changes[] = {
		{ "kind", NULL, form_value(&f, "kind") },
		{ "note", NULL, form_value(&f, "note") },
	};
	struct support_write w = { id, c.id, &f };
	if (staff_write(req, write_support, &w, "project.support", "project", c.id, changes, 2) < 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/staff/projects/%lld?saved=1", id));
}
