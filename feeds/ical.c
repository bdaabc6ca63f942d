/* feeds/ical.c: writes iCalendar (RFC 5545). Content lines end in CRLF and
 * are folded at ICAL_LINE_OCTETS octets, never inside a UTF-8 sequence
 * (section 3.1); TEXT values escape backslash, semicolon, comma and newline
 * (3.3.11). Times are local to the region, with TZID, and the calendar
 * carries the VTIMEZONE they refer to: the zone's current UTC offset, which
 * is correct for zones without daylight saving (all of Russia's since 2014). */
#include "ical.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRODID "-//rchub//Resource centres for NGOs//RU"

/* Writes one content line, folded: a continuation starts with a space. */
static void put_line(FILE *f, const char *line)
{
	size_t len = strlen(line), room = ICAL_LINE_OCTETS;
	while (len > room) {
		size_t cut = room;
		while (cut > 0 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--; /* back to the first byte of a UTF-8 sequence */
		fwrite(line, 1, cut, f);
		fputs("\r\n ", f);
		line += cut, len -= cut;
		room = ICAL_LINE_OCTETS - 1;
	}
	fwrite(line, 1, len, f);
	fputs("\r\n", f);
}

/* s escaped as an RFC 5545 TEXT value; other control characters dropped. */
static char *text_value(arena *mem, const char *s)
{
	char *out = arena_alloc(mem, 2 * strlen(s) + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') {
			*o++ = '\\';
			*o++ = (char)*p;
		} else if (*p == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else if (*p >= 0x20 || *p == '\t') {
			*o++ = (char)*p;
		}
	}
	*o = '\0';
	return out;
}

/* A parameter value (CN=...) cannot hold DQUOTE or controls (3.2). */
static char *param_value(arena *mem, const char *s)
{
	char *out = arena_strdup(mem, s), *o = out;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x20 && *p != '"')
			*o++ = *p;
	*o = '\0';
	return out;
}

/* NAME:text, escaped; nothing when text is NULL or empty. */
static void put_text(FILE *f, arena *mem, const char *name, const char *text)
{
	if (text != NULL && text[0] != '\0')
		put_line(f, arena_printf(mem, "%s:%s", name, text_value(mem, text)));
}

/* NAME:19700101T000000Z, a UTC DATE-TIME. */
static void put_utc(FILE *f, const char *name, time_t t)
{
	struct tm tm;
	char line[64];
	gmtime_r(&t, &tm);
	strftime(line, sizeof line, "%Y%m%dT%H%M%SZ", &tm);
	fprintf(f, "%s:%s\r\n", name, line);
}

/* NAME;TZID=zone:19700101T000000, a local DATE-TIME of the zone. */
static void put_local(FILE *f, const char *name, const char *tzid, time_t t)
{
	struct tm tm;
	char stamp[32];
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &tm);
	char line[256];
	snprintf(line, sizeof line, "%s;TZID=%s:%s", name, tzid, stamp);
	put_line(f, line);
}

/* The zone's definition: one STANDARD observance at its current offset. */
static void put_timezone(FILE *f, const char *tzid)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	long off = tm.tm_gmtoff;
	char offset[24], line[256];
	snprintf(offset, sizeof offset, "%c%02ld%02ld", off < 0 ? '-' : '+', labs(off) / 3600, labs(off) % 3600 / 60);
	fputs("BEGIN:VTIMEZONE\r\n", f);
	snprintf(line, sizeof line, "TZID:%s", tzid);
	put_line(f, line);
	fputs("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n", f);
	fprintf(f, "TZOFFSETFROM:%s\r\nTZOFFSETTO:%s\r\nTZNAME:%s\r\n", offset, offset, tm.tm_zone);
	fputs("END:STANDARD\r\nEND:VTIMEZONE\r\n", f);
}

/* One VEVENT: UID event-{id}@host, times, texts, organizer, status. */
static void put_event(FILE *f, arena *mem, const struct ical_calendar *cal, const struct ical_event *e)
{
	fputs("BEGIN:VEVENT\r\n", f);
	put_line(f, arena_printf(mem, "UID:event-%lld@%s", e->id, cal->uid_host));
	put_utc(f, "DTSTAMP", e->modified);
	put_utc(f, "CREATED", e->created);
	put_utc(f, "LAST-MODIFIED", e->modified);
	put_local(f, "DTSTART", cal->tzid, e->start);
	put_local(f, "DTEND", cal->tzid, e->end);
	put_text(f, mem, "SUMMARY", e->summary);
	put_text(f, mem, "DESCRIPTION", e->description);
	put_text(f, mem, "LOCATION", e->location);
	put_line(f, arena_printf(mem, "URL:%s", e->url));
	if (e->organizer_email && e->organizer_email[0])
		put_line(f, arena_printf(mem, "ORGANIZER;CN=\"%s\":mailto:%s", param_value(mem, e->organizer_name),
		                         e->organizer_email));
	fputs(e->cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n", f);
	fputs("END:VEVENT\r\n", f);
}

/* The whole VCALENDAR into a memory stream, then into the arena. */
char *ical_write(arena *mem, const struct ical_calendar *cal, const struct ical_event *ev, size_t n,
                 size_t *len)
{
	char *data = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&data, &size);
	if (f == NULL)
		return NULL;
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" PRODID "\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", f);
	put_text(f, mem, "X-WR-CALNAME", cal->name);
	put_line(f, arena_printf(mem, "X-WR-TIMEZONE:%s", cal->tzid));
	put_timezone(f, cal->tzid);
	for (size_t i = 0; i < n && i < ICAL_MAX_EVENTS; i++)
		put_event(f, mem, cal, &ev[i]);
	fputs("END:VCALENDAR\r\n", f);
	bool failed = ferror(f) != 0;
	if (fclose(f) != 0 || failed) {
		free(data);
		return NULL;
	}
	char *out = arena_strndup(mem, data, size);
	*len = size;
	free(data);
	return out;
}
