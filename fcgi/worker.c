/* worker.c: a worker's life: accept a FastCGI request, parse it, dispatch,
 * write the response, reset the arena; repeat until SIGTERM. The accept is
 * preceded by a poll with a timeout and runs with FCGI_FAIL_ACCEPT_ON_INTR,
 * so a stop request is noticed even while idle (libfcgi's own SIGTERM handler
 * would only set a flag nobody reads). The request in hand always finishes. */
#include "worker.h"

#include <errno.h>
#include <fcgiapp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "routes.h"
#include "stem.h"
#include "timefmt.h"
#include "tpl.h"

#define ACCEPT_POLL_MS 500        /* how often an idle worker checks for stop */
#define ARENA_CHUNK (256 * 1024)  /* one chunk serves a typical request */
#define HEAD_BUFFER 8192

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t reload_requested;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void on_reload(int sig)
{
	(void)sig;
	reload_requested = 1;
}

/* Installs handlers without SA_RESTART so a blocked accept returns EINTR. */
static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_reload;
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
}

static double elapsed_ms(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) * 1e3 + (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

/* Reads the body announced by CONTENT_LENGTH, up to REQ_MAX_BODY + 1 bytes so
 * that an oversized body is recognised without reading all of it. */
static char *read_body(FCGX_Request *fr, arena *mem, size_t *len)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	*len = 0;
	if (cl == NULL || *cl == '\0')
		return NULL;
	long long want = strtoll(cl, NULL, 10);
	if (want <= 0)
		return NULL;
	if (want > REQ_MAX_BODY)
		want = REQ_MAX_BODY + 1;
	char *buf = arena_alloc(mem, (size_t)want + 1);
	int got = FCGX_GetStr(buf, (int)want, fr->in);
	*len = got > 0 ? (size_t)got : 0;
	if (want > REQ_MAX_BODY)
		*len = REQ_MAX_BODY + 1; /* report as oversized even if cut short */
	buf[got > 0 ? got : 0] = '\0';
	return buf;
}

static void handle_one(FCGX_Request *fr, arena *mem)
{
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	struct request req;
	struct response resp;
	memset(&req, 0, sizeof req);
	req.mem = mem;
	response_init(&resp, mem);
	size_t body_len;
	char *body = read_body(fr, mem, &body_len);
	request_parse(&req, FCGX_GetParam("REQUEST_METHOD", fr->envp), FCGX_GetParam("REQUEST_URI", fr->envp),
	              FCGX_GetParam("HTTP_COOKIE", fr->envp), FCGX_GetParam("CONTENT_TYPE", fr->envp), body,
	              body_len);
	req.if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", fr->envp);
	parse_http_date(FCGX_GetParam("HTTP_IF_MODIFIED_SINCE", fr->envp), &req.if_modified_since);
	req.remote_addr = FCGX_GetParam("REMOTE_ADDR", fr->envp);
	db_prefer_replica(false);
	dispatch(&req, &resp);
	db_end_request();

	char head[HEAD_BUFFER];
	bool send_body;
	size_t hlen = response_head(&req, &resp, head, sizeof head, &send_body);
	FCGX_PutStr(head, (int)hlen, fr->out);
	if (send_body && resp.body_len > 0)
		FCGX_PutStr(resp.body, (int)resp.body_len, fr->out);
	log_info("request", "method=%s path=\"%.200s\" status=%d bytes=%zu ms=%.2f", method_name(req.method),
	         req.path ? req.path : "-", resp.status, send_body ? resp.body_len : 0, elapsed_ms(&start));
}

int worker_run(int listen_fd, const struct config *cfg)
{
	install_signals();
	db_configure(cfg);
	arena *mem = arena_new(ARENA_CHUNK);
	FCGX_Request fr;
	if (FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		log_error("worker_init", "reason=\"FCGX_InitRequest failed\"");
		return 1;
	}
	log_info("worker_start", "fd=%d", listen_fd);
	while (!stop_requested) {
		if (reload_requested) {
			reload_requested = 0;
			tpl_reload();
			log_info("templates_reloaded", "ok=1");
		}
		struct pollfd pfd = { .fd = listen_fd, .events = POLLIN };
		int ready = poll(&pfd, 1, ACCEPT_POLL_MS);
		if (ready <= 0 || stop_requested)
			continue;
		if (FCGX_Accept_r(&fr) < 0) {
			if (errno != EINTR && !stop_requested)
				log_warn("accept", "errno=%d", errno);
			continue;
		}
		handle_one(&fr, mem);
		FCGX_Finish_r(&fr);
		arena_reset(mem);
	}
	FCGX_Free(&fr, 1);
	arena_free(mem);
	db_close();
	stem_shutdown();
	log_info("worker_stop", "clean=1");
	return 0;
}
