/* stem.c: word splitting, case folding and Snowball stemming (libstemmer). */
#include "stem.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <string.h>

#define STEM_MAX_WORD 128 /* bytes; longer words are cut here before stemming */

static struct sb_stemmer *russian, *english;

static struct sb_stemmer *stemmer_for(bool cyrillic)
{
	struct sb_stemmer **s = cyrillic ? &russian : &english;
	if (*s == NULL)
		*s = sb_stemmer_new(cyrillic ? "russian" : "english", "UTF_8");
	return *s;
}

void stem_shutdown(void)
{
	if (russian)
		sb_stemmer_delete(russian);
	if (english)
		sb_stemmer_delete(english);
	russian = english = NULL;
}

/* Length of the letter at p (ASCII alnum or a 2-byte Cyrillic letter), 0 if
 * p does not start one. */
static size_t letter_length(const unsigned char *p)
{
	if ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= '0' && p[0] <= '9'))
		return 1;
	if ((p[0] == 0xD0 && p[1] >= 0x80 && p[1] <= 0xBF) || (p[0] == 0xD1 && p[1] >= 0x80 && p[1] <= 0x9F))
		return 2;
	return 0;
}

/* Appends the lowercase form of one letter to out; returns bytes written. */
static size_t fold_letter(const unsigned char *p, size_t n, unsigned char *out)
{
	if (n == 1) {
		out[0] = (p[0] >= 'A' && p[0] <= 'Z') ? (unsigned char)(p[0] + 32) : p[0];
		return 1;
	}
	unsigned char a = p[0], b = p[1];
	if ((a == 0xD0 && b == 0x81) || (a == 0xD1 && b == 0x91)) /* Ё, ё -> е */
		a = 0xD0, b = 0xB5;
	else if (a == 0xD0 && b >= 0x90 && b <= 0x9F) /* А..П -> а..п */
		b = (unsigned char)(b + 0x20);
	else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) /* Р..Я -> р..я */
		a = 0xD1, b = (unsigned char)(b - 0x20);
	out[0] = a;
	out[1] = b;
	return 2;
}

/* Reads the next word from *pos into buf (folded); returns its length or 0
 * at the end of text. *cyrillic tells which stemmer applies. */
static size_t next_word(const unsigned char **pos, unsigned char *buf, bool *cyrillic)
{
	const unsigned char *p = *pos;
	while (*p && letter_length(p) == 0)
		p++;
	size_t len = 0, n;
	*cyrillic = false;
	while (*p && (n = letter_length(p)) != 0) {
		if (len + n <= STEM_MAX_WORD) {
			len += fold_letter(p, n, buf + len);
			*cyrillic |= n == 2;
		}
		p += n;
	}
	*pos = p;
	return len;
}

/* Calls emit(stem) for each word of text until emit has kept max_words of
 * them; words emit drops (too short) do not count against the limit. */
static void for_each_stem(const char *text, size_t max_words,
                          bool (*emit)(void *ctx, const char *stem, size_t len), void *ctx)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned char word[STEM_MAX_WORD + 4];
	bool cyr;
	size_t len, count = 0;
	while (count < max_words && (len = next_word(&p, word, &cyr)) != 0) {
		struct sb_stemmer *st = stemmer_for(cyr);
		const sb_symbol *s = st ? sb_stemmer_stem(st, word, (int)len) : NULL;
		if (s != NULL)
			count += emit(ctx, (const char *)s, (size_t)sb_stemmer_length(st));
		else
			count += emit(ctx, (const char *)word, len);
	}
}

struct stem_buffer {
	char *data;
	size_t len;
	const char *prefix, *suffix;
};

/* Letters in stem[0..len): a Cyrillic letter is two bytes but one letter. */
static size_t letter_count(const char *stem, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)stem[i] & 0xC0) != 0x80;
	return n;
}

/* Appends prefix, stem and suffix as one term; returns false (and appends
 * nothing) for a one-letter stem. */
static bool append_term(void *ctx, const char *stem, size_t len)
{
	struct stem_buffer *b = ctx;
	if (letter_count(stem, len) < 2) /* below the FULLTEXT minimum token size (2, sql/db.sh) */
		return false;
	if (b->len > 0)
		b->data[b->len++] = ' ';
	size_t pl = strlen(b->prefix), sl = strlen(b->suffix);
	memcpy(b->data + b->len, b->prefix, pl);
	memcpy(b->data + b->len + pl, stem, len);
	memcpy(b->data + b->len + pl + len, b->suffix, sl);
	b->len += pl + len + sl;
	return true;
}

/* A stem is never longer than its word, so 3 bytes per input byte (word,
 * prefix, suffix, separator) always suffice. */
static char *stems(arena *mem, const char *text, size_t max_words, const char *prefix, const char *suffix)
{
	struct stem_buffer b = { arena_alloc(mem, strlen(text) * 3 + 8), 0, prefix, suffix };
	for_each_stem(text, max_words, append_term, &b);
	b.data[b.len] = '\0';
	return b.data;
}

char *stem_text(arena *mem, const char *text)
{
	return stems(mem, text, (size_t)-1, "", "");
}

char *stem_boolean_query(arena *mem, const char *q)
{
	return stems(mem, q, STEM_MAX_TERMS, "+", "*");
}
