/* handlers/staff_requests.c: the staff side of service requests. /staff/ is
 * the centre's inbox (moderators see every centre's, with a centre filter);
 * /staff/requests/{id} shows one request with its history and the actions
 * its status allows; POST /staff/requests/{id}/{action} performs one.
 *
 * The actions are a table: which statuses each starts from, the status it
 * leaves, whether it needs a note or a target centre. Every action is one
 * transaction: the status (and, for a referral, the centre), a
 * request_events row, the audit record with before/after, and the
 * notifications. After a referral only the receiving centre (and
 * moderators) may act; the sending centre keeps read access to the history
 * it took part in, but the request leaves its inbox. Staff of any other
 * centre get 404, as if the request did not exist. */
#include "handlers.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth.h"
#include "../form.h"
#include "../timefmt.h"
#include "../validate.h"

#define INBOX_PAGE_SIZE 20
#define NOTE_MAX_CHARS 2000
#define DATE_PARAM_LEN 10 /* YYYY-MM-DD */

/* Indexes of request_status_labels, as bits of an action's "from" set. */
enum { ST_NEW, ST_ACCEPTED, ST_DONE, ST_DECLINED };
#define FROM(st) (1u << (st))
#define FROM_OPEN (FROM(ST_NEW) | FROM(ST_ACCEPTED))
#define FROM_ANY (FROM_OPEN | FROM(ST_DONE) | FROM(ST_DECLINED))

static const struct form_field note_optional_fields[] = {
	{ "note", "NOTE", "NOTE_ERROR", FORM_MULTILINE, NOTE_MAX_CHARS, false, NULL },
};
static const struct form_field note_required_fields[] = {
	{ "note", "NOTE", "NOTE_ERROR", FORM_MULTILINE, NOTE_MAX_CHARS, true, NULL },
};
static const struct form_field refer_fields[] = {
	{ "centre", "CENTRE", "CENTRE_ERROR", FORM_ID, 0, true, NULL },
	{ "note", "NOTE", "NOTE_ERROR", FORM_MULTILINE, NOTE_MAX_CHARS, true, NULL },
};

struct staff_action {
	const char *name;      /* the URL segment; audit action "request.<name>" */
	const char *kind;      /* request_events.kind */
	unsigned from;         /* FROM() set of statuses it may start from */
	const char *to_status; /* NULL: the status stays (a comment) */
	bool refers;           /* moves the request to the centre of the "centre" field */
	const struct form_field *fields;
	size_t nfields;
	const char *title, *button, *note_label;
};

#define FIELDS(t) t, sizeof t / sizeof t[0]
static const struct staff_action actions[] = {
	{ "accept", "accepted", FROM(ST_NEW), "accepted", false, FIELDS(note_optional_fields),
	  "Принять в работу", "Принять заявку", "Комментарий для заявителя (необязательно)" },
	{ "done", "done", FROM(ST_ACCEPTED), "done", false, FIELDS(note_optional_fields),
	  "Отметить выполненной", "Заявка выполнена", "Что сделано (необязательно)" },
	{ "decline", "declined", FROM_OPEN, "declined", false, FIELDS(note_required_fields),
	  "Отклонить", "Отклонить заявку", "Причина отказа (её увидит заявитель)" },
	{ "refer", "referred", FROM_OPEN, "new", true, FIELDS(refer_fields),
	  "Передать в другой центр", "Передать заявку", "Почему передаёте и что уже известно" },
	{ "comment", "comment", FROM_ANY, NULL, false, FIELDS(note_required_fields),
	  "Комментарий", "Добавить комментарий", "Текст комментария (его увидит заявитель)" },
};
#undef FIELDS
#define NACTIONS (sizeof actions / sizeof actions[0])

/* ---- the inbox ------------------------------------------------------ */

/* The inbox's parameters, in the order links are written. */
enum { IQ_CENTRE, IQ_STATUS, IQ_SERVICE, IQ_FROM, IQ_TO, IQ_PAGE, IQ__MAX };
static const char *const inbox_params[IQ__MAX] = {
	"centre",  /* IQ_CENTRE: centre slug, moderators only */
	"status",  /* IQ_STATUS: request_status_labels value */
	"service", /* IQ_SERVICE: service id */
	"from",    /* IQ_FROM: created on or after, YYYY-MM-DD local */
	"to",      /* IQ_TO: created on or before, YYYY-MM-DD local */
	"page",    /* IQ_PAGE: 1..PAGE_MAX */
};

struct inbox {
	struct link_param params[IQ__MAX];
	struct inbox_filter filter;
	int page;
	bool all_centres;        /* a moderator: every centre, filter by centre */
	struct db_rows *centres; /* centres_all() */
	struct db_rows *services;
};

/* True when s is a calendar date "YYYY-MM-DD"; *tm receives it at noon. */
static bool parse_date(const char *s, struct tm *tm)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != DATE_PARAM_LEN)
		return false;
	for (size_t i = 0; i < DATE_PARAM_LEN; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return false;
	int y, m, d;
	sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900, tm->tm_mon = m - 1, tm->tm_mday = d, tm->tm_hour = 12;
	timegm(tm); /* normalises 31 February into March: then it was not a date */
	return tm->tm_year == y - 1900 && tm->tm_mon == m - 1 && tm->tm_mday == d;
}

/* UTC start of a local day, plus days_after days ("to" is inclusive). */
static const char *day_start_utc(arena *mem, struct tm tm, int days_after)
{
	tm.tm_mday += days_after;
	timegm(&tm);
	return local_input_to_utc(mem, arena_printf(mem, "%04d-%02d-%02dT00:00", tm.tm_year + 1900, tm.tm_mon + 1,
	                                            tm.tm_mday));
}

/* Reads the from/to dates into the filter; returns 0 or 400 (sent). */
static int read_dates(struct request *req, struct response *resp, struct inbox *in)
{
	static const char *const fix = "Параметр «%s»: укажите дату в виде ГГГГ-ММ-ДД, например 2026-03-31, "
	                               "или уберите этот параметр из адреса.";
	struct tm from, to;
	const char *f = in->params[IQ_FROM].value, *t = in->params[IQ_TO].value;
	if (f != NULL && !parse_date(f, &from)) {
		page_error(req, resp, 400, arena_printf(req->mem, fix, "from"));
		return 400;
	}
	if (t != NULL && !parse_date(t, &to)) {
		page_error(req, resp, 400, arena_printf(req->mem, fix, "to"));
		return 400;
	}
	if (f != NULL && t != NULL && strcmp(f, t) > 0) {
		page_error(req, resp, 400, "Параметр «to»: дата окончания раньше даты начала. "
		                           "Поменяйте даты местами.");
		return 400;
	}
	in->filter.from_utc = f ? day_start_utc(req->mem, from, 0) : "";
	in->filter.to_utc = t ? day_start_utc(req->mem, to, 1) : "";
	return 0;
}

/* Row index of the centre with this id in centres_all(); -1 when none. */
static long centre_row(const struct db_rows *centres, long long id)
{
	for (size_t i = 0; i < centres->nrows; i++)
		if (db_cell_int(centres, i, CENTRE_ID) == id)
			return (long)i;
	return -1;
}

/* The centre whose inbox this is: the staff member's own, or for a
 * moderator the one of ?centre= (0 = all). Returns 0 or the status sent. */
static int read_centre(struct request *req, struct response *resp, struct inbox *in)
{
	if (in->all_centres)
		return resolve_slug(req, resp, "centre", in->params[IQ_CENTRE].value, centre_id_by_slug,
		                    &in->filter.centre_id);
	in->params[IQ_CENTRE].value = NULL;
	in->filter.centre_id = req->user->centre_id;
	return 0;
}

/* The service filter must name one of the services in this inbox. */
static int read_service(struct request *req, struct response *resp, struct inbox *in)
{
	const char *v = in->params[IQ_SERVICE].value;
	if (v == NULL)
		return 0;
	long long id = 0;
	bool listed = false;
	if (valid_id(v, &id))
		for (size_t i = 0; i < in->services->nrows && !listed; i++)
			listed = db_cell_int(in->services, i, 0) == id;
	if (!listed) {
		page_bad_param(req, resp, "service");
		return 400;
	}
	in->filter.service_id = id;
	return 0;
}

/* Reads and validates every filter; returns 0, or the status already sent. */
static int read_inbox(struct request *req, struct response *resp, struct inbox *in)
{
	memset(in, 0, sizeof *in);
	for (int i = 0; i < IQ__MAX; i++) {
		in->params[i].name = inbox_params[i];
		in->params[i].value = query_value(req, inbox_params[i]);
	}
	in->all_centres = user_has_role(req->user, ROLE_MODERATOR);
	in->filter.status = in->params[IQ_STATUS].value;
	if (!in->all_centres && req->user->centre_id <= 0) {
		page_error(req, resp, 403, "Ваша учётная запись не привязана к ресурсному центру. "
		                           "Попросите администратора центра добавить вас в сотрудники.");
		return 403;
	}
	int rc;
	if ((rc = check_enum(req, resp, "status", in->filter.status, request_status_labels)) ||
	    (rc = check_page(req, resp, in->params[IQ_PAGE].value, &in->page)) ||
	    (rc = read_centre(req, resp, in)))
		return rc;
	in->centres = centres_all(req->mem);
	if (in->centres == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	in->services = inbox_services(req->mem, in->filter.centre_id);
	if (in->services == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	if ((rc = read_service(req, resp, in)) != 0)
		return rc;
	return read_dates(req, resp, in);
}

/* The filter form: centre (moderators), status, service, dates. */
static void fill_inbox_filters(tpl_dict *d, const struct inbox *in)
{
	if (in->all_centres)
		fill_centre_options(tpl_section(d, "CENTRE_FILTER"), "CENTRE_OPTION", in->centres,
		                    in->params[IQ_CENTRE].value);
	fill_label_options(d, "STATUS_OPTION", request_status_labels, in->params[IQ_STATUS].value);
	for (size_t i = 0; i < in->services->nrows; i++) {
		struct label one[] = { { db_cell(in->services, i, 0), db_cell(in->services, i, 1) }, { NULL, NULL } };
		fill_label_options(d, "SERVICE_OPTION", one, in->params[IQ_SERVICE].value);
	}
	tpl_set(d, "FROM", in->params[IQ_FROM].value ? in->params[IQ_FROM].value : "");
	tpl_set(d, "TO", in->params[IQ_TO].value ? in->params[IQ_TO].value : "");
}

/* One link per status with its count under the other filters, and "all". */
static void fill_status_counts(tpl_dict *d, arena *mem, struct inbox *in, const struct db_rows *counts)
{
	struct link_param params[IQ__MAX];
	memcpy(params, in->params, sizeof params);
	params[IQ_PAGE].value = NULL;
	long long all = 0;
	for (int s = 0; request_status_labels[s].value != NULL; s++) {
		long long n = 0;
		for (size_t i = 0; i < counts->nrows; i++)
			if (strcmp(db_cell(counts, i, 0), request_status_labels[s].value) == 0)
				n = db_cell_int(counts, i, 1);
		all += n;
		params[IQ_STATUS].value = request_status_labels[s].value;
		tpl_dict *c = tpl_section(d, "STATUS_COUNT");
		tpl_set(c, "COUNT_STATUS", request_status_labels[s].value);
		tpl_set(c, "COUNT_LABEL", request_status_labels[s].text);
		tpl_set_int(c, "COUNT", n);
		tpl_set(c, "COUNT_URL", build_link(mem, "/staff/", params, IQ__MAX));
		if (in->filter.status && strcmp(in->filter.status, request_status_labels[s].value) == 0)
			tpl_show(c, "COUNT_CURRENT");
	}
	params[IQ_STATUS].value = NULL;
	tpl_set_int(d, "ALL_COUNT", all);
	tpl_set(d, "ALL_URL", build_link(mem, "/staff/", params, IQ__MAX));
	if (in->filter.status == NULL)
		tpl_show(d, "ALL_CURRENT");
}

/* The inbox's heading: the centre's name, or every centre for a moderator. */
static const char *inbox_title(arena *mem, const struct inbox *in)
{
	long row = centre_row(in->centres, in->filter.centre_id);
	if (row < 0)
		return "Заявки всех центров";
	return arena_printf(mem, "Заявки: %s", db_cell(in->centres, (size_t)row, CENTRE_SHORT_NAME));
}

/* GET /staff/: the inbox, filtered, counted per status, newest first. */
void handle_staff_inbox(struct request *req, struct response *resp)
{
	struct inbox in;
	if (read_inbox(req, resp, &in) != 0)
		return;
	long long total = inbox_count(req->mem, &in.filter);
	struct db_rows *counts = inbox_status_counts(req->mem, &in.filter);
	struct db_rows *rows = total < 0 ? NULL : inbox_search(req->mem, &in.filter, INBOX_PAGE_SIZE,
	                                                       (in.page - 1) * INBOX_PAGE_SIZE);
	if (counts == NULL || rows == NULL) {
		page_db_failure(req, resp);
		return;
	}
	int pages = (int)((total + INBOX_PAGE_SIZE - 1) / INBOX_PAGE_SIZE);
	if (in.page > 1 && in.page > pages) {
		page_error(req, resp, 404, "Такой страницы списка нет: заявок меньше. Вернитесь к первой странице.");
		return;
	}
	struct page p;
	page_begin(&p, req, "staff_inbox.tpl", inbox_title(req->mem, &in), NAV_NONE);
	fill_inbox_filters(p.content, &in);
	fill_status_counts(p.content, req->mem, &in, counts);
	tpl_set_int(p.content, "TOTAL", total);
	if (in.all_centres)
		tpl_show(p.content, "ALL_CENTRES");
	for (size_t i = 0; i < rows->nrows; i++) {
		tpl_dict *row = tpl_section(p.content, "REQUEST");
		fill_request_facts(row, req->mem, rows, i);
		if (in.all_centres)
			tpl_show(row, "CENTRE_COLUMN");
	}
	if (total == 0)
		tpl_show(p.content, "EMPTY");
	fill_pagination(p.content, req->mem, "/staff/", in.params, IQ__MAX, IQ_PAGE, in.page, pages);
	page_finish(&p, resp, 200);
}

/* ---- one request ---------------------------------------------------- */

enum access { ACCESS_NONE, ACCESS_READ, ACCESS_ACT };

struct staff_view {
	struct db_rows *request; /* REQUEST_* columns, one row */
	struct db_rows *events;
	struct db_rows *centres; /* centres_all(), for referrals */
	enum access access;
};

/* ACT for the handling centre's staff and moderators; READ for a centre
 * that referred the request away; NONE otherwise. -1 when the query failed. */
static int staff_access(struct request *req, const struct db_rows *r)
{
	long long id = db_cell_int(r, 0, REQUEST_ID), centre = db_cell_int(r, 0, REQUEST_CENTRE_ID);
	if (user_can_manage_centre(req->user, centre))
		return ACCESS_ACT;
	if (req->user->centre_id <= 0)
		return ACCESS_NONE;
	long long n = request_referred_from(req->mem, id, req->user->centre_id);
	return n < 0 ? -1 : n > 0 ? ACCESS_READ : ACCESS_NONE;
}

/* Loads the request of the {id} parameter with what its page shows.
 * Returns 0, or the status already sent (404 when this user may not see it). */
static int load_view(struct request *req, struct response *resp, struct staff_view *v)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	memset(v, 0, sizeof *v);
	v->request = request_by_id(req->mem, id);
	int access = v->request && v->request->nrows ? staff_access(req, v->request) : ACCESS_NONE;
	if (v->request != NULL && access == ACCESS_NONE) {
		page_error(req, resp, 404, "Заявка не найдена среди заявок вашего центра. Откройте её из списка заявок.");
		return 404;
	}
	v->access = (enum access)access;
	v->events = access > 0 ? request_events(req->mem, id) : NULL;
	v->centres = access > 0 ? centres_all(req->mem) : NULL;
	if (v->events == NULL || v->centres == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	return 0;
}

/* Bit of a status in an action's "from" set; 0 for an unknown status. */
static unsigned status_bit(const char *status)
{
	int i = label_index(request_status_labels, status);
	return i >= 0 ? FROM(i) : 0;
}

/* Target centres of a referral: every centre but the current one. */
static void fill_referral_targets(tpl_dict *d, const struct staff_view *v, const char *selected)
{
	long long current = db_cell_int(v->request, 0, REQUEST_CENTRE_ID);
	for (size_t i = 0; i < v->centres->nrows; i++) {
		if (db_cell_int(v->centres, i, CENTRE_ID) == current)
			continue;
		struct label one[] = { { db_cell(v->centres, i, CENTRE_ID), db_cell(v->centres, i, CENTRE_SHORT_NAME) },
			               { NULL, NULL } };
		fill_label_options(d, "CENTRE_OPTION", one, selected);
	}
}

/* True when the action's note field must be filled in. */
static bool note_is_required(const struct staff_action *a)
{
	for (size_t i = 0; i < a->nfields; i++)
		if (strcmp(a->fields[i].name, "note") == 0)
			return a->fields[i].required;
	return false;
}

/* One ACTION section per action the status allows; the failed one (if
 * any) comes back with what was typed and its errors. */
static void fill_actions(tpl_dict *d, const struct staff_view *v, const struct staff_action *failed,
                         const struct form *typed)
{
	unsigned bit = status_bit(db_cell(v->request, 0, REQUEST_STATUS));
	for (size_t i = 0; i < NACTIONS; i++) {
		const struct staff_action *a = &actions[i];
		if (!(a->from & bit))
			continue;
		tpl_dict *s = tpl_section(d, "ACTION");
		tpl_set(s, "ACTION_NAME", a->name);
		tpl_set(s, "ACTION_TITLE", a->title);
		tpl_set(s, "ACTION_BUTTON", a->button);
		tpl_set(s, "NOTE_LABEL", a->note_label);
		if (note_is_required(a))
			tpl_show(s, "NOTE_REQUIRED");
		if (a == failed)
			form_fill(typed, s);
		if (a->refers)
			fill_referral_targets(tpl_section(s, "HAS_CENTRE"), v, a == failed ? form_value(typed, "centre") : NULL);
	}
}

/* Renders the request page; failed/typed/notice explain a refused action. */
static void render_staff_request(struct request *req, struct response *resp, const struct staff_view *v,
                                 const struct staff_action *failed, const struct form *typed,
                                 const char *notice, int status)
{
	struct page p;
	page_begin(&p, req, "staff_request.tpl",
	           arena_printf(req->mem, "Заявка №%s", db_cell(v->request, 0, REQUEST_ID)), NAV_NONE);
	fill_request_detail(p.content, req->mem, v->request);
	tpl_set(p.content, "USER_EMAIL", db_cell(v->request, 0, REQUEST_USER_EMAIL));
	fill_request_history(p.content, req->mem, v->events);
	if (notice != NULL)
		tpl_set(tpl_section(p.content, "NOTICE"), "NOTICE_TEXT", notice);
	if (v->access == ACCESS_ACT) {
		tpl_set(p.content, "CSRF", req->user->csrf);
		tpl_set_int(p.content, "NOTE_MAX", NOTE_MAX_CHARS);
		fill_actions(p.content, v, failed, typed);
	} else {
		tpl_show(p.content, "READ_ONLY");
	}
	page_finish(&p, resp, status);
}

/* GET /staff/requests/{id}: the request, its history and its actions. */
void handle_staff_request(struct request *req, struct response *resp)
{
	struct staff_view v;
	if (load_view(req, resp, &v) == 0)
		render_staff_request(req, resp, &v, NULL, NULL, NULL, 200);
}

/* ---- actions -------------------------------------------------------- */

/* The action named by the URL, or NULL. */
static const struct staff_action *find_action(const char *name)
{
	for (size_t i = 0; i < NACTIONS; i++)
		if (strcmp(actions[i].name, name) == 0)
			return &actions[i];
	return NULL;
}

/* Checks the referral target: a known centre other than the current one.
 * Returns the row of the target in v->centres, or -1 (error set). */
static long check_target(struct form *f, const struct staff_view *v)
{
	long long id = form_id(f, "centre");
	if (id == 0)
		return -1; /* the field's own validator has said what is wrong */
	long row = centre_row(v->centres, id);
	if (row < 0)
		form_set_error(f, "centre", "Такого центра нет. Выберите центр из списка.");
	else if (db_cell_int(v->centres, (size_t)row, CENTRE_ID) == db_cell_int(v->request, 0, REQUEST_CENTRE_ID))
		form_set_error(f, "centre", "Заявка уже в этом центре. Выберите другой центр.");
	else
		return row;
	return -1;
}

/* What an action changes, worked out before the transaction. */
struct change {
	const struct staff_action *action;
	long long id;
	const char *status_before, *status_after;
	long long centre_before, centre_after;
	const char *to_centre_name; /* for a referral */
	const char *note;
};

/* The beneficiary's message about a change (status or referral). */
static int notify_beneficiary(struct request *req, const struct staff_view *v, const struct change *c)
{
	const struct db_rows *r = v->request;
	const char *what = label_text(request_event_labels, c->action->kind);
	const char *subject = arena_printf(req->mem, "Заявка №%lld: %s", c->id, what);
	const char *moved = c->action->refers
		? arena_printf(req->mem, "Заявку передал центр «%s» в центр «%s».\n",
		               db_cell(r, 0, REQUEST_CENTRE_NAME), c->to_centre_name)
		: "";
	const char *note = c->note[0] ? arena_printf(req->mem, "\nКомментарий центра:\n%s\n", c->note) : "";
	const char *body = arena_printf(
		req->mem,
		"Здравствуйте, %s!\n\nИзменения по вашей заявке №%lld «%s» на услугу «%s»: «%s».\n%s%s\n"
		"Вся история заявки: %s/account/requests/%lld\n",
		db_cell(r, 0, REQUEST_USER_NAME), c->id, db_cell(r, 0, REQUEST_TOPIC),
		db_cell(r, 0, REQUEST_SERVICE_TITLE), what, moved, note, site_base_url(), c->id);
	return outbox_enqueue(db_cell(r, 0, REQUEST_USER_EMAIL), subject, body);
}

/* The receiving centre's staff hear about a referral. */
static int notify_receiving_centre(struct request *req, const struct staff_view *v, const struct change *c)
{
	const struct db_rows *r = v->request;
	const char *subject = arena_printf(req->mem, "Заявка №%lld передана вашему центру", c->id);
	const char *body = arena_printf(
		req->mem,
		"Здравствуйте!\n\nЦентр «%s» передал вашему центру заявку №%lld на услугу «%s».\n\n"
		"Тема: %s\nЗаявитель: %s\n\nКомментарий при передаче:\n%s\n\n"
		"Открыть заявку: %s/staff/requests/%lld\n",
		db_cell(r, 0, REQUEST_CENTRE_NAME), c->id, db_cell(r, 0, REQUEST_SERVICE_TITLE),
		db_cell(r, 0, REQUEST_TOPIC), db_cell(r, 0, REQUEST_USER_NAME), c->note, site_base_url(), c->id);
	return outbox_enqueue_centre_staff(req->mem, c->centre_after, subject, body);
}

/* The audit record: status and centre (by name) before and after, and the
 * note; kept under the centre that handled the request when it changed. */
static int audit_change(struct request *req, const struct staff_view *v, const struct change *c)
{
	const char *centre = db_cell(v->request, 0, REQUEST_CENTRE_NAME);
	struct audit_field fields[] = {
		{ "status", c->status_before, c->status_after },
		{ "centre", centre, c->action->refers ? c->to_centre_name : centre },
		{ "note", NULL, c->note },
	};
	size_t n = audit_changed(fields, sizeof fields / sizeof fields[0]);
	return audit_record(req, arena_printf(req->mem, "request.%s", c->action->name), "request", c->id,
	                    c->centre_before, fields, n);
}

/* The writes of a change, inside the caller's transaction. */
static int write_change(struct request *req, const struct staff_view *v, const struct change *c)
{
	const struct staff_action *a = c->action;
	struct request_event e = {
		.request_id = c->id, .actor_id = req->user->id, .kind = a->kind, .note = c->note,
		.from_centre_id = a->refers ? c->centre_before : 0, .to_centre_id = a->refers ? c->centre_after : 0,
	};
	if (a->to_status != NULL && request_set_state(c->id, c->status_after, c->centre_after) != 0)
		return -1;
	if (request_event_add(&e) != 0 || audit_change(req, v, c) != 0)
		return -1;
	if (a->to_status != NULL && notify_beneficiary(req, v, c) != 0)
		return -1;
	return a->refers ? notify_receiving_centre(req, v, c) : 0;
}

/* Applies a change in one transaction. Returns 0, 1 when the request
 * changed since it was read (nothing written), or -1 on failure. */
static int apply_change(struct request *req, const struct staff_view *v, const struct change *c)
{
	if (db_begin() != 0)
		return -1;
	struct db_rows *now = request_lock(req->mem, c->id);
	if (now == NULL || now->nrows == 0) {
		db_rollback();
		return -1;
	}
	if (strcmp(db_cell(now, 0, LOCKED_STATUS), c->status_before) != 0 ||
	    db_cell_int(now, 0, LOCKED_CENTRE_ID) != c->centre_before) {
		db_rollback();
		return 1;
	}
	if (write_change(req, v, c) != 0 || db_commit() != 0) {
		db_rollback();
		return -1;
	}
	return 0;
}

/* Explains why an action is not available in the request's status. */
static const char *conflict_notice(arena *mem, const struct staff_view *v, const struct staff_action *a)
{
	return arena_printf(mem, "Действие «%s» недоступно: заявка сейчас в статусе «%s». "
	                         "Страница обновлена — выберите одно из доступных действий.",
	                    a->title, label_text(request_status_labels, db_cell(v->request, 0, REQUEST_STATUS)));
}

/* Reads the action's form; on errors renders the page (400) and returns false. */
static bool read_action_form(struct request *req, struct response *resp, const struct staff_view *v,
                             const struct staff_action *a, struct form *f, struct change *c)
{
	form_init(f, req->mem, a->fields, a->nfields);
	form_read(f, req);
	long row = a->refers ? check_target(f, v) : -1;
	if (f->nerrors > 0) {
		render_staff_request(req, resp, v, a, f, NULL, 400);
		return false;
	}
	const struct db_rows *r = v->request;
	c->action = a;
	c->id = db_cell_int(r, 0, REQUEST_ID);
	c->status_before = db_cell(r, 0, REQUEST_STATUS);
	c->status_after = a->to_status ? a->to_status : c->status_before;
	c->centre_before = db_cell_int(r, 0, REQUEST_CENTRE_ID);
	c->centre_after = row >= 0 ? db_cell_int(v->centres, (size_t)row, CENTRE_ID) : c->centre_before;
	c->to_centre_name = row >= 0 ? db_cell(v->centres, (size_t)row, CENTRE_SHORT_NAME) : "";
	c->note = form_value(f, "note");
	return true;
}

/* POST /staff/requests/{id}/{action}: 303 back to the request; 400 with the
 * action's form refilled; 409 when the status does not allow it; 404/403
 * for a request of another centre. */
void handle_staff_request_action(struct request *req, struct response *resp)
{
	const struct staff_action *a = find_action(request_param(req, "name"));
	struct staff_view v;
	if (a == NULL) {
		page_error(req, resp, 404, "Такого действия с заявкой нет. Вернитесь на страницу заявки.");
		return;
	}
	if (load_view(req, resp, &v) != 0)
		return;
	if (v.access != ACCESS_ACT) {
		page_error(req, resp, 403, "Заявка передана в другой центр: действовать по ней может только он.");
		return;
	}
	if (!(a->from & status_bit(db_cell(v.request, 0, REQUEST_STATUS)))) {
		render_staff_request(req, resp, &v, NULL, NULL, conflict_notice(req->mem, &v, a), 409);
		return;
	}
	struct form f;
	struct change c;
	if (!read_action_form(req, resp, &v, a, &f, &c))
		return;
	int rc = apply_change(req, &v, &c);
	if (rc < 0) {
		page_db_failure(req, resp);
		return;
	}
	if (rc > 0) {
		if (load_view(req, resp, &v) == 0)
			render_staff_request(req, resp, &v, NULL, NULL,
			                     "Заявку только что изменил другой сотрудник: ниже её текущее состояние. "
			                     "Повторите действие, если оно ещё нужно.", 409);
		return;
	}
	response_redirect(resp, 303, arena_printf(req->mem, "/staff/requests/%lld", c.id));
}
