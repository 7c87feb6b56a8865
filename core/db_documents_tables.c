/* SQL of a document version's content tables: indicators, execution,
 * budget_lines, grant_cells (G), blobs and attachments, replaced whole at
 * every version by db_document_store (core/db_documents.c). */
#include <stddef.h>

#include "db_documents_impl.h"
#include "db_stmt.h"

static int clear_tables(struct store *st, long long id, struct ob_err *err)
{
	static const struct {
		int stmt;
		const char *sql;
	} del[] = {
		{ ST_TABLES_CLEAR_INDICATORS, "DELETE FROM indicators WHERE doc_id = ?1" },
		{ ST_TABLES_CLEAR_EXECUTION, "DELETE FROM execution WHERE doc_id = ?1" },
		{ ST_TABLES_CLEAR_LINES, "DELETE FROM budget_lines WHERE doc_id = ?1" },
		{ ST_TABLES_CLEAR_GRANT, "DELETE FROM grant_cells WHERE doc_id = ?1" },
		{ ST_TABLES_CLEAR_ATTACH, "DELETE FROM attachments WHERE doc_id = ?1" },
	};

	for (size_t i = 0; i < sizeof del / sizeof del[0]; i++) {
		sqlite3_stmt *s = store_stmt(st, del[i].stmt, del[i].sql, err);

		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		if (done(st, s, err, "tables") != 0)
			return -1;
	}
	return 0;
}

static void bind_values(sqlite3_stmt *s, int first, const struct doc_row *r, int n)
{
	for (int c = 0; c < n; c++)
		if (r->have & (1u << c))
			sqlite3_bind_int64(s, first + c, r->v[c]);
}

/* The insert of a row of table kind t; NULL for TBL_NONE or on error. */
static sqlite3_stmt *row_stmt(struct store *st, enum doc_table t, struct ob_err *err)
{
	switch (t) {
	case TBL_INDICATORS:
		return store_stmt(st, ST_INDICATOR_INSERT,
		        "INSERT INTO indicators (doc_id, ord, kind, subprogram, total, name_kk, name_ru, "
		        "unit_kk, unit_ru, actual, plan, plan1, plan2, plan3) "
		        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", err);
	case TBL_EXECUTION:
		return store_stmt(st, ST_EXECUTION_INSERT,
		        "INSERT INTO execution (doc_id, ord, subprogram, total, name_kk, name_ru, reason_kk, "
		        "reason_ru, approved, specified, corrected, executed, not_executed, savings, "
		        "under_execution) VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		        "?15, ?16)", err);
	case TBL_LINES:
		return store_stmt(st, ST_LINE_INSERT,
		        "INSERT INTO budget_lines (doc_id, ord, subprogram, total, name_kk, name_ru, fgroup, "
		        "fsubgroup, admin_code, program, plan, executed) "
		        "VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", err);
	case TBL_NONE:
		break;
	}
	return NULL;
}

static int store_rows(struct store *st, const struct doc *d, long long id, struct ob_err *err)
{
	for (size_t i = 0; i < d->nrows; i++) {
		const struct doc_row *r = &d->rows[i];
		sqlite3_stmt *s;

		if (d->table == TBL_NONE)
			return 0;
		if ((s = row_stmt(st, d->table, err)) == NULL)
			return -1;
		if (d->table == TBL_LINES) {
			if (r->fgroup)
				sqlite3_bind_int(s, 8, r->fgroup), sqlite3_bind_int(s, 9, r->fsubgroup ? r->fsubgroup : 1);
			bind_opt(s, 10, r->admin);
			bind_opt(s, 11, r->program);
			bind_values(s, 12, r, 2);
		} else {
			/* Indicators: kind, unit, 5 amounts; execution: reason, 7. */
			if (d->table == TBL_INDICATORS)
				bind_opt(s, 3, r->kind);
			bind_opt(s, 8, r->extra.kk);
			bind_opt(s, 9, r->extra.ru);
			bind_values(s, 10, r, d->table == TBL_INDICATORS ? 5 : 7);
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, (int)i);
		bind_opt(s, 4, r->subprogram);
		sqlite3_bind_int(s, 5, r->total);
		bind_opt(s, 6, r->name.kk);
		bind_opt(s, 7, r->name.ru);
		if (done(st, s, err, "table rows") != 0)
			return -1;
	}
	return 0;
}

/* G: the 26 columns of each row of a tied-grant report. */
static int store_cells(struct store *st, const struct doc *d, long long id, struct ob_err *err)
{
	for (size_t i = 0; i < d->ncellrows * GRANT_COLS; i++) {
		sqlite3_stmt *s = store_stmt(st, ST_GRANT_INSERT,
		        "INSERT INTO grant_cells (doc_id, row, col, value) VALUES (?1, ?2, ?3, ?4)", err);

		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, (int)(i / GRANT_COLS));
		sqlite3_bind_int(s, 3, (int)(i % GRANT_COLS) + 1);
		sqlite3_bind_text(s, 4, d->cells[i] ? d->cells[i] : "", -1, SQLITE_STATIC);
		if (done(st, s, err, "grant_cells") != 0)
			return -1;
	}
	return 0;
}

/* Attachments are stored once per content (SHA-256), however many
 * documents carry them. */
static int store_attachments(struct store *st, const struct doc *d, long long id, struct ob_err *err)
{
	for (size_t i = 0; i < d->natt; i++) {
		const struct doc_attachment *a = &d->att[i];
		sqlite3_stmt *s = store_stmt(st, ST_BLOB_INSERT,
		        "INSERT INTO blobs (sha256, size, data) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", err);

		if (s == NULL)
			return -1;
		sqlite3_bind_text(s, 1, a->sha256, 64, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (long long)a->size);
		sqlite3_bind_blob(s, 3, a->data, (int)a->size, SQLITE_STATIC);
		if (done(st, s, err, "blobs") != 0)
			return -1;
		if ((s = store_stmt(st, ST_ATTACH_INSERT,
		        "INSERT INTO attachments (doc_id, ord, sha256, name, type, role) "
		        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, (int)i);
		sqlite3_bind_text(s, 3, a->sha256, 64, SQLITE_STATIC);
		bind_opt(s, 4, a->name);
		bind_opt(s, 5, a->type);
		bind_opt(s, 6, a->role);
		if (done(st, s, err, "attachments") != 0)
			return -1;
	}
	return 0;
}

int db_document_store_tables(struct store *st, const struct doc *d, long long id, struct ob_err *err)
{
	if (clear_tables(st, id, err) != 0 ||
	    store_rows(st, d, id, err) != 0 ||
	    store_cells(st, d, id, err) != 0 ||
	    store_attachments(st, d, id, err) != 0)
		return -1;
	return 0;
}
