/* SQLite backend: connection, migrations, transactions, change sequence. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_stmt.h"
#include "store.h"
#include "xmlin.h"

_Static_assert(ST_STMT_COUNT_ <= STORE_STMT_MAX, "raise STORE_STMT_MAX");

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[STORE_STMT_MAX];
};

const char *ob_share_dir(void)
{
	const char *d = getenv("OB_SHARE_DIR");

	return d != NULL && *d != '\0' ? d : OB_SHARE_DIR;
}

sqlite3 *store_db(struct store *st)
{
	return st->db;
}

int store_fail(struct store *st, struct ob_err *err, const char *what)
{
	ob_err_set(err, "storage", 0, "%s: %s", what, sqlite3_errmsg(st->db));
	return -1;
}

sqlite3_stmt *store_stmt(struct store *st, int id, const char *sql, struct ob_err *err)
{
	sqlite3_stmt *s = st->stmt[id];

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		store_fail(st, err, "prepare");
		return NULL;
	}
	st->stmt[id] = s;
	return s;
}

int store_idle(struct store *st)
{
	int n = 0;

	for (sqlite3_stmt *s = sqlite3_next_stmt(st->db, NULL); s != NULL; s = sqlite3_next_stmt(st->db, s))
		if (sqlite3_stmt_busy(s)) {
			sqlite3_reset(s);
			n++;
		}
	return n;
}

static int exec(struct store *st, const char *sql, struct ob_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		ob_err_set(err, "storage", 0, "%s", msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int user_version(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* By number, not by name: "10_x.sql" comes after "9_x.sql" (by name it
 * would come first, and 9 would then be skipped as already applied). */
static int by_number(const struct dirent **a, const struct dirent **b)
{
	long x = atol((*a)->d_name), y = atol((*b)->d_name);

	return x != y ? (x < y ? -1 : 1) : strcmp((*a)->d_name, (*b)->d_name);
}

static int is_migration(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return n > 7 && d->d_name[0] >= '0' && d->d_name[0] <= '9' &&
	       strcmp(d->d_name + n - 4, ".sql") == 0;
}

/* Numbered migrations NNN_name.sql, each applied in its own transaction
 * together with the user_version that records it.  A gap in the numbers is
 * fine (004 then 006 applies both; user_version becomes 6), but a number
 * used twice is refused: the second file would otherwise be skipped as
 * already applied, silently.  So would a migration that arrives after a
 * database has passed its number (005 merged after 006 was applied): give
 * numbers in merge order. */
static int migrate(struct store *st, struct ob_err *err)
{
	struct dirent **list = NULL;
	char dir[4096], path[4400], pragma[64];
	int n, rc = -1, have = user_version(st);

	snprintf(dir, sizeof dir, "%s/schema", ob_share_dir());
	if ((n = scandir(dir, &list, is_migration, by_number)) < 0) {
		ob_err_set(err, "io", 0, "%s: cannot read the migrations", dir);
		return -1;
	}
	for (int i = 1; i < n; i++) {
		if (atoi(list[i]->d_name) == atoi(list[i - 1]->d_name)) {
			ob_err_set(err, "storage", 0, "%s: migrations %s and %s have the same number", dir,
			           list[i - 1]->d_name, list[i]->d_name);
			goto out;
		}
	}
	for (int i = 0; i < n; i++) {
		int num = atoi(list[i]->d_name);
		size_t len;
		char *sql;

		if (num <= have)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
		if ((sql = file_read_all(path, 1u << 20, &len, err)) == NULL)
			goto out;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", num);
		if (exec(st, "BEGIN IMMEDIATE", err) != 0 || exec(st, sql, err) != 0 ||
		    exec(st, pragma, err) != 0 || exec(st, "COMMIT", err) != 0) {
			/* Copies: err->msg may not be both source and target. */
			char code[sizeof err->code], msg[sizeof err->msg];

			snprintf(code, sizeof code, "%s", err->code);
			snprintf(msg, sizeof msg, "%s", err->msg);
			ob_err_set(err, code, 0, "%s: %s", path, msg);
			free(sql);
			exec(st, "ROLLBACK", NULL);
			goto out;
		}
		free(sql);
		have = num;
	}
	rc = 0;
out:
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return rc;
}

struct store *store_open(const char *path, int flags, struct ob_err *err)
{
	struct store *st = calloc(1, sizeof *st);
	int oflags = (flags & STORE_RDONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

	if (st == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		return NULL;
	}
	if (flags & STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		ob_err_set(err, "storage", 0, "%s: %s", path,
		           st->db ? sqlite3_errmsg(st->db) : "cannot open");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	if (exec(st, "PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	if (flags & STORE_RDONLY) {
		if (user_version(st) < 1) {
			ob_err_set(err, "storage", 0, "%s: not an initialised portal database (run obctl init)", path);
			goto fail;
		}
		return st;
	}
	/* A 201 must mean "on disk" (issue 4.5): WAL with synchronous=FULL. */
	if (exec(st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", err) != 0 ||
	    migrate(st, err) != 0)
		goto fail;
	return st;
fail:
	store_close(st);
	return NULL;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (int i = 0; i < STORE_STMT_MAX; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st);
}

int store_begin(struct store *st, struct ob_err *err)
{
	return exec(st, "BEGIN IMMEDIATE", err);
}

/* A statement left on a row would keep its read open and fail COMMIT. */
static void reset_all(struct store *st)
{
	for (int i = 0; i < STORE_STMT_MAX; i++)
		if (st->stmt[i] != NULL)
			sqlite3_reset(st->stmt[i]);
}

int store_commit(struct store *st, struct ob_err *err)
{
	reset_all(st);
	return exec(st, "COMMIT", err);
}

void store_rollback(struct store *st)
{
	reset_all(st);
	if (!sqlite3_get_autocommit(st->db))
		exec(st, "ROLLBACK", NULL);
}

long long store_seq_bump(struct store *st, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SEQ_BUMP,
	        "UPDATE meta SET value = value + 1 WHERE key = 'seq' RETURNING value", err);
	long long seq;

	if (s == NULL)
		return -1;
	if (sqlite3_step(s) != SQLITE_ROW) {
		store_fail(st, err, "change sequence");
		sqlite3_reset(s);
		return -1;
	}
	/* Reset at once: the UPDATE is done at the first step, but a
	 * statement left on its RETURNING row is "in progress", and obfcgi's
	 * group commit (cgi/commit.c) can then open no SAVEPOINT for the next
	 * job of the batch ("SQL statements in progress", 500). */
	seq = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return seq;
}

long long store_seq(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, ST_SEQ_GET, "SELECT value FROM meta WHERE key = 'seq'", NULL);
	long long seq = -1;

	if (s == NULL)
		return -1;
	/* Reset at once: outside a transaction, a statement left on its row
	 * holds its read transaction open, and in WAL mode the connection
	 * then sees that snapshot for ever (obfcgi's receipts did). */
	if (sqlite3_step(s) == SQLITE_ROW)
		seq = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return seq;
}
