/* arena.c: the per-request memory pool (nginx-style). Memory comes from a
 * list of chunks; arena_reset() keeps the first chunk and frees the rest, so a
 * steady worker reuses one block and large requests do not pin memory. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16

struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	/* Aligned so that every block handed out is ARENA_ALIGN-aligned too
	 * (malloc returns 16-aligned memory, the header alone is 24 bytes). */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct chunk *head;	/* current chunk, allocations come from here */
	struct chunk *first;	/* kept across resets */
	size_t chunk_size;
};

/* Allocates a chunk with size bytes of room; aborts when the header plus
 * size would overflow size_t rather than get a short block. */
static struct chunk *chunk_new(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct chunk))
		abort();
	struct chunk *c = malloc(sizeof *c + size);
	if (c == NULL)
		abort(); /* out of memory in a worker: the master restarts it */
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

/* Creates an arena whose chunks hold chunk_size bytes (more for big blocks). */
arena *arena_new(size_t chunk_size)
{
	arena *a = malloc(sizeof *a);
	if (a == NULL)
		abort();
	a->chunk_size = chunk_size;
	a->first = a->head = chunk_new(chunk_size);
	return a;
}

/* Frees every chunk but the first and empties it. */
void arena_reset(arena *a)
{
	struct chunk *c = a->head;
	while (c != a->first) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = a->first;
	a->first->used = 0;
}

void arena_free(arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->first);
	free(a);
}

/* Returns size bytes aligned to ARENA_ALIGN, valid until the next reset. */
void *arena_alloc(arena *a, size_t size)
{
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < size)
		abort();
	if (a->head->size - a->head->used < need) {
		size_t csize = need > a->chunk_size ? need : a->chunk_size;
		struct chunk *c = chunk_new(csize);
		c->next = a->head;
		a->head = c;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += need;
	return p;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		abort();
	void *p = arena_alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

/* Copies len bytes of s and terminates them with NUL. */
char *arena_strndup(arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Total bytes held by the arena's chunks, for memory reports. */
size_t arena_bytes_reserved(const arena *a)
{
	size_t total = 0;
	for (const struct chunk *c = a->head; c != NULL; c = c->next)
		total += c->size;
	return total;
}
