/* request.c: turns the raw method, URI, Cookie header and body into a checked
 * struct request. Everything is decoded into the request arena; every value a
 * handler can see is valid UTF-8 within the limits of request.h. */
#include "request.h"

#include <string.h>
#include <strings.h>

static const char *const method_names[METHOD__MAX] = {
	"GET",   /* METHOD_GET */
	"HEAD",  /* METHOD_HEAD */
	"POST",  /* METHOD_POST */
	"OTHER", /* METHOD_OTHER */
};

enum http_method method_from_string(const char *s)
{
	for (int m = 0; m < METHOD_OTHER; m++)
		if (s != NULL && strcmp(s, method_names[m]) == 0)
			return (enum http_method)m;
	return METHOD_OTHER;
}

const char *method_name(enum http_method m)
{
	return m < METHOD__MAX ? method_names[m] : "OTHER";
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long percent_decode(char *dst, const char *src, size_t len, bool plus_is_space)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = src[i];
		if (c == '%') {
			if (i + 2 >= len)
				return -1;
			int hi = hex_value(src[i + 1]), lo = hex_value(src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			dst[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			dst[o++] = ' ';
		} else {
			dst[o++] = c;
		}
	}
	dst[o] = '\0';
	return (long)o;
}

/* Length of the UTF-8 sequence starting at s (at most len bytes), or 0 when it
 * is malformed. Tables follow RFC 3629 section 4. */
static size_t utf8_sequence(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c == 0xE0)
		n = 3, lo = 0xA0;
	else if (c == 0xED)
		n = 3, hi = 0x9F; /* no UTF-16 surrogates */
	else if (c >= 0xE1 && c <= 0xEF)
		n = 3;
	else if (c == 0xF0)
		n = 4, lo = 0x90;
	else if (c >= 0xF1 && c <= 0xF3)
		n = 4;
	else if (c == 0xF4)
		n = 4, hi = 0x8F;
	else
		return 0;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

bool utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
		if (s[i] == 0x7F)
			return false;
		size_t n = utf8_sequence(s + i, len - i);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

static int fail(struct request *req, int status, const char *message)
{
	req->error_status = status;
	req->error = message;
	return status;
}

/* Decodes one name or value into the arena; NULL when malformed. */
static char *decode_component(struct request *req, const char *s, size_t len, bool plus, size_t *out_len)
{
	char *dst = arena_alloc(req->mem, len + 1);
	long n = percent_decode(dst, s, len, plus);
	if (n < 0 || !utf8_valid(dst, (size_t)n))
		return NULL;
	if (out_len != NULL)
		*out_len = (size_t)n;
	return dst;
}

static size_t count_fields(const char *s, size_t len)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '&')
			n++;
	return n;
}

int parse_urlencoded(struct request *req, const char *s, size_t len, struct field_list *out)
{
	out->items = NULL;
	out->count = 0;
	if (len == 0)
		return 0;
	size_t max = count_fields(s, len);
	if (max > REQ_MAX_FIELDS)
		return fail(req, 400, "Слишком много параметров в запросе. Уберите лишние и повторите.");
	out->items = arena_calloc(req->mem, max, sizeof *out->items);
	const char *p = s, *end = s + len;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *pair_end = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(pair_end - p));
		const char *name_end = eq ? eq : pair_end;
		if (name_end > p) {
			struct field *f = &out->items[out->count];
			size_t vlen = 0;
			f->name = decode_component(req, p, (size_t)(name_end - p), true, NULL);
			f->value = eq ? decode_component(req, eq + 1, (size_t)(pair_end - eq - 1), true, &vlen) : "";
			if (f->name == NULL || f->value == NULL)
				return fail(req, 400, "Адрес или форма содержат неверную %-кодировку или недопустимые символы (нужна UTF-8).");
			if (vlen > REQ_MAX_FIELD_LEN)
				return fail(req, 400, "Одно из полей слишком длинное. Сократите текст и повторите.");
			f->len = vlen;
			out->count++;
		}
		p = pair_end < end ? pair_end + 1 : end;
	}
	return 0;
}

static bool is_cookie_name_char(unsigned char c)
{
	return c > 0x20 && c < 0x7F && !strchr("()<>@,;:\\\"/[]?={}", c);
}

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Adds one name=value cookie pair when it is well formed. */
static void add_cookie(struct request *req, struct field_list *out, const char *p, const char *pair_end)
{
	const char *eq = memchr(p, '=', (size_t)(pair_end - p));
	if (eq == NULL || eq == p || out->count >= REQ_MAX_COOKIES)
		return;
	for (const char *q = p; q < eq; q++)
		if (!is_cookie_name_char((unsigned char)*q))
			return;
	const char *v = eq + 1, *vend = pair_end;
	while (vend > v && (vend[-1] == ' ' || vend[-1] == '\t'))
		vend--;
	if (vend - v >= 2 && *v == '"' && vend[-1] == '"')
		v++, vend--;
	/* cookie-octet is printable ASCII only: other bytes could be invalid UTF-8. */
	for (const char *q = v; q < vend; q++)
		if ((unsigned char)*q <= 0x20 || (unsigned char)*q >= 0x7F || *q == '"' || *q == ',' || *q == ';' ||
		    *q == '\\')
			return;
	struct field *f = &out->items[out->count++];
	f->name = arena_strndup(req->mem, p, (size_t)(eq - p));
	f->value = arena_strndup(req->mem, v, (size_t)(vend - v));
	f->len = (size_t)(vend - v);
}

int parse_cookies(struct request *req, const char *header, struct field_list *out)
{
	out->items = arena_calloc(req->mem, REQ_MAX_COOKIES, sizeof *out->items);
	out->count = 0;
	if (header == NULL)
		return 0;
	size_t len = strlen(header);
	if (len > REQ_MAX_COOKIE_LEN)
		return 0; /* ignore, do not reject: the site must stay usable */
	const char *p = header, *end = header + len;
	while (p < end) {
		p = skip_spaces(p, end);
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *pair_end = semi ? semi : end;
		add_cookie(req, out, p, pair_end);
		p = pair_end < end ? pair_end + 1 : end;
	}
	return 0;
}

int parse_uri(struct request *req, const char *uri)
{
	size_t len = strlen(uri);
	if (len > REQ_MAX_URI)
		return fail(req, 414, "Адрес страницы слишком длинный. Сократите его или уберите лишние параметры.");
	if (len == 0 || uri[0] != '/')
		return fail(req, 400, "Неверный адрес страницы.");
	const char *q = strchr(uri, '?');
	size_t path_len = q ? (size_t)(q - uri) : len;
	char *path = arena_alloc(req->mem, path_len + 1);
	long n = percent_decode(path, uri, path_len, false);
	if (n < 0 || !utf8_valid(path, (size_t)n))
		return fail(req, 400, "Адрес страницы содержит неверную %-кодировку или недопустимые символы.");
	if ((size_t)n > REQ_MAX_PATH)
		return fail(req, 414, "Адрес страницы слишком длинный.");
	if (strpbrk(path, "\t\r\n") != NULL) /* never in a real path; would split the log line */
		return fail(req, 400, "Адрес страницы содержит недопустимые символы.");
	req->path = path;
	req->query_string = q ? arena_strdup(req->mem, q + 1) : "";
	return parse_urlencoded(req, req->query_string, strlen(req->query_string), &req->query);
}

static bool is_form_content_type(const char *ct)
{
	static const char form[] = "application/x-www-form-urlencoded";
	if (ct == NULL || strncasecmp(ct, form, sizeof form - 1) != 0)
		return false;
	char next = ct[sizeof form - 1];
	return next == '\0' || next == ';' || next == ' ';
}

int request_parse(struct request *req, const char *method, const char *uri,
                  const char *cookie_header, const char *content_type,
                  const char *body, size_t body_len)
{
	req->method = method_from_string(method);
	req->uri = uri ? uri : "";
	req->query_string = "";
	req->path = "/";
	int rc = parse_uri(req, req->uri);
	if (rc != 0)
		return rc;
	parse_cookies(req, cookie_header, &req->cookies);
	if (req->method != METHOD_POST || body_len == 0)
		return 0;
	if (body_len > REQ_MAX_BODY)
		return fail(req, 413, "Отправленные данные слишком велики. Сократите текст и повторите.");
	if (!is_form_content_type(content_type))
		return fail(req, 415, "Форма отправлена в неподдерживаемом формате.");
	return parse_urlencoded(req, body, body_len, &req->form);
}

const char *field_get(const struct field_list *list, const char *name)
{
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->items[i].name, name) == 0)
			return list->items[i].value;
	return NULL;
}

const char *request_query(const struct request *req, const char *name)
{
	return field_get(&req->query, name);
}

const char *request_form(const struct request *req, const char *name)
{
	return field_get(&req->form, name);
}

const char *request_cookie(const struct request *req, const char *name)
{
	return field_get(&req->cookies, name);
}

const char *request_param(const struct request *req, const char *name)
{
	for (size_t i = 0; i < req->nparams; i++)
		if (strcmp(req->params[i].name, name) == 0)
			return req->params[i].value;
	return NULL;
}
