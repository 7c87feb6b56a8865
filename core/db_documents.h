/* Documents: storing an imported version, listing, reading back. */
#ifndef OB_DB_DOCUMENTS_H
#define OB_DB_DOCUMENTS_H

#include <stddef.h>

#include "doc.h"
#include "store.h"

/* The checks of db_document_store that need the database (codes known,
 * number unique or the next version), storing nothing: the
 * administrator's check before signing (issue 6.4).  *admin_id is the
 * document's administrator. */
int db_document_check(struct store *st, const struct doc *d, long long *admin_id, struct ob_err *err);
/* Checks what needs the database (administrator, program, subprogram and
 * classification codes known; number unique or the next version) and
 * stores d with its raw XML, in the caller's transaction.  *id receives the
 * document's id.  A new version keeps the ids of the parts whose key it
 * keeps (proposals and votes attach to them). */
int db_document_store(struct store *st, const struct doc *d, const char *xml, size_t len,
                      long long *id, struct ob_err *err);

struct doc_summary {
	long long id;
	char number[65], kind[24], status[20], posted[11];
	int year, version;
	char admin[4];
	char title_ru[512];
};

/* Calls fn for every document, newest posting first; stops when fn != 0. */
int db_document_list(struct store *st, int (*fn)(const struct doc_summary *, void *), void *arg,
                     struct ob_err *err);

/* Finds a document by id or by number; 1 found, 0 not, -1 error. */
int db_document_get(struct store *st, const char *id_or_number, struct doc_summary *out,
                    struct ob_err *err);

/* The latest stored XML of a document (malloc'd). */
int db_document_xml(struct store *st, long long id, char **xml, size_t *len, struct ob_err *err);

/* Calls fn(part id, key, depth, title_ru, arg) for the document's current parts in order. */
int db_document_parts(struct store *st, long long id,
                      int (*fn)(long long, const char *, int, const char *, void *), void *arg,
                      struct ob_err *err);

long long db_document_count(struct store *st, struct ob_err *err);

#endif
