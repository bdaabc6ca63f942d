/* handlers/handlers.h: every page handler, and the helpers they share
 * (labels of enum values, links that keep filters, pagination). */
#ifndef RCHUB_HANDLERS_H
#define RCHUB_HANDLERS_H

#include "../page.h"
#include "../request.h"
#include "../response.h"
#include "../store/store.h"

/* home.c */
void handle_home(struct request *req, struct response *resp);
/* centres.c */
void handle_centres(struct request *req, struct response *resp);
void handle_centre(struct request *req, struct response *resp);
/* services.c */
void handle_services(struct request *req, struct response *resp);
void handle_service(struct request *req, struct response *resp);
/* The catalogue's filters (q, district, category, target, format, cost) from
 * the query string into f, each through its validator. Returns 0; 400 with
 * *bad naming the parameter not accepted; -1 when the database failed. The
 * catalogue page and the JSON API share it. */
int read_service_filter(struct request *req, struct service_filter *f, const char **bad);
/* One CATEGORY_OPTION section per category (slug values; OPTION_CHILD on
 * children), marking the selected slug. */
void fill_category_options(tpl_dict *d, const struct db_rows *cats, const char *selected);
/* ngos.c */
void handle_ngos(struct request *req, struct response *resp);
void handle_ngo(struct request *req, struct response *resp);

/* account.c */
void handle_register_form(struct request *req, struct response *resp);
void handle_register(struct request *req, struct response *resp);
void handle_login_form(struct request *req, struct response *resp);
void handle_login(struct request *req, struct response *resp);
void handle_logout(struct request *req, struct response *resp);
void handle_account(struct request *req, struct response *resp);
void handle_policy(struct request *req, struct response *resp);
/* "/login?next=<path>": where a signed-out visitor is sent. */
char *login_url(arena *mem, const char *next);

/* service requests and the staff inbox */
struct form;
/* services.c: the service page; request is the request form as typed when
 * it comes back with errors (NULL on a plain GET). */
void render_service(struct request *req, struct response *resp, long long id, const struct form *request,
                    int status);
/* requests.c: the member's side */
void handle_request_create(struct request *req, struct response *resp);
void handle_account_requests(struct request *req, struct response *resp);
void handle_account_request(struct request *req, struct response *resp);
/* Adds the request form (typed, or a fresh one when NULL) to a service page,
 * or a sign-in link for a visitor. Returns 0, or -1 when the database failed. */
int fill_request_form(struct request *req, tpl_dict *page, long long service_id,
                      const struct form *typed);
/* Row i of REQUEST_* columns: number, topic, service, centre, status, dates. */
void fill_request_facts(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i);
/* The facts of row 0 plus its message, contact and NGO. */
void fill_request_detail(tpl_dict *d, arena *mem, const struct db_rows *r);
/* The HISTORY include (request_history.tpl) from HISTORY_* rows. */
void fill_request_history(tpl_dict *d, arena *mem, const struct db_rows *events);
/* The site's absolute address, for links in notifications. */
const char *site_base_url(void);
/* staff_requests.c: the centre's inbox and the work on one request */
void handle_staff_inbox(struct request *req, struct response *resp);
void handle_staff_request(struct request *req, struct response *resp);
void handle_staff_request_action(struct request *req, struct response *resp);

/* centre content: profile, services, news, events; staff accounts; audit */
/* staff_centre.c, staff_services.c, staff_news.c, staff_events.c, staff_users.c */
void handle_staff_centre_form(struct request *req, struct response *resp);
void handle_staff_centre_save(struct request *req, struct response *resp);
void handle_staff_services(struct request *req, struct response *resp);
void handle_staff_service_new(struct request *req, struct response *resp);
void handle_staff_service_create(struct request *req, struct response *resp);
void handle_staff_service_edit(struct request *req, struct response *resp);
void handle_staff_service_save(struct request *req, struct response *resp);
void handle_staff_service_archive(struct request *req, struct response *resp);
void handle_staff_service_restore(struct request *req, struct response *resp);
void handle_staff_news(struct request *req, struct response *resp);
void handle_staff_news_new(struct request *req, struct response *resp);
void handle_staff_news_create(struct request *req, struct response *resp);
void handle_staff_news_edit(struct request *req, struct response *resp);
void handle_staff_news_save(struct request *req, struct response *resp);
void handle_staff_news_publish(struct request *req, struct response *resp);
void handle_staff_news_unpublish(struct request *req, struct response *resp);
void handle_staff_events(struct request *req, struct response *resp);
void handle_staff_event_new(struct request *req, struct response *resp);
void handle_staff_event_create(struct request *req, struct response *resp);
void handle_staff_event_edit(struct request *req, struct response *resp);
void handle_staff_event_save(struct request *req, struct response *resp);
void handle_staff_event_publish(struct request *req, struct response *resp);
void handle_staff_event_cancel(struct request *req, struct response *resp);
void handle_staff_users(struct request *req, struct response *resp);
void handle_staff_user_create(struct request *req, struct response *resp);
/* news.c */
void handle_news(struct request *req, struct response *resp);
void handle_news_item(struct request *req, struct response *resp);
/* Adds a NEWS section showing row i (NEWS_* list columns) as a card (news_card.tpl). */
void add_news_card(tpl_dict *list, arena *mem, const struct db_rows *r, size_t i);
/* events.c */
void handle_events(struct request *req, struct response *resp);
void handle_event(struct request *req, struct response *resp);
/* Adds an EVENT section showing row i (EVENT_* list columns) as a card (event_card.tpl). */
void add_event_card(tpl_dict *list, arena *mem, const struct db_rows *r, size_t i);
/* admin.c */
void handle_admin(struct request *req, struct response *resp);
void handle_admin_audit(struct request *req, struct response *resp);

/* feeds and exports: RSS, iCalendar, open data, JSON API */
/* feeds.c: RSS feeds and iCalendar calendars */
void handle_feed_news(struct request *req, struct response *resp);
void handle_feed_centre(struct request *req, struct response *resp);
void handle_feed_district(struct request *req, struct response *resp);
void handle_feed_services(struct request *req, struct response *resp);
void handle_calendar(struct request *req, struct response *resp);
void handle_centre_calendar(struct request *req, struct response *resp);
/* Answers a feed or export file (a 500 page when body is NULL): public,
 * with an ETag and, when modified is not 0, Last-Modified. */
void feed_respond(struct request *req, struct response *resp, const char *content_type, const char *body,
                  size_t len, time_t modified);
/* opendata.c: /opendata/ */
void handle_opendata_index(struct request *req, struct response *resp);
void handle_opendata_list(struct request *req, struct response *resp);
void handle_opendata_meta(struct request *req, struct response *resp);
void handle_opendata_file(struct request *req, struct response *resp);
/* api.c: /api/v1/, after Open Referral HSDS 3.0 */
void handle_api_root(struct request *req, struct response *resp);
void handle_api_openapi(struct request *req, struct response *resp);
void handle_api_profile(struct request *req, struct response *resp);
void handle_api_services(struct request *req, struct response *resp);
void handle_api_service(struct request *req, struct response *resp);
void handle_api_organizations(struct request *req, struct response *resp);
void handle_api_organization(struct request *req, struct response *resp);
void handle_api_taxonomy_terms(struct request *req, struct response *resp);
void handle_api_not_found(struct request *req, struct response *resp);

/* labels.c: Russian labels of stored enum values, as data. */
struct label {
	const char *value; /* as stored and as used in URLs */
	const char *text;  /* as shown */
};
extern const struct label target_labels[];
extern const struct label format_labels[];
extern const struct label cost_labels[];
extern const struct label legal_form_labels[];
extern const struct label service_status_labels[];
extern const struct label news_status_labels[];
extern const struct label event_status_labels[];
extern const struct label event_when_labels[];
extern const struct label audit_entity_labels[];
extern const struct label audit_action_labels[];
extern const struct label audit_field_labels[];
extern const struct label request_status_labels[];
extern const struct label request_event_labels[];
extern const struct label contact_method_labels[];
/* The label of value in a {NULL, NULL}-terminated table, or value itself. */
const char *label_text(const struct label *table, const char *value);
/* Index of value in the table, -1 when it is not one of its values. */
int label_index(const struct label *table, const char *value);

/* listing.c: links and pagination of filtered lists. */
struct link_param {
	const char *name;
	const char *value; /* NULL or "" = absent */
};
/* path?name=value&... with values percent-encoded; absent ones skipped. */
char *build_link(arena *mem, const char *path, const struct link_param *params, size_t n);
/* Fills PAGINATION (prev, numbered pages, next) for page of total pages;
 * params[page_index] is the page parameter, rewritten for each link. */
void fill_pagination(tpl_dict *d, arena *mem, const char *path, struct link_param *params,
                     size_t n, size_t page_index, int page, int total_pages);
/* The pages of a list counted up to LISTING_COUNT_MAX (total is
 * LISTING_COUNT_MAX + 1 when there are more, which store_page_total only
 * says while more rows follow the page): every page when counted in full;
 * else those the count vouches for, and at least the next one. */
int listing_pages(long long total, int page_size, int page);
/* key = n counted up to LISTING_COUNT_MAX ("более 1000" beyond it) and
 * word_key = the noun declined for it (one, few, many: plural_ru). */
void fill_count(tpl_dict *d, arena *mem, const char *key, const char *word_key, long long n, const char *one,
                const char *few, const char *many);
/* Adds one OPTION section per label, marking the selected one. */
void fill_label_options(tpl_dict *d, const char *section, const struct label *table, const char *selected);
/* Adds one OPTION section per district row, marking the selected slug. */
void fill_district_options(tpl_dict *d, const char *section, const struct db_rows *districts, const char *selected);
/* Adds one OPTION section per centre row (CENTRE_*), marking the selected slug. */
void fill_centre_options(tpl_dict *d, const char *section, const struct db_rows *centres, const char *selected);
/* Resolves a slug filter to an id through lookup (left alone when slug is
 * NULL); returns 0, 400 for a bad or unknown slug, -1 when the database failed. */
int slug_to_id(arena *mem, const char *slug, long long (*lookup)(arena *, const char *), long long *id);
/* Resolves a slug filter to an id through lookup; returns 0, or the HTTP
 * status already sent (400 naming param for a bad or unknown slug). */
int resolve_slug(struct request *req, struct response *resp, const char *param, const char *slug,
                 long long (*lookup)(arena *, const char *), long long *id);
/* Checks an enum filter against its label table; returns 0 or 400 (sent). */
int check_enum(struct request *req, struct response *resp, const char *param, const char *value,
               const struct label *table);
/* Reads the page parameter (NULL = 1) into *page; returns 0 or 400 (sent). */
int check_page(struct request *req, struct response *resp, const char *value, int *page);
/* Sets key to value and shows section, only when value is not empty. */
void set_optional(tpl_dict *d, const char *section, const char *key, const char *value);
/* One service of a list (SERVICE_* list columns of row i) into s. */
void fill_service_item(tpl_dict *s, const struct db_rows *r, size_t i);
/* Adds a SERVICE section showing row i as a card (service_item.tpl). */
void add_service_card(tpl_dict *list, const struct db_rows *r, size_t i);
/* Reads an optional query field: NULL when absent or empty. */
const char *query_value(const struct request *req, const char *name);
/* "консультация"/"консультации"/"консультаций" by Russian plural rules. */
const char *plural_ru(long long n, const char *one, const char *few, const char *many);

/* accessibility.c: the settings of the version for the visually impaired. */
void handle_accessibility(struct request *req, struct response *resp);

/* projects and survival */
/* labels.c */
extern const struct label project_status_labels[];
extern const struct label funding_labels[];
extern const struct label support_kind_labels[];
extern const struct label risk_filter_labels[];
/* projects.c: the public catalogue (/projects) and project page, and the
 * parts of a project the member's and the staff's pages show too. */
void handle_projects(struct request *req, struct response *resp);
void handle_project(struct request *req, struct response *resp);
/* Adds a PROJECT section showing row i of PROJECT_* rows as a card
 * (project_card.tpl) linking to url, with the at-risk reasons of today. */
void add_project_card(tpl_dict *list, arena *mem, const struct db_rows *r, size_t i, int today, const char *url);
/* The facts of project_by_id's row: NGO, district, category, centre,
 * funding, grant, status, goal, continuation plan and predecessor. */
void fill_project_detail(tpl_dict *d, arena *mem, const struct db_rows *r);
/* One RISK section (RISK_REASON, RISK_DETAIL) per rule that fires today on
 * row i, under AT_RISK; returns the rules' bits (survival.h). */
unsigned fill_project_risks(tpl_dict *d, arena *mem, const struct db_rows *r, size_t i, int today);
/* The TIMELINE include (project_timeline.tpl): TIMELINE_* rows, then the registration. */
void fill_project_timeline(tpl_dict *d, arena *mem, const struct db_rows *project, const struct db_rows *timeline);
/* The rules that fire today on row i of PROJECT_* rows. */
unsigned project_risks(const struct db_rows *r, size_t i, int today);
/* account_projects.c: the projects of the member's NGO */
void handle_account_projects(struct request *req, struct response *resp);
void handle_account_project_new(struct request *req, struct response *resp);
void handle_account_project_create(struct request *req, struct response *resp);
void handle_account_project(struct request *req, struct response *resp);
void handle_account_project_save(struct request *req, struct response *resp);
void handle_account_project_update(struct request *req, struct response *resp);
/* staff_projects.c: the projects a centre supports, at risk first */
void handle_staff_projects(struct request *req, struct response *resp);
void handle_staff_project(struct request *req, struct response *resp);
void handle_staff_project_support(struct request *req, struct response *resp);
/* survival.c: /survival and its charts */
void handle_survival(struct request *req, struct response *resp);
void handle_survival_chart(struct request *req, struct response *resp);

/* quality standard, ratings, coverage */
/* labels.c */
extern const struct label standard_status_labels[];
extern const struct label comment_status_labels[];
/* quality.c: /quality (the standard, the comparison of centres, the trend)
 * and its charts; the quality block of service and centre pages. */
void handle_quality(struct request *req, struct response *resp);
void handle_quality_chart_centres(struct request *req, struct response *resp);
void handle_quality_chart_trend(struct request *req, struct response *resp);
/* The QUALITY include (quality_block.tpl) of a service page, with its
 * approved comments, or of a centre page. 0, or -1 when the database failed. */
int fill_service_quality(struct request *req, tpl_dict *page, long long service_id, const char *centre_slug);
int fill_centre_quality(struct request *req, tpl_dict *page, long long centre_id);
/* charts.c: answering a chart drawn by svg.c. The palette of the visitor's
 * colour scheme in the version for the visually impaired (the site's own
 * otherwise); the SVG answer (a NULL svg is a 500), public unless that
 * version is on. */
struct svg_palette;
const struct svg_palette *chart_palette(const struct request *req);
void chart_respond(struct request *req, struct response *resp, const char *svg, size_t len);
/* ratings.c: rating a completed request (its requester, once) */
struct rating_form;
/* The RATING include of the member's request page (request row r): the
 * rating given, the form (typed: as sent with errors, or NULL), or why there
 * is none. 0, or -1 when the database failed. */
int fill_request_rating(struct request *req, tpl_dict *page, const struct db_rows *r, const struct rating_form *typed);
void handle_rating_create(struct request *req, struct response *resp);
/* requests.c: the member's page of request id, with a rating form as typed. */
void render_account_request(struct request *req, struct response *resp, long long id,
                            const struct rating_form *typed, int status);
/* admin_quality.c: the moderator keeps the standard and moderates comments */
void handle_admin_quality(struct request *req, struct response *resp);
void handle_admin_quality_draft(struct request *req, struct response *resp);
void handle_admin_quality_version(struct request *req, struct response *resp);
void handle_admin_quality_criterion_add(struct request *req, struct response *resp);
void handle_admin_quality_criterion_save(struct request *req, struct response *resp);
void handle_admin_quality_criterion_delete(struct request *req, struct response *resp);
void handle_admin_quality_publish(struct request *req, struct response *resp);
void handle_admin_feedback(struct request *req, struct response *resp);
void handle_admin_feedback_action(struct request *req, struct response *resp);
/* coverage.c: /coverage, its map, and the centre's view in /staff/coverage */
void handle_coverage(struct request *req, struct response *resp);
void handle_coverage_map(struct request *req, struct response *resp);
void handle_staff_coverage(struct request *req, struct response *resp);
/* The id of the configured region ([site] region_slug): 0 when unknown, -1 on failure. */
long long site_region_id(arena *mem);

#endif
