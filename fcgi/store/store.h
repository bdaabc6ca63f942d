/* store.h: the only code that speaks SQL, one file per aggregate. Each
 * function returns rows in the request arena (NULL when the query failed);
 * the enums name the columns of what it returns. */
#ifndef RCHUB_STORE_H
#define RCHUB_STORE_H

#include "../db.h"

/* Id of the row a unique key (slug, INN) names through query q: 0 when none, -1 on failure. */
long long store_id_by_key(arena *mem, struct db_query *q, const char *slug);
/* Id (column id_col) of the row of rows whose column slug_col is slug: 0
 * when none, -1 when rows is NULL (a failed query). (districts.c) */
long long store_id_in(const struct db_rows *rows, size_t id_col, size_t slug_col, const char *slug);

/* Stems column 1 of each row of texts (column 0: id) and stores it with
 * update (stems, id). Returns the rows done, or -1. (districts.c) */
long long store_restem(arena *mem, const struct db_rows *texts, struct db_query *update);
/* Recomputes the search stems of one service or NGO (id), or of all (0):
 * after an edit, after loading data by SQL. Returns the rows done, or -1. */
long long services_reindex(arena *mem, long long id);
long long ngos_reindex(arena *mem, long long id);

/* districts.c */
enum { DISTRICT_ID, DISTRICT_SLUG, DISTRICT_NAME, DISTRICT_KIND, DISTRICT_OKTMO };
struct db_rows *districts_all(arena *mem);
/* 0 when no district has this slug, -1 on failure; from districts_all(). */
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
/* Its CENTRE_SERVICE_COUNT is counted up to LISTING_COUNT_MAX + 1. */
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
	long long centre_id;
	long long category_id; /* matches the category and its children */
	const char *target;
	const char *format;
	const char *cost;
	const char *modified_after; /* UTC "YYYY-MM-DD HH:MM:SS": changed at or after it */
	bool include_archived;      /* archived services too (the API's sync needs them) */
};

/* A limit, or a count's bound, that no list reaches. */
#define STORE_NO_LIMIT (1LL << 50)
/* Lists that grow with the region (the catalogue, the registry, a centre's
 * services) are counted for pages up to this many, so that a page costs what
 * it shows; beyond it pages say "более LISTING_COUNT_MAX". */
#define LISTING_COUNT_MAX 500
/* The total of a page whose last column counts its list's matches up to
 * count_max + 1: that count (count_max + 1 meaning more than count_max), 0
 * for an empty page (only a first page may be empty: there are no
 * matches). (services.c) */
long long store_page_total(const struct db_rows *page, long long count_max);
/* One page of the catalogue; *total receives the number of matches, counted
 * up to count_max (count_max + 1 means more than that). */
struct db_rows *services_search(arena *mem, const struct service_filter *f, int limit, int offset,
                                long long count_max, long long *total);
/* The API's view of services_search and service_by_id: the list columns,
 * then SERVICE_FULL_*. */
enum {
	SERVICE_FULL_DESCRIPTION = SERVICE_LIST_COLUMNS, SERVICE_FULL_PRICE_NOTE, SERVICE_FULL_ELIGIBILITY,
	SERVICE_FULL_CONTACT_NAME, SERVICE_FULL_CONTACT_PHONE, SERVICE_FULL_CONTACT_EMAIL, SERVICE_FULL_STATUS,
	SERVICE_FULL_UPDATED_AT, SERVICE_FULL_CENTRE_ID, SERVICE_FULL_CATEGORY_ID
};
/* Its total is counted in full. */
struct db_rows *services_search_full(arena *mem, const struct service_filter *f, int limit, int offset,
                                     long long *total);
struct db_rows *service_full_by_id(arena *mem, long long id);
struct db_rows *service_by_id(arena *mem, long long id);
/* The newest active services of a centre, at most limit (STORE_NO_LIMIT: all). */
struct db_rows *services_of_centre(arena *mem, long long centre_id, long long limit);
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
/* One page of the registry, by name; *total receives the number of matches,
 * counted up to count_max (count_max + 1 means more than that). */
struct db_rows *ngos_search(arena *mem, const struct ngo_filter *f, int limit, int offset, long long count_max,
                            long long *total);
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
/* 0 when no centre has this slug, -1 on failure; from centre_refs(). */
long long centre_id_by_slug(arena *mem, const char *slug);
/* Every centre's id, slug and region (CREF_*), kept by each worker for
 * DB_REFERENCE_TTL: only the operator adds centres or moves their seats. */
enum { CREF_ID, CREF_SLUG, CREF_REGION };
struct db_rows *centre_refs(arena *mem);
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

/* projects and survival */
/* projects.c: the registry of NGO projects, their timeline, the at-risk
 * notices and the survival figures (the rules and arithmetic: survival.h). */
enum {
	PROJECT_ID, PROJECT_NGO_ID, PROJECT_NGO_NAME, PROJECT_TITLE, PROJECT_DISTRICT_ID, PROJECT_DISTRICT_SLUG,
	PROJECT_DISTRICT_NAME, PROJECT_CATEGORY_ID, PROJECT_CATEGORY_SLUG, PROJECT_CATEGORY_NAME, PROJECT_CENTRE_ID,
	PROJECT_CENTRE_SLUG, PROJECT_CENTRE_NAME, PROJECT_FUNDING, PROJECT_GRANT_AMOUNT, PROJECT_GRANT_START,
	PROJECT_GRANT_END, PROJECT_STATUS, PROJECT_HAS_PLAN, PROJECT_STATUS_CHANGED_AT, PROJECT_LAST_UPDATE_AT,
	PROJECT_CONTINUES_ID, PROJECT_LIST_COLUMNS
};
/* project_by_id only, after the list columns (CENTRE_ID and CONTINUES_ID are 0 when none). */
enum {
	PROJECT_GOAL = PROJECT_LIST_COLUMNS, PROJECT_PLAN, PROJECT_CONTINUES_TITLE, PROJECT_CREATED_AT,
	PROJECT_NGO_FULL_NAME
};
/* Filters; 0, NULL or "" means "any". */
struct project_filter {
	const char *title; /* a piece of the title */
	long long district_id, category_id, centre_id, ngo_id;
	const char *funding, *status;
};
/* Every matching project (PROJECT_* list columns), the latest news first.
 * No paging here: the at-risk filter is survival.c's, applied to these rows. */
struct db_rows *projects_search(arena *mem, const struct project_filter *f);
struct db_rows *project_by_id(arena *mem, long long id);
/* What a member enters; optional texts are "" when absent, ids 0. */
struct project_input {
	const char *title, *goal;
	long long district_id, category_id, centre_id;
	const char *funding, *grant_amount, *grant_start, *grant_end, *plan;
	long long continues_id;
};
/* Returns the new id, 0 when this user already sent this form, -1 on failure. */
long long project_create(long long ngo_id, long long user_id, const struct project_input *in, const char *status,
                         const char *form_token);
long long project_id_by_form_token(arena *mem, long long user_id, const char *form_token);
int project_update(long long id, const struct project_input *in);
/* Locks the project for a change in the current transaction; its status, NULL when none or on failure. */
const char *project_lock_status(arena *mem, long long id);
struct project_update_input {
	long long project_id, author_id;
	const char *body, *status_from, *status_to; /* status_to NULL or equal to status_from: no change */
	const char *form_token;
};
/* Adds an update (and the status change) and marks the project updated:
 * 1, 0 when this form was already sent, -1 on failure. */
int project_post_update(const struct project_update_input *u);
struct project_support_input {
	long long project_id, centre_id, staff_id;
	const char *kind, *note, *form_token;
};
/* Returns the new record's id, 0 when this form was already sent, -1 on failure. */
long long project_support_add(const struct project_support_input *s);
/* Updates and support, newest first. */
enum {
	TIMELINE_KIND, TIMELINE_AT, TIMELINE_TEXT, TIMELINE_STATUS_FROM, TIMELINE_STATUS_TO, TIMELINE_SUPPORT_KIND,
	TIMELINE_CENTRE_NAME, TIMELINE_ID
};
struct db_rows *project_timeline(arena *mem, long long id);
/* The at-risk facts of row i of PROJECT_* rows. */
struct risk_facts;
void project_risk_facts(const struct db_rows *r, size_t i, struct risk_facts *out);
/* Funded, running and completed projects that have a supporting centre. */
struct db_rows *projects_for_risk_scan(arena *mem);
/* 1 recorded, 0 when the centre was already told of this rule, -1 on failure. */
int project_notice_add(long long project_id, const char *rule);
/* The survival figures: a row for all projects of the cohort (breakdown and
 * key SURVIVAL_ALL_KEY), then one per district, per centre and per year of
 * the first grant's end; shares as "62.5" (percent), NULL before the horizon. */
#define SURVIVAL_ALL_KEY "all"
#define SURVIVAL_NO_CENTRE_KEY "none"
enum {
	SV_ID, SV_BREAKDOWN, SV_KEY, SV_NAME, SV_PROJECTS, SV_OBSERVED_6, SV_ALIVE_6, SV_SHARE_6, SV_OBSERVED_12,
	SV_ALIVE_12, SV_SHARE_12, SV__COLUMNS
};
struct db_rows *survival_figures(arena *mem, int today);
/* survival_figures as of today, for the open-data set. */
struct db_rows *opendata_survival(arena *mem);

/* quality standard, ratings, coverage */
/* quality.c: versions of the standard and their criteria */
enum {
	QS_ID, QS_VERSION, QS_TITLE, QS_STATUS, QS_PUBLISHED_AT, QS_CREATED_AT, QS_CRITERIA, QS_RATINGS,
	QS_DESCRIPTION
};
enum {
	QC_ID, QC_STANDARD_ID, QC_CODE, QC_NAME, QC_DESCRIPTION, QC_WEIGHT, QC_SORT_ORDER,
	QC_STANDARD_STATUS /* quality_criterion_by_id only */
};
/* Every version, newest first: QS_* columns. */
struct db_rows *quality_standards(arena *mem);
struct db_rows *quality_standard_by_id(arena *mem, long long id);
/* The published version (no row before the first publication); its
 * QS_RATINGS is NULL (not counted). */
struct db_rows *quality_standard_current(arena *mem);
/* The draft being prepared: 0 when none, -1 on failure. */
long long quality_draft_id(arena *mem);
/* Locks a version for a change in the current transaction: its status. */
struct db_rows *quality_standard_lock(arena *mem, long long id);
/* A version's criteria in their order: QC_* columns. */
struct db_rows *quality_criteria_of(arena *mem, long long standard_id);
struct db_rows *quality_criterion_by_id(arena *mem, long long id);
struct quality_draft {
	const char *title, *description;
	long long user_id;
	long long copy_of; /* the version whose criteria are copied; 0 = none */
};
/* Creates a draft numbered after the newest version. Returns its id, 0 when
 * that number was just taken (a double submit), -1 on failure. */
long long quality_draft_create(const struct quality_draft *d);
struct quality_criterion_input {
	const char *code, *name, *description;
	const char *weight; /* as a decimal, "1.50" */
};
/* Writes to a criterion of a draft; nothing happens to other versions. */
int quality_criterion_update(long long id, const struct quality_criterion_input *c);
/* Returns the new criterion's id, 0 when the draft already has its code, -1 on failure. */
long long quality_criterion_add(long long standard_id, const struct quality_criterion_input *c);
int quality_criterion_delete(long long id);
/* Retires the published version and publishes the draft id. */
int quality_publish(long long id);

/* quality.c: verified ratings and the moderation of their comments */
enum { FB_ID, FB_STANDARD_ID, FB_OVERALL, FB_COMMENT, FB_COMMENT_STATUS, FB_CREATED_AT };
enum { FBS_CRITERION_NAME, FBS_SCORE };
enum { FBC_ID, FBC_COMMENT, FBC_OVERALL, FBC_CREATED_AT };
enum {
	FBM_ID, FBM_COMMENT, FBM_STATUS, FBM_OVERALL, FBM_CREATED_AT, FBM_SERVICE_ID, FBM_SERVICE_TITLE,
	FBM_CENTRE_SLUG, FBM_CENTRE_NAME, FBM_MODERATED_AT, FBM_MODERATOR_NAME
};
enum { FBLOCK_STATUS, FBLOCK_CENTRE_ID };
struct new_feedback {
	long long request_id, user_id, service_id, centre_id, standard_id;
	const char *overall; /* the weighted mean as a decimal, "4.087" */
	const char *comment; /* "" = none; else it waits for moderation */
};
/* 1 with *id set, 0 when the request is already rated (UNIQUE request_id), -1 on failure. */
int feedback_insert(const struct new_feedback *f, long long *id);
int feedback_score_insert(long long feedback_id, long long criterion_id, int score);
/* The rating of a request (no row when none): FB_* columns. */
struct db_rows *feedback_of_request(arena *mem, long long request_id);
/* Its scores, in the criteria's order: FBS_* columns. */
struct db_rows *feedback_scores(arena *mem, long long feedback_id);
/* Approved comments on the service's own work, newest first: FBC_* columns. */
struct db_rows *feedback_comments_of_service(arena *mem, long long service_id, int limit);
/* Comments with comment_status status ("pending" oldest first, the others
 * latest moderated first): FBM_* columns; the counts per status (STATUS, COUNT). */
struct db_rows *feedback_for_moderation(arena *mem, const char *status, int limit, int offset);
struct db_rows *feedback_moderation_counts(arena *mem);
/* Locks a rating for moderation in the current transaction: FBLOCK_* columns. */
struct db_rows *feedback_lock(arena *mem, long long id);
int feedback_moderate(long long id, const char *status, long long moderator_id);

/* quality_sums.c: the sums the quality index is computed from (fcgi/quality.h),
 * exact, kept by each worker */
enum { QSUM_OWNER, QSUM_CODE, QSUM_N, QSUM_SUM, QSUM_SUMSQ };
/* Per region (OWNER), the ratings given before today: the priors. */
struct db_rows *quality_priors(arena *mem);
struct db_rows *quality_sums_of_service(arena *mem, long long service_id);
struct db_rows *quality_sums_of_centre(arena *mem, long long centre_id);
/* Per centre (OWNER) of a region. */
struct db_rows *quality_sums_by_centre(arena *mem, long long region_id);
/* Overall sums per local month (OWNER "YYYY-MM", the zone offset_seconds
 * from UTC) of the ratings given since from_utc. */
struct db_rows *quality_sums_by_month(arena *mem, long long region_id, const char *from_utc, long offset_seconds);
/* quality.c: the region of a centre's seat (0 when no such centre, -1 on failure); a region's id by slug. */
long long region_of_centre(arena *mem, long long centre_id);
long long region_id_by_slug(arena *mem, const char *slug);
enum { RC_ID, RC_SLUG, RC_SHORT_NAME };
struct db_rows *centres_of_region(arena *mem, long long region_id);

/* coverage.c: the districts active services reach, by top-level category */
enum { CDIST_ID, CDIST_SLUG, CDIST_NAME, CDIST_MAP_ROW, CDIST_MAP_COL };
enum { COVER_DISTRICT_ID, COVER_CATEGORY_ID, COVER_IN_PERSON, COVER_ONLINE };
enum { CCAT_CATEGORY_ID, CCAT_SERVICES, CCAT_IN_PERSON, CCAT_ONLINE };
/* The region's districts with their place on the map (NULL when not placed). */
struct db_rows *coverage_districts(arena *mem, long long region_id);
/* Services reaching each district of the region, per top-level category
 * (rows only where some do), of one centre or of all (centre_id 0). */
struct db_rows *coverage_counts(arena *mem, long long region_id, long long centre_id);
/* A centre's active services per top-level category. */
struct db_rows *coverage_centre_categories(arena *mem, long long centre_id);
/* The open-data set "coverage": a row per district and top-level group
 * (OD_COVERAGE_*), numbered in the order of districts, then groups. */
enum {
	OD_COVERAGE_ID, OD_COVERAGE_DISTRICT, OD_COVERAGE_OKTMO, OD_COVERAGE_CATEGORY_CODE, OD_COVERAGE_CATEGORY,
	OD_COVERAGE_IN_PERSON, OD_COVERAGE_ONLINE, OD_COVERAGE_GAP, OD_COVERAGE_DISTRICT_SLUG
};
struct db_rows *opendata_coverage(arena *mem);

#endif
