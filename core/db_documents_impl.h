/* What core/db_documents.c (the checks, the documents row, its versions
 * and parts) and core/db_documents_tables.c (the content tables of a
 * version) share.  Not for other files: core/db_documents.h is the
 * interface. */
#ifndef OB_DB_DOCUMENTS_IMPL_H
#define OB_DB_DOCUMENTS_IMPL_H

#include "doc.h"
#include "db_util.h"
#include "store.h"

/* Steps a statement that returns no row; s NULL means store_stmt failed. */
static inline int done(struct store *st, sqlite3_stmt *s, struct ob_err *err, const char *what)
{
	if (s == NULL)
		return -1;
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_fail(st, err, what);
	return 0;
}

/* Replaces the content tables of document id (indicators, execution,
 * budget_lines, grant_cells, attachments) with d's, adding the blobs it
 * brings; the last step of db_document_store. */
int db_document_store_tables(struct store *st, const struct doc *d, long long id, struct ob_err *err);

#endif
