/* t_ical.c: the iCalendar calendars (RFC 5545). Every calendar's lines end
 * in CRLF and are at most 75 octets, folded without cutting a UTF-8
 * sequence; unfolded, the components nest and carry their required
 * properties; the events are those of the database, cancelled ones marked;
 * text with semicolons, commas, backslashes and line breaks round-trips. */
#include "check.h"

#include <stdlib.h>

#define CT_CALENDAR "text/calendar; charset=utf-8"
#define LINE_OCTETS 75
#define MAX_DEPTH 8
#define TZID "Asia/Vladivostok"
#define TRICKY_TITLE "Семинар; часть 1, «основы» \\ итоги года"
#define TRICKY_SUMMARY "Сводка, с запятой; и точкой с запятой"
#define TRICKY_DESCRIPTION "Первая строка.\nВторая строка — длинная, чтобы её пришлось переносить: " \
	"программа, спикеры, раздаточные материалы; всё это будет на месте."

/* One unfolded content line: NAME[;params]:value. */
struct cline {
	char *line;
	char *name;
	const char *value;
};

/* A parsed calendar. */
struct calendar {
	struct cline *lines;
	long n;
};

/* True when s[0..len) is well-formed UTF-8 (no sequence cut short). */
static bool utf8_whole(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3
		         : (s[i] & 0xF8) == 0xF0 ? 4 : 0;
		if (n == 0 || i + n > len)
			return false;
		for (size_t k = 1; k < n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += n;
	}
	return true;
}

/* The value of a content line: after the first ':' outside quotes. */
static const char *line_value(const char *line)
{
	bool quoted = false;
	for (const char *p = line; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ':' && !quoted)
			return p + 1;
	}
	return "";
}

/* Checks the physical lines of body (CRLF, length, whole UTF-8) and
 * unfolds them into cal; false with a failure. */
static bool unfold(const char *path, const char *body, struct calendar *cal)
{
	cal->lines = c_alloc((strlen(body) / 2 + 1) * sizeof *cal->lines);
	cal->n = 0;
	long physical = 0;
	for (const char *p = body; *p; physical++) {
		const char *crlf = strstr(p, "\r\n");
		size_t len = crlf ? (size_t)(crlf - p) : strlen(p);
		if (crlf == NULL || len > LINE_OCTETS || memchr(p, '\r', len) || memchr(p, '\n', len) ||
		    !utf8_whole((const unsigned char *)p, len)) {
			c_fail(__FILE__, __LINE__, "%s: line %ld lacks its CRLF, is longer than 75 octets, holds a bare "
			       "CR or LF, or cuts a UTF-8 sequence: %.*s", path, physical + 1, (int)len, p);
			return false;
		}
		struct cline *last = cal->n > 0 ? &cal->lines[cal->n - 1] : NULL;
		if ((*p == ' ' || *p == '\t') && last != NULL)
			last->line = c_printf("%s%.*s", last->line, (int)len - 1, p + 1);
		else
			cal->lines[cal->n++].line = c_strndup(p, len);
		p = crlf + 2;
	}
	for (long i = 0; i < cal->n; i++) {
		cal->lines[i].name = c_strndup(cal->lines[i].line, strcspn(cal->lines[i].line, ";:"));
		cal->lines[i].value = line_value(cal->lines[i].line);
	}
	return true;
}

/* The properties a component must carry, by component. */
static const struct {
	const char *component;
	const char *required[8];
} required_properties[] = {
	{ "VCALENDAR", { "VERSION:2.0", "PRODID", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", NULL } },
	{ "VTIMEZONE", { "TZID:" TZID, NULL } },
	{ "STANDARD", { "DTSTART", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1000", NULL } },
	{ "VEVENT", { "UID", "DTSTAMP", "DTSTART;TZID=" TZID, "DTEND;TZID=" TZID, "SUMMARY", "URL", "STATUS", NULL } },
};

/* True when lines [from, to) hold a line starting with want at depth 1. */
static bool has_property(const struct calendar *cal, long from, long to, const char *want)
{
	int depth = 0;
	for (long i = from; i < to; i++) {
		const char *name = cal->lines[i].name;
		depth += strcmp(name, "BEGIN") == 0 ? 1 : strcmp(name, "END") == 0 ? -1 : 0;
		if (depth == 0 && strncmp(cal->lines[i].line, want, strlen(want)) == 0)
			return true;
	}
	return false;
}

/* Checks the required properties of the component spanning (begin, end). */
static bool component_complete(const char *path, const struct calendar *cal, long begin, long end)
{
	const char *kind = cal->lines[begin].value;
	for (size_t k = 0; k < sizeof required_properties / sizeof required_properties[0]; k++) {
		if (strcmp(required_properties[k].component, kind) != 0)
			continue;
		for (const char *const *want = required_properties[k].required; *want; want++) {
			if (!has_property(cal, begin + 1, end, *want)) {
				c_fail(__FILE__, __LINE__, "%s: %s at line %ld lacks %s", path, kind, begin + 1, *want);
				return false;
			}
		}
	}
	return true;
}

/* BEGIN/END pairs nest, one VCALENDAR holds everything, components are
 * complete. */
static bool structure_valid(const char *path, const struct calendar *cal)
{
	long stack[MAX_DEPTH];
	int depth = 0;
	for (long i = 0; i < cal->n; i++) {
		const char *name = cal->lines[i].name;
		if (strcmp(name, "BEGIN") == 0 && depth < MAX_DEPTH) {
			stack[depth++] = i;
		} else if (strcmp(name, "END") == 0) {
			if (depth == 0 || strcmp(cal->lines[stack[depth - 1]].value, cal->lines[i].value) != 0) {
				c_fail(__FILE__, __LINE__, "%s: END:%s at line %ld closes nothing open", path, cal->lines[i].value, i + 1);
				return false;
			}
			if (!component_complete(path, cal, stack[--depth], i))
				return false;
		} else if (depth == 0) {
			c_fail(__FILE__, __LINE__, "%s: line %ld outside VCALENDAR", path, i + 1);
			return false;
		}
	}
	if (depth != 0 || cal->n == 0 || strcmp(cal->lines[0].line, "BEGIN:VCALENDAR") != 0) {
		c_fail(__FILE__, __LINE__, "%s: not one complete VCALENDAR", path);
		return false;
	}
	return true;
}

/* GETs a calendar and checks its lines and structure. */
static bool valid_calendar(const char *path, struct calendar *cal)
{
	struct reply *r = fetch(path, CT_CALENDAR);
	return r && unfold(path, r->body, cal) && structure_valid(path, cal);
}

/* The whole calendar and every centre's, line by line and unfolded. */
static void every_calendar_is_valid(void)
{
	char ***centres;
	long n = sql_rows("SELECT slug FROM centres ORDER BY id", &centres);
	struct calendar cal;
	CHECK(n > 0, "no centres");
	CHECK(valid_calendar(fresh("/events.ics"), &cal), "/events.ics");
	for (long i = 0; i < n; i++) {
		const char *path = c_printf("/centres/%s/events.ics", centres[i][0]);
		CHECK(valid_calendar(fresh(path), &cal), "%s", path);
	}
}

/* The value of property name in the VEVENT with this UID, or NULL. */
static const char *event_property(const struct calendar *cal, const char *uid, const char *name)
{
	for (long i = 0; i < cal->n; i++) {
		if (strcmp(cal->lines[i].line, c_printf("UID:%s", uid)) != 0)
			continue;
		for (long k = i; k < cal->n && strcmp(cal->lines[k].line, "END:VEVENT") != 0; k++)
			if (strcmp(cal->lines[k].name, name) == 0)
				return cal->lines[k].value;
		for (long k = i; k > 0 && strcmp(cal->lines[k].line, "BEGIN:VEVENT") != 0; k--)
			if (strcmp(cal->lines[k].name, name) == 0)
				return cal->lines[k].value;
	}
	return NULL;
}

/* How many unfolded lines equal line. */
static long count_lines(const struct calendar *cal, const char *line)
{
	long n = 0;
	for (long i = 0; i < cal->n; i++)
		n += strcmp(cal->lines[i].line, line) == 0;
	return n;
}

/* The host part of RCHUB_TEST_URL, as in event UIDs. */
static const char *test_host(void)
{
	const char *start = strstr(env_url(), "://");
	start = start ? start + 3 : env_url();
	return c_strndup(start, strcspn(start, ":/"));
}

/* Every public event: its UID, status, local start and URL. */
static void events_match_database(void)
{
	char ***rows;
	long n = sql_rows("SELECT e.id, e.status, DATE_FORMAT(CONVERT_TZ(e.starts_at, '+00:00', '+10:00'), "
	                  "'%Y%m%dT%H%i%s') FROM events e WHERE e.status IN ('published', 'cancelled') "
	                  "ORDER BY e.starts_at DESC, e.id DESC LIMIT 500", &rows);
	struct calendar cal;
	CHECK(n > 0, "no public events in the database");
	CHECK(valid_calendar(fresh("/events.ics"), &cal), "/events.ics");
	CHECK_INT(count_lines(&cal, "BEGIN:VEVENT"), n, "events in /events.ics");
	for (long i = 0; i < n; i++) {
		const char *uid = c_printf("event-%s@%s", rows[i][0], test_host());
		bool cancelled = strcmp(rows[i][1], "cancelled") == 0;
		CHECK_STR(event_property(&cal, uid, "STATUS"), cancelled ? "CANCELLED" : "CONFIRMED", uid);
		CHECK_STR(event_property(&cal, uid, "DTSTART"), rows[i][2], c_printf("%s DTSTART (local time)", uid));
		CHECK_STR(event_property(&cal, uid, "URL"), c_printf("%s/events/%s", env_url(), rows[i][0]), "URL");
	}
}

/* Undoes RFC 5545 TEXT escaping. */
static char *unescape_text(const char *s)
{
	char *out = c_alloc(strlen(s) + 1), *o = out;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 'n' || *s == 'N' ? '\n' : *s;
		} else {
			*o++ = *s;
		}
	}
	return out;
}

/* Stores an event with every TEXT special character; reads it back. */
static void text_escaping_round_trips(void)
{
	char *slug = sql_text("SELECT slug FROM centres ORDER BY id LIMIT 1");
	CHECK(slug != NULL, "no centre");
	bool ok = sql_exec(c_printf("INSERT INTO events (centre_id, title, summary, description, starts_at, ends_at, "
	                            "place, status) SELECT id, %s, %s, %s, '2030-01-15 03:00:00', '2030-01-15 05:00:00', "
	                            "'Зал №1; вход со двора, 2 этаж', 'published' FROM centres WHERE slug = %s",
	                            sql_quote(TRICKY_TITLE), sql_quote(TRICKY_SUMMARY), sql_quote(TRICKY_DESCRIPTION),
	                            sql_quote(slug)));
	char *id = ok ? sql_text("SELECT MAX(id) FROM events") : NULL;
	CHECK(id != NULL, "could not store the event");
	sql_later(c_printf("DELETE FROM events WHERE id = %s", id));
	struct calendar cal;
	const char *path = fresh(c_printf("/centres/%s/events.ics", slug));
	CHECK(valid_calendar(path, &cal), "%s", path);
	const char *uid = c_printf("event-%s@%s", id, test_host());
	const char *summary = event_property(&cal, uid, "SUMMARY");
	CHECK(summary != NULL, "%s: no event %s", path, uid);
	CHECK(strstr(summary, "\\;") && strstr(summary, "\\,") && strstr(summary, "\\\\"),
	      "SUMMARY is not escaped: %s", summary);
	CHECK_STR(unescape_text(summary), TRICKY_TITLE, "SUMMARY, unescaped");
	CHECK_STR(unescape_text(event_property(&cal, uid, "DESCRIPTION")),
	          TRICKY_SUMMARY "\n\n" TRICKY_DESCRIPTION, "DESCRIPTION, unescaped");
	CHECK_STR(event_property(&cal, uid, "DTSTART"), "20300115T130000", "DTSTART in Asia/Vladivostok");
}

/* The calendar of a centre that does not exist. */
static void unknown_centre_calendar_is_404(void)
{
	CHECK_INT(http_get("/centres/no-such-centre/events.ics", NULL)->status, 404, "unknown centre");
}

const struct check ical_checks[] = {
	{ "iCalendar: every calendar has CRLF lines of at most 75 octets, whole UTF-8, nested components with "
	  "their required properties", every_calendar_is_valid },
	{ "iCalendar: /events.ics holds the public events with stable UIDs, local DTSTART, STATUS:CANCELLED",
	  events_match_database },
	{ "iCalendar: semicolons, commas, backslashes and line breaks are escaped and round-trip",
	  text_escaping_round_trips },
	{ "iCalendar: unknown centre is 404", unknown_centre_calendar_is_404 },
	CHECK_END,
};
