/* fuzz_form.c: fuzzes request_parse() for a POST of an
 * application/x-www-form-urlencoded form whose body is the input, passed as
 * received (not NUL-terminated, so a read past the body is an ASan error).
 * The answer must be 0 with only valid fields, 400 with a reason, or 413
 * exactly when the body is over REQ_MAX_BODY. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *mem = fuzz_arena();
	struct request req = { .mem = mem };
	int rc = request_parse(&req, "POST", "/services/1/request", "sid=abc; csrf=def",
	                       "application/x-www-form-urlencoded; charset=UTF-8",
	                       (const char *)data, size);
	CHECK(req.method == METHOD_POST);
	CHECK((rc == 413) == (size > REQ_MAX_BODY));
	if (rc == 0) {
		CHECK(strcmp(req.path, "/services/1/request") == 0);
		CHECK(req.cookies.count == 2);
		CHECK(size > 0 || req.form.count == 0);
		check_fields(&req.form);
		request_form(&req, "csrf");
		request_form(&req, "comment");
	} else {
		CHECK(rc == 400 || rc == 413);
		CHECK(req.error_status == rc && req.error != NULL);
	}

	arena_reset(mem);
	return 0;
}
