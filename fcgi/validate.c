/* validate.c: field validators. Each is pure and total: any input string,
 * any length, gives a yes or no without touching memory past its NUL. */
#include "validate.h"

#include <string.h>

#include "request.h"

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return len > 0;
}

bool valid_id(const char *s, long long *out)
{
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	if (len == 0 || len > 10 || s[0] == '0' || !all_digits(s, len))
		return false;
	long long v = 0;
	for (size_t i = 0; i < len; i++)
		v = v * 10 + (s[i] - '0');
	if (v > ID_MAX)
		return false;
	if (out != NULL)
		*out = v;
	return true;
}

bool valid_slug(const char *s)
{
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	if (len == 0 || len > SLUG_MAX_LEN || s[0] == '-' || s[len - 1] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

int valid_enum(const char *s, const char *const *allowed)
{
	if (s == NULL)
		return -1;
	for (int i = 0; allowed[i] != NULL; i++)
		if (strcmp(s, allowed[i]) == 0)
			return i;
	return -1;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

bool valid_text(const char *s, size_t max_chars)
{
	return s != NULL && utf8_valid(s, strlen(s)) && utf8_length(s) <= max_chars;
}

bool valid_page(const char *s, int *out)
{
	long long v;
	if (!valid_id(s, &v) || v > PAGE_MAX)
		return false;
	*out = (int)v;
	return true;
}

static bool email_local_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr(".!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

static bool domain_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool valid_email(const char *s)
{
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	const char *at = strchr(s, '@');
	if (len < 5 || len > EMAIL_MAX_LEN || at == NULL || at == s || strchr(at + 1, '@'))
		return false;
	for (const char *p = s; p < at; p++)
		if (!email_local_char(*p))
			return false;
	const char *domain = at + 1, *dot = strrchr(domain, '.');
	if (dot == NULL || dot == domain || dot[1] == '\0' || domain[0] == '.' || strstr(domain, ".."))
		return false;
	for (const char *p = domain; *p; p++)
		if (!domain_char(*p))
			return false;
	return true;
}

/* Length of s without an extension suffix (", доб. 102", " ext 12"), which
 * Russian office numbers often carry; 0 when the suffix is malformed. */
static size_t without_extension(const char *s)
{
	static const char *const marks[] = { "доб.", "доб", "ext.", "ext" };
	for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
		const char *at = strstr(s, marks[m]);
		if (at == NULL)
			continue;
		const char *p = at + strlen(marks[m]);
		p += strspn(p, " ");
		size_t digits = strspn(p, "0123456789");
		if (digits == 0 || digits > 6 || p[digits] != '\0')
			return 0;
		size_t len = (size_t)(at - s);
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ','))
			len--;
		return len;
	}
	return strlen(s);
}

bool valid_phone(const char *s)
{
	if (s == NULL || strlen(s) > PHONE_MAX_LEN)
		return false;
	size_t len = without_extension(s);
	int digits = 0;
	for (const char *p = s; p < s + len; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-()", *p))
			return false;
	}
	return digits >= 6 && digits <= 15;
}

/* Weighted sum of the first n digits, mod 11, mod 10: the FNS check digit. */
static int inn_check(const char *s, const int *weights, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += (s[i] - '0') * weights[i];
	return sum % 11 % 10;
}

bool valid_inn(const char *s)
{
	static const int w10[] = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	static const int w11[] = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	static const int w12[] = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	if (!all_digits(s, len))
		return false;
	if (len == 10)
		return inn_check(s, w10, 9) == s[9] - '0';
	if (len == 12)
		return inn_check(s, w11, 10) == s[10] - '0' && inn_check(s, w12, 11) == s[11] - '0';
	return false;
}

bool valid_ogrn(const char *s)
{
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	if ((len != 13 && len != 15) || !all_digits(s, len))
		return false;
	int modulus = len == 13 ? 11 : 13;
	/* The number without its check digit, reduced digit by digit to avoid overflow. */
	long long rem = 0;
	for (size_t i = 0; i + 1 < len; i++)
		rem = (rem * 10 + (s[i] - '0')) % modulus;
	return rem % 10 == s[len - 1] - '0';
}
