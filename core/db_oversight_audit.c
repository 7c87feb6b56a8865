/* The audit log of oversight users in SQLite (issue 7; A-15: one person,
 * one account, so every line names the person).  Append-only: the table's
 * triggers refuse UPDATE and DELETE (schema/008_oversight.sql). */
#include <string.h>

#include "clock.h"
#include "db_oversight.h"
#include "db_stmt.h"
#include "db_util.h"

int db_ov_audit_insert(struct store *st, const struct ov_audit *a, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_AUDIT_INSERT,
	        "INSERT INTO oversight_audit (at, account_id, iin, bin, scope, action, object) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	char now[21];

	if (s == NULL)
		return -1;
	if (a->at[0] != '\0')
		sqlite3_bind_text(s, 1, a->at, -1, SQLITE_STATIC);
	else
		sqlite3_bind_text(s, 1, ob_time_format(ob_now(), now), -1, SQLITE_TRANSIENT);
	if (a->account_id > 0)
		sqlite3_bind_int64(s, 2, a->account_id);
	sqlite3_bind_text(s, 3, a->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, a->bin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, a->scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, a->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, a->object, -1, SQLITE_STATIC);
	return run(st, s, "oversight_audit", err);
}

int db_ov_audit_list(struct store *st, const char *bin, const char *since,
                     int (*fn)(const struct ov_audit *, void *), void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_AUDIT_LIST,
	        "SELECT id, ifnull(account_id, 0), at, iin, bin, scope, action, object FROM oversight_audit "
	        "WHERE (?1 = '' OR bin = ?1) AND (?2 = '' OR at >= ?2) ORDER BY id", err);
	struct ov_audit a;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, bin ? bin : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, since ? since : "", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.id = sqlite3_column_int64(s, 0);
		a.account_id = sqlite3_column_int64(s, 1);
		col_copy(s, 2, a.at, sizeof a.at);
		col_copy(s, 3, a.iin, sizeof a.iin);
		col_copy(s, 4, a.bin, sizeof a.bin);
		col_copy(s, 5, a.scope, sizeof a.scope);
		col_copy(s, 6, a.action, sizeof a.action);
		col_copy(s, 7, a.object, sizeof a.object);
		if (fn(&a, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_audit");
}
