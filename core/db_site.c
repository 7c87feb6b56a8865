/* SQL of the static site: every read obgen makes (issue 3.6-3.8).  Own
 * statement slots (not core/db_stmt.h): prepared on first use, kept for the
 * connection's life, finalized by db_site_close. */
#include <stdlib.h>
#include <string.h>

#include "db_site.h"

enum {
	Q_BEGIN, Q_END, Q_SEQ, Q_LEVELS, Q_REGIONS, Q_ADMINS, Q_FGROUPS, Q_PROGRAMS,
	Q_DOCS, Q_DOC, Q_PARTS, Q_INDICATORS, Q_EXECUTION, Q_LINES, Q_CELLS, Q_ATTACH,
	Q_DOC_XML, Q_BLOB, Q_PROG_IND, Q_PROG_EXEC, Q_FGROUP_TOTALS, Q_PROG_TOTALS,
	Q_BUDGET_LINES, Q_DOCS_SINCE, Q_CENSUS, Q_REF_SEQ, Q_COMPLIANCE_SEQ, Q_COUNT_
};

/* Public means anything but a draft. */
#define PUBLIC "d.status <> 'draft'"
#define DOC_COLS "d.id, d.admin_id, ifnull(d.program_id, 0), d.seq, d.number, d.kind, d.posted, " \
	"d.status, d.discussion_end, d.stage, d.received, d.period, d.year, d.version, " \
	"d.title_kk, d.title_ru"
#define IND_COLS "i.doc_id, d.year, i.ord, i.total, i.kind, i.subprogram, i.name_kk, i.name_ru, " \
	"i.unit_kk, i.unit_ru, i.actual, i.plan, i.plan1, i.plan2, i.plan3"
#define EXEC_COLS "e.doc_id, d.year, e.ord, e.total, e.subprogram, e.name_kk, e.name_ru, " \
	"e.reason_kk, e.reason_ru, e.approved, e.specified, e.corrected, e.executed, " \
	"e.not_executed, e.savings, e.under_execution"
#define LINE_COLS "l.doc_id, d.year, l.ord, l.total, ifnull(l.fgroup, 0), ifnull(l.fsubgroup, 0), " \
	"l.executed IS NOT NULL, d.number, d.kind, d.period, a.code, l.admin_code, l.program, " \
	"l.subprogram, l.name_kk, l.name_ru, l.plan, ifnull(l.executed, 0)"

static const char *const sql[Q_COUNT_] = {
	[Q_BEGIN] = "BEGIN",
	[Q_END] = "COMMIT",
	[Q_SEQ] = "SELECT value FROM meta WHERE key = 'seq'",
	[Q_LEVELS] = "SELECT code, ord, name_kk, name_ru FROM levels ORDER BY ord, code",
	[Q_REGIONS] = "SELECT kato, kind, ord, name_kk, name_ru FROM regions ORDER BY ord, kato",
	[Q_ADMINS] = "SELECT id, code, bin, level, region, name_kk, name_ru FROM administrators "
	             "ORDER BY id",
	[Q_FGROUPS] = "SELECT code, name_kk, name_ru FROM fgroups ORDER BY code",
	[Q_PROGRAMS] = "SELECT id, admin_id, code, fgroup, fsubgroup, name_kk, name_ru FROM programs "
	               "ORDER BY id",
	[Q_DOCS] = "SELECT " DOC_COLS ", NULL, NULL FROM documents d WHERE " PUBLIC " ORDER BY d.id",
	[Q_DOC] = "SELECT " DOC_COLS ", d.head_kk, d.head_ru FROM documents d WHERE d.id = ?1 AND "
	          PUBLIC,
	/* Drafts too: the caller drops the ones it shows.  "+d.id": sorting
	 * the few rows found by documents_seq, not a walk of the whole table
	 * in id order, which is what SQLite picks for "ORDER BY d.id" (it
	 * cannot tell how many rows "seq > ?1" leaves; 7 ms on the bench). */
	[Q_DOCS_SINCE] = "SELECT " DOC_COLS ", NULL, NULL FROM documents d WHERE d.seq > ?1 "
	                 "ORDER BY +d.id",
	/* Two scalar subqueries, so that each takes SQLite's shortcut: the
	 * b-tree's count, the last rowid (NULL, no documents, reads as 0). */
	[Q_CENSUS] = "SELECT (SELECT count(*) FROM documents), (SELECT max(id) FROM documents)",
	[Q_REF_SEQ] = "SELECT value FROM meta WHERE key = 'ref_seq'",
	[Q_COMPLIANCE_SEQ] = "SELECT value FROM meta WHERE key = 'compliance_seq'",
	[Q_PARTS] = "SELECT id, ifnull(parent_id, 0), ord, key, title_kk, title_ru, text_kk, text_ru "
	            "FROM parts WHERE doc_id = ?1 AND removed_in IS NULL ORDER BY ord, id",
	[Q_INDICATORS] = "SELECT " IND_COLS " FROM indicators i JOIN documents d ON d.id = i.doc_id "
	                 "WHERE i.doc_id = ?1 ORDER BY i.ord",
	[Q_EXECUTION] = "SELECT " EXEC_COLS " FROM execution e JOIN documents d ON d.id = e.doc_id "
	                "WHERE e.doc_id = ?1 ORDER BY e.ord",
	[Q_LINES] = "SELECT " LINE_COLS " FROM budget_lines l JOIN documents d ON d.id = l.doc_id "
	            "JOIN administrators a ON a.id = d.admin_id WHERE l.doc_id = ?1 ORDER BY l.ord",
	[Q_CELLS] = "SELECT row, col, value FROM grant_cells WHERE doc_id = ?1 ORDER BY row, col",
	[Q_ATTACH] = "SELECT t.ord, b.size, t.sha256, t.name, t.type, t.role FROM attachments t "
	             "JOIN blobs b ON b.sha256 = t.sha256 WHERE t.doc_id = ?1 ORDER BY t.ord",
	[Q_DOC_XML] = "SELECT xml FROM document_versions WHERE doc_id = ?1 "
	              "ORDER BY version DESC LIMIT 1",
	[Q_BLOB] = "SELECT data FROM blobs WHERE sha256 = ?1",
	[Q_PROG_IND] = "SELECT " IND_COLS " FROM indicators i JOIN documents d ON d.id = i.doc_id "
	               "WHERE d.program_id = ?1 AND d.kind = 'passport' AND " PUBLIC
	               " ORDER BY d.year, d.posted, d.id, i.ord",
	[Q_PROG_EXEC] = "SELECT " EXEC_COLS " FROM execution e JOIN documents d ON d.id = e.doc_id "
	                "WHERE d.program_id = ?1 AND d.kind = 'implementation-report' AND e.total = 1 "
	                "AND " PUBLIC " ORDER BY d.year, d.posted, d.id, e.ord",
	/* Budget reporting is cumulative: only the latest report of each
	 * administrator for the year counts, or months would add up twice. */
	[Q_FGROUP_TOTALS] =
	        "SELECT l.fgroup, d.year, sum(l.plan), sum(ifnull(l.executed, 0)) "
	        "FROM budget_lines l JOIN documents d ON d.id = l.doc_id "
	        "WHERE d.year = ?1 AND d.kind = 'budget-report' AND " PUBLIC " AND l.total = 0 "
	        "AND l.fgroup IS NOT NULL AND d.id = (SELECT d2.id FROM documents d2 "
	        "WHERE d2.kind = 'budget-report' AND d2.status <> 'draft' AND d2.year = d.year "
	        "AND d2.admin_id = d.admin_id "
	        "ORDER BY ifnull(d2.period, '') DESC, d2.posted DESC, d2.id DESC LIMIT 1) "
	        "GROUP BY l.fgroup ORDER BY l.fgroup",
	/* The latest report of a program for the year, its total row. */
	[Q_PROG_TOTALS] =
	        "SELECT d.program_id, d.year, e.corrected, e.executed, e.approved, e.savings, "
	        "e.under_execution FROM execution e JOIN documents d ON d.id = e.doc_id "
	        "WHERE d.year = ?1 AND d.kind = 'implementation-report' AND " PUBLIC
	        " AND e.total = 1 AND d.program_id IS NOT NULL AND d.id = (SELECT d2.id "
	        "FROM documents d2 WHERE d2.kind = 'implementation-report' AND "
	        "d2.status <> 'draft' AND d2.year = d.year AND d2.program_id = d.program_id "
	        "ORDER BY d2.posted DESC, d2.id DESC LIMIT 1) "
	        "ORDER BY e.corrected DESC, d.program_id LIMIT ?2",
	[Q_BUDGET_LINES] = "SELECT " LINE_COLS " FROM budget_lines l JOIN documents d "
	                   "ON d.id = l.doc_id JOIN administrators a ON a.id = d.admin_id "
	                   "WHERE d.year = ?1 AND " PUBLIC " AND l.total = 0 ORDER BY d.id, l.ord",
};

struct db_site {
	struct store *st;
	sqlite3_stmt *q[Q_COUNT_];
};

static const char *txt(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

static long long i64(sqlite3_stmt *q, int i)
{
	return sqlite3_column_int64(q, i);
}

static int fail(struct db_site *s, struct ob_err *err, int id)
{
	ob_err_set(err, "storage", 0, "site query %d: %s", id, sqlite3_errmsg(store_db(s->st)));
	return -1;
}

struct db_site *db_site_open(struct store *st, struct ob_err *err)
{
	struct db_site *s = calloc(1, sizeof *s);

	if (s == NULL)
		ob_err_set(err, "io", 0, "out of memory");
	else
		s->st = st;
	return s;
}

void db_site_close(struct db_site *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < Q_COUNT_; i++)
		sqlite3_finalize(s->q[i]);
	free(s);
}

static sqlite3_stmt *stmt(struct db_site *s, int id, struct ob_err *err)
{
	if (s->q[id] == NULL) {
		if (sqlite3_prepare_v3(store_db(s->st), sql[id], -1, SQLITE_PREPARE_PERSISTENT,
		                       &s->q[id], NULL) != SQLITE_OK) {
			fail(s, err, id);
			return NULL;
		}
	} else {
		sqlite3_reset(s->q[id]);
		sqlite3_clear_bindings(s->q[id]);
	}
	return s->q[id];
}

/* Binds up to two integer parameters of statement id. */
static sqlite3_stmt *bound(struct db_site *s, int id, int nparam, long long p1, long long p2,
                           struct ob_err *err)
{
	sqlite3_stmt *q = stmt(s, id, err);

	if (q != NULL && nparam >= 1)
		sqlite3_bind_int64(q, 1, p1);
	if (q != NULL && nparam >= 2)
		sqlite3_bind_int64(q, 2, p2);
	return q;
}

/* Steps statement id, filling a row of type with filler and handing it to
 * fn (the caller's parameters fn, arg, err). */
#define EACH(s, id, nparam, p1, p2, type, filler)                                 \
	do {                                                                      \
		sqlite3_stmt *q_ = bound(s, id, nparam, p1, p2, err);             \
		type row_;                                                        \
		int r_, rc_;                                                      \
		if (q_ == NULL)                                                   \
			return -1;                                                \
		while ((r_ = sqlite3_step(q_)) == SQLITE_ROW) {                   \
			filler(q_, &row_);                                        \
			if ((rc_ = fn(&row_, arg)) != 0) {                        \
				sqlite3_reset(q_);                                \
				return rc_;                                       \
			}                                                         \
		}                                                                 \
		rc_ = r_ == SQLITE_DONE ? 0 : fail(s, err, id);                   \
		sqlite3_reset(q_);                                                \
		return rc_;                                                       \
	} while (0)

int db_site_begin(struct db_site *s, struct ob_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_BEGIN, err);

	if (q == NULL || sqlite3_step(q) != SQLITE_DONE)
		return q == NULL ? -1 : fail(s, err, Q_BEGIN);
	return 0;
}

void db_site_end(struct db_site *s)
{
	sqlite3_stmt *q;

	for (int i = 0; i < Q_COUNT_; i++)
		if (s->q[i] != NULL)
			sqlite3_reset(s->q[i]);
	if (!sqlite3_get_autocommit(store_db(s->st)) && (q = stmt(s, Q_END, NULL)) != NULL)
		sqlite3_step(q);
}

/* One value of meta (query id), or -1. */
static long long meta_value(struct db_site *s, int id)
{
	sqlite3_stmt *q = stmt(s, id, NULL);
	long long v = -1;

	if (q != NULL && sqlite3_step(q) == SQLITE_ROW)
		v = i64(q, 0);
	if (q != NULL)
		sqlite3_reset(q);
	return v;
}

long long db_site_seq(struct db_site *s)
{
	return meta_value(s, Q_SEQ);
}

static void fill_level(sqlite3_stmt *q, struct site_level *r)
{
	*r = (struct site_level){ txt(q, 0), (int)i64(q, 1), { txt(q, 2), txt(q, 3) } };
}
static void fill_region(sqlite3_stmt *q, struct site_region *r)
{
	*(struct site_region *)r =
	        (struct site_region){ txt(q, 0), txt(q, 1), (int)i64(q, 2), { txt(q, 3), txt(q, 4) } };
}
static void fill_admin(sqlite3_stmt *q, struct site_admin *r)
{
	*r = (struct site_admin){ i64(q, 0), txt(q, 1), txt(q, 2), txt(q, 3),
	                                               txt(q, 4), { txt(q, 5), txt(q, 6) } };
}
static void fill_fgroup(sqlite3_stmt *q, struct site_fgroup *r)
{
	*r = (struct site_fgroup){ (int)i64(q, 0), { txt(q, 1), txt(q, 2) } };
}
static void fill_program(sqlite3_stmt *q, struct site_program *r)
{
	*r = (struct site_program){
		i64(q, 0), i64(q, 1), txt(q, 2), (int)i64(q, 3), (int)i64(q, 4), { txt(q, 5), txt(q, 6) }
	};
}
static void fill_doc(sqlite3_stmt *q, struct site_doc *r)
{
	*r = (struct site_doc){
		.id = i64(q, 0), .admin_id = i64(q, 1), .program_id = i64(q, 2), .seq = i64(q, 3),
		.number = txt(q, 4), .kind = txt(q, 5), .posted = txt(q, 6), .status = txt(q, 7),
		.discussion_end = txt(q, 8), .stage = txt(q, 9), .received = txt(q, 10),
		.period = txt(q, 11), .year = (int)i64(q, 12), .version = (int)i64(q, 13),
		.title = { txt(q, 14), txt(q, 15) }, .head = { txt(q, 16), txt(q, 17) },
	};
}
static void fill_part(sqlite3_stmt *q, struct site_part *r)
{
	*r = (struct site_part){ i64(q, 0), i64(q, 1), (int)i64(q, 2), txt(q, 3),
	                                             { txt(q, 4), txt(q, 5) }, { txt(q, 6), txt(q, 7) } };
}
static void fill_indicator(sqlite3_stmt *q, struct site_indicator *r)
{
	struct site_indicator *x = r;

	*x = (struct site_indicator){ .doc_id = i64(q, 0), .year = (int)i64(q, 1),
	                              .ord = (int)i64(q, 2), .total = (int)i64(q, 3),
	                              .kind = txt(q, 4), .subprogram = txt(q, 5),
	                              .name = { txt(q, 6), txt(q, 7) },
	                              .unit = { txt(q, 8), txt(q, 9) } };
	for (int i = 0; i < 5; i++) {
		x->has[i] = sqlite3_column_type(q, 10 + i) != SQLITE_NULL;
		x->v[i] = i64(q, 10 + i);
	}
}
static void fill_exec(sqlite3_stmt *q, struct site_exec *r)
{
	*r = (struct site_exec){
		.doc_id = i64(q, 0), .year = (int)i64(q, 1), .ord = (int)i64(q, 2),
		.total = (int)i64(q, 3), .subprogram = txt(q, 4), .name = { txt(q, 5), txt(q, 6) },
		.reason = { txt(q, 7), txt(q, 8) }, .approved = i64(q, 9), .specified = i64(q, 10),
		.corrected = i64(q, 11), .executed = i64(q, 12), .not_executed = i64(q, 13),
		.savings = i64(q, 14), .under_execution = i64(q, 15),
	};
}
static void fill_line(sqlite3_stmt *q, struct site_line *r)
{
	*r = (struct site_line){
		.doc_id = i64(q, 0), .year = (int)i64(q, 1), .ord = (int)i64(q, 2),
		.total = (int)i64(q, 3), .fgroup = (int)i64(q, 4), .fsubgroup = (int)i64(q, 5),
		.has_executed = (int)i64(q, 6), .number = txt(q, 7), .kind = txt(q, 8),
		.period = txt(q, 9), .doc_admin = txt(q, 10), .admin_code = txt(q, 11),
		.program = txt(q, 12), .subprogram = txt(q, 13), .name = { txt(q, 14), txt(q, 15) },
		.plan = i64(q, 16), .executed = i64(q, 17),
	};
}
static void fill_cell(sqlite3_stmt *q, struct site_cell *r)
{
	*r = (struct site_cell){ (int)i64(q, 0), (int)i64(q, 1), txt(q, 2) };
}
static void fill_attach(sqlite3_stmt *q, struct site_attachment *r)
{
	*r = (struct site_attachment){
		(int)i64(q, 0), i64(q, 1), txt(q, 2), txt(q, 3), txt(q, 4), txt(q, 5)
	};
}
static void fill_fgroup_total(sqlite3_stmt *q, struct site_total *r)
{
	*r = (struct site_total){ .id = i64(q, 0), .year = (int)i64(q, 1),
	                                               .plan = i64(q, 2), .executed = i64(q, 3) };
}
static void fill_program_total(sqlite3_stmt *q, struct site_total *r)
{
	*r = (struct site_total){
		.id = i64(q, 0), .year = (int)i64(q, 1), .plan = i64(q, 2), .executed = i64(q, 3),
		.approved = i64(q, 4), .savings = i64(q, 5), .under_execution = i64(q, 6),
	};
}

int db_site_levels(struct db_site *s, int (*fn)(const struct site_level *, void *), void *arg,
                   struct ob_err *err)
{
	EACH(s, Q_LEVELS, 0, 0, 0, struct site_level, fill_level);
}
int db_site_regions(struct db_site *s, int (*fn)(const struct site_region *, void *), void *arg,
                    struct ob_err *err)
{
	EACH(s, Q_REGIONS, 0, 0, 0, struct site_region, fill_region);
}
int db_site_admins(struct db_site *s, int (*fn)(const struct site_admin *, void *), void *arg,
                   struct ob_err *err)
{
	EACH(s, Q_ADMINS, 0, 0, 0, struct site_admin, fill_admin);
}
int db_site_fgroups(struct db_site *s, int (*fn)(const struct site_fgroup *, void *), void *arg,
                    struct ob_err *err)
{
	EACH(s, Q_FGROUPS, 0, 0, 0, struct site_fgroup, fill_fgroup);
}
int db_site_programs(struct db_site *s, int (*fn)(const struct site_program *, void *), void *arg,
                     struct ob_err *err)
{
	EACH(s, Q_PROGRAMS, 0, 0, 0, struct site_program, fill_program);
}
int db_site_docs(struct db_site *s, int (*fn)(const struct site_doc *, void *), void *arg,
                 struct ob_err *err)
{
	EACH(s, Q_DOCS, 0, 0, 0, struct site_doc, fill_doc);
}

/* A draft hands on its id, seq and status only: its contents stay here. */
static void fill_doc_since(sqlite3_stmt *q, struct site_doc *r)
{
	fill_doc(q, r);
	if (strcmp(r->status, "draft") == 0)
		*r = (struct site_doc){ .id = r->id, .seq = r->seq, .status = r->status };
}

int db_site_docs_since(struct db_site *s, long long since,
                       int (*fn)(const struct site_doc *, void *), void *arg, struct ob_err *err)
{
	EACH(s, Q_DOCS_SINCE, 1, since, 0, struct site_doc, fill_doc_since);
}

int db_site_census(struct db_site *s, struct site_census *c, struct ob_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_CENSUS, err);
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = sqlite3_step(q)) == SQLITE_ROW)
		*c = (struct site_census){ i64(q, 0), i64(q, 1) };
	rc = rc == SQLITE_ROW ? 0 : fail(s, err, Q_CENSUS);
	sqlite3_reset(q);
	return rc;
}

long long db_site_ref_seq(struct db_site *s)
{
	return meta_value(s, Q_REF_SEQ);
}

long long db_site_compliance_seq(struct db_site *s)
{
	return meta_value(s, Q_COMPLIANCE_SEQ);
}

int db_site_doc(struct db_site *s, long long id, int (*fn)(const struct site_doc *, void *),
                void *arg, struct ob_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_DOC, err);
	struct site_doc row;
	int r, rc = 0;

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if ((r = sqlite3_step(q)) == SQLITE_ROW) {
		fill_doc(q, &row);
		rc = fn(&row, arg) != 0 ? -1 : 1;
	} else if (r != SQLITE_DONE) {
		rc = fail(s, err, Q_DOC);
	}
	sqlite3_reset(q);
	return rc;
}

int db_site_parts(struct db_site *s, long long doc, int (*fn)(const struct site_part *, void *),
                  void *arg, struct ob_err *err)
{
	EACH(s, Q_PARTS, 1, doc, 0, struct site_part, fill_part);
}
int db_site_indicators(struct db_site *s, long long doc,
                       int (*fn)(const struct site_indicator *, void *), void *arg,
                       struct ob_err *err)
{
	EACH(s, Q_INDICATORS, 1, doc, 0, struct site_indicator, fill_indicator);
}
int db_site_execution(struct db_site *s, long long doc, int (*fn)(const struct site_exec *, void *),
                      void *arg, struct ob_err *err)
{
	EACH(s, Q_EXECUTION, 1, doc, 0, struct site_exec, fill_exec);
}
int db_site_lines(struct db_site *s, long long doc, int (*fn)(const struct site_line *, void *),
                  void *arg, struct ob_err *err)
{
	EACH(s, Q_LINES, 1, doc, 0, struct site_line, fill_line);
}
int db_site_cells(struct db_site *s, long long doc, int (*fn)(const struct site_cell *, void *),
                  void *arg, struct ob_err *err)
{
	EACH(s, Q_CELLS, 1, doc, 0, struct site_cell, fill_cell);
}
int db_site_attachments(struct db_site *s, long long doc,
                        int (*fn)(const struct site_attachment *, void *), void *arg,
                        struct ob_err *err)
{
	EACH(s, Q_ATTACH, 1, doc, 0, struct site_attachment, fill_attach);
}
int db_site_program_indicators(struct db_site *s, long long program,
                               int (*fn)(const struct site_indicator *, void *), void *arg,
                               struct ob_err *err)
{
	EACH(s, Q_PROG_IND, 1, program, 0, struct site_indicator, fill_indicator);
}
int db_site_program_execution(struct db_site *s, long long program,
                              int (*fn)(const struct site_exec *, void *), void *arg,
                              struct ob_err *err)
{
	EACH(s, Q_PROG_EXEC, 1, program, 0, struct site_exec, fill_exec);
}
int db_site_fgroup_totals(struct db_site *s, int year, int (*fn)(const struct site_total *, void *),
                          void *arg, struct ob_err *err)
{
	EACH(s, Q_FGROUP_TOTALS, 1, year, 0, struct site_total, fill_fgroup_total);
}
int db_site_program_totals(struct db_site *s, int year, int limit,
                           int (*fn)(const struct site_total *, void *), void *arg,
                           struct ob_err *err)
{
	EACH(s, Q_PROG_TOTALS, 2, year, limit, struct site_total, fill_program_total);
}
int db_site_budget_lines(struct db_site *s, int year, int (*fn)(const struct site_line *, void *),
                         void *arg, struct ob_err *err)
{
	EACH(s, Q_BUDGET_LINES, 1, year, 0, struct site_line, fill_line);
}

/* One blob column of a one-row query keyed by an integer or a text. */
static int blob(struct db_site *s, int id, long long key, const char *tkey, const void **data,
                long long *len, struct ob_err *err)
{
	sqlite3_stmt *q = stmt(s, id, err);
	int r;

	if (q == NULL)
		return -1;
	if (tkey != NULL)
		sqlite3_bind_text(q, 1, tkey, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(q, 1, key);
	if ((r = sqlite3_step(q)) == SQLITE_ROW) {
		*data = sqlite3_column_blob(q, 0);
		*len = sqlite3_column_bytes(q, 0);
		return 1;
	}
	sqlite3_reset(q);
	return r == SQLITE_DONE ? 0 : fail(s, err, id);
}

int db_site_doc_xml(struct db_site *s, long long doc, const void **data, long long *len,
                    struct ob_err *err)
{
	return blob(s, Q_DOC_XML, doc, NULL, data, len, err);
}

int db_site_blob(struct db_site *s, const char *sha256, const void **data, long long *len,
                 struct ob_err *err)
{
	return blob(s, Q_BLOB, 0, sha256, data, len, err);
}
