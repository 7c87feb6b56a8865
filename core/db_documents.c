/* SQL of the document tables: documents, document_versions, parts,
 * indicators, execution, budget_lines, grant_cells, blobs, attachments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>

#include "clock.h"
#include "db_documents.h"
#include "db_reference.h"
#include "db_stmt.h"

static void bind_str(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static int done(struct store *st, sqlite3_stmt *s, struct ob_err *err, const char *what)
{
	if (s == NULL)
		return -1;
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_fail(st, err, what);
	return 0;
}

static int unknown(struct ob_err *err, const char *code, int line, const char *what, const char *value)
{
	ob_err_set(err, code, line, "unknown %s \"%s\"", what, value);
	return -1;
}

/* The codes a document refers to exist (issue 3.5: "codes known"). */
static int check_codes(struct store *st, const struct doc *d, long long *admin_id,
                       long long *program_id, struct ob_err *err)
{
	int rc;

	if (d->region[0] != '\0' && (rc = db_region_find(st, d->region, err)) != 1)
		return rc < 0 ? -1 : unknown(err, "unknown-region", d->line, "region (KATO)", d->region);
	if ((rc = db_admin_find(st, d->admin, d->region, admin_id, err)) != 1)
		return rc < 0 ? -1 : unknown(err, "unknown-administrator", d->line, "administrator", d->admin);
	*program_id = 0;
	if (d->program[0] != '\0' && (rc = db_program_find(st, *admin_id, d->program, program_id, err)) != 1)
		return rc < 0 ? -1 : unknown(err, "unknown-program", d->line, "program", d->program);
	for (size_t i = 0; i < d->nrows; i++) {
		const struct doc_row *r = &d->rows[i];
		long long aid = *admin_id, pid = *program_id;

		if (r->fgroup && (rc = db_fsubgroup_find(st, r->fgroup, r->fsubgroup ? r->fsubgroup : 1, err)) != 1) {
			char code[24];

			snprintf(code, sizeof code, "%d.%d", r->fgroup, r->fsubgroup);
			return rc < 0 ? -1 : unknown(err, "unknown-classification", r->line, "functional group", code);
		}
		if (r->admin[0] != '\0' && (rc = db_admin_find(st, r->admin, d->region, &aid, err)) != 1)
			return rc < 0 ? -1 : unknown(err, "unknown-administrator", r->line, "administrator", r->admin);
		if (r->program[0] != '\0' && (rc = db_program_find(st, aid, r->program, &pid, err)) != 1)
			return rc < 0 ? -1 : unknown(err, "unknown-program", r->line, "program", r->program);
		if (r->subprogram[0] != '\0' && pid != 0 && (rc = db_subprogram_find(st, pid, r->subprogram, err)) != 1)
			return rc < 0 ? -1 : unknown(err, "unknown-subprogram", r->line, "subprogram", r->subprogram);
	}
	return 0;
}

/* Number unique (issue 3.5), unless this is the next version. */
static int check_number(struct store *st, const struct doc *d, long long *id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_DOC_FIND,
	        "SELECT id, version FROM documents WHERE number = ?1", err);
	int rc, have;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, d->number, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_DONE) {
		*id = 0;
		return d->version == 1 ? 0 :
		       (ob_err_set(err, "version", d->line, "document %s does not exist: its first version is 1", d->number), -1);
	}
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "documents");
	*id = sqlite3_column_int64(s, 0);
	have = sqlite3_column_int(s, 1);
	sqlite3_reset(s);  /* no read left open (store_idle) */
	if (d->version != have + 1) {
		ob_err_set(err, "duplicate-number", d->line,
		           "document number %s already exists (version %d); a new version says version=\"%d\"",
		           d->number, have, have + 1);
		return -1;
	}
	return 0;
}

static int store_header(struct store *st, const struct doc *d, long long admin_id, long long program_id,
                        long long seq, long long *id, struct ob_err *err)
{
	sqlite3_stmt *s = *id == 0 ?
	        store_stmt(st, ST_DOC_INSERT,
	                   "INSERT INTO documents (number, kind, year, admin_id, program_id, posted, status, "
	                   "discussion_end, stage, received, period, title_kk, title_ru, head_kk, head_ru, "
	                   "version, seq) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	                   "?15, ?16, ?17, ?18) RETURNING id", err) :
	        store_stmt(st, ST_DOC_UPDATE,
	                   "UPDATE documents SET number = ?2, kind = ?3, year = ?4, admin_id = ?5, program_id = ?6, "
	                   "posted = ?7, status = ?8, discussion_end = ?9, stage = ?10, received = ?11, "
	                   "period = ?12, title_kk = ?13, title_ru = ?14, head_kk = ?15, head_ru = ?16, "
	                   "version = ?17, seq = ?18 WHERE id = ?1 RETURNING id", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_text(s, 2, d->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, doc_kind_name(d->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, d->year);
	sqlite3_bind_int64(s, 5, admin_id);
	if (program_id != 0)
		sqlite3_bind_int64(s, 6, program_id);
	bind_str(s, 7, d->posted);
	bind_str(s, 8, d->status);
	bind_str(s, 9, d->discussion_end);
	bind_str(s, 10, d->stage);
	bind_str(s, 11, d->received);
	bind_str(s, 12, d->period);
	bind_str(s, 13, d->title.kk);
	bind_str(s, 14, d->title.ru);
	bind_str(s, 15, d->head.kk);
	bind_str(s, 16, d->head.ru);
	sqlite3_bind_int(s, 17, d->version);
	sqlite3_bind_int64(s, 18, seq);
	if (sqlite3_step(s) != SQLITE_ROW)
		return store_fail(st, err, "documents");
	*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

static int store_version(struct store *st, const struct doc *d, long long id, const char *xml,
                         size_t len, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_DOC_VERSION_INSERT,
	        "INSERT INTO document_versions (doc_id, version, sha256, xml, imported) "
	        "VALUES (?1, ?2, ?3, ?4, ?5)", err);
	unsigned char md[32];
	char hex[65], today[DATE_STRLEN];
	struct ob_date t;

	if (s == NULL)
		return -1;
	if (ob_today(&t) != 0) {
		ob_err_set(err, "clock", 0, "cannot tell today's date (OB_TODAY?)");
		return -1;
	}
	EVP_Digest(xml, len, md, NULL, EVP_sha256(), NULL);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, d->version);
	sqlite3_bind_text(s, 3, hex, 64, SQLITE_STATIC);
	sqlite3_bind_blob(s, 4, xml, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, date_format(t, today), -1, SQLITE_STATIC);
	return done(st, s, err, "document_versions");
}

/* Parts keep their id across versions: matched by key; the ones a version
 * drops are marked removed_in and keep what is attached to them. */
static int store_parts(struct store *st, const struct doc *d, long long id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PART_REMOVE_ALL,
	        "UPDATE parts SET removed_in = ?2 WHERE doc_id = ?1 AND removed_in IS NULL", err);
	long long *ids = NULL;
	int rc = -1;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, d->version);
	if (done(st, s, err, "parts") != 0 || (ids = calloc(d->nparts + 1, sizeof *ids)) == NULL)
		goto out;
	for (size_t i = 0; i < d->nparts; i++) {
		const struct doc_part *p = &d->parts[i];

		if ((s = store_stmt(st, ST_PART_INSERT,
		        "INSERT INTO parts (doc_id, key, parent_id, ord, title_kk, title_ru, text_kk, text_ru) "
		        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (doc_id, key) DO UPDATE SET "
		        "parent_id = ?3, ord = ?4, title_kk = ?5, title_ru = ?6, text_kk = ?7, text_ru = ?8, "
		        "removed_in = NULL RETURNING id", err)) == NULL)
			goto out;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, p->key, -1, SQLITE_STATIC);
		if (p->parent >= 0)
			sqlite3_bind_int64(s, 3, ids[p->parent]);
		sqlite3_bind_int(s, 4, (int)i);
		bind_str(s, 5, p->title.kk);
		bind_str(s, 6, p->title.ru);
		bind_str(s, 7, p->text.kk);
		bind_str(s, 8, p->text.ru);
		if (sqlite3_step(s) != SQLITE_ROW) {
			store_fail(st, err, "parts");
			goto out;
		}
		ids[i] = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	rc = 0;
out:
	free(ids);
	return rc;
}

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

static int store_rows(struct store *st, const struct doc *d, long long id, struct ob_err *err)
{
	for (size_t i = 0; i < d->nrows; i++) {
		const struct doc_row *r = &d->rows[i];
		sqlite3_stmt *s = NULL;

		switch (d->table) {
		case TBL_INDICATORS:
			s = store_stmt(st, ST_INDICATOR_INSERT,
			        "INSERT INTO indicators (doc_id, ord, kind, subprogram, total, name_kk, name_ru, "
			        "unit_kk, unit_ru, actual, plan, plan1, plan2, plan3) "
			        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", err);
			if (s == NULL)
				return -1;
			bind_str(s, 3, r->kind);
			bind_str(s, 8, r->extra.kk);
			bind_str(s, 9, r->extra.ru);
			bind_values(s, 10, r, 5);
			break;
		case TBL_EXECUTION:
			s = store_stmt(st, ST_EXECUTION_INSERT,
			        "INSERT INTO execution (doc_id, ord, subprogram, total, name_kk, name_ru, reason_kk, "
			        "reason_ru, approved, specified, corrected, executed, not_executed, savings, "
			        "under_execution) VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
			        "?15, ?16)", err);
			if (s == NULL)
				return -1;
			bind_str(s, 8, r->extra.kk);
			bind_str(s, 9, r->extra.ru);
			bind_values(s, 10, r, 7);
			break;
		case TBL_LINES:
			s = store_stmt(st, ST_LINE_INSERT,
			        "INSERT INTO budget_lines (doc_id, ord, subprogram, total, name_kk, name_ru, fgroup, "
			        "fsubgroup, admin_code, program, plan, executed) "
			        "VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", err);
			if (s == NULL)
				return -1;
			if (r->fgroup)
				sqlite3_bind_int(s, 8, r->fgroup), sqlite3_bind_int(s, 9, r->fsubgroup ? r->fsubgroup : 1);
			bind_str(s, 10, r->admin);
			bind_str(s, 11, r->program);
			bind_values(s, 12, r, 2);
			break;
		case TBL_NONE:
			return 0;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, (int)i);
		bind_str(s, 4, r->subprogram);
		sqlite3_bind_int(s, 5, r->total);
		bind_str(s, 6, r->name.kk);
		bind_str(s, 7, r->name.ru);
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
		bind_str(s, 4, a->name);
		bind_str(s, 5, a->type);
		bind_str(s, 6, a->role);
		if (done(st, s, err, "attachments") != 0)
			return -1;
	}
	return 0;
}

int db_document_check(struct store *st, const struct doc *d, long long *admin_id, struct ob_err *err)
{
	long long program_id, id;

	return check_codes(st, d, admin_id, &program_id, err) != 0 || check_number(st, d, &id, err) != 0 ? -1 : 0;
}

int db_document_store(struct store *st, const struct doc *d, const char *xml, size_t len,
                      long long *id, struct ob_err *err)
{
	long long admin_id, program_id, seq;

	*id = 0;
	if (check_codes(st, d, &admin_id, &program_id, err) != 0 || check_number(st, d, id, err) != 0)
		return -1;
	if ((seq = store_seq_bump(st, err)) < 0 ||
	    store_header(st, d, admin_id, program_id, seq, id, err) != 0 ||
	    store_version(st, d, *id, xml, len, err) != 0 ||
	    store_parts(st, d, *id, err) != 0 ||
	    clear_tables(st, *id, err) != 0 ||
	    store_rows(st, d, *id, err) != 0 ||
	    store_cells(st, d, *id, err) != 0 ||
	    store_attachments(st, d, *id, err) != 0)
		return -1;
	return 0;
}

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
