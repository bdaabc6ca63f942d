/* t_ngos.c: the NGO registry (/ngos, /ngos/{id}): search by a name word and
 * by INN, the district filter, pagination (30 a page) and one NGO's page,
 * checked against the database. */
#include "e2e.h"

#include <stdlib.h>
#include <string.h>

#define REGISTRY_PAGE_SIZE 30

#define ROWS "//table[@class='registry']/tbody/tr"

static struct html *registry(const char *query)
{
	return html_get(t_printf("/ngos%s%s", query[0] ? "?" : "", query));
}

static void t_all(const void *arg)
{
	long long total = sql_count("SELECT COUNT(*) FROM ngos");
	struct html *h = registry("");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), total, "\"Найдено\" on /ngos");
	CHECK_COUNT(h, ROWS, total < REGISTRY_PAGE_SIZE ? total : REGISTRY_PAGE_SIZE);
}

static void t_name_word(const void *arg)
{
	struct html *h = registry(t_printf("q=%s", url_encode("Кедропад")));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 1, "NGOs found by «Кедропад»");
	CHECK_COUNT(h, ROWS, 1);
	CHECK_STR(html_text(h, ROWS "/td[1]/a/@href"), "/ngos/900002", "the NGO found");
}

static void t_inn_fixture(const void *arg)
{
	struct html *h = registry("q=2700900025");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 1, "NGOs found by INN 2700900025");
	CHECK_STR(html_text(h, ROWS "/td[1]/a/@href"), "/ngos/900002", "the NGO found by INN");
	CHECK_STR(trim(html_text(h, ROWS "/td[3]")), "2700900025", "the INN column");
}

/* Any NGO's exact INN finds that NGO and no other. */
static void t_inn_demo(const void *arg)
{
	char **row;
	if (sql_column("SELECT CONCAT(id, ' ', inn) FROM ngos WHERE id < 900000 ORDER BY id DESC LIMIT 1", &row) != 1)
		FAIL("no demo NGO to search for");
	char *id = t_strndup(row[0], strcspn(row[0], " "));
	const char *inn = strchr(row[0], ' ') + 1;
	struct html *h = registry(t_printf("q=%s", inn));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 1, t_printf("NGOs found by INN %s", inn));
	CHECK_STR(html_text(h, ROWS "/td[1]/a/@href"), t_printf("/ngos/%s", id), "the NGO found by INN");
}

static void t_district(const void *arg)
{
	long long total = sql_count("SELECT COUNT(*) FROM ngos n JOIN districts d ON d.id = n.district_id "
	                            "WHERE d.slug = 'okhotsky'");
	CHECK(total > 0, "no NGO in okhotsky; the test proves nothing");
	struct html *h = registry("district=okhotsky");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), total, "\"Найдено\" for district=okhotsky");
	char **cells;
	size_t n = html_all(h, ROWS "/td[2]", &cells);
	for (size_t i = 0; i < n; i++)
		CHECK_STR(trim(cells[i]), "Охотский район", "district column");
	CHECK_STR(html_text(h, "//select[@name='district']/option[@selected]/@value"), "okhotsky",
	          "selected district");
}

static void t_district_and_word(const void *arg)
{
	struct html *h = registry(t_printf("q=%s&district=khabarovsk", url_encode("Кедропад")));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 0, "«Кедропад» in Хабаровск (it is in Охотский район)");
	CHECK_COUNT(h, "//div[@class='empty']", 1);
}

static void t_bad_district(const void *arg)
{
	struct http_response *r = http_get("/ngos?district=nope");
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "«district»",
	               "the 400 page names the parameter");
}

/* The district with the most NGOs, to have several pages. */
static const char *busiest_district(long long *total)
{
	char **row;
	if (sql_column("SELECT CONCAT(d.slug, ' ', COUNT(*)) FROM ngos n JOIN districts d ON d.id = n.district_id "
	               "GROUP BY d.slug ORDER BY COUNT(*) DESC LIMIT 1", &row) != 1)
		return NULL;
	*total = atoll(strchr(row[0], ' ') + 1);
	return t_strndup(row[0], strcspn(row[0], " "));
}

static void t_pages(const void *arg)
{
	long long total;
	const char *slug = busiest_district(&total);
	CHECK(slug && total > REGISTRY_PAGE_SIZE, "no district with more than %d NGOs", REGISTRY_PAGE_SIZE);
	long long pages = (total + REGISTRY_PAGE_SIZE - 1) / REGISTRY_PAGE_SIZE;
	struct html *last = registry(t_printf("district=%s&page=%lld", slug, pages));
	if (last == NULL)
		return;
	CHECK_COUNT(last, ROWS, total - REGISTRY_PAGE_SIZE * (pages - 1));
	char **hrefs;
	size_t n = html_all(last, "//nav[@class='pagination']//a/@href", &hrefs);
	CHECK(n > 0, "no pagination links on the last page");
	for (size_t i = 0; i < n; i++) {
		CHECK(strncmp(hrefs[i], "/ngos?", 6) == 0, "pagination link %s leaves the registry", hrefs[i]);
		CHECK_STR(url_param(hrefs[i], "district"), slug, t_printf("district in link %s", hrefs[i]));
	}
	struct http_response *past = http_get(t_printf("/ngos?district=%s&page=%lld", slug, pages + 1));
	CHECK_STATUS(past, 404);
	CHECK_STATUS(http_get("/ngos?page=0"), 400);
}

static void t_ngo_page(const void *arg)
{
	struct html *h = html_get("/ngos/900002");
	if (h == NULL)
		return;
	CHECK_STR(trim(html_text(h, "//h1")), "Автономная некоммерческая организация „Кедропад“ (тест)", "h1");
	CHECK_COUNT(h, "//dd[normalize-space(.)='2700900025']", 1);
	CHECK_COUNT(h, "//dd[normalize-space(.)='1022700900023']", 1);
	CHECK_COUNT(h, "//dd/a[@href='/ngos?district=okhotsky']", 1);
	CHECK_COUNT(h, "//dd[normalize-space(.)='03.03.2021']", 1);
}

static void t_ngo_missing(const void *arg)
{
	CHECK_STATUS(http_get("/ngos/899999"), 404);
	CHECK_STATUS(http_get("/ngos/abc"), 404);
}

const struct test_case ngos_tests[] = {
	{ "registry lists every NGO, 30 a page", t_all, NULL },
	{ "registry: a name word finds that NGO", t_name_word, NULL },
	{ "registry: the exact INN finds that NGO (fixture)", t_inn_fixture, NULL },
	{ "registry: the exact INN finds that NGO (demo)", t_inn_demo, NULL },
	{ "registry: district filter matches the database", t_district, NULL },
	{ "registry: word + another district finds nothing and says so", t_district_and_word, NULL },
	{ "registry: district=nope is 400 naming «district»", t_bad_district, NULL },
	{ "registry: last page, links keep the district, past the end is 404", t_pages, NULL },
	{ "NGO page shows INN, OGRN, district and registration date", t_ngo_page, NULL },
	{ "NGO page: unknown or non-numeric id is 404", t_ngo_missing, NULL },
	TEST_END,
};
