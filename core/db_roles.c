/* Roles in SQLite (issue 4.4): operators by IIN, administrators by the BIN
 * of their body; obctl role and the handlers' checks.  db_submit.h
 * documents each function. */
#include <string.h>

#include "access.h"
#include "db_stmt.h"
#include "db_submit.h"
#include "db_util.h"

int db_role_is_operator(struct store *st, const char *iin, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ROLE_OPERATOR,
	        "SELECT 1 FROM roles WHERE role = 'operator' AND iin = ?1 AND revoked IS NULL", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, iin, -1, SQLITE_STATIC);
	return exists(st, s, "roles", err);
}

int db_role_is_administrator(struct store *st, long long admin_id, const char *bin, const char *iin,
                             struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ROLE_ADMINISTRATOR,
	        "SELECT 1 FROM roles r JOIN administrators a ON a.id = r.admin_id "
	        "WHERE r.role = 'administrator' AND r.admin_id = ?1 AND a.bin = ?2 "
	        "AND (r.iin IS NULL OR r.iin = ?3) AND r.revoked IS NULL", err);

	if (s == NULL)
		return -1;
	if (bin == NULL || *bin == '\0')
		return 0;  /* a person's own certificate never acts for a body */
	sqlite3_bind_int64(s, 1, admin_id);
	sqlite3_bind_text(s, 2, bin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, iin, -1, SQLITE_STATIC);
	return exists(st, s, "roles", err);
}

int db_role_grant(struct store *st, const char *role, const char *iin, long long admin_id,
                  const char *now, long long *id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ROLE_GRANT,
	        "INSERT INTO roles (role, iin, admin_id, granted) VALUES (?1, ?2, ?3, ?4)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, role, -1, SQLITE_STATIC);
	bind_opt(s, 2, iin);
	if (admin_id > 0)
		sqlite3_bind_int64(s, 3, admin_id);
	sqlite3_bind_text(s, 4, now, -1, SQLITE_STATIC);
	if (run(st, s, "roles", err) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int db_role_revoke(struct store *st, long long id, const char *now, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ROLE_REVOKE,
	        "UPDATE roles SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, now, -1, SQLITE_STATIC);
	if (run(st, s, "roles", err) != 0)
		return -1;
	if (sqlite3_changes(store_db(st)) == 0)
		return ob_err_set(err, "not-found", 0, "no active role with id %lld", id), -1;
	return 0;
}

int db_role_list(struct store *st, int (*fn)(const struct role_row *, void *), void *arg,
                 struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ROLE_LIST,
	        "SELECT r.id, r.role, ifnull(r.iin, ''), ifnull(a.code, ''), ifnull(a.bin, ''), "
	        "ifnull(a.region, ''), r.granted, ifnull(r.revoked, '') "
	        "FROM roles r LEFT JOIN administrators a ON a.id = r.admin_id ORDER BY r.id", err);
	struct role_row r;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		col_copy(s, 1, r.role, sizeof r.role);
		col_copy(s, 2, r.iin, sizeof r.iin);
		col_copy(s, 3, r.admin_code, sizeof r.admin_code);
		col_copy(s, 4, r.admin_bin, sizeof r.admin_bin);
		col_copy(s, 5, r.region, sizeof r.region);
		col_copy(s, 6, r.granted, sizeof r.granted);
		col_copy(s, 7, r.revoked, sizeof r.revoked);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "roles");
}

int db_admin_by_bin(struct store *st, const char *bin, const char *code, long long *admin_id,
                    struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ADMIN_BY_BIN,
	        "SELECT id FROM administrators WHERE bin = ?1 AND code = ?2", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, bin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*admin_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "administrators");
}

int db_role_admins(struct store *st, const char *bin, const char *iin,
                   int (*fn)(const struct access_admin *, void *), void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ROLE_ADMINS,
	        "SELECT DISTINCT a.id, a.code, ifnull(a.region, '') FROM roles r "
	        "JOIN administrators a ON a.id = r.admin_id "
	        "WHERE r.role = 'administrator' AND a.bin = ?1 AND (r.iin IS NULL OR r.iin = ?2) "
	        "AND r.revoked IS NULL ORDER BY a.code, a.id", err);
	struct access_admin ad;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, bin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, iin, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&ad, 0, sizeof ad);
		ad.id = sqlite3_column_int64(s, 0);
		col_copy(s, 1, ad.code, sizeof ad.code);
		col_copy(s, 2, ad.region, sizeof ad.region);
		if (fn(&ad, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "roles");
}
