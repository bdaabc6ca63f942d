/* feeds/opendata.h: open data after the Russian methodical recommendations
 * for publishing open data, version 3.0 (http://opendata.gosmonitor.ru/
 * standard/3.0): a set is one row of the table of sets (its code, titles,
 * fields and structure versions); for each set the passport (meta.xml), the
 * XSD of each structure version, and the data versions in XML with a CSV
 * twin; and the registry of sets (list.xml). The server and rchub-export
 * call the same functions, so both produce the same bytes. */
#ifndef RCHUB_FEEDS_OPENDATA_H
#define RCHUB_FEEDS_OPENDATA_H

#include <stdbool.h>
#include <stddef.h>

#include "../fcgi/config.h"
#include "../fcgi/store/store.h"

#define OD_STANDARD "http://opendata.gosmonitor.ru/standard/3.0"
#define OD_STAMP_MAX 16 /* "YYYYMMDDTHHMMSS" and its NUL */

/* How a field's value is written. */
enum od_kind {
	OD_TEXT,      /* always present */
	OD_OPTIONAL,  /* left out of the XML when empty */
	OD_BOOL,      /* 0/1 as false/true */
	OD_TIME,      /* UTC database time as xs:dateTime */
	OD_PAGE,      /* the site's page: base URL + page + the column's value */
	OD_LIST,      /* the rows linked to the record (od_set.links), as a list */
};

struct od_field {
	const char *name; /* XML element and CSV column */
	enum od_kind kind;
	int column;       /* in the set's records */
	const char *page; /* OD_PAGE: path before the value, e.g. "/services/" */
	const char *item; /* OD_LIST: element of one linked row, e.g. "district" */
	const char *attr; /* OD_LIST: its attribute, e.g. "oktmo" (the CSV has name_attr) */
};

/* A structure version: its stamp and the XSD of feeds/ that describes it. */
struct od_structure {
	const char *stamp;
	const char *schema;
};

struct od_set {
	const char *code;        /* URL segment; the identifier is <publisher INN>-<code> */
	const char *title;
	const char *description;
	const char *subject;     /* keywords */
	const char *root;        /* root element of the data file */
	const char *record;      /* element of one record */
	const struct od_field *fields;
	size_t nfields;
	const struct od_structure *structures; /* oldest first; the last is current */
	size_t nstructures;
	struct db_rows *(*records)(arena *mem); /* column 0 is the id; ordered by it */
	struct db_rows *(*links)(arena *mem);   /* OD_LINK_* rows ordered by owner id; NULL = none */
};

extern const struct od_set od_sets[];
extern const size_t od_nsets;

/* The set with this code, or NULL. */
const struct od_set *od_set_find(const char *code);
/* The set's structure version with this stamp, or NULL. */
const struct od_structure *od_structure_find(const struct od_set *set, const char *stamp);
/* True when [publisher] names the organisation and its INN: identifiers and
 * passports cannot be made without them. */
bool od_publisher_known(const struct config *cfg);
/* <publisher INN>-<code>. */
char *od_identifier(arena *mem, const struct config *cfg, const struct od_set *set);

/* Publishes a new version of the set when its current data (or structure)
 * differs from the latest stored one, then returns every version (ODV_*
 * columns, newest first); NULL when the database failed. */
struct db_rows *od_versions(arena *mem, const struct config *cfg, const struct od_set *set);
/* The passport (meta.xml) listing the given versions. */
char *od_passport(arena *mem, const struct config *cfg, const struct od_set *set, const struct db_rows *versions,
                  size_t *len);
/* The registry of sets (list.xml). */
char *od_list(arena *mem, const struct config *cfg, size_t *len);

/* File names inside /opendata/<code>/. */
char *od_data_name(arena *mem, const char *stamp, const char *structure_stamp, const char *format);
char *od_structure_name(arena *mem, const char *stamp);
/* Reads "data-<stamp>-structure-<stamp>.<xml|csv>" into f (set_code is
 * left alone); false when name is not one. */
bool od_parse_data_name(arena *mem, const char *name, struct opendata_file *f);
/* Reads "structure-<stamp>.xsd"; false when name is not one. */
bool od_parse_structure_name(arena *mem, const char *name, const char **stamp);

#endif
