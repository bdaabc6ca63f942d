/* auth.h: who is asking. Passwords (argon2id), sessions (random 256-bit
 * token in a cookie, only its SHA-256 stored), CSRF tokens, roles. */
#ifndef RCHUB_AUTH_H
#define RCHUB_AUTH_H

#include <stdbool.h>

#include "request.h"
#include "response.h"

#define SESSION_COOKIE "rchub_session"
#define CSRF_COOKIE "rchub_csrf"      /* double-submit token of anonymous visitors */
#define CSRF_FIELD "csrf"             /* the hidden form field */
#define FRESH_COOKIE "rchub_fresh"    /* set after a write: read from the primary, skip caches */
#define FRESH_SECONDS 10
#define SESSION_DAYS 14
#define PASSWORD_MIN_CHARS 10
#define PASSWORD_MAX_BYTES 1024
#define TOKEN_HEX_LEN 64              /* 32 random bytes as hex */
#define FORM_TOKEN_HEX_LEN 32         /* 16 random bytes: one per rendered form */

enum role { ROLE_ANONYMOUS, ROLE_MEMBER, ROLE_CENTRE_STAFF, ROLE_CENTRE_ADMIN, ROLE_MODERATOR, ROLE__MAX };

struct user {
	long long id;
	const char *name;
	const char *email;
	enum role role;
	long long centre_id; /* 0 unless centre staff or admin */
	long long ngo_id;    /* 0 when none */
	const char *csrf;    /* the session's CSRF token */
};

/* Stored role names ("member", ...) and their Russian labels. */
enum role role_from_string(const char *s);
const char *role_name(enum role r);
const char *role_label(enum role r);

/* Initialises libsodium; call once per process. Returns 0 or -1. */
int auth_init(void);

/* argon2id hash of password into out (crypto_pwhash_STRBYTES). 0 or -1. */
int password_hash(const char *password, char *out, size_t outlen);
bool password_verify(const char *hash, const char *password);

/* Fills out with n random bytes as 2n hex characters + NUL. */
void random_hex(char *out, size_t nbytes);

/* Reads the session cookie and loads req->user. Returns 0, or -1 when the
 * database failed (the caller answers 503). A stale cookie is not an error. */
int session_load(struct request *req);
/* Starts a session for user_id: stores it and sets the cookie. 0 or -1. */
int session_start(struct request *req, struct response *resp, long long user_id, bool secure);
/* Ends the current session (logout): deletes it and expires the cookie. */
int session_end(struct request *req, struct response *resp, bool secure);

/* The CSRF token to embed in forms of this page; for an anonymous visitor
 * without one, a new token is made and set as a cookie. Marks resp personal. */
const char *csrf_token(struct request *req, struct response *resp, bool secure);
/* True when the POSTed csrf field matches the visitor's token. */
bool csrf_valid(const struct request *req);

/* True when the user may act for centre_id (its staff, or a moderator). */
bool user_can_manage_centre(const struct user *u, long long centre_id);
bool user_has_role(const struct user *u, enum role minimum);

#endif
