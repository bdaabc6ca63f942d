/* store.h: the only code that speaks SQL, one file per aggregate. Each
 * function returns rows in the request arena (NULL when the query failed);
 * the enums name the columns of what it returns. */
#ifndef RCHUB_STORE_H
#define RCHUB_STORE_H

#include "../db.h"

/* Id of the row a unique key (slug, INN) names through query q: 0 when none, -1 on failure. */
long long store_id_by_key(arena *mem, struct db_query *q, const char *slug);

/* districts.c */
enum { DISTRICT_ID, DISTRICT_SLUG, DISTRICT_NAME, DISTRICT_KIND, DISTRICT_OKTMO };
struct db_rows *districts_all(arena *mem);
/* 0 when no district has this slug, -1 on failure. */
long long district_id_by_slug(arena *mem, const char *slug);

/* categories.c */
enum { CATEGORY_ID, CATEGORY_PARENT_ID, CATEGORY_SLUG, CATEGORY_NAME, CATEGORY_DESCRIPTION };
/* Top-level groups first, each followed by its children. */
struct db_rows *categories_all(arena *mem);
long long category_id_by_slug(arena *mem, const char *slug);

/* centres.c */
enum {
	CENTRE_ID, CENTRE_SLUG, CENTRE_NAME, CENTRE_SHORT_NAME, CENTRE_IS_DEMO, CENTRE_DESCRIPTION,
	CENTRE_ADDRESS, CENTRE_PHONE, CENTRE_EMAIL, CENTRE_WEBSITE, CENTRE_HOURS, CENTRE_INN,
	CENTRE_OGRN, CENTRE_DISTRICT_NAME, CENTRE_DISTRICT_SLUG, CENTRE_SERVICE_COUNT
};
struct db_rows *centres_all(arena *mem);
struct db_rows *centre_by_slug(arena *mem, const char *slug);
/* Districts served by a centre: DISTRICT_* columns. */
struct db_rows *centre_districts(arena *mem, long long centre_id);

/* services.c */
enum {
	SERVICE_ID, SERVICE_TITLE, SERVICE_SUMMARY, SERVICE_TARGET, SERVICE_FORMAT, SERVICE_COST,
	SERVICE_CENTRE_SLUG, SERVICE_CENTRE_NAME, SERVICE_CATEGORY_SLUG, SERVICE_CATEGORY_NAME,
	SERVICE_LIST_COLUMNS
};
/* Extra columns of service_by_id, after the list columns. */
enum {
	SERVICE_DESCRIPTION = SERVICE_LIST_COLUMNS, SERVICE_PRICE_NOTE, SERVICE_ELIGIBILITY,
	SERVICE_CONTACT_NAME, SERVICE_CONTACT_PHONE, SERVICE_CONTACT_EMAIL, SERVICE_STATUS,
	SERVICE_UPDATED_AT, SERVICE_PARENT_CATEGORY_NAME, SERVICE_PARENT_CATEGORY_SLUG
};

/* Catalogue filters; 0 or "" means "any". */
struct service_filter {
	const char *fulltext;  /* boolean-mode query from stem_boolean_query() */
	long long district_id;
	long long category_id; /* matches the category and its children */
	const char *target;
	const char *format;
	const char *cost;
};

struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset);
long long services_count(arena *mem, const struct service_filter *f);
struct db_rows *service_by_id(arena *mem, long long id);
struct db_rows *services_of_centre(arena *mem, long long centre_id);
struct db_rows *services_newest(arena *mem, int limit);
/* Districts where a service is available: DISTRICT_* columns. */
struct db_rows *service_districts(arena *mem, long long service_id);

/* ngos.c */
enum {
	NGO_ID, NGO_NAME, NGO_SHORT_NAME, NGO_LEGAL_FORM, NGO_INN, NGO_OGRN, NGO_DISTRICT_NAME,
	NGO_DISTRICT_SLUG, NGO_ACTIVITY, NGO_LIST_COLUMNS
};
enum {
	NGO_ADDRESS = NGO_LIST_COLUMNS, NGO_PHONE, NGO_EMAIL, NGO_WEBSITE, NGO_REGISTERED_ON, NGO_IS_DEMO
};
struct ngo_filter {
	const char *fulltext;
	long long district_id;
};
struct db_rows *ngos_search(arena *mem, const struct ngo_filter *f, int limit, int offset);
long long ngos_count(arena *mem, const struct ngo_filter *f);
struct db_rows *ngo_by_id(arena *mem, long long id);
/* Id of the NGO with this INN: 0 when none, -1 on failure. */
long long ngo_id_by_inn(arena *mem, const char *inn);

/* stats for the home page */
enum { STATS_SERVICES, STATS_NGOS, STATS_DISTRICTS, STATS_CENTRES };
struct db_rows *catalogue_stats(arena *mem);

/* requests.c: service requests and their history */

/* news.c, events.c, and the writes of services.c and centres.c */

/* feeds.c: what feeds, open data and the API read */

/* users.c */
enum {
	USER_ID, USER_NAME, USER_EMAIL, USER_PASSWORD_HASH, USER_ROLE, USER_CENTRE_ID, USER_NGO_ID,
	USER_IS_ACTIVE, USER_IS_LOCKED, USER_LOCKED_UNTIL
};
struct new_user {
	const char *email, *name, *password_hash, *role, *phone;
	long long centre_id, ngo_id; /* 0 = none */
};
struct db_rows *user_by_email(arena *mem, const char *email);
struct db_rows *user_by_id(arena *mem, long long id);
/* Returns the new id, 0 when the e-mail is taken, -1 on failure. */
long long user_create(const struct new_user *u);
int user_set_password(long long id, const char *hash);
int user_set_role(long long id, const char *role, long long centre_id);
int user_lock(const char *email, int minutes);
int login_failure_record(const char *email, const char *address);
long long login_failures_for_email(arena *mem, const char *email, int minutes);
long long login_failures_for_address(arena *mem, const char *address, int minutes);
int login_failures_clear(const char *email);

/* audit.c */
struct request;
struct audit_field {
	const char *name;
	const char *before; /* NULL = did not exist */
	const char *after;  /* NULL = removed */
};
/* Keeps only the fields whose value changed; returns how many remain. */
size_t audit_changed(struct audit_field *fields, size_t n);
/* The before (after=false) or after values as a JSON object, NULL if n == 0. */
char *audit_json(arena *mem, const struct audit_field *fields, size_t n, bool after);
/* Records one change by req->user. Returns 0 or -1. */
int audit_record(const struct request *req, const char *action, const char *entity, long long entity_id,
                 long long centre_id, const struct audit_field *fields, size_t n);

/* outbox.c */
int outbox_enqueue(const char *recipient, const char *subject, const char *body);
/* Queues one message to every active staff member of a centre. */
int outbox_enqueue_centre_staff(arena *mem, long long centre_id, const char *subject, const char *body);

#endif
