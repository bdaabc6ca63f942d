/* t_escaping.c: stored text is shown as text. The fixture service 900001
 * carries <script>alert("xss")</script> and '; DROP TABLE services; -- in
 * its title, summary and description; the fixture NGO 900001 carries
 * <img src=x onerror=alert(1)> in its names and a javascript: website. Every
 * page that shows them must show the characters literally: no script or img
 * element may appear (the site has no scripts or images in its markup at
 * all), and no javascript: URL may become a link. */
#include "e2e.h"

#include <string.h>

#define SCRIPT_PAYLOAD "<script>alert(\"xss\")</script> '; DROP TABLE services; --"
#define IMG_PAYLOAD "<img src=x onerror=alert(1)>"

/* Parses a page and checks it has no element the payloads could create. */
static struct html *page_without_markup(const char *path)
{
	struct http_response *r = http_get(path);
	if (r->status != 200) {
		t_fail(__FILE__, __LINE__, "GET %s: expected 200, got %ld", r->url, r->status);
		return NULL;
	}
	const char *raw[] = { "<script", "<img" };
	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		const char *at = strstr(r->body, raw[i]);
		if (at != NULL) {
			t_fail(__FILE__, __LINE__, "GET %s: unescaped \"%s\" in the markup: ...%.80s...", r->url, raw[i], at);
			return NULL;
		}
	}
	struct html *h = html_parse(r);
	long scripts = html_count(h, "//script"), imgs = html_count(h, "//img");
	if (scripts != 0 || imgs != 0) {
		t_fail(__FILE__, __LINE__, "GET %s: %ld script and %ld img elements", r->url, scripts, imgs);
		return NULL;
	}
	return h;
}

struct shown {
	const char *path;
	const char *xpath; /* the element whose text must hold the payload */
	const char *payload;
};

static void t_shown_literally(const void *arg)
{
	const struct shown *s = arg;
	struct html *h = page_without_markup(s->path);
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, s->xpath), s->payload, t_printf("text of %s on %s", s->xpath, s->path));
}

#define SHOWN(what, path, xpath, payload) \
	{ what ": shown as text, no element created", t_shown_literally, \
	  &(const struct shown){ path, xpath, payload } }

#define CARD_TITLE "//article[@class='service-card'][.//a[@href='/services/900001']]//h3"
#define CARD_SUMMARY "//article[@class='service-card'][.//a[@href='/services/900001']]/p[@class='service-summary']"

static void t_title_element(const void *arg)
{
	struct html *h = page_without_markup("/services/900001");
	if (h == NULL)
		return;
	CHECK_CONTAINS(html_text(h, "//head/title"), SCRIPT_PAYLOAD, "<title> of the service page");
}

/* A javascript: website must not become a clickable javascript: link. */
static void t_javascript_url(const void *arg)
{
	struct html *h = page_without_markup("/ngos/900001");
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//a[starts-with(normalize-space(translate(@href, 'JAVASCRIPT', 'javascript')), 'javascript:')]", 0);
}

/* Attribute context: the payload inside value="..." stays one attribute. */
static void t_attribute_context(const void *arg)
{
	struct html *h = page_without_markup(t_printf("/ngos?q=%s", url_encode(IMG_PAYLOAD "\" autofocus onfocus=\"x")));
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//*[@onfocus or @autofocus or @onerror]", 0);
	CHECK_STR(html_text(h, "//input[@name='q']/@value"), IMG_PAYLOAD "\" autofocus onfocus=\"x", "search box value");
}

const struct test_case escaping_tests[] = {
	SHOWN("stored <script> title on the service page (h1)", "/services/900001", "//h1", SCRIPT_PAYLOAD),
	SHOWN("stored <script> summary on the service page", "/services/900001", "//p[@class='lead']",
	      "Сводка " SCRIPT_PAYLOAD),
	SHOWN("stored <script> description on the service page", "/services/900001", "//p[@class='description']",
	      "Описание " SCRIPT_PAYLOAD),
	SHOWN("stored <script> contact and eligibility on the service page", "/services/900001",
	      "//ul[@class='contacts']", "Тест <script>alert(2)</script>"),
	SHOWN("stored <script> title in the catalogue card", "/services?district=bikinsky&cost=free", CARD_TITLE,
	      SCRIPT_PAYLOAD),
	SHOWN("stored <script> summary in the catalogue card", "/services?district=bikinsky&cost=free",
	      CARD_SUMMARY, "Сводка " SCRIPT_PAYLOAD),
	SHOWN("stored <script> title in the search results",
	      "/services?q=%27%3B+DROP+TABLE+services%3B+--", CARD_TITLE, SCRIPT_PAYLOAD),
	SHOWN("stored <script> title on its centre's page", "/centres/rrc-khabarovsk", CARD_TITLE, SCRIPT_PAYLOAD),
	SHOWN("stored <script> title among the newest services on the home page", "/", CARD_TITLE, SCRIPT_PAYLOAD),
	{ "stored <script> title in the page <title>", t_title_element, NULL },
	SHOWN("NGO <img onerror> short name in the registry", "/ngos?district=khabarovsk&q=2700900018",
	      "//table[@class='registry']/tbody/tr/td[1]", IMG_PAYLOAD),
	SHOWN("NGO <img onerror> name in its page h1", "/ngos/900001", "//h1", IMG_PAYLOAD " Тестовая НКО"),
	SHOWN("NGO <img onerror> short name in its page breadcrumbs", "/ngos/900001", "//nav[@class='breadcrumbs']",
	      IMG_PAYLOAD),
	{ "a stored javascript: website is not a javascript: link", t_javascript_url, NULL },
	{ "a query breaking out of value=\"...\" stays inside it", t_attribute_context, NULL },
	TEST_END,
};
