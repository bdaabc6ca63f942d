/* routes.h: the application's route table and request dispatch. */
#ifndef RCHUB_ROUTES_H
#define RCHUB_ROUTES_H

#include "request.h"
#include "response.h"

/* Answers a parsed request: its handler, or an error page when parsing
 * failed (req->error_status) or no route matches (404/405). */
void dispatch(struct request *req, struct response *resp);

#endif
