/* db.h: the worker's MariaDB connections and their prepared statements.
 * Queries are declared once as static struct db_query with fixed SQL text;
 * parameters are always bound, never spliced into the text. Writes always go
 * to the primary; reads go to a read replica ([database] read_dsn) when the
 * request allows it (db_prefer_replica), else to the primary too. */
#ifndef RCHUB_DB_H
#define RCHUB_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "config.h"

struct st_mysql_stmt;

enum db_target { DB_PRIMARY, DB_REPLICA, DB__TARGETS };

/* One statement: its SQL text and, once used, its handle on each connection. */
struct db_query {
	const char *sql;
	struct st_mysql_stmt *stmt[DB__TARGETS];
	struct db_query *next_prepared[DB__TARGETS]; /* per-connection lists, for reconnects */
};

#define DB_QUERY(name, text) static struct db_query name = { text, { NULL, NULL }, { NULL, NULL } }

enum db_param_type { DB_INT, DB_TEXT, DB_NULL };

struct db_param {
	enum db_param_type type;
	long long i;
	const char *s;
	size_t len;
};

#define P_INT(v) ((struct db_param){ .type = DB_INT, .i = (v) })
#define P_TEXT(v) ((struct db_param){ .type = DB_TEXT, .s = (v), .len = strlen(v) })
#define P_NULL ((struct db_param){ .type = DB_NULL })

/* A result set copied into the request arena: cells[row * ncols + col],
 * NULL for SQL NULL. */
struct db_rows {
	size_t nrows;
	size_t ncols;
	char **cells;
};

/* Connection settings; the first connect happens lazily on first use. */
void db_configure(const struct config *cfg);
/* Connects now; returns 0 or -1 with the server's reason in err. */
int db_connect_now(char *err, size_t errlen);
void db_close(void);
/* True while the database cannot be reached (answer 503 + Retry-After). */
bool db_unavailable(void);
/* Lets the reads of the current request go to the replica (when one is
 * configured and up). Workers set it per request; off = primary. */
void db_prefer_replica(bool yes);
/* Parses a read_dsn ("unix:/path/to.sock" or "tcp:host:port"); false when
 * it is neither. socket/host receive CONFIG_STR_MAX bytes at most. */
bool db_parse_dsn(const char *dsn, char *socket, char *host, int *port);
/* Statements executed so far on each connection, for tests and logs. */
unsigned long db_executions(enum db_target t);

/* Runs a SELECT; returns its rows, or NULL on failure (see db_unavailable). */
struct db_rows *db_select(arena *mem, struct db_query *q, const struct db_param *params, size_t nparams);
/* Runs a statement that changes rows; returns affected rows or -1.
 * *insert_id receives LAST_INSERT_ID() when not NULL. */
long long db_exec(struct db_query *q, const struct db_param *params, size_t nparams,
                  unsigned long long *insert_id);

/* True when the last failed db_exec broke a UNIQUE key (a double submit). */
bool db_last_was_duplicate(void);

/* A transaction around several writes: all of them or none. Each returns 0
 * or -1; after a failed write the caller rolls back. */
int db_begin(void);
int db_commit(void);
void db_rollback(void);
/* Called after every request: rolls back a transaction a handler left open. */
void db_end_request(void);

/* Reference data that changes rarely (districts, the taxonomy), kept by each
 * worker for ttl seconds. Rows stay valid until the refresh after next, so a
 * request never sees its rows freed under it. */
struct db_cache {
	struct db_query *q;
	int ttl;                  /* seconds */
	arena *mem[2];            /* double buffer: current and previous rows */
	int current;
	struct db_rows *rows;
	long long loaded_ms;
};
#define DB_REFERENCE_TTL 60 /* seconds reference data may be stale */
#define DB_CACHE(name, query, ttl_seconds) static struct db_cache name = { &query, ttl_seconds, { NULL, NULL }, 0, NULL, 0 }
/* The cached rows of a parameterless query, refreshed when older than ttl. */
struct db_rows *db_select_cached(struct db_cache *c);

const char *db_cell(const struct db_rows *r, size_t row, size_t col);
long long db_cell_int(const struct db_rows *r, size_t row, size_t col);

#endif
