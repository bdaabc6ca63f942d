/* config.h: the program's settings, read from an INI file (libinih) and then
 * overridden by environment variables RCHUB_<SECTION>_<KEY>. */
#ifndef RCHUB_CONFIG_H
#define RCHUB_CONFIG_H

#define CONFIG_STR_MAX 512

struct config {
	/* [server] */
	char listen[CONFIG_STR_MAX];      /* unix socket path of the FastCGI listener */
	int workers;                      /* 0 = 2 x cores */
	char templates[CONFIG_STR_MAX];   /* folder of *.tpl */
	int secure_cookies;               /* 1 when served over https */
	/* [database] */
	char db_socket[CONFIG_STR_MAX];
	char db_host[CONFIG_STR_MAX];     /* used when db_socket is empty */
	int db_port;
	char db_user[CONFIG_STR_MAX];
	char db_password[CONFIG_STR_MAX];
	char db_name[CONFIG_STR_MAX];
	char db_read_dsn[CONFIG_STR_MAX]; /* read replica: "unix:/path" or "tcp:host:port"; "" = none */
	/* [site] */
	char base_url[CONFIG_STR_MAX];    /* absolute URL of the site, no trailing slash */
	char site_name[CONFIG_STR_MAX];
	char region_slug[CONFIG_STR_MAX];
	char region_name[CONFIG_STR_MAX];
	char time_zone[CONFIG_STR_MAX];
	/* [publisher]: identity of the open-data publisher */
	char publisher_name[CONFIG_STR_MAX];
	char publisher_inn[CONFIG_STR_MAX];
	char publisher_person[CONFIG_STR_MAX];
	char publisher_email[CONFIG_STR_MAX];
	char publisher_phone[CONFIG_STR_MAX];
	/* [mail]: notifications, delivered by rchub-admin deliver */
	char mail_sendmail[CONFIG_STR_MAX]; /* shell command reading one RFC 5322 message on stdin */
	char mail_from[CONFIG_STR_MAX];     /* the From address, a plain e-mail address */
};

/* Fills cfg with defaults, then the file (when path is not NULL), then the
 * environment. Returns 0, or -1 with a human-readable reason in err. */
int config_load(struct config *cfg, const char *path, char *err, int errlen);

/* Applies one "section.key = value" setting; used by the INI reader and the
 * fuzz harness. Returns 0, or -1 for an unknown key or a bad value. */
int config_set(struct config *cfg, const char *section, const char *key, const char *value);

/* The configuration the running process uses (set once at start-up). */
void config_install(const struct config *cfg);
const struct config *config_current(void);

#endif
