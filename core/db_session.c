/* Staff sessions in SQLite (schema/007_sessions.sql; core/session.h
 * documents each function). */
#include <string.h>

#include "db_stmt.h"
#include "db_util.h"
#include "session.h"

/* Sessions that ended or expired long ago: nothing to keep (they are not
 * evidence; the audit log is).  Run at every sign-in and logout, so the
 * table holds about a day of sessions whether or not anyone logs out. */
static int prune(struct store *st, long long now, struct ob_err *err)
{
	sqlite3_stmt *p = store_stmt(st, ST_SESSION_PRUNE,
	        "DELETE FROM sessions WHERE expires < ?1", err);

	if (p == NULL)
		return -1;
	sqlite3_bind_int64(p, 1, now - SESSION_MAX);
	return run(st, p, "sessions", err);
}

int db_session_insert(struct store *st, const struct session *s, const char token_hash[65],
                      struct ob_err *err)
{
	sqlite3_stmt *q = store_stmt(st, ST_SESSION_INSERT,
	        "INSERT INTO sessions (token_hash, csrf, iin, bin, name, cert_sha256, created, "
	        "last_seen, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)", err);

	if (q == NULL)
		return -1;
	sqlite3_bind_text(q, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, s->csrf, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, s->who.iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, s->who.bin, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, s->who.name, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, s->who.cert_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 7, s->created);
	sqlite3_bind_int64(q, 8, s->expires);
	if (run(st, q, "sessions", err) != 0)
		return -1;
	return prune(st, s->created, err);
}

int db_session_find(struct store *st, const char *token_hash, long long now, struct session *out,
                    struct ob_err *err)
{
	sqlite3_stmt *q = store_stmt(st, ST_SESSION_FIND,
	        "SELECT id, csrf, iin, bin, name, cert_sha256, created, last_seen, expires "
	        "FROM sessions WHERE token_hash = ?1 AND ended IS NULL "
	        "AND ?2 < expires AND ?2 < last_seen + ?3", err);
	int rc;

	if (q == NULL)
		return -1;
	sqlite3_bind_text(q, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, now);
	sqlite3_bind_int64(q, 3, SESSION_IDLE);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->id = sqlite3_column_int64(q, 0);
		col_copy(q, 1, out->csrf, sizeof out->csrf);
		col_copy(q, 2, out->who.iin, sizeof out->who.iin);
		col_copy(q, 3, out->who.bin, sizeof out->who.bin);
		col_copy(q, 4, out->who.name, sizeof out->who.name);
		col_copy(q, 5, out->who.cert_sha256, sizeof out->who.cert_sha256);
		out->created = sqlite3_column_int64(q, 6);
		out->last_seen = sqlite3_column_int64(q, 7);
		out->expires = sqlite3_column_int64(q, 8);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "sessions");
}

int db_session_touch(struct store *st, long long id, long long now, struct ob_err *err)
{
	sqlite3_stmt *q = store_stmt(st, ST_SESSION_TOUCH,
	        "UPDATE sessions SET last_seen = ?2 WHERE id = ?1 AND last_seen < ?2", err);

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, now);
	return run(st, q, "sessions", err);
}

int db_session_end(struct store *st, long long id, long long now, struct ob_err *err)
{
	sqlite3_stmt *q = store_stmt(st, ST_SESSION_END,
	        "UPDATE sessions SET ended = ?2 WHERE id = ?1 AND ended IS NULL", err);

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, now);
	if (run(st, q, "sessions", err) != 0)
		return -1;
	return prune(st, now, err);
}
