/* Storing a document version: the checks that need the database (codes
 * known, number unique or the next version), then the rows of documents,
 * document_versions and parts.  The content tables (indicators, execution,
 * budget_lines, grant_cells, blobs, attachments) are
 * core/db_documents_tables.c; reading documents back is
 * core/db_documents_read.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>

#include "clock.h"
#include "db_documents.h"
#include "db_documents_impl.h"
#include "db_reference.h"
#include "db_stmt.h"

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
	bind_opt(s, 7, d->posted);
	bind_opt(s, 8, d->status);
	bind_opt(s, 9, d->discussion_end);
	bind_opt(s, 10, d->stage);
	bind_opt(s, 11, d->received);
	bind_opt(s, 12, d->period);
	bind_opt(s, 13, d->title.kk);
	bind_opt(s, 14, d->title.ru);
	bind_opt(s, 15, d->head.kk);
	bind_opt(s, 16, d->head.ru);
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
		bind_opt(s, 5, p->title.kk);
		bind_opt(s, 6, p->title.ru);
		bind_opt(s, 7, p->text.kk);
		bind_opt(s, 8, p->text.ru);
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
	    db_document_store_tables(st, d, *id, err) != 0)
		return -1;
	return 0;
}
