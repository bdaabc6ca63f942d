/* config.c: reads the INI file with libinih into struct config through one
 * table of known keys, then applies RCHUB_<SECTION>_<KEY> environment
 * overrides. Unknown keys and bad numbers are errors, so a typo in the file
 * stops the program at start-up with a clear message instead of being ignored. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum setting_type { SET_STR, SET_INT, SET_BOOL };

struct setting {
	const char *section;
	const char *key;
	enum setting_type type;
	size_t offset;
	const char *default_value;
};

#define S(sec, key, type, field, def) { sec, key, type, offsetof(struct config, field), def }
static const struct setting settings[] = {
	S("server", "listen", SET_STR, listen, "var/run/rchub.sock"),
	S("server", "workers", SET_INT, workers, "0"),
	S("server", "templates", SET_STR, templates, "templates"),
	S("server", "secure_cookies", SET_BOOL, secure_cookies, "0"),
	S("database", "socket", SET_STR, db_socket, "var/run/mariadb.sock"),
	S("database", "host", SET_STR, db_host, ""),
	S("database", "port", SET_INT, db_port, "3306"),
	S("database", "user", SET_STR, db_user, "rchub_app"),
	S("database", "password", SET_STR, db_password, ""),
	S("database", "name", SET_STR, db_name, "rchub"),
	S("database", "read_dsn", SET_STR, db_read_dsn, ""),
	S("site", "base_url", SET_STR, base_url, "http://127.0.0.1:8080"),
	S("site", "name", SET_STR, site_name, "Ресурсные центры НКО"),
	S("site", "region_slug", SET_STR, region_slug, "khabarovsk-krai"),
	S("site", "region_name", SET_STR, region_name, "Хабаровский край"),
	S("site", "time_zone", SET_STR, time_zone, "Asia/Vladivostok"),
	S("publisher", "name", SET_STR, publisher_name, ""),
	S("publisher", "inn", SET_STR, publisher_inn, ""),
	S("publisher", "person", SET_STR, publisher_person, ""),
	S("publisher", "email", SET_STR, publisher_email, ""),
	S("publisher", "phone", SET_STR, publisher_phone, ""),
	S("mail", "sendmail", SET_STR, mail_sendmail, "/usr/sbin/sendmail -t -i"),
	S("mail", "from", SET_STR, mail_from, "noreply@example.org"),
};
#undef S
#define NSETTINGS (sizeof settings / sizeof settings[0])

/* Parses a decimal int in [0, 1000000]; returns -1 when it is not one. */
static int parse_small_int(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > 1000000)
		return -1;
	*out = (int)v;
	return 0;
}

static int apply(struct config *cfg, const struct setting *s, const char *value)
{
	char *field = (char *)cfg + s->offset;
	switch (s->type) {
	case SET_STR:
		if (strlen(value) >= CONFIG_STR_MAX)
			return -1;
		strcpy(field, value);
		return 0;
	case SET_INT:
		return parse_small_int(value, (int *)field);
	case SET_BOOL:
		if (strcmp(value, "1") == 0 || strcasecmp(value, "true") == 0 || strcasecmp(value, "yes") == 0)
			*(int *)field = 1;
		else if (strcmp(value, "0") == 0 || strcasecmp(value, "false") == 0 || strcasecmp(value, "no") == 0)
			*(int *)field = 0;
		else
			return -1;
		return 0;
	}
	return -1;
}

int config_set(struct config *cfg, const char *section, const char *key, const char *value)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].section, section) == 0 && strcmp(settings[i].key, key) == 0)
			return apply(cfg, &settings[i], value);
	return -1;
}

struct ini_state {
	struct config *cfg;
	char *err;
	int errlen;
	int failed;
};

static int on_ini_pair(void *user, const char *section, const char *key, const char *value)
{
	struct ini_state *st = user;
	if (config_set(st->cfg, section, key, value) != 0) {
		if (!st->failed)
			snprintf(st->err, (size_t)st->errlen,
			         "config: unknown setting or bad value [%s] %s = %s", section, key, value);
		st->failed = 1;
		return 0;
	}
	return 1;
}

/* libinih (as Debian builds it) reads lines of at most this many bytes; a
 * longer one is reported as a syntax error on the line after it. */
#define CONFIG_LINE_MAX 199

/* The number of the first line of path longer than CONFIG_LINE_MAX, or 0. */
static int first_long_line(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	int c, line = 1, len = 0, found = 0;
	while (!found && (c = getc(f)) != EOF) {
		if (c == '\n') {
			line++;
			len = 0;
		} else if (++len > CONFIG_LINE_MAX) {
			found = line;
		}
	}
	fclose(f);
	return found;
}

/* RCHUB_DATABASE_SOCKET for section "database", key "socket". */
static void env_name(const struct setting *s, char *buf, size_t len)
{
	snprintf(buf, len, "RCHUB_%s_%s", s->section, s->key);
	for (char *p = buf; *p; p++)
		*p = (char)toupper((unsigned char)*p);
}

int config_load(struct config *cfg, const char *path, char *err, int errlen)
{
	memset(cfg, 0, sizeof *cfg);
	for (size_t i = 0; i < NSETTINGS; i++)
		apply(cfg, &settings[i], settings[i].default_value);

	if (path != NULL) {
		struct ini_state st = { cfg, err, errlen, 0 };
		int rc = ini_parse(path, on_ini_pair, &st);
		if (rc == -1) {
			snprintf(err, (size_t)errlen, "config: cannot open %s: %s", path, strerror(errno));
			return -1;
		}
		if (st.failed)
			return -1;
		if (rc > 0) {
			int long_line = first_long_line(path);
			if (long_line > 0)
				snprintf(err, (size_t)errlen, "config: line %d of %s is longer than %d bytes", long_line, path,
				         CONFIG_LINE_MAX);
			else
				snprintf(err, (size_t)errlen, "config: syntax error in %s at line %d", path, rc);
			return -1;
		}
	}
	for (size_t i = 0; i < NSETTINGS; i++) {
		char name[128];
		env_name(&settings[i], name, sizeof name);
		const char *v = getenv(name);
		if (v != NULL && apply(cfg, &settings[i], v) != 0) {
			snprintf(err, (size_t)errlen, "config: bad value in environment %s=%s", name, v);
			return -1;
		}
	}
	return 0;
}

static const struct config *installed;

void config_install(const struct config *cfg)
{
	installed = cfg;
}

const struct config *config_current(void)
{
	return installed;
}
