/* log.h: one-line structured logs (key=value) to stderr. */
#ifndef RCHUB_LOG_H
#define RCHUB_LOG_H

void log_event(const char *level, const char *event, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define log_info(ev, ...) log_event("info", ev, __VA_ARGS__)
#define log_warn(ev, ...) log_event("warn", ev, __VA_ARGS__)
#define log_error(ev, ...) log_event("error", ev, __VA_ARGS__)

#endif
