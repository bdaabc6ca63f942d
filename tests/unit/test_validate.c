/* test_validate.c: unit tests of the field validators (fcgi/validate.c): id,
 * slug, enum, text length in characters, page, e-mail, phone, and the INN and
 * OGRN check digits (cases built here from the Federal Tax Service weights,
 * plus published numbers of real organisations). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "validate.h"

/* ---- check digits computed independently of validate.c ---- */

static int fns_digit(const char *digits, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += (digits[i] - '0') * w[i];
	return sum % 11 % 10;
}

/* Completes the 9 digits in s[0..9) to a valid 10-digit INN. */
static void make_inn10(char s[11])
{
	static const int w[] = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	s[9] = (char)('0' + fns_digit(s, w, 9));
	s[10] = '\0';
}

/* Completes the 10 digits in s[0..10) to a valid 12-digit INN. */
static void make_inn12(char s[13])
{
	static const int w11[] = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	static const int w12[] = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	s[10] = (char)('0' + fns_digit(s, w11, 10));
	s[11] = (char)('0' + fns_digit(s, w12, 11));
	s[12] = '\0';
}

/* Completes the first len-1 digits of s to a valid OGRN (13) or OGRNIP (15). */
static void make_ogrn(char *s, size_t len)
{
	unsigned long long n = 0;
	for (size_t i = 0; i + 1 < len; i++)
		n = n * 10 + (unsigned long long)(s[i] - '0');
	s[len - 1] = (char)('0' + (int)(n % (len == 13 ? 11 : 13) % 10));
	s[len] = '\0';
}

/* Replaces digit i of s with the next digit (mod 10). */
static void bump_digit(char *s, size_t i)
{
	s[i] = (char)('0' + (s[i] - '0' + 1) % 10);
}

/* ---- id ---- */

static void test_id_accepts_positive_integers(void **state)
{
	long long v = 0;
	assert_true(valid_id("1", &v));
	assert_int_equal(v, 1);
	assert_true(valid_id("42", &v));
	assert_int_equal(v, 42);
	assert_true(valid_id("4294967295", &v));
	assert_int_equal(v, 4294967295LL);
	assert_true(valid_id("1000000000", NULL));
}

static void test_id_rejects_zero_and_leading_zeros(void **state)
{
	assert_false(valid_id("0", NULL));
	assert_false(valid_id("00", NULL));
	assert_false(valid_id("07", NULL));
}

static void test_id_rejects_over_4294967295(void **state)
{
	assert_false(valid_id("4294967296", NULL));
	assert_false(valid_id("9999999999", NULL));
	assert_false(valid_id("10000000000", NULL));
	assert_false(valid_id("99999999999999999999999", NULL));
}

static void test_id_rejects_non_digits(void **state)
{
	assert_false(valid_id("", NULL));
	assert_false(valid_id(NULL, NULL));
	assert_false(valid_id("-1", NULL));
	assert_false(valid_id("+1", NULL));
	assert_false(valid_id(" 1", NULL));
	assert_false(valid_id("1 ", NULL));
	assert_false(valid_id("1e3", NULL));
	assert_false(valid_id("0x10", NULL));
	assert_false(valid_id("١", NULL)); /* Arabic-Indic digit one */
}

static void test_id_leaves_out_untouched_on_failure(void **state)
{
	long long v = 77;
	assert_false(valid_id("4294967296", &v));
	assert_int_equal(v, 77);
}

/* ---- slug ---- */

static void test_slug_accepts_lowercase_digits_inner_hyphens(void **state)
{
	assert_true(valid_slug("khabarovsk"));
	assert_true(valid_slug("komsomolsk-na-amure"));
	assert_true(valid_slug("rc-2"));
	assert_true(valid_slug("a"));
	assert_true(valid_slug("2024"));
}

static void test_slug_rejects_uppercase_underscore_space_cyrillic(void **state)
{
	assert_false(valid_slug("Khabarovsk"));
	assert_false(valid_slug("khv_centre"));
	assert_false(valid_slug("khv centre"));
	assert_false(valid_slug("хабаровск"));
	assert_false(valid_slug("khv.rss"));
	assert_false(valid_slug("khv/x"));
}

static void test_slug_rejects_leading_and_trailing_hyphen(void **state)
{
	assert_false(valid_slug("-khv"));
	assert_false(valid_slug("khv-"));
	assert_false(valid_slug("-"));
}

static void test_slug_length_limits(void **state)
{
	char s[SLUG_MAX_LEN + 2];
	memset(s, 'a', sizeof s);
	s[SLUG_MAX_LEN] = '\0';
	assert_true(valid_slug(s));
	s[SLUG_MAX_LEN] = 'a';
	s[SLUG_MAX_LEN + 1] = '\0';
	assert_false(valid_slug(s));
	assert_false(valid_slug(""));
	assert_false(valid_slug(NULL));
}

/* ---- enum ---- */

static void test_enum_returns_index_of_allowed_value(void **state)
{
	static const char *const formats[] = { "online", "offline", "both", NULL };
	assert_int_equal(valid_enum("online", formats), 0);
	assert_int_equal(valid_enum("both", formats), 2);
}

static void test_enum_rejects_other_values(void **state)
{
	static const char *const formats[] = { "online", "offline", "both", NULL };
	static const char *const none[] = { NULL };
	assert_int_equal(valid_enum("Online", formats), -1);
	assert_int_equal(valid_enum("onlin", formats), -1);
	assert_int_equal(valid_enum("online ", formats), -1);
	assert_int_equal(valid_enum("", formats), -1);
	assert_int_equal(valid_enum(NULL, formats), -1);
	assert_int_equal(valid_enum("online", none), -1);
}

/* ---- text ---- */

static void test_utf8_length_counts_code_points(void **state)
{
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("НКО"), 3);
	assert_int_equal(utf8_length("Ёлка"), 4);
	assert_int_equal(utf8_length("€"), 1);
	assert_int_equal(utf8_length("\xF0\x9F\x98\x80"), 1);
}

static void test_text_cyrillic_counts_one_per_letter(void **state)
{
	/* 10 letters, 20 bytes */
	assert_true(valid_text("Консультац", 10));
	assert_false(valid_text("Консультац", 9));
}

static void test_text_max_chars_boundary(void **state)
{
	assert_true(valid_text("", 0));
	assert_true(valid_text("abc", 3));
	assert_false(valid_text("abcd", 3));
	assert_true(valid_text("😀😀", 2));
	assert_false(valid_text("😀😀😀", 2));
}

static void test_text_search_max_chars_in_cyrillic(void **state)
{
	char s[SEARCH_MAX_CHARS * 2 + 3];
	for (int i = 0; i < SEARCH_MAX_CHARS; i++)
		memcpy(s + 2 * i, "я", 2);
	s[SEARCH_MAX_CHARS * 2] = '\0';
	assert_true(valid_text(s, SEARCH_MAX_CHARS));
	memcpy(s + SEARCH_MAX_CHARS * 2, "я", 3);
	assert_false(valid_text(s, SEARCH_MAX_CHARS));
}

static void test_text_rejects_invalid_utf8(void **state)
{
	assert_false(valid_text("\xC0\xAF", 100));
	assert_false(valid_text("abc\xD0", 100));
	assert_false(valid_text("\xED\xA0\x80", 100));
	assert_false(valid_text(NULL, 100));
}

static void test_text_rejects_control_chars_but_allows_newlines(void **state)
{
	assert_false(valid_text("bell\x07", 100));
	assert_false(valid_text("del\x7F", 100));
	assert_true(valid_text("строка 1\r\nстрока 2\tконец", 100));
}

/* ---- page ---- */

static void test_page_accepts_1_to_page_max(void **state)
{
	int p = 0;
	assert_true(valid_page("1", &p));
	assert_int_equal(p, 1);
	assert_true(valid_page("10000", &p));
	assert_int_equal(p, PAGE_MAX);
}

static void test_page_rejects_zero_over_max_and_junk(void **state)
{
	int p = 5;
	assert_false(valid_page("0", &p));
	assert_false(valid_page("10001", &p));
	assert_false(valid_page("4294967295", &p));
	assert_false(valid_page("-1", &p));
	assert_false(valid_page("01", &p));
	assert_false(valid_page("2a", &p));
	assert_false(valid_page("", &p));
	assert_false(valid_page(NULL, &p));
	assert_int_equal(p, 5);
}

/* ---- email ---- */

static void test_email_accepts_plausible_addresses(void **state)
{
	assert_true(valid_email("info@rc-khv.ru"));
	assert_true(valid_email("a@b.c"));
	assert_true(valid_email("first.last+tag@mail.example.org"));
	assert_true(valid_email("Ivan_Petrov@Example.COM"));
	assert_true(valid_email("o'neil@xn--80aswg.xn--p1ai"));
}

static void test_email_rejects_missing_parts(void **state)
{
	assert_false(valid_email(NULL));
	assert_false(valid_email(""));
	assert_false(valid_email("info.rc-khv.ru"));
	assert_false(valid_email("@rc-khv.ru"));
	assert_false(valid_email("info@"));
	assert_false(valid_email("info@localhost"));
	assert_false(valid_email("a@b."));
	assert_false(valid_email("a@.ru"));
	assert_false(valid_email("a@b"));
}

static void test_email_rejects_bad_characters(void **state)
{
	assert_false(valid_email("in fo@rc-khv.ru"));
	assert_false(valid_email("info@rc khv.ru"));
	assert_false(valid_email("a@b@c.ru"));
	assert_false(valid_email("info@rc..ru"));
	assert_false(valid_email("инфо@rc-khv.ru"));
	assert_false(valid_email("info@рц.рф"));
	assert_false(valid_email("info@rc_khv.ru"));
	assert_false(valid_email("\"a\"@b.ru"));
	assert_false(valid_email("a<script>@b.ru"));
	assert_false(valid_email("a@b.ru\r\nBcc: x@y.ru"));
}

static void test_email_length_limit(void **state)
{
	char s[EMAIL_MAX_LEN + 2];
	/* local part of 64 'a', '@', then the domain padded to the limit */
	memset(s, 'a', sizeof s);
	s[64] = '@';
	memcpy(s + EMAIL_MAX_LEN - 3, ".ru", 3);
	s[EMAIL_MAX_LEN] = '\0';
	assert_int_equal(strlen(s), EMAIL_MAX_LEN);
	assert_true(valid_email(s));
	memcpy(s + EMAIL_MAX_LEN - 3, "a.ru", 4);
	s[EMAIL_MAX_LEN + 1] = '\0';
	assert_false(valid_email(s));
}

/* ---- phone ---- */

static void test_phone_accepts_common_russian_formats(void **state)
{
	assert_true(valid_phone("+7 (4212) 12-34-56"));
	assert_true(valid_phone("8 914 123-45-67"));
	assert_true(valid_phone("+79141234567"));
	assert_true(valid_phone("123456"));
	assert_true(valid_phone("123456789012345"));
}

static void test_phone_digit_count_limits(void **state)
{
	assert_false(valid_phone("12345"));
	assert_false(valid_phone("1234567890123456"));
	assert_false(valid_phone(""));
	assert_false(valid_phone("+() -"));
}

static void test_phone_accepts_an_extension(void **state)
{
	assert_true(valid_phone("+7 914 123 45 67 доб. 5"));
	assert_true(valid_phone("+7 (4212) 45-18-30, доб. 102"));
	assert_true(valid_phone("+7 (4212) 45-18-30 ext 12"));
	assert_false(valid_phone("+7 (4212) 45-18-30, доб."));      /* no extension digits */
	assert_false(valid_phone("+7 (4212) 45-18-30, доб. 12a"));  /* letters after it */
	assert_false(valid_phone("доб. 102"));                       /* no number before it */
}

static void test_phone_rejects_letters_and_other_symbols(void **state)
{
	assert_false(valid_phone("+7 914 123 45 67 добавочный"));
	assert_false(valid_phone("8-914-ABC-45-67"));
	assert_false(valid_phone("8.914.123.45.67"));
	assert_false(valid_phone("+7/914/1234567"));
	assert_false(valid_phone(NULL));
}

static void test_phone_total_length_limit(void **state)
{
	char s[PHONE_MAX_LEN + 2];
	memset(s, ' ', sizeof s);
	memcpy(s, "1234567", 7);
	s[PHONE_MAX_LEN] = '\0';
	assert_true(valid_phone(s));
	s[PHONE_MAX_LEN] = ' ';
	s[PHONE_MAX_LEN + 1] = '\0';
	assert_false(valid_phone(s));
}

/* ---- INN ---- */

static void test_inn_published_examples_valid(void **state)
{
	assert_true(valid_inn("7707083893"));   /* ПАО Сбербанк */
	assert_true(valid_inn("7830002293"));
	assert_true(valid_inn("500100732259")); /* a person's INN, widely used as an example */
}

static void test_inn10_built_from_fns_weights_valid(void **state)
{
	static const char *const bases[] = { "270100000", "272112345", "270312001", "000000000", "999999999",
		                             "123456789", "272400777" };
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		char s[11];
		memcpy(s, bases[i], 9);
		make_inn10(s);
		if (!valid_inn(s))
			fail_msg("INN %s should be valid", s);
	}
}

static void test_inn10_every_wrong_check_digit_rejected(void **state)
{
	char s[11] = "7707083893";
	for (int k = 1; k < 10; k++) {
		s[9] = (char)('0' + ('3' - '0' + k) % 10);
		if (valid_inn(s))
			fail_msg("INN %s should be rejected", s);
	}
}

static void test_inn10_changed_body_digit_rejected(void **state)
{
	/* Every weight is non-zero mod 11, so changing one digit changes the sum
	 * mod 11; the check digit stays the same only when 10 and 0 collide. */
	char s[11] = "272112345";
	make_inn10(s);
	int rejected = 0;
	for (size_t i = 0; i < 9; i++) {
		char t[11], u[11];
		memcpy(t, s, sizeof t);
		bump_digit(t, i);
		memcpy(u, t, sizeof u);
		make_inn10(u);
		bool expect = u[9] == s[9];
		if (valid_inn(t) != expect)
			fail_msg("INN %s: validity should be %d", t, expect);
		rejected += !expect;
	}
	assert_true(rejected >= 8);
}

static void test_inn12_built_from_fns_weights_valid(void **state)
{
	static const char *const bases[] = { "2721000000", "2700123456", "5001007322", "0000000000",
		                             "9999999999", "2724123456" };
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		char s[13];
		memcpy(s, bases[i], 10);
		make_inn12(s);
		if (!valid_inn(s))
			fail_msg("INN %s should be valid", s);
	}
}

static void test_inn12_wrong_11th_or_12th_digit_rejected(void **state)
{
	char s[13] = "500100732259";
	for (int k = 1; k < 10; k++) {
		char t[13];
		memcpy(t, s, 13);
		t[10] = (char)('0' + (t[10] - '0' + k) % 10);
		if (valid_inn(t))
			fail_msg("INN %s should be rejected (11th digit)", t);
		memcpy(t, s, 13);
		t[11] = (char)('0' + (t[11] - '0' + k) % 10);
		if (valid_inn(t))
			fail_msg("INN %s should be rejected (12th digit)", t);
	}
}

static void test_inn12_checked_with_twelve_digit_weights_not_ten(void **state)
{
	/* A valid 10-digit INN with two digits appended is not a 12-digit one. */
	assert_false(valid_inn("770708389300"));
	assert_false(valid_inn("783000229300"));
}

static void test_inn_wrong_lengths_rejected(void **state)
{
	assert_false(valid_inn(""));
	assert_false(valid_inn("770708389"));
	assert_false(valid_inn("77070838930"));
	assert_false(valid_inn("5001007322590"));
	assert_false(valid_inn("50010073225"));
	assert_false(valid_inn(NULL));
}

static void test_inn_non_digits_rejected(void **state)
{
	assert_false(valid_inn("77070838 3"));
	assert_false(valid_inn("770708389O")); /* letter O */
	assert_false(valid_inn(" 7707083893"));
	assert_false(valid_inn("7707083893 "));
	assert_false(valid_inn("-707083893"));
	assert_false(valid_inn("5001007322a9"));
}

/* ---- OGRN / OGRNIP ---- */

static void test_ogrn_published_examples_valid(void **state)
{
	assert_true(valid_ogrn("1027700132195"));   /* ПАО Сбербанк */
	assert_true(valid_ogrn("1027739609391"));   /* Банк ВТБ (ПАО) */
	assert_true(valid_ogrn("304500116000157")); /* an OGRNIP widely used as an example */
}

static void test_ogrn13_built_mod_11_valid(void **state)
{
	static const char *const bases[] = { "102270000000", "112270100123", "122270012345", "102270099999",
		                             "516270000001" };
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		char s[14];
		memcpy(s, bases[i], 12);
		make_ogrn(s, 13);
		if (!valid_ogrn(s))
			fail_msg("OGRN %s should be valid", s);
	}
}

static void test_ogrn13_remainder_10_gives_check_digit_0(void **state)
{
	/* Find a 12-digit body whose remainder mod 11 is 10: its check digit is 0. */
	char s[14] = "102270000000";
	for (unsigned i = 0; i < 100; i++) {
		snprintf(s, sizeof s, "1022700000%02u", i);
		unsigned long long n = strtoull(s, NULL, 10);
		if (n % 11 == 10) {
			s[12] = '0';
			s[13] = '\0';
			assert_true(valid_ogrn(s));
			return;
		}
	}
	fail_msg("no body with remainder 10 found");
}

static void test_ogrnip15_built_mod_13_valid(void **state)
{
	static const char *const bases[] = { "30427000000001", "31027000012345", "32127001234567", "30450011600015" };
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		char s[16];
		memcpy(s, bases[i], 14);
		make_ogrn(s, 15);
		if (!valid_ogrn(s))
			fail_msg("OGRNIP %s should be valid", s);
	}
}

static void test_ogrnip15_is_mod_13_not_mod_11(void **state)
{
	/* Bodies where mod 11 and mod 13 give different check digits. */
	char s[16] = "30427000000001";
	for (unsigned i = 0; i < 50; i++) {
		snprintf(s, sizeof s, "304270000000%02u", i);
		unsigned long long n = strtoull(s, NULL, 10);
		int d11 = (int)(n % 11 % 10), d13 = (int)(n % 13 % 10);
		if (d11 == d13)
			continue;
		s[14] = (char)('0' + d11);
		s[15] = '\0';
		if (valid_ogrn(s))
			fail_msg("OGRNIP %s with a mod-11 check should be rejected", s);
	}
}

static void test_ogrn_wrong_check_digit_rejected(void **state)
{
	char s[14] = "1027700132195";
	for (int k = 1; k < 10; k++) {
		s[12] = (char)('0' + (5 + k) % 10);
		if (valid_ogrn(s))
			fail_msg("OGRN %s should be rejected", s);
	}
	char ip[16] = "304500116000157";
	for (int k = 1; k < 10; k++) {
		ip[14] = (char)('0' + (7 + k) % 10);
		if (valid_ogrn(ip))
			fail_msg("OGRNIP %s should be rejected", ip);
	}
}

static void test_ogrn_wrong_lengths_rejected(void **state)
{
	assert_false(valid_ogrn(""));
	assert_false(valid_ogrn("102770013219"));
	assert_false(valid_ogrn("10277001321950"));
	assert_false(valid_ogrn("3045001160001570"));
	assert_false(valid_ogrn("7707083893"));
	assert_false(valid_ogrn(NULL));
}

static void test_ogrn_non_digits_rejected(void **state)
{
	assert_false(valid_ogrn("102770013219a"));
	assert_false(valid_ogrn("1027700 32195"));
	assert_false(valid_ogrn("+027700132195"));
	assert_false(valid_ogrn("30450011600015 "));
}

#define T(f) cmocka_unit_test(f)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_id_accepts_positive_integers),
		T(test_id_rejects_zero_and_leading_zeros),
		T(test_id_rejects_over_4294967295),
		T(test_id_rejects_non_digits),
		T(test_id_leaves_out_untouched_on_failure),
		T(test_slug_accepts_lowercase_digits_inner_hyphens),
		T(test_slug_rejects_uppercase_underscore_space_cyrillic),
		T(test_slug_rejects_leading_and_trailing_hyphen),
		T(test_slug_length_limits),
		T(test_enum_returns_index_of_allowed_value),
		T(test_enum_rejects_other_values),
		T(test_utf8_length_counts_code_points),
		T(test_text_cyrillic_counts_one_per_letter),
		T(test_text_max_chars_boundary),
		T(test_text_search_max_chars_in_cyrillic),
		T(test_text_rejects_invalid_utf8),
		T(test_text_rejects_control_chars_but_allows_newlines),
		T(test_page_accepts_1_to_page_max),
		T(test_page_rejects_zero_over_max_and_junk),
		T(test_email_accepts_plausible_addresses),
		T(test_email_rejects_missing_parts),
		T(test_email_rejects_bad_characters),
		T(test_email_length_limit),
		T(test_phone_accepts_common_russian_formats),
		T(test_phone_digit_count_limits),
		T(test_phone_accepts_an_extension),
		T(test_phone_rejects_letters_and_other_symbols),
		T(test_phone_total_length_limit),
		T(test_inn_published_examples_valid),
		T(test_inn10_built_from_fns_weights_valid),
		T(test_inn10_every_wrong_check_digit_rejected),
		T(test_inn10_changed_body_digit_rejected),
		T(test_inn12_built_from_fns_weights_valid),
		T(test_inn12_wrong_11th_or_12th_digit_rejected),
		T(test_inn12_checked_with_twelve_digit_weights_not_ten),
		T(test_inn_wrong_lengths_rejected),
		T(test_inn_non_digits_rejected),
		T(test_ogrn_published_examples_valid),
		T(test_ogrn13_built_mod_11_valid),
		T(test_ogrn13_remainder_10_gives_check_digit_0),
		T(test_ogrnip15_built_mod_13_valid),
		T(test_ogrnip15_is_mod_13_not_mod_11),
		T(test_ogrn_wrong_check_digit_rejected),
		T(test_ogrn_wrong_lengths_rejected),
		T(test_ogrn_non_digits_rejected),
	};
	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
