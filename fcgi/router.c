/* router.c: segment-by-segment matching of request paths against route
 * patterns. A trailing slash is not significant ("/services/" is
 * "/services"), empty segments ("//") never match. */
#include "router.h"

#include <string.h>

#include "validate.h"

/* Checks a captured parameter with the validator its name implies. */
static bool param_valid(const char *name, size_t name_len, const char *value)
{
	if (name_len == 2 && memcmp(name, "id", 2) == 0)
		return valid_id(value, NULL);
	if (name_len == 4 && memcmp(name, "slug", 4) == 0)
		return valid_slug(value);
	return value[0] != '\0';
}

/* Matches one path segment seg[0..seg_len) against one pattern segment
 * pat[0..pat_len): a literal, or "{name}" with an optional literal suffix. */
static bool segment_match(struct request *req, const char *pat, size_t pat_len, const char *seg, size_t seg_len)
{
	if (pat_len == 0 || pat[0] != '{')
		return pat_len == seg_len && memcmp(pat, seg, seg_len) == 0;
	const char *close = memchr(pat, '}', pat_len);
	if (close == NULL || req->nparams >= REQ_MAX_PARAMS)
		return false;
	const char *suffix = close + 1;
	size_t suffix_len = pat_len - (size_t)(suffix - pat);
	if (seg_len <= suffix_len || memcmp(seg + seg_len - suffix_len, suffix, suffix_len) != 0)
		return false;
	size_t name_len = (size_t)(close - pat - 1);
	char *value = arena_strndup(req->mem, seg, seg_len - suffix_len);
	if (!param_valid(pat + 1, name_len, value))
		return false;
	struct field *p = &req->params[req->nparams++];
	p->name = arena_strndup(req->mem, pat + 1, name_len);
	p->value = value;
	p->len = seg_len - suffix_len;
	return true;
}

static size_t segment_length(const char *s)
{
	const char *slash = strchr(s, '/');
	return slash ? (size_t)(slash - s) : strlen(s);
}

/* True when path matches pattern; parameters are appended to req->params. */
static bool path_match(struct request *req, const char *pattern, const char *path)
{
	req->nparams = 0;
	if (strcmp(path, "/") == 0 || strcmp(pattern, "/") == 0)
		return strcmp(path, pattern) == 0;
	const char *p = pattern + 1, *s = path + 1;
	for (;;) {
		size_t plen = segment_length(p), slen = segment_length(s);
		if (slen == 0 && s[0] == '/')
			return false; /* "//" */
		if (!segment_match(req, p, plen, s, slen))
			return false;
		p += plen, s += slen;
		bool p_end = *p == '\0', s_end = *s == '\0' || strcmp(s, "/") == 0;
		if (p_end || s_end)
			return p_end && s_end;
		p++, s++;
	}
}

const struct route *router_match(const struct route *table, size_t n, struct request *req, int *status)
{
	enum http_method m = req->method == METHOD_HEAD ? METHOD_GET : req->method;
	bool path_known = false;
	for (size_t i = 0; i < n; i++) {
		if (!path_match(req, table[i].pattern, req->path))
			continue;
		if (table[i].method == m)
			return &table[i];
		path_known = true;
	}
	req->nparams = 0;
	*status = path_known ? 405 : 404;
	return NULL;
}

const char *router_allowed(const struct route *table, size_t n, struct request *req)
{
	bool get = false, post = false;
	for (size_t i = 0; i < n; i++) {
		if (!path_match(req, table[i].pattern, req->path))
			continue;
		get |= table[i].method == METHOD_GET;
		post |= table[i].method == METHOD_POST;
	}
	req->nparams = 0;
	if (get && post)
		return "GET, HEAD, POST";
	return get ? "GET, HEAD" : post ? "POST" : "";
}
