/* t_catalogue.c: the service catalogue's filters (/services?q= &district=
 * &category= &target= &format= &cost= &page=), each alone and combined,
 * checked against the database truth; pagination edges and links that keep
 * every active filter; the empty result and its loosening links. */
#include "e2e.h"

#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 20 /* results per catalogue page */

/* ---- the database truth of a filter ------------------------------------ */

#define FROM_ACTIVE                                                                          \
	" FROM services s JOIN centres c ON c.id = s.centre_id "                                \
	"JOIN categories cat ON cat.id = s.category_id "                                        \
	"LEFT JOIN categories parent ON parent.id = cat.parent_id WHERE s.status = 'active'"
#define IN_DISTRICT(slug)                                                                    \
	" AND EXISTS (SELECT 1 FROM service_districts sd JOIN districts d ON d.id = sd.district_id " \
	"WHERE sd.service_id = s.id AND d.slug = '" slug "')"
/* A group (top-level category) includes its children. */
#define IN_CATEGORY(slug) " AND (cat.slug = '" slug "' OR parent.slug = '" slug "')"
/* A service for everyone ('any') serves every target group. */
#define FOR_TARGET(v) " AND s.target_group IN ('" v "', 'any')"
/* A service given both ways counts as online and as offline. */
#define IN_FORMAT(v) " AND s.format IN ('" v "', 'both')"
#define AT_COST(v) " AND s.cost = '" v "'"
/* A word of the indexed text (title, summary, description, category, group,
 * centre) starts with the stem: what a stemmed prefix search must find. */
#define HAS_WORD(stem)                                                                       \
	" AND CONCAT_WS(' ', s.title, s.summary, s.description, cat.name, COALESCE(parent.name, ''), " \
	"c.short_name) REGEXP '(^|[^а-яёa-z0-9])" stem "'"

struct filter_case {
	const char *query; /* after /services? */
	const char *where; /* truth conditions after FROM_ACTIVE */
};

/* Ids of the cards on a catalogue page, as numbers in text. */
static size_t card_ids(struct html *h, char ***ids)
{
	size_t n = html_all(h, "//div[@class='service-list']/article[@class='service-card']//h3/a/@href", ids);
	for (size_t i = 0; i < n; i++)
		if (strncmp((*ids)[i], "/services/", 10) == 0)
			(*ids)[i] += 10;
	return n;
}

static bool in_list(char **list, long n, const char *s)
{
	for (long i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static long long min_ll(long long a, long long b)
{
	return a < b ? a : b;
}

/* Count, cards and ids of page 1 agree with the truth of the filter. */
static void t_filter(const void *arg)
{
	const struct filter_case *fc = arg;
	char **truth;
	long total = sql_column(t_printf("SELECT s.id%s%s", FROM_ACTIVE, fc->where), &truth);
	if (total < 0)
		return;
	CHECK(total > 0, "the data gives no service for %s; the test proves nothing", fc->query);
	struct html *h = html_get(t_printf("/services?%s", fc->query));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), total, t_printf("\"Найдено\" on /services?%s", fc->query));
	char **ids;
	size_t n = card_ids(h, &ids);
	CHECK_INT(n, min_ll(total, PAGE_SIZE), t_printf("cards on /services?%s", fc->query));
	for (size_t i = 0; i < n; i++)
		CHECK(in_list(truth, total, ids[i]), "/services?%s lists service %s, which does not match",
		      fc->query, ids[i]);
}

#define FILTER_TEST(what, query, where) \
	{ "catalogue " what ": count, cards and ids match the database", t_filter, \
	  &(const struct filter_case){ query, where } }

/* ---- filters: links and form state --------------------------------------- */

static void t_no_filter(const void *arg)
{
	long long total = sql_count("SELECT COUNT(*)" FROM_ACTIVE);
	struct html *h = html_get("/services");
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), total, "\"Найдено\" on /services (all active services)");
	CHECK_COUNT(h, "//div[@class='service-list']/article", min_ll(total, PAGE_SIZE));
}

/* The group's count is its own services plus each child's. */
static void t_group_is_sum_of_children(const void *arg)
{
	char **children;
	long n = sql_column("SELECT c.slug FROM categories c JOIN categories p ON p.id = c.parent_id "
	                    "WHERE p.slug = 'konsultatsii'", &children);
	CHECK(n > 1, "category konsultatsii has %ld children; expected several", n);
	long long sum = sql_count("SELECT COUNT(*)" FROM_ACTIVE " AND cat.slug = 'konsultatsii'");
	for (long i = 0; i < n; i++) {
		struct html *h = html_get(t_printf("/services?category=%s", children[i]));
		if (h == NULL)
			return;
		sum += html_result_count(h);
	}
	struct html *group = html_get("/services?category=konsultatsii");
	if (group == NULL)
		return;
	CHECK_INT(html_result_count(group), sum, "group konsultatsii = its own + its children's services");
}

static void t_selected_options(const void *arg)
{
	struct html *h = html_get("/services?q=%D0%BA%D1%83%D1%80%D1%81&district=bikinsky"
	                          "&category=obuchenie&target=ngo&format=online&cost=free");
	if (h == NULL)
		return;
	static const char *const expect[][2] = {
		{ "district", "bikinsky" }, { "category", "obuchenie" }, { "target", "ngo" },
		{ "format", "online" },     { "cost", "free" },
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		const char *xp = t_printf("//form[@action='/services']//select[@name='%s']/option[@selected]/@value",
		                          expect[i][0]);
		CHECK_COUNT(h, xp, 1);
		CHECK_STR(html_text(h, xp), expect[i][1], t_printf("selected %s option", expect[i][0]));
	}
	CHECK_STR(html_text(h, "//input[@name='q']/@value"), "курс", "search box value");
}

/* Every district and category option is a value the catalogue accepts. */
static void t_options_are_valid(const void *arg)
{
	struct html *h = html_get("/services");
	if (h == NULL)
		return;
	long long districts = sql_count("SELECT COUNT(*) FROM districts");
	long long categories = sql_count("SELECT COUNT(*) FROM categories");
	CHECK_COUNT(h, "//select[@name='district']/option[@value!='']", districts);
	CHECK_COUNT(h, "//select[@name='category']/option[@value!='']", categories);
	char **values;
	size_t n = html_all(h, "//select[@name='district']/option[@value!='']/@value", &values);
	for (size_t i = 0; i < n; i++) {
		struct http_response *r = http_get(t_printf("/services?district=%s", values[i]));
		CHECK_STATUS(r, 200);
	}
}

/* ---- pagination -------------------------------------------------------- */

#define PAGED_QUERY "cost=free"
#define PAGED_WHERE AT_COST("free")

static long long paged_total(void)
{
	return sql_count("SELECT COUNT(*)" FROM_ACTIVE PAGED_WHERE);
}

static void t_page_first(const void *arg)
{
	long long total = paged_total();
	CHECK(total > PAGE_SIZE, "need more than %d free services, have %lld", PAGE_SIZE, total);
	struct html *h = html_get("/services?" PAGED_QUERY);
	if (h == NULL)
		return;
	long long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	CHECK_COUNT(h, "//div[@class='service-list']/article", PAGE_SIZE);
	CHECK_STR(trim(html_text(h, "//nav[@class='pagination']/p[@class='page-status']")),
	          t_printf("Страница 1 из %lld", pages), "page status");
	CHECK_COUNT(h, "//nav[@class='pagination']//a[@rel='prev']", 0);
	CHECK_COUNT(h, "//nav[@class='pagination']//span[@aria-current='page']", 1);
	const char *next = html_text(h, "//nav[@class='pagination']//a[@rel='next']/@href");
	CHECK_STR(url_param(next, "page"), "2", "page of the next link");
}

static void t_page_last(const void *arg)
{
	long long total = paged_total();
	long long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	struct html *h = html_get(t_printf("/services?" PAGED_QUERY "&page=%lld", pages));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), total, "\"Найдено\" on the last page");
	CHECK_COUNT(h, "//div[@class='service-list']/article", total - PAGE_SIZE * (pages - 1));
	CHECK_COUNT(h, "//nav[@class='pagination']//a[@rel='next']", 0);
	const char *prev = html_text(h, "//nav[@class='pagination']//a[@rel='prev']/@href");
	CHECK(prev[0] != '\0', "no previous-page link on the last page");
	const char *want = pages - 1 > 1 ? t_printf("%lld", pages - 1) : NULL;
	CHECK_STR(url_param(prev, "page"), want, "page of the previous link");
}

static void t_page_past_end(const void *arg)
{
	long long pages = (paged_total() + PAGE_SIZE - 1) / PAGE_SIZE;
	struct http_response *r = http_get(t_printf("/services?" PAGED_QUERY "&page=%lld", pages + 1));
	CHECK_STATUS(r, 404);
	CHECK_COUNT(html_parse(r), "//h1", 1);
}

struct bad_page {
	const char *value;
};

static void t_page_bad(const void *arg)
{
	const struct bad_page *bp = arg;
	struct http_response *r = http_get(t_printf("/services?page=%s", bp->value));
	CHECK_STATUS(r, 400);
	CHECK_CONTAINS(html_text(html_parse(r), "//p[@class='error-message']"), "«page»",
	               "the 400 page names the bad parameter");
}

/* All pages together list each matching service exactly once. */
static void t_pages_partition(const void *arg)
{
	char **truth;
	long total = sql_column("SELECT s.id" FROM_ACTIVE PAGED_WHERE, &truth);
	long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	char **seen = t_alloc((size_t)(total + PAGE_SIZE) * sizeof *seen);
	long nseen = 0;
	for (long p = 1; p <= pages; p++) {
		struct html *h = html_get(t_printf("/services?" PAGED_QUERY "&page=%ld", p));
		if (h == NULL)
			return;
		char **ids;
		size_t n = card_ids(h, &ids);
		CHECK(p == pages || n == PAGE_SIZE, "page %ld of %ld has %zu cards, not %d", p, pages, n, PAGE_SIZE);
		for (size_t i = 0; i < n; i++) {
			CHECK(!in_list(seen, nseen, ids[i]), "service %s appears on two pages (again on page %ld)",
			      ids[i], p);
			CHECK(in_list(truth, total, ids[i]), "page %ld lists service %s, which does not match", p, ids[i]);
			seen[nseen++] = ids[i];
		}
	}
	CHECK_INT(nseen, total, "services listed over all pages");
}

/* Every pagination link carries every active filter, unchanged. */
static void t_pagination_keeps_filters(const void *arg)
{
	static const char *const names[] = { "q", "format", "cost", "target" };
	static const char *const values[] = { "консультация", "online", "free", "ngo" };
	long long total = sql_count("SELECT COUNT(*)" FROM_ACTIVE HAS_WORD("консультац") IN_FORMAT("online")
	                                AT_COST("free") FOR_TARGET("ngo"));
	CHECK(total > PAGE_SIZE, "need more than %d results for this filter, have %lld", PAGE_SIZE, total);
	struct html *h = html_get(t_printf("/services?q=%s&format=online&cost=free&target=ngo&page=2",
	                                   url_encode("консультация")));
	if (h == NULL)
		return;
	char **hrefs;
	size_t n = html_all(h, "//nav[@class='pagination']//a/@href", &hrefs);
	CHECK(n >= 2, "page 2 has %zu pagination links; expected prev and page 1 at least", n);
	for (size_t i = 0; i < n; i++) {
		CHECK(strncmp(hrefs[i], "/services?", 10) == 0, "pagination link %s leaves the catalogue", hrefs[i]);
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
			CHECK_STR(url_param(hrefs[i], names[k]), values[k], t_printf("%s in link %s", names[k], hrefs[i]));
	}
}

/* Checks the pagination of a list page: status line, prev/next, numbered
 * links whose page parameter matches their number, the current page not a
 * link, first and last always present, a gap exactly where numbers skip. */
static void check_pagination(struct html *h, int page, int pages)
{
#define PG "//nav[@class='pagination']"
#define ITEMS PG "/ul/li[not(a[@rel])]"
	CHECK_STR(trim(html_text(h, PG "/p[@class='page-status']")), t_printf("Страница %d из %d", page, pages),
	          t_printf("page status on %s", html_url(h)));
	CHECK_COUNT(h, PG "//a[@rel='prev']", page > 1);
	CHECK_COUNT(h, PG "//a[@rel='next']", page < pages);
	long n = html_count(h, ITEMS);
	int last = 0;
	bool gap = false;
	for (long i = 1; i <= n; i++) {
		const char *li = t_printf("(" ITEMS ")[%ld]", i);
		if (strcmp(html_text(h, t_printf("%s/@class", li)), "gap") == 0) {
			CHECK(!gap && last > 0, "misplaced gap at item %ld on %s", i, html_url(h));
			gap = true;
			continue;
		}
		bool current = html_count(h, t_printf("%s/span[@aria-current='page']", li)) == 1;
		int number = atoi(html_text(h, li));
		CHECK(number > last, "page numbers not ascending (%d after %d) on %s", number, last, html_url(h));
		CHECK(gap == (number > last + 1), "page %d follows %d %s a gap on %s", number, last,
		      gap ? "with" : "without", html_url(h));
		CHECK(current == (number == page), "page %d is%s marked current on %s", number, current ? "" : " not",
		      html_url(h));
		if (!current) {
			const char *href = html_text(h, t_printf("%s/a/@href", li));
			CHECK_STR(url_param(href, "page"), number > 1 ? t_printf("%d", number) : NULL,
			          t_printf("page parameter of the link to page %d", number));
		}
		last = number;
		gap = false;
	}
	CHECK(n > 0 && atoi(html_text(h, "(" ITEMS ")[1]")) == 1, "page 1 is not listed on %s", html_url(h));
	CHECK_INT(last, pages, t_printf("last page listed on %s", html_url(h)));
#undef ITEMS
#undef PG
}

struct paged_list {
	const char *path;   /* list URL without page */
	const char *truth;  /* SQL count of its items */
	int page_size;
};

/* Every page of a list has a well-formed pagination. */
static void t_pagination_structure(const void *arg)
{
	const struct paged_list *pl = arg;
	long long total = sql_count(pl->truth);
	int pages = (int)((total + pl->page_size - 1) / pl->page_size);
	CHECK(pages > 5, "%s has %d pages; need more than 5 to see gaps", pl->path, pages);
	for (int p = 1; p <= pages; p++) {
		struct html *h = html_get(p > 1 ? t_printf("%s?page=%d", pl->path, p) : pl->path);
		if (h == NULL)
			return;
		check_pagination(h, p, pages);
		if (t_failed())
			return;
	}
}

/* ---- the empty result ---------------------------------------------------- */

struct empty_case {
	const char *names[7]; /* active filters, NULL-terminated */
	const char *values[7];
};

/* Builds name=value&... with values percent-encoded. */
static char *query_of(const struct empty_case *ec)
{
	char *q = t_strdup("");
	for (size_t i = 0; ec->names[i]; i++)
		q = t_printf("%s%s%s=%s", q, i ? "&" : "", ec->names[i], url_encode(ec->values[i]));
	return q;
}

/* The one active filter a loosening link drops; NULL if it drops none or
 * changes another. */
static const char *dropped_filter(const struct empty_case *ec, const char *href)
{
	const char *dropped = NULL;
	size_t active = 0;
	for (size_t i = 0; ec->names[i]; i++, active++) {
		char *v = url_param(href, ec->names[i]);
		if (v == NULL && dropped == NULL)
			dropped = ec->names[i];
		else if (v == NULL || strcmp(v, ec->values[i]) != 0)
			return NULL;
	}
	return url_param_count(href) == active - 1 ? dropped : NULL;
}

static void t_empty(const void *arg)
{
	const struct empty_case *ec = arg;
	struct html *h = html_get(t_printf("/services?%s", query_of(ec)));
	if (h == NULL)
		return;
	CHECK_INT(html_result_count(h), 0, "\"Найдено\" for a filter nothing matches");
	CHECK_COUNT(h, "//div[@class='service-list']/article", 0);
	CHECK_COUNT(h, "//div[@class='empty']", 1);
	CHECK_CONTAINS(html_text(h, "//div[@class='empty']"), "не найдено", "the empty-result message");
	CHECK_COUNT(h, "//div[@class='empty']//a[@href='/services']", 1);
	char **hrefs;
	size_t n = html_all(h, "//ul[@class='loosen']//a[@href!='/services']/@href", &hrefs);
	size_t active = 0;
	while (ec->names[active])
		active++;
	CHECK_INT(n, active, "loosening links (one per active filter)");
	for (size_t i = 0; i < n; i++) {
		const char *d = dropped_filter(ec, hrefs[i]);
		CHECK(d != NULL, "loosening link %s must drop exactly one filter and keep the rest", hrefs[i]);
		for (size_t k = 0; k < i; k++)
			CHECK(strcmp(dropped_filter(ec, hrefs[k]), d) != 0, "two loosening links drop %s", d);
	}
}

/* Dropping the district of an empty search finds the service again. */
static void t_loosen_finds(const void *arg)
{
	struct html *h = html_get(t_printf("/services?q=%s&district=okhotsky", url_encode("выдропольский")));
	if (h == NULL)
		return;
	const char *href = html_text(h, "//ul[@class='loosen']//a[not(contains(@href, 'district'))]/@href");
	CHECK(href[0] != '\0', "no link that drops the district on %s", html_url(h));
	CHECK(strcmp(href, "/services") != 0, "the only district-free link is \"all services\"");
	struct html *after = html_get(href);
	if (after == NULL)
		return;
	CHECK_INT(html_result_count(after), 1, t_printf("results after following %s", href));
}

/* "Найдено: N услуга/услуги/услуг" agrees in number with N. */
struct plural_case {
	const char *query;
	const char *word;
};

static void t_plural(const void *arg)
{
	const struct plural_case *pc = arg;
	struct html *h = html_get(t_printf("/services?%s", pc->query));
	if (h == NULL)
		return;
	char *line = trim(html_text(h, "//p[@id='result-count']"));
	const char *sp = strrchr(line, ' ');
	CHECK_STR(sp ? sp + 1 : line, pc->word, t_printf("noun after the count in \"%s\"", line));
}

/* Percent-encoded query words. */
#define KONS "%D0%BA%D0%BE%D0%BD%D1%81%D1%83%D0%BB%D1%8C%D1%82%D0%B0%D1%86%D0%B8%D1%8F"  /* консультация */
#define YURID "%D1%8E%D1%80%D0%B8%D0%B4%D0%B8%D1%87%D0%B5%D1%81%D0%BA%D0%B0%D1%8F"       /* юридическая */
#define AMGUN "%D0%B0%D0%BC%D0%B3%D1%83%D0%BD%D1%8C%D1%81%D0%BA%D0%B8%D0%B9"             /* амгуньский */
#define VYDRO "%D0%B2%D1%8B%D0%B4%D1%80%D0%BE%D0%BF%D0%BE%D0%BB%D1%8C%D1%81%D0%BA%D0%B8%D0%B9" /* выдропольский */

const struct test_case catalogue_tests[] = {
	{ "catalogue without filters lists every active service", t_no_filter, NULL },
	FILTER_TEST("q alone", "q=" KONS,
	            HAS_WORD("консультац")),
	FILTER_TEST("q of two words (all must match)",
	            "q=" YURID "+" KONS,
	            HAS_WORD("юридическ") HAS_WORD("консультац")),
	FILTER_TEST("q in Latin letters (SMM)", "q=SMM", HAS_WORD("smm")),
	FILTER_TEST("district alone", "district=bikinsky", IN_DISTRICT("bikinsky")),
	FILTER_TEST("category (a child) alone", "category=yuridicheskie-konsultatsii",
	            IN_CATEGORY("yuridicheskie-konsultatsii")),
	FILTER_TEST("category (a group, with its children) alone", "category=konsultatsii",
	            IN_CATEGORY("konsultatsii")),
	FILTER_TEST("target alone", "target=initiative", FOR_TARGET("initiative")),
	FILTER_TEST("format alone", "format=online", IN_FORMAT("online")),
	FILTER_TEST("format=offline alone", "format=offline", IN_FORMAT("offline")),
	FILTER_TEST("cost alone", "cost=paid", AT_COST("paid")),
	FILTER_TEST("district + cost", "district=bikinsky&cost=free", IN_DISTRICT("bikinsky") AT_COST("free")),
	FILTER_TEST("category + format + target", "category=konsultatsii&format=online&target=ngo",
	            IN_CATEGORY("konsultatsii") IN_FORMAT("online") FOR_TARGET("ngo")),
	FILTER_TEST("q + district + cost",
	            "q=" KONS "&district=khabarovsk&cost=free",
	            HAS_WORD("консультац") IN_DISTRICT("khabarovsk") AT_COST("free")),
	FILTER_TEST("all six filters",
	            "q=" KONS "&district=khabarovsk&category=konsultatsii&target=ngo&format=online&cost=free",
	            HAS_WORD("консультац") IN_DISTRICT("khabarovsk") IN_CATEGORY("konsultatsii")
	                FOR_TARGET("ngo") IN_FORMAT("online") AT_COST("free")),
	FILTER_TEST("filters in another order, with an empty one",
	            "cost=free&district=&target=ngo&category=obuchenie",
	            AT_COST("free") FOR_TARGET("ngo") IN_CATEGORY("obuchenie")),
	{ "category group = its own services + each child's (from the pages)", t_group_is_sum_of_children, NULL },
	{ "the filter form shows every active filter as selected", t_selected_options, NULL },
	{ "every district option of the form is accepted", t_options_are_valid, NULL },
	{ "pagination: page 1 has 20 cards, no prev, next is page 2", t_page_first, NULL },
	{ "pagination: the last page has the remainder, no next", t_page_last, NULL },
	{ "pagination: a page past the end is 404", t_page_past_end, NULL },
	{ "pagination: page=0 is 400 naming «page»", t_page_bad, &(const struct bad_page){ "0" } },
	{ "pagination: page=abc is 400 naming «page»", t_page_bad, &(const struct bad_page){ "abc" } },
	{ "pagination: page=-1 is 400 naming «page»", t_page_bad, &(const struct bad_page){ "-1" } },
	{ "pagination: page=01 is 400 naming «page»", t_page_bad, &(const struct bad_page){ "01" } },
	{ "pagination: all pages list each result once, 20 a page", t_pages_partition, NULL },
	{ "pagination: every catalogue page numbers its neighbours, first, last and gaps", t_pagination_structure,
	  &(const struct paged_list){ "/services", "SELECT COUNT(*) FROM services WHERE status = 'active'", 20 } },
	{ "pagination: every registry page numbers its neighbours, first, last and gaps", t_pagination_structure,
	  &(const struct paged_list){ "/ngos", "SELECT COUNT(*) FROM ngos", 30 } },
	{ "pagination links keep q, format, cost and target", t_pagination_keeps_filters, NULL },
	{ "empty result (q + district) says so and offers 2 loosening links", t_empty,
	  &(const struct empty_case){ { "q", "district", NULL }, { "выдропольский", "okhotsky" } } },
	{ "empty result with all six filters offers 6 loosening links, each keeping the others", t_empty,
	  &(const struct empty_case){ { "q", "district", "category", "target", "format", "cost", NULL },
	                              { "выдропольский", "okhotsky", "obuchenie", "initiative", "offline",
	                                "paid" } } },
	{ "following the link that drops the district finds the service", t_loosen_finds, NULL },
	{ "count noun: 0 услуг", t_plural, &(const struct plural_case){ "q=" VYDRO "&district=okhotsky", "услуг" } },
	{ "count noun: 1 услуга", t_plural, &(const struct plural_case){ "q=" VYDRO, "услуга" } },
	{ "count noun: 2 услуги", t_plural, &(const struct plural_case){ "q=" AMGUN, "услуги" } },
	TEST_END,
};
