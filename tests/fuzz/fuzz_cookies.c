/* fuzz_cookies.c: fuzzes parse_cookies() with the input as the Cookie header
 * (RFC 6265 section 4.2). It never rejects; what it keeps must be at most
 * REQ_MAX_COOKIES pairs whose names are tokens and whose values hold only
 * cookie-octets, and a header over REQ_MAX_COOKIE_LEN is ignored whole. */
#include "fuzz.h"

static bool token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7F && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

static bool cookie_octet(unsigned char c)
{
	return c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' && c != '\\';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *mem = fuzz_arena();
	char *header = fuzz_cstring(data, size);
	struct request req = { .mem = mem };

	CHECK(parse_cookies(&req, header, &req.cookies) == 0);
	CHECK(req.cookies.count <= REQ_MAX_COOKIES);
	if (strlen(header) > REQ_MAX_COOKIE_LEN)
		CHECK(req.cookies.count == 0);
	for (size_t i = 0; i < req.cookies.count; i++) {
		const struct field *f = &req.cookies.items[i];
		CHECK(f->name[0] != '\0');
		for (const char *p = f->name; *p; p++)
			CHECK(token_char((unsigned char)*p));
		CHECK(strlen(f->value) == f->len);
		for (const char *p = f->value; *p; p++)
			CHECK(cookie_octet((unsigned char)*p));
		CHECK(strstr(header, f->name) != NULL);
		CHECK(request_cookie(&req, f->name) != NULL);
	}

	free(header);
	arena_reset(mem);
	return 0;
}
