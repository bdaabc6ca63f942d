/* t_content.c: the pages that show the catalogue's content agree with the
 * database: the home page's figures and newest services, the list of
 * centres with their service counts, a centre's page, a service's page
 * (districts, breadcrumbs, long text shown whole). */
#include "e2e.h"

#include <stdlib.h>
#include <string.h>

static void t_home_stats(const void *arg)
{
	struct html *h = html_get("/");
	if (h == NULL)
		return;
	static const char *const figures[][2] = {
		{ "ресурсных центров", "SELECT COUNT(*) FROM centres" },
		{ "услуг в каталоге", "SELECT COUNT(*) FROM services WHERE status = 'active'" },
		{ "НКО в реестре", "SELECT COUNT(*) FROM ngos" },
		{ "районов", "SELECT COUNT(*) FROM districts" },
	};
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		const char *xp = t_printf("//ul[@class='stats']/li[contains(., '%s')]/strong", figures[i][0]);
		CHECK_COUNT(h, xp, 1);
		CHECK_INT(atoll(html_text(h, xp)), sql_count(figures[i][1]), t_printf("home figure «%s»", figures[i][0]));
	}
}

static void t_home_newest(const void *arg)
{
	char **want;
	long n = sql_column("SELECT CONCAT('/services/', id) FROM services WHERE status = 'active' "
	                    "ORDER BY created_at DESC, id DESC LIMIT 6", &want);
	struct html *h = html_get("/");
	if (h == NULL || n < 0)
		return;
	char **got;
	size_t m = html_all(h, "//section[@class='home-services']//article//h3/a/@href", &got);
	CHECK_INT(m, n, "newest services on the home page");
	for (size_t i = 0; i < m; i++)
		CHECK_STR(got[i], want[i], t_printf("newest service %zu", i + 1));
}

static void t_centres_list(const void *arg)
{
	char **want;
	long n = sql_column("SELECT CONCAT('/centres/', c.slug, ' ', "
	                    "(SELECT COUNT(*) FROM services s WHERE s.centre_id = c.id AND s.status = 'active')) "
	                    "FROM centres c ORDER BY c.slug", &want);
	struct html *h = html_get("/centres");
	if (h == NULL || n < 0)
		return;
	CHECK_COUNT(h, "//article[@class='centre-card']", n);
	for (long i = 0; i < n; i++) {
		char *slug = t_strndup(want[i], strcspn(want[i], " "));
		const char *count = strchr(want[i], ' ') + 1;
		const char *xp = t_printf("//article[@class='centre-card'][.//h2/a[@href='%s']]/p/a", slug);
		CHECK_INT(atoll(html_text(h, xp)), atoll(count), t_printf("active services of %s", slug));
	}
}

static void t_centre_page(const void *arg)
{
	long long services = sql_count("SELECT COUNT(*) FROM services s JOIN centres c ON c.id = s.centre_id "
	                               "WHERE c.slug = 'rrc-khabarovsk' AND s.status = 'active'");
	long long districts = sql_count("SELECT COUNT(*) FROM centre_districts cd JOIN centres c "
	                                "ON c.id = cd.centre_id WHERE c.slug = 'rrc-khabarovsk'");
	struct html *h = html_get("/centres/rrc-khabarovsk");
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//div[@class='service-list']/article", services);
	CHECK_COUNT(h, "//ul[@class='district-list']/li/a", districts);
	CHECK_COUNT(h, "//a[@href='/services/900005']", 0);
	CHECK_CONTAINS(html_text(h, "//h2[starts-with(., 'Услуги центра')]"), t_printf("(%lld)", services),
	               "service count in the heading");
}

static void t_service_page(const void *arg)
{
	char **want;
	long n = sql_column("SELECT CONCAT('/services?district=', d.slug) FROM service_districts sd "
	                    "JOIN districts d ON d.id = sd.district_id WHERE sd.service_id = 900002 "
	                    "ORDER BY d.sort_order, d.name", &want);
	struct html *h = html_get("/services/900002");
	if (h == NULL || n < 0)
		return;
	char **got;
	size_t m = html_all(h, "//ul[@class='district-list']/li/a/@href", &got);
	CHECK_INT(m, n, "districts of service 900002");
	for (size_t i = 0; i < m; i++)
		CHECK_STR(got[i], want[i], "district link");
	CHECK_CONTAINS(html_text(h, "//article[@class='service']/p[starts-with(., 'Районов')]"),
	               t_printf("%ld", n), "\"Районов: N\"");
	CHECK_COUNT(h, "//dd/a[@href='/centres/rrc-khabarovsk']", 1);
}

static void t_service_breadcrumbs(const void *arg)
{
	struct html *h = html_get("/services/900002");
	if (h == NULL)
		return;
	char **hrefs;
	size_t n = html_all(h, "//nav[@class='breadcrumbs']/a/@href", &hrefs);
	CHECK_INT(n, 3, "breadcrumb links (catalogue, group, category)");
	CHECK_STR(hrefs[0], "/services", "first breadcrumb");
	CHECK_STR(hrefs[1], "/services?category=obuchenie", "group breadcrumb");
	CHECK_STR(hrefs[2], "/services?category=seminary-i-treningi", "category breadcrumb");
}

/* A description far longer than one fetch buffer arrives whole. */
static void t_long_text(const void *arg)
{
	char *len = sql_text("SELECT CHAR_LENGTH(description) FROM services WHERE id = 900002");
	struct html *h = html_get("/services/900002");
	if (h == NULL || len == NULL)
		return;
	char *text = trim(html_text(h, "//p[@class='description']"));
	size_t n = strlen(text);
	CHECK(n > 16 && strcmp(text + n - strlen("Конец описания."), "Конец описания.") == 0,
	      "the description is cut: it ends with \"...%s\"", n > 40 ? text + n - 40 : text);
	long chars = 0;
	for (const char *p = text; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	CHECK_INT(chars, atol(len), "characters of the description");
}

const struct test_case content_tests[] = {
	{ "home: centre, service, NGO and district figures match the database", t_home_stats, NULL },
	{ "home: the six newest active services, newest first", t_home_newest, NULL },
	{ "centres: every centre, with its count of active services", t_centres_list, NULL },
	{ "centre page: its active services and districts, no archived service", t_centre_page, NULL },
	{ "service page: the districts it reaches, its centre", t_service_page, NULL },
	{ "service page: breadcrumbs through the group to the category", t_service_breadcrumbs, NULL },
	{ "service page: a long description is shown whole", t_long_text, NULL },
	TEST_END,
};
