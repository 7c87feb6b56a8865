/* Every read the static site needs (obgen, issue 3.6-3.8).  Statements are
 * prepared once per connection and live in core/db_site.c; rows are handed
 * to a callback as typed structs whose strings are valid only during the
 * call.  Texts come in both languages: name[0] is Kazakh, name[1] Russian.
 * Drafts are never public: no query here returns a draft's contents
 * (db_site_docs_since says only that a document is now a draft). */
#ifndef OB_DB_SITE_H
#define OB_DB_SITE_H

#include "store.h"

struct db_site;

struct site_level {
	const char *code;
	int ord;
	const char *name[2];
};

struct site_region {
	const char *kato, *kind;
	int ord;
	const char *name[2];
};

struct site_admin {
	long long id;
	const char *code, *bin, *level, *region; /* region NULL: central body */
	const char *name[2];
};

struct site_fgroup {
	int code;
	const char *name[2];
};

struct site_program {
	long long id, admin_id;
	const char *code;
	int fgroup, fsubgroup;
	const char *name[2];
};

/* One public document; program_id is 0 when the document has none. */
struct site_doc {
	long long id, admin_id, program_id, seq;
	const char *number, *kind, *posted, *status;
	const char *discussion_end, *stage, *received, *period; /* NULL when absent */
	int year, version;
	const char *title[2], *head[2];
};

struct site_part {
	long long id, parent_id; /* parent_id 0: top level */
	int ord;
	const char *key, *title[2], *text[2];
};

/* Values: actual, plan, plan1, plan2, plan3; has[i] is 0 for NULL. */
struct site_indicator {
	long long doc_id;
	int year, ord, total;
	const char *kind, *subprogram;
	const char *name[2], *unit[2];
	long long v[5];
	int has[5];
};

struct site_exec {
	long long doc_id;
	int year, ord, total;
	const char *subprogram;
	const char *name[2], *reason[2];
	long long approved, specified, corrected, executed, not_executed, savings, under_execution;
};

/* fgroup/fsubgroup 0 when NULL; executed meaningful only when has_executed. */
struct site_line {
	long long doc_id;
	int year, ord, total, fgroup, fsubgroup, has_executed;
	const char *number, *kind, *period, *doc_admin;
	const char *admin_code, *program, *subprogram;
	const char *name[2];
	long long plan, executed;
};

struct site_cell {
	int row, col;
	const char *value;
};

struct site_attachment {
	int ord;
	long long size;
	const char *sha256, *name, *type, *role;
};

/* A sum over a group of rows: fgroup totals, a program's plan and execution. */
struct site_total {
	long long id;  /* fgroup code or program id */
	int year;
	long long plan, executed, approved, savings, under_execution;
};

struct db_site *db_site_open(struct store *st, struct ob_err *err);
void db_site_close(struct db_site *s);

/* One read transaction around a build: every query sees the same snapshot. */
int db_site_begin(struct db_site *s, struct ob_err *err);
void db_site_end(struct db_site *s);

/* The change sequence (meta.seq): cheap enough to poll. -1 on error. */
long long db_site_seq(struct db_site *s);
/* meta.ref_seq: the seq of the last transaction that wrote reference data
 * (levels, regions, fgroups, fsubgroups, administrators, programs,
 * subprograms; schema/010_ref_seq.sql).  -1 on error or when the database
 * predates the migration (the caller must then assume a change). */
long long db_site_ref_seq(struct db_site *s);
/* meta.compliance_seq: the seq of the last transaction that changed what
 * the compliance record reads (core/db_compliance.h: the documents' dates,
 * statuses and keys, the calendar; schema/012_compliance_seq.sql).  -1 as
 * db_site_ref_seq. */
long long db_site_compliance_seq(struct db_site *s);

/* Each calls fn per row and stops when fn returns non-zero (that value is
 * returned); -1 on a database error. */
int db_site_levels(struct db_site *s, int (*fn)(const struct site_level *, void *), void *arg,
                   struct ob_err *err);
int db_site_regions(struct db_site *s, int (*fn)(const struct site_region *, void *), void *arg,
                    struct ob_err *err);
int db_site_admins(struct db_site *s, int (*fn)(const struct site_admin *, void *), void *arg,
                   struct ob_err *err);
int db_site_fgroups(struct db_site *s, int (*fn)(const struct site_fgroup *, void *), void *arg,
                    struct ob_err *err);
int db_site_programs(struct db_site *s, int (*fn)(const struct site_program *, void *), void *arg,
                     struct ob_err *err);

/* Public documents by id; head is NULL here (see db_site_doc). */
int db_site_docs(struct db_site *s, int (*fn)(const struct site_doc *, void *), void *arg,
                 struct ob_err *err);
/* The documents changed after seq since (documents.seq > since), by id,
 * drafts included so that a caller holding an earlier snapshot can drop the
 * ones that went back to draft: a draft comes with id, seq and status
 * ("draft") only, every other field 0 or NULL.  head is NULL. */
int db_site_docs_since(struct db_site *s, long long since,
                       int (*fn)(const struct site_doc *, void *), void *arg, struct ob_err *err);

/* Every document, drafts included: how many, and the largest id.  A
 * caller that knows every id it has been shown (db_site_docs_since) notices
 * from these that a document was deleted.  Two cheap reads. */
struct site_census {
	long long n, max_id;
};
int db_site_census(struct db_site *s, struct site_census *c, struct ob_err *err);

/* One public document with every column; 1 found, 0 not, -1 error. */
int db_site_doc(struct db_site *s, long long id, int (*fn)(const struct site_doc *, void *),
                void *arg, struct ob_err *err);

/* A document's tables, in order; parts are the current ones (not removed). */
int db_site_parts(struct db_site *s, long long doc, int (*fn)(const struct site_part *, void *),
                  void *arg, struct ob_err *err);
int db_site_indicators(struct db_site *s, long long doc,
                       int (*fn)(const struct site_indicator *, void *), void *arg,
                       struct ob_err *err);
int db_site_execution(struct db_site *s, long long doc,
                      int (*fn)(const struct site_exec *, void *), void *arg, struct ob_err *err);
int db_site_lines(struct db_site *s, long long doc, int (*fn)(const struct site_line *, void *),
                  void *arg, struct ob_err *err);
int db_site_cells(struct db_site *s, long long doc, int (*fn)(const struct site_cell *, void *),
                  void *arg, struct ob_err *err);
int db_site_attachments(struct db_site *s, long long doc,
                        int (*fn)(const struct site_attachment *, void *), void *arg,
                        struct ob_err *err);

/* The latest stored XML of a document, or an attachment's bytes: *data is
 * valid until the next call of the same function.  1 found, 0 not, -1 error. */
int db_site_doc_xml(struct db_site *s, long long doc, const void **data, long long *len,
                    struct ob_err *err);
int db_site_blob(struct db_site *s, const char *sha256, const void **data, long long *len,
                 struct ob_err *err);

/* A program's history: the indicators of its passports and the total rows
 * of its implementation reports, by year then document. */
int db_site_program_indicators(struct db_site *s, long long program,
                               int (*fn)(const struct site_indicator *, void *), void *arg,
                               struct ob_err *err);
int db_site_program_execution(struct db_site *s, long long program,
                               int (*fn)(const struct site_exec *, void *), void *arg,
                               struct ob_err *err);

/* Charts of a year: plan and execution by functional group from the latest
 * budget report of each administrator; plan (corrected) and execution per
 * program from implementation reports, largest plan first, at most limit. */
int db_site_fgroup_totals(struct db_site *s, int year, int (*fn)(const struct site_total *, void *),
                          void *arg, struct ob_err *err);
int db_site_program_totals(struct db_site *s, int year, int limit,
                           int (*fn)(const struct site_total *, void *), void *arg,
                           struct ob_err *err);

/* Open data: every non-total budget line of the public documents of a year. */
int db_site_budget_lines(struct db_site *s, int year, int (*fn)(const struct site_line *, void *),
                         void *arg, struct ob_err *err);

#endif
