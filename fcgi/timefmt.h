/* timefmt.h: dates and times. The database keeps UTC; people see the
 * region's local time (the process's TZ, set from [site] time_zone). */
#ifndef RCHUB_TIMEFMT_H
#define RCHUB_TIMEFMT_H

#include <stdbool.h>
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
/* "2026-11-25T14:00" local, for <input type="datetime-local">. */
const char *format_datetime_input(arena *mem, const char *utc_sql);
/* Local "YYYY-MM-DDTHH:MM" (from a form) to UTC "YYYY-MM-DD HH:MM:SS". */
const char *local_input_to_utc(arena *mem, const char *local);

#endif
