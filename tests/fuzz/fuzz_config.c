/* fuzz_config.c: fuzzes the INI configuration path with the input as the
 * file's text (up to its first NUL, as a C string reader sees it).
 * 1. libinih's ini_parse_string() hands every pair to config_set(), the way
 *    config_load()'s callback does; afterwards every string field must still
 *    be NUL-terminated inside its array and every number in its range.
 * 2. config_load() reads the same text from a file (a memfd created once per
 *    run, rewritten per input) and must agree: it succeeds exactly when the
 *    text parsed cleanly and every pair was accepted, and then yields the same
 *    struct config byte for byte. RCHUB_* variables are removed from the
 *    environment at start so that both see the same defaults.
 * 3. The whole text goes to config_set() for every known key, as an
 *    RCHUB_<SECTION>_<KEY> environment override would (libinih cuts lines at
 *    200 bytes, the environment does not): a string must be taken exactly
 *    when it fits CONFIG_STR_MAX, and the invariants of 1 must still hold. */
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

#include <ini.h>

#include "config.h"
#include "fuzz.h"

extern char **environ;
static int file_fd = -1;
static char file_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	for (;;) {
		char **e = environ;
		while (*e != NULL && strncmp(*e, "RCHUB_", 6) != 0)
			e++;
		if (*e == NULL)
			break;
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)strcspn(*e, "="), *e);
		unsetenv(name);
	}
	file_fd = memfd_create("fuzz_config.ini", 0);
	CHECK(file_fd >= 0);
	snprintf(file_path, sizeof file_path, "/proc/self/fd/%d", file_fd);
	return 0;
}

/* The keys of config.c's table, with the field of string settings (-1 for
 * numbers and booleans). Keep in step with config.c. */
static const struct {
	const char *section, *key;
	long string_field;
} keys[] = {
#define STR(sec, key, field) { sec, key, (long)offsetof(struct config, field) }
#define NUM(sec, key) { sec, key, -1 }
	STR("server",    "listen",         listen),
	NUM("server",    "workers"),
	STR("server",    "templates",      templates),
	NUM("server",    "secure_cookies"),
	STR("database",  "socket",         db_socket),
	STR("database",  "host",           db_host),
	NUM("database",  "port"),
	STR("database",  "user",           db_user),
	STR("database",  "password",       db_password),
	STR("database",  "name",           db_name),
	STR("database",  "read_dsn",       db_read_dsn),
	STR("site",      "base_url",       base_url),
	STR("site",      "name",           site_name),
	STR("site",      "region_slug",    region_slug),
	STR("site",      "region_name",    region_name),
	STR("site",      "time_zone",      time_zone),
	STR("publisher", "name",           publisher_name),
	STR("publisher", "inn",            publisher_inn),
	STR("publisher", "person",         publisher_person),
	STR("publisher", "email",          publisher_email),
	STR("publisher", "phone",          publisher_phone),
#undef STR
#undef NUM
};

struct pairs {
	struct config *cfg;
	bool rejected;
};

static int on_pair(void *user, const char *section, const char *key, const char *value)
{
	struct pairs *p = user;
	if (config_set(p->cfg, section, key, value) != 0)
		p->rejected = true;
	return 1;
}

static void check_config(const struct config *c)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].string_field >= 0)
			CHECK(memchr((const char *)c + keys[i].string_field, '\0', CONFIG_STR_MAX) != NULL);
	CHECK(c->workers >= 0 && c->workers <= 1000000);
	CHECK(c->db_port >= 0 && c->db_port <= 1000000);
	CHECK(c->secure_cookies == 0 || c->secure_cookies == 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstring(data, size);
	char err[256];
	static struct config from_string, from_file;

	CHECK(config_load(&from_string, NULL, err, sizeof err) == 0);
	struct pairs p = { &from_string, false };
	int rc = ini_parse_string(text, on_pair, &p);
	check_config(&from_string);

	size_t len = strlen(text);
	CHECK(ftruncate(file_fd, 0) == 0);
	CHECK(pwrite(file_fd, text, len, 0) == (ssize_t)len);
	err[0] = '\0';
	int loaded = config_load(&from_file, file_path, err, sizeof err);
	CHECK(loaded == 0 || loaded == -1);
	CHECK(loaded == 0 || (err[0] != '\0' && memchr(err, '\0', sizeof err) != NULL));
	CHECK((loaded == 0) == (rc == 0 && !p.rejected));
	if (loaded == 0) {
		check_config(&from_file);
		CHECK(memcmp(&from_string, &from_file, sizeof from_file) == 0);
	}

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		int set = config_set(&from_string, keys[i].section, keys[i].key, text);
		check_config(&from_string);
		if (keys[i].string_field < 0)
			continue;
		const char *field = (const char *)&from_string + keys[i].string_field;
		CHECK((set == 0) == (len < CONFIG_STR_MAX));
		CHECK(set != 0 || strcmp(field, text) == 0);
	}

	free(text);
	return 0;
}
