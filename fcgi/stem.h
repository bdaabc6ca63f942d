/* stem.h: Russian-aware search terms. Text is lowercased (ё folded to е),
 * split into words and each word reduced by the Snowball stemmer (Russian for
 * Cyrillic words, English for Latin ones), so «консультации», «консультация»
 * and «консультаций» meet at one stem. Used both when indexing
 * (services.search_stems) and when searching. */
#ifndef RCHUB_STEM_H
#define RCHUB_STEM_H

#include "arena.h"

#define STEM_MAX_TERMS 16 /* search words considered; the rest are ignored */

/* Space-separated stems of every word of text. */
char *stem_text(arena *mem, const char *text);
/* A FULLTEXT boolean-mode query requiring every word's stem as a prefix
 * ("+консультац* +юридическ*"), or "" when q holds no searchable word. */
char *stem_boolean_query(arena *mem, const char *q);
void stem_shutdown(void);

#endif
