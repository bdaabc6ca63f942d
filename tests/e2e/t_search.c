/* t_search.c: catalogue text search: Russian stemming (word forms meet),
 * ranking by relevance, a unique Cyrillic word, archived services staying
 * out of results, and Cyrillic queries echoed intact in the search box and
 * in the links that carry them. Words come from tests/e2e/fixtures.sql. */
#include "e2e.h"

#include <string.h>

/* Hrefs of the result cards, in page order. */
static size_t result_links(struct html *h, char ***hrefs)
{
	return html_all(h, "//div[@class='service-list']/article[@class='service-card']//h3/a/@href", hrefs);
}

static struct html *search(const char *q)
{
	return html_get(t_printf("/services?q=%s", url_encode(q)));
}

/* «консультации», «консультация», «консультаций» give one result set. */
static void t_stem_forms(const void *arg)
{
	static const char *const forms[] = { "консультации", "консультация", "консультаций", "КОНСУЛЬТАЦИЯМИ" };
	struct html *first = search(forms[0]);
	if (first == NULL)
		return;
	long long total = html_result_count(first);
	CHECK(total > 0, "«%s» finds nothing", forms[0]);
	char **want;
	size_t nwant = result_links(first, &want);
	for (size_t f = 1; f < sizeof forms / sizeof forms[0]; f++) {
		struct html *h = search(forms[f]);
		if (h == NULL)
			return;
		CHECK_INT(html_result_count(h), total, t_printf("results for «%s» vs «%s»", forms[f], forms[0]));
		char **got;
		size_t n = result_links(h, &got);
		CHECK_INT(n, nwant, t_printf("cards for «%s»", forms[f]));
		for (size_t i = 0; i < n; i++)
			CHECK_STR(got[i], want[i], t_printf("card %zu for «%s» vs «%s»", i + 1, forms[f], forms[0]));
	}
}

/* The fixture's unique word, in another case form, finds just its service. */
static void t_unique_word(const void *arg)
{
	struct html *h = search("Выдропольского");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 1, "results for «Выдропольского»");
	char **hrefs;
	CHECK_INT(result_links(h, &hrefs), 1, "cards for «Выдропольского»");
	CHECK_STR(hrefs[0], "/services/900002", "the card found");
}

/* ё and е are one letter to search. */
static void t_yo_folding(const void *arg)
{
	struct html *a = search("отчётности выдропольский");
	struct html *b = search("отчетности выдропольский");
	if (a == NULL || b == NULL)
		return;
	CHECK_INT(html_result_count(a), 1, "results for «отчётности выдропольский»");
	CHECK_INT(html_result_count(b), 1, "results for «отчетности выдропольский»");
}

/* A title hit ranks above a description-only hit, whatever the dates. */
static void t_relevance(const void *arg)
{
	struct html *h = search("амгуньский");
	if (h == NULL)
		return;
	char **hrefs;
	size_t n = result_links(h, &hrefs);
	CHECK_INT(n, 2, "results for «амгуньский»");
	CHECK(strcmp(hrefs[0], "/services/900003") == 0,
	      "«амгуньский» in the title (900003) must rank above «амгуньский» only in the description "
	      "(900004); got order %s, %s on %s",
	      hrefs[0], hrefs[1], html_url(h));
}

static void t_archived_not_found(const void *arg)
{
	struct html *h = search("Кварцеград");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 0, "results for the archived service's word «Кварцеград»");
	CHECK_COUNT(h, "//a[@href='/services/900005']", 0);
}

static void t_archived_page(const void *arg)
{
	struct html *h = html_get("/services/900005");
	if (h == NULL)
		return;
	CHECK_COUNT(h, "//p[contains(@class, 'notice-archived')]", 1);
	CHECK_STR(trim(html_text(h, "//h1")), "Архивная услуга Кварцеград", "h1 of the archived service");
}

struct echo_case {
	const char *path; /* page with a search box */
	const char *q;
};

/* The query comes back byte for byte in the search box. */
static void t_echo(const void *arg)
{
	const struct echo_case *ec = arg;
	struct html *h = html_get(t_printf("%s?q=%s", ec->path, url_encode(ec->q)));
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//main//form//input[@name='q']/@value"), ec->q, "search box value");
}

/* A '+' in the query string is a space (form encoding), %2B is a plus. */
static void t_plus_is_space(const void *arg)
{
	struct html *h = html_get("/services?q=%D0%B0+%2B%D0%B1");
	if (h == NULL)
		return;
	CHECK_STR(html_text(h, "//input[@name='q']/@value"), "а +б", "search box value for q=а+%2Bб");
}

/* A Cyrillic query survives into the pagination links' q. */
static void t_cyrillic_in_links(const void *arg)
{
	struct html *h = search("консультация");
	if (h == NULL)
		return;
	char **hrefs;
	size_t n = html_all(h, "//nav[@class='pagination']//a/@href", &hrefs);
	CHECK(n > 0, "«консультация» gives a single page; pagination links cannot be checked");
	for (size_t i = 0; i < n; i++)
		CHECK_STR(url_param(hrefs[i], "q"), "консультация", t_printf("q of link %s", hrefs[i]));
}

/* Words beyond what the search considers must not break it. */
static void t_many_words(const void *arg)
{
	struct html *h = search("курс курс курс курс курс курс курс курс курс курс "
	                        "курс курс курс курс курс курс курс курс курс курс");
	if (h == NULL)
		return;
	CHECK(html_result_count(h) > 0, "20 repeated words find nothing");
}

/* One-letter words («в», «и») are below the index's token size: they must
 * not narrow (or empty) the result. */
static void t_one_letter_words(const void *arg)
{
	struct html *plain = search("консультация");
	struct html *h = search("и в консультация");
	if (plain == NULL || h == NULL)
		return;
	CHECK_INT(html_result_count(h), html_result_count(plain), "results for «и в консультация» vs «консультация»");
}

/* A query without a searchable word is no text filter: all services. */
static void t_no_word(const void *arg)
{
	struct html *all = html_get("/services");
	struct html *h = search("— … «»");
	if (all == NULL || h == NULL)
		return;
	CHECK_INT(html_result_count(h), html_result_count(all), "results for a query of punctuation only");
}

static void t_max_length(const void *arg)
{
	char q[512] = "";
	for (int i = 0; i < 200; i++)
		strcat(q, "я");
	struct http_response *ok = http_get(t_printf("/services?q=%s", url_encode(q)));
	CHECK_STATUS(ok, 200);
	strcat(q, "я");
	struct http_response *bad = http_get(t_printf("/services?q=%s", url_encode(q)));
	CHECK_STATUS(bad, 400);
	CHECK_CONTAINS(html_text(html_parse(bad), "//p[@class='error-message']"), "200",
	               "the 400 page states the limit");
}

const struct test_case search_tests[] = {
	{ "stemming: консультации/консультация/консультаций/КОНСУЛЬТАЦИЯМИ find the same services",
	  t_stem_forms, NULL },
	{ "a unique Cyrillic word in another case form finds its one service", t_unique_word, NULL },
	{ "search folds ё to е", t_yo_folding, NULL },
	{ "relevance: a title hit ranks above a description-only hit", t_relevance, NULL },
	{ "an archived service is not found by search", t_archived_not_found, NULL },
	{ "an archived service's page is 200 and says it is archived", t_archived_page, NULL },
	{ "Cyrillic q round trip into the catalogue search box", t_echo,
	  &(const struct echo_case){ "/services", "Юридическая консультация «Ёлка» — для НКО №1" } },
	{ "Cyrillic q round trip into the registry search box", t_echo,
	  &(const struct echo_case){ "/ngos", "Общественная организация «Радуга»" } },
	{ "spaces and quotes round trip into the search box", t_echo,
	  &(const struct echo_case){ "/services", "  two  spaces \"double\" 'single' & amp  " } },
	{ "'+' in the query is a space, %2B a plus", t_plus_is_space, NULL },
	{ "a Cyrillic q survives into pagination links", t_cyrillic_in_links, NULL },
	{ "a query longer than the word limit still searches", t_many_words, NULL },
	{ "one-letter words do not change the result", t_one_letter_words, NULL },
	{ "a query of punctuation only lists every service", t_no_word, NULL },
	{ "q of 200 characters is accepted, 201 is 400", t_max_length, NULL },
	TEST_END,
};
