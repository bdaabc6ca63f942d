/* fuzz_config.c: fuzzes the INI configuration path with the input as the
 * file's text (up to its first NUL, as a C string reader sees it).
 * 1. libinih's ini_parse_string() hands every pair to config_set(), the way
 *    config_load()'s callback does; afterwards every string field must still
 *    be NUL-terminated inside its array and every number in its range.
 * 2. config_load() reads the same text from a file (a memfd created once per
 *    run, rewritten per input) and must agree: it succeeds exactly when the
 *    text parsed cleanly and every pair was accepted, and then yields the same
 *    struct config byte for byte. RCHUB_* variables are removed from the
 *    environment at start so that both see the same defaults. */
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
	const char *strings[] = {
		c->listen, c->templates, c->db_socket, c->db_host, c->db_user, c->db_password,
		c->db_name, c->base_url, c->site_name, c->region_slug, c->region_name, c->time_zone,
		c->publisher_name, c->publisher_inn, c->publisher_person, c->publisher_email,
		c->publisher_phone,
	};
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
		CHECK(memchr(strings[i], '\0', CONFIG_STR_MAX) != NULL);
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

	free(text);
	return 0;
}
