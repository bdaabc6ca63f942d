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
