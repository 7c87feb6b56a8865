/* What index.c and index_refresh.c share (gen.h has the index's API). */
#ifndef OB_GEN_INDEX_IMPL_H
#define OB_GEN_INDEX_IMPL_H

#include "gen.h"

/* A growing array of documents: the index's, or the rows changed since a
 * snapshot (index_refresh). */
struct load {
	struct idoc *v;
	size_t n, cap;
};

/* Appends the row d to the struct load arg (a db_site callback); a draft
 * (index_refresh's rows only) as its id alone, kind -1. */
int index_on_doc(const struct site_doc *d, void *arg);
void index_idoc_free(struct idoc *d);
/* Posting date, then id, newest first: a total order. */
int index_newest_first(const void *a, const void *b);
/* The years and the lists, from x->docs and x->order, for reference data r. */
int index_group_all(struct index *x, const struct ref *r);
/* The first position in docs[0..n) (by id) whose id is not below id. */
size_t index_pos(const struct idoc *docs, size_t n, long long id);

#endif
