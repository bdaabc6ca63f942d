/* feeds/hsds.h: JSON objects shaped after Open Referral's Human Services
 * Data Specification 3.0 (https://docs.openreferral.org/), in the Russian
 * profile described in feeds/README-hsds.md: ids are the site's decimal ids
 * as strings; INN and OGRN travel as organization_identifiers (schemes
 * RU-INN, RU-OGRN of org-id.guide); districts as service_areas with their
 * OKTMO code; the catalogue's target group, format and cost as extra fields.
 * Objects are json-c's; the caller owns what is returned. */
#ifndef RCHUB_FEEDS_HSDS_H
#define RCHUB_FEEDS_HSDS_H

#include <json-c/json.h>

#include "../fcgi/config.h"
#include "../fcgi/store/store.h"

#define HSDS_VERSION "3.0"
#define HSDS_PROFILE_PATH "/api/v1/profile"
#define HSDS_OPENAPI_PATH "/api/v1/openapi.json"

/* The API's description (GET /api/v1/). */
json_object *hsds_api_info(arena *mem, const struct config *cfg);
/* A list page: the HSDS paging envelope around contents (taken over). */
json_object *hsds_page(json_object *contents, long long total, int page, int per_page);

/* An organization (a centre) from CENTRE_* row i: its one-to-one fields,
 * phones and identifiers. */
json_object *hsds_organization(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i);
/* Adds what the full organization carries: its services (SERVICE_* list
 * rows, as id and name) and the districts it serves (DISTRICT_* rows). */
void hsds_organization_add_details(json_object *org, const struct db_rows *services, const struct db_rows *districts);

/* A service from row i of services_search_full() or service_full_by_id():
 * its one-to-one fields and its category as an attribute. */
json_object *hsds_service(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i);
/* Only id and last_modified, for syncing (minimal=true). */
json_object *hsds_service_minimal(arena *mem, const struct db_rows *r, size_t i);
/* Adds what the full service (row 0 of r) carries: service_areas
 * (DISTRICT_* rows), contacts, and its organization (taken over). */
void hsds_service_add_details(json_object *svc, arena *mem, const struct db_rows *r,
                              const struct db_rows *districts, json_object *organization);

/* A taxonomy term from CATEGORY_* row i. */
json_object *hsds_taxonomy_term(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i);

/* The JSON text of obj in the arena with *len; obj is released. */
char *hsds_serialize(arena *mem, json_object *obj, size_t *len);

#endif
