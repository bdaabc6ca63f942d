/* handlers/staff.c: the steps every page of the centre staff area shares
 * (staff.h). The rule they enforce: a centre's staff act only for their own
 * centre, a moderator for any; whatever centre or id a URL or form names, the
 * check runs against the stored row before anything is shown or written. */
#include "staff.h"

#include <string.h>

#include "../auth.h"
#include "../validate.h"

#define NOT_YOUR_CENTRE                                                                   \
	"Это данные другого ресурсного центра: вы можете менять только данные своего центра. " \
	"Вернитесь в кабинет своего центра."

/* The sub-navigation, one row per enum staff_tab. */
static const struct {
	const char *path;
	const char *text;
	enum role min_role;
} staff_tabs[STAFF_TAB__MAX] = {
	{ "/staff/centre", "Профиль центра", ROLE_CENTRE_STAFF }, /* STAFF_TAB_PROFILE */
	{ "/staff/services", "Услуги", ROLE_CENTRE_STAFF },       /* STAFF_TAB_SERVICES */
	{ "/staff/news", "Новости", ROLE_CENTRE_STAFF },          /* STAFF_TAB_NEWS */
	{ "/staff/events", "Мероприятия", ROLE_CENTRE_STAFF },    /* STAFF_TAB_EVENTS */
	{ "/staff/projects", "Проекты НКО", ROLE_CENTRE_STAFF },  /* STAFF_TAB_PROJECTS */
	{ "/staff/coverage", "Охват районов", ROLE_CENTRE_STAFF }, /* STAFF_TAB_COVERAGE */
	{ "/staff/users", "Сотрудники", ROLE_CENTRE_ADMIN },      /* STAFF_TAB_USERS */
};

int staff_centre_by_id(struct request *req, struct response *resp, long long centre_id, struct staff_centre *c)
{
	if (!user_can_manage_centre(req->user, centre_id)) {
		page_error(req, resp, 403, NOT_YOUR_CENTRE);
		return 403;
	}
	struct db_rows *r = centre_by_id(req->mem, centre_id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	if (r->nrows == 0) {
		page_error(req, resp, 404, "Ресурсный центр не найден. Выберите центр из списка.");
		return 404;
	}
	c->id = centre_id;
	c->slug = db_cell(r, 0, CENTRE_SLUG);
	c->name = db_cell(r, 0, CENTRE_SHORT_NAME);
	c->row = r;
	return 0;
}

/* The moderator's page for choosing which centre to work on. */
static int choose_centre(struct request *req, struct response *resp, const char *path)
{
	struct db_rows *r = centres_all(req->mem);
	if (r == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	struct page p;
	page_begin(&p, req, "staff_choose.tpl", "Выберите ресурсный центр", NAV_NONE);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "CENTRE");
		struct link_param lp[] = { { "centre", db_cell(r, i, CENTRE_SLUG) } };
		tpl_set(s, "CENTRE_URL", build_link(req->mem, path, lp, 1));
		tpl_set(s, "CENTRE_NAME", db_cell(r, i, CENTRE_SHORT_NAME));
		tpl_set(s, "CENTRE_DISTRICT", db_cell(r, i, CENTRE_DISTRICT_NAME));
	}
	page_finish(&p, resp, 200);
	return 200;
}

int staff_centre_from_request(struct request *req, struct response *resp, const char *path, struct staff_centre *c)
{
	const char *slug = req->method == METHOD_POST ? request_form(req, "centre") : request_query(req, "centre");
	if (slug == NULL || slug[0] == '\0') {
		if (req->user->role != ROLE_MODERATOR)
			return staff_centre_by_id(req, resp, req->user->centre_id, c);
		if (req->method != METHOD_POST)
			return choose_centre(req, resp, path);
		page_error(req, resp, 400, "Не выбран ресурсный центр. Откройте форму из кабинета нужного центра.");
		return 400;
	}
	if (!valid_slug(slug)) {
		page_bad_param(req, resp, "centre");
		return 400;
	}
	long long id = centre_id_by_slug(req->mem, slug);
	if (id < 0) {
		page_db_failure(req, resp);
		return resp->status;
	}
	if (id == 0) {
		page_error(req, resp, 404, "Такого ресурсного центра нет. Выберите центр из списка.");
		return 404;
	}
	return staff_centre_by_id(req, resp, id, c);
}

char *staff_link(arena *mem, const char *path, const struct staff_centre *c)
{
	struct link_param lp[] = { { "centre", c->slug } };
	return build_link(mem, path, lp, 1);
}

/* The sub-navigation of the staff area into nav. */
static void fill_staff_nav(tpl_dict *nav, struct request *req, const struct staff_centre *c, enum staff_tab tab)
{
	tpl_set(nav, "CENTRE_NAME", c->name);
	tpl_set(nav, "CENTRE_SLUG", c->slug);
	if (req->user->role == ROLE_MODERATOR)
		tpl_set(tpl_section(nav, "CHANGE_CENTRE"), "CHANGE_CENTRE_URL", staff_tabs[tab].path);
	for (int i = 0; i < STAFF_TAB__MAX; i++) {
		if (!user_has_role(req->user, staff_tabs[i].min_role))
			continue;
		tpl_dict *s = tpl_section(nav, "TAB");
		tpl_set(s, "TAB_URL", staff_link(req->mem, staff_tabs[i].path, c));
		tpl_set(s, "TAB_TEXT", staff_tabs[i].text);
		if (i == (int)tab)
			tpl_show(s, "TAB_CURRENT");
	}
}

void staff_page_begin(struct page *p, struct request *req, const char *tpl, const char *title,
                      const struct staff_centre *c, enum staff_tab tab)
{
	page_begin(p, req, tpl, arena_printf(req->mem, "%s — %s", title, c->name), NAV_NONE);
	tpl_set(p->content, "TITLE", title);
	fill_staff_nav(tpl_include(p->content, "STAFF_NAV", "staff_nav.tpl"), req, c, tab);
	tpl_set(p->content, "CSRF", req->user->csrf);
	tpl_set(p->content, "CENTRE_SLUG", c->slug);
	tpl_set(p->content, "CENTRE_NAME", c->name);
}

void staff_saved_notice(struct request *req, tpl_dict *d)
{
	if (query_value(req, "saved") != NULL)
		tpl_set(tpl_section(d, "NOTICE"), "NOTICE_TEXT", "Изменения сохранены.");
}

void staff_form_load(struct form *f, const struct db_rows *r, const size_t *columns)
{
	for (size_t i = 0; i < f->n; i++)
		if (columns[i] != STAFF_NO_COLUMN)
			form_set_value(f, f->fields[i].name, db_cell(r, 0, columns[i]));
}

size_t staff_form_changes(const struct form *f, const struct db_rows *r, const size_t *columns,
                          struct audit_field *out)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		if (columns[i] != STAFF_NO_COLUMN)
			out[n++] = (struct audit_field){ f->fields[i].name, r ? db_cell(r, 0, columns[i]) : NULL,
			                                 f->values[i] };
	return n;
}

/* ---- districts checkbox list ----------------------------------------- */

bool district_choice_init(arena *mem, struct district_choice *dc)
{
	dc->all = districts_all(mem);
	if (dc->all == NULL)
		return false;
	dc->checked = arena_calloc(mem, dc->all->nrows + 1, sizeof *dc->checked);
	dc->ids = arena_calloc(mem, dc->all->nrows + 1, sizeof *dc->ids);
	dc->n = 0;
	return true;
}

/* Row of districts holding district id, or -1. */
static long district_row(const struct db_rows *districts, long long id)
{
	for (size_t i = 0; i < districts->nrows; i++)
		if (db_cell_int(districts, i, DISTRICT_ID) == id)
			return (long)i;
	return -1;
}


/* Rebuilds ids from checked. */
static void collect_checked(struct district_choice *dc)
{
	dc->n = 0;
	for (size_t i = 0; i < dc->all->nrows; i++)
		if (dc->checked[i])
			dc->ids[dc->n++] = db_cell_int(dc->all, i, DISTRICT_ID);
}

void district_choice_set(struct district_choice *dc, const struct db_rows *rows)
{
	for (size_t i = 0; i < rows->nrows; i++) {
		long row = district_row(dc->all, db_cell_int(rows, i, DISTRICT_ID));
		if (row >= 0)
			dc->checked[row] = true;
	}
	collect_checked(dc);
}

void district_choice_read(struct district_choice *dc, const struct request *req, struct form *f, const char *field)
{
	bool unknown = false;
	for (size_t i = 0; i < req->form.count; i++) {
		if (strcmp(req->form.items[i].name, field) != 0)
			continue;
		long long id;
		long row = valid_id(req->form.items[i].value, &id) ? district_row(dc->all, id) : -1;
		if (row < 0)
			unknown = true;
		else
			dc->checked[row] = true;
	}
	collect_checked(dc);
	if (unknown)
		form_set_error(f, field, "Отмечен район, которого нет в списке. Отметьте районы из списка.");
	else if (dc->n == 0)
		form_set_error(f, field, "Отметьте хотя бы один район.");
}

void district_choice_fill(tpl_dict *d, const struct district_choice *dc)
{
	for (size_t i = 0; i < dc->all->nrows; i++) {
		tpl_dict *o = tpl_section(d, "DISTRICT_OPTION");
		tpl_set(o, "OPTION_VALUE", db_cell(dc->all, i, DISTRICT_ID));
		tpl_set(o, "OPTION_TEXT", db_cell(dc->all, i, DISTRICT_NAME));
		if (dc->checked[i])
			tpl_show(o, "OPTION_CHECKED");
	}
}

/* Joins column col of the rows where keep (NULL = every row) is true. */
static const char *join_names(arena *mem, const struct db_rows *rows, size_t col, const bool *keep)
{
	size_t len = 1;
	for (size_t i = 0; i < rows->nrows; i++)
		len += strlen(db_cell(rows, i, col)) + 2;
	char *out = arena_alloc(mem, len), *o = out;
	*o = '\0';
	for (size_t i = 0; i < rows->nrows; i++) {
		if (keep != NULL && !keep[i])
			continue;
		o = stpcpy(o, o == out ? "" : ", ");
		o = stpcpy(o, db_cell(rows, i, col));
	}
	return out;
}

const char *district_choice_names(arena *mem, const struct district_choice *dc)
{
	return join_names(mem, dc->all, DISTRICT_NAME, dc->checked);
}

const char *district_names(arena *mem, const struct db_rows *rows)
{
	return join_names(mem, rows, DISTRICT_NAME, NULL);
}

/* ---- rows edited by id ----------------------------------------------- */

struct db_rows *staff_load(struct request *req, struct response *resp, const struct staff_entity *e,
                           long long *id, struct staff_centre *c)
{
	valid_id(request_param(req, "id"), id);
	struct db_rows *r = e->load(req->mem, *id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return NULL;
	}
	if (r->nrows == 0) {
		page_error(req, resp, 404, e->missing);
		return NULL;
	}
	if (staff_centre_by_id(req, resp, db_cell_int(r, 0, e->centre_col), c) != 0)
		return NULL;
	return r;
}

long long staff_write(struct request *req, long long (*write)(struct request *req, void *ctx), void *ctx,
                      const char *action, const char *entity, long long centre_id,
                      const struct audit_field *fields, size_t n)
{
	if (db_begin() != 0)
		return -1;
	long long id = write(req, ctx);
	if (id <= 0 || audit_record(req, action, entity, id, centre_id, fields, n) != 0 || db_commit() != 0) {
		db_rollback();
		return id == 0 ? 0 : -1;
	}
	return id;
}

void staff_redirect_saved(struct request *req, struct response *resp, const struct staff_entity *e, long long id)
{
	response_redirect(resp, 303, arena_printf(req->mem, "%s/%lld?saved=1", e->edit_path, id));
}

struct status_change {
	const struct staff_entity *e;
	long long id;
	const char *status;
};

/* staff_write's step for a status change. */
static long long write_status(struct request *req, void *ctx)
{
	const struct status_change *sc = ctx;
	return sc->e->set_status(sc->id, sc->status) == 0 ? sc->id : -1;
}

void staff_status_action(struct request *req, struct response *resp, const struct staff_entity *e,
                         const char *action, const char *status)
{
	long long id;
	struct staff_centre c;
	struct db_rows *r = staff_load(req, resp, e, &id, &c);
	if (r == NULL)
		return;
	struct audit_field f[] = { { "status", db_cell(r, 0, e->status_col), status } };
	struct status_change sc = { e, id, status };
	if (audit_changed(f, 1) > 0 && staff_write(req, write_status, &sc, action, e->entity, c.id, f, 1) < 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, e, id);
}
