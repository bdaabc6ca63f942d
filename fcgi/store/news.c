/* store/news.c: centre news. A news item is a draft until its centre
 * publishes it; only published items are ever read for the public side.
 * published_at is set on the first publication and kept afterwards, so that
 * taking an item down and putting it back does not move it in the list. */
#include "store.h"

#define NEWS_LIST                                                                        \
	"n.id, n.centre_id, c.slug, c.short_name, n.title, n.summary, n.status, n.published_at, " \
	"n.updated_at"
#define NEWS_FROM " FROM news n JOIN centres c ON c.id = n.centre_id "
/* Parameters: centre x2. */
#define NEWS_PUBLIC_WHERE "WHERE n.status = 'published' AND (? = 0 OR n.centre_id = ?) "

DB_QUERY(q_news_published,
         "SELECT " NEWS_LIST NEWS_FROM NEWS_PUBLIC_WHERE
         "ORDER BY n.published_at DESC, n.id DESC LIMIT ? OFFSET ?");
DB_QUERY(q_news_published_count, "SELECT COUNT(*)" NEWS_FROM NEWS_PUBLIC_WHERE);
DB_QUERY(q_news_by_id, "SELECT " NEWS_LIST ", n.body" NEWS_FROM "WHERE n.id = ?");
DB_QUERY(q_news_of_centre,
         "SELECT " NEWS_LIST NEWS_FROM "WHERE n.centre_id = ? "
         "ORDER BY n.status = 'published', COALESCE(n.published_at, n.created_at) DESC, n.id DESC");
DB_QUERY(q_news_insert,
         "INSERT INTO news (centre_id, title, summary, body, status, author_id, form_token) "
         "VALUES (?, ?, ?, ?, 'draft', ?, ?)");
DB_QUERY(q_news_by_form_token, "SELECT id FROM news WHERE centre_id = ? AND form_token = ?");
DB_QUERY(q_news_update, "UPDATE news SET title = ?, summary = ?, body = ? WHERE id = ?");
DB_QUERY(q_news_set_status,
         "UPDATE news SET status = ?, published_at = IF(? = 'published', "
         "COALESCE(published_at, UTC_TIMESTAMP()), published_at) WHERE id = ?");

struct db_rows *news_published(arena *mem, long long centre_id, int limit, int offset)
{
	struct db_param p[] = { P_INT(centre_id), P_INT(centre_id), P_INT(limit), P_INT(offset) };
	return db_select(mem, &q_news_published, p, 4);
}

long long news_published_count(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id), P_INT(centre_id) };
	struct db_rows *r = db_select(mem, &q_news_published_count, p, 2);
	return r && r->nrows ? db_cell_int(r, 0, 0) : -1;
}

struct db_rows *news_by_id(arena *mem, long long id)
{
	struct db_param p[] = { P_INT(id) };
	return db_select(mem, &q_news_by_id, p, 1);
}

struct db_rows *news_of_centre(arena *mem, long long centre_id)
{
	struct db_param p[] = { P_INT(centre_id) };
	return db_select(mem, &q_news_of_centre, p, 1);
}

long long news_create(long long centre_id, long long author_id, const struct news_input *n, const char *form_token)
{
	struct db_param p[] = {
		P_INT(centre_id), P_TEXT(n->title), P_TEXT(n->summary), P_TEXT(n->body), P_INT(author_id),
		P_TEXT(form_token),
	};
	unsigned long long id = 0;
	if (db_exec(&q_news_insert, p, 6, &id) != 1)
		return db_last_was_duplicate() ? 0 : -1;
	return (long long)id;
}

long long news_id_by_form_token(arena *mem, long long centre_id, const char *form_token)
{
	return store_id_by_form_token(mem, &q_news_by_form_token, centre_id, form_token);
}

int news_update(long long id, const struct news_input *n)
{
	struct db_param p[] = { P_TEXT(n->title), P_TEXT(n->summary), P_TEXT(n->body), P_INT(id) };
	return db_exec(&q_news_update, p, 4, NULL) < 0 ? -1 : 0;
}

int news_set_status(long long id, const char *status)
{
	struct db_param p[] = { P_TEXT(status), P_TEXT(status), P_INT(id) };
	return db_exec(&q_news_set_status, p, 3, NULL) < 0 ? -1 : 0;
}
