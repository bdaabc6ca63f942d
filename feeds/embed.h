/* feeds/embed.h: files of feeds/ built into the program (the XSD schemas
 * of the open-data sets, the OpenAPI document, the HSDS profile), so that
 * the server and rchub-export serve the very bytes kept in the repository,
 * with no path to configure. */
#ifndef RCHUB_FEEDS_EMBED_H
#define RCHUB_FEEDS_EMBED_H

#include <stdbool.h>
#include <stddef.h>

struct embedded_file {
	const char *data; /* the bytes, NUL-terminated */
	size_t len;       /* without the NUL */
};

/* Fills *out with the built-in file of feeds/ called name; false when there
 * is none. */
bool embedded_find(const char *name, struct embedded_file *out);

#endif
