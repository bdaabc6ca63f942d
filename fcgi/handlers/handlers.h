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

/* centre content: profile, services, news, events; staff accounts; audit */

/* feeds and exports: RSS, iCalendar, open data, JSON API */

/* labels.c: Russian labels of stored enum values, as data. */
struct label {
	const char *value; /* as stored and as used in URLs */
	const char *text;  /* as shown */
};
extern const struct label target_labels[];
extern const struct label format_labels[];
extern const struct label cost_labels[];
extern const struct label legal_form_labels[];
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
/* Adds one OPTION section per label, marking the selected one. */
void fill_label_options(tpl_dict *d, const char *section, const struct label *table, const char *selected);
/* Adds one OPTION section per district row, marking the selected slug. */
void fill_district_options(tpl_dict *d, const char *section, const struct db_rows *districts, const char *selected);
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

#endif
