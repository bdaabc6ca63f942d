/* fuzz_utf8.c: fuzzes utf8_valid() against a reference written here from the
 * definition instead of from RFC 3629's byte table: decode each code point,
 * then refuse overlong forms, surrogates, anything above U+10FFFF, and the
 * controls request.h names (C0 other than tab, CR and LF; and DEL). Both must
 * agree on every input; on valid text utf8_length() must count the same code
 * points as the reference. */
#include "fuzz.h"
#include "validate.h"

/* Returns true and the number of code points in *count when s[0..len) is
 * valid; reads nothing past len. */
static bool reference_valid(const uint8_t *s, size_t len, size_t *count)
{
	static const uint32_t smallest[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t i = 0;
	*count = 0;
	while (i < len) {
		uint8_t b = s[i];
		uint32_t cp;
		size_t n;
		if (b < 0x80)
			cp = b, n = 1;
		else if ((b & 0xE0) == 0xC0)
			cp = b & 0x1F, n = 2;
		else if ((b & 0xF0) == 0xE0)
			cp = b & 0x0F, n = 3;
		else if ((b & 0xF8) == 0xF0)
			cp = b & 0x07, n = 4;
		else
			return false;
		if (len - i < n)
			return false;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < smallest[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		if ((cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n') || cp == 0x7F)
			return false;
		i += n;
		(*count)++;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t count;
	bool expected = reference_valid(data, size, &count);
	bool got = utf8_valid((const char *)data, size);
	if (got != expected) {
		fprintf(stderr, "utf8_valid says %d, reference says %d\n", got, expected);
		abort();
	}
	if (expected) {
		char *s = fuzz_cstring(data, size);
		CHECK(utf8_length(s) == count);
		CHECK(valid_text(s, count));
		CHECK(count == 0 || !valid_text(s, count - 1));
		free(s);
	}
	return 0;
}
