/* html.c: pages as trees. A response body goes through libxml2's HTML
 * parser (htmlReadMemory, as a browser would see the markup: entities
 * decoded, tags as elements), and tests ask questions with XPath 1.0. */
#include "e2e.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>

struct html {
	htmlDocPtr doc;
	xmlXPathContextPtr ctx;
	const char *url;
};

static void html_free(void *p)
{
	struct html *h = p;
	if (h->ctx)
		xmlXPathFreeContext(h->ctx);
	if (h->doc)
		xmlFreeDoc(h->doc);
}

struct html *html_parse(const struct http_response *r)
{
	struct html *h = t_alloc(sizeof *h);
	h->url = r->url;
	const char *body = r->body_len ? r->body : "<html></html>";
	int len = r->body_len ? (int)r->body_len : (int)strlen(body);
	h->doc = htmlReadMemory(body, len, r->url, "UTF-8",
	                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (h->doc != NULL)
		h->ctx = xmlXPathNewContext(h->doc);
	t_defer(html_free, h);
	return h;
}

struct html *html_get(const char *path)
{
	struct http_response *r = http_get(path);
	if (r->status != 200) {
		t_fail(__FILE__, __LINE__, "GET %s: expected status 200, got %ld%s%s", r->url, r->status,
		       r->error ? ": " : "", r->error ? r->error : "");
		return NULL;
	}
	return html_parse(r);
}

const char *html_url(const struct html *h)
{
	return h->url;
}

/* Evaluates expr; NULL (with a failure recorded) when it is invalid. */
static xmlXPathObjectPtr eval(struct html *h, const char *expr)
{
	if (h->ctx == NULL)
		return NULL;
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, h->ctx);
	if (o == NULL)
		t_fail(__FILE__, __LINE__, "invalid XPath: %s", expr);
	return o;
}

long html_count(struct html *h, const char *xpath)
{
	xmlXPathObjectPtr o = eval(h, xpath);
	if (o == NULL)
		return -1;
	long n;
	if (o->type == XPATH_NODESET)
		n = o->nodesetval ? o->nodesetval->nodeNr : 0;
	else
		n = (long)xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	return n;
}

/* Copies libxml2 text into test-scoped memory and frees the original. */
static char *keep_text(xmlChar *s)
{
	char *out = t_strdup(s ? (const char *)s : "");
	xmlFree(s);
	return out;
}

char *html_text(struct html *h, const char *xpath)
{
	xmlXPathObjectPtr o = eval(h, xpath);
	if (o == NULL)
		return t_strdup("");
	char *s = keep_text(xmlXPathCastToString(o));
	xmlXPathFreeObject(o);
	return s;
}

size_t html_all(struct html *h, const char *xpath, char ***out)
{
	*out = NULL;
	xmlXPathObjectPtr o = eval(h, xpath);
	if (o == NULL)
		return 0;
	size_t n = o->type == XPATH_NODESET && o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
	*out = t_alloc((n + 1) * sizeof **out);
	for (size_t i = 0; i < n; i++)
		(*out)[i] = keep_text(xmlXPathCastNodeToString(o->nodesetval->nodeTab[i]));
	xmlXPathFreeObject(o);
	return n;
}

long long html_result_count(struct html *h)
{
	char *s = trim(html_text(h, "//p[@id='result-count']/strong"));
	if (s[0] == '\0')
		return -1;
	char *end;
	long long n = strtoll(s, &end, 10);
	return *end == '\0' ? n : -1;
}
