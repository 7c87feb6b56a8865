/* Reference data: levels, regions, classification, administrators,
 * programs.  Loaded from schema/reference.xsd documents; looked up by the
 * importer (codes known, issue 3.5). */
#ifndef OB_DB_REFERENCE_H
#define OB_DB_REFERENCE_H

#include <libxml/tree.h>

#include "store.h"

/* Upserts every row of a schema-valid <reference> document, in the caller's
 * transaction.  *count receives the number of rows. */
int db_reference_load(struct store *st, xmlDocPtr x, int *count, struct ob_err *err);

/* Lookups: 1 found (id in *id), 0 not found, -1 storage error. */
int db_admin_find(struct store *st, const char *code, const char *region, long long *id, struct ob_err *err);
int db_program_find(struct store *st, long long admin_id, const char *code, long long *id, struct ob_err *err);
int db_subprogram_find(struct store *st, long long program_id, const char *code, struct ob_err *err);
int db_fsubgroup_find(struct store *st, int fgroup, int fsubgroup, struct ob_err *err);
int db_region_find(struct store *st, const char *kato, struct ob_err *err);

#endif
