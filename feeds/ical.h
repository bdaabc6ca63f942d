/* feeds/ical.h: iCalendar (RFC 5545) calendars of events from plain
 * structs, for calendar applications that subscribe to a URL. */
#ifndef RCHUB_FEEDS_ICAL_H
#define RCHUB_FEEDS_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../fcgi/arena.h"

#define ICAL_MAX_EVENTS 500  /* the newest events by start; older ones drop off */
#define ICAL_LINE_OCTETS 75  /* RFC 5545 section 3.1: fold longer lines */

struct ical_calendar {
	const char *name;      /* X-WR-CALNAME, what the application shows */
	const char *tzid;      /* the region's zone, e.g. "Asia/Vladivostok" */
	const char *uid_host;  /* host of the site: UIDs are event-{id}@host */
};

struct ical_event {
	long long id;
	const char *summary;
	const char *description;
	const char *location;
	const char *url;
	const char *organizer_name;  /* the centre */
	const char *organizer_email;
	time_t start, end;
	time_t created, modified;    /* modified is also DTSTAMP, so output is stable */
	bool cancelled;
};

/* The calendar in the arena with *len (CRLF lines, folded); NULL on failure. */
char *ical_write(arena *mem, const struct ical_calendar *cal, const struct ical_event *ev, size_t n,
                 size_t *len);

#endif
