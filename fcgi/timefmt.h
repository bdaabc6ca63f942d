/* timefmt.h: dates and times. The database keeps UTC; people see the
 * region's local time (the process's TZ, set from [site] time_zone). */
#ifndef RCHUB_TIMEFMT_H
#define RCHUB_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "arena.h"

/* Sets the process time zone (e.g. "Asia/Vladivostok"). */
void timefmt_init(const char *time_zone);
/* Parses "YYYY-MM-DD HH:MM:SS" (UTC, as MariaDB prints it). */
bool parse_utc(const char *sql, time_t *out);
/* "25 ноября 2026, 14:00" in local time; "" for NULL or a bad value. */
const char *format_datetime_ru(arena *mem, const char *utc_sql);
/* "25 ноября 2026" in local time. */
const char *format_date_ru(arena *mem, const char *utc_sql);
/* "25 ноября 2026" for a calendar date "YYYY-MM-DD" (a DATE: no time zone). */
const char *format_day_ru(arena *mem, const char *sql_date);
/* "2026-11-25T14:00" local, for <input type="datetime-local">. */
const char *format_datetime_input(arena *mem, const char *utc_sql);
/* Local "YYYY-MM-DDTHH:MM" (from a form) to UTC "YYYY-MM-DD HH:MM:SS". */
const char *local_input_to_utc(arena *mem, const char *local);

/* The RFC 1123 form of an RFC 822 date in UTC, "Sun, 06 Nov 1994 08:49:37 GMT",
 * with the zone written as given: "GMT" for HTTP (RFC 9110 IMF-fixdate),
 * "+0000" for RSS pubDate. English names whatever the locale. Returns the
 * length written into buf (TIMEFMT_RFC1123_MAX bytes are always enough). */
#define TIMEFMT_RFC1123_MAX 40
size_t format_rfc1123(char *buf, size_t cap, time_t t, const char *zone);
/* Parses an HTTP date in any of the three forms RFC 9110 section 5.6.7 makes
 * recipients accept (IMF-fixdate, RFC 850, asctime); false for anything else. */
bool parse_http_date(const char *s, time_t *out);
/* "2026-11-25T04:00:00Z" (ISO 8601 / RFC 3339, UTC) from the database's UTC
 * text; "" for NULL or a bad value. */
const char *format_iso8601_utc(arena *mem, const char *utc_sql);
/* Parses an ISO 8601 date ("2026-11-25", midnight UTC) or date-time
 * ("2026-11-25T14:00:00" with "Z", "+10:00", "+1000" or no zone, which means
 * UTC; seconds optional); false for anything else. */
bool parse_iso8601(const char *s, time_t *out);

#endif
