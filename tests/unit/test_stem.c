/* test_stem.c: unit tests of search stemming (fcgi/stem.c): Russian word
 * forms meet at one stem, case and Ё fold, Latin words use the English
 * stemmer, and nothing but letters and digits reaches a FULLTEXT boolean
 * query. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "stem.h"

static int setup(void **state)
{
	*state = arena_new(64 * 1024);
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static int group_teardown(void **state)
{
	stem_shutdown();
	return 0;
}

/* Number of space-separated terms in s. */
static size_t term_count(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		if (*p != ' ' && (p == s || p[-1] == ' '))
			n++;
	return n;
}

/* True when every term of q has the form +stem* with a stem of letters/digits only. */
static bool query_well_formed(const char *q)
{
	const char *p = q;
	while (*p) {
		if (*p++ != '+')
			return false;
		const char *start = p;
		while (*p && *p != '*' && *p != ' ') {
			if (strchr("+-<>()~*\"@'`\\%_&|!.,;:", *p) != NULL)
				return false;
			p++;
		}
		if (p == start || *p++ != '*')
			return false;
		if (*p == ' ')
			p++;
		else if (*p != '\0')
			return false;
	}
	return true;
}

static void test_russian_case_forms_share_one_stem(void **state)
{
	arena *a = *state;
	const char *s1 = stem_text(a, "консультации");
	assert_string_not_equal(s1, "");
	assert_string_equal(stem_text(a, "консультация"), s1);
	assert_string_equal(stem_text(a, "консультаций"), s1);
	assert_string_equal(stem_text(a, "консультацию"), s1);
	assert_string_equal(stem_text(a, "консультациями"), s1);
	assert_string_equal(s1, "консультац");
}

static void test_russian_adjective_forms_share_one_stem(void **state)
{
	arena *a = *state;
	const char *s = stem_text(a, "юридическая");
	assert_string_equal(stem_text(a, "юридической"), s);
	assert_string_equal(stem_text(a, "юридических"), s);
	assert_string_equal(stem_text(a, "юридическую"), s);
}

static void test_uppercase_cyrillic_folds_to_lowercase(void **state)
{
	arena *a = *state;
	const char *lower = stem_text(a, "консультации");
	assert_string_equal(stem_text(a, "Консультации"), lower);
	assert_string_equal(stem_text(a, "КОНСУЛЬТАЦИИ"), lower);
	assert_string_equal(stem_text(a, "кОнСуЛьТаЦиИ"), lower);
	assert_string_equal(stem_text(a, "НКО"), "нко");
}

static void test_every_russian_capital_folds(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, "АБВГДЕЖЗИЙКЛМНОП"), stem_text(a, "абвгдежзийклмноп"));
	assert_string_equal(stem_text(a, "РСТУФХЦЧШЩЪЫЬЭЮЯ"), stem_text(a, "рстуфхцчшщъыьэюя"));
}

static void test_yo_folds_to_ye(void **state)
{
	arena *a = *state;
	const char *s = stem_text(a, "елка");
	assert_string_equal(stem_text(a, "Ёлка"), s);
	assert_string_equal(stem_text(a, "ёлка"), s);
	assert_string_equal(stem_text(a, "ЁЛКА"), s);
	assert_null(strstr(stem_text(a, "ещё всё её"), "ё"));
}

static void test_latin_words_lowercased_and_stemmed(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, "Consulting"), "consult");
	assert_string_equal(stem_text(a, "CONSULTANTS"), stem_text(a, "consultant"));
	assert_string_equal(stem_text(a, "Services"), stem_text(a, "service"));
}

static void test_mixed_text_splits_on_non_letters(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, "юридическо-правовая,консультация!!"),
	                    "юридическ правов консультац");
}

static void test_digits_kept_as_terms(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, "грант 2024"), "грант 2024");
	assert_string_equal(stem_boolean_query(a, "№ 44-ФЗ"), "+44* +фз*");
}

static void test_stem_text_empty_and_punctuation(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, ""), "");
	assert_string_equal(stem_text(a, " \t\n ,.;!?"), "");
}

static void test_stem_text_has_no_query_operators(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, "консультации юриста"), "консультац юрист");
}

static void test_boolean_query_requires_every_stem_as_prefix(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_boolean_query(a, "юридические консультации"), "+юридическ* +консультац*");
}

static void test_boolean_query_same_for_different_forms(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_boolean_query(a, "Консультация"), stem_boolean_query(a, "консультаций"));
}

static void test_boolean_query_empty_string_gives_empty(void **state)
{
	assert_string_equal(stem_boolean_query(*state, ""), "");
}

static void test_boolean_query_only_punctuation_gives_empty(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_boolean_query(a, "+-<>()~*\"@"), "");
	assert_string_equal(stem_boolean_query(a, "!!! ... --- ???"), "");
	assert_string_equal(stem_boolean_query(a, "   "), "");
	assert_string_equal(stem_boolean_query(a, "«»—№"), "");
}

static void test_boolean_query_strips_fulltext_operators(void **state)
{
	arena *a = *state;
	const char *q = stem_boolean_query(a, "+юрист -адвокат <суд >иск (право) ~налог *гранты \"фонд\" @3 'a'");
	assert_true(query_well_formed(q));
	assert_string_equal(q, "+юрист* +адвокат* +суд* +иск* +прав* +налог* +грант* +фонд*");
}

static void test_boolean_query_operators_inside_words_split_them(void **state)
{
	arena *a = *state;
	const char *q = stem_boolean_query(a, "юрист+адвокат\"фонд*грант@10");
	assert_true(query_well_formed(q));
	assert_int_equal(term_count(q), 5);
}

static void test_boolean_query_sql_and_html_metacharacters_dropped(void **state)
{
	arena *a = *state;
	const char *q = stem_boolean_query(a, "'; DROP TABLE services; -- <script>alert(1)</script>");
	assert_true(query_well_formed(q));
	assert_null(strchr(q, '\''));
	assert_null(strchr(q, ';'));
	assert_null(strchr(q, '<'));
}

static void test_boolean_query_one_letter_words_dropped(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_boolean_query(a, "a b c"), "");
	assert_string_equal(stem_boolean_query(a, "я"), "");
	assert_string_equal(stem_boolean_query(a, "в и с к у о"), "");
	assert_string_equal(stem_boolean_query(a, "помощь в оформлении"), "+помощ* +оформлен*");
}

static void test_stem_text_one_letter_words_dropped(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_text(a, "помощь в оформлении и подаче"), "помощ оформлен подач");
	assert_string_equal(stem_text(a, "x y z"), "");
}

static void test_boolean_query_two_letter_words_kept(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_boolean_query(a, "ИП"), "+ип*");
	assert_string_equal(stem_boolean_query(a, "IT"), "+it*");
}

static void test_boolean_query_at_most_max_terms(void **state)
{
	arena *a = *state;
	char q[1024] = "";
	for (int i = 0; i < STEM_MAX_TERMS + 8; i++)
		snprintf(q + strlen(q), sizeof q - strlen(q), "слово%c ", 'a' + i);
	const char *out = stem_boolean_query(a, q);
	assert_true(query_well_formed(out));
	assert_int_equal(term_count(out), STEM_MAX_TERMS);
	assert_non_null(strstr(out, "+слово"));
}

static void test_boolean_query_max_terms_keeps_first_words(void **state)
{
	arena *a = *state;
	char q[1024] = "";
	for (int i = 0; i < STEM_MAX_TERMS; i++)
		strcat(q, "грант ");
	strcat(q, "последнее");
	const char *out = stem_boolean_query(a, q);
	assert_int_equal(term_count(out), STEM_MAX_TERMS);
	assert_null(strstr(out, "последн"));
}

static void test_boolean_query_dropped_words_do_not_use_up_the_limit(void **state)
{
	arena *a = *state;
	char q[1024] = "";
	for (int i = 0; i < STEM_MAX_TERMS + 4; i++)
		strcat(q, "в ");
	strcat(q, "юрист");
	assert_string_equal(stem_boolean_query(a, q), "+юрист*");
}

static void test_stem_text_has_no_term_limit(void **state)
{
	arena *a = *state;
	char t[2048] = "";
	for (int i = 0; i < STEM_MAX_TERMS * 3; i++)
		strcat(t, "грант ");
	assert_int_equal(term_count(stem_text(a, t)), STEM_MAX_TERMS * 3);
}

static void test_very_long_word_is_cut_not_overflowed(void **state)
{
	arena *a = *state;
	char w[4096];
	for (size_t i = 0; i + 2 < sizeof w; i += 2)
		memcpy(w + i, "ю", 2);
	w[sizeof w - 2] = '\0';
	const char *q = stem_boolean_query(a, w);
	assert_true(query_well_formed(q));
	assert_int_equal(term_count(q), 1);
	assert_true(strlen(q) <= 128 + 2);
}

static void test_invalid_or_foreign_bytes_are_separators(void **state)
{
	arena *a = *state;
	assert_string_equal(stem_boolean_query(a, "юрист\xFF\xFE" "адвокат"), "+юрист* +адвокат*");
	assert_string_equal(stem_boolean_query(a, "\xD0"), "");
	assert_string_equal(stem_boolean_query(a, "😀😀 грант"), "+грант*");
}

static void test_output_is_valid_for_long_text(void **state)
{
	/* A paragraph of typical service description text. */
	arena *a = *state;
	const char *text =
	    "Ресурсный центр проводит бесплатные консультации для НКО и инициативных групп "
	    "Хабаровского края: регистрация, отчётность в Минюст, подготовка заявок на гранты "
	    "Фонда президентских грантов (ФПГ), бухгалтерия и налоги.";
	const char *s = stem_text(a, text);
	assert_non_null(strstr(s, "консультац"));
	assert_non_null(strstr(s, "отчетн"));
	assert_null(strstr(s, "ё"));
	assert_null(strpbrk(s, ",.:()"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_russian_case_forms_share_one_stem),
		T(test_russian_adjective_forms_share_one_stem),
		T(test_uppercase_cyrillic_folds_to_lowercase),
		T(test_every_russian_capital_folds),
		T(test_yo_folds_to_ye),
		T(test_latin_words_lowercased_and_stemmed),
		T(test_mixed_text_splits_on_non_letters),
		T(test_digits_kept_as_terms),
		T(test_stem_text_empty_and_punctuation),
		T(test_stem_text_has_no_query_operators),
		T(test_boolean_query_requires_every_stem_as_prefix),
		T(test_boolean_query_same_for_different_forms),
		T(test_boolean_query_empty_string_gives_empty),
		T(test_boolean_query_only_punctuation_gives_empty),
		T(test_boolean_query_strips_fulltext_operators),
		T(test_boolean_query_operators_inside_words_split_them),
		T(test_boolean_query_sql_and_html_metacharacters_dropped),
		T(test_boolean_query_one_letter_words_dropped),
		T(test_stem_text_one_letter_words_dropped),
		T(test_boolean_query_two_letter_words_kept),
		T(test_boolean_query_at_most_max_terms),
		T(test_boolean_query_max_terms_keeps_first_words),
		T(test_boolean_query_dropped_words_do_not_use_up_the_limit),
		T(test_stem_text_has_no_term_limit),
		T(test_very_long_word_is_cut_not_overflowed),
		T(test_invalid_or_foreign_bytes_are_separators),
		T(test_output_is_valid_for_long_text),
	};
	return cmocka_run_group_tests_name("stem", tests, NULL, group_teardown);
}
