/* test_config.c: unit tests of configuration loading (fcgi/config.c):
 * defaults, an INI file read with libinih, errors for unknown keys, bad
 * numbers and missing files, and RCHUB_<SECTION>_<KEY> overrides. Every test
 * starts with no RCHUB_* variable in the environment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

extern char **environ;

struct fixture {
	struct config cfg;
	char path[64];
	char err[512];
};

/* Removes every RCHUB_* variable so the host's environment cannot leak in. */
static void clear_rchub_env(void)
{
	for (;;) {
		char name[256] = "";
		for (char **e = environ; *e != NULL; e++) {
			if (strncmp(*e, "RCHUB_", 6) == 0) {
				size_t n = strcspn(*e, "=");
				if (n < sizeof name) {
					memcpy(name, *e, n);
					name[n] = '\0';
				}
				break;
			}
		}
		if (name[0] == '\0')
			return;
		unsetenv(name);
	}
}

static int setup(void **state)
{
	clear_rchub_env();
	struct fixture *f = calloc(1, sizeof *f);
	strcpy(f->path, "/tmp/rchub-test-config-XXXXXX");
	int fd = mkstemp(f->path);
	if (fd < 0)
		return -1;
	close(fd);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	unlink(f->path);
	free(f);
	clear_rchub_env();
	return 0;
}

/* Writes text to the fixture's INI file and loads it; returns config_load's result. */
static int load_ini(struct fixture *f, const char *text)
{
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	f->err[0] = '\0';
	return config_load(&f->cfg, f->path, f->err, sizeof f->err);
}

static void test_defaults_without_file(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_string_equal(f->cfg.listen, "var/run/rchub.sock");
	assert_int_equal(f->cfg.workers, 0);
	assert_string_equal(f->cfg.templates, "templates");
	assert_int_equal(f->cfg.secure_cookies, 0);
	assert_string_equal(f->cfg.db_socket, "var/run/mariadb.sock");
	assert_string_equal(f->cfg.db_host, "");
	assert_int_equal(f->cfg.db_port, 3306);
	assert_string_equal(f->cfg.db_user, "rchub_app");
	assert_string_equal(f->cfg.db_password, "");
	assert_string_equal(f->cfg.db_name, "rchub");
	assert_string_equal(f->cfg.base_url, "http://127.0.0.1:8080");
	assert_string_equal(f->cfg.region_slug, "khabarovsk-krai");
	assert_string_equal(f->cfg.region_name, "Хабаровский край");
	assert_string_equal(f->cfg.time_zone, "Asia/Vladivostok");
	assert_string_equal(f->cfg.publisher_inn, "");
}

static void test_empty_file_keeps_defaults(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, ""), 0);
	assert_int_equal(f->cfg.db_port, 3306);
	assert_string_equal(f->cfg.db_name, "rchub");
}

static void test_ini_file_values_parsed(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f,
	                          "; rchub settings\n"
	                          "[server]\n"
	                          "listen = /run/rchub/rchub.sock\n"
	                          "workers = 8\n"
	                          "templates = /usr/share/rchub/templates\n"
	                          "secure_cookies = yes\n"
	                          "\n"
	                          "[database]\n"
	                          "socket = /run/mysqld/mysqld.sock\n"
	                          "port = 3307\n"
	                          "user = rchub\n"
	                          "password = s3cret=with=equals\n"
	                          "name = rchub_prod\n"
	                          "# another comment style\n"
	                          "[site]\n"
	                          "base_url = https://nko.khabkrai.ru\n"
	                          "name = Ресурсные центры НКО Хабаровского края\n"
	                          "[publisher]\n"
	                          "inn = 2721000000\n"
	                          "email = opendata@khabkrai.ru\n"),
	                 0);
	assert_string_equal(f->cfg.listen, "/run/rchub/rchub.sock");
	assert_int_equal(f->cfg.workers, 8);
	assert_string_equal(f->cfg.templates, "/usr/share/rchub/templates");
	assert_int_equal(f->cfg.secure_cookies, 1);
	assert_string_equal(f->cfg.db_socket, "/run/mysqld/mysqld.sock");
	assert_int_equal(f->cfg.db_port, 3307);
	assert_string_equal(f->cfg.db_user, "rchub");
	assert_string_equal(f->cfg.db_password, "s3cret=with=equals");
	assert_string_equal(f->cfg.db_name, "rchub_prod");
	assert_string_equal(f->cfg.base_url, "https://nko.khabkrai.ru");
	assert_string_equal(f->cfg.site_name, "Ресурсные центры НКО Хабаровского края");
	assert_string_equal(f->cfg.publisher_inn, "2721000000");
	assert_string_equal(f->cfg.publisher_email, "opendata@khabkrai.ru");
	/* untouched keys keep their defaults */
	assert_string_equal(f->cfg.time_zone, "Asia/Vladivostok");
	assert_string_equal(f->cfg.db_host, "");
}

static void test_ini_spaces_around_values_trimmed(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[database]\n   user   =   spaced   \n"), 0);
	assert_string_equal(f->cfg.db_user, "spaced");
}

static void test_ini_empty_value_clears_default(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[database]\nsocket =\nhost = db.internal\n"), 0);
	assert_string_equal(f->cfg.db_socket, "");
	assert_string_equal(f->cfg.db_host, "db.internal");
}

static void test_ini_later_value_wins(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nworkers = 2\nworkers = 5\n"), 0);
	assert_int_equal(f->cfg.workers, 5);
}

static void test_bool_spellings(void **state)
{
	struct fixture *f = *state;
	static const char *const yes[] = { "1", "true", "TRUE", "yes", "Yes" };
	static const char *const no[] = { "0", "false", "False", "no", "NO" };
	char ini[128];
	for (size_t i = 0; i < 5; i++) {
		snprintf(ini, sizeof ini, "[server]\nsecure_cookies = %s\n", yes[i]);
		assert_int_equal(load_ini(f, ini), 0);
		assert_int_equal(f->cfg.secure_cookies, 1);
		snprintf(ini, sizeof ini, "[server]\nsecure_cookies = %s\n", no[i]);
		assert_int_equal(load_ini(f, ini), 0);
		assert_int_equal(f->cfg.secure_cookies, 0);
	}
}

static void test_unknown_key_is_error_naming_it(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[database]\nsocket = /x\npasswd = oops\n"), -1);
	assert_non_null(strstr(f->err, "passwd"));
	assert_non_null(strstr(f->err, "database"));
}

static void test_unknown_section_is_error(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[databse]\nsocket = /x\n"), -1);
	assert_non_null(strstr(f->err, "databse"));
}

static void test_key_outside_any_section_is_error(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "workers = 4\n"), -1);
	assert_non_null(strstr(f->err, "workers"));
}

static void test_keys_are_case_sensitive(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[Server]\nworkers = 4\n"), -1);
	assert_int_equal(load_ini(f, "[server]\nWorkers = 4\n"), -1);
}

static void test_first_error_is_reported(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nfirst_bad = 1\nsecond_bad = 2\n"), -1);
	assert_non_null(strstr(f->err, "first_bad"));
	assert_null(strstr(f->err, "second_bad"));
}

static void test_bad_integer_is_error(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "abc", "4x", "-1", "1.5", "0x10", "1000001", "99999999999999999999" };
	char ini[128];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(ini, sizeof ini, "[database]\nport = %s\n", bad[i]);
		if (load_ini(f, ini) != -1)
			fail_msg("port = %s should be rejected", bad[i]);
		assert_non_null(strstr(f->err, "port"));
	}
}

static void test_empty_integer_is_error(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nworkers =\n"), -1);
}

static void test_integer_limits_accepted(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nworkers = 0\n[database]\nport = 1000000\n"), 0);
	assert_int_equal(f->cfg.workers, 0);
	assert_int_equal(f->cfg.db_port, 1000000);
}

static void test_bad_bool_is_error(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nsecure_cookies = maybe\n"), -1);
	assert_non_null(strstr(f->err, "secure_cookies"));
	assert_int_equal(load_ini(f, "[server]\nsecure_cookies = 2\n"), -1);
}

static void test_syntax_error_reports_line(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nworkers = 2\nthis line has no equals sign\n"), -1);
	assert_non_null(strstr(f->err, "line 3"));
}

static void test_line_longer_than_inih_limit_is_error_not_truncated(void **state)
{
	/* Debian's libinih reads lines of at most 200 bytes: a longer value must
	 * stop start-up rather than be silently cut. */
	struct fixture *f = *state;
	char ini[400] = "[database]\npassword = ";
	size_t len = strlen(ini);
	memset(ini + len, 'p', 300);
	strcpy(ini + len + 300, "\n");
	assert_int_equal(load_ini(f, ini), -1);
	assert_string_not_equal(f->err, "");
}

static void test_missing_file_is_error(void **state)
{
	struct fixture *f = *state;
	const char *missing = "/nonexistent/rchub/rchub.ini";
	f->err[0] = '\0';
	assert_int_equal(config_load(&f->cfg, missing, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, missing));
	assert_non_null(strstr(f->err, "No such file"));
}

static void test_env_override_database_socket_wins_over_file(void **state)
{
	struct fixture *f = *state;
	setenv("RCHUB_DATABASE_SOCKET", "/tmp/env.sock", 1);
	assert_int_equal(load_ini(f, "[database]\nsocket = /from/file.sock\nname = fromfile\n"), 0);
	assert_string_equal(f->cfg.db_socket, "/tmp/env.sock");
	assert_string_equal(f->cfg.db_name, "fromfile");
}

static void test_env_override_without_file(void **state)
{
	struct fixture *f = *state;
	setenv("RCHUB_DATABASE_PASSWORD", "pw from env", 1);
	setenv("RCHUB_SERVER_WORKERS", "3", 1);
	setenv("RCHUB_SITE_BASE_URL", "https://example.org", 1);
	setenv("RCHUB_SERVER_SECURE_COOKIES", "true", 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_string_equal(f->cfg.db_password, "pw from env");
	assert_int_equal(f->cfg.workers, 3);
	assert_string_equal(f->cfg.base_url, "https://example.org");
	assert_int_equal(f->cfg.secure_cookies, 1);
}

static void test_env_empty_value_overrides(void **state)
{
	struct fixture *f = *state;
	setenv("RCHUB_DATABASE_SOCKET", "", 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_string_equal(f->cfg.db_socket, "");
}

static void test_env_bad_integer_is_error_naming_variable(void **state)
{
	struct fixture *f = *state;
	setenv("RCHUB_DATABASE_PORT", "port", 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "RCHUB_DATABASE_PORT"));
}

static void test_env_name_is_uppercase_only(void **state)
{
	struct fixture *f = *state;
	setenv("rchub_database_socket", "/lower.sock", 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_string_equal(f->cfg.db_socket, "var/run/mariadb.sock");
	unsetenv("rchub_database_socket");
}

static void test_unknown_env_variable_ignored(void **state)
{
	struct fixture *f = *state;
	setenv("RCHUB_DATABASE_PASSWD", "x", 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_string_equal(f->cfg.db_password, "");
}

static void test_string_at_max_len_via_env_rejected(void **state)
{
	struct fixture *f = *state;
	char v[CONFIG_STR_MAX + 1];
	memset(v, 'a', CONFIG_STR_MAX);
	v[CONFIG_STR_MAX] = '\0';
	setenv("RCHUB_SERVER_TEMPLATES", v, 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), -1);
	v[CONFIG_STR_MAX - 1] = '\0';
	setenv("RCHUB_SERVER_TEMPLATES", v, 1);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(strlen(f->cfg.templates), CONFIG_STR_MAX - 1);
}

static void test_load_resets_previous_values(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(load_ini(f, "[server]\nworkers = 9\n"), 0);
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(f->cfg.workers, 0);
}

static void test_config_set_applies_one_setting(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(config_set(&f->cfg, "database", "port", "3310"), 0);
	assert_int_equal(f->cfg.db_port, 3310);
	assert_int_equal(config_set(&f->cfg, "site", "time_zone", "Asia/Magadan"), 0);
	assert_string_equal(f->cfg.time_zone, "Asia/Magadan");
}

static void test_config_set_rejects_unknown_or_bad_and_keeps_value(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(config_load(&f->cfg, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(config_set(&f->cfg, "database", "nope", "1"), -1);
	assert_int_equal(config_set(&f->cfg, "database", "port", "x"), -1);
	assert_int_equal(f->cfg.db_port, 3306);
	assert_int_equal(config_set(&f->cfg, "", "port", "1"), -1);
}

static void test_small_error_buffer_is_terminated(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->path, "w");
	fputs("[database]\nunknown_key_with_a_long_name = value\n", fp);
	fclose(fp);
	char err[16];
	memset(err, 'x', sizeof err);
	assert_int_equal(config_load(&f->cfg, f->path, err, sizeof err), -1);
	assert_int_equal(strlen(err), sizeof err - 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_defaults_without_file),
		T(test_empty_file_keeps_defaults),
		T(test_ini_file_values_parsed),
		T(test_ini_spaces_around_values_trimmed),
		T(test_ini_empty_value_clears_default),
		T(test_ini_later_value_wins),
		T(test_bool_spellings),
		T(test_unknown_key_is_error_naming_it),
		T(test_unknown_section_is_error),
		T(test_key_outside_any_section_is_error),
		T(test_keys_are_case_sensitive),
		T(test_first_error_is_reported),
		T(test_bad_integer_is_error),
		T(test_empty_integer_is_error),
		T(test_integer_limits_accepted),
		T(test_bad_bool_is_error),
		T(test_syntax_error_reports_line),
		T(test_line_longer_than_inih_limit_is_error_not_truncated),
		T(test_missing_file_is_error),
		T(test_env_override_database_socket_wins_over_file),
		T(test_env_override_without_file),
		T(test_env_empty_value_overrides),
		T(test_env_bad_integer_is_error_naming_variable),
		T(test_env_name_is_uppercase_only),
		T(test_unknown_env_variable_ignored),
		T(test_string_at_max_len_via_env_rejected),
		T(test_load_resets_previous_values),
		T(test_config_set_applies_one_setting),
		T(test_config_set_rejects_unknown_or_bad_and_keeps_value),
		T(test_small_error_buffer_is_terminated),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
