/* db.c: the worker's MariaDB connections (Connector/C): the primary, and
 * optionally a read replica. Statements are prepared on first use on each
 * connection and kept for its life. When a server goes away every handle of
 * that connection is dropped, the connection is re-opened and the statements
 * re-prepared; a read is retried once after a reconnect, a write never (its
 * outcome is unknown, so the caller reports an error instead). While a server
 * stays away, attempts are spaced out so that requests get a fast 503 instead
 * of each waiting for a connect timeout; reads meant for a replica that is
 * down go to the primary. */
#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"

#define DB_RETRY_INTERVAL_MS 250 /* between reconnect attempts while down */
#define DB_CELL_BUFFER 256       /* first fetch buffer; longer values are re-fetched */
#define DB_CONNECT_TIMEOUT 2     /* seconds */

struct db_conn {
	const char *label;             /* for logs: "primary", "replica" */
	char socket[CONFIG_STR_MAX];   /* unix socket, or "" for TCP */
	char host[CONFIG_STR_MAX];
	int port;
	bool configured;
	MYSQL *m;
	struct db_query *prepared;     /* statements prepared on this connection */
	long long last_failed_connect_ms;
	bool down;
	unsigned long executions;
};

static const struct config *db_cfg;
static struct db_conn conns[DB__TARGETS] = {
	{ .label = "primary", .last_failed_connect_ms = -1000000 },
	{ .label = "replica", .last_failed_connect_ms = -1000000 },
};
static bool replica_preferred;
static bool last_duplicate;
/* A transaction on the primary is open; if its connection is lost it is
 * broken: every statement fails until db_rollback, so that nothing of it can
 * be committed half on a new connection. */
static bool in_transaction;
static bool transaction_broken;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool db_parse_dsn(const char *dsn, char *socket, char *host, int *port)
{
	socket[0] = host[0] = '\0';
	if (strncmp(dsn, "unix:", 5) == 0 && dsn[5] == '/' && strlen(dsn + 5) < CONFIG_STR_MAX) {
		strcpy(socket, dsn + 5);
		return true;
	}
	if (strncmp(dsn, "tcp:", 4) != 0)
		return false;
	const char *colon = strrchr(dsn + 4, ':');
	if (colon == NULL || colon == dsn + 4 || (size_t)(colon - dsn - 4) >= CONFIG_STR_MAX)
		return false;
	char *end;
	long p = strtol(colon + 1, &end, 10);
	if (*end != '\0' || p <= 0 || p > 65535)
		return false;
	memcpy(host, dsn + 4, (size_t)(colon - dsn - 4));
	host[colon - dsn - 4] = '\0';
	*port = (int)p;
	return true;
}

void db_configure(const struct config *cfg)
{
	db_cfg = cfg;
	struct db_conn *p = &conns[DB_PRIMARY], *r = &conns[DB_REPLICA];
	snprintf(p->socket, sizeof p->socket, "%s", cfg->db_socket);
	snprintf(p->host, sizeof p->host, "%s", cfg->db_host);
	p->port = cfg->db_port;
	p->configured = true;
	r->configured = cfg->db_read_dsn[0] != '\0' && db_parse_dsn(cfg->db_read_dsn, r->socket, r->host, &r->port);
}

/* Drops every prepared handle of c; they die with their connection. */
static void forget_statements(struct db_conn *c)
{
	enum db_target t = (enum db_target)(c - conns);
	for (struct db_query *q = c->prepared; q != NULL;) {
		struct db_query *next = q->next_prepared[t];
		if (q->stmt[t] != NULL)
			mysql_stmt_close(q->stmt[t]);
		q->stmt[t] = NULL;
		q->next_prepared[t] = NULL;
		q = next;
	}
	c->prepared = NULL;
}

static void close_conn(struct db_conn *c)
{
	forget_statements(c);
	if (c->m != NULL)
		mysql_close(c->m);
	c->m = NULL;
}

void db_close(void)
{
	for (int t = 0; t < DB__TARGETS; t++)
		close_conn(&conns[t]);
}

static int open_connection(struct db_conn *c, char *err, size_t errlen)
{
	MYSQL *m = mysql_init(NULL);
	if (m == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	unsigned int timeout = DB_CONNECT_TIMEOUT;
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(m, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	const char *sock = c->socket[0] ? c->socket : NULL;
	const char *host = sock ? "localhost" : c->host;
	if (mysql_real_connect(m, host, db_cfg->db_user, db_cfg->db_password, db_cfg->db_name, (unsigned)c->port,
	                       sock, 0) == NULL) {
		snprintf(err, errlen, "%s", mysql_error(m));
		mysql_close(m);
		return -1;
	}
	c->m = m;
	return 0;
}

int db_connect_now(char *err, size_t errlen)
{
	db_close();
	return open_connection(&conns[DB_PRIMARY], err, errlen);
}

/* Makes sure c is connected, without hammering a server that is down. */
static bool ensure_connected(struct db_conn *c)
{
	if (c->m != NULL)
		return true;
	long long t = now_ms();
	if (t - c->last_failed_connect_ms < DB_RETRY_INTERVAL_MS)
		return false;
	char err[256];
	if (open_connection(c, err, sizeof err) != 0) {
		c->last_failed_connect_ms = t;
		if (!c->down)
			log_error("db_down", "server=%s reason=\"%s\"", c->label, err);
		c->down = true;
		return false;
	}
	if (c->down)
		log_info("db_up", "server=%s reconnected=1", c->label);
	c->down = false;
	return true;
}

bool db_unavailable(void)
{
	return conns[DB_PRIMARY].down;
}

void db_prefer_replica(bool yes)
{
	replica_preferred = yes;
}

unsigned long db_executions(enum db_target t)
{
	return t < DB__TARGETS ? conns[t].executions : 0;
}

/* The connection reads go to: the replica when allowed and reachable. */
static struct db_conn *read_conn(void)
{
	struct db_conn *r = &conns[DB_REPLICA];
	if (replica_preferred && r->configured && ensure_connected(r))
		return r;
	return &conns[DB_PRIMARY];
}

static bool connection_lost(unsigned int code)
{
	return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST ||
	       code == CR_CONNECTION_ERROR || code == CR_CONN_HOST_ERROR ||
	       code == ER_CONNECTION_KILLED || code == ER_SERVER_SHUTDOWN ||
	       code == CR_COMMANDS_OUT_OF_SYNC;
}

static void mark_lost(struct db_conn *c, const char *where, unsigned int code, const char *msg)
{
	log_error("db_lost", "server=%s where=%s code=%u reason=\"%s\"", c->label, where, code, msg);
	if (c == &conns[DB_PRIMARY] && in_transaction)
		transaction_broken = true;
	close_conn(c);
	c->down = true;
	c->last_failed_connect_ms = now_ms() - DB_RETRY_INTERVAL_MS; /* try once right away */
}

static MYSQL_STMT *prepared(struct db_conn *c, struct db_query *q)
{
	enum db_target t = (enum db_target)(c - conns);
	if (q->stmt[t] != NULL)
		return q->stmt[t];
	MYSQL_STMT *st = mysql_stmt_init(c->m);
	if (st == NULL)
		return NULL;
	if (mysql_stmt_prepare(st, q->sql, strlen(q->sql)) != 0) {
		unsigned int code = mysql_stmt_errno(st);
		log_error("db_prepare", "server=%s code=%u reason=\"%s\" sql=\"%.80s\"", c->label, code,
		          mysql_stmt_error(st), q->sql);
		mysql_stmt_close(st);
		if (connection_lost(code))
			mark_lost(c, "prepare", code, "");
		return NULL;
	}
	q->stmt[t] = st;
	q->next_prepared[t] = c->prepared;
	c->prepared = q;
	return st;
}

static void bind_params(MYSQL_BIND *b, const struct db_param *p, size_t n, my_bool *is_null)
{
	for (size_t i = 0; i < n; i++) {
		memset(&b[i], 0, sizeof b[i]);
		switch (p[i].type) {
		case DB_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
			break;
		case DB_TEXT:
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)p[i].s;
			b[i].buffer_length = p[i].len;
			break;
		case DB_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			is_null[i] = 1;
			b[i].is_null = &is_null[i];
			break;
		}
	}
}

/* Prepares (if needed), binds and executes q on c. Returns the statement or
 * NULL; *lost tells whether the failure was a lost connection. */
static MYSQL_STMT *execute(struct db_conn *c, struct db_query *q, const struct db_param *params, size_t n,
                           bool *lost)
{
	*lost = false;
	if (c == &conns[DB_PRIMARY] && transaction_broken)
		return NULL;
	if (!ensure_connected(c))
		return NULL;
	MYSQL_STMT *st = prepared(c, q);
	if (st == NULL) {
		*lost = c->m == NULL;
		return NULL;
	}
	if (mysql_stmt_param_count(st) != n) {
		log_error("db_params", "expected=%lu given=%zu sql=\"%.80s\"", mysql_stmt_param_count(st), n, q->sql);
		return NULL;
	}
	MYSQL_BIND binds[n ? n : 1];
	my_bool nulls[n ? n : 1];
	memset(nulls, 0, sizeof nulls);
	bind_params(binds, params, n, nulls);
	c->executions++;
	if ((n && mysql_stmt_bind_param(st, binds)) || mysql_stmt_execute(st)) {
		unsigned int code = mysql_stmt_errno(st);
		if (connection_lost(code)) {
			*lost = true;
			mark_lost(c, "execute", code, mysql_stmt_error(st));
		} else if (code == ER_DUP_ENTRY) {
			last_duplicate = true;
		} else {
			log_error("db_execute", "server=%s code=%u reason=\"%s\" sql=\"%.80s\"", c->label, code,
			          mysql_stmt_error(st), q->sql);
		}
		return NULL;
	}
	return st;
}

/* Copies one column of the current row into the arena; long values are
 * fetched again in full. Returns false on a fetch error. */
static bool copy_cell(arena *mem, MYSQL_STMT *st, MYSQL_BIND *b, unsigned long len, size_t col, char **cell)
{
	if (len <= DB_CELL_BUFFER) {
		*cell = arena_strndup(mem, b->buffer, len);
		return true;
	}
	MYSQL_BIND full = { 0 };
	unsigned long flen = 0;
	full.buffer_type = MYSQL_TYPE_STRING;
	full.buffer = arena_alloc(mem, len + 1);
	full.buffer_length = len + 1;
	full.length = &flen;
	if (mysql_stmt_fetch_column(st, &full, (unsigned)col, 0) != 0)
		return false;
	((char *)full.buffer)[len] = '\0';
	*cell = full.buffer;
	return true;
}

/* Copies every row of an executed statement into the arena. */
static struct db_rows *fetch_all(arena *mem, MYSQL_STMT *st)
{
	size_t ncols = mysql_stmt_field_count(st);
	if (mysql_stmt_store_result(st) != 0)
		return NULL;
	struct db_rows *r = arena_calloc(mem, 1, sizeof *r);
	r->ncols = ncols;
	r->nrows = (size_t)mysql_stmt_num_rows(st);
	r->cells = arena_calloc(mem, r->nrows * ncols + 1, sizeof *r->cells);
	MYSQL_BIND b[ncols ? ncols : 1];
	unsigned long lens[ncols ? ncols : 1];
	my_bool nulls[ncols ? ncols : 1];
	char *bufs = arena_alloc(mem, (ncols ? ncols : 1) * DB_CELL_BUFFER);
	memset(b, 0, sizeof b);
	for (size_t c = 0; c < ncols; c++) {
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].buffer = bufs + c * DB_CELL_BUFFER;
		b[c].buffer_length = DB_CELL_BUFFER;
		b[c].length = &lens[c];
		b[c].is_null = &nulls[c];
	}
	if (ncols && mysql_stmt_bind_result(st, b) != 0)
		return NULL;
	for (size_t row = 0; row < r->nrows; row++) {
		int rc = mysql_stmt_fetch(st);
		if (rc == 1 || rc == MYSQL_NO_DATA)
			return NULL;
		for (size_t c = 0; c < ncols; c++) {
			char **cell = &r->cells[row * ncols + c];
			*cell = NULL;
			if (!nulls[c] && !copy_cell(mem, st, &b[c], lens[c], c, cell))
				return NULL;
		}
	}
	return r;
}

struct db_rows *db_select(arena *mem, struct db_query *q, const struct db_param *params, size_t nparams)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		struct db_conn *c = read_conn();
		bool lost;
		MYSQL_STMT *st = execute(c, q, params, nparams, &lost);
		if (st == NULL) {
			if (lost && !in_transaction)
				continue;
			return NULL;
		}
		struct db_rows *r = fetch_all(mem, st);
		mysql_stmt_free_result(st);
		if (r == NULL) {
			unsigned int code = mysql_stmt_errno(st);
			if (connection_lost(code)) {
				mark_lost(c, "fetch", code, mysql_stmt_error(st));
				if (!in_transaction)
					continue;
			}
			log_error("db_fetch", "code=%u reason=\"%s\"", code, mysql_stmt_error(st));
		}
		return r;
	}
	return NULL;
}

long long db_exec(struct db_query *q, const struct db_param *params, size_t nparams,
                  unsigned long long *insert_id)
{
	bool lost;
	last_duplicate = false;
	MYSQL_STMT *st = execute(&conns[DB_PRIMARY], q, params, nparams, &lost);
	if (st == NULL)
		return -1;
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return (long long)mysql_stmt_affected_rows(st);
}

#define DB_CACHE_CHUNK (64 * 1024)

struct db_rows *db_select_cached(struct db_cache *c)
{
	long long t = now_ms();
	if (c->rows != NULL && t - c->loaded_ms < (long long)c->ttl * 1000)
		return c->rows;
	int next = 1 - c->current;
	if (c->mem[next] == NULL)
		c->mem[next] = arena_new(DB_CACHE_CHUNK);
	arena_reset(c->mem[next]);
	struct db_rows *r = db_select(c->mem[next], c->q, NULL, 0);
	if (r == NULL)
		return c->rows; /* stale rows beat none; NULL when never loaded */
	c->current = next;
	c->rows = r;
	c->loaded_ms = t;
	return r;
}

bool db_last_was_duplicate(void)
{
	return last_duplicate;
}

/* A transaction reads its own writes: until it ends, reads use the primary. */
int db_begin(void)
{
	struct db_conn *p = &conns[DB_PRIMARY];
	replica_preferred = false;
	if (!ensure_connected(p))
		return -1;
	if (mysql_autocommit(p->m, 0) != 0) {
		mark_lost(p, "begin", mysql_errno(p->m), mysql_error(p->m));
		return -1;
	}
	in_transaction = true;
	transaction_broken = false;
	return 0;
}

int db_commit(void)
{
	struct db_conn *p = &conns[DB_PRIMARY];
	if (p->m == NULL || transaction_broken) {
		db_rollback();
		return -1;
	}
	if (mysql_commit(p->m) != 0) {
		log_error("db_commit", "code=%u reason=\"%s\"", mysql_errno(p->m), mysql_error(p->m));
		db_rollback();
		return -1;
	}
	mysql_autocommit(p->m, 1);
	in_transaction = false;
	return 0;
}

/* Also closes a connection whose state is unknown, so that the next request
 * starts clean. */
void db_rollback(void)
{
	struct db_conn *p = &conns[DB_PRIMARY];
	bool was_open = in_transaction;
	in_transaction = transaction_broken = false;
	if (p->m == NULL || !was_open)
		return;
	if (mysql_rollback(p->m) != 0 || mysql_autocommit(p->m, 1) != 0)
		mark_lost(p, "rollback", mysql_errno(p->m), mysql_error(p->m));
}

void db_end_request(void)
{
	if (in_transaction) {
		log_error("db_open_transaction", "rolled_back=1");
		db_rollback();
	}
	replica_preferred = false;
}

const char *db_cell(const struct db_rows *r, size_t row, size_t col)
{
	if (row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[row * r->ncols + col];
}

long long db_cell_int(const struct db_rows *r, size_t row, size_t col)
{
	const char *s = db_cell(r, row, col);
	return s ? strtoll(s, NULL, 10) : 0;
}
