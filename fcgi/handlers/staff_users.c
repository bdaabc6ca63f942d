/* handlers/staff_users.c: staff accounts (/staff/users). A centre admin
 * sees the staff of their centre and creates centre_staff accounts for it; a
 * moderator does so for any centre and may also create centre admins and
 * moderators. The initial password is hashed (argon2id) before anything is
 * stored; every creation is in the audit log. */
#include "staff.h"

#include <sodium.h>

#include "../auth.h"
#include "../timefmt.h"
#include "../validate.h"

#define USER_NAME_MAX_CHARS 200
#define ROLE_NAME_MAX_CHARS 32

static const struct form_field user_fields[] = {
	{ "name", "NAME", "NAME_ERROR", FORM_TEXT, USER_NAME_MAX_CHARS, true, NULL },
	{ "email", "EMAIL", "EMAIL_ERROR", FORM_EMAIL, EMAIL_MAX_LEN, true, NULL },
	{ "password", "PASSWORD", "PASSWORD_ERROR", FORM_PASSWORD, PASSWORD_MAX_BYTES, true, NULL },
	{ "role", "ROLE", "ROLE_ERROR", FORM_TEXT, ROLE_NAME_MAX_CHARS, true, NULL },
};
#define NUSER (sizeof user_fields / sizeof user_fields[0])

/* Which roles this user may give: a centre admin only centre_staff, a
 * moderator every staff role. */
static bool may_assign(const struct user *u, enum role r)
{
	if (r < ROLE_CENTRE_STAFF || r >= ROLE__MAX)
		return false;
	return u->role == ROLE_MODERATOR || (u->role == ROLE_CENTRE_ADMIN && r == ROLE_CENTRE_STAFF);
}

/* The role select: the roles this user may give, the chosen one marked. */
static void fill_role_options(tpl_dict *d, const struct user *u, const char *selected)
{
	for (int r = ROLE_CENTRE_STAFF; r < ROLE__MAX; r++) {
		if (!may_assign(u, (enum role)r))
			continue;
		tpl_dict *o = tpl_section(d, "ROLE_OPTION");
		tpl_set(o, "OPTION_VALUE", role_name((enum role)r));
		tpl_set(o, "OPTION_TEXT", role_label((enum role)r));
		if (role_from_string(selected) == (enum role)r)
			tpl_show(o, "OPTION_SELECTED");
	}
}

/* The centre's staff list and the new-account form (refilled after errors). */
static void render_users(struct request *req, struct response *resp, const struct staff_centre *c,
                         const struct form *f, int status)
{
	struct db_rows *r = users_of_centre(req->mem, c->id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_users.tpl", "Сотрудники центра", c, STAFF_TAB_USERS);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "USER");
		tpl_set(s, "NAME", db_cell(r, i, STAFF_USER_NAME));
		tpl_set(s, "EMAIL", db_cell(r, i, STAFF_USER_EMAIL));
		tpl_set(s, "ROLE", role_label(role_from_string(db_cell(r, i, STAFF_USER_ROLE))));
		tpl_set(s, "CREATED_AT", format_date_ru(req->mem, db_cell(r, i, STAFF_USER_CREATED_AT)));
		if (!db_cell_int(r, i, STAFF_USER_ACTIVE))
			tpl_show(s, "INACTIVE");
	}
	form_fill(f, p.content);
	fill_role_options(p.content, req->user, form_value(f, "role"));
	if (req->user->role == ROLE_MODERATOR)
		tpl_show(p.content, "MODERATOR_HINT");
	if (status == 200)
		staff_saved_notice(req, p.content);
	page_finish(&p, resp, status);
}

/* GET /staff/users: the centre's staff and the form for a new account. */
void handle_staff_users(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/users", &c) != 0)
		return;
	struct form f;
	form_init(&f, req->mem, user_fields, NUSER);
	form_set_value(&f, "role", role_name(ROLE_CENTRE_STAFF));
	render_users(req, resp, &c, &f, 200);
}

/* staff_write's step: the account (ctx is its struct new_user). */
static long long write_user(struct request *req, void *ctx)
{
	return user_create(ctx);
}

/* POST /staff/users: creates the account. */
void handle_staff_user_create(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/users", &c) != 0)
		return;
	struct form f;
	form_init(&f, req->mem, user_fields, NUSER);
	form_read(&f, req);
	enum role role = role_from_string(form_value(&f, "role"));
	if (role < ROLE_CENTRE_STAFF)
		form_set_error(&f, "role", "Выберите роль из списка.");
	else if (!may_assign(req->user, role)) {
		page_error(req, resp, 403, "Администратор центра создаёт только учётные записи сотрудников. "
		                           "Администраторов и модераторов создаёт модератор министерства.");
		return;
	}
	if (f.nerrors > 0) {
		render_users(req, resp, &c, &f, 400);
		return;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(form_value(&f, "password"), hash, sizeof hash) != 0) {
		page_error(req, resp, 500, "Не удалось сохранить пароль. Попробуйте ещё раз.");
		return;
	}
	long long centre_id = role == ROLE_MODERATOR ? 0 : c.id;
	struct new_user u = { form_value(&f, "email"), form_value(&f, "name"), hash, role_name(role), "",
		              centre_id, 0 };
	struct audit_field changes[] = {
		{ "name", NULL, u.name }, { "email", NULL, u.email }, { "role", NULL, role_label(role) },
		{ "centre", NULL, centre_id ? c.name : NULL },
	};
	size_t n = audit_changed(changes, sizeof changes / sizeof changes[0]);
	long long id = staff_write(req, write_user, &u, "user.create", "user", centre_id, changes, n);
	if (id == 0) {
		form_set_error(&f, "email", "Этот адрес уже занят другой учётной записью. Укажите другой адрес.");
		render_users(req, resp, &c, &f, 400);
		return;
	}
	if (id < 0) {
		page_db_failure(req, resp);
		return;
	}
	struct link_param lp[] = { { "centre", c.slug }, { "saved", "1" } };
	response_redirect(resp, 303, build_link(req->mem, "/staff/users", lp, 2));
}
