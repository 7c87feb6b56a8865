/* The moderation queue and the proposals awaiting an answer in SQLite
 * (issue 5.5, 5.6; obctl queue, obctl unanswered).  db_submit.h documents
 * each function. */
#include <string.h>

#include "db_stmt.h"
#include "db_submit.h"
#include "db_util.h"

#define QUEUE_COLS "p.id, d.number, d.status, ifnull(d.discussion_end, ''), a.code, pt.key, p.day, " \
                   "p.lang, substr(p.text, 1, 80), " \
                   "ifnull((SELECT group_concat(f.code, ',') FROM proposal_flags f " \
                   "WHERE f.proposal_id = p.id), '') " \
                   "FROM proposals p JOIN documents d ON d.id = p.doc_id " \
                   "JOIN administrators a ON a.id = d.admin_id JOIN parts pt ON pt.id = p.part_id "

static int queue_rows(struct store *st, sqlite3_stmt *s, int (*fn)(const struct queue_row *, void *),
                      void *arg, struct ob_err *err)
{
	struct queue_row r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		col_copy(s, 1, r.document, sizeof r.document);
		col_copy(s, 2, r.doc_status, sizeof r.doc_status);
		col_copy(s, 3, r.discussion_end, sizeof r.discussion_end);
		col_copy(s, 4, r.admin_code, sizeof r.admin_code);
		col_copy(s, 5, r.part_key, sizeof r.part_key);
		col_copy(s, 6, r.day, sizeof r.day);
		col_copy(s, 7, r.lang, sizeof r.lang);
		col_copy(s, 8, r.text, sizeof r.text);
		col_copy(s, 9, r.flags, sizeof r.flags);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "proposals");
}

int db_queue_list(struct store *st, int (*fn)(const struct queue_row *, void *), void *arg,
                  struct ob_err *err)
{
	/* The due date grows with the day received, so by day is by due. */
	sqlite3_stmt *s = store_stmt(st, ST_QUEUE_LIST,
	        "SELECT " QUEUE_COLS "WHERE p.status = 'pending' ORDER BY p.day, p.id", err);

	return s == NULL ? -1 : queue_rows(st, s, fn, arg, err);
}

int db_unanswered_list(struct store *st, const char *admin_code,
                       int (*fn)(const struct queue_row *, void *), void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_UNANSWERED_LIST,
	        "SELECT " QUEUE_COLS "WHERE p.status = 'published' AND d.status = 'in-discussion' "
	        "AND (?1 = '' OR a.code = ?1) "
	        "AND NOT EXISTS (SELECT 1 FROM answers x WHERE x.proposal_id = p.id) "
	        "ORDER BY d.discussion_end, p.id", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, admin_code, -1, SQLITE_STATIC);
	return queue_rows(st, s, fn, arg, err);
}
