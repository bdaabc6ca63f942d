/* fuzz.h: what every libFuzzer driver in tests/fuzz/ shares.
 *
 * - fuzz_arena(): the per-input arena. It is made with a 1-byte chunk size, so
 *   every arena_alloc() gets a heap block of its own and AddressSanitizer sees
 *   an overflow past it (with the usual 4 KB chunks it would land silently in
 *   the same chunk). Drivers call arena_reset() at the end of every input.
 * - fuzz_cstring(): a NUL-terminated heap copy of the input, for functions that
 *   take C strings; the caller frees it.
 * - CHECK(): an invariant the code under test promises. A broken one aborts,
 *   which libFuzzer records as a crash with its reproducer. */
#ifndef RCHUB_FUZZ_H
#define RCHUB_FUZZ_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "request.h"

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, \
			        __LINE__, #cond);                                \
			abort();                                                 \
		}                                                                \
	} while (0)

static inline arena *fuzz_arena(void)
{
	static arena *mem;
	if (mem == NULL)
		mem = arena_new(1);
	return mem;
}

static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* What parse_urlencoded() promises about every list it fills: at most
 * REQ_MAX_FIELDS fields, each with a non-empty name, a value of len bytes with
 * no NUL inside, both valid UTF-8, the value within REQ_MAX_FIELD_LEN. */
static inline void check_fields(const struct field_list *list)
{
	CHECK(list->count <= REQ_MAX_FIELDS);
	for (size_t i = 0; i < list->count; i++) {
		const struct field *f = &list->items[i];
		CHECK(f->name != NULL && f->value != NULL);
		CHECK(f->name[0] != '\0');
		CHECK(utf8_valid(f->name, strlen(f->name)));
		CHECK(strlen(f->value) == f->len);
		CHECK(f->len <= REQ_MAX_FIELD_LEN);
		CHECK(utf8_valid(f->value, f->len));
		CHECK(field_get(list, f->name) != NULL);
	}
}

#endif
