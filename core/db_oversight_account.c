/* Accounts of oversight users and blocks in SQLite (issue 7;
 * schema/008_oversight.sql).  db_oversight.h documents each function.
 * Whether an account is active is never stored: it depends on today
 * (core/oversight.c). */
#include <string.h>

#include "db_oversight.h"
#include "db_stmt.h"
#include "db_util.h"

int db_ov_account_insert(struct store *st, const struct submission *sub, const struct ov_request *r,
                         const char *granted_day, const char *expires, long long *id,
                         struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_ACCOUNT_INSERT,
	        "INSERT INTO oversight_accounts (request_id, submission, body_id, bin, iin, granted, "
	        "granted_day, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, r->id);
	sqlite3_bind_text(s, 2, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, r->body_id);
	sqlite3_bind_text(s, 4, r->body_bin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, r->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, granted_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, expires, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		int ext = sqlite3_extended_errcode(store_db(st));

		sqlite3_reset(s);
		/* the partial unique index on the current account of an IIN. */
		if (ext == SQLITE_CONSTRAINT_UNIQUE)
			return ob_err_set(err, "account-exists", 0, "%s has an account already (A-15)", r->iin), -1;
		return store_fail(st, err, "oversight_accounts");
	}
	sqlite3_reset(s);
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

#define ACCOUNT_COLS "a.id, a.request_id, a.body_id, b.kind, ifnull(b.region, ''), b.admin_codes, " \
	"a.bin, a.iin, q.full_name, q.position, b.name_kk, b.name_ru, a.granted, a.granted_day, " \
	"a.expires, ifnull(a.blocked, ''), ifnull(a.superseded, 0), ifnull(k.left_on, ''), " \
	"ifnull(k.day, ''), ifnull(k.reason, '') " \
	"FROM oversight_accounts a JOIN oversight_bodies b ON b.id = a.body_id " \
	"JOIN oversight_requests q ON q.id = a.request_id " \
	"LEFT JOIN oversight_blocks k ON k.account_id = a.id "

static void account_read(sqlite3_stmt *s, struct ov_account *a)
{
	struct ob_err ignore = { 0 };
	char kind[32], region[10], codes[SCOPE_CODES_LEN];
	int c = 0;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, c++);
	a->request_id = sqlite3_column_int64(s, c++);
	a->body_id = sqlite3_column_int64(s, c++);
	col_copy(s, c++, kind, sizeof kind);
	col_copy(s, c++, region, sizeof region);
	col_copy(s, c++, codes, sizeof codes);
	if (scope_make(&a->scope, scope_kind_parse(kind), region, codes, &ignore) != 0)
		a->scope.kind = SCOPE_NONE;  /* covers nothing */
	col_copy(s, c++, a->bin, sizeof a->bin);
	col_copy(s, c++, a->iin, sizeof a->iin);
	col_copy(s, c++, a->full_name, sizeof a->full_name);
	col_copy(s, c++, a->position, sizeof a->position);
	col_copy(s, c++, a->body_name_kk, sizeof a->body_name_kk);
	col_copy(s, c++, a->body_name_ru, sizeof a->body_name_ru);
	col_copy(s, c++, a->granted, sizeof a->granted);
	col_copy(s, c++, a->granted_day, sizeof a->granted_day);
	col_copy(s, c++, a->expires, sizeof a->expires);
	col_copy(s, c++, a->blocked, sizeof a->blocked);
	a->superseded = sqlite3_column_int64(s, c++);
	col_copy(s, c++, a->left_on, sizeof a->left_on);
	col_copy(s, c++, a->block_day, sizeof a->block_day);
	col_copy(s, c++, a->block_reason, sizeof a->block_reason);
}

static int account_one(struct store *st, sqlite3_stmt *s, struct ov_account *out, struct ob_err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		account_read(s, out);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_accounts");
}

int db_ov_account_current(struct store *st, const char *iin, struct ov_account *out,
                          struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_ACCOUNT_CURRENT, "SELECT " ACCOUNT_COLS
	        "WHERE a.iin = ?1 AND a.blocked IS NULL AND a.superseded IS NULL", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, iin, -1, SQLITE_STATIC);
	return account_one(st, s, out, err);
}

int db_ov_account_get(struct store *st, long long id, struct ov_account *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_ACCOUNT_GET, "SELECT " ACCOUNT_COLS "WHERE a.id = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return account_one(st, s, out, err);
}

int db_ov_account_supersede(struct store *st, long long id, long long by, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_ACCOUNT_SUPERSEDE,
	        "UPDATE oversight_accounts SET superseded = ?2 WHERE id = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, by);
	return run(st, s, "oversight_accounts", err);
}

int db_ov_account_list(struct store *st, int (*fn)(const struct ov_account *, void *), void *arg,
                       struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_ACCOUNT_LIST, "SELECT " ACCOUNT_COLS "ORDER BY a.id DESC", err);
	struct ov_account a;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		account_read(s, &a);
		if (fn(&a, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_accounts");
}

int db_ov_block_insert(struct store *st, const struct submission *sub, long long account_id,
                       const char *left_on, const char *reason, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_BLOCK_INSERT,
	        "INSERT INTO oversight_blocks (submission, account_id, left_on, reason, received, day) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	sqlite3_stmt *u;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, account_id);
	sqlite3_bind_text(s, 3, left_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, sub->day, -1, SQLITE_STATIC);
	if (run(st, s, "oversight_blocks", err) != 0)
		return -1;
	/* the block is immediate, in the same transaction. */
	if ((u = store_stmt(st, ST_OV_ACCOUNT_BLOCK,
	                    "UPDATE oversight_accounts SET blocked = ?2 WHERE id = ?1 AND blocked IS NULL",
	                    err)) == NULL)
		return -1;
	sqlite3_bind_int64(u, 1, account_id);
	sqlite3_bind_text(u, 2, sub->received, -1, SQLITE_STATIC);
	if (run(st, u, "oversight_accounts", err) != 0)
		return -1;
	if (sqlite3_changes(store_db(st)) != 1)
		return ob_err_set(err, "already-blocked", 0, "account %lld is blocked already", account_id), -1;
	return 0;
}
