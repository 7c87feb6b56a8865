/* Helpers of the unit tests that look into the database directly (cmocka
 * must be included first).  For tests/unit/test_*.c only. */
#ifndef OB_TEST_SQL_HELPERS_H
#define OB_TEST_SQL_HELPERS_H

#include <stdio.h>
#include <sqlite3.h>

#include "err.h"
#include "store.h"

/* Fails the test with err's code and message unless rc is 0. */
static inline void must(int rc, const struct ob_err *err)
{
	if (rc != 0)
		fail_msg("%s line %d: %s", err->code, err->line, err->msg);
}

/* The first column of the first row of sql as a number (-1: no row). */
static inline long long sql_count(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	long long n = -1;

	assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The same as text, in a static buffer ("" for no row or NULL). */
static inline const char *sql_text(struct store *st, const char *sql)
{
	static char buf[256];
	sqlite3_stmt *s;

	assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
	buf[0] = '\0';
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return buf;
}

#endif
