/* store.h: the only code that speaks SQL, one file per aggregate. Each
 * function returns rows in the request arena (NULL when the query failed);
 * the enums name the columns of what it returns. */
#ifndef RCHUB_STORE_H
#define RCHUB_STORE_H

#include "../db.h"

/* Id of the row a slug names through query q: 0 when none, -1 on failure. */
long long store_id_by_slug(arena *mem, struct db_query *q, const char *slug);

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

/* stats for the home page */
enum { STATS_SERVICES, STATS_NGOS, STATS_DISTRICTS, STATS_CENTRES };
struct db_rows *catalogue_stats(arena *mem);

#endif
