/* handlers/account.c: registration, sign-in with attempt limits, sign-out,
 * the account page and the personal-data policy (152-FZ). */
#include "handlers.h"

#include <sodium.h>
#include <string.h>

#include "../auth.h"
#include "../config.h"
#include "../form.h"
#include "../validate.h"

#define LOGIN_WINDOW_MINUTES 15
#define LOGIN_MAX_FAILURES_PER_ACCOUNT 20  /* then the account is locked for the window */
#define LOGIN_MAX_FAILURES_PER_ADDRESS 100 /* then the address waits for the window */
#define NAME_MAX_CHARS 200
#define NEXT_MAX_BYTES 1000 /* a longer return path is dropped for /account */

static const struct form_field register_fields[] = {
	{ "name", "NAME", "NAME_ERROR", FORM_TEXT, NAME_MAX_CHARS, true, NULL },
	{ "email", "EMAIL", "EMAIL_ERROR", FORM_EMAIL, EMAIL_MAX_LEN, true, NULL },
	{ "phone", "PHONE", "PHONE_ERROR", FORM_PHONE, PHONE_MAX_LEN, false, NULL },
	{ "ngo_inn", "NGO_INN", "NGO_INN_ERROR", FORM_TEXT, 12, false, NULL },
	{ "password", "PASSWORD", "PASSWORD_ERROR", FORM_PASSWORD, PASSWORD_MAX_BYTES, true, NULL },
	{ "password2", "PASSWORD2", "PASSWORD2_ERROR", FORM_PASSWORD, PASSWORD_MAX_BYTES, true, NULL },
	{ "consent", "CONSENT_CHECKED", "CONSENT_ERROR", FORM_CHECKBOX, 1, true, NULL },
};
#define NREGISTER (sizeof register_fields / sizeof register_fields[0])

static const struct form_field login_fields[] = {
	{ "email", "EMAIL", "EMAIL_ERROR", FORM_EMAIL, EMAIL_MAX_LEN, true, NULL },
	{ "password", "PASSWORD", "PASSWORD_ERROR", FORM_TEXT, PASSWORD_MAX_BYTES, true, NULL },
	{ "next", "NEXT", "NEXT_ERROR", FORM_TEXT, NEXT_MAX_BYTES, false, NULL },
};
#define NLOGIN (sizeof login_fields / sizeof login_fields[0])

static bool secure_cookies(void)
{
	const struct config *c = config_current();
	return c != NULL && c->secure_cookies;
}

/* A "next" target must be a local path: never another site ("//host"). */
static const char *safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strpbrk(next, "\r\n") ||
	    strlen(next) > NEXT_MAX_BYTES)
		return "/account";
	return next;
}

char *login_url(arena *mem, const char *next)
{
	struct link_param p[] = { { "next", strlen(next) <= NEXT_MAX_BYTES ? next : NULL } };
	return build_link(mem, "/login", p, 1);
}

static void render_form(struct request *req, struct response *resp, const char *tpl, const char *title,
                        const struct form *f, int status, const char *notice)
{
	struct page p;
	page_begin(&p, req, tpl, title, NAV_NONE);
	tpl_set(p.content, "CSRF", csrf_token(req, resp, secure_cookies()));
	if (f != NULL)
		form_fill(f, p.content);
	if (notice != NULL)
		tpl_set(tpl_section(p.content, "NOTICE"), "NOTICE_TEXT", notice);
	page_finish(&p, resp, status);
}

void handle_register_form(struct request *req, struct response *resp)
{
	if (req->user != NULL) {
		response_redirect(resp, 303, "/account");
		return;
	}
	render_form(req, resp, "register.tpl", "Регистрация", NULL, 200, NULL);
}

/* Checks what the field table cannot: matching passwords, a known NGO. */
static long long check_register_extras(struct request *req, struct form *f)
{
	if (strcmp(form_value(f, "password"), form_value(f, "password2")) != 0)
		form_set_error(f, "password2", "Пароли не совпадают. Введите один и тот же пароль дважды.");
	const char *inn = form_value(f, "ngo_inn");
	if (inn[0] == '\0')
		return 0;
	if (!valid_inn(inn)) {
		form_set_error(f, "ngo_inn", "ИНН организации — 10 цифр с верной контрольной цифрой. Проверьте номер.");
		return 0;
	}
	long long id = ngo_id_by_inn(req->mem, inn);
	if (id == 0)
		form_set_error(f, "ngo_inn", "Организации с таким ИНН нет в реестре. Оставьте поле пустым или проверьте номер.");
	return id;
}

void handle_register(struct request *req, struct response *resp)
{
	struct form f;
	form_init(&f, req->mem, register_fields, NREGISTER);
	form_read(&f, req);
	long long ngo_id = check_register_extras(req, &f);
	if (ngo_id < 0) {
		page_db_failure(req, resp);
		return;
	}
	if (f.nerrors > 0) {
		render_form(req, resp, "register.tpl", "Регистрация", &f, 400, NULL);
		return;
	}
	char hash[256];
	if (password_hash(form_value(&f, "password"), hash, sizeof hash) != 0) {
		page_error(req, resp, 500, "Не удалось сохранить пароль. Попробуйте ещё раз.");
		return;
	}
	struct new_user u = { .email = form_value(&f, "email"), .name = form_value(&f, "name"),
		              .password_hash = hash, .role = "member", .phone = form_value(&f, "phone"),
		              .ngo_id = ngo_id };
	long long id = user_create(&u);
	if (id == 0) {
		form_set_error(&f, "email", "Этот адрес уже зарегистрирован. Войдите с ним на сайт.");
		render_form(req, resp, "register.tpl", "Регистрация", &f, 400, NULL);
		return;
	}
	if (id < 0 || session_start(req, resp, id, secure_cookies()) != 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, "/account");
}

void handle_login_form(struct request *req, struct response *resp)
{
	struct form f;
	form_init(&f, req->mem, login_fields, NLOGIN);
	form_set_value(&f, "next", safe_next(request_query(req, "next")));
	render_form(req, resp, "login.tpl", "Вход", &f, 200, NULL);
}

/* Verifies against a real hash even for unknown e-mails, so that response
 * time does not tell which addresses have accounts. */
static bool credentials_match(const struct db_rows *u, const char *password)
{
	static char dummy[crypto_pwhash_STRBYTES];
	if (dummy[0] == '\0')
		password_hash("not-a-real-password", dummy, sizeof dummy);
	if (u->nrows == 0 || !db_cell_int(u, 0, USER_IS_ACTIVE)) {
		password_verify(dummy, password);
		return false;
	}
	return password_verify(db_cell(u, 0, USER_PASSWORD_HASH), password);
}

static void login_refused(struct request *req, struct response *resp, struct form *f, int status, const char *why)
{
	form_set_error(f, "password", why);
	render_form(req, resp, "login.tpl", "Вход", f, status, NULL);
}

/* Records a failure and locks the account once it has had too many. */
static void count_failure(struct request *req, const char *email, const char *addr)
{
	login_failure_record(email, addr);
	if (login_failures_for_email(req->mem, email, LOGIN_WINDOW_MINUTES) >= LOGIN_MAX_FAILURES_PER_ACCOUNT)
		user_lock(email, LOGIN_WINDOW_MINUTES);
}

void handle_login(struct request *req, struct response *resp)
{
	struct form f;
	form_init(&f, req->mem, login_fields, NLOGIN);
	if (form_read(&f, req) > 0) {
		render_form(req, resp, "login.tpl", "Вход", &f, 400, NULL);
		return;
	}
	const char *email = form_value(&f, "email"), *addr = req->remote_addr ? req->remote_addr : "";
	long long by_addr = login_failures_for_address(req->mem, addr, LOGIN_WINDOW_MINUTES);
	struct db_rows *u = user_by_email(req->mem, email);
	if (by_addr < 0 || u == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (by_addr >= LOGIN_MAX_FAILURES_PER_ADDRESS) {
		login_refused(req, resp, &f, 429, "Слишком много неудачных попыток входа с вашего адреса. "
		                                  "Подождите 15 минут и попробуйте снова.");
		return;
	}
	if (u->nrows && db_cell_int(u, 0, USER_IS_LOCKED)) {
		login_refused(req, resp, &f, 429, "Вход в эту учётную запись временно заблокирован после многих "
		                                  "неверных паролей. Попробуйте через 15 минут.");
		return;
	}
	if (!credentials_match(u, form_value(&f, "password"))) {
		count_failure(req, email, addr);
		login_refused(req, resp, &f, 400, "Неверный адрес электронной почты или пароль.");
		return;
	}
	login_failures_clear(email);
	if (session_start(req, resp, db_cell_int(u, 0, USER_ID), secure_cookies()) != 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, safe_next(form_value(&f, "next")));
}

void handle_logout(struct request *req, struct response *resp)
{
	if (session_end(req, resp, secure_cookies()) != 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, "/");
}

void handle_account(struct request *req, struct response *resp)
{
	const struct user *u = req->user;
	struct page p;
	page_begin(&p, req, "account.tpl", "Личный кабинет", NAV_NONE);
	tpl_set(p.content, "USER_NAME", u->name);
	tpl_set(p.content, "USER_EMAIL", u->email);
	tpl_set(p.content, "USER_ROLE", role_label(u->role));
	if (u->ngo_id > 0) {
		struct db_rows *n = ngo_by_id(req->mem, u->ngo_id);
		if (n != NULL && n->nrows) {
			tpl_dict *s = tpl_section(p.content, "HAS_NGO");
			tpl_set(s, "NGO_ID", db_cell(n, 0, NGO_ID));
			tpl_set(s, "NGO_NAME", db_cell(n, 0, NGO_SHORT_NAME));
		}
	}
	if (user_has_role(u, ROLE_CENTRE_STAFF))
		tpl_show(p.content, "IS_STAFF");
	page_finish(&p, resp, 200);
}

void handle_policy(struct request *req, struct response *resp)
{
	struct page p;
	page_begin(&p, req, "policy.tpl", "Политика обработки персональных данных", NAV_NONE);
	page_finish(&p, resp, 200);
}
