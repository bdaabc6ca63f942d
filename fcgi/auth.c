/* auth.c: passwords, sessions and CSRF tokens on top of libsodium
 * (argon2id, SHA-256, a CSPRNG, constant-time comparison). The session cookie
 * holds a random 256-bit token; the database holds only its SHA-256, so a
 * leaked sessions table does not let anyone sign in. */
#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "log.h"

/* argon2id cost: OWASP's minimum (19 MiB, 2 passes) keeps a worker small. */
#define PWHASH_OPSLIMIT 2
#define PWHASH_MEMLIMIT (19u * 1024 * 1024)

static const char *const role_names[ROLE__MAX] = {
	"anonymous",    /* ROLE_ANONYMOUS */
	"member",       /* ROLE_MEMBER */
	"centre_staff", /* ROLE_CENTRE_STAFF */
	"centre_admin", /* ROLE_CENTRE_ADMIN */
	"moderator",    /* ROLE_MODERATOR */
};

static const char *const role_labels[ROLE__MAX] = {
	"Гость",                         /* ROLE_ANONYMOUS */
	"Участник (НКО)",                /* ROLE_MEMBER */
	"Сотрудник центра",              /* ROLE_CENTRE_STAFF */
	"Администратор центра",          /* ROLE_CENTRE_ADMIN */
	"Модератор (министерство)",      /* ROLE_MODERATOR */
};

enum role role_from_string(const char *s)
{
	for (int r = ROLE_MEMBER; r < ROLE__MAX; r++)
		if (s != NULL && strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE_ANONYMOUS;
}

const char *role_name(enum role r)
{
	return r < ROLE__MAX ? role_names[r] : "anonymous";
}

const char *role_label(enum role r)
{
	return r < ROLE__MAX ? role_labels[r] : role_labels[0];
}

int auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int password_hash(const char *password, char *out, size_t outlen)
{
	if (outlen < crypto_pwhash_STRBYTES)
		return -1;
	return crypto_pwhash_str_alg(out, password, strlen(password), PWHASH_OPSLIMIT, PWHASH_MEMLIMIT,
	                             crypto_pwhash_ALG_ARGON2ID13);
}

bool password_verify(const char *hash, const char *password)
{
	if (hash == NULL || password == NULL)
		return false;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void random_hex(char *out, size_t nbytes)
{
	unsigned char buf[64];
	if (nbytes > sizeof buf)
		nbytes = sizeof buf;
	randombytes_buf(buf, nbytes);
	sodium_bin2hex(out, nbytes * 2 + 1, buf, nbytes);
}

/* SHA-256 of a token as 64 hex characters. */
static void token_hash(const char *token, char out[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, digest, sizeof digest);
}

static bool is_hex_token(const char *s, size_t len)
{
	if (s == NULL || strlen(s) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

DB_QUERY(q_session_user,
         "SELECT u.id, u.name, u.email, u.role, COALESCE(u.centre_id, 0), COALESCE(u.ngo_id, 0), s.csrf_token "
         "FROM sessions s JOIN users u ON u.id = s.user_id "
         "WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP() AND u.is_active = 1");
DB_QUERY(q_session_insert,
         "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, address) "
         "VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? DAY, ?)");
DB_QUERY(q_session_delete, "DELETE FROM sessions WHERE token_hash = ?");
DB_QUERY(q_session_purge, "DELETE FROM sessions WHERE user_id = ? AND expires_at < UTC_TIMESTAMP()");

int session_load(struct request *req)
{
	const char *token = request_cookie(req, SESSION_COOKIE);
	if (!is_hex_token(token, TOKEN_HEX_LEN))
		return 0;
	char hash[65];
	token_hash(token, hash);
	struct db_param p[] = { P_TEXT(hash) };
	struct db_rows *r = db_select(req->mem, &q_session_user, p, 1);
	if (r == NULL)
		return -1;
	if (r->nrows == 0)
		return 0;
	struct user *u = arena_calloc(req->mem, 1, sizeof *u);
	u->id = db_cell_int(r, 0, 0);
	u->name = db_cell(r, 0, 1);
	u->email = db_cell(r, 0, 2);
	u->role = role_from_string(db_cell(r, 0, 3));
	u->centre_id = db_cell_int(r, 0, 4);
	u->ngo_id = db_cell_int(r, 0, 5);
	u->csrf = db_cell(r, 0, 6);
	req->user = u;
	req->session_token = token;
	return 0;
}

static void set_cookie(struct request *req, struct response *resp, const char *name, const char *value,
                       long max_age, bool secure)
{
	response_header(resp, "Set-Cookie",
	                arena_printf(req->mem, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s", name, value,
	                             max_age, secure ? "; Secure" : ""));
	resp->personal = true;
}

int session_start(struct request *req, struct response *resp, long long user_id, bool secure)
{
	char token[TOKEN_HEX_LEN + 1], hash[65], csrf[TOKEN_HEX_LEN + 1];
	random_hex(token, TOKEN_HEX_LEN / 2);
	random_hex(csrf, TOKEN_HEX_LEN / 2);
	token_hash(token, hash);
	const char *addr = req->remote_addr ? req->remote_addr : "";
	struct db_param p[] = { P_TEXT(hash), P_INT(user_id), P_TEXT(csrf), P_INT(SESSION_DAYS), P_TEXT(addr) };
	if (db_exec(&q_session_insert, p, 5, NULL) != 1)
		return -1;
	struct db_param purge[] = { P_INT(user_id) };
	db_exec(&q_session_purge, purge, 1, NULL);
	set_cookie(req, resp, SESSION_COOKIE, token, SESSION_DAYS * 86400L, secure);
	return 0;
}

int session_end(struct request *req, struct response *resp, bool secure)
{
	set_cookie(req, resp, SESSION_COOKIE, "", 0, secure);
	if (req->session_token == NULL)
		return 0;
	char hash[65];
	token_hash(req->session_token, hash);
	struct db_param p[] = { P_TEXT(hash) };
	return db_exec(&q_session_delete, p, 1, NULL) < 0 ? -1 : 0;
}

const char *csrf_token(struct request *req, struct response *resp, bool secure)
{
	resp->personal = true;
	if (req->user != NULL)
		return req->user->csrf;
	const char *existing = request_cookie(req, CSRF_COOKIE);
	if (is_hex_token(existing, TOKEN_HEX_LEN))
		return existing;
	if (req->new_csrf != NULL)
		return req->new_csrf;
	char *token = arena_alloc(req->mem, TOKEN_HEX_LEN + 1);
	random_hex(token, TOKEN_HEX_LEN / 2);
	set_cookie(req, resp, CSRF_COOKIE, token, 86400L, secure);
	req->new_csrf = token;
	return token;
}

bool csrf_valid(const struct request *req)
{
	const char *sent = request_form(req, CSRF_FIELD);
	const char *expected = req->user ? req->user->csrf : request_cookie(req, CSRF_COOKIE);
	if (!is_hex_token(sent, TOKEN_HEX_LEN) || !is_hex_token(expected, TOKEN_HEX_LEN))
		return false;
	return sodium_memcmp(sent, expected, TOKEN_HEX_LEN) == 0;
}

bool user_has_role(const struct user *u, enum role minimum)
{
	return u != NULL && u->role >= minimum;
}

bool user_can_manage_centre(const struct user *u, long long centre_id)
{
	if (u == NULL)
		return false;
	if (u->role == ROLE_MODERATOR)
		return true;
	return (u->role == ROLE_CENTRE_STAFF || u->role == ROLE_CENTRE_ADMIN) && u->centre_id == centre_id &&
	       centre_id > 0;
}
