/* store/outbox.c: notifications waiting for delivery. Handlers only queue
 * them (in the same transaction as the change they tell about); rchub-admin
 * deliver hands them to sendmail. */
#include "store.h"

DB_QUERY(q_outbox_insert, "INSERT INTO outbox (recipient, subject, body) VALUES (?, ?, ?)");
DB_QUERY(q_centre_staff_emails,
         "SELECT email FROM users WHERE centre_id = ? AND is_active = 1 "
         "AND role IN ('centre_staff', 'centre_admin') ORDER BY id");

int outbox_enqueue(const char *recipient, const char *subject, const char *body)
{
	struct db_param p[] = { P_TEXT(recipient), P_TEXT(subject), P_TEXT(body) };
	return db_exec(&q_outbox_insert, p, 3, NULL) == 1 ? 0 : -1;
}

int outbox_enqueue_centre_staff(arena *mem, long long centre_id, const char *subject, const char *body)
{
	struct db_param p[] = { P_INT(centre_id) };
	struct db_rows *r = db_select(mem, &q_centre_staff_emails, p, 1);
	if (r == NULL)
		return -1;
	for (size_t i = 0; i < r->nrows; i++)
		if (outbox_enqueue(db_cell(r, i, 0), subject, body) != 0)
			return -1;
	return 0;
}
