/* core/db_settings.c (schema/006_settings.sql) and the migration runner of
 * core/db_store.c: a gap in the numbers, numbers without leading zeros, a
 * number used twice. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "db_settings.h"
#include "store.h"

static char dir[64];

static const char *path_of(const char *name)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static void write_file(const char *name, const char *text)
{
	FILE *f;

	assert_non_null(f = fopen(path_of(name), "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int query_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static struct store *open_db(const char *name, struct ob_err *err)
{
	return store_open(path_of(name), STORE_CREATE, err);
}

/* The real schema/: every migration applies, the settings table is there. */
static void test_settings(void **state)
{
	struct ob_err err = { 0 };
	struct store *st;
	char buf[64], tiny[4];

	(void)state;
	unsetenv("OB_SHARE_DIR");
	if ((st = open_db("portal.db", &err)) == NULL)
		fail_msg("%s %s", err.code, err.msg);
	assert_true(query_int(st, "PRAGMA user_version") >= 6);
	assert_int_equal(db_setting_get(st, SETTING_GOST_VERIFIER, buf, sizeof buf, &err), 0);
	assert_string_equal(buf, "");
	assert_int_equal(db_setting_unset(st, SETTING_GOST_VERIFIER, &err), 0);
	assert_int_equal(db_setting_set(st, SETTING_GOST_VERIFIER, "http://127.0.0.1:14579", &err), 0);
	assert_int_equal(db_setting_get(st, SETTING_GOST_VERIFIER, buf, sizeof buf, &err), 1);
	assert_string_equal(buf, "http://127.0.0.1:14579");
	assert_int_equal(db_setting_set(st, SETTING_GOST_VERIFIER, "unix:/run/nca.sock", &err), 0);
	assert_int_equal(db_setting_get(st, SETTING_GOST_VERIFIER, buf, sizeof buf, &err), 1);
	assert_string_equal(buf, "unix:/run/nca.sock");
	assert_int_equal(query_int(st, "SELECT count(*) FROM settings"), 1);
	/* A value that does not fit is an error, not a cut URL. */
	assert_int_equal(db_setting_get(st, SETTING_GOST_VERIFIER, tiny, sizeof tiny, &err), -1);
	assert_string_equal(err.code, "argument");
	assert_int_equal(db_setting_unset(st, SETTING_GOST_VERIFIER, &err), 1);
	assert_int_equal(db_setting_get(st, SETTING_GOST_VERIFIER, buf, sizeof buf, &err), 0);
	assert_int_equal(db_setting_unset(st, SETTING_GOST_VERIFIER, &err), 0);
	/* In a transaction that is rolled back, nothing stays. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(db_setting_set(st, SETTING_GOST_VERIFIER, "https://nca.example.kz", &err), 0);
	store_rollback(st);
	assert_int_equal(db_setting_get(st, SETTING_GOST_VERIFIER, buf, sizeof buf, &err), 0);
	store_close(st);
}

/* OB_SHARE_DIR=dir with its own schema/: 001, 004, 006 (a gap), then 9
 * and 10 (by number, not by name), then two 011s (refused). */
static void test_migrations(void **state)
{
	struct ob_err err = { 0 };
	struct store *st;

	(void)state;
	setenv("OB_SHARE_DIR", dir, 1);
	write_file("schema/001_a.sql", "CREATE TABLE a (x); CREATE TABLE meta (key TEXT, value INTEGER);");
	write_file("schema/004_b.sql", "CREATE TABLE b (x);");
	write_file("schema/006_c.sql", "CREATE TABLE c (x);");
	write_file("schema/README", "not a migration");
	if ((st = open_db("gap.db", &err)) == NULL)
		fail_msg("%s %s", err.code, err.msg);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 6);
	assert_int_equal(query_int(st, "SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b', 'c')"), 3);
	store_close(st);

	write_file("schema/10_later.sql", "CREATE TABLE e (x); INSERT INTO e SELECT count(*) FROM d;");
	write_file("schema/9_late.sql", "CREATE TABLE d (x);");
	if ((st = open_db("gap.db", &err)) == NULL)
		fail_msg("%s %s", err.code, err.msg);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 10);
	assert_int_equal(query_int(st, "SELECT count(*) FROM e"), 1);
	store_close(st);

	write_file("schema/011_f.sql", "CREATE TABLE f (x);");
	write_file("schema/011_g.sql", "CREATE TABLE g (x);");
	assert_null(st = open_db("gap.db", &err));
	assert_string_equal(err.code, "storage");
	assert_non_null(strstr(err.msg, "same number"));
	/* Refused before anything ran: neither applied. */
	unlink(path_of("schema/011_g.sql"));
	if ((st = store_open(path_of("gap.db"), STORE_RDONLY, &err)) == NULL)
		fail_msg("%s %s", err.code, err.msg);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 10);
	assert_int_equal(query_int(st, "SELECT count(*) FROM sqlite_master WHERE name IN ('f', 'g')"), 0);
	store_close(st);
	unsetenv("OB_SHARE_DIR");
}

static int setup(void **state)
{
	char path[128];

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ob-test-settings-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/schema", dir);
	return mkdir(path, 0755);
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_migrations),
	};

	return cmocka_run_group_tests_name("settings", tests, setup, teardown);
}
