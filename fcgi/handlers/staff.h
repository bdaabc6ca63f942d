/* handlers/staff.h: what the pages of the centre staff area share (private
 * to handlers/staff_*.c): which centre a page works on and whether the user
 * may act for it, the area's sub-navigation, the districts checkbox list,
 * and the load/check/status-change steps
 * that services, news and events have in common. */
#ifndef RCHUB_STAFF_H
#define RCHUB_STAFF_H

#include <stdbool.h>

#include "../auth.h"
#include "../form.h"
#include "handlers.h"

/* The centre a staff page works on. */
struct staff_centre {
	long long id;
	const char *slug;
	const char *name; /* short name */
	struct db_rows *row; /* CENTRE_* columns */
};

/* Tabs of the staff area's sub-navigation. */
enum staff_tab {
	STAFF_TAB_PROFILE, STAFF_TAB_SERVICES, STAFF_TAB_NEWS, STAFF_TAB_EVENTS, STAFF_TAB_PROJECTS, STAFF_TAB_COVERAGE,
	STAFF_TAB_USERS,
	STAFF_TAB__MAX
};

/* The centre of a list or creation page: the `centre` field (query of a GET,
 * form of a POST) when given, else the user's own centre. A moderator who has
 * not chosen one gets a page to choose from (links to path?centre=slug).
 * Returns 0, or the status already answered (400, 403, 404, 200 chooser). */
int staff_centre_from_request(struct request *req, struct response *resp, const char *path, struct staff_centre *c);
/* Checks the user may act for centre_id and loads it. 0, or 403/5xx answered. */
int staff_centre_by_id(struct request *req, struct response *resp, long long centre_id, struct staff_centre *c);
/* path?centre=slug: a staff page of c that keeps the centre for moderators. */
char *staff_link(arena *mem, const char *path, const struct staff_centre *c);
/* page_begin with the sub-navigation (tab marked current), the centre's
 * CENTRE_SLUG/CENTRE_NAME and the CSRF token of the page's forms. */
void staff_page_begin(struct page *p, struct request *req, const char *tpl, const char *title,
                      const struct staff_centre *c, enum staff_tab tab);
/* Shows NOTICE "Изменения сохранены." when the page was reached with ?saved=1. */
void staff_saved_notice(struct request *req, tpl_dict *d);

/* Forms whose fields are stored in columns of one row: columns[i] is the
 * column of field i, or STAFF_NO_COLUMN for a field stored another way. */
#define STAFF_NO_COLUMN ((size_t)-1)
/* Sets each field's value from row 0 of r (an edit form's first display). */
void staff_form_load(struct form *f, const struct db_rows *r, const size_t *columns);
/* Fills out (room for f->n) with each stored field's name, value in r (NULL
 * when r is NULL: a creation) and value in the form; returns how many. */
size_t staff_form_changes(const struct form *f, const struct db_rows *r, const size_t *columns,
                          struct audit_field *out);

/* The "districts" checkbox list of a form. */
struct district_choice {
	struct db_rows *all;  /* districts_all() */
	bool *checked;        /* per row of all */
	long long *ids;       /* the checked ids, in the order of all */
	size_t n;
};
/* Loads every district; nothing checked. false when the database failed. */
bool district_choice_init(arena *mem, struct district_choice *dc);
/* Checks the districts listed in rows (DISTRICT_* columns). */
void district_choice_set(struct district_choice *dc, const struct db_rows *rows);
/* Checks the districts posted in field; an unknown value or none at all is an error on field. */
void district_choice_read(struct district_choice *dc, const struct request *req, struct form *f, const char *field);
/* One DISTRICT_OPTION section per district (OPTION_VALUE, OPTION_TEXT, OPTION_CHECKED). */
void district_choice_fill(tpl_dict *d, const struct district_choice *dc);
/* The checked names, comma-separated (what the audit log records). */
const char *district_choice_names(arena *mem, const struct district_choice *dc);
/* The names of district rows, comma-separated. */
const char *district_names(arena *mem, const struct db_rows *rows);

/* A kind of row the staff edit by id (service, news item, event). */
struct staff_entity {
	const char *entity;     /* audit entity, e.g. "service" */
	const char *edit_path;  /* "/staff/services": the edit page is edit_path/{id} */
	struct db_rows *(*load)(arena *mem, long long id);
	size_t centre_col;      /* column of load()'s row holding the centre id */
	size_t status_col;
	int (*set_status)(long long id, const char *status);
	const char *missing;    /* the 404 message */
};
/* Loads the row of the path's {id} and checks the user may act for its
 * centre (c filled). NULL when the answer (404, 403, 5xx) was already sent. */
struct db_rows *staff_load(struct request *req, struct response *resp, const struct staff_entity *e,
                           long long *id, struct staff_centre *c);
/* POST edit_path/{id}/<action>: moves the row to status, with its audit
 * record (action e.g. "service.archive"), and answers 303 to its edit page.
 * Repeating it (a double click) changes and records nothing. */
void staff_status_action(struct request *req, struct response *resp, const struct staff_entity *e,
                         const char *action, const char *status);
/* 303 to edit_path/{id}?saved=1 after a successful write. */
void staff_redirect_saved(struct request *req, struct response *resp, const struct staff_entity *e, long long id);
/* Writes one change in a transaction: write(req, ctx) returns the row's id
 * (0 when the creation form was already used, -1 on failure), then the audit
 * record of fields (callers keep only changed ones with audit_changed()).
 * Returns write's result; -1 when anything failed, and then nothing stays. */
long long staff_write(struct request *req, long long (*write)(struct request *req, void *ctx), void *ctx,
                      const char *action, const char *entity, long long centre_id,
                      const struct audit_field *fields, size_t n);

#endif
