/* feeds/xmlout.c: a thin layer over xmlTextWriter so that writers read as
 * the document they produce, one call per element. */
#include "xmlout.h"

#include <string.h>

/* Records the outcome of one libxml2 call (negative means failure). */
static void check(struct xml_out *x, int rc)
{
	if (rc < 0)
		x->failed = true;
}

/* A copy of s without the C0 controls XML 1.0 cannot carry (all but tab,
 * LF and CR); the database accepts them, a feed reader would not. */
static const xmlChar *clean(arena *mem, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(mem, n + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
			*o++ = (char)*p;
	*o = '\0';
	return (const xmlChar *)out;
}

/* Creates the writer and its buffer, indented by two spaces. */
void xml_begin(struct xml_out *x, arena *mem)
{
	x->mem = mem;
	x->failed = false;
	x->buf = xmlBufferCreate();
	x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
	if (x->w == NULL) {
		x->failed = true;
		return;
	}
	check(x, xmlTextWriterSetIndent(x->w, 1));
	check(x, xmlTextWriterSetIndentString(x->w, (const xmlChar *)"  "));
	check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
}

/* Opens an element. */
void xml_start(struct xml_out *x, const char *name)
{
	if (x->w != NULL)
		check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

/* Closes the innermost element. */
void xml_end(struct xml_out *x)
{
	if (x->w != NULL)
		check(x, xmlTextWriterEndElement(x->w));
}

/* Adds an attribute, escaped and cleaned. */
void xml_attr(struct xml_out *x, const char *name, const char *value)
{
	if (x->w != NULL)
		check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name, clean(x->mem, value)));
}

/* Adds text, escaped and cleaned. */
void xml_text(struct xml_out *x, const char *text)
{
	if (x->w != NULL)
		check(x, xmlTextWriterWriteString(x->w, clean(x->mem, text)));
}

/* A whole text element, skipped when empty. */
void xml_element(struct xml_out *x, const char *name, const char *text)
{
	if (x->w != NULL && text != NULL && text[0] != '\0')
		check(x, xmlTextWriterWriteElement(x->w, (const xmlChar *)name, clean(x->mem, text)));
}

/* Flushes the writer and copies the document into the arena. */
char *xml_finish(struct xml_out *x, size_t *len)
{
	char *out = NULL;
	if (x->w != NULL) {
		check(x, xmlTextWriterEndDocument(x->w));
		xmlFreeTextWriter(x->w); /* flushes into the buffer */
	}
	if (!x->failed && x->buf != NULL) {
		*len = (size_t)xmlBufferLength(x->buf);
		out = arena_strndup(x->mem, (const char *)xmlBufferContent(x->buf), *len);
	}
	if (x->buf != NULL)
		xmlBufferFree(x->buf);
	x->w = NULL;
	x->buf = NULL;
	return out;
}
