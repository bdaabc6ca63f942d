/* worker.h: one prefork worker: accepts FastCGI requests until told to stop. */
#ifndef RCHUB_WORKER_H
#define RCHUB_WORKER_H

#include "config.h"

/* Runs the accept loop on listen_fd; returns the process exit code. */
int worker_run(int listen_fd, const struct config *cfg);

#endif
