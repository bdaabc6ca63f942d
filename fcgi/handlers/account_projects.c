/* handlers/account_projects.c: the projects of the NGO a member acts for
 * (users.ngo_id): the list (/account/projects), registering a project (one
 * record per form, however often it is sent), editing it, and posting
 * updates with an optional status change.
 *
 * Only members of the project's NGO (users.ngo_id = projects.ngo_id) see
 * these pages or write through them; anyone else gets 403 before the form
 * is even read, so nothing is written. Status changes go only through
 * updates, so that the timeline holds every one of them and the survival
 * monitor can date them. */
#include "handlers.h"

#include <string.h>
#include <time.h>

#include "staff.h" /* staff_form_load: an edit form filled from its stored row */

#include "../auth.h"
#include "../form.h"
#include "../survival.h"
#include "../validate.h"

#define PROJECT_TITLE_MAX_CHARS 200 /* projects.title VARCHAR(200) */
#define PROJECT_GOAL_MAX_CHARS 3000
#define PROJECT_PLAN_MAX_CHARS 3000
#define GRANT_AMOUNT_MAX_CHARS 24   /* "999 999 999 999,99" with group spaces */
#define GRANT_RUBLES_MAX_DIGITS 12  /* projects.grant_amount DECIMAL(14,2) */
#define GRANT_KOPECKS_MAX_DIGITS 2
#define DATE_INPUT_CHARS 10         /* "YYYY-MM-DD", as <input type="date"> sends it */
#define UPDATE_BODY_MAX_CHARS 5000

#define NOT_YOUR_NGO                                                                         \
	"Это проект другой организации: изменять его могут только её участники. "                \
	"Ваши проекты — в личном кабинете, в разделе «Проекты организации»."
#define NO_NGO                                                                               \
	"Ваша учётная запись не связана с организацией, поэтому вести проекты нельзя. Попросите " \
	"модератора связать учётную запись с вашей НКО или зарегистрируйтесь, указав ИНН организации."

/* The fields the registration and the edit forms share. */
#define PROJECT_FIELDS                                                                                        \
	{ "title", "TITLE_VALUE", "TITLE_ERROR", FORM_TEXT, PROJECT_TITLE_MAX_CHARS, true, NULL },              \
	{ "goal", "GOAL", "GOAL_ERROR", FORM_MULTILINE, PROJECT_GOAL_MAX_CHARS, true, NULL },                   \
	{ "district", "DISTRICT", "DISTRICT_ERROR", FORM_TEXT, SLUG_MAX_LEN, true, NULL },                      \
	{ "category", "CATEGORY", "CATEGORY_ERROR", FORM_TEXT, SLUG_MAX_LEN, true, NULL },                      \
	{ "centre", "CENTRE", "CENTRE_ERROR", FORM_TEXT, SLUG_MAX_LEN, false, NULL },                           \
	{ "funding", "FUNDING", "FUNDING_ERROR", FORM_CHOICE, 0, true, funding_labels },                        \
	{ "grant_amount", "GRANT_AMOUNT", "GRANT_AMOUNT_ERROR", FORM_TEXT, GRANT_AMOUNT_MAX_CHARS, false, NULL }, \
	{ "grant_start", "GRANT_START", "GRANT_START_ERROR", FORM_TEXT, DATE_INPUT_CHARS, false, NULL },        \
	{ "grant_end", "GRANT_END", "GRANT_END_ERROR", FORM_TEXT, DATE_INPUT_CHARS, false, NULL },              \
	{ "plan", "PLAN", "PLAN_ERROR", FORM_MULTILINE, PROJECT_PLAN_MAX_CHARS, false, NULL },                  \
	{ "continues", "CONTINUES", "CONTINUES_ERROR", FORM_ID, 0, false, NULL }

static const struct form_field new_fields[] = {
	PROJECT_FIELDS,
	{ "status", "STATUS", "STATUS_ERROR", FORM_CHOICE, 0, true, project_status_labels },
	FORM_TOKEN_FIELD,
};
#define NNEW (sizeof new_fields / sizeof new_fields[0])

static const struct form_field edit_fields[] = { PROJECT_FIELDS };
#define NEDIT (sizeof edit_fields / sizeof edit_fields[0])

/* Where each field of edit_fields is stored in a project_by_id row. */
static const size_t edit_columns[NEDIT] = {
	PROJECT_TITLE, PROJECT_GOAL, PROJECT_DISTRICT_SLUG, PROJECT_CATEGORY_SLUG, PROJECT_CENTRE_SLUG,
	PROJECT_FUNDING, PROJECT_GRANT_AMOUNT, PROJECT_GRANT_START, PROJECT_GRANT_END, PROJECT_PLAN,
	PROJECT_CONTINUES_ID,
};

static const struct form_field update_fields[] = {
	{ "body", "UPDATE_BODY", "UPDATE_BODY_ERROR", FORM_MULTILINE, UPDATE_BODY_MAX_CHARS, true, NULL },
	{ "status", "UPDATE_STATUS", "UPDATE_STATUS_ERROR", FORM_CHOICE, 0, false, project_status_labels },
	FORM_TOKEN_FIELD,
};
#define NUPDATE (sizeof update_fields / sizeof update_fields[0])

/* Everything a member's project page works with. */
struct member_project {
	long long id;               /* 0 when registering */
	struct db_rows *row;        /* project_by_id, NULL when registering */
	struct form f;              /* the project's fields */
	struct form uf;             /* the update form (edit page only) */
	struct project_input in;    /* f's values as the store takes them */
	struct db_rows *districts, *categories, *centres;
	struct db_rows *siblings;   /* the NGO's projects: what this one may continue */
};

/* ---- access ------------------------------------------------------------------- */

/* The member's NGO, or 0 with a 403 sent. */
static long long own_ngo(struct request *req, struct response *resp)
{
	if (req->user->ngo_id > 0)
		return req->user->ngo_id;
	page_error(req, resp, 403, NO_NGO);
	return 0;
}

/* Loads the project of the path's {id} into mp when the member's NGO runs
 * it; false with 404, 403 or 5xx already answered. */
static bool load_own_project(struct request *req, struct response *resp, struct member_project *mp)
{
	valid_id(request_param(req, "id"), &mp->id);
	mp->row = project_by_id(req->mem, mp->id);
	if (mp->row == NULL) {
		page_db_failure(req, resp);
		return false;
	}
	if (mp->row->nrows == 0) {
		page_error(req, resp, 404, "Проект не найден. Откройте его из списка проектов вашей организации.");
		return false;
	}
	if (req->user->ngo_id <= 0 || db_cell_int(mp->row, 0, PROJECT_NGO_ID) != req->user->ngo_id) {
		page_error(req, resp, 403, NOT_YOUR_NGO);
		return false;
	}
	return true;
}

/* The option lists of the form; false when the database failed. */
static bool load_choices(struct request *req, struct member_project *mp)
{
	struct project_filter own = { .ngo_id = req->user->ngo_id };
	mp->districts = districts_all(req->mem);
	mp->categories = categories_all(req->mem);
	mp->centres = centres_all(req->mem);
	mp->siblings = projects_search(req->mem, &own);
	return mp->districts && mp->categories && mp->centres && mp->siblings;
}

/* ---- checks the field table cannot express ------------------------------------ */

/* Reads a ruble amount typed as "1 500 000", "250000,50" or "250000.5"
 * into "250000.50" (positive, at most 12 digits of rubles and 2 of
 * kopecks); NULL when it is not one. */
static const char *parse_rubles(arena *mem, const char *s)
{
	char rubles[GRANT_RUBLES_MAX_DIGITS + 1], kopecks[GRANT_KOPECKS_MAX_DIGITS + 1] = "00";
	size_t nr = 0, nk = 0;
	bool fraction = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (p[0] == 0xC2 && p[1] == 0xA0) { /* a no-break space between groups */
			p++;
			continue;
		}
		if (*p == ' ')
			continue;
		if ((*p == ',' || *p == '.') && !fraction && nr > 0)
			fraction = true;
		else if (*p < '0' || *p > '9' ||
		         (fraction ? nk == GRANT_KOPECKS_MAX_DIGITS : nr == GRANT_RUBLES_MAX_DIGITS))
			return NULL;
		else if (fraction)
			kopecks[nk++] = (char)*p;
		else
			rubles[nr++] = (char)*p;
	}
	rubles[nr] = '\0';
	const char *r = rubles;
	while (r[0] == '0' && r[1] != '\0')
		r++;
	if (nr == 0 || (fraction && nk == 0) || (strcmp(r, "0") == 0 && strcmp(kopecks, "00") == 0))
		return NULL;
	return arena_printf(mem, "%s.%s", r, kopecks);
}

/* The day of a date field, SURVIVAL_NO_DAY when empty; marks a bad one. */
static int read_day(struct form *f, const char *name)
{
	const char *v = form_value(f, name);
	int day;
	if (v[0] == '\0')
		return SURVIVAL_NO_DAY;
	if (strlen(v) == DATE_INPUT_CHARS && survival_parse_day(v, &day))
		return day;
	form_set_error(f, name, "Укажите дату в формате ГГГГ-ММ-ДД, например 2026-05-31.");
	return SURVIVAL_NO_DAY;
}

/* The grant period: both ends or none, the end not before the start. */
static void check_grant_period(struct form *f)
{
	int start = read_day(f, "grant_start"), end = read_day(f, "grant_end");
	const char *s = form_value(f, "grant_start"), *e = form_value(f, "grant_end");
	if ((s[0] == '\0') != (e[0] == '\0'))
		form_set_error(f, s[0] == '\0' ? "grant_start" : "grant_end",
		               "Укажите и начало, и окончание грантового периода — или оставьте оба поля пустыми.");
	else if (start != SURVIVAL_NO_DAY && end != SURVIVAL_NO_DAY && end < start)
		form_set_error(f, "grant_end", "Окончание гранта не может быть раньше его начала. Проверьте даты.");
}

/* Resolves a slug field to an id; marks it when unknown. -1 when the database failed. */
static int read_slug(arena *mem, struct form *f, const char *name, long long (*lookup)(arena *, const char *),
                     long long *id, const char *message)
{
	const char *v = form_value(f, name);
	*id = 0;
	int rc = slug_to_id(mem, v[0] ? v : NULL, lookup, id);
	if (rc == 400)
		form_set_error(f, name, message);
	return rc < 0 ? -1 : 0;
}

/* True when id is one of the NGO's projects registered before this one. */
static bool may_continue(const struct member_project *mp, long long id)
{
	for (size_t i = 0; i < mp->siblings->nrows; i++)
		if (db_cell_int(mp->siblings, i, PROJECT_ID) == id)
			return mp->id == 0 || id < mp->id;
	return false;
}

/* Checks and resolves what the field table cannot, filling mp->in.
 * Returns 0, or -1 when the database failed. */
static int check_project_extras(struct request *req, struct member_project *mp)
{
	struct form *f = &mp->f;
	struct project_input *in = &mp->in;
	if (read_slug(req->mem, f, "district", district_id_by_slug, &in->district_id,
	              "Выберите район из списка.") < 0 ||
	    read_slug(req->mem, f, "category", category_id_by_slug, &in->category_id,
	              "Выберите направление из списка.") < 0 ||
	    read_slug(req->mem, f, "centre", centre_id_by_slug, &in->centre_id,
	              "Выберите ресурсный центр из списка или «Пока нет».") < 0)
		return -1;
	const char *amount = form_value(f, "grant_amount");
	in->grant_amount = amount[0] ? parse_rubles(req->mem, amount) : "";
	if (in->grant_amount == NULL)
		form_set_error(f, "grant_amount", "Укажите сумму в рублях цифрами, например 1 500 000 или 250 000,50: "
		                                  "больше нуля, не больше 12 цифр до запятой и 2 после.");
	check_grant_period(f);
	in->continues_id = form_id(f, "continues");
	if (in->continues_id > 0 && !may_continue(mp, in->continues_id))
		form_set_error(f, "continues", "Продолжением можно отметить только проект вашей организации, "
		                               "зарегистрированный раньше этого. Выберите его из списка.");
	in->title = form_value(f, "title");
	in->goal = form_value(f, "goal");
	in->funding = form_value(f, "funding");
	in->grant_start = form_value(f, "grant_start");
	in->grant_end = form_value(f, "grant_end");
	in->plan = form_value(f, "plan");
	return 0;
}

/* ---- pages ----------------------------------------------------------------------- */

/* The NGO's earlier projects as the "continues" select, this one left out. */
static void fill_continues_options(tpl_dict *d, arena *mem, const struct member_project *mp, const char *selected)
{
	const struct db_rows *s = mp->siblings;
	struct label *options = arena_calloc(mem, s->nrows + 1, sizeof *options);
	size_t n = 0;
	for (size_t i = 0; i < s->nrows; i++)
		if (mp->id == 0 || db_cell_int(s, i, PROJECT_ID) < mp->id)
			options[n++] = (struct label){ db_cell(s, i, PROJECT_ID), db_cell(s, i, PROJECT_TITLE) };
	fill_label_options(d, "CONTINUES_OPTION", options, selected);
}

/* The project form into its PROJECT_FORM section. */
static void fill_project_form(tpl_dict *page, struct request *req, const struct member_project *mp)
{
	tpl_dict *d = tpl_section(page, "PROJECT_FORM");
	const struct form *f = &mp->f;
	form_fill(f, d);
	tpl_set(d, "CSRF", req->user->csrf);
	tpl_set(d, "ACTION",
	        mp->id ? arena_printf(req->mem, "/account/projects/%lld", mp->id) : "/account/projects/new");
	tpl_set_int(d, "TITLE_MAX", PROJECT_TITLE_MAX_CHARS);
	tpl_set_int(d, "GOAL_MAX", PROJECT_GOAL_MAX_CHARS);
	tpl_set_int(d, "PLAN_MAX", PROJECT_PLAN_MAX_CHARS);
	tpl_set_int(d, "AMOUNT_MAX", GRANT_AMOUNT_MAX_CHARS);
	fill_district_options(d, "DISTRICT_OPTION", mp->districts, form_value(f, "district"));
	fill_category_options(d, mp->categories, form_value(f, "category"));
	fill_centre_options(d, "CENTRE_OPTION", mp->centres, form_value(f, "centre"));
	fill_label_options(d, "FUNDING_OPTION", funding_labels, form_value(f, "funding"));
	fill_continues_options(d, req->mem, mp, form_value(f, "continues"));
	if (mp->id == 0)
		fill_label_options(tpl_section(d, "IS_NEW"), "STATUS_OPTION", project_status_labels,
		                   form_value(f, "status"));
	else
		tpl_show(d, "IS_EDIT");
}

/* The update form into its UPDATE_FORM section. */
static void fill_update_form(tpl_dict *page, struct request *req, const struct member_project *mp)
{
	tpl_dict *d = tpl_section(page, "UPDATE_FORM");
	form_fill(&mp->uf, d);
	tpl_set(d, "CSRF", req->user->csrf);
	tpl_set_int(d, "ID", mp->id);
	tpl_set_int(d, "BODY_MAX", UPDATE_BODY_MAX_CHARS);
	tpl_set(d, "CURRENT_STATUS", label_text(project_status_labels, db_cell(mp->row, 0, PROJECT_STATUS)));
	fill_label_options(d, "STATUS_OPTION", project_status_labels, form_value(&mp->uf, "status"));
}

/* Shows what ?saved=1 or ?posted=1 says happened. */
static void fill_member_notice(struct request *req, tpl_dict *d)
{
	const char *text = query_value(req, "posted") ? "Новость о проекте опубликована."
	                   : query_value(req, "saved") ? "Сведения о проекте сохранены."
	                                               : NULL;
	if (text != NULL)
		tpl_set(tpl_section(d, "NOTICE"), "NOTICE_TEXT", text);
}

/* The registration or edit page; on the edit page the update form, the
 * risks and the timeline too. */
static void render_member_project(struct request *req, struct response *resp, const struct member_project *mp,
                                  int status)
{
	struct db_rows *t = mp->id ? project_timeline(req->mem, mp->id) : NULL;
	if (mp->id && t == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	const char *title = mp->id ? db_cell(mp->row, 0, PROJECT_TITLE) : "Новый проект";
	page_begin(&p, req, "account_project.tpl", title, NAV_NONE);
	fill_project_form(p.content, req, mp);
	if (mp->id) {
		tpl_set_int(tpl_section(p.content, "IS_EDIT"), "ID", mp->id);
		fill_update_form(p.content, req, mp);
		fill_project_risks(p.content, req->mem, mp->row, 0, survival_today(time(NULL)));
		fill_project_timeline(p.content, req->mem, mp->row, t);
		if (status == 200)
			fill_member_notice(req, p.content);
	}
	page_finish(&p, resp, status);
}

/* GET /account/projects: the projects of the member's NGO. */
void handle_account_projects(struct request *req, struct response *resp)
{
	struct page p;
	if (req->user->ngo_id <= 0) {
		page_begin(&p, req, "account_projects.tpl", "Проекты организации", NAV_NONE);
		tpl_set(tpl_section(p.content, "NO_NGO"), "NO_NGO_TEXT", NO_NGO);
		page_finish(&p, resp, 200);
		return;
	}
	struct project_filter own = { .ngo_id = req->user->ngo_id };
	struct db_rows *r = projects_search(req->mem, &own), *n = ngo_by_id(req->mem, req->user->ngo_id);
	if (r == NULL || n == NULL || n->nrows == 0) {
		page_db_failure(req, resp);
		return;
	}
	page_begin(&p, req, "account_projects.tpl", "Проекты организации", NAV_NONE);
	tpl_dict *d = tpl_section(p.content, "HAS_NGO");
	tpl_set(d, "NGO_NAME", db_cell(n, 0, NGO_SHORT_NAME));
	tpl_set_int(d, "TOTAL", (long long)r->nrows);
	int today = survival_today(time(NULL));
	for (size_t i = 0; i < r->nrows; i++)
		add_project_card(d, req->mem, r, i, today,
		                 arena_printf(req->mem, "/account/projects/%s", db_cell(r, i, PROJECT_ID)));
	if (r->nrows == 0)
		tpl_show(d, "EMPTY");
	page_finish(&p, resp, 200);
}

/* GET /account/projects/new: an empty form with a fresh one-time token,
 * the district of the member's NGO chosen. */
void handle_account_project_new(struct request *req, struct response *resp)
{
	struct member_project mp = { 0 };
	if (own_ngo(req, resp) == 0)
		return;
	struct db_rows *n = ngo_by_id(req->mem, req->user->ngo_id);
	if (n == NULL || !load_choices(req, &mp)) {
		page_db_failure(req, resp);
		return;
	}
	form_init(&mp.f, req->mem, new_fields, NNEW);
	form_set_value(&mp.f, "form_token", form_new_token(req->mem));
	form_set_value(&mp.f, "district", n->nrows ? db_cell(n, 0, NGO_DISTRICT_SLUG) : "");
	render_member_project(req, resp, &mp, 200);
}

/* POST /account/projects/new: registers the project (once per form token). */
void handle_account_project_create(struct request *req, struct response *resp)
{
	struct member_project mp = { 0 };
	if (own_ngo(req, resp) == 0)
		return;
	form_init(&mp.f, req->mem, new_fields, NNEW);
	form_read(&mp.f, req);
	form_check_token(req->mem, &mp.f);
	if (!load_choices(req, &mp) || check_project_extras(req, &mp) != 0) {
		page_db_failure(req, resp);
		return;
	}
	if (mp.f.nerrors > 0) {
		render_member_project(req, resp, &mp, 400);
		return;
	}
	const char *token = form_value(&mp.f, "form_token");
	long long id = project_create(req->user->ngo_id, req->user->id, &mp.in, form_value(&mp.f, "status"), token);
	if (id == 0) /* the same form again: show what the first one made */
		id = project_id_by_form_token(req->mem, req->user->id, token);
	if (id <= 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/account/projects/%lld?saved=1", id));
}

/* Fills the project form from the stored row ("continues" empty when none). */
static void load_edit_form(struct request *req, struct member_project *mp)
{
	form_init(&mp->f, req->mem, edit_fields, NEDIT);
	staff_form_load(&mp->f, mp->row, edit_columns);
	if (db_cell_int(mp->row, 0, PROJECT_CONTINUES_ID) == 0)
		form_set_value(&mp->f, "continues", "");
}

/* A fresh update form with its one-time token. */
static void new_update_form(struct request *req, struct member_project *mp)
{
	form_init(&mp->uf, req->mem, update_fields, NUPDATE);
	form_set_value(&mp->uf, "form_token", form_new_token(req->mem));
}

/* GET /account/projects/{id}: the project's forms, risks and timeline. */
void handle_account_project(struct request *req, struct response *resp)
{
	struct member_project mp = { 0 };
	if (!load_own_project(req, resp, &mp))
		return;
	if (!load_choices(req, &mp)) {
		page_db_failure(req, resp);
		return;
	}
	load_edit_form(req, &mp);
	new_update_form(req, &mp);
	render_member_project(req, resp, &mp, 200);
}

/* POST /account/projects/{id}: saves the edited fields. */
void handle_account_project_save(struct request *req, struct response *resp)
{
	struct member_project mp = { 0 };
	if (!load_own_project(req, resp, &mp))
		return;
	form_init(&mp.f, req->mem, edit_fields, NEDIT);
	form_read(&mp.f, req);
	if (!load_choices(req, &mp) || check_project_extras(req, &mp) != 0) {
		page_db_failure(req, resp);
		return;
	}
	if (mp.f.nerrors > 0) {
		new_update_form(req, &mp);
		render_member_project(req, resp, &mp, 400);
		return;
	}
	if (project_update(mp.id, &mp.in) != 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/account/projects/%lld?saved=1", mp.id));
}

/* Writes the update and the status change in one transaction; 1, 0 when
 * this form was already sent, -1 on failure. */
static int post_update(struct request *req, const struct member_project *mp)
{
	if (db_begin() != 0)
		return -1;
	const char *status = project_lock_status(req->mem, mp->id);
	const char *to = form_value(&mp->uf, "status");
	struct project_update_input u = {
		.project_id = mp->id, .author_id = req->user->id, .body = form_value(&mp->uf, "body"),
		.status_from = status, .status_to = to[0] ? to : NULL, .form_token = form_value(&mp->uf, "form_token"),
	};
	int rc = status == NULL ? -1 : project_post_update(&u);
	if (rc <= 0 || db_commit() != 0) {
		db_rollback();
		return rc == 0 ? 0 : -1;
	}
	return 1;
}

/* POST /account/projects/{id}/updates: posts news of the project, maybe
 * with a new status. */
void handle_account_project_update(struct request *req, struct response *resp)
{
	struct member_project mp = { 0 };
	if (!load_own_project(req, resp, &mp))
		return;
	form_init(&mp.uf, req->mem, update_fields, NUPDATE);
	form_read(&mp.uf, req);
	form_check_token(req->mem, &mp.uf);
	if (mp.uf.nerrors > 0) {
		if (!load_choices(req, &mp)) {
			page_db_failure(req, resp);
			return;
		}
		load_edit_form(req, &mp);
		render_member_project(req, resp, &mp, 400);
		return;
	}
	if (post_update(req, &mp) < 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/account/projects/%lld?posted=1#updates", mp.id));
}
