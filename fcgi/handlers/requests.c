/* handlers/requests.c: the beneficiary's side of service requests. The
 * request form on a service page (or a sign-in link), sending it
 * (POST /services/{id}/requests), and the member's own requests
 * (/account/requests, /account/requests/{id}) with their history. Also the
 * parts of a request page the staff pages share (facts, history).
 *
 * A request is written in one transaction with its 'created' event and the
 * notifications to the centre's staff. Each rendered form carries a random
 * form token; UNIQUE(user_id, form_token) turns a reload or a double click
 * into the request already made, and the person lands on its page. */
#include "handlers.h"

#include <string.h>

#include "staff.h" /* the one-time form tokens of creation forms */

#include "../auth.h"
#include "../config.h"
#include "../form.h"
#include "../timefmt.h"
#include "../validate.h"

#define REQUEST_TOPIC_MAX_CHARS 200     /* service_requests.topic VARCHAR(200) */
#define REQUEST_MESSAGE_MAX_CHARS 5000
#define CONTACT_VALUE_MAX_CHARS EMAIL_MAX_LEN /* service_requests.contact_value VARCHAR(254) */
#define ACCOUNT_REQUESTS_PAGE_SIZE 20

static const struct form_field request_fields[] = {
	{ "topic", "TOPIC", "TOPIC_ERROR", FORM_TEXT, REQUEST_TOPIC_MAX_CHARS, true, NULL },
	{ "message", "MESSAGE", "MESSAGE_ERROR", FORM_MULTILINE, REQUEST_MESSAGE_MAX_CHARS, true, NULL },
	{ "contact_method", "CONTACT_METHOD", "CONTACT_METHOD_ERROR", FORM_CHOICE, 0, true, contact_method_labels },
	{ "contact_value", "CONTACT_VALUE", "CONTACT_VALUE_ERROR", FORM_TEXT, CONTACT_VALUE_MAX_CHARS, true, NULL },
	{ "ngo_id", "NGO_ID", "NGO_ID_ERROR", FORM_ID, 0, false, NULL },
	{ "consent", "CONSENT_CHECKED", "CONSENT_ERROR", FORM_CHECKBOX, 1, true, NULL },
	FORM_TOKEN_FIELD,
};
#define NREQUEST (sizeof request_fields / sizeof request_fields[0])

/* The site's absolute address ([site] base_url), for links in e-mails. */
const char *site_base_url(void)
{
	const struct config *c = config_current();
	return c != NULL ? c->base_url : "";
}

/* The first display of the form: contact from the account, the member's NGO. */
static void set_request_defaults(struct form *f, const struct user *u, arena *mem)
{
	form_set_value(f, "contact_method", "email");
	form_set_value(f, "contact_value", u->email);
	form_set_value(f, "ngo_id", u->ngo_id > 0 ? arena_printf(mem, "%lld", u->ngo_id) : "");
	form_set_value(f, "form_token", form_new_token(mem));
}

/* The NGO select: none, or the member's own NGO (0 or -1 on failure). */
static int fill_ngo_options(tpl_dict *d, arena *mem, const struct user *u, const char *selected)
{
	if (u->ngo_id <= 0)
		return 0;
	struct db_rows *n = ngo_by_id(mem, u->ngo_id);
	if (n == NULL)
		return -1;
	if (n->nrows == 0)
		return 0;
	struct label own[] = { { db_cell(n, 0, NGO_ID), db_cell(n, 0, NGO_SHORT_NAME) }, { NULL, NULL } };
	fill_label_options(d, "NGO_OPTION", own, selected);
	return 0;
}

/* The REQUEST_FORM include of a service page: the form, or a sign-in link. */
int fill_request_form(struct request *req, tpl_dict *page, long long service_id,
                      const struct form *typed)
{
	tpl_dict *d = tpl_include(page, "REQUEST_FORM", "request_form.tpl");
	tpl_set_int(d, "SERVICE_ID", service_id);
	if (req->user == NULL) {
		tpl_set(tpl_section(d, "SIGN_IN"), "LOGIN_URL",
		        login_url(req->mem, arena_printf(req->mem, "/services/%lld#request", service_id)));
		return 0;
	}
	struct form f;
	if (typed != NULL) {
		f = *typed;
	} else {
		form_init(&f, req->mem, request_fields, NREQUEST);
		set_request_defaults(&f, req->user, req->mem);
	}
	tpl_show(d, "FORM");
	tpl_set_int(d, "TOPIC_MAX", REQUEST_TOPIC_MAX_CHARS);
	tpl_set_int(d, "MESSAGE_MAX", REQUEST_MESSAGE_MAX_CHARS);
	tpl_set_int(d, "CONTACT_MAX", CONTACT_VALUE_MAX_CHARS);
	tpl_set(d, "CSRF", req->user->csrf);
	form_fill(&f, d);
	fill_label_options(d, "CONTACT_METHOD_OPTION", contact_method_labels, form_value(&f, "contact_method"));
	return fill_ngo_options(d, req->mem, req->user, form_value(&f, "ngo_id"));
}

/* Checks what the field table cannot: the contact matches its method, the
 * NGO is the member's own, the form token is one we could have issued (a
 * broken one is replaced, so that the refilled form can be sent). */
static void check_request_extras(struct request *req, struct form *f)
{
	const char *method = form_value(f, "contact_method"), *value = form_value(f, "contact_value");
	if (value[0] != '\0' && label_index(contact_method_labels, method) >= 0) {
		struct form_field as = { .kind = strcmp(method, "phone") == 0 ? FORM_PHONE : FORM_EMAIL };
		if (!(as.kind == FORM_PHONE ? valid_phone(value) : valid_email(value)))
			form_set_error(f, "contact_value", form_kind_message(req->mem, &as));
	}
	long long ngo = form_id(f, "ngo_id");
	if (ngo > 0 && ngo != req->user->ngo_id)
		form_set_error(f, "ngo_id", "Можно выбрать только организацию из вашей учётной записи "
		                            "или «Без организации».");
	form_check_token(req->mem, f);
}

/* Queues the message to the staff of the centre that received the request. */
static int notify_new_request(struct request *req, const struct db_rows *s, const struct form *f, long long id)
{
	const char *subject = arena_printf(req->mem, "Новая заявка №%lld на услугу «%s»", id,
	                                   db_cell(s, 0, TARGET_SERVICE_TITLE));
	const char *body = arena_printf(
		req->mem,
		"Здравствуйте!\n\nНа услугу «%s» поступила новая заявка №%lld.\n\n"
		"Тема: %s\nЗаявитель: %s\nСпособ связи: %s — %s\n\nСообщение:\n%s\n\n"
		"Открыть заявку: %s/staff/requests/%lld\n",
		db_cell(s, 0, TARGET_SERVICE_TITLE), id, form_value(f, "topic"), req->user->name,
		label_text(contact_method_labels, form_value(f, "contact_method")), form_value(f, "contact_value"),
		form_value(f, "message"), site_base_url(), id);
	return outbox_enqueue_centre_staff(req->mem, db_cell_int(s, 0, TARGET_SERVICE_CENTRE_ID), subject, body);
}

/* Writes the request, its first event and the staff notifications in one
 * transaction. Returns the request's id (the earlier one for a form sent
 * twice), or -1. */
static long long create_request(struct request *req, const struct db_rows *s, const struct form *f)
{
	struct new_request nr = {
		.service_id = db_cell_int(s, 0, TARGET_SERVICE_ID), .centre_id = db_cell_int(s, 0, TARGET_SERVICE_CENTRE_ID),
		.user_id = req->user->id, .ngo_id = form_id(f, "ngo_id"), .topic = form_value(f, "topic"),
		.message = form_value(f, "message"), .contact_method = form_value(f, "contact_method"),
		.contact_value = form_value(f, "contact_value"), .form_token = form_value(f, "form_token"),
	};
	long long id = 0;
	if (db_begin() != 0)
		return -1;
	int rc = request_insert(&nr, &id);
	if (rc == 0) {
		db_rollback();
		return request_id_by_form_token(req->mem, nr.user_id, nr.form_token);
	}
	struct request_event e = { .request_id = id, .actor_id = nr.user_id, .kind = "created", .note = "" };
	if (rc < 0 || request_event_add(&e) != 0 || notify_new_request(req, s, f, id) != 0 || db_commit() != 0) {
		db_rollback();
		return -1;
	}
	return id;
}

/* POST /services/{id}/requests: 303 to the new (or already sent) request,
 * or 400 with the service page and the form as typed. */
void handle_request_create(struct request *req, struct response *resp)
{
	long long service_id;
	valid_id(request_param(req, "id"), &service_id);
	struct db_rows *s = request_service(req->mem, service_id);
	if (s == NULL) {
		page_db_failure(req, resp);
		return;
	}
	if (s->nrows == 0) {
		page_error(req, resp, 404, "Услуга не найдена. Возможно, ссылка устарела; найдите услугу в каталоге.");
		return;
	}
	if (strcmp(db_cell(s, 0, TARGET_SERVICE_STATUS), "active") != 0) {
		page_error(req, resp, 400, "Эта услуга в архиве и заявок не принимает. "
		                           "Найдите похожую услугу в каталоге.");
		return;
	}
	struct form f;
	form_init(&f, req->mem, request_fields, NREQUEST);
	form_read(&f, req);
	check_request_extras(req, &f);
	if (f.nerrors > 0) {
		render_service(req, resp, service_id, &f, 400);
		return;
	}
	long long id = create_request(req, s, &f);
	if (id <= 0) {
		page_db_failure(req, resp);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/account/requests/%lld", id));
}

/* Number, topic, service, centre, applicant, status and dates of row i. */
void fill_request_facts(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i)
{
	tpl_set(d, "ID", db_cell(r, i, REQUEST_ID));
	tpl_set(d, "TOPIC", db_cell(r, i, REQUEST_TOPIC));
	tpl_set(d, "SERVICE_ID", db_cell(r, i, REQUEST_SERVICE_ID));
	tpl_set(d, "SERVICE_TITLE", db_cell(r, i, REQUEST_SERVICE_TITLE));
	tpl_set(d, "CENTRE_SLUG", db_cell(r, i, REQUEST_CENTRE_SLUG));
	tpl_set(d, "CENTRE_NAME", db_cell(r, i, REQUEST_CENTRE_NAME));
	tpl_set(d, "USER_NAME", db_cell(r, i, REQUEST_USER_NAME));
	tpl_set(d, "STATUS", db_cell(r, i, REQUEST_STATUS));
	tpl_set(d, "STATUS_LABEL", label_text(request_status_labels, db_cell(r, i, REQUEST_STATUS)));
	tpl_set(d, "CREATED_AT", format_datetime_ru(mem, db_cell(r, i, REQUEST_CREATED_AT)));
	tpl_set(d, "UPDATED_AT", format_datetime_ru(mem, db_cell(r, i, REQUEST_UPDATED_AT)));
}

/* The whole of one request: its facts, message, contact and NGO. */
void fill_request_detail(tpl_dict *d, arena *mem, const struct db_rows *r)
{
	fill_request_facts(d, mem, r, 0);
	tpl_set(d, "MESSAGE", db_cell(r, 0, REQUEST_MESSAGE));
	tpl_set(d, "CONTACT_METHOD", label_text(contact_method_labels, db_cell(r, 0, REQUEST_CONTACT_METHOD)));
	tpl_set(d, "CONTACT_VALUE", db_cell(r, 0, REQUEST_CONTACT_VALUE));
	if (db_cell_int(r, 0, REQUEST_NGO_ID) > 0) {
		tpl_dict *n = tpl_section(d, "HAS_NGO");
		tpl_set(n, "NGO_ID", db_cell(r, 0, REQUEST_NGO_ID));
		tpl_set(n, "NGO_NAME", db_cell(r, 0, REQUEST_NGO_NAME));
	}
}

/* The HISTORY include: every event, oldest first, referrals with both centres. */
void fill_request_history(tpl_dict *d, arena *mem, const struct db_rows *events)
{
	tpl_dict *h = tpl_include(d, "HISTORY", "request_history.tpl");
	for (size_t i = 0; i < events->nrows; i++) {
		tpl_dict *e = tpl_section(h, "EVENT");
		tpl_set(e, "HISTORY_KIND", db_cell(events, i, HISTORY_KIND));
		tpl_set(e, "EVENT_LABEL", label_text(request_event_labels, db_cell(events, i, HISTORY_KIND)));
		tpl_set(e, "EVENT_AT", format_datetime_ru(mem, db_cell(events, i, HISTORY_CREATED_AT)));
		tpl_set(e, "EVENT_ACTOR", db_cell(events, i, HISTORY_ACTOR_NAME));
		set_optional(e, "HAS_NOTE", "HISTORY_NOTE", db_cell(events, i, HISTORY_NOTE));
		if (db_cell(events, i, HISTORY_TO_CENTRE) != NULL) {
			tpl_dict *ref = tpl_section(e, "REFERRAL");
			tpl_set(ref, "FROM_CENTRE", db_cell(events, i, HISTORY_FROM_CENTRE));
			tpl_set(ref, "TO_CENTRE", db_cell(events, i, HISTORY_TO_CENTRE));
		}
	}
}

/* GET /account/requests: the member's requests, newest first. */
void handle_account_requests(struct request *req, struct response *resp)
{
	struct link_param params[] = { { "page", query_value(req, "page") } };
	int page = 1;
	if (params[0].value && !valid_page(params[0].value, &page)) {
		page_bad_param(req, resp, "page");
		return;
	}
	long long total = requests_count_of_user(req->mem, req->user->id);
	struct db_rows *r = total < 0 ? NULL
	                              : requests_of_user(req->mem, req->user->id, ACCOUNT_REQUESTS_PAGE_SIZE,
	                                                 (page - 1) * ACCOUNT_REQUESTS_PAGE_SIZE);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	int pages = (int)((total + ACCOUNT_REQUESTS_PAGE_SIZE - 1) / ACCOUNT_REQUESTS_PAGE_SIZE);
	struct page p;
	page_begin(&p, req, "account_requests.tpl", "Мои заявки", NAV_NONE);
	tpl_set_int(p.content, "TOTAL", total);
	for (size_t i = 0; i < r->nrows; i++)
		fill_request_facts(tpl_section(p.content, "REQUEST"), req->mem, r, i);
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(p.content, req->mem, "/account/requests", params, 1, 0, page, pages);
	page_finish(&p, resp, 200);
}

/* GET /account/requests/{id}: one of the member's requests. */
void handle_account_request(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	render_account_request(req, resp, id, NULL, 200);
}

/* The page of request id for its owner (404 for anyone else): its facts,
 * history and the rating part, with the rating form as typed. */
void render_account_request(struct request *req, struct response *resp, long long id,
                            const struct rating_form *typed, int status)
{
	struct db_rows *r = request_by_id(req->mem, id);
	bool own = r != NULL && r->nrows && db_cell_int(r, 0, REQUEST_USER_ID) == req->user->id;
	struct db_rows *events = own ? request_events(req->mem, id) : NULL;
	if (r == NULL || (own && events == NULL)) {
		page_db_failure(req, resp);
		return;
	}
	if (!own) {
		page_error(req, resp, 404, "Заявка не найдена. Откройте её из списка ваших заявок.");
		return;
	}
	struct page p;
	page_begin(&p, req, "account_request.tpl",
	           arena_printf(req->mem, "Заявка №%lld", id), NAV_NONE);
	fill_request_detail(p.content, req->mem, r);
	fill_request_history(p.content, req->mem, events);
	if (fill_request_rating(req, p.content, r, typed) != 0) {
		tpl_dict_free(p.root);
		page_db_failure(req, resp);
		return;
	}
	page_finish(&p, resp, status);
}
