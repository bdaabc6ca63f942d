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
EMBED(embedded_quality_xsd, "opendata-quality.xsd");
EMBED(embedded_projects_xsd, "opendata-projects.xsd");
EMBED(embedded_survival_xsd, "opendata-survival.xsd");
EMBED(embedded_coverage_xsd, "opendata-coverage.xsd");
EMBED(embedded_openapi_json, "openapi.json");
EMBED(embedded_hsds_profile, "README-hsds.md");

static const struct {
	const char *name;
	const char *start, *end;
} files[] = {
	{ "opendata-centres.xsd", embedded_centres_xsd, embedded_centres_xsd_end },
	{ "opendata-services.xsd", embedded_services_xsd, embedded_services_xsd_end },
	{ "opendata-quality.xsd", embedded_quality_xsd, embedded_quality_xsd_end },
	{ "opendata-projects.xsd", embedded_projects_xsd, embedded_projects_xsd_end },
	{ "opendata-survival.xsd", embedded_survival_xsd, embedded_survival_xsd_end },
	{ "opendata-coverage.xsd", embedded_coverage_xsd, embedded_coverage_xsd_end },
	{ "openapi.json", embedded_openapi_json, embedded_openapi_json_end },
	{ "README-hsds.md", embedded_hsds_profile, embedded_hsds_profile_end },
};

/* Looks name up in the table of built-in files. */
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
