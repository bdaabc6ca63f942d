/* form.c: table-driven form validation. Every field is checked, not just the
 * first bad one, so the person sees all that needs fixing at once; nothing is
 * written by a handler unless form_read() returned 0. */
#include "form.h"

#include <string.h>

#include "auth.h"
#include "validate.h"

void form_init(struct form *f, arena *mem, const struct form_field *fields, size_t n)
{
	f->fields = fields;
	f->n = n;
	f->values = arena_calloc(mem, n, sizeof *f->values);
	f->errors = arena_calloc(mem, n, sizeof *f->errors);
	f->ids = arena_calloc(mem, n, sizeof *f->ids);
	f->nerrors = 0;
	for (size_t i = 0; i < n; i++)
		f->values[i] = "";
}

/* Copies s without leading and trailing white space. */
static const char *trimmed(arena *mem, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t len = strlen(s);
	while (len > 0 && strchr(" \t\r\n", s[len - 1]))
		len--;
	return arena_strndup(mem, s, len);
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* "YYYY-MM-DDTHH:MM" (seconds allowed) with a date that exists. */
static bool valid_datetime_local(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd";
	size_t len = strlen(s);
	if (len != 16 && len != 19)
		return false;
	for (size_t i = 0; i < 16; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return false;
	int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
	int hour = (s[11] - '0') * 10 + (s[12] - '0'), minute = (s[14] - '0') * 10 + (s[15] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month) && hour <= 23 &&
	       minute <= 59 &&
	       (len == 16 || (s[16] == ':' && s[17] >= '0' && s[17] <= '5' && s[18] >= '0' && s[18] <= '9'));
}

static bool valid_url(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("\"<>\\^`{|}", *p))
			return false;
	return strlen(s) > 10;
}

const char *form_kind_message(arena *mem, const struct form_field *field)
{
	switch (field->kind) {
	case FORM_EMAIL: return "Введите адрес электронной почты, например name@example.ru.";
	case FORM_PHONE: return "Введите номер телефона, например +7 (4212) 12-34-56.";
	case FORM_PASSWORD:
		return arena_printf(mem, "Пароль должен быть не короче %d и не длиннее %u символов.",
		                    PASSWORD_MIN_CHARS, field->max);
	case FORM_ID:
	case FORM_CHOICE: return "Выберите значение из списка.";
	case FORM_CHECKBOX: return "Без этой отметки отправить форму нельзя.";
	case FORM_DATETIME: return "Укажите дату и время в формате ГГГГ-ММ-ДД ЧЧ:ММ.";
	case FORM_URL: return "Введите адрес, начинающийся с https:// или http://.";
	default: return arena_printf(mem, "Не длиннее %u символов — сейчас больше.", field->max);
	}
}

/* True when value (not empty) passes the validator of field's kind. */
static bool kind_valid(const struct form_field *field, const char *value, long long *id)
{
	switch (field->kind) {
	case FORM_TEXT: return valid_text(value, field->max) && !strpbrk(value, "\r\n");
	case FORM_MULTILINE: return valid_text(value, field->max);
	case FORM_EMAIL: return valid_email(value);
	case FORM_PHONE: return valid_phone(value);
	case FORM_PASSWORD:
		return utf8_length(value) >= PASSWORD_MIN_CHARS && strlen(value) <= field->max;
	case FORM_ID: return valid_id(value, id);
	case FORM_CHOICE: return label_index(field->choices, value) >= 0;
	case FORM_CHECKBOX: return strcmp(value, "1") == 0;
	case FORM_DATETIME: return valid_datetime_local(value);
	case FORM_URL: return valid_text(value, field->max) && valid_url(value);
	default: return false;
	}
}

int form_read(struct form *f, const struct request *req)
{
	f->nerrors = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *field = &f->fields[i];
		const char *raw = request_form(req, field->name);
		const char *v = raw == NULL ? "" : field->kind == FORM_PASSWORD ? raw : trimmed(req->mem, raw);
		f->values[i] = v;
		f->errors[i] = NULL;
		if (v[0] == '\0') {
			if (field->required)
				f->errors[i] = field->kind == FORM_CHECKBOX ? form_kind_message(req->mem, field)
				                                            : "Заполните это поле.";
		} else if (!kind_valid(field, v, &f->ids[i])) {
			f->errors[i] = form_kind_message(req->mem, field);
		}
		f->nerrors += f->errors[i] != NULL;
	}
	return f->nerrors;
}

static int field_index(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

void form_set_value(struct form *f, const char *name, const char *value)
{
	int i = field_index(f, name);
	if (i >= 0)
		f->values[i] = value ? value : "";
}

void form_set_error(struct form *f, const char *name, const char *message)
{
	int i = field_index(f, name);
	if (i < 0)
		return;
	if (f->errors[i] == NULL)
		f->nerrors++;
	f->errors[i] = message;
}

const char *form_value(const struct form *f, const char *name)
{
	int i = field_index(f, name);
	return i >= 0 ? f->values[i] : "";
}

long long form_id(const struct form *f, const char *name)
{
	int i = field_index(f, name);
	return i >= 0 ? f->ids[i] : 0;
}

void form_fill(const struct form *f, tpl_dict *d)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *field = &f->fields[i];
		if (field->kind == FORM_CHECKBOX) {
			if (strcmp(f->values[i], "1") == 0)
				tpl_show(d, field->key);
		} else if (field->kind != FORM_PASSWORD) {
			tpl_set(d, field->key, f->values[i]);
		}
		if (f->errors[i] != NULL)
			tpl_set(tpl_section(d, field->error_key), "ERROR", f->errors[i]);
	}
	if (f->nerrors > 0)
		tpl_set_int(tpl_section(d, "FORM_ERRORS"), "ERROR_COUNT", f->nerrors);
}

#define FORM_TOKEN_BROKEN "Форма повреждена или устарела. Проверьте поля и отправьте форму ещё раз."

const char *form_new_token(arena *mem)
{
	char *t = arena_alloc(mem, FORM_TOKEN_HEX_LEN + 1);
	random_hex(t, FORM_TOKEN_HEX_LEN / 2);
	return t;
}

void form_check_token(arena *mem, struct form *f)
{
	const char *t = form_value(f, "form_token");
	if (strlen(t) == FORM_TOKEN_HEX_LEN && strspn(t, "0123456789abcdef") == FORM_TOKEN_HEX_LEN)
		return;
	form_set_error(f, "form_token", FORM_TOKEN_BROKEN);
	form_set_value(f, "form_token", form_new_token(mem));
}
