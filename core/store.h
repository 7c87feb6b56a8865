/* The storage interface.  Everything above core/ talks to the store through
 * these functions and the db_*.h headers; the SQLite backend lives in
 * core/db*.c.  A PostgreSQL backend would implement the same functions. */
#ifndef OB_STORE_H
#define OB_STORE_H

#include <sqlite3.h>

#include "err.h"

struct store;

enum {
	STORE_RDONLY = 1,  /* obgen: never writes */
	STORE_CREATE = 2,  /* obctl init: create the file when missing */
};

/* Opens the database, sets WAL, foreign keys, synchronous=FULL, and applies
 * the numbered migrations in schema/ that PRAGMA user_version has not seen
 * (not for STORE_RDONLY, which refuses a database that is not up to date). */
struct store *store_open(const char *path, int flags, struct ob_err *err);
void store_close(struct store *st);

int store_begin(struct store *st, struct ob_err *err);
int store_commit(struct store *st, struct ob_err *err);
void store_rollback(struct store *st);

/* Resets every statement still in progress (stepped to a row and not
 * reset) and returns how many there were.  On a connection outside an
 * explicit transaction such a statement holds its read transaction open,
 * and the connection keeps reading that old snapshot: obfcgi calls this
 * after every request on its read connections, so no request sees the
 * database as an earlier one left it. */
int store_idle(struct store *st);

/* Bumps the change sequence inside the current transaction; returns the new
 * value (the documents it touched record it in documents.seq), -1 on error. */
long long store_seq_bump(struct store *st, struct ob_err *err);
long long store_seq(struct store *st);

/* For the backend's own files (core/db_*.c) only. */
sqlite3 *store_db(struct store *st);
sqlite3_stmt *store_stmt(struct store *st, int id, const char *sql, struct ob_err *err);
int store_fail(struct store *st, struct ob_err *err, const char *what);

/* The directory holding schema/, templates/, data/: $OB_SHARE_DIR or the
 * source tree the binaries were built from. */
const char *ob_share_dir(void);

/* Number of prepared-statement slots per connection; ids are the enum
 * values in core/db_stmt.h. */
#define STORE_STMT_MAX 160

#endif
