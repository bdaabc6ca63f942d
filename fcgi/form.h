/* form.h: HTML forms as data. A form is a table of fields, each with the
 * kind of its validator; form_read() checks every field of a POST at once and
 * keeps what was typed, form_fill() puts values and per-field Russian error
 * messages back into the template so the page shows the form refilled. */
#ifndef RCHUB_FORM_H
#define RCHUB_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "handlers/handlers.h"
#include "request.h"
#include "tpl.h"

enum form_kind {
	FORM_TEXT,      /* one line, at most max characters */
	FORM_MULTILINE, /* several lines, at most max characters */
	FORM_EMAIL,
	FORM_PHONE,
	FORM_PASSWORD,  /* PASSWORD_MIN_CHARS..max characters, never echoed back */
	FORM_ID,        /* a positive id (e.g. of a select of rows) */
	FORM_CHOICE,    /* one of the values of choices */
	FORM_CHECKBOX,  /* present ("1") or absent */
	FORM_DATETIME,  /* "YYYY-MM-DDTHH:MM" as from <input type="datetime-local"> */
	FORM_URL,       /* http:// or https:// address */
	FORM__MAX
};

struct form_field {
	const char *name;      /* the form field's name */
	const char *key;       /* template key of its value, e.g. "TOPIC"; for a
	                        * checkbox, the section shown when it is checked */
	const char *error_key; /* template section shown with its error, e.g. "TOPIC_ERROR" */
	enum form_kind kind;
	unsigned max;          /* characters for text kinds */
	bool required;
	const struct label *choices; /* FORM_CHOICE */
};

struct form {
	const struct form_field *fields;
	size_t n;
	const char **values;   /* as typed (trimmed); "" when absent */
	const char **errors;   /* NULL, or what is wrong, in Russian */
	long long *ids;        /* FORM_ID values */
	int nerrors;
};

void form_init(struct form *f, arena *mem, const struct form_field *fields, size_t n);
/* Reads and validates every field from the request's form body; returns
 * the number of fields with errors. */
int form_read(struct form *f, const struct request *req);
/* Sets values from stored data (an edit form's first display). */
void form_set_value(struct form *f, const char *name, const char *value);
/* Marks a field wrong after a check the table cannot express. */
void form_set_error(struct form *f, const char *name, const char *message);
const char *form_value(const struct form *f, const char *name);
long long form_id(const struct form *f, const char *name);
/* Fills value keys, error sections and, when there are errors, the
 * FORM_ERRORS section (the summary at the top of the form). */
void form_fill(const struct form *f, tpl_dict *d);

/* A creation form's one-time token (hidden field "form_token"): stored with
 * the new row under a UNIQUE key, so a reload or a double click of the same
 * form creates one record. */
#define FORM_TOKEN_FIELD \
	{ "form_token", "FORM_TOKEN", "FORM_TOKEN_ERROR", FORM_TEXT, FORM_TOKEN_HEX_LEN, false, NULL }
const char *form_new_token(arena *mem);
/* Marks the token field wrong, and puts a fresh one in the refilled form,
 * unless it is one we could have issued. */
void form_check_token(arena *mem, struct form *f);

/* The message for a field that failed its kind's validator. */
const char *form_kind_message(arena *mem, const struct form_field *field);

#endif
