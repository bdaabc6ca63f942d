/* fuzz_query.c: fuzzes parse_uri() with the input as the query string of
 * "/x?" + data: splitting at '&' and '=', percent-decoding with '+' as space,
 * UTF-8 checks and the URI, field-count and field-size limits. A parsed query
 * must keep the raw string and hold only fields check_fields() accepts; a
 * rejected one must say why with 400 or 414. */
#include "fuzz.h"

static size_t count_char(const char *s, char c)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *mem = fuzz_arena();
	char *uri = malloc(size + 4);
	CHECK(uri != NULL);
	memcpy(uri, "/x?", 3);
	memcpy(uri + 3, data, size);
	uri[size + 3] = '\0';

	struct request req = { .mem = mem };
	int rc = parse_uri(&req, uri);
	if (rc == 0) {
		CHECK(strlen(uri) <= REQ_MAX_URI);
		CHECK(strcmp(req.path, "/x") == 0);
		CHECK(strcmp(req.query_string, uri + 3) == 0);
		CHECK(req.query.count <= count_char(req.query_string, '&') + 1);
		check_fields(&req.query);
		request_query(&req, "q");
		request_query(&req, "page");
	} else {
		CHECK(rc == 400 || rc == 414);
		CHECK(req.error_status == rc && req.error != NULL);
		CHECK(rc != 414 || strlen(uri) > REQ_MAX_URI);
	}

	free(uri);
	arena_reset(mem);
	return 0;
}
