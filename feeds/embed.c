/* feeds/embed.c: the assembler's .incbin copies each file of feeds/ into
 * the program's read-only data at build time (the Makefile rebuilds this
 * object when one of them changes); a NUL follows each, so text files are
 * C strings too. The table below names them. */
#include "embed.h"

#include <string.h>

/* Defines the symbols sym and sym_end around the bytes of feeds/file. */
#define EMBED(sym, file)                                                              \
	__asm__(".section .rodata\n"                                                  \
	        ".global " #sym "\n.hidden " #sym "\n"                                \
	        ".global " #sym "_end\n.hidden " #sym "_end\n" #sym ":\n"             \
	        ".incbin \"feeds/" file "\"\n" #sym "_end:\n"                          \
	        ".byte 0\n"                                                           \
	        ".previous\n");                                                       \
	extern const char sym[], sym##_end[]

EMBED(embedded_centres_xsd, "opendata-centres.xsd");
EMBED(embedded_services_xsd, "opendata-services.xsd");
EMBED(embedded_openapi_json, "openapi.json");
EMBED(embedded_hsds_profile, "README-hsds.md");

static const struct {
	const char *name;
	const char *start, *end;
} files[] = {
	{ "opendata-centres.xsd", embedded_centres_xsd, embedded_centres_xsd_end },
	{ "opendata-services.xsd", embedded_services_xsd, embedded_services_xsd_end },
	{ "openapi.json", embedded_openapi_json, embedded_openapi_json_end },
	{ "README-hsds.md", embedded_hsds_profile, embedded_hsds_profile_end },
};

bool embedded_find(const char *name, struct embedded_file *out)
{
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		if (strcmp(files[i].name, name) == 0) {
			out->data = files[i].start;
			out->len = (size_t)(files[i].end - files[i].start);
			return true;
		}
	}
	return false;
}
