/* Operator settings in SQLite: schema/006_settings.sql, core/db_settings.h. */
#include <string.h>

#include "db_settings.h"
#include "db_stmt.h"

int db_setting_get(struct store *st, const char *key, char *buf, size_t size, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SETTING_GET, "SELECT value FROM settings WHERE key = ?1", err);
	int rc = -1, step;
	size_t n;

	if (size > 0)
		buf[0] = '\0';
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(s)) == SQLITE_DONE) {
		rc = 0;
	} else if (step != SQLITE_ROW) {
		store_fail(st, err, "settings");
	} else if ((n = (size_t)sqlite3_column_bytes(s, 0)) >= size) {
		ob_err_set(err, "argument", 0, "setting \"%s\" is longer than %zu bytes", key,
		           size ? size - 1 : 0);
	} else {
		memcpy(buf, sqlite3_column_text(s, 0), n);
		buf[n] = '\0';
		rc = 1;
	}
	sqlite3_reset(s);
	return rc;
}

int db_setting_set(struct store *st, const char *key, const char *value, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SETTING_PUT,
	        "INSERT INTO settings (key, value) VALUES (?1, ?2) "
	        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", err);
	int step;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	return step == SQLITE_DONE ? 0 : store_fail(st, err, "settings");
}

int db_setting_unset(struct store *st, const char *key, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SETTING_DELETE, "DELETE FROM settings WHERE key = ?1", err);
	int step;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	step = sqlite3_step(s);
	sqlite3_reset(s);
	if (step != SQLITE_DONE)
		return store_fail(st, err, "settings");
	return sqlite3_changes(store_db(st)) > 0;
}
