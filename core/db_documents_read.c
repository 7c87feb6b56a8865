/* SQL that reads documents back: the summaries (list, by id or number),
 * the latest stored XML, the current parts and the count.  Storing is
 * core/db_documents.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_documents.h"
#include "db_stmt.h"

#define SUMMARY_COLS "d.id, d.number, d.kind, d.status, d.posted, d.year, d.version, a.code, d.title_ru"

static void summary_read(sqlite3_stmt *s, struct doc_summary *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(s, 0);
	snprintf(o->number, sizeof o->number, "%s", (const char *)sqlite3_column_text(s, 1));
	snprintf(o->kind, sizeof o->kind, "%s", (const char *)sqlite3_column_text(s, 2));
	snprintf(o->status, sizeof o->status, "%s", (const char *)sqlite3_column_text(s, 3));
	snprintf(o->posted, sizeof o->posted, "%s", (const char *)sqlite3_column_text(s, 4));
	o->year = sqlite3_column_int(s, 5);
	o->version = sqlite3_column_int(s, 6);
	snprintf(o->admin, sizeof o->admin, "%s", (const char *)sqlite3_column_text(s, 7));
	snprintf(o->title_ru, sizeof o->title_ru, "%s", (const char *)sqlite3_column_text(s, 8));
}

int db_document_list(struct store *st, int (*fn)(const struct doc_summary *, void *), void *arg,
                     struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_DOC_LIST,
	        "SELECT " SUMMARY_COLS " FROM documents d JOIN administrators a ON a.id = d.admin_id "
	        "ORDER BY d.posted DESC, d.number", err);
	struct doc_summary sum;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		summary_read(s, &sum);
		if (fn(&sum, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "documents");
}

int db_document_get(struct store *st, const char *id_or_number, struct doc_summary *out,
                    struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_DOC_GET,
	        "SELECT " SUMMARY_COLS " FROM documents d JOIN administrators a ON a.id = d.admin_id "
	        "WHERE d.number = ?1 OR d.id = CAST(?1 AS INTEGER) ORDER BY d.number = ?1 DESC LIMIT 1", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id_or_number, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		summary_read(s, out);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "documents");
}

int db_document_xml(struct store *st, long long id, char **xml, size_t *len, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_DOC_VERSION_LATEST,
	        "SELECT xml FROM document_versions WHERE doc_id = ?1 ORDER BY version DESC LIMIT 1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_ROW)
		return store_fail(st, err, "document_versions");
	*len = (size_t)sqlite3_column_bytes(s, 0);
	if ((*xml = malloc(*len + 1)) == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		return -1;
	}
	memcpy(*xml, sqlite3_column_blob(s, 0), *len);
	(*xml)[*len] = '\0';
	sqlite3_reset(s);
	return 0;
}

int db_document_parts(struct store *st, long long id,
                      int (*fn)(long long, const char *, int, const char *, void *), void *arg,
                      struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PART_LIST,
	        "WITH RECURSIVE t(id, depth) AS (SELECT id, 0 FROM parts WHERE doc_id = ?1 AND parent_id IS NULL "
	        "AND removed_in IS NULL UNION ALL SELECT p.id, t.depth + 1 FROM parts p JOIN t ON p.parent_id = t.id "
	        "WHERE p.removed_in IS NULL) SELECT p.id, p.key, t.depth, p.title_ru FROM t JOIN parts p "
	        "ON p.id = t.id ORDER BY p.ord", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
		       sqlite3_column_int(s, 2), (const char *)sqlite3_column_text(s, 3), arg) != 0)
			break;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "parts");
}

long long db_document_count(struct store *st, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_DOC_COUNT, "SELECT count(*) FROM documents", err);
	long long n;

	if (s == NULL || sqlite3_step(s) != SQLITE_ROW)
		return -1;
	n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}
