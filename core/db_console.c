/* The staff consoles' reads in SQLite (db_console.h says what). */
#include <string.h>

#include "db_console.h"
#include "db_stmt.h"
#include "db_util.h"

#define PROPOSAL_COLS \
	"SELECT p.id, d.id, p.part_id, d.number, a.code, d.status, ifnull(d.discussion_end, ''), " \
	"d.title_kk, d.title_ru, pt.key, pt.title_kk, pt.title_ru, " \
	"substr(ifnull(pt.text_kk, ''), 1, 300), substr(ifnull(pt.text_ru, ''), 1, 300), " \
	"p.day, p.lang, p.status, p.text, " \
	"ifnull((SELECT group_concat(f.code, ',') FROM proposal_flags f WHERE f.proposal_id = p.id), '') " \
	"FROM proposals p JOIN documents d ON d.id = p.doc_id " \
	"JOIN administrators a ON a.id = d.admin_id JOIN parts pt ON pt.id = p.part_id "

static int proposal_rows(struct store *st, sqlite3_stmt *s,
                         int (*fn)(const struct console_proposal *, void *), void *arg,
                         struct ob_err *err)
{
	struct console_proposal r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.doc_id = sqlite3_column_int64(s, 1);
		r.part_id = sqlite3_column_int64(s, 2);
		col_copy(s, 3, r.number, sizeof r.number);
		col_copy(s, 4, r.admin_code, sizeof r.admin_code);
		col_copy(s, 5, r.doc_status, sizeof r.doc_status);
		col_copy(s, 6, r.discussion_end, sizeof r.discussion_end);
		col_copy(s, 7, r.doc_title_kk, sizeof r.doc_title_kk);
		col_copy(s, 8, r.doc_title_ru, sizeof r.doc_title_ru);
		col_copy(s, 9, r.part_key, sizeof r.part_key);
		col_copy(s, 10, r.part_title_kk, sizeof r.part_title_kk);
		col_copy(s, 11, r.part_title_ru, sizeof r.part_title_ru);
		col_copy(s, 12, r.part_text_kk, sizeof r.part_text_kk);
		col_copy(s, 13, r.part_text_ru, sizeof r.part_text_ru);
		col_copy(s, 14, r.day, sizeof r.day);
		col_copy(s, 15, r.lang, sizeof r.lang);
		col_copy(s, 16, r.status, sizeof r.status);
		col_copy(s, 17, r.text, sizeof r.text);
		col_copy(s, 18, r.flags, sizeof r.flags);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "proposals");
}

int db_console_pending(struct store *st, int (*fn)(const struct console_proposal *, void *), void *arg,
                       struct ob_err *err)
{
	/* The due date grows with the day received, so by day is by due. */
	sqlite3_stmt *s = store_stmt(st, ST_CONSOLE_PENDING,
	        PROPOSAL_COLS "WHERE p.status = 'pending' ORDER BY p.day, p.id", err);

	return s == NULL ? -1 : proposal_rows(st, s, fn, arg, err);
}

int db_console_unanswered(struct store *st, long long admin_id,
                          int (*fn)(const struct console_proposal *, void *), void *arg,
                          struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_CONSOLE_UNANSWERED,
	        PROPOSAL_COLS "WHERE p.status = 'published' AND d.status = 'in-discussion' "
	        "AND d.admin_id = ?1 AND NOT EXISTS (SELECT 1 FROM answers x WHERE x.proposal_id = p.id) "
	        "ORDER BY d.discussion_end, p.id", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, admin_id);
	return proposal_rows(st, s, fn, arg, err);
}

int db_console_documents(struct store *st, long long admin_id,
                         int (*fn)(const struct console_document *, void *), void *arg,
                         struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_CONSOLE_DOCUMENTS,
	        "SELECT d.id, d.number, d.kind, d.status, d.posted, ifnull(d.discussion_end, ''), "
	        "d.title_kk, d.title_ru, d.year, "
	        "EXISTS (SELECT 1 FROM final_reports f WHERE f.doc_id = d.id), "
	        "(SELECT count(*) FROM proposals p WHERE p.doc_id = d.id AND p.status = 'pending'), "
	        "(SELECT count(*) FROM proposals p WHERE p.doc_id = d.id AND p.status = 'published'), "
	        "(SELECT count(*) FROM proposals p JOIN answers x ON x.proposal_id = p.id "
	        " WHERE p.doc_id = d.id) "
	        "FROM documents d WHERE d.admin_id = ?1 ORDER BY d.posted DESC, d.id DESC", err);
	struct console_document r;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, admin_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		col_copy(s, 1, r.number, sizeof r.number);
		col_copy(s, 2, r.kind, sizeof r.kind);
		col_copy(s, 3, r.status, sizeof r.status);
		col_copy(s, 4, r.posted, sizeof r.posted);
		col_copy(s, 5, r.discussion_end, sizeof r.discussion_end);
		col_copy(s, 6, r.title_kk, sizeof r.title_kk);
		col_copy(s, 7, r.title_ru, sizeof r.title_ru);
		r.year = sqlite3_column_int(s, 8);
		r.final_report = sqlite3_column_int(s, 9);
		r.pending = sqlite3_column_int64(s, 10);
		r.published = sqlite3_column_int64(s, 11);
		r.answered = sqlite3_column_int64(s, 12);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "documents");
}
