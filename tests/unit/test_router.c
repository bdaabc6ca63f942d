/* test_router.c: unit tests of route matching (fcgi/router.c): literal and
 * parameter segments, trailing slashes, empty segments, the validators a
 * parameter's name implies, suffix patterns, 404 versus 405, HEAD as GET. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"

static void h_home(struct request *req, struct response *resp) {}
static void h_centres(struct request *req, struct response *resp) {}
static void h_centre(struct request *req, struct response *resp) {}
static void h_centre_events(struct request *req, struct response *resp) {}
static void h_services(struct request *req, struct response *resp) {}
static void h_service(struct request *req, struct response *resp) {}
static void h_service_request(struct request *req, struct response *resp) {}
static void h_centre_feed(struct request *req, struct response *resp) {}
static void h_dataset_meta(struct request *req, struct response *resp) {}
static void h_login_form(struct request *req, struct response *resp) {}
static void h_login(struct request *req, struct response *resp) {}
static void h_logout(struct request *req, struct response *resp) {}
static void h_news_feed(struct request *req, struct response *resp) {}
static void h_ngo_project(struct request *req, struct response *resp) {}

static const struct route routes[] = {
	{ .method = METHOD_GET, .pattern = "/", .handler = h_home },
	{ .method = METHOD_GET, .pattern = "/centres", .handler = h_centres },
	{ .method = METHOD_GET, .pattern = "/centres/{slug}", .handler = h_centre },
	{ .method = METHOD_GET, .pattern = "/centres/{slug}/events.ics", .handler = h_centre_events },
	{ .method = METHOD_GET, .pattern = "/services", .handler = h_services },
	{ .method = METHOD_GET, .pattern = "/services/{id}", .handler = h_service },
	{ .method = METHOD_POST, .pattern = "/services/{id}/request", .handler = h_service_request },
	{ .method = METHOD_GET, .pattern = "/feeds/news.rss", .handler = h_news_feed },
	{ .method = METHOD_GET, .pattern = "/feeds/centres/{slug}.rss", .handler = h_centre_feed },
	{ .method = METHOD_GET, .pattern = "/opendata/{dataset}/meta.xml", .handler = h_dataset_meta },
	{ .method = METHOD_GET, .pattern = "/login", .handler = h_login_form },
	{ .method = METHOD_POST, .pattern = "/login", .handler = h_login },
	{ .method = METHOD_POST, .pattern = "/logout", .handler = h_logout },
	{ .method = METHOD_GET, .pattern = "/ngos/{id}/projects/{id}", .handler = h_ngo_project },
};
#define NROUTES (sizeof routes / sizeof routes[0])

struct fixture {
	arena *mem;
	struct request req;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->mem = arena_new(16 * 1024);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(f->mem);
	free(f);
	return 0;
}

/* Routes method + path (path taken as already decoded); returns the handler
 * or NULL, with *status set when NULL. */
static handler_fn route(void **state, enum http_method m, const char *path, int *status)
{
	struct fixture *f = *state;
	memset(&f->req, 0, sizeof f->req);
	f->req.mem = f->mem;
	f->req.method = m;
	f->req.path = path;
	*status = 0;
	const struct route *r = router_match(routes, NROUTES, &f->req, status);
	return r ? r->handler : NULL;
}

static struct request *last_req(void **state)
{
	return &((struct fixture *)*state)->req;
}

/* True when GET path is not found (404). */
static bool not_found(void **state, const char *path)
{
	int st;
	return route(state, METHOD_GET, path, &st) == NULL && st == 404;
}

static void test_root_matches_only_root(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/", &st), h_home);
	assert_int_equal(last_req(state)->nparams, 0);
	assert_true(not_found(state, "/index.html"));
}

static void test_literal_path_matches(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/centres", &st), h_centres);
	assert_ptr_equal(route(state, METHOD_GET, "/services", &st), h_services);
	assert_ptr_equal(route(state, METHOD_GET, "/feeds/news.rss", &st), h_news_feed);
}

static void test_literal_match_is_exact_and_case_sensitive(void **state)
{
	assert_true(not_found(state, "/Centres"));
	assert_true(not_found(state, "/centre"));
	assert_true(not_found(state, "/centresx"));
	assert_true(not_found(state, "/feeds/news.rs"));
	assert_true(not_found(state, "/feeds/news.rssx"));
}

static void test_trailing_slash_is_not_significant(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/services/", &st), h_services);
	assert_ptr_equal(route(state, METHOD_GET, "/services/17/", &st), h_service);
	assert_string_equal(request_param(last_req(state), "id"), "17");
}

static void test_double_trailing_slash_never_matches(void **state)
{
	assert_true(not_found(state, "/services//"));
}

static void test_empty_segments_never_match(void **state)
{
	assert_true(not_found(state, "//"));
	assert_true(not_found(state, "//services"));
	assert_true(not_found(state, "/services//17"));
	assert_true(not_found(state, "/centres//events.ics"));
}

static void test_extra_or_missing_segments_do_not_match(void **state)
{
	assert_true(not_found(state, "/services/17/extra"));
	assert_true(not_found(state, "/centres/khv/events.ics/x"));
	assert_true(not_found(state, "/nothing"));
}

static void test_param_requires_a_segment(void **state)
{
	/* "/services/" is the list, never /services/{id} with an empty id. */
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/services/", &st), h_services);
	assert_ptr_equal(route(state, METHOD_GET, "/centres/", &st), h_centres);
	assert_int_equal(last_req(state)->nparams, 0);
}

static void test_id_param_captured(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/services/42", &st), h_service);
	struct request *r = last_req(state);
	assert_int_equal(r->nparams, 1);
	assert_string_equal(r->params[0].name, "id");
	assert_string_equal(r->params[0].value, "42");
	assert_int_equal(r->params[0].len, 2);
	assert_string_equal(request_param(r, "id"), "42");
}

static void test_id_param_accepts_max_unsigned_int(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/services/4294967295", &st), h_service);
	assert_string_equal(request_param(last_req(state), "id"), "4294967295");
	assert_ptr_equal(route(state, METHOD_GET, "/services/1", &st), h_service);
}

static void test_id_param_rejects_zero(void **state)
{
	assert_true(not_found(state, "/services/0"));
}

static void test_id_param_rejects_leading_zero(void **state)
{
	assert_true(not_found(state, "/services/042"));
	assert_true(not_found(state, "/services/00"));
}

static void test_id_param_rejects_letters_and_signs(void **state)
{
	assert_true(not_found(state, "/services/abc"));
	assert_true(not_found(state, "/services/12a"));
	assert_true(not_found(state, "/services/-1"));
	assert_true(not_found(state, "/services/+1"));
	assert_true(not_found(state, "/services/1.0"));
	assert_true(not_found(state, "/services/ 1"));
	assert_true(not_found(state, "/services/１"));   /* fullwidth digit */
}

static void test_id_param_rejects_over_4294967295(void **state)
{
	assert_true(not_found(state, "/services/4294967296"));
	assert_true(not_found(state, "/services/9999999999"));
	assert_true(not_found(state, "/services/18446744073709551617"));
}

static void test_slug_param_captured(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/centres/khv-resource-centre-2", &st), h_centre);
	struct request *r = last_req(state);
	assert_int_equal(r->nparams, 1);
	assert_string_equal(request_param(r, "slug"), "khv-resource-centre-2");
}

static void test_slug_param_rejects_uppercase(void **state)
{
	assert_true(not_found(state, "/centres/Khv"));
}

static void test_slug_param_rejects_underscore_and_dot(void **state)
{
	assert_true(not_found(state, "/centres/khv_centre"));
	assert_true(not_found(state, "/centres/khv.centre"));
}

static void test_slug_param_rejects_leading_or_trailing_hyphen(void **state)
{
	assert_true(not_found(state, "/centres/-khv"));
	assert_true(not_found(state, "/centres/khv-"));
}

static void test_slug_param_rejects_cyrillic(void **state)
{
	assert_true(not_found(state, "/centres/хабаровск"));
}

static void test_slug_param_rejects_over_max_length(void **state)
{
	char path[128] = "/centres/";
	memset(path + 9, 'a', 65);
	path[9 + 65] = '\0';
	assert_true(not_found(state, path));
	path[9 + 64] = '\0';
	int st;
	assert_ptr_equal(route(state, METHOD_GET, path, &st), h_centre);
}

static void test_suffix_pattern_captures_slug_without_suffix(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/feeds/centres/amursk.rss", &st), h_centre_feed);
	struct request *r = last_req(state);
	assert_string_equal(request_param(r, "slug"), "amursk");
	assert_int_equal(r->params[0].len, 6);
}

static void test_suffix_pattern_requires_suffix(void **state)
{
	assert_true(not_found(state, "/feeds/centres/amursk"));
	assert_true(not_found(state, "/feeds/centres/amursk.xml"));
	assert_true(not_found(state, "/feeds/centres/amursk.rs"));
	assert_true(not_found(state, "/feeds/centres/amursk.RSS"));
}

static void test_suffix_pattern_rejects_empty_param(void **state)
{
	assert_true(not_found(state, "/feeds/centres/.rss"));
}

static void test_suffix_pattern_still_validates_param(void **state)
{
	assert_true(not_found(state, "/feeds/centres/Amursk.rss"));
	assert_true(not_found(state, "/feeds/centres/amursk.rss.rss"));
}

static void test_param_then_literal_segment(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/centres/khv/events.ics", &st), h_centre_events);
	assert_string_equal(request_param(last_req(state), "slug"), "khv");
	assert_ptr_equal(route(state, METHOD_GET, "/centres/khv", &st), h_centre);
}

static void test_generic_param_accepts_any_non_empty_segment(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/opendata/2721000000-services/meta.xml", &st), h_dataset_meta);
	assert_string_equal(request_param(last_req(state), "dataset"), "2721000000-services");
	assert_ptr_equal(route(state, METHOD_GET, "/opendata/Набор_1/meta.xml", &st), h_dataset_meta);
	assert_string_equal(request_param(last_req(state), "dataset"), "Набор_1");
	assert_true(not_found(state, "/opendata//meta.xml"));
}

static void test_two_params_both_captured_in_order(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/ngos/7/projects/31", &st), h_ngo_project);
	struct request *r = last_req(state);
	assert_int_equal(r->nparams, 2);
	assert_string_equal(r->params[0].value, "7");
	assert_string_equal(r->params[1].value, "31");
	assert_true(not_found(state, "/ngos/7/projects/0"));
}

static void test_unknown_path_is_404(void **state)
{
	int st;
	assert_null(route(state, METHOD_GET, "/nope", &st));
	assert_int_equal(st, 404);
	assert_null(route(state, METHOD_POST, "/nope", &st));
	assert_int_equal(st, 404);
}

static void test_known_path_with_other_method_is_405(void **state)
{
	int st;
	assert_null(route(state, METHOD_POST, "/services", &st));
	assert_int_equal(st, 405);
	assert_null(route(state, METHOD_GET, "/logout", &st));
	assert_int_equal(st, 405);
	assert_null(route(state, METHOD_OTHER, "/centres/khv", &st));
	assert_int_equal(st, 405);
}

static void test_405_only_when_params_also_valid(void **state)
{
	int st;
	assert_null(route(state, METHOD_POST, "/services/0", &st));
	assert_int_equal(st, 404);
	assert_null(route(state, METHOD_GET, "/services/5/request", &st));
	assert_int_equal(st, 405);
}

static void test_no_match_leaves_no_params(void **state)
{
	int st;
	assert_null(route(state, METHOD_POST, "/services/12", &st));
	assert_int_equal(last_req(state)->nparams, 0);
	assert_null(request_param(last_req(state), "id"));
}

static void test_same_path_picks_route_by_method(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_GET, "/login", &st), h_login_form);
	assert_ptr_equal(route(state, METHOD_POST, "/login", &st), h_login);
}

static void test_post_route_captures_param(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_POST, "/services/9/request", &st), h_service_request);
	assert_string_equal(request_param(last_req(state), "id"), "9");
}

static void test_head_matches_get_routes(void **state)
{
	int st;
	assert_ptr_equal(route(state, METHOD_HEAD, "/", &st), h_home);
	assert_ptr_equal(route(state, METHOD_HEAD, "/services/3", &st), h_service);
	assert_string_equal(request_param(last_req(state), "id"), "3");
	assert_ptr_equal(route(state, METHOD_HEAD, "/feeds/centres/khv.rss", &st), h_centre_feed);
}

static void test_head_on_post_only_path_is_405(void **state)
{
	int st;
	assert_null(route(state, METHOD_HEAD, "/logout", &st));
	assert_int_equal(st, 405);
}

static void test_head_on_unknown_path_is_404(void **state)
{
	int st;
	assert_null(route(state, METHOD_HEAD, "/unknown", &st));
	assert_int_equal(st, 404);
}

static void test_empty_table_is_404(void **state)
{
	struct fixture *f = *state;
	memset(&f->req, 0, sizeof f->req);
	f->req.mem = f->mem;
	f->req.path = "/";
	int st = 0;
	assert_null(router_match(routes, 0, &f->req, &st));
	assert_int_equal(st, 404);
}

static void test_matching_after_request_parse_decodes_path(void **state)
{
	struct fixture *f = *state;
	memset(&f->req, 0, sizeof f->req);
	f->req.mem = f->mem;
	assert_int_equal(request_parse(&f->req, "GET", "/centres/%6Bhv?x=1", NULL, NULL, NULL, 0), 0);
	int st = 0;
	const struct route *r = router_match(routes, NROUTES, &f->req, &st);
	assert_non_null(r);
	assert_ptr_equal(r->handler, h_centre);
	assert_string_equal(request_param(&f->req, "slug"), "khv");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_root_matches_only_root),
		T(test_literal_path_matches),
		T(test_literal_match_is_exact_and_case_sensitive),
		T(test_trailing_slash_is_not_significant),
		T(test_double_trailing_slash_never_matches),
		T(test_empty_segments_never_match),
		T(test_extra_or_missing_segments_do_not_match),
		T(test_param_requires_a_segment),
		T(test_id_param_captured),
		T(test_id_param_accepts_max_unsigned_int),
		T(test_id_param_rejects_zero),
		T(test_id_param_rejects_leading_zero),
		T(test_id_param_rejects_letters_and_signs),
		T(test_id_param_rejects_over_4294967295),
		T(test_slug_param_captured),
		T(test_slug_param_rejects_uppercase),
		T(test_slug_param_rejects_underscore_and_dot),
		T(test_slug_param_rejects_leading_or_trailing_hyphen),
		T(test_slug_param_rejects_cyrillic),
		T(test_slug_param_rejects_over_max_length),
		T(test_suffix_pattern_captures_slug_without_suffix),
		T(test_suffix_pattern_requires_suffix),
		T(test_suffix_pattern_rejects_empty_param),
		T(test_suffix_pattern_still_validates_param),
		T(test_param_then_literal_segment),
		T(test_generic_param_accepts_any_non_empty_segment),
		T(test_two_params_both_captured_in_order),
		T(test_unknown_path_is_404),
		T(test_known_path_with_other_method_is_405),
		T(test_405_only_when_params_also_valid),
		T(test_no_match_leaves_no_params),
		T(test_same_path_picks_route_by_method),
		T(test_post_route_captures_param),
		T(test_head_matches_get_routes),
		T(test_head_on_post_only_path_is_405),
		T(test_head_on_unknown_path_is_404),
		T(test_empty_table_is_404),
		T(test_matching_after_request_parse_decodes_path),
	};
	return cmocka_run_group_tests_name("router", tests, NULL, NULL);
}
