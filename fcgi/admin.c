/* admin.c: rchub-admin, the operator's command-line tool.
 *
 *   rchub-admin [-c config.ini] reindex
 *       recomputes the stemmed search text of every service and NGO (after
 *       loading data with SQL, or after a stemmer upgrade).
 *   rchub-admin [-c config.ini] create-user EMAIL NAME ROLE [CENTRE_SLUG]
 *       creates an account (the first moderator, or staff); the password is
 *       read from the environment RCHUB_PASSWORD or from standard input.
 *   rchub-admin [-c config.ini] set-role EMAIL ROLE [CENTRE_SLUG]
 *   rchub-admin [-c config.ini] reset-password EMAIL   (password as above)
 *   rchub-admin [-c config.ini] deliver
 *       hands the pending notifications of the outbox to [mail] sendmail, one
 *       RFC 5322 message each (UTF-8 text, RFC 2047 subject); marks each sent,
 *       or counts the attempt and keeps the error. Run it from cron.
 *   rchub-admin [-c config.ini] risk-scan
 *       finds the funded, running and completed projects that an at-risk
 *       rule (survival.c) fires on and whose centre has not yet been told of
 *       that rule, records the notice and queues a message to the centre's
 *       staff, in one transaction per project. Run it daily from cron,
 *       before deliver.
 *
 * It uses the same configuration and database layer as rchub.fcgi. */
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "arena.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "stem.h"
#include "store/store.h"
#include "survival.h"
#include "timefmt.h"
#include "validate.h"

/* Re-stems the searchable text of one kind of row and says how many. */
static int reindex(arena *mem, long long (*restem)(arena *, long long), const char *what)
{
	long long n = restem(mem, 0);
	if (n < 0) {
		fprintf(stderr, "rchub-admin: cannot reindex %s\n", what);
		return -1;
	}
	printf("rchub-admin: reindexed %lld %s\n", n, what);
	return 0;
}

static int cmd_reindex(void)
{
	arena *mem = arena_new(1 << 20);
	int rc = reindex(mem, services_reindex, "services");
	if (rc == 0)
		rc = reindex(mem, ngos_reindex, "NGOs");
	arena_free(mem);
	return rc == 0 ? 0 : 1;
}

DB_QUERY(q_admin_centre_by_slug, "SELECT id FROM centres WHERE slug = ?");
DB_QUERY(q_admin_user_insert,
         "INSERT INTO users (email, name, password_hash, role, centre_id) VALUES (?, ?, ?, ?, ?)");
DB_QUERY(q_admin_set_role, "UPDATE users SET role = ?, centre_id = ? WHERE email = ?");
DB_QUERY(q_admin_set_password, "UPDATE users SET password_hash = ?, locked_until = NULL WHERE email = ?");

/* Reads the new password from RCHUB_PASSWORD or the first line of stdin. */
static const char *read_password(char *buf, size_t len)
{
	const char *env = getenv("RCHUB_PASSWORD");
	if (env != NULL) {
		snprintf(buf, len, "%s", env);
	} else {
		if (fgets(buf, (int)len, stdin) == NULL)
			return NULL;
		buf[strcspn(buf, "\r\n")] = '\0';
	}
	if (utf8_length(buf) < PASSWORD_MIN_CHARS) {
		fprintf(stderr, "rchub-admin: the password must be at least %d characters\n", PASSWORD_MIN_CHARS);
		return NULL;
	}
	return buf;
}

/* Checks a role name and the centre it needs; returns the centre id (0 for
 * none) or -1 with a message. */
static long long role_centre(arena *mem, const char *role, const char *centre_slug)
{
	enum role r = role_from_string(role);
	if (r == ROLE_ANONYMOUS) {
		fprintf(stderr, "rchub-admin: role must be member, centre_staff, centre_admin or moderator\n");
		return -1;
	}
	bool needs_centre = r == ROLE_CENTRE_STAFF || r == ROLE_CENTRE_ADMIN;
	if (needs_centre != (centre_slug != NULL)) {
		fprintf(stderr, "rchub-admin: %s\n", needs_centre ? "centre staff need a CENTRE_SLUG"
		                                                  : "only centre staff belong to a centre");
		return -1;
	}
	if (!needs_centre)
		return 0;
	struct db_param p[] = { P_TEXT(centre_slug) };
	struct db_rows *rows = db_select(mem, &q_admin_centre_by_slug, p, 1);
	if (rows == NULL || rows->nrows == 0) {
		fprintf(stderr, "rchub-admin: no centre with slug %s\n", centre_slug);
		return -1;
	}
	return db_cell_int(rows, 0, 0);
}

static int cmd_create_user(arena *mem, int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: rchub-admin create-user EMAIL NAME ROLE [CENTRE_SLUG]\n");
		return 2;
	}
	if (!valid_email(argv[0]) || !valid_text(argv[1], 200) || argv[1][0] == '\0') {
		fprintf(stderr, "rchub-admin: give a valid e-mail and a name\n");
		return 2;
	}
	long long centre = role_centre(mem, argv[2], argc == 4 ? argv[3] : NULL);
	char pw[1024], hash[256];
	if (centre < 0 || read_password(pw, sizeof pw) == NULL || password_hash(pw, hash, sizeof hash) != 0)
		return 1;
	struct db_param p[] = { P_TEXT(argv[0]), P_TEXT(argv[1]), P_TEXT(hash), P_TEXT(argv[2]),
		                centre ? P_INT(centre) : P_NULL };
	if (db_exec(&q_admin_user_insert, p, 5, NULL) != 1) {
		fprintf(stderr, "rchub-admin: %s\n", db_last_was_duplicate() ? "that e-mail already has an account"
		                                                               : "cannot create the user");
		return 1;
	}
	printf("rchub-admin: created %s (%s)\n", argv[0], argv[2]);
	return 0;
}

/* Runs an UPDATE keyed by e-mail and reports whether a user was found. */
static int update_user(struct db_query *q, struct db_param *p, size_t n, const char *email, const char *what)
{
	long long rows = db_exec(q, p, n, NULL);
	if (rows < 0) {
		fprintf(stderr, "rchub-admin: cannot update %s\n", email);
		return 1;
	}
	if (rows == 0) {
		fprintf(stderr, "rchub-admin: no user %s (or nothing to change)\n", email);
		return 1;
	}
	printf("rchub-admin: %s of %s updated\n", what, email);
	return 0;
}

static int cmd_set_role(arena *mem, int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: rchub-admin set-role EMAIL ROLE [CENTRE_SLUG]\n");
		return 2;
	}
	long long centre = role_centre(mem, argv[1], argc == 3 ? argv[2] : NULL);
	if (centre < 0)
		return 2;
	struct db_param p[] = { P_TEXT(argv[1]), centre ? P_INT(centre) : P_NULL, P_TEXT(argv[0]) };
	return update_user(&q_admin_set_role, p, 3, argv[0], "role");
}

static int cmd_reset_password(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: rchub-admin reset-password EMAIL\n");
		return 2;
	}
	char pw[1024], hash[256];
	if (read_password(pw, sizeof pw) == NULL || password_hash(pw, hash, sizeof hash) != 0)
		return 1;
	struct db_param p[] = { P_TEXT(hash), P_TEXT(argv[0]) };
	return update_user(&q_admin_set_password, p, 2, argv[0], "password");
}

#define DELIVER_BATCH 1000        /* messages per run */
#define DELIVER_MAX_ATTEMPTS 5    /* then a message waits for the operator */
#define MAIL_LINE_MAX 998         /* octets per line (RFC 5322 2.1.1) */
#define ENCODED_WORD_BYTES 42     /* text per encoded-word: 56 base64 chars, so "Subject: " + word < 78 */
#define MAIL_ERROR_MAX 500        /* outbox.last_error VARCHAR(500) */

enum { OUTBOX_ID, OUTBOX_RECIPIENT, OUTBOX_SUBJECT, OUTBOX_BODY };
DB_QUERY(q_outbox_pending,
         "SELECT id, recipient, subject, body FROM outbox WHERE sent_at IS NULL AND attempts < ? "
         "ORDER BY id LIMIT ?");
DB_QUERY(q_outbox_sent,
         "UPDATE outbox SET sent_at = UTC_TIMESTAMP(), attempts = attempts + 1, last_error = '' WHERE id = ?");
DB_QUERY(q_outbox_failed, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?");

/* A header of non-ASCII text as RFC 2047 encoded-words (UTF-8, base64),
 * one per folded line; a UTF-8 sequence is never split between words. */
static void write_encoded_header(FILE *out, const char *name, const char *text)
{
	fprintf(out, "%s:", name);
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		size_t n = len - i < ENCODED_WORD_BYTES ? len - i : ENCODED_WORD_BYTES;
		while (i + n < len && ((unsigned char)text[i + n] & 0xC0) == 0x80)
			n--;
		char b64[sodium_base64_ENCODED_LEN(ENCODED_WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)text + i, n, sodium_base64_VARIANT_ORIGINAL);
		fprintf(out, " =?UTF-8?B?%s?=\n", b64);
		i += n;
	}
	if (len == 0)
		fputc('\n', out);
}

/* The body with LF line ends (sendmail's convention), lines longer than
 * MAIL_LINE_MAX octets broken at a character boundary. */
static void write_body(FILE *out, const char *body)
{
	size_t col = 0;
	for (const char *p = body; *p; p++) {
		if (*p == '\r')
			continue;
		bool lead = ((unsigned char)*p & 0xC0) != 0x80;
		if (*p != '\n' && lead && col >= MAIL_LINE_MAX - 4) {
			fputc('\n', out);
			col = 0;
		}
		fputc(*p, out);
		col = *p == '\n' ? 0 : col + 1;
	}
	fputc('\n', out);
}

/* One outbox row as an RFC 5322 message with MIME headers for UTF-8 text. */
static void write_message(FILE *out, const struct config *cfg, const struct db_rows *r, size_t i)
{
	char date[TIMEFMT_RFC1123_MAX];
	time_t now = time(NULL);
	format_rfc1123(date, sizeof date, now, "+0000");
	fprintf(out, "From: %s\nTo: %s\nDate: %s\nMessage-ID: <outbox.%s.%lld@%s>\n", cfg->mail_from,
	        db_cell(r, i, OUTBOX_RECIPIENT), date, db_cell(r, i, OUTBOX_ID), (long long)now,
	        strchr(cfg->mail_from, '@') + 1);
	write_encoded_header(out, "Subject", db_cell(r, i, OUTBOX_SUBJECT));
	fputs("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n", out);
	write_body(out, db_cell(r, i, OUTBOX_BODY));
}

/* Pipes message i to the sendmail command; 0, or -1 with the reason in err. */
static int send_message(const struct config *cfg, const struct db_rows *r, size_t i, char *err, size_t errlen)
{
	if (!valid_email(db_cell(r, i, OUTBOX_RECIPIENT))) {
		snprintf(err, errlen, "not an e-mail address: %.200s", db_cell(r, i, OUTBOX_RECIPIENT));
		return -1;
	}
	FILE *pipe = popen(cfg->mail_sendmail, "w");
	if (pipe == NULL) {
		snprintf(err, errlen, "cannot run %.200s", cfg->mail_sendmail);
		return -1;
	}
	write_message(pipe, cfg, r, i);
	bool written = fflush(pipe) == 0 && !ferror(pipe);
	int status = pclose(pipe);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !written) {
		snprintf(err, errlen, "%.200s failed (exit status %d)", cfg->mail_sendmail,
		         status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}

/* Sends every pending outbox message that has attempts left; exits 1 when
 * any failed (cron then mails the operator the reasons printed). */
static int cmd_deliver(arena *mem, const struct config *cfg)
{
	if (!valid_email(cfg->mail_from)) {
		fprintf(stderr, "rchub-admin: set [mail] from to an e-mail address (now \"%s\")\n", cfg->mail_from);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN); /* a sendmail that exits early is a failed message, not our end */
	struct db_param p[] = { P_INT(DELIVER_MAX_ATTEMPTS), P_INT(DELIVER_BATCH) };
	struct db_rows *r = db_select(mem, &q_outbox_pending, p, 2);
	if (r == NULL) {
		fprintf(stderr, "rchub-admin: cannot read the outbox\n");
		return 1;
	}
	size_t sent = 0, failed = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		char err[MAIL_ERROR_MAX] = "";
		bool ok = send_message(cfg, r, i, err, sizeof err) == 0;
		struct db_param mark[] = { P_TEXT(err), P_INT(db_cell_int(r, i, OUTBOX_ID)) };
		long long rows = ok ? db_exec(&q_outbox_sent, mark + 1, 1, NULL) : db_exec(&q_outbox_failed, mark, 2, NULL);
		if (rows != 1) {
			fprintf(stderr, "rchub-admin: cannot record the delivery of outbox %s\n", db_cell(r, i, OUTBOX_ID));
			return 1;
		}
		if (ok) {
			sent++;
		} else {
			failed++;
			fprintf(stderr, "rchub-admin: outbox %s: %s\n", db_cell(r, i, OUTBOX_ID), err);
		}
	}
	printf("rchub-admin: delivered %zu, failed %zu\n", sent, failed);
	return failed ? 1 : 0;
}

/* ---- risk-scan -------------------------------------------------------- */

#define RISK_SCAN_ARENA_BYTES (1 << 20)

/* The message to the centre of project row i about the rules in fresh. */
static void risk_message(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i, unsigned fresh,
                         const char **subject, const char **body)
{
	char *reasons = "";
	for (int rule = 0; rule < RISK__MAX; rule++)
		if (fresh & (1u << rule))
			reasons = arena_printf(mem, "%s— %s\n", reasons, risk_rule_reason((enum risk_rule)rule));
	*subject = arena_printf(mem, "Проект «%s» под риском", db_cell(r, i, PROJECT_TITLE));
	*body = arena_printf(mem,
	                     "Здравствуйте!\n\nПроект «%s» организации «%s» (%s), который поддерживает ваш центр, "
	                     "попал под риск:\n\n%s\nСвяжитесь с организацией и запишите поддержку центра на странице "
	                     "проекта: %s/staff/projects/%s\n",
	                     db_cell(r, i, PROJECT_TITLE), db_cell(r, i, PROJECT_NGO_NAME),
	                     db_cell(r, i, PROJECT_DISTRICT_NAME), reasons, cfg->base_url, db_cell(r, i, PROJECT_ID));
}

/* Records the notices of the rules in fired that project row i has not had
 * yet and queues one message about them to its centre's staff, all in one
 * transaction. Returns the rules newly notified (bits), or -1. */
static long notify_project(arena *mem, const struct config *cfg, const struct db_rows *r, size_t i, unsigned fired)
{
	long long id = db_cell_int(r, i, PROJECT_ID);
	unsigned fresh = 0;
	if (db_begin() != 0)
		return -1;
	for (int rule = 0; rule < RISK__MAX; rule++) {
		int rc = fired & (1u << rule) ? project_notice_add(id, risk_rule_code((enum risk_rule)rule)) : 0;
		if (rc < 0) {
			db_rollback();
			return -1;
		}
		fresh |= rc == 1 ? 1u << rule : 0;
	}
	const char *subject = NULL, *body = NULL;
	if (fresh != 0)
		risk_message(mem, cfg, r, i, fresh, &subject, &body);
	if ((subject != NULL && outbox_enqueue_centre_staff(mem, db_cell_int(r, i, PROJECT_CENTRE_ID), subject, body) != 0) ||
	    db_commit() != 0) {
		db_rollback();
		return -1;
	}
	return (long)fresh;
}

/* Notifies the centres of projects newly at risk; exits 1 when a project
 * could not be handled (the others still are). */
static int cmd_risk_scan(const struct config *cfg)
{
	arena *mem = arena_new(RISK_SCAN_ARENA_BYTES);
	struct db_rows *r = projects_for_risk_scan(mem);
	if (r == NULL) {
		fprintf(stderr, "rchub-admin: cannot read the projects\n");
		arena_free(mem);
		return 1;
	}
	int today = survival_today(time(NULL)), failed = 0;
	size_t at_risk = 0, notified = 0, notices = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		struct risk_facts f;
		project_risk_facts(r, i, &f);
		unsigned fired = risk_rules_fired(&f, today);
		long fresh = fired ? notify_project(mem, cfg, r, i, fired) : 0;
		at_risk += fired != 0;
		if (fresh < 0) {
			fprintf(stderr, "rchub-admin: cannot notify project %s\n", db_cell(r, i, PROJECT_ID));
			failed = 1;
		} else if (fresh > 0) {
			notified++;
			notices += (size_t)__builtin_popcountl((unsigned long)fresh);
		}
	}
	printf("rchub-admin: risk-scan: %zu projects at risk, %zu new notices to the centres of %zu projects\n",
	       at_risk, notices, notified);
	arena_free(mem);
	return failed;
}

static void usage(void)
{
	fprintf(stderr, "usage: rchub-admin [-c config.ini] COMMAND\n"
	                "  reindex\n"
	                "  create-user EMAIL NAME ROLE [CENTRE_SLUG]   (password: $RCHUB_PASSWORD or stdin)\n"
	                "  set-role EMAIL ROLE [CENTRE_SLUG]\n"
	                "  reset-password EMAIL                        (password: $RCHUB_PASSWORD or stdin)\n"
	                "  deliver                                     (the outbox, through [mail] sendmail)\n"
	                "  risk-scan                                   (tell centres of projects newly at risk)\n");
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int i = 1;
	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		config_path = argv[2];
		i = 3;
	}
	if (i >= argc) {
		usage();
		return 2;
	}
	static struct config cfg;
	char err[1024];
	if (config_load(&cfg, config_path, err, sizeof err) != 0) {
		fprintf(stderr, "rchub-admin: %s\n", err);
		return 1;
	}
	db_configure(&cfg);
	if (db_connect_now(err, sizeof err) != 0) {
		fprintf(stderr, "rchub-admin: cannot connect to the database: %s\n", err);
		return 1;
	}
	if (auth_init() != 0)
		return 1;
	arena *mem = arena_new(1 << 16);
	const char *cmd = argv[i];
	int rest = argc - i - 1;
	char **args = argv + i + 1;
	int rc;
	if (strcmp(cmd, "reindex") == 0)
		rc = cmd_reindex();
	else if (strcmp(cmd, "create-user") == 0)
		rc = cmd_create_user(mem, rest, args);
	else if (strcmp(cmd, "set-role") == 0)
		rc = cmd_set_role(mem, rest, args);
	else if (strcmp(cmd, "reset-password") == 0)
		rc = cmd_reset_password(rest, args);
	else if (strcmp(cmd, "deliver") == 0 && rest == 0)
		rc = cmd_deliver(mem, &cfg);
	else if (strcmp(cmd, "risk-scan") == 0 && rest == 0)
		rc = cmd_risk_scan(&cfg);
	else {
		usage();
		rc = 2;
	}
	arena_free(mem);
	db_close();
	stem_shutdown();
	return rc;
}
