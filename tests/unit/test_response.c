/* test_response.c: unit tests of the response head (fcgi/response.c):
 * status line, Content-Type with charset, Content-Length, Cache-Control,
 * security headers, ETag and 304, HEAD without body, header injection. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "response.h"

#define HEAD_CAP 8192

struct fixture {
	arena *mem;
	struct request req;
	struct response resp;
	char head[HEAD_CAP];
	bool send_body;
	size_t len;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->mem = arena_new(16 * 1024);
	f->req.mem = f->mem;
	f->req.method = METHOD_GET;
	response_init(&f->resp, f->mem);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(f->mem);
	free(f);
	return 0;
}

/* Builds the head into f->head; returns it. */
static const char *head(struct fixture *f)
{
	memset(f->head, 0, sizeof f->head);
	f->send_body = true;
	f->len = response_head(&f->req, &f->resp, f->head, sizeof f->head, &f->send_body);
	return f->head;
}

/* The value of header name in head h ("" when absent), copied to buf. */
static const char *header_value(const char *h, const char *name, char *buf, size_t cap)
{
	char key[128];
	snprintf(key, sizeof key, "\r\n%s: ", name);
	const char *p = strstr(h, key);
	buf[0] = '\0';
	if (p == NULL)
		return buf;
	p += strlen(key);
	size_t n = strcspn(p, "\r\n");
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

static bool has_header(const char *h, const char *name)
{
	char key[128];
	snprintf(key, sizeof key, "\r\n%s: ", name);
	return strstr(h, key) != NULL;
}

static void set_html(struct fixture *f, const char *html)
{
	response_body(&f->resp, 200, CT_HTML, html, strlen(html));
}

static void test_init_defaults(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(f->resp.status, 200);
	assert_string_equal(f->resp.content_type, CT_HTML);
	assert_string_equal(f->resp.cache_control, CACHE_PRIVATE);
	assert_string_equal(f->resp.body, "");
	assert_int_equal(f->resp.body_len, 0);
	assert_false(f->resp.etag);
	assert_int_equal(f->resp.nheaders, 0);
}

static void test_head_starts_with_status_line(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>ok</p>");
	assert_true(strncmp(head(f), "Status: 200 OK\r\n", 16) == 0);
}

static void test_head_ends_with_blank_line_and_length_matches(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>ok</p>");
	const char *h = head(f);
	assert_int_equal(f->len, strlen(h));
	assert_true(f->len > 4);
	assert_string_equal(h + f->len - 4, "\r\n\r\n");
	assert_ptr_equal(strstr(h, "\r\n\r\n"), h + f->len - 4); /* no blank line earlier */
}

static void test_every_header_line_ends_with_crlf(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>ok</p>");
	response_header(&f->resp, "Vary", "Cookie");
	const char *h = head(f);
	for (const char *p = h; *p; p++) {
		if (*p == '\n')
			assert_true(p > h && p[-1] == '\r');
		if (*p == '\r')
			assert_int_equal(p[1], '\n');
	}
}

static void test_content_type_with_charset_and_length(void **state)
{
	struct fixture *f = *state;
	char v[128];
	set_html(f, "<p>Привет</p>");
	const char *h = head(f);
	assert_string_equal(header_value(h, "Content-Type", v, sizeof v), "text/html; charset=utf-8");
	assert_string_equal(header_value(h, "Content-Length", v, sizeof v), "19");
	assert_true(f->send_body);
}

static void test_content_length_counts_bytes_not_characters(void **state)
{
	struct fixture *f = *state;
	char v[32];
	response_body(&f->resp, 200, "text/plain; charset=utf-8", "ЁЁЁ", 6);
	assert_string_equal(header_value(head(f), "Content-Length", v, sizeof v), "6");
}

static void test_body_is_copied_into_arena(void **state)
{
	struct fixture *f = *state;
	char body[] = "<p>before</p>";
	response_body(&f->resp, 200, CT_HTML, body, strlen(body));
	memcpy(body, "<p>after!</p>", 13);
	assert_string_equal(f->resp.body, "<p>before</p>");
	assert_ptr_not_equal(f->resp.body, body);
}

static void test_body_len_respected_with_embedded_nul(void **state)
{
	struct fixture *f = *state;
	char v[32];
	response_body(&f->resp, 200, "application/octet-stream", "a\0b", 3);
	assert_int_equal(f->resp.body_len, 3);
	assert_string_equal(header_value(head(f), "Content-Length", v, sizeof v), "3");
}

static void test_empty_body_has_zero_length_and_no_content_type(void **state)
{
	struct fixture *f = *state;
	char v[32];
	const char *h = head(f);
	assert_string_equal(header_value(h, "Content-Length", v, sizeof v), "0");
	assert_false(has_header(h, "Content-Type"));
}

static void test_cache_control_default_private(void **state)
{
	struct fixture *f = *state;
	char v[64];
	set_html(f, "x");
	assert_string_equal(header_value(head(f), "Cache-Control", v, sizeof v), CACHE_PRIVATE);
}

static void test_cache_control_public_when_chosen(void **state)
{
	struct fixture *f = *state;
	char v[64];
	set_html(f, "x");
	f->resp.cache_control = CACHE_PUBLIC;
	assert_string_equal(header_value(head(f), "Cache-Control", v, sizeof v), CACHE_PUBLIC);
}

static void test_security_headers_present(void **state)
{
	struct fixture *f = *state;
	char v[512];
	set_html(f, "x");
	const char *h = head(f);
	assert_string_equal(header_value(h, "X-Content-Type-Options", v, sizeof v), "nosniff");
	assert_string_equal(header_value(h, "Referrer-Policy", v, sizeof v), "strict-origin-when-cross-origin");
	assert_string_equal(header_value(h, "X-Frame-Options", v, sizeof v), "DENY");
	assert_true(has_header(h, "Content-Security-Policy"));
}

static void test_csp_forbids_inline_and_foreign_scripts(void **state)
{
	struct fixture *f = *state;
	char csp[512];
	set_html(f, "x");
	header_value(head(f), "Content-Security-Policy", csp, sizeof csp);
	assert_null(strstr(csp, "unsafe-inline"));
	assert_null(strstr(csp, "unsafe-eval"));
	assert_non_null(strstr(csp, "default-src 'self'"));
	assert_non_null(strstr(csp, "script-src 'self'"));
	assert_non_null(strstr(csp, "object-src 'none'"));
	assert_non_null(strstr(csp, "frame-ancestors 'none'"));
	assert_null(strchr(csp, '*'));
}

static void test_security_headers_on_errors_and_redirects(void **state)
{
	struct fixture *f = *state;
	response_body(&f->resp, 404, CT_HTML, "<p>нет</p>", 13);
	const char *h = head(f);
	assert_true(strncmp(h, "Status: 404 Not Found\r\n", 23) == 0);
	assert_true(has_header(h, "Content-Security-Policy"));
	response_init(&f->resp, f->mem);
	response_redirect(&f->resp, 303, "/account/requests");
	h = head(f);
	assert_true(has_header(h, "X-Content-Type-Options"));
}

static void test_status_reasons(void **state)
{
	assert_string_equal(status_reason(200), "OK");
	assert_string_equal(status_reason(303), "See Other");
	assert_string_equal(status_reason(304), "Not Modified");
	assert_string_equal(status_reason(400), "Bad Request");
	assert_string_equal(status_reason(404), "Not Found");
	assert_string_equal(status_reason(405), "Method Not Allowed");
	assert_string_equal(status_reason(413), "Payload Too Large");
	assert_string_equal(status_reason(414), "URI Too Long");
	assert_string_equal(status_reason(415), "Unsupported Media Type");
	assert_string_equal(status_reason(503), "Service Unavailable");
	assert_string_equal(status_reason(500), "Internal Server Error");
	assert_string_equal(status_reason(999), "Internal Server Error");
}

static void test_status_line_for_each_error_code(void **state)
{
	struct fixture *f = *state;
	static const int codes[] = { 400, 403, 404, 405, 409, 413, 414, 415, 429, 500, 503 };
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		char want[64];
		response_body(&f->resp, codes[i], CT_HTML, "e", 1);
		snprintf(want, sizeof want, "Status: %d %s\r\n", codes[i], status_reason(codes[i]));
		assert_true(strncmp(head(f), want, strlen(want)) == 0);
		assert_true(f->send_body);
	}
}

static void test_redirect_sets_location_and_empty_body(void **state)
{
	struct fixture *f = *state;
	char v[128];
	set_html(f, "<p>будет выброшено</p>");
	response_redirect(&f->resp, 303, "/services/5");
	const char *h = head(f);
	assert_true(strncmp(h, "Status: 303 See Other\r\n", 23) == 0);
	assert_string_equal(header_value(h, "Location", v, sizeof v), "/services/5");
	assert_string_equal(header_value(h, "Content-Length", v, sizeof v), "0");
	assert_int_equal(f->resp.body_len, 0);
}

static void test_extra_headers_written_in_order(void **state)
{
	struct fixture *f = *state;
	set_html(f, "x");
	response_header(&f->resp, "Allow", "GET, HEAD, POST");
	response_header(&f->resp, "Retry-After", "5");
	const char *h = head(f);
	const char *a = strstr(h, "\r\nAllow: GET, HEAD, POST\r\n");
	const char *r = strstr(h, "\r\nRetry-After: 5\r\n");
	assert_non_null(a);
	assert_non_null(r);
	assert_true(a < r);
}

static void test_header_injection_via_value_dropped(void **state)
{
	struct fixture *f = *state;
	set_html(f, "x");
	response_header(&f->resp, "Location", "/ok\r\nSet-Cookie: sid=evil");
	response_header(&f->resp, "X-A", "line\nbreak");
	response_header(&f->resp, "X-B", "carriage\rreturn");
	assert_int_equal(f->resp.nheaders, 0);
	const char *h = head(f);
	assert_null(strstr(h, "Set-Cookie"));
	assert_null(strstr(h, "Location"));
	assert_null(strstr(h, "X-A"));
	assert_null(strstr(h, "X-B"));
}

static void test_header_injection_via_name_dropped(void **state)
{
	struct fixture *f = *state;
	set_html(f, "x");
	response_header(&f->resp, "X-Evil\r\nSet-Cookie", "sid=evil");
	assert_int_equal(f->resp.nheaders, 0);
	assert_null(strstr(head(f), "Set-Cookie"));
}

static void test_redirect_with_crlf_location_adds_no_header(void **state)
{
	struct fixture *f = *state;
	response_redirect(&f->resp, 303, "/x\r\n\r\n<script>alert(1)</script>");
	const char *h = head(f);
	assert_null(strstr(h, "<script>"));
	assert_null(strstr(h, "Location"));
}

static void test_header_limit_extra_headers_dropped(void **state)
{
	struct fixture *f = *state;
	static const char *const names[] = { "X-0", "X-1", "X-2", "X-3", "X-4", "X-5", "X-6", "X-7", "X-8", "X-9" };
	for (size_t i = 0; i < 10; i++)
		response_header(&f->resp, names[i], "v");
	assert_int_equal(f->resp.nheaders, RESP_MAX_HEADERS);
	const char *h = head(f);
	assert_true(has_header(h, "X-7"));
	assert_false(has_header(h, "X-8"));
}

static void test_etag_header_quoted_hex(void **state)
{
	struct fixture *f = *state;
	char v[64];
	set_html(f, "<p>каталог</p>");
	f->resp.etag = true;
	header_value(head(f), "ETag", v, sizeof v);
	assert_int_equal(strlen(v), 18);
	assert_int_equal(v[0], '"');
	assert_int_equal(v[17], '"');
	for (int i = 1; i < 17; i++)
		assert_non_null(strchr("0123456789abcdef", v[i]));
}

static void test_no_etag_unless_asked(void **state)
{
	struct fixture *f = *state;
	set_html(f, "x");
	assert_false(has_header(head(f), "ETag"));
}

static void test_etag_depends_on_body_only(void **state)
{
	struct fixture *f = *state;
	char a[64], b[64], c[64];
	set_html(f, "<p>one</p>");
	f->resp.etag = true;
	header_value(head(f), "ETag", a, sizeof a);
	f->resp.cache_control = CACHE_PUBLIC;
	header_value(head(f), "ETag", b, sizeof b);
	set_html(f, "<p>two</p>");
	header_value(head(f), "ETag", c, sizeof c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
}

static void test_etag_only_for_200(void **state)
{
	struct fixture *f = *state;
	response_body(&f->resp, 404, CT_HTML, "x", 1);
	f->resp.etag = true;
	f->req.if_none_match = "*";
	const char *h = head(f);
	assert_false(has_header(h, "ETag"));
	assert_int_equal(f->resp.status, 404);
	assert_true(f->send_body);
}

static void test_if_none_match_same_etag_gives_304_without_body(void **state)
{
	struct fixture *f = *state;
	char etag[64], v[64];
	set_html(f, "<p>каталог услуг</p>");
	f->resp.etag = true;
	f->resp.cache_control = CACHE_PUBLIC;
	header_value(head(f), "ETag", etag, sizeof etag);
	assert_true(f->send_body);

	f->req.if_none_match = etag;
	const char *h = head(f);
	assert_int_equal(f->resp.status, 304);
	assert_false(f->send_body);
	assert_true(strncmp(h, "Status: 304 Not Modified\r\n", 26) == 0);
	assert_string_equal(header_value(h, "ETag", v, sizeof v), etag);
	assert_string_equal(header_value(h, "Cache-Control", v, sizeof v), CACHE_PUBLIC);
	assert_false(has_header(h, "Content-Length"));
	assert_false(has_header(h, "Content-Type"));
}

static void test_if_none_match_in_list_and_weak_form_gives_304(void **state)
{
	struct fixture *f = *state;
	char etag[64], list[256];
	set_html(f, "<p>x</p>");
	f->resp.etag = true;
	header_value(head(f), "ETag", etag, sizeof etag);
	snprintf(list, sizeof list, "\"0000000000000000\", W/%s", etag);
	f->req.if_none_match = list;
	head(f);
	assert_int_equal(f->resp.status, 304);
	assert_false(f->send_body);
}

static void test_if_none_match_star_gives_304(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>x</p>");
	f->resp.etag = true;
	f->req.if_none_match = "*";
	head(f);
	assert_int_equal(f->resp.status, 304);
}

static void test_if_none_match_other_etag_gives_200_with_body(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>new version</p>");
	f->resp.etag = true;
	f->req.if_none_match = "\"0123456789abcdef\"";
	head(f);
	assert_int_equal(f->resp.status, 200);
	assert_true(f->send_body);
}

static void test_if_none_match_unquoted_hex_does_not_match(void **state)
{
	struct fixture *f = *state;
	char etag[64], bare[64];
	set_html(f, "<p>x</p>");
	f->resp.etag = true;
	header_value(head(f), "ETag", etag, sizeof etag);
	memcpy(bare, etag + 1, 16);
	bare[16] = '\0';
	f->req.if_none_match = bare;
	head(f);
	assert_int_equal(f->resp.status, 200);
}

static void test_if_none_match_ignored_without_etag(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>x</p>");
	f->req.if_none_match = "*";
	head(f);
	assert_int_equal(f->resp.status, 200);
	assert_true(f->send_body);
}

static void test_head_request_sends_no_body_but_real_length(void **state)
{
	struct fixture *f = *state;
	char v[32];
	f->req.method = METHOD_HEAD;
	set_html(f, "<p>twelve b</p>");
	const char *h = head(f);
	assert_false(f->send_body);
	assert_true(strncmp(h, "Status: 200 OK\r\n", 16) == 0);
	assert_string_equal(header_value(h, "Content-Length", v, sizeof v), "15");
	assert_true(has_header(h, "Content-Type"));
}

static void test_head_request_with_matching_etag_gives_304(void **state)
{
	struct fixture *f = *state;
	char etag[64];
	set_html(f, "<p>x</p>");
	f->resp.etag = true;
	header_value(head(f), "ETag", etag, sizeof etag);
	f->req.method = METHOD_HEAD;
	f->req.if_none_match = etag;
	head(f);
	assert_int_equal(f->resp.status, 304);
	assert_false(f->send_body);
}

static void test_post_response_sends_body(void **state)
{
	struct fixture *f = *state;
	f->req.method = METHOD_POST;
	response_body(&f->resp, 400, CT_HTML, "<p>ошибка</p>", 19);
	head(f);
	assert_true(f->send_body);
}

static void test_head_exactly_filling_buffer_is_kept(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>x</p>");
	response_header(&f->resp, "Vary", "Cookie");
	size_t full = strlen(head(f));
	char *buf = malloc(full + 1);
	bool send;
	assert_int_equal(response_head(&f->req, &f->resp, buf, full + 1, &send), full);
	assert_string_equal(buf, f->head);
	assert_int_equal(f->resp.status, 200);
	free(buf);
}

static void test_head_too_big_for_buffer_becomes_bare_500(void **state)
{
	/* A redirect to a long URL (login?next=<long uri>) must not give a head
	 * cut off in the middle of a header line. */
	struct fixture *f = *state;
	char v[64];
	size_t n = HEAD_CAP + 100;
	char *location = arena_alloc(f->mem, n + 1);
	memset(location, 'a', n);
	location[0] = '/';
	location[n] = '\0';
	response_redirect(&f->resp, 303, location);
	const char *h = head(f);
	assert_true(f->len < HEAD_CAP);
	assert_int_equal(f->len, strlen(h));
	assert_true(strncmp(h, "Status: 500 Internal Server Error\r\n", 35) == 0);
	assert_ptr_equal(strstr(h, "\r\n\r\n"), h + f->len - 4);
	assert_false(has_header(h, "Location"));
	assert_string_equal(header_value(h, "Content-Length", v, sizeof v), "0");
	assert_string_equal(header_value(h, "Cache-Control", v, sizeof v), CACHE_PRIVATE);
	assert_true(has_header(h, "Content-Security-Policy"));
	assert_false(f->send_body);
	assert_int_equal(f->resp.status, 500);
}

static void test_head_one_byte_too_big_becomes_bare_500(void **state)
{
	struct fixture *f = *state;
	set_html(f, "<p>x</p>");
	response_header(&f->resp, "Vary", "Cookie");
	size_t full = strlen(head(f));
	char *buf = malloc(full);
	bool send = true;
	size_t n = response_head(&f->req, &f->resp, buf, full, &send);
	assert_true(n > 0 && n < full);
	assert_true(strncmp(buf, "Status: 500 ", 12) == 0);
	assert_false(send);
	free(buf);
}

static void test_tiny_buffer_gives_empty_head_and_no_overflow(void **state)
{
	struct fixture *f = *state;
	char buf[64 + 16];
	memset(buf, '#', sizeof buf);
	set_html(f, "<p>x</p>");
	bool send = true;
	assert_int_equal(response_head(&f->req, &f->resp, buf, 64, &send), 0);
	assert_false(send);
	for (size_t i = 64; i < sizeof buf; i++)
		assert_int_equal(buf[i], '#');
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init_defaults),
		T(test_head_starts_with_status_line),
		T(test_head_ends_with_blank_line_and_length_matches),
		T(test_every_header_line_ends_with_crlf),
		T(test_content_type_with_charset_and_length),
		T(test_content_length_counts_bytes_not_characters),
		T(test_body_is_copied_into_arena),
		T(test_body_len_respected_with_embedded_nul),
		T(test_empty_body_has_zero_length_and_no_content_type),
		T(test_cache_control_default_private),
		T(test_cache_control_public_when_chosen),
		T(test_security_headers_present),
		T(test_csp_forbids_inline_and_foreign_scripts),
		T(test_security_headers_on_errors_and_redirects),
		T(test_status_reasons),
		T(test_status_line_for_each_error_code),
		T(test_redirect_sets_location_and_empty_body),
		T(test_extra_headers_written_in_order),
		T(test_header_injection_via_value_dropped),
		T(test_header_injection_via_name_dropped),
		T(test_redirect_with_crlf_location_adds_no_header),
		T(test_header_limit_extra_headers_dropped),
		T(test_etag_header_quoted_hex),
		T(test_no_etag_unless_asked),
		T(test_etag_depends_on_body_only),
		T(test_etag_only_for_200),
		T(test_if_none_match_same_etag_gives_304_without_body),
		T(test_if_none_match_in_list_and_weak_form_gives_304),
		T(test_if_none_match_star_gives_304),
		T(test_if_none_match_other_etag_gives_200_with_body),
		T(test_if_none_match_unquoted_hex_does_not_match),
		T(test_if_none_match_ignored_without_etag),
		T(test_head_request_sends_no_body_but_real_length),
		T(test_head_request_with_matching_etag_gives_304),
		T(test_post_response_sends_body),
		T(test_head_exactly_filling_buffer_is_kept),
		T(test_head_too_big_for_buffer_becomes_bare_500),
		T(test_head_one_byte_too_big_becomes_bare_500),
		T(test_tiny_buffer_gives_empty_head_and_no_overflow),
	};
	return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
