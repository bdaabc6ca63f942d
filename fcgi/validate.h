/* validate.h: one validator per field kind. Handlers never read a raw field:
 * they run it through the validator its kind names. */
#ifndef RCHUB_VALIDATE_H
#define RCHUB_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#define SLUG_MAX_LEN   64
#define ID_MAX         4294967295LL /* INT UNSIGNED */
#define PAGE_MAX       10000
#define SEARCH_MAX_CHARS 200        /* q= of the catalogue and the registry */
#define EMAIL_MAX_LEN  254
#define PHONE_MAX_LEN  40

/* A positive decimal id without sign or leading zeros, up to ID_MAX. */
bool valid_id(const char *s, long long *out);
/* Lowercase Latin letters, digits and inner hyphens, 1..SLUG_MAX_LEN. */
bool valid_slug(const char *s);
/* Index of s in a NULL-terminated list of allowed values, or -1. */
int valid_enum(const char *s, const char *const *allowed);
/* Valid UTF-8 text of at most max_chars characters (code points). */
bool valid_text(const char *s, size_t max_chars);
size_t utf8_length(const char *s);
/* A page number 1..PAGE_MAX. */
bool valid_page(const char *s, int *out);
/* A plausible address: local@domain.tld, no spaces, at most EMAIL_MAX_LEN. */
bool valid_email(const char *s);
/* Digits, spaces, +, -, parentheses; 6..15 digits; an optional extension
 * («, доб. 102», « ext 12»). */
bool valid_phone(const char *s);
/* Russian taxpayer number: 10 digits (organisation) or 12 (person), with the
 * check digits of the Federal Tax Service algorithm. */
bool valid_inn(const char *s);
/* Primary state registration number: 13 digits (OGRN) or 15 (OGRNIP) with
 * the check digit (number without it mod 11, or mod 13, then mod 10). */
bool valid_ogrn(const char *s);

#endif
