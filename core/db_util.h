/* Small helpers shared by the SQLite files of the submissions
 * (core/db_submit.c, db_roles.c, db_queue.c); for core/db_*.c only. */
#ifndef OB_DB_UTIL_H
#define OB_DB_UTIL_H

#include <stdio.h>

#include "store.h"

static inline void col_copy(sqlite3_stmt *s, int col, char *dst, size_t size)
{
	const unsigned char *v = sqlite3_column_text(s, col);

	snprintf(dst, size, "%s", v ? (const char *)v : "");
}

static inline void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Steps a statement that returns no row. */
static inline int run(struct store *st, sqlite3_stmt *s, const char *what, struct ob_err *err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, what);
}

/* Steps a statement that returns at most one row with a 0/1 answer. */
static inline int exists(struct store *st, sqlite3_stmt *s, const char *what, struct ob_err *err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, what);
}

#endif
