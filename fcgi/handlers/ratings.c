/* handlers/ratings.c: verified ratings. Once a centre has marked a request
 * done, its requester (and nobody else) rates it once on the member's
 * request page: 1..5 on every criterion of the published version of the
 * standard, and an optional comment that waits for moderation before it is
 * public. Staff of the centre that did the work cannot rate it.
 *
 * POST /account/requests/{id}/rating checks the owner, the staff rule and
 * the status before reading the form (a refusal is a 403 and writes
 * nothing), then writes the rating, its overall score (the weighted mean,
 * fcgi/quality.c) and its scores in one transaction. feedback.request_id is
 * UNIQUE: a second submission writes nothing and lands on the same page. */
#include "handlers.h"

#include <stdlib.h>
#include <string.h>

#include "../auth.h"
#include "../form.h"
#include "../quality.h"
#include "../timefmt.h"
#include "../validate.h"

#define RATING_COMMENT_MAX_CHARS 2000
#define SCORE_MISSING "Выберите оценку от 1 до 5 по этому критерию."
#define STANDARD_CHANGED                                                                          \
	"Пока вы заполняли форму, модератор утвердил новую версию стандарта качества. Проверьте оценки " \
	"по её критериям и отправьте форму ещё раз."

static const struct label score_labels[] = {
	{ "1", "1 — очень плохо" },
	{ "2", "2 — плохо" },
	{ "3", "3 — удовлетворительно" },
	{ "4", "4 — хорошо" },
	{ "5", "5 — отлично" },
	{ NULL, NULL },
};

static const struct form_field extra_fields[] = {
	{ "comment", "COMMENT", "COMMENT_ERROR", FORM_MULTILINE, RATING_COMMENT_MAX_CHARS, false, NULL },
	{ "standard", "STANDARD_ID", "STANDARD_ERROR", FORM_ID, 0, true, NULL },
};
#define NEXTRA (sizeof extra_fields / sizeof extra_fields[0])

/* The rating form: a radio group per criterion of the published version
 * ("score_<criterion id>"), the comment, and the version it was drawn for. */
struct rating_form {
	struct form scores;
	struct form extra;
	struct db_rows *standard; /* QS_*; no row before the first publication */
	struct db_rows *criteria; /* QC_* */
};

/* An empty form for the published version; false when the database failed. */
static bool rating_form_init(arena *mem, struct rating_form *rf)
{
	static struct db_rows no_criteria;
	rf->standard = quality_standard_current(mem);
	if (rf->standard == NULL)
		return false;
	rf->criteria = rf->standard->nrows ? quality_criteria_of(mem, db_cell_int(rf->standard, 0, QS_ID))
	                                   : &no_criteria;
	if (rf->criteria == NULL)
		return false;
	size_t n = rf->criteria->nrows;
	struct form_field *fields = arena_calloc(mem, n + 1, sizeof *fields);
	for (size_t i = 0; i < n; i++)
		fields[i] = (struct form_field){ arena_printf(mem, "score_%s", db_cell(rf->criteria, i, QC_ID)), "SCORE",
		                                 "SCORE_ERROR", FORM_CHOICE, 0, true, score_labels };
	form_init(&rf->scores, mem, fields, n);
	form_init(&rf->extra, mem, extra_fields, NEXTRA);
	if (n > 0)
		form_set_value(&rf->extra, "standard", db_cell(rf->standard, 0, QS_ID));
	return true;
}

/* True when u is staff or admin of centre_id (a moderator is not). */
static bool staff_of(const struct user *u, long long centre_id)
{
	return (u->role == ROLE_CENTRE_STAFF || u->role == ROLE_CENTRE_ADMIN) && u->centre_id == centre_id;
}

/* ---- the request page's part -------------------------------------------------- */

/* GIVEN: the rating already given, its scores and its comment's state. */
static int fill_given(struct request *req, tpl_dict *d, const struct db_rows *fb)
{
	struct db_rows *scores = feedback_scores(req->mem, db_cell_int(fb, 0, FB_ID));
	if (scores == NULL)
		return -1;
	char overall[QUALITY_FORMAT_MAX];
	quality_format(overall, sizeof overall, strtod(db_cell(fb, 0, FB_OVERALL), NULL));
	tpl_dict *g = tpl_section(d, "GIVEN");
	tpl_set(g, "OVERALL", overall);
	tpl_set(g, "GIVEN_AT", format_datetime_ru(req->mem, db_cell(fb, 0, FB_CREATED_AT)));
	if (query_value(req, "rated") != NULL)
		tpl_show(g, "THANKS");
	for (size_t i = 0; i < scores->nrows; i++) {
		tpl_dict *s = tpl_section(g, "SCORE");
		tpl_set(s, "CRITERION_NAME", db_cell(scores, i, FBS_CRITERION_NAME));
		tpl_set(s, "SCORE_VALUE", db_cell(scores, i, FBS_SCORE));
	}
	const char *status = db_cell(fb, 0, FB_COMMENT_STATUS);
	if (strcmp(status, "none") != 0) {
		tpl_dict *c = tpl_section(g, "HAS_COMMENT");
		tpl_set(c, "COMMENT", db_cell(fb, 0, FB_COMMENT));
		tpl_set(c, "COMMENT_STATUS", status);
		tpl_set(c, "COMMENT_STATUS_LABEL", label_text(comment_status_labels, status));
		if (strcmp(status, "pending") == 0)
			tpl_show(c, "PENDING");
	}
	return 0;
}

/* One CRITERION fieldset: its radio group, the typed choice and its error. */
static void fill_criterion(tpl_dict *f, const struct rating_form *rf, size_t i)
{
	tpl_dict *c = tpl_section(f, "CRITERION");
	tpl_set(c, "CRITERION_ID", db_cell(rf->criteria, i, QC_ID));
	tpl_set(c, "NAME", db_cell(rf->criteria, i, QC_NAME));
	tpl_set(c, "DESCRIPTION", db_cell(rf->criteria, i, QC_DESCRIPTION));
	if (rf->scores.errors[i] != NULL)
		tpl_set(tpl_section(c, "SCORE_ERROR"), "ERROR", rf->scores.errors[i]);
	for (int k = 0; score_labels[k].value != NULL; k++) {
		tpl_dict *o = tpl_section(c, "SCORE_OPTION");
		tpl_set(o, "OPTION_VALUE", score_labels[k].value);
		tpl_set(o, "OPTION_TEXT", score_labels[k].text);
		if (strcmp(rf->scores.values[i], score_labels[k].value) == 0)
			tpl_show(o, "OPTION_CHECKED");
	}
}

/* FORM: the rating form of request id, as typed. */
static void fill_rating_form(struct request *req, tpl_dict *d, const struct rating_form *rf, long long id)
{
	tpl_dict *f = tpl_section(d, "FORM");
	tpl_set_int(f, "REQUEST_ID", id);
	tpl_set(f, "CSRF", req->user->csrf);
	tpl_set_int(f, "COMMENT_MAX", RATING_COMMENT_MAX_CHARS);
	for (size_t i = 0; i < rf->criteria->nrows; i++)
		fill_criterion(f, rf, i);
	form_fill(&rf->extra, f);
	int errors = rf->scores.nerrors + rf->extra.nerrors;
	if (errors > 0)
		tpl_set_int(tpl_section(f, "RATING_ERRORS"), "ERROR_COUNT", errors);
}

/* The rating part of the member's request page: nothing yet, the rating
 * given, a refusal to staff, or the form. */
int fill_request_rating(struct request *req, tpl_dict *page, const struct db_rows *r, const struct rating_form *typed)
{
	tpl_dict *d = tpl_include(page, "RATING", "rating.tpl");
	long long id = db_cell_int(r, 0, REQUEST_ID);
	if (strcmp(db_cell(r, 0, REQUEST_STATUS), "done") != 0) {
		tpl_show(d, "NOT_DONE");
		return 0;
	}
	struct db_rows *fb = feedback_of_request(req->mem, id);
	if (fb == NULL)
		return -1;
	if (fb->nrows > 0)
		return fill_given(req, d, fb);
	if (staff_of(req->user, db_cell_int(r, 0, REQUEST_CENTRE_ID))) {
		tpl_show(d, "OWN_CENTRE");
		return 0;
	}
	struct rating_form fresh;
	if (typed == NULL && !rating_form_init(req->mem, &fresh))
		return -1;
	const struct rating_form *rf = typed ? typed : &fresh;
	if (rf->scores.n == 0)
		tpl_show(d, "NO_STANDARD");
	else
		fill_rating_form(req, d, rf, id);
	return 0;
}

/* ---- rating ------------------------------------------------------------------ */

/* Refuses (403, nothing written) anyone but the requester of a done
 * request, and the staff of the centre that did the work. 0 or 403. */
static int refuse(struct request *req, struct response *resp, const struct db_rows *r)
{
	const char *why = NULL;
	if (r->nrows == 0 || db_cell_int(r, 0, REQUEST_USER_ID) != req->user->id)
		why = "Оценить услугу может только тот, кто отправил заявку. Откройте свою заявку в разделе «Мои заявки».";
	else if (staff_of(req->user, db_cell_int(r, 0, REQUEST_CENTRE_ID)))
		why = "Сотрудники центра не оценивают услуги своего центра: оценку ставит тот, кто получил услугу.";
	else if (strcmp(db_cell(r, 0, REQUEST_STATUS), "done") != 0)
		why = arena_printf(req->mem, "Оценить услугу можно, когда центр отметит заявку выполненной. "
		                             "Сейчас у заявки статус «%s».",
		                   label_text(request_status_labels, db_cell(r, 0, REQUEST_STATUS)));
	if (why == NULL)
		return 0;
	page_error(req, resp, 403, why);
	return 403;
}

/* Reads and checks the posted form against the published version. */
static void read_rating(struct request *req, struct rating_form *rf)
{
	form_read(&rf->scores, req);
	form_read(&rf->extra, req);
	for (size_t i = 0; i < rf->scores.n; i++)
		if (rf->scores.errors[i] != NULL)
			form_set_error(&rf->scores, rf->scores.fields[i].name, SCORE_MISSING);
	const char *current = db_cell(rf->standard, 0, QS_ID);
	if (strcmp(form_value(&rf->extra, "standard"), current) != 0) {
		form_set_error(&rf->extra, "standard", STANDARD_CHANGED);
		form_set_value(&rf->extra, "standard", current);
	}
}

/* The rating to write: its overall score is the weighted mean of the scores. */
static struct new_feedback new_feedback_of(struct request *req, const struct db_rows *r, const struct rating_form *rf)
{
	size_t n = rf->scores.n;
	int *scores = arena_calloc(req->mem, n, sizeof *scores);
	double *weights = arena_calloc(req->mem, n, sizeof *weights);
	for (size_t i = 0; i < n; i++) {
		scores[i] = atoi(rf->scores.values[i]);
		weights[i] = strtod(db_cell(rf->criteria, i, QC_WEIGHT), NULL);
	}
	return (struct new_feedback){
		.request_id = db_cell_int(r, 0, REQUEST_ID), .user_id = req->user->id,
		.service_id = db_cell_int(r, 0, REQUEST_SERVICE_ID), .centre_id = db_cell_int(r, 0, REQUEST_CENTRE_ID),
		.standard_id = db_cell_int(rf->standard, 0, QS_ID),
		.overall = arena_printf(req->mem, "%.3f", quality_weighted_mean(scores, weights, n)),
		.comment = form_value(&rf->extra, "comment"),
	};
}

/* Writes the rating and its scores in one transaction, the request locked
 * and still done. 0 (also when it was already rated), -1 on failure. */
static int write_rating(struct request *req, const struct db_rows *r, const struct rating_form *rf)
{
	struct new_feedback nf = new_feedback_of(req, r, rf);
	if (db_begin() != 0)
		return -1;
	struct db_rows *locked = request_lock(req->mem, nf.request_id);
	long long id = 0;
	int rc = locked && locked->nrows && strcmp(db_cell(locked, 0, LOCKED_STATUS), "done") == 0
	             ? feedback_insert(&nf, &id)
	             : -1;
	for (size_t i = 0; rc == 1 && i < rf->scores.n; i++)
		if (feedback_score_insert(id, db_cell_int(rf->criteria, i, QC_ID), atoi(rf->scores.values[i])) != 0)
			rc = -1;
	if (rc != 1 || db_commit() != 0) {
		db_rollback();
		return rc == 0 ? 0 : -1;
	}
	return 0;
}

/* POST /account/requests/{id}/rating: 303 to the request page, 400 with
 * the form as typed, 403 for anyone who may not rate it. */
void handle_rating_create(struct request *req, struct response *resp)
{
	long long id;
	valid_id(request_param(req, "id"), &id);
	struct db_rows *r = request_by_id(req->mem, id), *fb = NULL;
	struct rating_form rf;
	if (r == NULL || (r->nrows && (fb = feedback_of_request(req->mem, id)) == NULL)) {
		page_db_failure(req, resp);
		return;
	}
	if (refuse(req, resp, r) != 0)
		return;
	const char *done = arena_printf(req->mem, "/account/requests/%lld?rated=1#rating", id);
	if (fb->nrows > 0) {
		response_redirect(resp, 303, done);
		return;
	}
	if (!rating_form_init(req->mem, &rf)) {
		page_db_failure(req, resp);
		return;
	}
	if (rf.scores.n == 0) {
		page_error(req, resp, 403, "Стандарт качества ещё не утверждён, поэтому оценить услугу пока нельзя. "
		                           "Вернитесь к заявке позже.");
		return;
	}
	read_rating(req, &rf);
	if (rf.scores.nerrors + rf.extra.nerrors > 0)
		render_account_request(req, resp, id, &rf, 400);
	else if (write_rating(req, r, &rf) != 0)
		page_db_failure(req, resp);
	else
		response_redirect(resp, 303, done);
}
