/* feeds/xmlout.h: the XML writing every feed and export shares: a libxml2
 * xmlTextWriter into a memory buffer, indented, UTF-8, whose text is escaped
 * by the library and cleaned of the characters XML 1.0 forbids. Errors are
 * sticky: a document with any failed call comes out as NULL. */
#ifndef RCHUB_FEEDS_XMLOUT_H
#define RCHUB_FEEDS_XMLOUT_H

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stddef.h>

#include "../fcgi/arena.h"

struct xml_out {
	arena *mem;
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	bool failed;
};

/* Starts a document (<?xml version="1.0" encoding="UTF-8"?>). */
void xml_begin(struct xml_out *x, arena *mem);
/* Opens element name ("prefix:local" names are written as given). */
void xml_start(struct xml_out *x, const char *name);
/* Closes the innermost open element. */
void xml_end(struct xml_out *x);
void xml_attr(struct xml_out *x, const char *name, const char *value);
/* Text inside the open element. */
void xml_text(struct xml_out *x, const char *text);
/* <name>text</name>; nothing when text is NULL or empty. */
void xml_element(struct xml_out *x, const char *name, const char *text);
/* Ends the document and returns it in the arena with *len; NULL when any
 * step failed. Frees the writer either way. */
char *xml_finish(struct xml_out *x, size_t *len);

#endif
