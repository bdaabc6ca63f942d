/* fuzz_stem.c: fuzzes stem_boolean_query() and stem_text() (word splitting,
 * case folding, libstemmer) with the input as a NUL-terminated search string.
 * Both answers must fit the buffer stem.c sizes for them (3 bytes per input
 * byte + 8) and be valid UTF-8. The boolean query goes into a FULLTEXT MATCH:
 * it must be "" or at most STEM_MAX_TERMS terms "+stem*" joined by single
 * spaces, each stem at least 2 letters (FULLTEXT's minimum token size) of
 * lowercase ASCII letters, digits or two-byte Cyrillic letters, so that no
 * FULLTEXT operator ('"', '-', '(', '~', '<', '@'...) from the input gets
 * through. */
#include "fuzz.h"
#include "stem.h"

/* Length of the stem character at p, or 0 when p holds anything else. */
static size_t stem_char(const unsigned char *p)
{
	if ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= '0' && p[0] <= '9'))
		return 1;
	if ((p[0] == 0xD0 || p[0] == 0xD1) && p[1] >= 0x80 && p[1] <= 0xBF)
		return 2;
	return 0;
}

/* Checks "" or "PstemS PstemS ..." with prefix P and suffix S (may be "");
 * returns the number of terms. */
static size_t check_terms(const char *out, const char *prefix, const char *suffix)
{
	const unsigned char *p = (const unsigned char *)out;
	size_t terms = 0, pl = strlen(prefix), sl = strlen(suffix);
	while (*p) {
		if (terms > 0) {
			CHECK(*p == ' ');
			p++;
		}
		CHECK(strncmp((const char *)p, prefix, pl) == 0);
		p += pl;
		size_t letters = 0, n;
		while ((n = stem_char(p)) != 0)
			p += n, letters++;
		CHECK(letters >= 2);
		CHECK(strncmp((const char *)p, suffix, sl) == 0);
		p += sl;
		CHECK(*p == '\0' || *p == ' ');
		terms++;
	}
	return terms;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *mem = fuzz_arena();
	char *text = fuzz_cstring(data, size);
	size_t cap = strlen(text) * 3 + 8;

	char *query = stem_boolean_query(mem, text);
	CHECK(strlen(query) < cap);
	CHECK(utf8_valid(query, strlen(query)));
	CHECK(check_terms(query, "+", "*") <= STEM_MAX_TERMS);

	char *stems = stem_text(mem, text);
	CHECK(strlen(stems) < cap);
	CHECK(utf8_valid(stems, strlen(stems)));
	check_terms(stems, "", "");

	free(text);
	arena_reset(mem);
	return 0;
}
