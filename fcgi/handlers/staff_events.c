/* handlers/staff_events.c: a centre's events as its staff keep them
 * (/staff/events): the list with drafts, creating (one record per form,
 * however often it is sent), editing, publishing and cancelling. Staff type
 * start and end in the region's local time (datetime-local inputs); the
 * database keeps UTC. */
#include "staff.h"

#include <string.h>

#include "../timefmt.h"
#include "../validate.h"

#define EVENT_TITLE_MAX_CHARS 200
#define EVENT_SUMMARY_MAX_CHARS 500
#define EVENT_DESCRIPTION_MAX_CHARS 6000
#define EVENT_PLACE_MAX_CHARS 300
#define EVENT_URL_MAX_CHARS 300
#define DATETIME_INPUT_LEN 16 /* "YYYY-MM-DDTHH:MM": events are kept to the minute */

static const struct form_field event_fields[] = {
	{ "title", "TITLE_VALUE", "TITLE_ERROR", FORM_TEXT, EVENT_TITLE_MAX_CHARS, true, NULL },
	{ "summary", "SUMMARY", "SUMMARY_ERROR", FORM_MULTILINE, EVENT_SUMMARY_MAX_CHARS, true, NULL },
	{ "description", "DESCRIPTION", "DESCRIPTION_ERROR", FORM_MULTILINE, EVENT_DESCRIPTION_MAX_CHARS, true, NULL },
	{ "starts_at", "STARTS_AT", "STARTS_AT_ERROR", FORM_DATETIME, 0, true, NULL },
	{ "ends_at", "ENDS_AT", "ENDS_AT_ERROR", FORM_DATETIME, 0, true, NULL },
	{ "district", "DISTRICT", "DISTRICT_ERROR", FORM_TEXT, SLUG_MAX_LEN, false, NULL },
	{ "place", "PLACE", "PLACE_ERROR", FORM_TEXT, EVENT_PLACE_MAX_CHARS, false, NULL },
	{ "online_url", "ONLINE_URL", "ONLINE_URL_ERROR", FORM_URL, EVENT_URL_MAX_CHARS, false, NULL },
	{ "registration_url", "REGISTRATION_URL", "REGISTRATION_URL_ERROR", FORM_URL, EVENT_URL_MAX_CHARS, false, NULL },
	FORM_TOKEN_FIELD,
};
#define NEVENT (sizeof event_fields / sizeof event_fields[0])

/* Where each field of event_fields is stored in an EVENT_* row (times in
 * UTC, shown converted; the district by its slug). */
static const size_t event_columns[NEVENT] = {
	EVENT_TITLE, EVENT_SUMMARY, EVENT_DESCRIPTION, EVENT_STARTS_AT, EVENT_ENDS_AT, EVENT_DISTRICT_SLUG,
	EVENT_PLACE, EVENT_ONLINE_URL, EVENT_REGISTRATION_URL, STAFF_NO_COLUMN,
};

static const struct staff_entity event_entity = {
	"event", "/staff/events", event_by_id, EVENT_CENTRE_ID, EVENT_STATUS, event_set_status,
	"Мероприятие не найдено. Откройте его из списка мероприятий центра.",
};

/* GET /staff/events: the centre's events, drafts and cancelled ones too. */
void handle_staff_events(struct request *req, struct response *resp)
{
	struct staff_centre c;
	if (staff_centre_from_request(req, resp, "/staff/events", &c) != 0)
		return;
	struct db_rows *r = events_of_centre(req->mem, c.id);
	if (r == NULL) {
		page_db_failure(req, resp);
		return;
	}
	struct page p;
	staff_page_begin(&p, req, "staff_events.tpl", "Мероприятия центра", &c, STAFF_TAB_EVENTS);
	tpl_set(p.content, "NEW_URL", staff_link(req->mem, "/staff/events/new", &c));
	tpl_set_int(p.content, "TOTAL", (long long)r->nrows);
	for (size_t i = 0; i < r->nrows; i++) {
		tpl_dict *s = tpl_section(p.content, "EVENT");
		tpl_set(s, "ID", db_cell(r, i, EVENT_ID));
		tpl_set(s, "TITLE", db_cell(r, i, EVENT_TITLE));
		tpl_set(s, "STARTS_AT", format_datetime_ru(req->mem, db_cell(r, i, EVENT_STARTS_AT)));
		const char *status = db_cell(r, i, EVENT_STATUS);
		tpl_set(s, "STATUS", label_text(event_status_labels, status));
		if (strcmp(status, "draft") != 0)
			tpl_show(s, "PUBLIC");
	}
	if (r->nrows == 0)
		tpl_show(p.content, "EMPTY");
	page_finish(&p, resp, 200);
}

/* What an event form needs besides its fields. */
struct event_form {
	struct staff_centre c;
	struct form f;
	struct db_rows *districts;
	const struct db_rows *row; /* the stored event (EVENT_*), NULL when creating */
	long long id;              /* 0 when creating */
	struct event_input in;     /* the checked values, times in UTC */
};

/* The event form, new or edit, with the actions its status allows. */
static void render_event_form(struct request *req, struct response *resp, const struct event_form *ef,
                              int status)
{
	struct page p;
	const char *title = ef->id ? db_cell(ef->row, 0, EVENT_TITLE) : "Новое мероприятие";
	staff_page_begin(&p, req, "staff_event_form.tpl", title, &ef->c, STAFF_TAB_EVENTS);
	form_fill(&ef->f, p.content);
	fill_district_options(p.content, "DISTRICT_OPTION", ef->districts, form_value(&ef->f, "district"));
	tpl_set(p.content, "LIST_URL", staff_link(req->mem, "/staff/events", &ef->c));
	if (ef->id == 0) {
		tpl_show(p.content, "IS_NEW");
	} else {
		tpl_dict *e = tpl_section(p.content, "IS_EDIT");
		tpl_set_int(e, "ID", ef->id);
		const char *st = db_cell(ef->row, 0, EVENT_STATUS);
		tpl_show(e, strcmp(st, "published") == 0 ? "PUBLISHED" : strcmp(st, "cancelled") == 0 ? "CANCELLED" : "DRAFT");
		if (status == 200)
			staff_saved_notice(req, p.content);
	}
	page_finish(&p, resp, status);
}

/* Loads the districts the form offers; 0 or the status sent. */
static int prepare_form(struct request *req, struct response *resp, struct event_form *ef)
{
	ef->districts = districts_all(req->mem);
	if (ef->districts == NULL) {
		page_db_failure(req, resp);
		return resp->status;
	}
	form_init(&ef->f, req->mem, event_fields, NEVENT);
	return 0;
}

/* Row of districts with this slug, or -1. */
static long district_row_of_slug(const struct db_rows *districts, const char *slug)
{
	for (size_t i = 0; i < districts->nrows; i++)
		if (strcmp(db_cell(districts, i, DISTRICT_SLUG), slug) == 0)
			return (long)i;
	return -1;
}

/* Cuts a typed time to the minute, so "14:00:30" and "14:00" are one time. */
static void keep_minutes(arena *mem, struct form *f, const char *name)
{
	const char *v = form_value(f, name);
	if (strlen(v) > DATETIME_INPUT_LEN)
		form_set_value(f, name, arena_strndup(mem, v, DATETIME_INPUT_LEN));
}

/* Checks what the field table cannot: a known district, an end after the
 * start, somewhere to take part. Fills ef->in. */
static void check_event(arena *mem, struct event_form *ef)
{
	struct form *f = &ef->f;
	ef->in = (struct event_input){ 0, form_value(f, "title"), form_value(f, "summary"),
		                       form_value(f, "description"), NULL, NULL, form_value(f, "place"),
		                       form_value(f, "online_url"), form_value(f, "registration_url") };
	const char *district = form_value(f, "district");
	long row = district[0] ? district_row_of_slug(ef->districts, district) : -1;
	if (district[0] && row < 0)
		form_set_error(f, "district", "Выберите район из списка или оставьте поле пустым для онлайн-мероприятия.");
	ef->in.district_id = row >= 0 ? db_cell_int(ef->districts, (size_t)row, DISTRICT_ID) : 0;
	ef->in.starts_at = local_input_to_utc(mem, form_value(f, "starts_at"));
	ef->in.ends_at = local_input_to_utc(mem, form_value(f, "ends_at"));
	if (ef->in.starts_at && ef->in.ends_at && strcmp(ef->in.ends_at, ef->in.starts_at) <= 0)
		form_set_error(f, "ends_at", "Окончание должно быть позже начала. Проверьте дату и время окончания.");
	if (ef->in.place[0] == '\0' && ef->in.online_url[0] == '\0')
		form_set_error(f, "place", "Укажите место проведения или ссылку для участия онлайн.");
}

/* Reads and checks every field of a posted event form; returns the number of errors. */
static int read_event_form(struct request *req, struct event_form *ef)
{
	form_read(&ef->f, req);
	keep_minutes(req->mem, &ef->f, "starts_at");
	keep_minutes(req->mem, &ef->f, "ends_at");
	check_event(req->mem, ef);
	if (ef->id == 0)
		form_check_token(req->mem, &ef->f);
	return ef->f.nerrors;
}

/* The changed fields for the audit log: times as people read them, the district by name. */
static size_t event_changes(arena *mem, const struct event_form *ef, struct audit_field *out)
{
	size_t n = staff_form_changes(&ef->f, ef->row, event_columns, out);
	const struct db_rows *r = ef->row;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(out[i].name, "starts_at") == 0) {
			out[i].before = r ? format_datetime_ru(mem, db_cell(r, 0, EVENT_STARTS_AT)) : NULL;
			out[i].after = format_datetime_ru(mem, ef->in.starts_at);
		} else if (strcmp(out[i].name, "ends_at") == 0) {
			out[i].before = r ? format_datetime_ru(mem, db_cell(r, 0, EVENT_ENDS_AT)) : NULL;
			out[i].after = format_datetime_ru(mem, ef->in.ends_at);
		} else if (strcmp(out[i].name, "district") == 0) {
			out[i].before = r ? db_cell(r, 0, EVENT_DISTRICT_NAME) : NULL;
			long row = district_row_of_slug(ef->districts, out[i].after);
			out[i].after = row >= 0 ? db_cell(ef->districts, (size_t)row, DISTRICT_NAME) : NULL;
		}
	}
	return audit_changed(out, n);
}

/* staff_write's step for a new event (a draft). */
static long long write_new_event(struct request *req, void *ctx)
{
	const struct event_form *ef = ctx;
	return event_create(ef->c.id, req->user->id, &ef->in, form_value(&ef->f, "form_token"));
}

/* staff_write's step for an edit. */
static long long write_event_edit(struct request *req, void *ctx)
{
	const struct event_form *ef = ctx;
	return event_update(ef->id, &ef->in) == 0 ? ef->id : -1;
}

/* GET /staff/events/new: an empty event form with a fresh one-time token. */
void handle_staff_event_new(struct request *req, struct response *resp)
{
	struct event_form ef = { 0 };
	if (staff_centre_from_request(req, resp, "/staff/events/new", &ef.c) != 0 || prepare_form(req, resp, &ef) != 0)
		return;
	form_set_value(&ef.f, "form_token", form_new_token(req->mem));
	render_event_form(req, resp, &ef, 200);
}

/* POST /staff/events/new: creates the draft (once per form token). */
void handle_staff_event_create(struct request *req, struct response *resp)
{
	struct event_form ef = { 0 };
	if (staff_centre_from_request(req, resp, "/staff/events/new", &ef.c) != 0 || prepare_form(req, resp, &ef) != 0)
		return;
	if (read_event_form(req, &ef) > 0) {
		render_event_form(req, resp, &ef, 400);
		return;
	}
	struct audit_field changes[NEVENT];
	size_t n = event_changes(req->mem, &ef, changes);
	long long id = staff_write(req, write_new_event, &ef, "event.create", "event", ef.c.id, changes, n);
	if (id == 0) /* the same form again: show what the first one made */
		id = event_id_by_form_token(req->mem, ef.c.id, form_value(&ef.f, "form_token"));
	if (id <= 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, &event_entity, id);
}

/* Loads the event of the path for editing; 0 or the status sent. */
static int load_event(struct request *req, struct response *resp, struct event_form *ef)
{
	ef->row = staff_load(req, resp, &event_entity, &ef->id, &ef->c);
	if (ef->row == NULL || prepare_form(req, resp, ef) != 0)
		return resp->status;
	return 0;
}

/* GET /staff/events/{id}: the event form, times in local time. */
void handle_staff_event_edit(struct request *req, struct response *resp)
{
	struct event_form ef = { 0 };
	if (load_event(req, resp, &ef) != 0)
		return;
	staff_form_load(&ef.f, ef.row, event_columns);
	form_set_value(&ef.f, "starts_at", format_datetime_input(req->mem, db_cell(ef.row, 0, EVENT_STARTS_AT)));
	form_set_value(&ef.f, "ends_at", format_datetime_input(req->mem, db_cell(ef.row, 0, EVENT_ENDS_AT)));
	render_event_form(req, resp, &ef, 200);
}

/* POST /staff/events/{id}: saves the edited event. */
void handle_staff_event_save(struct request *req, struct response *resp)
{
	struct event_form ef = { 0 };
	if (load_event(req, resp, &ef) != 0)
		return;
	if (read_event_form(req, &ef) > 0) {
		render_event_form(req, resp, &ef, 400);
		return;
	}
	struct audit_field changes[NEVENT];
	size_t n = event_changes(req->mem, &ef, changes);
	if (n > 0 && staff_write(req, write_event_edit, &ef, "event.update", "event", ef.c.id, changes, n) < 0) {
		page_db_failure(req, resp);
		return;
	}
	staff_redirect_saved(req, resp, &event_entity, ef.id);
}

/* POST /staff/events/{id}/publish: makes the event public (also after a cancellation). */
void handle_staff_event_publish(struct request *req, struct response *resp)
{
	staff_status_action(req, resp, &event_entity, "event.publish", "published");
}

/* POST /staff/events/{id}/cancel: marks the event cancelled; it stays public and says so. */
void handle_staff_event_cancel(struct request *req, struct response *resp)
{
	staff_status_action(req, resp, &event_entity, "event.cancel", "cancelled");
}
