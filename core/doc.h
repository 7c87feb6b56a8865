/* The document model: one struct for every kind the rules name (P-3..P-10,
 * G), filled from the project's XML format after XSD validation, then put
 * through the business checks of core/doc_check.c and stored by
 * db_document_store().  Amounts are thousandths of the XML value (so money,
 * given in thousand tenge, is held in tenge) as exact integers. */
#ifndef OB_DOC_H
#define OB_DOC_H

#include <stddef.h>
#include <libxml/tree.h>

#include "err.h"

#define DOC_NS "urn:obkz:doc:1"
#define DOC_COLS 7
#define GRANT_COLS 26

enum doc_kind {
	DK_BUDGET_REPORT,
	DK_FIN_STATEMENTS,
	DK_CITIZEN_BUDGET,
	DK_AUDIT_RESULT,
	DK_PASSPORT,
	DK_IMPL_REPORT,
	DK_GRANT_REPORT,
	DK_COUNT_
};

/* A text in both languages; line is where it starts in the XML. */
struct bi {
	char *kk, *ru;
	int line;
};

struct doc_part {
	char key[33];
	int parent;              /* index into doc.parts, -1 at the top */
	int line;
	struct bi title, text;
};

enum doc_table { TBL_NONE, TBL_INDICATORS, TBL_EXECUTION, TBL_LINES };

struct doc_row {
	int line;
	int total;
	char kind[8];            /* indicators: final, direct, expense */
	char admin[4], program[4], subprogram[4];
	int fgroup, fsubgroup;
	struct bi name, extra;   /* extra: unit (indicators), reason (execution) */
	long long v[DOC_COLS];
	unsigned have;           /* bit i set when v[i] was given */
};

struct doc_attachment {
	char *name, *type;
	char role[24];
	unsigned char *data;
	size_t size;
	char sha256[65];
	int line;
};

struct doc {
	enum doc_kind kind;
	char number[65];
	int version, year, synthetic, investment, line;
	char admin[4], region[10], program[4];
	char posted[11], status[20], discussion_end[11], received[11], period[8], stage[10];
	struct bi title, head;
	struct doc_part *parts;
	size_t nparts;
	enum doc_table table;
	struct doc_row *rows;
	size_t nrows;
	char **cells;            /* grant report: GRANT_COLS per row */
	size_t ncellrows;
	struct doc_attachment *att;
	size_t natt;
};

const char *doc_kind_name(enum doc_kind k);
int doc_kind_parse(const char *name, enum doc_kind *out);
/* Column names of a table kind, in storage order; NULL past the last. */
const char *doc_table_col(enum doc_table t, int i);

/* Validates x against schema/NAME.xsd (compiled once, cached). */
int xsd_validate(xmlDocPtr x, const char *name, struct ob_err *err);
/* Validates x against the XSD of its root element (schema/KIND.xsd). */
int doc_validate_schema(xmlDocPtr x, struct ob_err *err);
/* The same, calling fn for every violation (not only the first, which
 * also goes to err): the administrator's check before signing (issue 6.4). */
int doc_validate_schema_all(xmlDocPtr x, struct ob_err *err,
                            void (*fn)(const struct ob_err *, void *), void *arg);
/* Fills d from a schema-valid document; d is zeroed first. */
int doc_from_xml(struct doc *d, xmlDocPtr x, struct ob_err *err);
/* The business checks that need no database (core/doc_check.c). */
int doc_check(const struct doc *d, struct ob_err *err);
/* Parse + schema + checks on raw bytes: what obctl import and
 * POST /api/documents share.  On success *out owns the parsed doc. */
int doc_load(const char *buf, size_t len, struct doc *d, xmlDocPtr *out, struct ob_err *err);
void doc_free(struct doc *d);
/* Compiles the schema of every kind and of the extra names (NULL-ended)
 * now, for a server about to lose access to the files. */
int doc_schemas_load(const char *const *extra, struct ob_err *err);
/* Releases the cached compiled schemas (at exit, for leak checkers). */
void doc_schemas_free(void);

#endif
