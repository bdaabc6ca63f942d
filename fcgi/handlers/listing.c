/* handlers/listing.c: the parts every filtered list shares: links that keep
 * the other filters, pagination and totals counted up to a bound, and option
 * lists of filter forms. */
#include "handlers.h"

#include <stdio.h>
#include <string.h>

#include "../validate.h"

#define PAGINATION_WINDOW 2 /* numbered pages shown either side of the current */

/* Percent-encodes s for a query component (RFC 3986 unreserved kept). */
static size_t url_encode(char *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p)) {
			out[o++] = (char)*p;
		} else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	return o;
}

char *build_link(arena *mem, const char *path, const struct link_param *params, size_t n)
{
	size_t cap = strlen(path) + 2;
	for (size_t i = 0; i < n; i++)
		if (params[i].value && params[i].value[0])
			cap += strlen(params[i].name) + 3 * strlen(params[i].value) + 2;
	char *out = arena_alloc(mem, cap);
	size_t o = strlen(path);
	memcpy(out, path, o);
	char sep = '?';
	for (size_t i = 0; i < n; i++) {
		if (!params[i].value || !params[i].value[0])
			continue;
		out[o++] = sep;
		sep = '&';
		size_t nl = strlen(params[i].name);
		memcpy(out + o, params[i].name, nl);
		o += nl;
		out[o++] = '=';
		o += url_encode(out + o, params[i].value);
	}
	out[o] = '\0';
	return out;
}

static void add_page_link(tpl_dict *d, arena *mem, const char *path, struct link_param *params,
                          size_t n, size_t page_index, int page, int current)
{
	tpl_dict *s = tpl_section(d, "PAGE");
	char num[16];
	snprintf(num, sizeof num, "%d", page);
	params[page_index].value = page > 1 ? arena_strdup(mem, num) : NULL;
	tpl_set(s, "PAGE_URL", build_link(mem, path, params, n));
	tpl_set_int(s, "PAGE_NUMBER", page);
	if (page == current)
		tpl_show(s, "PAGE_CURRENT");
	else
		tpl_show(s, "PAGE_OTHER");
}

void fill_pagination(tpl_dict *d, arena *mem, const char *path, struct link_param *params,
                     size_t n, size_t page_index, int page, int total_pages)
{
	if (total_pages <= 1)
		return;
	tpl_dict *pg = tpl_section(d, "PAGINATION");
	char num[16];
	if (page > 1) {
		snprintf(num, sizeof num, "%d", page - 1);
		params[page_index].value = page - 1 > 1 ? arena_strdup(mem, num) : NULL;
		tpl_set(tpl_section(pg, "PREV"), "PREV_URL", build_link(mem, path, params, n));
	}
	if (page < total_pages) {
		snprintf(num, sizeof num, "%d", page + 1);
		params[page_index].value = arena_strdup(mem, num);
		tpl_set(tpl_section(pg, "NEXT"), "NEXT_URL", build_link(mem, path, params, n));
	}
	for (int p = 1; p <= total_pages; p++) {
		bool edge = p == 1 || p == total_pages;
		bool near = p >= page - PAGINATION_WINDOW && p <= page + PAGINATION_WINDOW;
		if (edge || near)
			add_page_link(pg, mem, path, params, n, page_index, p, page);
		else if (p == page - PAGINATION_WINDOW - 1 || p == page + PAGINATION_WINDOW + 1)
			tpl_show(tpl_section(pg, "PAGE"), "PAGE_GAP");
	}
	tpl_set_int(pg, "PAGE_CURRENT_NUMBER", page);
	tpl_set_int(pg, "PAGE_TOTAL", total_pages);
}

int listing_pages(long long total, int page_size, int page)
{
	if (total <= LISTING_COUNT_MAX)
		return (int)((total + page_size - 1) / page_size);
	int vouched = LISTING_COUNT_MAX / page_size;
	return page + 1 > vouched ? page + 1 : vouched;
}

void fill_count(tpl_dict *d, arena *mem, const char *key, const char *word_key, long long n, const char *one,
                const char *few, const char *many)
{
	long long shown = n > LISTING_COUNT_MAX ? LISTING_COUNT_MAX : n;
	tpl_set(d, key, arena_printf(mem, n > LISTING_COUNT_MAX ? "более %lld" : "%lld", shown));
	tpl_set(d, word_key, plural_ru(shown, one, few, many));
}

static void add_option(tpl_dict *d, const char *section, const char *value, const char *text, bool selected)
{
	tpl_dict *o = tpl_section(d, section);
	tpl_set(o, "OPTION_VALUE", value);
	tpl_set(o, "OPTION_TEXT", text);
	if (selected)
		tpl_show(o, "OPTION_SELECTED");
}

void fill_label_options(tpl_dict *d, const char *section, const struct label *table, const char *selected)
{
	for (int i = 0; table[i].value != NULL; i++)
		add_option(d, section, table[i].value, table[i].text,
		           selected && strcmp(selected, table[i].value) == 0);
}

void fill_district_options(tpl_dict *d, const char *section, const struct db_rows *districts, const char *selected)
{
	for (size_t i = 0; i < districts->nrows; i++) {
		const char *slug = db_cell(districts, i, DISTRICT_SLUG);
		add_option(d, section, slug, db_cell(districts, i, DISTRICT_NAME),
		           selected && strcmp(selected, slug) == 0);
	}
}

void fill_centre_options(tpl_dict *d, const char *section, const struct db_rows *centres, const char *selected)
{
	for (size_t i = 0; i < centres->nrows; i++) {
		const char *slug = db_cell(centres, i, CENTRE_SLUG);
		add_option(d, section, slug, db_cell(centres, i, CENTRE_SHORT_NAME),
		           selected && strcmp(selected, slug) == 0);
	}
}

int slug_to_id(arena *mem, const char *slug, long long (*lookup)(arena *, const char *), long long *id)
{
	if (slug == NULL)
		return 0;
	if (!valid_slug(slug))
		return 400;
	*id = lookup(mem, slug);
	return *id < 0 ? -1 : *id == 0 ? 400 : 0;
}

int resolve_slug(struct request *req, struct response *resp, const char *param, const char *slug,
                 long long (*lookup)(arena *, const char *), long long *id)
{
	int rc = slug_to_id(req->mem, slug, lookup, id);
	if (rc < 0)
		page_db_failure(req, resp);
	else if (rc == 400)
		page_bad_param(req, resp, param);
	return rc < 0 ? resp->status : rc;
}

int check_enum(struct request *req, struct response *resp, const char *param, const char *value,
               const struct label *table)
{
	if (value != NULL && label_index(table, value) < 0) {
		page_bad_param(req, resp, param);
		return 400;
	}
	return 0;
}

int check_page(struct request *req, struct response *resp, const char *value, int *page)
{
	*page = 1;
	if (value != NULL && !valid_page(value, page)) {
		page_bad_param(req, resp, "page");
		return 400;
	}
	return 0;
}

const char *query_value(const struct request *req, const char *name)
{
	const char *v = request_query(req, name);
	return v && v[0] ? v : NULL;
}

/* Sets KEY and shows KEY_SECTION only when value is not empty. */
void set_optional(tpl_dict *d, const char *section, const char *key, const char *value)
{
	if (value != NULL && value[0] != '\0') {
		tpl_show(d, section);
		tpl_set(d, key, value);
	}
}
