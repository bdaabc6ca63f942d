/* timefmt.c: conversions between the database's UTC and local time, and
 * Russian date formatting (month names in the genitive: «25 ноября»). */
#include "timefmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months_genitive[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря",
};

void timefmt_init(const char *time_zone)
{
	if (time_zone != NULL && time_zone[0] != '\0')
		setenv("TZ", time_zone, 1);
	tzset();
}

bool parse_utc(const char *sql, time_t *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (sql == NULL || sscanf(sql, "%4d-%2d-%2d %2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                          &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return false;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*out = timegm(&tm);
	return *out != (time_t)-1;
}

static bool local_tm(const char *utc_sql, struct tm *tm)
{
	time_t t;
	return parse_utc(utc_sql, &t) && localtime_r(&t, tm) != NULL;
}

const char *format_datetime_ru(arena *mem, const char *utc_sql)
{
	struct tm tm;
	if (!local_tm(utc_sql, &tm))
		return "";
	return arena_printf(mem, "%d %s %d, %02d:%02d", tm.tm_mday, months_genitive[tm.tm_mon],
	                    tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

const char *format_date_ru(arena *mem, const char *utc_sql)
{
	struct tm tm;
	if (!local_tm(utc_sql, &tm))
		return "";
	return arena_printf(mem, "%d %s %d", tm.tm_mday, months_genitive[tm.tm_mon], tm.tm_year + 1900);
}

const char *format_day_ru(arena *mem, const char *sql_date)
{
	int year, month, day;
	if (sql_date == NULL || sscanf(sql_date, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
		return "";
	return arena_printf(mem, "%d %s %d", day, months_genitive[month - 1], year);
}

const char *format_datetime_input(arena *mem, const char *utc_sql)
{
	struct tm tm;
	if (!local_tm(utc_sql, &tm))
		return "";
	return arena_printf(mem, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	                    tm.tm_hour, tm.tm_min);
}

const char *local_input_to_utc(arena *mem, const char *local)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (local == NULL || sscanf(local, "%4d-%2d-%2dT%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	                            &tm.tm_hour, &tm.tm_min) != 5)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	struct tm utc;
	if (t == (time_t)-1 || gmtime_r(&t, &utc) == NULL)
		return NULL;
	return arena_printf(mem, "%04d-%02d-%02d %02d:%02d:%02d", utc.tm_year + 1900, utc.tm_mon + 1,
	                    utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

static const char *const day_names_en[7] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const month_names_en[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

size_t format_rfc1123(char *buf, size_t cap, time_t t, const char *zone)
{
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	int n = snprintf(buf, cap, "%s, %02d %s %04d %02d:%02d:%02d %s", day_names_en[tm.tm_wday % 7],
	                 tm.tm_mday, month_names_en[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour,
	                 tm.tm_min, tm.tm_sec, zone);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* strptime() reads English names here: the program never calls setlocale(),
 * so it runs in the "C" locale. */
bool parse_http_date(const char *s, time_t *out)
{
	static const char *const forms[] = {
		"%a, %d %b %Y %H:%M:%S GMT", /* IMF-fixdate */
		"%A, %d-%b-%y %H:%M:%S GMT", /* RFC 850 */
		"%a %b %e %H:%M:%S %Y",      /* asctime */
	};
	if (s == NULL)
		return false;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct tm tm;
		memset(&tm, 0, sizeof tm);
		const char *end = strptime(s, forms[i], &tm);
		if (end != NULL && *end == '\0') {
			*out = timegm(&tm);
			return *out != (time_t)-1;
		}
	}
	return false;
}

const char *format_iso8601_utc(arena *mem, const char *utc_sql)
{
	time_t t;
	struct tm tm;
	if (!parse_utc(utc_sql, &t) || gmtime_r(&t, &tm) == NULL)
		return "";
	return arena_printf(mem, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	                    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Reads a zone designator at s ("", "Z", "+hh:mm", "+hhmm", "-..."): its
 * offset east of UTC in seconds; false when s is anything else. */
static bool parse_zone(const char *s, long *offset)
{
	int h, m, n = 0;
	*offset = 0;
	if (s[0] == '\0' || strcmp(s, "Z") == 0)
		return true;
	if ((s[0] != '+' && s[0] != '-') ||
	    (sscanf(s + 1, "%2d:%2d%n", &h, &m, &n) != 2 && sscanf(s + 1, "%2d%2d%n", &h, &m, &n) != 2) ||
	    s[1 + n] != '\0' || h > 23 || m > 59)
		return false;
	*offset = (s[0] == '-' ? -1 : 1) * (h * 3600L + m * 60L);
	return true;
}

bool parse_iso8601(const char *s, time_t *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *rest = s ? strptime(s, "%Y-%m-%d", &tm) : NULL;
	if (rest == NULL)
		return false;
	if (*rest == 'T') {
		const char *end = strptime(rest + 1, "%H:%M:%S", &tm);
		rest = end ? end : strptime(rest + 1, "%H:%M", &tm);
		if (rest == NULL)
			return false;
	}
	long offset;
	if (!parse_zone(rest, &offset))
		return false;
	time_t t = timegm(&tm);
	if (t == (time_t)-1)
		return false;
	*out = t - offset;
	return true;
}
