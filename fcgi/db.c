/* db.c: the worker's MariaDB connection (Connector/C). Statements are
 * prepared on first use and kept for the life of the connection. When the
 * server goes away every handle is dropped, the connection is re-opened and
 * the statement re-prepared; a read is retried once after a reconnect, a write
 * never (its outcome is unknown, so the caller reports an error instead).
 * While the server stays away, attempts are spaced out so that requests get a
 * fast 503 instead of each waiting for a connect timeout. */
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

static const struct config *db_cfg;
static MYSQL *conn;
static struct db_query *prepared_list;
static long long last_failed_connect_ms = -1000000;
static bool server_down;
static bool last_duplicate;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void db_configure(const struct config *cfg)
{
	db_cfg = cfg;
}

/* Drops every prepared handle; they die with their connection. */
static void forget_statements(void)
{
	for (struct db_query *q = prepared_list; q != NULL;) {
		struct db_query *next = q->next_prepared;
		if (q->stmt != NULL)
			mysql_stmt_close(q->stmt);
		q->stmt = NULL;
		q->next_prepared = NULL;
		q = next;
	}
	prepared_list = NULL;
}

void db_close(void)
{
	forget_statements();
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
}

static int open_connection(char *err, size_t errlen)
{
	MYSQL *m = mysql_init(NULL);
	if (m == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	unsigned int timeout = 2;
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(m, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	const char *sock = db_cfg->db_socket[0] ? db_cfg->db_socket : NULL;
	const char *host = sock ? "localhost" : db_cfg->db_host;
	if (mysql_real_connect(m, host, db_cfg->db_user, db_cfg->db_password, db_cfg->db_name,
	                       (unsigned)db_cfg->db_port, sock, 0) == NULL) {
		snprintf(err, errlen, "%s", mysql_error(m));
		mysql_close(m);
		return -1;
	}
	conn = m;
	return 0;
}

int db_connect_now(char *err, size_t errlen)
{
	db_close();
	return open_connection(err, errlen);
}

/* Makes sure a connection exists, without hammering a server that is down. */
static bool ensure_connected(void)
{
	if (conn != NULL)
		return true;
	long long t = now_ms();
	if (t - last_failed_connect_ms < DB_RETRY_INTERVAL_MS)
		return false;
	char err[256];
	if (open_connection(err, sizeof err) != 0) {
		last_failed_connect_ms = t;
		if (!server_down)
			log_error("db_down", "reason=\"%s\"", err);
		server_down = true;
		return false;
	}
	if (server_down)
		log_info("db_up", "reconnected=1");
	server_down = false;
	return true;
}

bool db_unavailable(void)
{
	return server_down;
}

static bool connection_lost(unsigned int code)
{
	return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST ||
	       code == CR_CONNECTION_ERROR || code == CR_CONN_HOST_ERROR ||
	       code == ER_CONNECTION_KILLED || code == ER_SERVER_SHUTDOWN ||
	       code == CR_COMMANDS_OUT_OF_SYNC;
}

static void mark_lost(const char *where, unsigned int code, const char *msg)
{
	log_error("db_lost", "where=%s code=%u reason=\"%s\"", where, code, msg);
	db_close();
	server_down = true;
	last_failed_connect_ms = now_ms() - DB_RETRY_INTERVAL_MS; /* try once right away */
}

static MYSQL_STMT *prepared(struct db_query *q)
{
	if (q->stmt != NULL)
		return q->stmt;
	MYSQL_STMT *st = mysql_stmt_init(conn);
	if (st == NULL)
		return NULL;
	if (mysql_stmt_prepare(st, q->sql, strlen(q->sql)) != 0) {
		unsigned int code = mysql_stmt_errno(st);
		log_error("db_prepare", "code=%u reason=\"%s\" sql=\"%.80s\"", code, mysql_stmt_error(st), q->sql);
		mysql_stmt_close(st);
		if (connection_lost(code))
			mark_lost("prepare", code, "");
		return NULL;
	}
	q->stmt = st;
	q->next_prepared = prepared_list;
	prepared_list = q;
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

/* Prepares (if needed), binds and executes q. Returns the statement or NULL;
 * *lost tells whether the failure was a lost connection. */
static MYSQL_STMT *execute(struct db_query *q, const struct db_param *params, size_t n, bool *lost)
{
	*lost = false;
	if (!ensure_connected())
		return NULL;
	MYSQL_STMT *st = prepared(q);
	if (st == NULL) {
		*lost = conn == NULL;
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
	if ((n && mysql_stmt_bind_param(st, binds)) || mysql_stmt_execute(st)) {
		unsigned int code = mysql_stmt_errno(st);
		if (connection_lost(code)) {
			*lost = true;
			mark_lost("execute", code, mysql_stmt_error(st));
		} else if (code == ER_DUP_ENTRY) {
			last_duplicate = true;
		} else {
			log_error("db_execute", "code=%u reason=\"%s\" sql=\"%.80s\"", code, mysql_stmt_error(st), q->sql);
		}
		return NULL;
	}
	return st;
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
			if (nulls[c]) {
				*cell = NULL;
			} else if (lens[c] <= DB_CELL_BUFFER) {
				*cell = arena_strndup(mem, b[c].buffer, lens[c]);
			} else {
				MYSQL_BIND full = { 0 };
				unsigned long flen = 0;
				full.buffer_type = MYSQL_TYPE_STRING;
				full.buffer = arena_alloc(mem, lens[c] + 1);
				full.buffer_length = lens[c] + 1;
				full.length = &flen;
				if (mysql_stmt_fetch_column(st, &full, (unsigned)c, 0) != 0)
					return NULL;
				((char *)full.buffer)[lens[c]] = '\0';
				*cell = full.buffer;
			}
		}
	}
	return r;
}

struct db_rows *db_select(arena *mem, struct db_query *q, const struct db_param *params, size_t nparams)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		bool lost;
		MYSQL_STMT *st = execute(q, params, nparams, &lost);
		if (st == NULL) {
			if (lost)
				continue;
			return NULL;
		}
		struct db_rows *r = fetch_all(mem, st);
		mysql_stmt_free_result(st);
		if (r == NULL) {
			unsigned int code = mysql_stmt_errno(st);
			if (connection_lost(code)) {
				mark_lost("fetch", code, mysql_stmt_error(st));
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
	MYSQL_STMT *st = execute(q, params, nparams, &lost);
	if (st == NULL)
		return -1;
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return (long long)mysql_stmt_affected_rows(st);
}

bool db_last_was_duplicate(void)
{
	return last_duplicate;
}

int db_begin(void)
{
	if (!ensure_connected())
		return -1;
	if (mysql_autocommit(conn, 0) != 0) {
		mark_lost("begin", mysql_errno(conn), mysql_error(conn));
		return -1;
	}
	return 0;
}

int db_commit(void)
{
	if (conn == NULL)
		return -1;
	if (mysql_commit(conn) != 0) {
		unsigned int code = mysql_errno(conn);
		log_error("db_commit", "code=%u reason=\"%s\"", code, mysql_error(conn));
		db_rollback();
		return -1;
	}
	mysql_autocommit(conn, 1);
	return 0;
}

/* Also closes a connection whose state is unknown, so that the next request
 * starts clean. */
void db_rollback(void)
{
	if (conn == NULL)
		return;
	if (mysql_rollback(conn) != 0 || mysql_autocommit(conn, 1) != 0)
		mark_lost("rollback", mysql_errno(conn), mysql_error(conn));
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
