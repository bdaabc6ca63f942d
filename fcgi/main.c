/* main.c: rchub.fcgi's master process. It reads the configuration, checks
 * that the templates and the database are reachable (a clear message and exit
 * status 1 otherwise), opens the FastCGI socket, forks the workers and keeps
 * their number up: a worker that dies is replaced at once. SIGTERM stops
 * accepting and lets every worker finish its request in hand; SIGHUP makes
 * the workers reload changed templates.
 *
 * Usage: rchub.fcgi [-c config.ini] [--check]   (--check: verify and exit) */
#include <errno.h>
#include <stdbool.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "auth.h"
#include "page.h"
#include "timefmt.h"
#include "tpl.h"
#include "worker.h"

#define MAX_WORKERS 64
#define LISTEN_BACKLOG 1024
#define STOP_GRACE_SECONDS 10  /* then remaining workers are killed */
#define RESPAWN_PAUSE_MS 200   /* after a worker that died right after start */

static volatile sig_atomic_t master_stop;
static volatile sig_atomic_t master_reload;
static pid_t workers[MAX_WORKERS];
static time_t started_at[MAX_WORKERS];
static int nworkers;

static void on_master_stop(int sig)
{
	(void)sig;
	master_stop = 1;
}

static void on_master_reload(int sig)
{
	(void)sig;
	master_reload = 1;
}

static void master_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_master_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_master_reload;
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static int default_workers(void)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	return cores > 0 ? (int)(2 * cores) : 2;
}

static pid_t spawn_worker(int slot, int listen_fd, const struct config *cfg)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(worker_run(listen_fd, cfg));
	if (pid < 0) {
		log_error("fork", "errno=%d", errno);
		return -1;
	}
	workers[slot] = pid;
	started_at[slot] = time(NULL);
	return pid;
}

static int slot_of(pid_t pid)
{
	for (int i = 0; i < nworkers; i++)
		if (workers[i] == pid)
			return i;
	return -1;
}

static void signal_workers(int sig)
{
	for (int i = 0; i < nworkers; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
}

static int live_workers(void)
{
	int n = 0;
	for (int i = 0; i < nworkers; i++)
		n += workers[i] > 0;
	return n;
}

/* Reaps exited workers; replaces them unless stopping. */
static void reap(int listen_fd, const struct config *cfg, int flags)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, flags)) > 0) {
		int slot = slot_of(pid);
		if (slot < 0)
			continue;
		workers[slot] = 0;
		if (WIFSIGNALED(status))
			log_warn("worker_died", "worker=%d signal=%d", (int)pid, WTERMSIG(status));
		else if (!master_stop)
			log_warn("worker_exited", "worker=%d status=%d", (int)pid, WEXITSTATUS(status));
		if (master_stop)
			continue;
		if (time(NULL) - started_at[slot] < 1)
			usleep(RESPAWN_PAUSE_MS * 1000);
		spawn_worker(slot, listen_fd, cfg);
		flags = WNOHANG;
	}
}

/* Stops the workers gracefully, then by force after STOP_GRACE_SECONDS. */
static void stop_workers(void)
{
	signal_workers(SIGTERM);
	time_t deadline = time(NULL) + STOP_GRACE_SECONDS;
	while (live_workers() > 0 && time(NULL) < deadline) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid > 0) {
			int slot = slot_of(pid);
			if (slot >= 0)
				workers[slot] = 0;
		} else {
			usleep(20 * 1000);
		}
	}
	if (live_workers() > 0) {
		log_warn("stop_forced", "workers=%d", live_workers());
		signal_workers(SIGKILL);
		while (waitpid(-1, NULL, 0) > 0)
			;
	}
}

/* Start-up checks: each failure is one clear line and exit status 1. */
static int check_environment(const struct config *cfg)
{
	if (tpl_init(cfg->templates) != 0) {
		fprintf(stderr, "rchub.fcgi: template folder not found: %s\n", cfg->templates);
		return 1;
	}
	char err[512], sock[CONFIG_STR_MAX], host[CONFIG_STR_MAX];
	int port;
	if (cfg->db_read_dsn[0] && !db_parse_dsn(cfg->db_read_dsn, sock, host, &port)) {
		fprintf(stderr, "rchub.fcgi: [database] read_dsn must be unix:/path or tcp:host:port, not %s\n",
		        cfg->db_read_dsn);
		return 1;
	}
	db_configure(cfg);
	if (db_connect_now(err, sizeof err) != 0) {
		fprintf(stderr, "rchub.fcgi: cannot connect to the database '%s' (socket %s): %s\n", cfg->db_name,
		        cfg->db_socket[0] ? cfg->db_socket : "-", err);
		return 1;
	}
	db_close();
	return 0;
}

/* libfcgi listens on TCP for "host:port" or ":port", else on a unix socket. */
static bool is_unix_socket(const char *listen)
{
	return strchr(listen, '/') != NULL || strchr(listen, ':') == NULL;
}

static int open_listener(const char *path)
{
	bool unix_socket = is_unix_socket(path);
	if (unix_socket)
		unlink(path);
	int fd = FCGX_OpenSocket(path, LISTEN_BACKLOG);
	if (fd < 0) {
		fprintf(stderr, "rchub.fcgi: cannot listen on %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (unix_socket)
		chmod(path, 0666); /* access is controlled by the socket's folder */
	return fd;
}

static int parse_args(int argc, char **argv, const char **config_path, int *check_only)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			*config_path = argv[++i];
		else if (strcmp(argv[i], "--check") == 0)
			*check_only = 1;
		else {
			fprintf(stderr, "usage: rchub.fcgi [-c config.ini] [--check]\n");
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int check_only = 0;
	if (parse_args(argc, argv, &config_path, &check_only) != 0)
		return 2;
	static struct config cfg;
	char err[1024];
	if (config_load(&cfg, config_path, err, sizeof err) != 0) {
		fprintf(stderr, "rchub.fcgi: %s\n", err);
		return 1;
	}
	if (check_environment(&cfg) != 0)
		return 1;
	if (check_only) {
		printf("rchub.fcgi: configuration, templates and database are fine\n");
		return 0;
	}
	config_install(&cfg);
	timefmt_init(cfg.time_zone);
	if (auth_init() != 0) {
		fprintf(stderr, "rchub.fcgi: libsodium failed to initialise\n");
		return 1;
	}
	page_set_site(cfg.site_name, cfg.region_name);
	if (FCGX_Init() != 0)
		return 1;
	int listen_fd = open_listener(cfg.listen);
	if (listen_fd < 0)
		return 1;
	master_signals();
	nworkers = cfg.workers > 0 ? cfg.workers : default_workers();
	if (nworkers > MAX_WORKERS)
		nworkers = MAX_WORKERS;
	log_info("master_start", "listen=%s workers=%d", cfg.listen, nworkers);
	for (int i = 0; i < nworkers; i++)
		spawn_worker(i, listen_fd, &cfg);
	while (!master_stop) {
		reap(listen_fd, &cfg, 0); /* blocks until a worker exits or a signal */
		if (master_reload) {
			master_reload = 0;
			signal_workers(SIGHUP);
		}
	}
	close(listen_fd);
	stop_workers();
	if (is_unix_socket(cfg.listen))
		unlink(cfg.listen);
	log_info("master_stop", "clean=1");
	return 0;
}
