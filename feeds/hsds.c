/* feeds/hsds.c: builds the HSDS 3.0 objects of the JSON API with json-c.
 * Absent values are left out rather than written as null, as HSDS's JSON
 * schemas type them as plain strings. Nested objects get stable ids derived
 * from their owner ("centre-3-inn", "service-12-area-5"). */
#include "hsds.h"

#include <string.h>

#include "../fcgi/timefmt.h"

#define HSDS_TAXONOMY "rchub-categories"
#define SCHEME_INN "RU-INN" /* org-id.guide: Russian taxpayer number */

/* obj[key] = text, unless text is NULL or empty. */
static void put_text(json_object *obj, const char *key, const char *text)
{
	if (text != NULL && text[0] != '\0')
		json_object_object_add(obj, key, json_object_new_string(text));
}

/* HSDS API meta information: version, profile, OpenAPI URL, publisher. */
json_object *hsds_api_info(arena *mem, const struct config *cfg)
{
	json_object *info = json_object_new_object(), *publisher = json_object_new_object();
	put_text(info, "version", HSDS_VERSION);
	put_text(info, "profile", arena_printf(mem, "%s%s", cfg->base_url, HSDS_PROFILE_PATH));
	put_text(info, "openapi_url", arena_printf(mem, "%s%s", cfg->base_url, HSDS_OPENAPI_PATH));
	put_text(info, "description", arena_printf(mem, "%s: услуги ресурсных центров для НКО, организации и "
	                                                "классификатор видов поддержки — %s.",
	                                           cfg->site_name, cfg->region_name));
	put_text(publisher, "name", cfg->publisher_name);
	if (cfg->publisher_inn[0])
		put_text(publisher, "identifier", arena_printf(mem, "%s-%s", SCHEME_INN, cfg->publisher_inn));
	put_text(publisher, "email", cfg->publisher_email);
	put_text(publisher, "website", cfg->base_url);
	json_object_object_add(info, "publisher", publisher);
	return info;
}

/* The HSDS paging envelope; total_pages is 0 for an empty list. */
json_object *hsds_page(json_object *contents, long long total, int page, int per_page)
{
	json_object *p = json_object_new_object();
	long long pages = (total + per_page - 1) / per_page;
	json_object_object_add(p, "total_items", json_object_new_int64(total));
	json_object_object_add(p, "total_pages", json_object_new_int64(pages));
	json_object_object_add(p, "page_number", json_object_new_int(page));
	json_object_object_add(p, "size", json_object_new_int((int)json_object_array_length(contents)));
	json_object_object_add(p, "first_page", json_object_new_boolean(page == 1));
	json_object_object_add(p, "last_page", json_object_new_boolean(page >= pages));
	json_object_object_add(p, "empty", json_object_new_boolean(total == 0));
	json_object_object_add(p, "contents", contents);
	return p;
}

/* A Russian registration number as an HSDS organization identifier. */
struct ru_identifier {
	const char *id_suffix; /* of the identifier's own id: "centre-3-inn" */
	const char *scheme;    /* org-id.guide */
	const char *type;
	int column;            /* CENTRE_* */
};
static const struct ru_identifier ru_identifiers[] = {
	{ "inn", "RU-INN", "ИНН", CENTRE_INN },
	{ "ogrn", "RU-OGRN", "ОГРН", CENTRE_OGRN },
};

/* {id, organization_id, identifier_scheme, identifier_type, identifier}. */
static json_object *identifier(arena *mem, const char *org_id, const struct ru_identifier *ri, const char *value)
{
	json_object *o = json_object_new_object();
	put_text(o, "id", arena_printf(mem, "centre-%s-%s", org_id, ri->id_suffix));
	put_text(o, "organization_id", org_id);
	put_text(o, "identifier_scheme", ri->scheme);
	put_text(o, "identifier_type", ri->type);
	put_text(o, "identifier", value);
	return o;
}

/* [{id, number}] of one phone number; [] when there is none. */
static json_object *phones(arena *mem, const char *owner, const char *number)
{
	json_object *list = json_object_new_array();
	if (number == NULL || number[0] == '\0')
		return list;
	json_object *p = json_object_new_object();
	put_text(p, "id", arena_printf(mem, "%s-phone", owner));
	put_text(p, "number", number);
	json_object_array_add(list, p);
	return list;
}

/* A centre as an HSDS organization, INN and OGRN as its identifiers. */
json_object *hsds_organization(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i)
{
	const char *id = db_cell(r, i, CENTRE_ID);
	json_object *org = json_object_new_object(), *ids = json_object_new_array();
	put_text(org, "id", id);
	put_text(org, "name", db_cell(r, i, CENTRE_NAME));
	put_text(org, "alternate_name", db_cell(r, i, CENTRE_SHORT_NAME));
	put_text(org, "description", db_cell(r, i, CENTRE_DESCRIPTION));
	put_text(org, "email", db_cell(r, i, CENTRE_EMAIL));
	put_text(org, "website", db_cell(r, i, CENTRE_WEBSITE));
	put_text(org, "uri", arena_printf(mem, "%s/centres/%s", cfg->base_url, db_cell(r, i, CENTRE_SLUG)));
	const char *owner = arena_printf(mem, "centre-%s", id);
	json_object_object_add(org, "phones", phones(mem, owner, db_cell(r, i, CENTRE_PHONE)));
	for (size_t k = 0; k < sizeof ru_identifiers / sizeof ru_identifiers[0]; k++) {
		const char *value = db_cell(r, i, (size_t)ru_identifiers[k].column);
		if (value != NULL)
			json_object_array_add(ids, identifier(mem, id, &ru_identifiers[k], value));
	}
	json_object_object_add(org, "organization_identifiers", ids);
	return org;
}

/* One district as an area: {name, oktmo} plus what the caller adds. */
static json_object *area(const struct db_rows *d, size_t j)
{
	json_object *a = json_object_new_object();
	put_text(a, "name", db_cell(d, j, DISTRICT_NAME));
	put_text(a, "oktmo", db_cell(d, j, DISTRICT_OKTMO));
	return a;
}

/* The nested parts of /organizations/{id}: services and areas served. */
void hsds_organization_add_details(json_object *org, const struct db_rows *services, const struct db_rows *districts)
{
	json_object *list = json_object_new_array(), *areas = json_object_new_array();
	for (size_t j = 0; j < services->nrows; j++) {
		json_object *s = json_object_new_object();
		put_text(s, "id", db_cell(services, j, SERVICE_ID));
		put_text(s, "name", db_cell(services, j, SERVICE_TITLE));
		json_object_array_add(list, s);
	}
	for (size_t j = 0; j < districts->nrows; j++)
		json_object_array_add(areas, area(districts, j));
	json_object_object_add(org, "services", list);
	json_object_object_add(org, "areas_served", areas);
}

/* The service's category as an HSDS attribute linking a taxonomy term. */
static json_object *category_attribute(arena *mem, const struct db_rows *r, size_t i)
{
	const char *id = db_cell(r, i, SERVICE_ID), *term_id = db_cell(r, i, SERVICE_FULL_CATEGORY_ID);
	json_object *list = json_object_new_array(), *a = json_object_new_object(), *t = json_object_new_object();
	put_text(t, "id", term_id);
	put_text(t, "code", db_cell(r, i, SERVICE_CATEGORY_SLUG));
	put_text(t, "name", db_cell(r, i, SERVICE_CATEGORY_NAME));
	put_text(t, "taxonomy", HSDS_TAXONOMY);
	put_text(a, "id", arena_printf(mem, "service-%s-category", id));
	put_text(a, "link_id", id);
	put_text(a, "link_type", "service");
	put_text(a, "link_entity", "service");
	put_text(a, "taxonomy_term_id", term_id);
	json_object_object_add(a, "taxonomy_term", t);
	json_object_array_add(list, a);
	return list;
}

/* "Бесплатно" or "Платно", with the price note when there is one. */
static const char *fees(arena *mem, const struct db_rows *r, size_t i)
{
	const char *cost = strcmp(db_cell(r, i, SERVICE_COST), "free") == 0 ? "Бесплатно" : "Платно";
	const char *note = db_cell(r, i, SERVICE_FULL_PRICE_NOTE);
	return note && note[0] ? arena_printf(mem, "%s: %s", cost, note) : cost;
}

/* The one-to-one fields of an HSDS service plus the profile's extensions. */
json_object *hsds_service(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i)
{
	const char *id = db_cell(r, i, SERVICE_ID);
	json_object *s = json_object_new_object();
	put_text(s, "id", id);
	put_text(s, "organization_id", db_cell(r, i, SERVICE_FULL_CENTRE_ID));
	put_text(s, "name", db_cell(r, i, SERVICE_TITLE));
	put_text(s, "description", db_cell(r, i, SERVICE_FULL_DESCRIPTION));
	put_text(s, "url", arena_printf(mem, "%s/services/%s", cfg->base_url, id));
	put_text(s, "email", db_cell(r, i, SERVICE_FULL_CONTACT_EMAIL));
	put_text(s, "status", strcmp(db_cell(r, i, SERVICE_FULL_STATUS), "active") == 0 ? "active" : "inactive");
	put_text(s, "fees_description", fees(mem, r, i));
	put_text(s, "eligibility_description", db_cell(r, i, SERVICE_FULL_ELIGIBILITY));
	put_text(s, "last_modified", format_iso8601_utc(mem, db_cell(r, i, SERVICE_FULL_UPDATED_AT)));
	put_text(s, "summary", db_cell(r, i, SERVICE_SUMMARY));
	put_text(s, "target_group", db_cell(r, i, SERVICE_TARGET));
	put_text(s, "delivery_format", db_cell(r, i, SERVICE_FORMAT));
	put_text(s, "cost", db_cell(r, i, SERVICE_COST));
	json_object_object_add(s, "attributes", category_attribute(mem, r, i));
	return s;
}

/* What a sync needs to decide whether to fetch a service again. */
json_object *hsds_service_minimal(arena *mem, const struct db_rows *r, size_t i)
{
	json_object *s = json_object_new_object();
	put_text(s, "id", db_cell(r, i, SERVICE_ID));
	put_text(s, "last_modified", format_iso8601_utc(mem, db_cell(r, i, SERVICE_FULL_UPDATED_AT)));
	return s;
}

/* The service's named contact, when it has any contact detail. */
static json_object *contacts(arena *mem, const struct db_rows *r)
{
	const char *id = db_cell(r, 0, SERVICE_ID), *name = db_cell(r, 0, SERVICE_FULL_CONTACT_NAME);
	const char *phone = db_cell(r, 0, SERVICE_FULL_CONTACT_PHONE), *email = db_cell(r, 0, SERVICE_FULL_CONTACT_EMAIL);
	json_object *list = json_object_new_array();
	if (!name[0] && !phone[0] && !email[0])
		return list;
	json_object *c = json_object_new_object();
	const char *cid = arena_printf(mem, "service-%s-contact", id);
	put_text(c, "id", cid);
	put_text(c, "service_id", id);
	put_text(c, "name", name);
	put_text(c, "email", email);
	json_object_object_add(c, "phones", phones(mem, cid, phone));
	json_object_array_add(list, c);
	return list;
}

/* The nested parts of /services/{id}: areas with OKTMO, contact, organization. */
void hsds_service_add_details(json_object *svc, arena *mem, const struct db_rows *r,
                              const struct db_rows *districts, json_object *organization)
{
	json_object *areas = json_object_new_array();
	const char *id = db_cell(r, 0, SERVICE_ID);
	for (size_t j = 0; j < districts->nrows; j++) {
		json_object *a = area(districts, j);
		put_text(a, "id", arena_printf(mem, "service-%s-area-%s", id, db_cell(districts, j, DISTRICT_ID)));
		put_text(a, "service_id", id);
		json_object_array_add(areas, a);
	}
	json_object_object_add(svc, "service_areas", areas);
	json_object_object_add(svc, "contacts", contacts(mem, r));
	json_object_object_add(svc, "organization", organization);
}

/* A category of the catalogue as an HSDS taxonomy term. */
json_object *hsds_taxonomy_term(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i)
{
	const char *slug = db_cell(r, i, CATEGORY_SLUG);
	json_object *t = json_object_new_object();
	put_text(t, "id", db_cell(r, i, CATEGORY_ID));
	put_text(t, "code", slug);
	put_text(t, "name", db_cell(r, i, CATEGORY_NAME));
	put_text(t, "description", db_cell(r, i, CATEGORY_DESCRIPTION));
	put_text(t, "parent_id", db_cell(r, i, CATEGORY_PARENT_ID));
	put_text(t, "taxonomy", HSDS_TAXONOMY);
	put_text(t, "language", "ru");
	put_text(t, "term_uri", arena_printf(mem, "%s/services?category=%s", cfg->base_url, slug));
	return t;
}

/* Plain JSON, UTF-8 unescaped, slashes unescaped (URLs stay readable). */
char *hsds_serialize(arena *mem, json_object *obj, size_t *len)
{
	const char *text = json_object_to_json_string_length(obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE,
	                                                     len);
	char *out = text ? arena_strndup(mem, text, *len) : NULL;
	json_object_put(obj);
	return out;
}
