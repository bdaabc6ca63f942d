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
	const char *modified_after; /* UTC "YYYY-MM-DD HH:MM:SS": changed at or after it */
	bool include_archived;      /* archived services too (the API's sync needs them) */
};

struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset);
/* The API's view of services_search and service_by_id: the list columns,
 * then SERVICE_FULL_*. */
enum {
	SERVICE_FULL_DESCRIPTION = SERVICE_LIST_COLUMNS, SERVICE_FULL_PRICE_NOTE, SERVICE_FULL_ELIGIBILITY,
	SERVICE_FULL_CONTACT_NAME, SERVICE_FULL_CONTACT_PHONE, SERVICE_FULL_CONTACT_EMAIL, SERVICE_FULL_STATUS,
	SERVICE_FULL_UPDATED_AT, SERVICE_FULL_CENTRE_ID, SERVICE_FULL_CATEGORY_ID
};
struct db_rows *services_search_full(arena *mem, const struct service_filter *f, int limit, int offset);
struct db_rows *service_full_by_id(arena *mem, long long id);
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
enum { TARGET_SERVICE_ID, TARGET_SERVICE_CENTRE_ID, TARGET_SERVICE_STATUS, TARGET_SERVICE_TITLE };
enum {
	REQUEST_ID, REQUEST_SERVICE_ID, REQUEST_SERVICE_TITLE, REQUEST_CENTRE_ID, REQUEST_CENTRE_SLUG,
	REQUEST_CENTRE_NAME, REQUEST_USER_ID, REQUEST_USER_NAME, REQUEST_USER_EMAIL, REQUEST_NGO_ID,
	REQUEST_NGO_NAME, REQUEST_TOPIC, REQUEST_MESSAGE, REQUEST_CONTACT_METHOD, REQUEST_CONTACT_VALUE,
	REQUEST_STATUS, REQUEST_CREATED_AT, REQUEST_UPDATED_AT
};
enum {
	HISTORY_ID, HISTORY_KIND, HISTORY_NOTE, HISTORY_ACTOR_NAME, HISTORY_CREATED_AT, HISTORY_FROM_CENTRE,
	HISTORY_TO_CENTRE
};
enum { LOCKED_STATUS, LOCKED_CENTRE_ID };
struct new_request {
	long long service_id, centre_id, user_id, ngo_id; /* ngo_id 0 = none */
	const char *topic, *message, *contact_method, *contact_value, *form_token;
};
struct request_event {
	long long request_id, actor_id;
	const char *kind, *note;
	long long from_centre_id, to_centre_id; /* 0 = none; set for a referral */
};
/* Inbox filters; 0 or "" means "any". Dates are UTC "YYYY-MM-DD HH:MM:SS". */
struct inbox_filter {
	long long centre_id; /* 0 = every centre (moderators) */
	long long service_id;
	const char *status;
	const char *from_utc; /* created at or after */
	const char *to_utc;   /* created before */
};
/* What a request form needs of a service: TARGET_SERVICE_* columns. */
struct db_rows *request_service(arena *mem, long long service_id);
/* Inserts a request: 1 with *id set, 0 when this user already sent this
 * form (UNIQUE user_id, form_token), -1 on failure. */
int request_insert(const struct new_request *r, long long *id);
/* The request a user sent with this form token: 0 when none, -1 on failure. */
long long request_id_by_form_token(arena *mem, long long user_id, const char *form_token);
/* One request (REQUEST_* columns), its owner's newest first, their count. */
struct db_rows *request_by_id(arena *mem, long long id);
struct db_rows *requests_of_user(arena *mem, long long user_id, int limit, int offset);
long long requests_count_of_user(arena *mem, long long user_id);
/* The history of a request, oldest first: HISTORY_* columns. */
struct db_rows *request_events(arena *mem, long long request_id);
int request_event_add(const struct request_event *e);
/* Locks a request for a change in the current transaction: LOCKED_* columns. */
struct db_rows *request_lock(arena *mem, long long id);
int request_set_state(long long id, const char *status, long long centre_id);
/* How many times centre_id referred this request away (-1 on failure). */
long long request_referred_from(arena *mem, long long id, long long centre_id);
/* The staff inbox: REQUEST_* columns, newest first; the total; the counts
 * per status under every filter but status (STATUS, COUNT rows). */
struct db_rows *inbox_search(arena *mem, const struct inbox_filter *f, int limit, int offset);
long long inbox_count(arena *mem, const struct inbox_filter *f);
struct db_rows *inbox_status_counts(arena *mem, const struct inbox_filter *f);
/* Services that have requests at a centre (0 = any centre): ID, TITLE rows. */
struct db_rows *inbox_services(arena *mem, long long centre_id);

/* news.c, events.c, and the writes of services.c and centres.c */
/* Id of the row of centre_id that the creation form with this one-time token
 * made, through query q (centre, token): 0 when none, -1 on failure. */
long long store_id_by_form_token(arena *mem, struct db_query *q, long long centre_id, const char *form_token);
/* Replaces the rows linking id to ids: clear (id) deletes, add (id, other) inserts. 0 or -1. */
int store_replace_links(struct db_query *clear, struct db_query *add, long long id, const long long *ids, size_t n);

/* centres.c, for the staff area */
struct centre_profile {
	const char *description, *address, *phone, *email, *website, *hours; /* website "" = none */
};
struct db_rows *centre_by_id(arena *mem, long long id);
/* 0 when no centre has this slug, -1 on failure. */
long long centre_id_by_slug(arena *mem, const char *slug);
int centre_update(long long id, const struct centre_profile *c);
int centre_set_districts(long long id, const long long *district_ids, size_t n);

/* services.c, for the staff area */
enum { SERVICE_STAFF_STATUS = SERVICE_LIST_COLUMNS }; /* after the list columns */
enum {
	SERVICE_EDIT_ID, SERVICE_EDIT_CENTRE_ID, SERVICE_EDIT_CATEGORY_ID, SERVICE_EDIT_TITLE,
	SERVICE_EDIT_SUMMARY, SERVICE_EDIT_DESCRIPTION, SERVICE_EDIT_TARGET, SERVICE_EDIT_FORMAT,
	SERVICE_EDIT_COST, SERVICE_EDIT_PRICE_NOTE, SERVICE_EDIT_ELIGIBILITY, SERVICE_EDIT_CONTACT_NAME,
	SERVICE_EDIT_CONTACT_PHONE, SERVICE_EDIT_CONTACT_EMAIL, SERVICE_EDIT_STATUS
};
struct service_input {
	long long category_id;
	const char *title, *summary, *description, *target, *format, *cost, *price_note, *eligibility;
	const char *contact_name, *contact_phone, *contact_email;
};
/* Every service of a centre, archived ones too: list columns + SERVICE_STAFF_STATUS. */
struct db_rows *services_of_centre_staff(arena *mem, long long centre_id);
/* One service's stored values (SERVICE_EDIT_*), whatever its status. */
struct db_rows *service_for_edit(arena *mem, long long id);
/* Returns the new id, 0 when this form token was already used, -1 on failure. */
long long service_create(long long centre_id, const struct service_input *s, const char *form_token);
long long service_id_by_form_token(arena *mem, long long centre_id, const char *form_token);
int service_update(long long id, const struct service_input *s);
int service_set_status(long long id, const char *status);
int service_set_districts(long long id, const long long *district_ids, size_t n);
/* Recomputes search_stems from the service's current text (as rchub-admin reindex). */
int service_reindex(arena *mem, long long id);

/* news.c */
enum {
	NEWS_ID, NEWS_CENTRE_ID, NEWS_CENTRE_SLUG, NEWS_CENTRE_NAME, NEWS_TITLE, NEWS_SUMMARY, NEWS_STATUS,
	NEWS_PUBLISHED_AT, NEWS_UPDATED_AT, NEWS_LIST_COLUMNS
};
enum { NEWS_BODY = NEWS_LIST_COLUMNS }; /* news_by_id only */
struct news_input {
	const char *title, *summary, *body;
};
/* Published news, newest first; centre_id 0 = every centre. */
struct db_rows *news_published(arena *mem, long long centre_id, int limit, int offset);
long long news_published_count(arena *mem, long long centre_id);
/* One item whatever its status (callers decide who may see a draft). */
struct db_rows *news_by_id(arena *mem, long long id);
/* A centre's news for its staff: drafts first, then newest first. */
struct db_rows *news_of_centre(arena *mem, long long centre_id);
/* Creates a draft. Returns the new id, 0 when the form token was used, -1 on failure. */
long long news_create(long long centre_id, long long author_id, const struct news_input *n, const char *form_token);
long long news_id_by_form_token(arena *mem, long long centre_id, const char *form_token);
int news_update(long long id, const struct news_input *n);
/* "draft" or "published"; the first publication sets published_at. */
int news_set_status(long long id, const char *status);

/* events.c */
enum {
	EVENT_ID, EVENT_CENTRE_ID, EVENT_CENTRE_SLUG, EVENT_CENTRE_NAME, EVENT_TITLE, EVENT_SUMMARY,
	EVENT_STATUS, EVENT_STARTS_AT, EVENT_ENDS_AT, EVENT_DISTRICT_ID, EVENT_DISTRICT_SLUG,
	EVENT_DISTRICT_NAME, EVENT_PLACE, EVENT_ONLINE_URL, EVENT_REGISTRATION_URL, EVENT_LIST_COLUMNS
};
enum { EVENT_DESCRIPTION = EVENT_LIST_COLUMNS }; /* event_by_id only */
struct event_filter {
	long long centre_id;   /* 0 = any */
	long long district_id; /* 0 = any */
	bool past;             /* ended ones, latest first; else upcoming, soonest first */
};
struct event_input {
	long long district_id; /* 0 = none (online only) */
	const char *title, *summary, *description;
	const char *starts_at, *ends_at; /* UTC "YYYY-MM-DD HH:MM:SS" */
	const char *place, *online_url, *registration_url;
};
/* Published and cancelled events. */
struct db_rows *events_public(arena *mem, const struct event_filter *f, int limit, int offset);
long long events_public_count(arena *mem, const struct event_filter *f);
struct db_rows *event_by_id(arena *mem, long long id);
/* A centre's events for its staff, drafts included, latest start first. */
struct db_rows *events_of_centre(arena *mem, long long centre_id);
/* Creates a draft. Returns the new id, 0 when the form token was used, -1 on failure. */
long long event_create(long long centre_id, long long author_id, const struct event_input *e, const char *form_token);
long long event_id_by_form_token(arena *mem, long long centre_id, const char *form_token);
int event_update(long long id, const struct event_input *e);
/* "draft", "published" or "cancelled". */
int event_set_status(long long id, const char *status);

/* feeds.c: what feeds, open data and the API read */
/* Which items a feed takes: news and/or events, of one centre or of one
 * district (0 = any). */
struct feed_scope {
	bool news, events;
	long long centre_id, district_id;
};
enum {
	FEED_KIND, FEED_ID, FEED_TITLE, FEED_SUMMARY, FEED_TEXT, FEED_PUBLISHED_AT, FEED_CENTRE_NAME,
	FEED_CENTRE_EMAIL, FEED_STATUS, FEED_STARTS_AT, FEED_PLACE, FEED_DISTRICT_NAME
};
/* Newest first; FEED_KIND is "news" or "event". */
struct db_rows *feed_items(arena *mem, const struct feed_scope *s, int limit);
/* One cell: the UTC time of the newest change a feed of this scope shows. */
struct db_rows *feed_last_change(arena *mem, const struct feed_scope *s);
enum {
	FEED_SERVICE_ID, FEED_SERVICE_TITLE, FEED_SERVICE_SUMMARY, FEED_SERVICE_UPDATED_AT,
	FEED_SERVICE_CENTRE_NAME, FEED_SERVICE_CENTRE_EMAIL, FEED_SERVICE_CATEGORY
};
/* Active services, the most recently changed first. */
struct db_rows *feed_services(arena *mem, int limit);
struct db_rows *feed_services_last_change(arena *mem);
enum {
	CAL_ID, CAL_TITLE, CAL_SUMMARY, CAL_DESCRIPTION, CAL_STARTS_AT, CAL_ENDS_AT, CAL_PLACE,
	CAL_ONLINE_URL, CAL_REGISTRATION_URL, CAL_STATUS, CAL_CREATED_AT, CAL_UPDATED_AT,
	CAL_DISTRICT_NAME, CAL_CENTRE_NAME, CAL_CENTRE_EMAIL
};
/* Public events of a centre (0 = all), the latest start first. */
struct db_rows *calendar_events(arena *mem, long long centre_id, int limit);
/* DISTRICT_* columns of the district with this slug (no row when none). */
struct db_rows *district_by_slug(arena *mem, const char *slug);

/* opendata.c: the open-data sets and their published versions */
enum {
	OD_CENTRE_ID, OD_CENTRE_NAME, OD_CENTRE_SHORT_NAME, OD_CENTRE_IS_DEMO, OD_CENTRE_INN,
	OD_CENTRE_OGRN, OD_CENTRE_DISTRICT, OD_CENTRE_DISTRICT_OKTMO, OD_CENTRE_ADDRESS, OD_CENTRE_PHONE,
	OD_CENTRE_EMAIL, OD_CENTRE_WEBSITE, OD_CENTRE_HOURS, OD_CENTRE_DESCRIPTION, OD_CENTRE_SLUG,
	OD_CENTRE_SERVICES
};
enum {
	OD_SERVICE_ID, OD_SERVICE_TITLE, OD_SERVICE_SUMMARY, OD_SERVICE_DESCRIPTION, OD_SERVICE_CENTRE_ID,
	OD_SERVICE_CENTRE_NAME, OD_SERVICE_CENTRE_INN, OD_SERVICE_CATEGORY_CODE, OD_SERVICE_CATEGORY,
	OD_SERVICE_PARENT_CATEGORY, OD_SERVICE_TARGET, OD_SERVICE_FORMAT, OD_SERVICE_COST,
	OD_SERVICE_PRICE_NOTE, OD_SERVICE_ELIGIBILITY, OD_SERVICE_CONTACT_NAME, OD_SERVICE_CONTACT_PHONE,
	OD_SERVICE_CONTACT_EMAIL, OD_SERVICE_CREATED_AT, OD_SERVICE_UPDATED_AT
};
enum { OD_QUALITY_CENTRE_ID, OD_QUALITY_CENTRE_NAME, OD_QUALITY_CENTRE_INN, OD_QUALITY_RATINGS,
       OD_QUALITY_OVERALL, OD_QUALITY_CENTRE_SLUG };
enum {
	OD_PROJECT_ID, OD_PROJECT_TITLE, OD_PROJECT_NGO, OD_PROJECT_NGO_INN, OD_PROJECT_DISTRICT,
	OD_PROJECT_DISTRICT_OKTMO, OD_PROJECT_CATEGORY, OD_PROJECT_CENTRE, OD_PROJECT_FUNDING,
	OD_PROJECT_GRANT_AMOUNT, OD_PROJECT_GRANT_START, OD_PROJECT_GRANT_END, OD_PROJECT_STATUS,
	OD_PROJECT_STATUS_CHANGED_AT, OD_PROJECT_LAST_UPDATE_AT
};
/* Rows linked to records: OWNER_ID (the record's id), TEXT, ATTR (a
 * district's name and OKTMO code; a criterion's mean score and code). */
enum { OD_LINK_OWNER_ID, OD_LINK_TEXT, OD_LINK_ATTR };
struct db_rows *opendata_centres(arena *mem);
struct db_rows *opendata_centre_districts(arena *mem);
struct db_rows *opendata_services(arena *mem);
struct db_rows *opendata_service_districts(arena *mem);
/* Ratings of each centre (mean overall score) and mean score by criterion. */
struct db_rows *opendata_quality(arena *mem);
struct db_rows *opendata_quality_criteria(arena *mem);
/* The NGO projects with their funding and current status. */
struct db_rows *opendata_projects(arena *mem);
/* Published versions of a set, newest first. */
enum { ODV_STAMP, ODV_STRUCTURE_STAMP, ODV_SHA256, ODV_CREATED_AT };
struct db_rows *opendata_versions(arena *mem, const char *set_code);
/* One stored file: format "xml" or "csv" of a version. */
struct opendata_file {
	const char *set_code, *stamp, *structure_stamp, *format;
};
/* The file's bytes and its created_at (no row when there is no such version). */
struct db_rows *opendata_content(arena *mem, const struct opendata_file *f);
struct opendata_version {
	const char *set_code, *stamp, *structure_stamp, *sha256, *xml, *csv;
};
/* 1 stored, 0 when the set already has a version with this stamp, -1 on failure. */
int opendata_insert(const struct opendata_version *v);

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
enum { STAFF_USER_ID, STAFF_USER_NAME, STAFF_USER_EMAIL, STAFF_USER_ROLE, STAFF_USER_ACTIVE, STAFF_USER_CREATED_AT };
/* The staff and admins of a centre: STAFF_USER_* columns. */
struct db_rows *users_of_centre(arena *mem, long long centre_id);

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
enum {
	AUDIT_ID, AUDIT_CREATED_AT, AUDIT_USER_ID, AUDIT_USER_NAME, AUDIT_USER_EMAIL, AUDIT_CENTRE_SLUG,
	AUDIT_CENTRE_NAME, AUDIT_ACTION, AUDIT_ENTITY, AUDIT_ENTITY_ID, AUDIT_BEFORE, AUDIT_AFTER, AUDIT_ADDRESS
};
struct audit_filter {
	long long centre_id, user_id; /* 0 = any */
	const char *entity;           /* NULL or "" = any */
	const char *from_utc, *to_utc; /* UTC start of the first and of the last day, NULL = open */
};
/* Log entries, newest first: AUDIT_* columns. */
struct db_rows *audit_search(arena *mem, const struct audit_filter *f, int limit, int offset);
long long audit_count(arena *mem, const struct audit_filter *f);
/* Everyone who has an entry in the log: id, name, email. */
struct db_rows *audit_authors(arena *mem);

/* outbox.c */
int outbox_enqueue(const char *recipient, const char *subject, const char *body);
/* Queues one message to every active staff member of a centre. */
int outbox_enqueue_centre_staff(arena *mem, long long centre_id, const char *subject, const char *body);

#endif
