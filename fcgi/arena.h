/* arena.h: per-request memory pool. Allocate freely while a request is
 * handled; everything is released at once by arena_reset() at its end. */
#ifndef RCHUB_ARENA_H
#define RCHUB_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(size_t chunk_size);
void arena_free(arena *a);
void arena_reset(arena *a);
void *arena_alloc(arena *a, size_t size);
void *arena_calloc(arena *a, size_t count, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t arena_bytes_reserved(const arena *a);

#endif
