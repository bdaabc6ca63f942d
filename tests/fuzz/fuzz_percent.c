/* fuzz_percent.c: fuzzes percent_decode() (RFC 3986 section 2.1) in both
 * modes, '+' kept and '+' as space, into a buffer of exactly len + 1 bytes so
 * that ASan sees any write past it. Its answer must equal a plain reference
 * decoder's, never be longer than the input, be NUL-terminated, and then go
 * through utf8_valid() without a sanitizer error. */
#include <ctype.h>

#include "fuzz.h"

static int hex(unsigned char c)
{
	static const char digits[] = "0123456789abcdef";
	const char *d = isxdigit(c) ? strchr(digits, tolower(c)) : NULL;
	return d ? (int)(d - digits) : -1;
}

/* Reference: "%" HEXDIG HEXDIG becomes one byte, any other '%' is an error. */
static long reference_decode(char *dst, const uint8_t *src, size_t len, bool plus_is_space)
{
	size_t in = 0, out = 0;
	while (in < len) {
		if (src[in] == '%') {
			if (len - in < 3 || hex(src[in + 1]) < 0 || hex(src[in + 2]) < 0)
				return -1;
			dst[out++] = (char)(hex(src[in + 1]) << 4 | hex(src[in + 2]));
			in += 3;
		} else {
			dst[out++] = plus_is_space && src[in] == '+' ? ' ' : (char)src[in];
			in++;
		}
	}
	return (long)out;
}

static void decode_both_ways(const uint8_t *data, size_t size, bool plus_is_space)
{
	char *dst = malloc(size + 1), *ref = malloc(size + 1);
	CHECK(dst != NULL && ref != NULL);
	long n = percent_decode(dst, (const char *)data, size, plus_is_space);
	long r = reference_decode(ref, data, size, plus_is_space);
	CHECK(n == r);
	if (n >= 0) {
		CHECK((size_t)n <= size);
		CHECK(dst[n] == '\0');
		CHECK(memcmp(dst, ref, (size_t)n) == 0);
		CHECK(!plus_is_space || memchr(dst, '+', (size_t)n) == NULL ||
		      memchr(data, '%', size) != NULL);
		utf8_valid(dst, (size_t)n);
	}
	free(dst);
	free(ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	decode_both_ways(data, size, false);
	decode_both_ways(data, size, true);
	return 0;
}
