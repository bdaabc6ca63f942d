/* test_request.c: unit tests of request parsing (fcgi/request.c): percent
 * decoding, UTF-8 validation, URI, query, form and cookie parsing with their
 * limits, and request_parse() as the worker calls it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

struct fixture {
	arena *mem;
	struct request req;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->mem = arena_new(64 * 1024);
	f->req.mem = f->mem;
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

static struct request *req_of(void **state)
{
	return &((struct fixture *)*state)->req;
}

/* A string of n copies of c in the request arena. */
static char *repeat(void **state, char c, size_t n)
{
	char *s = arena_alloc(req_of(state)->mem, n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* Decodes src (NUL-terminated) and returns the result length; dst gets it. */
static long decode(char *dst, const char *src, bool plus)
{
	return percent_decode(dst, src, strlen(src), plus);
}

#define UTF8(s) utf8_valid((s), sizeof(s) - 1)

/* ---- method names ---- */

static void test_method_from_string_maps_get_head_post(void **state)
{
	assert_int_equal(method_from_string("GET"), METHOD_GET);
	assert_int_equal(method_from_string("HEAD"), METHOD_HEAD);
	assert_int_equal(method_from_string("POST"), METHOD_POST);
}

static void test_method_from_string_other_lowercase_and_null(void **state)
{
	assert_int_equal(method_from_string("PUT"), METHOD_OTHER);
	assert_int_equal(method_from_string("DELETE"), METHOD_OTHER);
	assert_int_equal(method_from_string("get"), METHOD_OTHER);
	assert_int_equal(method_from_string(""), METHOD_OTHER);
	assert_int_equal(method_from_string("OTHER"), METHOD_OTHER);
	assert_int_equal(method_from_string(NULL), METHOD_OTHER);
}

static void test_method_name_round_trips_and_clamps(void **state)
{
	assert_string_equal(method_name(METHOD_GET), "GET");
	assert_string_equal(method_name(METHOD_HEAD), "HEAD");
	assert_string_equal(method_name(METHOD_POST), "POST");
	assert_string_equal(method_name(METHOD_OTHER), "OTHER");
	assert_string_equal(method_name((enum http_method)99), "OTHER");
}

/* ---- percent_decode ---- */

static void test_percent_decode_plain_text_unchanged(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "/services/12", false), 12);
	assert_string_equal(out, "/services/12");
}

static void test_percent_decode_valid_escapes_both_cases(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "%41%62%2f%2F%7e", false), 5);
	assert_string_equal(out, "Ab//~");
}

static void test_percent_decode_cyrillic_utf8_bytes(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "%D0%9D%D0%9A%D0%9E", false), 6);
	assert_string_equal(out, "НКО");
}

static void test_percent_decode_empty_input(void **state)
{
	char out[4] = "xyz";
	assert_int_equal(percent_decode(out, "", 0, true), 0);
	assert_string_equal(out, "");
}

static void test_percent_decode_rejects_non_hex_escape(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "a%zzb", false), -1);
	assert_int_equal(decode(out, "%g0", false), -1);
	assert_int_equal(decode(out, "%0g", false), -1);
	assert_int_equal(decode(out, "% 1", false), -1);
}

static void test_percent_decode_rejects_truncated_escape(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "%", false), -1);
	assert_int_equal(decode(out, "abc%", false), -1);
	assert_int_equal(decode(out, "abc%4", false), -1);
}

static void test_percent_decode_escape_at_very_end_is_accepted(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "ab%41", false), 3);
	assert_string_equal(out, "abA");
}

static void test_percent_decode_respects_len_not_nul(void **state)
{
	char out[32];
	/* Only the first 4 bytes count: "%41%" would cut the second escape. */
	assert_int_equal(percent_decode(out, "%41%42", 4, false), -1);
	assert_int_equal(percent_decode(out, "%41%42", 3, false), 1);
	assert_string_equal(out, "A");
}

static void test_percent_decode_percent_00_gives_nul_byte(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "a%00b", false), 3);
	assert_memory_equal(out, "a\0b", 4);
}

static void test_percent_decode_plus_is_space_only_when_asked(void **state)
{
	char out[32];
	assert_int_equal(decode(out, "a+b", true), 3);
	assert_string_equal(out, "a b");
	assert_int_equal(decode(out, "a+b", false), 3);
	assert_string_equal(out, "a+b");
}

static void test_percent_decode_percent_2b_is_always_plus(void **state)
{
	char out[32];
	decode(out, "%2B+", true);
	assert_string_equal(out, "+ ");
}

static void test_percent_decode_double_encoding_decoded_once(void **state)
{
	char out[32];
	decode(out, "%2541", false);
	assert_string_equal(out, "%41");
}

/* ---- utf8_valid ---- */

static void test_utf8_valid_ascii_and_empty(void **state)
{
	assert_true(UTF8("Hello, world! 0123 ~"));
	assert_true(utf8_valid("", 0));
}

static void test_utf8_valid_cyrillic(void **state)
{
	assert_true(UTF8("Ресурсный центр поддержки НКО, Хабаровск. Ёё"));
}

static void test_utf8_valid_three_and_four_byte_sequences(void **state)
{
	assert_true(UTF8("\xE2\x82\xAC"));         /* € U+20AC */
	assert_true(UTF8("\xF0\x9F\x98\x80"));     /* 😀 U+1F600 */
	assert_true(UTF8("\xEF\xBF\xBF"));         /* U+FFFF */
	assert_true(UTF8("\xF4\x8F\xBF\xBF"));     /* U+10FFFF, the last code point */
	assert_true(UTF8("\xC2\x80"));             /* U+0080, smallest 2-byte */
	assert_true(UTF8("\xE0\xA0\x80"));         /* U+0800, smallest 3-byte */
	assert_true(UTF8("\xF0\x90\x80\x80"));     /* U+10000, smallest 4-byte */
	assert_true(UTF8("\xED\x9F\xBF"));         /* U+D7FF, just below surrogates */
	assert_true(UTF8("\xEE\x80\x80"));         /* U+E000, just above surrogates */
}

static void test_utf8_valid_rejects_overlong_forms(void **state)
{
	assert_false(UTF8("\xC0\xAF"));            /* '/' in 2 bytes */
	assert_false(UTF8("\xC1\xBF"));
	assert_false(UTF8("\xE0\x80\xAF"));        /* '/' in 3 bytes */
	assert_false(UTF8("\xE0\x9F\xBF"));
	assert_false(UTF8("\xF0\x80\x80\xAF"));    /* '/' in 4 bytes */
	assert_false(UTF8("\xF0\x8F\xBF\xBF"));
}

static void test_utf8_valid_rejects_surrogates(void **state)
{
	assert_false(UTF8("\xED\xA0\x80"));        /* U+D800 */
	assert_false(UTF8("\xED\xBF\xBF"));        /* U+DFFF */
	assert_false(UTF8("\xED\xA0\xBD\xED\xB8\x80")); /* CESU-8 pair */
}

static void test_utf8_valid_rejects_above_u10ffff(void **state)
{
	assert_false(UTF8("\xF4\x90\x80\x80"));    /* U+110000 */
	assert_false(UTF8("\xF5\x80\x80\x80"));
	assert_false(UTF8("\xF8\x88\x80\x80\x80"));
	assert_false(UTF8("\xFF"));
	assert_false(UTF8("\xFE"));
}

static void test_utf8_valid_rejects_truncated_sequences(void **state)
{
	assert_false(UTF8("\xD0"));
	assert_false(UTF8("abc\xD0"));
	assert_false(UTF8("\xE2\x82"));
	assert_false(UTF8("\xF0\x9F\x98"));
	assert_false(UTF8("\xE2\x82" "A"));        /* cut by an ASCII byte */
	/* A whole sequence in memory, but len ends inside it. */
	assert_false(utf8_valid("\xD0\x9D", 1));
	assert_false(utf8_valid("\xF0\x9F\x98\x80", 3));
}

static void test_utf8_valid_rejects_lone_continuation_bytes(void **state)
{
	assert_false(UTF8("\x80"));
	assert_false(UTF8("a\xBF"));
	assert_false(UTF8("\xD0\x9D\x9D"));        /* one continuation too many */
}

static void test_utf8_valid_rejects_bad_continuation_in_4_byte(void **state)
{
	assert_false(UTF8("\xF0\x9F\x28\x80"));
	assert_false(UTF8("\xF0\x9F\x98\xC0"));
}

static void test_utf8_valid_allows_tab_cr_lf(void **state)
{
	assert_true(UTF8("line one\r\nline\ttwo\n"));
}

static void test_utf8_valid_rejects_nul_and_c0_controls(void **state)
{
	assert_false(utf8_valid("a\0b", 3));
	assert_false(UTF8("a\x01"));
	assert_false(UTF8("\x08"));
	assert_false(UTF8("esc\x1B[0m"));
	assert_false(UTF8("\x1F"));
	assert_false(UTF8("\x0B"));                /* vertical tab */
	assert_false(UTF8("\x0C"));                /* form feed */
}

static void test_utf8_valid_rejects_del(void **state)
{
	assert_false(UTF8("abc\x7F"));
}

/* ---- parse_uri ---- */

static void test_parse_uri_path_only(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/services"), 0);
	assert_string_equal(r->path, "/services");
	assert_string_equal(r->query_string, "");
	assert_int_equal(r->query.count, 0);
}

static void test_parse_uri_splits_path_and_query(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/services?q=%D0%BF%D1%80%D0%B0%D0%B2%D0%BE&page=2"), 0);
	assert_string_equal(r->path, "/services");
	assert_string_equal(r->query_string, "q=%D0%BF%D1%80%D0%B0%D0%B2%D0%BE&page=2");
	assert_int_equal(r->query.count, 2);
	assert_string_equal(request_query(r, "q"), "право");
	assert_string_equal(request_query(r, "page"), "2");
	assert_null(request_query(r, "district"));
}

static void test_parse_uri_splits_at_first_question_mark(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/s?a=1?2"), 0);
	assert_string_equal(r->path, "/s");
	assert_string_equal(request_query(r, "a"), "1?2");
}

static void test_parse_uri_empty_query_after_question_mark(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/news?"), 0);
	assert_string_equal(r->path, "/news");
	assert_string_equal(r->query_string, "");
	assert_int_equal(r->query.count, 0);
}

static void test_parse_uri_decodes_path_but_keeps_plus(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/centres/%D1%86%D0%B5%D0%BD%D1%82%D1%80+1"), 0);
	assert_string_equal(r->path, "/centres/центр+1");
}

static void test_parse_uri_query_plus_is_space(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/services?q=%D1%8E%D1%80+%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D1%8C"), 0);
	assert_string_equal(request_query(r, "q"), "юр помощь");
}

static void test_parse_uri_path_must_start_with_slash(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "services"), 400);
	assert_int_equal(r->error_status, 400);
	assert_non_null(r->error);
}

static void test_parse_uri_empty_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), ""), 400);
}

static void test_parse_uri_absolute_form_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), "http://example.org/"), 400);
}

static void test_parse_uri_at_max_length_accepted(void **state)
{
	struct request *r = req_of(state);
	char *uri = repeat(state, 'a', REQ_MAX_URI);
	uri[0] = '/';
	uri[1] = '?';
	uri[2] = 'q';
	uri[3] = '=';
	assert_int_equal(parse_uri(r, uri), 0);
	assert_int_equal(strlen(request_query(r, "q")), REQ_MAX_URI - 4);
}

static void test_parse_uri_over_max_length_is_414(void **state)
{
	struct request *r = req_of(state);
	char *uri = repeat(state, 'a', REQ_MAX_URI + 1);
	uri[0] = '/';
	assert_int_equal(parse_uri(r, uri), 414);
	assert_int_equal(r->error_status, 414);
	assert_non_null(r->error);
}

static void test_parse_uri_decoded_path_over_max_is_414(void **state)
{
	struct request *r = req_of(state);
	char *uri = repeat(state, 'p', REQ_MAX_PATH + 1);
	uri[0] = '/';
	assert_int_equal(parse_uri(r, uri), 414);
}

static void test_parse_uri_decoded_path_at_max_accepted(void **state)
{
	struct request *r = req_of(state);
	char *uri = repeat(state, 'p', REQ_MAX_PATH);
	uri[0] = '/';
	assert_int_equal(parse_uri(r, uri), 0);
	assert_int_equal(strlen(r->path), REQ_MAX_PATH);
}

static void test_parse_uri_path_limit_counts_decoded_bytes(void **state)
{
	/* 3 * 400 encoded bytes decode to 400 bytes: under REQ_MAX_PATH. */
	struct request *r = req_of(state);
	char *uri = arena_alloc(r->mem, 1 + 3 * 400 + 1);
	uri[0] = '/';
	for (int i = 0; i < 400; i++)
		memcpy(uri + 1 + 3 * i, "%41", 3);
	uri[1 + 3 * 400] = '\0';
	assert_int_equal(parse_uri(r, uri), 0);
	assert_int_equal(strlen(r->path), 401);
}

static void test_parse_uri_bad_escape_in_path_is_400(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/services/%zz"), 400);
	assert_non_null(r->error);
	assert_int_equal(parse_uri(r, "/services/%4"), 400);
}

static void test_parse_uri_invalid_utf8_in_path_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), "/%C0%AF"), 400);
	assert_int_equal(parse_uri(req_of(state), "/%ED%A0%80"), 400);
	assert_int_equal(parse_uri(req_of(state), "/%FF"), 400);
	assert_int_equal(parse_uri(req_of(state), "/\xD0"), 400);
}

static void test_parse_uri_nul_in_path_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), "/services%00.html"), 400);
}

static void test_parse_uri_control_char_in_path_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), "/a%1Bb"), 400);
	assert_int_equal(parse_uri(req_of(state), "/a%7F"), 400);
	assert_int_equal(parse_uri(req_of(state), "/a\x01"), 400); /* raw, not escaped */
}

static void test_parse_uri_cr_lf_tab_in_path_is_400(void **state)
{
	/* The path is logged as one line: a decoded CR or LF would forge lines. */
	assert_int_equal(parse_uri(req_of(state), "/a%0D%0Ats=0%20level=error"), 400);
	assert_int_equal(parse_uri(req_of(state), "/a%0Ab"), 400);
	assert_int_equal(parse_uri(req_of(state), "/a%09b"), 400);
}

static void test_parse_uri_bad_escape_in_query_is_400(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(parse_uri(r, "/services?q=%zz"), 400);
	assert_int_equal(r->error_status, 400);
}

static void test_parse_uri_invalid_utf8_in_query_value_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), "/services?q=%D0"), 400);
	assert_int_equal(parse_uri(req_of(state), "/services?q=%00"), 400);
}

static void test_parse_uri_invalid_utf8_in_query_name_is_400(void **state)
{
	assert_int_equal(parse_uri(req_of(state), "/services?%FF=1"), 400);
}

/* ---- parse_urlencoded ---- */

static int urlencoded(void **state, const char *s, struct field_list *out)
{
	return parse_urlencoded(req_of(state), s, strlen(s), out);
}

static void test_urlencoded_empty_input_gives_no_fields(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "", &l), 0);
	assert_int_equal(l.count, 0);
	assert_null(field_get(&l, "a"));
}

static void test_urlencoded_basic_pairs_in_order(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "name=%D0%9D%D0%9A%D0%9E&district=khabarovsk&page=3", &l), 0);
	assert_int_equal(l.count, 3);
	assert_string_equal(l.items[0].name, "name");
	assert_string_equal(l.items[0].value, "НКО");
	assert_int_equal(l.items[0].len, 6);
	assert_string_equal(l.items[1].name, "district");
	assert_string_equal(l.items[2].value, "3");
	assert_int_equal(l.items[2].len, 1);
}

static void test_urlencoded_missing_equals_gives_empty_value(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "flag&a=1", &l), 0);
	assert_int_equal(l.count, 2);
	assert_string_equal(field_get(&l, "flag"), "");
	assert_int_equal(l.items[0].len, 0);
	assert_string_equal(field_get(&l, "a"), "1");
}

static void test_urlencoded_empty_value_after_equals(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "q=&page=1", &l), 0);
	assert_string_equal(field_get(&l, "q"), "");
}

static void test_urlencoded_empty_names_skipped(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "=x&a=1&=&&b=2&", &l), 0);
	assert_int_equal(l.count, 2);
	assert_string_equal(l.items[0].name, "a");
	assert_string_equal(l.items[1].name, "b");
}

static void test_urlencoded_only_separators_gives_no_fields(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "&&&", &l), 0);
	assert_int_equal(l.count, 0);
}

static void test_urlencoded_value_keeps_later_equals_signs(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "expr=a=b=c", &l), 0);
	assert_string_equal(field_get(&l, "expr"), "a=b=c");
}

static void test_urlencoded_decodes_names_and_plus(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "full+name=%D0%98%D0%B2%D0%B0%D0%BD+%D0%98.&a%5B%5D=1", &l), 0);
	assert_string_equal(field_get(&l, "full name"), "Иван И.");
	assert_string_equal(field_get(&l, "a[]"), "1");
}

static void test_urlencoded_encoded_ampersand_stays_in_value(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "q=a%26b%3Dc", &l), 0);
	assert_int_equal(l.count, 1);
	assert_string_equal(field_get(&l, "q"), "a&b=c");
}

static void test_urlencoded_duplicate_names_field_get_returns_first(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "category=1&category=2&category=3", &l), 0);
	assert_int_equal(l.count, 3);
	assert_string_equal(field_get(&l, "category"), "1");
	assert_string_equal(l.items[2].value, "3");
}

static void test_urlencoded_names_are_case_sensitive(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "Q=upper&q=lower", &l), 0);
	assert_string_equal(field_get(&l, "q"), "lower");
	assert_string_equal(field_get(&l, "Q"), "upper");
}

static void test_urlencoded_respects_len(void **state)
{
	struct field_list l;
	const char *s = "a=1&b=2";
	assert_int_equal(parse_urlencoded(req_of(state), s, 3, &l), 0);
	assert_int_equal(l.count, 1);
	assert_string_equal(field_get(&l, "a"), "1");
	assert_null(field_get(&l, "b"));
}

/* n fields "f0=v&f1=v&...", in the arena. */
static char *many_fields(void **state, int n)
{
	char *s = arena_alloc(req_of(state)->mem, (size_t)n * 12 + 1);
	size_t len = 0;
	for (int i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%sf%d=v", i ? "&" : "", i);
	return s;
}

static void test_urlencoded_exactly_max_fields_accepted(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, many_fields(state, REQ_MAX_FIELDS), &l), 0);
	assert_int_equal(l.count, REQ_MAX_FIELDS);
	assert_string_equal(field_get(&l, "f63"), "v");
}

static void test_urlencoded_over_max_fields_is_400(void **state)
{
	struct field_list l;
	struct request *r = req_of(state);
	assert_int_equal(urlencoded(state, many_fields(state, REQ_MAX_FIELDS + 1), &l), 400);
	assert_int_equal(r->error_status, 400);
	assert_non_null(r->error);
}

static void test_urlencoded_value_at_max_len_accepted(void **state)
{
	struct field_list l;
	char *s = repeat(state, 'x', REQ_MAX_FIELD_LEN + 2);
	s[0] = 't';
	s[1] = '=';
	assert_int_equal(urlencoded(state, s, &l), 0);
	assert_int_equal(l.items[0].len, REQ_MAX_FIELD_LEN);
	assert_int_equal(strlen(field_get(&l, "t")), REQ_MAX_FIELD_LEN);
}

static void test_urlencoded_value_over_max_len_is_400(void **state)
{
	struct field_list l;
	char *s = repeat(state, 'x', REQ_MAX_FIELD_LEN + 3);
	s[0] = 't';
	s[1] = '=';
	assert_int_equal(urlencoded(state, s, &l), 400);
	assert_int_equal(req_of(state)->error_status, 400);
}

static void test_urlencoded_value_limit_counts_decoded_bytes(void **state)
{
	/* REQ_MAX_FIELD_LEN escapes "%41" decode to exactly the limit. */
	struct field_list l;
	size_t n = REQ_MAX_FIELD_LEN;
	char *s = arena_alloc(req_of(state)->mem, 2 + 3 * n + 1);
	memcpy(s, "t=", 2);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 2 + 3 * i, "%41", 3);
	s[2 + 3 * n] = '\0';
	assert_int_equal(urlencoded(state, s, &l), 0);
	assert_int_equal(l.items[0].len, n);
}

static void test_urlencoded_bad_escape_is_400(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "a=1&b=%zz", &l), 400);
	assert_int_equal(urlencoded(state, "a=%", &l), 400);
	assert_int_equal(urlencoded(state, "%=1", &l), 400);
}

static void test_urlencoded_invalid_utf8_is_400(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "a=%C0%AF", &l), 400);
	assert_int_equal(urlencoded(state, "a=\xFF", &l), 400);
	assert_int_equal(urlencoded(state, "a=%00", &l), 400);
	assert_int_equal(urlencoded(state, "a=%1B", &l), 400);
}

static void test_urlencoded_multiline_text_allowed(void **state)
{
	struct field_list l;
	assert_int_equal(urlencoded(state, "text=one%0D%0Atwo%09three", &l), 0);
	assert_string_equal(field_get(&l, "text"), "one\r\ntwo\tthree");
}

/* ---- parse_cookies ---- */

static void test_cookies_null_header_gives_no_cookies(void **state)
{
	struct field_list l;
	assert_int_equal(parse_cookies(req_of(state), NULL, &l), 0);
	assert_int_equal(l.count, 0);
	assert_null(field_get(&l, "sid"));
}

static void test_cookies_single_pair(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "sid=abc123", &l);
	assert_int_equal(l.count, 1);
	assert_string_equal(field_get(&l, "sid"), "abc123");
	assert_int_equal(l.items[0].len, 6);
}

static void test_cookies_spaces_around_pairs(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "  sid=abc;   lang=ru ;\ttheme=dark  ", &l);
	assert_int_equal(l.count, 3);
	assert_string_equal(field_get(&l, "sid"), "abc");
	assert_string_equal(field_get(&l, "lang"), "ru");
	assert_string_equal(field_get(&l, "theme"), "dark");
}

static void test_cookies_quoted_value_unquoted(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "a=\"quoted\"; b=\"\"", &l);
	assert_string_equal(field_get(&l, "a"), "quoted");
	assert_int_equal(l.items[0].len, 6);
	assert_string_equal(field_get(&l, "b"), "");
}

static void test_cookies_empty_value_allowed(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "empty=; x=1", &l);
	assert_int_equal(l.count, 2);
	assert_string_equal(field_get(&l, "empty"), "");
}

static void test_cookies_value_may_contain_equals(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "t=YWJj==", &l);
	assert_string_equal(field_get(&l, "t"), "YWJj==");
}

static void test_cookies_malformed_pairs_skipped(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state),
	              "noequals; =novalue; bad name=1; a\"b=2; ok=1; sp=a b; semi=\"x; q=\"unterminated; "
	              "comma=a,b; bs=a\\b; dq=a\"b; last=2",
	              &l);
	assert_int_equal(l.count, 2);
	assert_string_equal(field_get(&l, "ok"), "1");
	assert_string_equal(field_get(&l, "last"), "2");
}

static void test_cookies_separator_chars_in_name_skipped(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "a/b=1; a(b=2; a@b=3; a:b=4; a?b=5; a{b=6; good=7", &l);
	assert_int_equal(l.count, 1);
	assert_string_equal(field_get(&l, "good"), "7");
}

static void test_cookies_control_and_del_in_value_skipped(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "a=x\x01y; b=x\x7Fy; c=ok", &l);
	assert_int_equal(l.count, 1);
	assert_string_equal(field_get(&l, "c"), "ok");
}

static void test_cookies_non_ascii_value_skipped(void **state)
{
	/* RFC 6265 cookie-octet is ASCII only; handlers rely on UTF-8 values. */
	struct field_list l;
	parse_cookies(req_of(state), "bad=\xFF\xFE; cyr=\xD0\x9D; ok=1", &l);
	assert_int_equal(l.count, 1);
	assert_null(field_get(&l, "bad"));
	assert_null(field_get(&l, "cyr"));
	assert_string_equal(field_get(&l, "ok"), "1");
}

static void test_cookies_non_ascii_name_skipped(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "\xD0\x9D=1; ok=1", &l);
	assert_int_equal(l.count, 1);
}

static void test_cookies_values_not_percent_decoded(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "a=%41+b", &l);
	assert_string_equal(field_get(&l, "a"), "%41+b");
}

static void test_cookies_duplicate_name_first_wins(void **state)
{
	struct field_list l;
	parse_cookies(req_of(state), "sid=first; sid=second", &l);
	assert_int_equal(l.count, 2);
	assert_string_equal(field_get(&l, "sid"), "first");
}

static void test_cookies_empty_and_semicolons_only(void **state)
{
	struct field_list l;
	assert_int_equal(parse_cookies(req_of(state), "", &l), 0);
	assert_int_equal(l.count, 0);
	assert_int_equal(parse_cookies(req_of(state), ";;; ;", &l), 0);
	assert_int_equal(l.count, 0);
}

static void test_cookies_over_max_count_extra_ignored(void **state)
{
	struct field_list l;
	char *h = arena_alloc(req_of(state)->mem, (REQ_MAX_COOKIES + 10) * 12);
	size_t len = 0;
	for (int i = 0; i < REQ_MAX_COOKIES + 10; i++)
		len += (size_t)sprintf(h + len, "c%d=%d; ", i, i);
	assert_int_equal(parse_cookies(req_of(state), h, &l), 0);
	assert_int_equal(l.count, REQ_MAX_COOKIES);
	assert_string_equal(field_get(&l, "c0"), "0");
	assert_string_equal(field_get(&l, "c31"), "31");
	assert_null(field_get(&l, "c32"));
}

static void test_cookies_header_over_max_len_ignored_entirely(void **state)
{
	struct field_list l;
	char *h = repeat(state, 'v', REQ_MAX_COOKIE_LEN + 1);
	memcpy(h, "sid=1; x=", 9);
	assert_int_equal(parse_cookies(req_of(state), h, &l), 0);
	assert_int_equal(l.count, 0);
	assert_null(field_get(&l, "sid"));
}

static void test_cookies_header_at_max_len_parsed(void **state)
{
	struct field_list l;
	char *h = repeat(state, 'v', REQ_MAX_COOKIE_LEN);
	memcpy(h, "sid=1; x=", 9);
	assert_int_equal(parse_cookies(req_of(state), h, &l), 0);
	assert_int_equal(l.count, 2);
	assert_string_equal(field_get(&l, "sid"), "1");
}

/* ---- request_parse ---- */

static const char FORM[] = "application/x-www-form-urlencoded";

static void test_request_parse_get_with_query_and_cookie(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(request_parse(r, "GET", "/services?page=2", "sid=abc; lang=ru", NULL, NULL, 0), 0);
	assert_int_equal(r->method, METHOD_GET);
	assert_string_equal(r->uri, "/services?page=2");
	assert_string_equal(r->path, "/services");
	assert_string_equal(request_query(r, "page"), "2");
	assert_string_equal(request_cookie(r, "sid"), "abc");
	assert_int_equal(r->form.count, 0);
	assert_null(request_form(r, "page"));
	assert_int_equal(r->error_status, 0);
	assert_null(r->error);
}

static void test_request_parse_method_mapping(void **state)
{
	struct request *r = req_of(state);
	request_parse(r, "HEAD", "/", NULL, NULL, NULL, 0);
	assert_int_equal(r->method, METHOD_HEAD);
	request_parse(r, "POST", "/", NULL, NULL, NULL, 0);
	assert_int_equal(r->method, METHOD_POST);
	request_parse(r, "PATCH", "/", NULL, NULL, NULL, 0);
	assert_int_equal(r->method, METHOD_OTHER);
	request_parse(r, NULL, "/", NULL, NULL, NULL, 0);
	assert_int_equal(r->method, METHOD_OTHER);
}

static void test_request_parse_post_form_body(void **state)
{
	struct request *r = req_of(state);
	const char body[] = "title=%D0%9A%D0%BE%D0%BD%D1%81%D1%83%D0%BB%D1%8C%D1%82%D0%B0%D1%86%D0%B8%D1%8F&agree=1";
	assert_int_equal(request_parse(r, "POST", "/services/5/request?from=list", NULL, FORM, body, sizeof body - 1), 0);
	assert_string_equal(request_form(r, "title"), "Консультация");
	assert_string_equal(request_form(r, "agree"), "1");
	assert_string_equal(request_query(r, "from"), "list");
	assert_null(request_query(r, "title"));
}

static void test_request_parse_form_content_type_with_charset(void **state)
{
	struct request *r = req_of(state);
	const char body[] = "a=1";
	assert_int_equal(request_parse(r, "POST", "/x", NULL, "application/x-www-form-urlencoded; charset=UTF-8",
	                               body, 3), 0);
	assert_string_equal(request_form(r, "a"), "1");
	assert_int_equal(request_parse(r, "POST", "/x", NULL, "Application/X-WWW-Form-Urlencoded", body, 3), 0);
}

static void test_request_parse_body_not_nul_terminated(void **state)
{
	struct request *r = req_of(state);
	char body[8];
	memcpy(body, "a=12XXXX", 8); /* only the first 4 bytes are the body */
	assert_int_equal(request_parse(r, "POST", "/x", NULL, FORM, body, 4), 0);
	assert_string_equal(request_form(r, "a"), "12");
}

static void test_request_parse_non_form_content_type_is_415(void **state)
{
	struct request *r = req_of(state);
	const char body[] = "{\"a\":1}";
	assert_int_equal(request_parse(r, "POST", "/x", NULL, "application/json", body, sizeof body - 1), 415);
	assert_int_equal(r->error_status, 415);
	assert_non_null(r->error);
	assert_int_equal(request_parse(r, "POST", "/x", NULL, "multipart/form-data; boundary=x", body, 3), 415);
	assert_int_equal(request_parse(r, "POST", "/x", NULL, "application/x-www-form-urlencodedX", body, 3), 415);
	assert_int_equal(request_parse(r, "POST", "/x", NULL, "application/x-www-form", body, 3), 415);
}

static void test_request_parse_missing_content_type_with_body_is_415(void **state)
{
	const char body[] = "a=1";
	assert_int_equal(request_parse(req_of(state), "POST", "/x", NULL, NULL, body, 3), 415);
}

static void test_request_parse_body_at_max_accepted(void **state)
{
	struct request *r = req_of(state);
	char *body = repeat(state, 'x', REQ_MAX_BODY);
	memcpy(body, "a=", 2);
	/* One field of REQ_MAX_BODY - 2 bytes is over REQ_MAX_FIELD_LEN: use many fields. */
	for (size_t i = 2000; i < REQ_MAX_BODY; i += 2000)
		memcpy(body + i, "&b=", 3);
	assert_int_equal(request_parse(r, "POST", "/x", NULL, FORM, body, REQ_MAX_BODY), 0);
	assert_int_equal(r->form.count, REQ_MAX_BODY / 2000 + 1);
}

static void test_request_parse_body_over_max_is_413(void **state)
{
	struct request *r = req_of(state);
	char *body = repeat(state, 'x', REQ_MAX_BODY + 1);
	body[0] = 'a';
	body[1] = '=';
	assert_int_equal(request_parse(r, "POST", "/x", NULL, FORM, body, REQ_MAX_BODY + 1), 413);
	assert_int_equal(r->error_status, 413);
	assert_non_null(r->error);
}

static void test_request_parse_413_checked_before_content_type(void **state)
{
	char *body = repeat(state, 'x', REQ_MAX_BODY + 1);
	assert_int_equal(request_parse(req_of(state), "POST", "/x", NULL, "application/json", body,
	                               REQ_MAX_BODY + 1), 413);
}

static void test_request_parse_get_body_ignored(void **state)
{
	struct request *r = req_of(state);
	const char body[] = "a=%zz";
	assert_int_equal(request_parse(r, "GET", "/x", NULL, "application/json", body, sizeof body - 1), 0);
	assert_int_equal(r->form.count, 0);
}

static void test_request_parse_post_without_body(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(request_parse(r, "POST", "/logout", NULL, NULL, NULL, 0), 0);
	assert_int_equal(r->form.count, 0);
}

static void test_request_parse_bad_form_is_400(void **state)
{
	struct request *r = req_of(state);
	const char body[] = "name=%D0";
	assert_int_equal(request_parse(r, "POST", "/x", NULL, FORM, body, sizeof body - 1), 400);
	assert_int_equal(r->error_status, 400);
}

static void test_request_parse_bad_uri_stops_before_body(void **state)
{
	struct request *r = req_of(state);
	const char body[] = "a=1";
	assert_int_equal(request_parse(r, "POST", "/x%zz", NULL, FORM, body, 3), 400);
	assert_int_equal(r->form.count, 0);
}

static void test_request_parse_null_uri_is_400(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(request_parse(r, "GET", NULL, NULL, NULL, NULL, 0), 400);
	assert_string_equal(r->uri, "");
}

static void test_request_parse_long_uri_is_414(void **state)
{
	char *uri = repeat(state, 'a', REQ_MAX_URI + 1);
	uri[0] = '/';
	assert_int_equal(request_parse(req_of(state), "GET", uri, NULL, NULL, NULL, 0), 414);
}

static void test_request_parse_bad_cookie_does_not_fail_request(void **state)
{
	struct request *r = req_of(state);
	assert_int_equal(request_parse(r, "GET", "/", "garbage;;=\xFF; sid=ok", NULL, NULL, 0), 0);
	assert_string_equal(request_cookie(r, "sid"), "ok");
}

static void test_request_param_lookup(void **state)
{
	struct request *r = req_of(state);
	r->params[0] = (struct field){ "id", "42", 2 };
	r->params[1] = (struct field){ "slug", "khv", 3 };
	r->nparams = 2;
	assert_string_equal(request_param(r, "id"), "42");
	assert_string_equal(request_param(r, "slug"), "khv");
	assert_null(request_param(r, "name"));
	r->nparams = 1;
	assert_null(request_param(r, "slug"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_method_from_string_maps_get_head_post),
		T(test_method_from_string_other_lowercase_and_null),
		T(test_method_name_round_trips_and_clamps),
		T(test_percent_decode_plain_text_unchanged),
		T(test_percent_decode_valid_escapes_both_cases),
		T(test_percent_decode_cyrillic_utf8_bytes),
		T(test_percent_decode_empty_input),
		T(test_percent_decode_rejects_non_hex_escape),
		T(test_percent_decode_rejects_truncated_escape),
		T(test_percent_decode_escape_at_very_end_is_accepted),
		T(test_percent_decode_respects_len_not_nul),
		T(test_percent_decode_percent_00_gives_nul_byte),
		T(test_percent_decode_plus_is_space_only_when_asked),
		T(test_percent_decode_percent_2b_is_always_plus),
		T(test_percent_decode_double_encoding_decoded_once),
		T(test_utf8_valid_ascii_and_empty),
		T(test_utf8_valid_cyrillic),
		T(test_utf8_valid_three_and_four_byte_sequences),
		T(test_utf8_valid_rejects_overlong_forms),
		T(test_utf8_valid_rejects_surrogates),
		T(test_utf8_valid_rejects_above_u10ffff),
		T(test_utf8_valid_rejects_truncated_sequences),
		T(test_utf8_valid_rejects_lone_continuation_bytes),
		T(test_utf8_valid_rejects_bad_continuation_in_4_byte),
		T(test_utf8_valid_allows_tab_cr_lf),
		T(test_utf8_valid_rejects_nul_and_c0_controls),
		T(test_utf8_valid_rejects_del),
		T(test_parse_uri_path_only),
		T(test_parse_uri_splits_path_and_query),
		T(test_parse_uri_splits_at_first_question_mark),
		T(test_parse_uri_empty_query_after_question_mark),
		T(test_parse_uri_decodes_path_but_keeps_plus),
		T(test_parse_uri_query_plus_is_space),
		T(test_parse_uri_path_must_start_with_slash),
		T(test_parse_uri_empty_is_400),
		T(test_parse_uri_absolute_form_is_400),
		T(test_parse_uri_at_max_length_accepted),
		T(test_parse_uri_over_max_length_is_414),
		T(test_parse_uri_decoded_path_over_max_is_414),
		T(test_parse_uri_decoded_path_at_max_accepted),
		T(test_parse_uri_path_limit_counts_decoded_bytes),
		T(test_parse_uri_bad_escape_in_path_is_400),
		T(test_parse_uri_invalid_utf8_in_path_is_400),
		T(test_parse_uri_nul_in_path_is_400),
		T(test_parse_uri_control_char_in_path_is_400),
		T(test_parse_uri_cr_lf_tab_in_path_is_400),
		T(test_parse_uri_bad_escape_in_query_is_400),
		T(test_parse_uri_invalid_utf8_in_query_value_is_400),
		T(test_parse_uri_invalid_utf8_in_query_name_is_400),
		T(test_urlencoded_empty_input_gives_no_fields),
		T(test_urlencoded_basic_pairs_in_order),
		T(test_urlencoded_missing_equals_gives_empty_value),
		T(test_urlencoded_empty_value_after_equals),
		T(test_urlencoded_empty_names_skipped),
		T(test_urlencoded_only_separators_gives_no_fields),
		T(test_urlencoded_value_keeps_later_equals_signs),
		T(test_urlencoded_decodes_names_and_plus),
		T(test_urlencoded_encoded_ampersand_stays_in_value),
		T(test_urlencoded_duplicate_names_field_get_returns_first),
		T(test_urlencoded_names_are_case_sensitive),
		T(test_urlencoded_respects_len),
		T(test_urlencoded_exactly_max_fields_accepted),
		T(test_urlencoded_over_max_fields_is_400),
		T(test_urlencoded_value_at_max_len_accepted),
		T(test_urlencoded_value_over_max_len_is_400),
		T(test_urlencoded_value_limit_counts_decoded_bytes),
		T(test_urlencoded_bad_escape_is_400),
		T(test_urlencoded_invalid_utf8_is_400),
		T(test_urlencoded_multiline_text_allowed),
		T(test_cookies_null_header_gives_no_cookies),
		T(test_cookies_single_pair),
		T(test_cookies_spaces_around_pairs),
		T(test_cookies_quoted_value_unquoted),
		T(test_cookies_empty_value_allowed),
		T(test_cookies_value_may_contain_equals),
		T(test_cookies_malformed_pairs_skipped),
		T(test_cookies_separator_chars_in_name_skipped),
		T(test_cookies_control_and_del_in_value_skipped),
		T(test_cookies_non_ascii_value_skipped),
		T(test_cookies_non_ascii_name_skipped),
		T(test_cookies_values_not_percent_decoded),
		T(test_cookies_duplicate_name_first_wins),
		T(test_cookies_empty_and_semicolons_only),
		T(test_cookies_over_max_count_extra_ignored),
		T(test_cookies_header_over_max_len_ignored_entirely),
		T(test_cookies_header_at_max_len_parsed),
		T(test_request_parse_get_with_query_and_cookie),
		T(test_request_parse_method_mapping),
		T(test_request_parse_post_form_body),
		T(test_request_parse_form_content_type_with_charset),
		T(test_request_parse_body_not_nul_terminated),
		T(test_request_parse_non_form_content_type_is_415),
		T(test_request_parse_missing_content_type_with_body_is_415),
		T(test_request_parse_body_at_max_accepted),
		T(test_request_parse_body_over_max_is_413),
		T(test_request_parse_413_checked_before_content_type),
		T(test_request_parse_get_body_ignored),
		T(test_request_parse_post_without_body),
		T(test_request_parse_bad_form_is_400),
		T(test_request_parse_bad_uri_stops_before_body),
		T(test_request_parse_null_uri_is_400),
		T(test_request_parse_long_uri_is_414),
		T(test_request_parse_bad_cookie_does_not_fail_request),
		T(test_request_param_lookup),
	};
	return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
