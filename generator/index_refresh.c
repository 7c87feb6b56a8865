/* The index between builds (issue 3.8): obgen --watch keeps it and brings
 * it up to date from the documents changed since the snapshot it was read
 * from (documents.seq), to exactly what index_load would give
 * (tests/unit/test_gen_index.c). */
#include <stdlib.h>
#include <string.h>

#include "index_impl.h"

/* x->docs and x->order updated with the rows ch (by id, changed since the
 * snapshot x was read from; drafts of kind -1): the rows move into x, ch is
 * emptied.  Nothing changes when it fails. */
static int index_apply(struct index *x, struct load *ch)
{
	struct idoc *docs = x->docs, **order = NULL, **moved = NULL, **remap = NULL;
	size_t n, added = 0, dropped = 0, nmoved = 0, k = 0, kept = 0, i = 0, j = 0;
	int rc = -1;

	for (size_t c = 0; c < ch->n; c++) {
		size_t p = index_pos(x->docs, x->ndocs, ch->v[c].id);
		int known = p < x->ndocs && x->docs[p].id == ch->v[c].id;

		added += !known && ch->v[c].kind >= 0;
		dropped += known && ch->v[c].kind < 0;
	}
	n = x->ndocs + added - dropped;
	/* The same ids: in place; otherwise a new array, merged by id. */
	if ((added > 0 || dropped > 0) && (docs = malloc((n + 1) * sizeof *docs)) == NULL)
		goto out;
	if ((order = malloc((n + 1) * sizeof *order)) == NULL ||
	    (moved = malloc((ch->n + 1) * sizeof *moved)) == NULL ||
	    (remap = malloc((x->ndocs + 1) * sizeof *remap)) == NULL)
		goto out;
	/* Nothing can fail from here on.  remap: an old position's new address,
	 * NULL for a changed row (it is placed in the order afresh). */
	while (i < x->ndocs || j < ch->n) {
		if (j == ch->n || (i < x->ndocs && x->docs[i].id < ch->v[j].id)) {
			if (docs != x->docs)
				docs[k] = x->docs[i];
			remap[i++] = &docs[k++];
			continue;
		}
		if (i < x->ndocs && x->docs[i].id == ch->v[j].id) {
			index_idoc_free(&x->docs[i]);
			remap[i++] = NULL;
		}
		if (ch->v[j].kind >= 0) {
			docs[k] = ch->v[j];
			moved[nmoved++] = &docs[k++];
		}
		j++;
	}
	ch->n = 0;
	/* The order: the unchanged rows keep theirs; each changed one goes
	 * where a binary search puts it (moved sorted: the places only grow),
	 * so a few changes compare a few dozen posting dates, not thousands. */
	qsort(moved, nmoved, sizeof *moved, index_newest_first);
	for (size_t o = 0; o < x->ndocs; o++)
		if (remap[x->order[o] - x->docs] != NULL)
			x->order[kept++] = remap[x->order[o] - x->docs];
	for (size_t a = 0, b = 0, o = 0; b <= nmoved; b++) {
		size_t lo = b < nmoved ? a : kept, hi = kept;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (index_newest_first(&x->order[mid], &moved[b]) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		memcpy(&order[o], &x->order[a], (lo - a) * sizeof *order);
		o += lo - a;
		a = lo;
		if (b < nmoved)
			order[o++] = moved[b];
	}
	if (docs != x->docs)
		free(x->docs);
	free(x->order);
	x->docs = docs;
	x->ndocs = n;
	x->order = order;
	order = NULL;
	rc = 0;
out:
	if (rc != 0 && docs != x->docs)
		free(docs);
	free(order), free(moved), free(remap);
	return rc;
}

int index_refresh(struct index *x, const struct ref *r, struct db_site *db, long long since,
                  struct ob_err *err)
{
	struct load ch = { 0 };
	struct site_census c;
	long long n, max;
	int rc = -1;

	if (x->groups == NULL)  /* never loaded, or a load that failed */
		goto full;
	if (db_site_docs_since(db, since, index_on_doc, &ch, err) != 0 || db_site_census(db, &c, err) != 0)
		goto out;
	/* Nothing in core/ deletes a document, but SQL by hand could, and a
	 * deleted row is not among the changed ones.  A changed row above the
	 * largest id known is new, any other was there before (public or a
	 * draft): a count or a largest id other than that implies means a
	 * deletion (or a row inserted by hand into a gap of the ids): a full
	 * load.  Not caught: a deletion and such an insertion together (a sum
	 * of the ids would catch it, for 0.5 ms a build on the bench). */
	n = x->census_n, max = x->census_max;
	for (size_t i = 0; i < ch.n; i++)
		if (ch.v[i].id > x->census_max) {
			n++;
			max = ch.v[i].id > max ? ch.v[i].id : max;
		}
	if (n != c.n || max != c.max_id)
		goto full;
	if (ch.n == 0 && x->ref == r && x->ref_hash == r->hash) {
		rc = 0;
		goto out;
	}
	if (index_apply(x, &ch) != 0 || index_group_all(x, r) != 0)
		goto out;
	x->census_n = c.n, x->census_max = c.max_id;
	rc = 0;
	goto out;
full:
	index_free(x);
	rc = index_load(x, r, db, err);
out:
	for (size_t i = 0; i < ch.n; i++)
		index_idoc_free(&ch.v[i]);
	free(ch.v);
	if (rc != 0) {
		if (err->code[0] == '\0')
			ob_err_set(err, "io", 0, "out of memory, too many years or an unknown kind");
		index_free(x);  /* the next refresh loads it whole */
	}
	return rc;
}
