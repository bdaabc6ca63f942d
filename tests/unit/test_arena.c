/* test_arena.c: unit tests of the per-request memory pool (fcgi/arena.c):
 * alignment, blocks larger than a chunk, reset keeping only the first chunk,
 * string helpers, and refusal of sizes that would overflow. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"

#define CHUNK 1024

static int setup(void **state)
{
	*state = arena_new(CHUNK);
	return *state == NULL;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void test_alloc_returns_16_byte_aligned_pointers(void **state)
{
	arena *a = *state;
	for (size_t size = 0; size < 40; size++) {
		void *p = arena_alloc(a, size);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
	}
}

static void test_alloc_aligned_in_chunks_added_later(void **state)
{
	arena *a = *state;
	for (int i = 0; i < 200; i++) {
		void *p = arena_alloc(a, 100);
		assert_int_equal((uintptr_t)p % 16, 0);
	}
	void *big = arena_alloc(a, CHUNK * 3 + 5);
	assert_int_equal((uintptr_t)big % 16, 0);
}

static void test_alloc_blocks_do_not_overlap(void **state)
{
	arena *a = *state;
	unsigned char *p[64];
	for (int i = 0; i < 64; i++) {
		p[i] = arena_alloc(a, 37);
		memset(p[i], i, 37);
	}
	for (int i = 0; i < 64; i++)
		for (int j = 0; j < 37; j++)
			assert_int_equal(p[i][j], i);
}

static void test_alloc_larger_than_chunk_is_usable_whole(void **state)
{
	arena *a = *state;
	size_t big = CHUNK * 10;
	unsigned char *p = arena_alloc(a, big);
	memset(p, 0xAB, big);
	assert_int_equal(p[0], 0xAB);
	assert_int_equal(p[big - 1], 0xAB);
	assert_true(arena_bytes_reserved(a) >= CHUNK + big);
}

static void test_small_alloc_after_large_still_works(void **state)
{
	arena *a = *state;
	char *big = arena_alloc(a, CHUNK * 4);
	memset(big, 'x', CHUNK * 4);
	char *s = arena_strdup(a, "после большого блока");
	assert_string_equal(s, "после большого блока");
	assert_int_equal(big[CHUNK * 4 - 1], 'x');
}

static void test_new_arena_reserves_one_chunk(void **state)
{
	assert_int_equal(arena_bytes_reserved(*state), CHUNK);
}

static void test_reset_keeps_first_chunk_and_frees_others(void **state)
{
	arena *a = *state;
	for (int i = 0; i < 50; i++)
		arena_alloc(a, 200);
	arena_alloc(a, CHUNK * 8);
	assert_true(arena_bytes_reserved(a) > CHUNK * 9);
	arena_reset(a);
	assert_int_equal(arena_bytes_reserved(a), CHUNK);
}

static void test_reset_reuses_first_chunk_memory(void **state)
{
	arena *a = *state;
	void *first = arena_alloc(a, 64);
	arena_alloc(a, CHUNK * 2);
	arena_reset(a);
	void *again = arena_alloc(a, 64);
	assert_ptr_equal(first, again);
	assert_int_equal(arena_bytes_reserved(a), CHUNK);
}

static void test_reset_twice_is_harmless(void **state)
{
	arena *a = *state;
	arena_alloc(a, CHUNK * 2);
	arena_reset(a);
	arena_reset(a);
	assert_int_equal(arena_bytes_reserved(a), CHUNK);
	assert_non_null(arena_alloc(a, 10));
}

static void test_chunk_fills_before_a_new_one_is_added(void **state)
{
	arena *a = *state;
	for (int i = 0; i < CHUNK / 16; i++)
		arena_alloc(a, 16);
	assert_int_equal(arena_bytes_reserved(a), CHUNK);
	arena_alloc(a, 1);
	assert_int_equal(arena_bytes_reserved(a), 2 * CHUNK);
}

static void test_calloc_zeroes_memory(void **state)
{
	arena *a = *state;
	unsigned char *dirty = arena_alloc(a, 256);
	memset(dirty, 0xFF, 256);
	arena_reset(a);
	unsigned char *p = arena_calloc(a, 64, 4);
	for (int i = 0; i < 256; i++)
		assert_int_equal(p[i], 0);
}

static void test_strndup_copies_exactly_len_bytes_and_terminates(void **state)
{
	arena *a = *state;
	char *s = arena_strndup(a, "Хабаровск", 6);
	assert_int_equal(strlen(s), 6);
	assert_memory_equal(s, "Хаб", 6);
	char *e = arena_strndup(a, "abc", 0);
	assert_string_equal(e, "");
}

static void test_strndup_copies_embedded_bytes_up_to_len(void **state)
{
	char *s = arena_strndup(*state, "ab\0cd", 5);
	assert_memory_equal(s, "ab\0cd", 6);
}

static void test_strdup_copies_string(void **state)
{
	const char *src = "Ресурсный центр";
	char *s = arena_strdup(*state, src);
	assert_string_equal(s, src);
	assert_ptr_not_equal(s, src);
}

static void test_printf_formats_into_arena(void **state)
{
	char *s = arena_printf(*state, "%s/%d/%zu", "/services", 42, (size_t)7);
	assert_string_equal(s, "/services/42/7");
}

static void test_printf_longer_than_chunk(void **state)
{
	arena *a = *state;
	char *s = arena_printf(a, "%0*d", CHUNK * 3, 5);
	assert_int_equal(strlen(s), CHUNK * 3);
	assert_int_equal(s[CHUNK * 3 - 1], '5');
	assert_int_equal(s[0], '0');
}

static void test_printf_empty_result(void **state)
{
	char *s = arena_printf(*state, "%s", "");
	assert_string_equal(s, "");
}

static void test_free_null_is_harmless(void **state)
{
	arena_free(NULL);
}

/* Runs fn(arg) in a child process; true when the child died of SIGABRT. */
static bool child_aborts(void (*fn)(size_t), size_t arg)
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit no_core = { 0, 0 };
		setrlimit(RLIMIT_CORE, &no_core); /* an expected abort leaves no core file */
		fn(arg);
		_exit(0);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT;
}

static void alloc_in_new_arena(size_t size)
{
	arena *a = arena_new(CHUNK);
	arena_alloc(a, size);
}

static void calloc_in_new_arena(size_t count)
{
	arena *a = arena_new(CHUNK);
	arena_calloc(a, count, 16);
}

static void test_alloc_of_size_near_size_max_aborts(void **state)
{
	assert_true(child_aborts(alloc_in_new_arena, SIZE_MAX - 8));
}

static void test_alloc_whose_chunk_header_would_overflow_aborts(void **state)
{
	/* An aligned size that passes the rounding check but not malloc's. */
	assert_true(child_aborts(alloc_in_new_arena, SIZE_MAX - 15));
}

static void test_calloc_count_times_size_overflow_aborts(void **state)
{
	assert_true(child_aborts(calloc_in_new_arena, SIZE_MAX / 8));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_alloc_returns_16_byte_aligned_pointers),
		T(test_alloc_aligned_in_chunks_added_later),
		T(test_alloc_blocks_do_not_overlap),
		T(test_alloc_larger_than_chunk_is_usable_whole),
		T(test_small_alloc_after_large_still_works),
		T(test_new_arena_reserves_one_chunk),
		T(test_reset_keeps_first_chunk_and_frees_others),
		T(test_reset_reuses_first_chunk_memory),
		T(test_reset_twice_is_harmless),
		T(test_chunk_fills_before_a_new_one_is_added),
		T(test_calloc_zeroes_memory),
		T(test_strndup_copies_exactly_len_bytes_and_terminates),
		T(test_strndup_copies_embedded_bytes_up_to_len),
		T(test_strdup_copies_string),
		T(test_printf_formats_into_arena),
		T(test_printf_longer_than_chunk),
		T(test_printf_empty_result),
		cmocka_unit_test(test_free_null_is_harmless),
		cmocka_unit_test(test_alloc_of_size_near_size_max_aborts),
		cmocka_unit_test(test_alloc_whose_chunk_header_would_overflow_aborts),
		cmocka_unit_test(test_calloc_count_times_size_overflow_aborts),
	};
	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
