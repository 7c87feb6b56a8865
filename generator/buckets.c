/* The buckets of a build's plan (issue 3.8, docs/generator.md "Buckets"):
 * which directories each unit's files lie in, which of them hold a changed
 * unit, in the order publish_build makes them. */
#include <stdlib.h>
#include <string.h>

#include "build.h"

static int bucket_add(struct bucket *b, size_t u)
{
	if (b->nunits == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		size_t *p = realloc(b->units, cap * sizeof *p);

		if (p == NULL)
			return -1;
		b->units = p;
		b->cap = cap;
	}
	b->units[b->nunits++] = u;
	return 0;
}

/* Directories in name order, data first (jobs_run orders the rendering). */
int bucket_order(const void *a, const void *b)
{
	const struct bucket *x = a, *y = b;
	int px = strncmp(x->path, "data", 4) != 0, py = strncmp(y->path, "data", 4) != 0;

	return px != py ? px - py : strcmp(x->path, y->path);
}

static int bucket_of(struct buckets *bs, const char *path, size_t unit, int dirty)
{
	struct map_entry *be = map_get(&bs->map, path, 1);

	if (be == NULL)
		return -1;
	if (be->s == NULL) {
		struct bucket *p = realloc(bs->b, (bs->n + 1) * sizeof *p);

		if (p == NULL || map_set_str(be, "") != 0)
			return -1;
		bs->b = p;
		memset(&p[bs->n], 0, sizeof p[bs->n]);
		snprintf(p[bs->n].path, sizeof p[bs->n].path, "%.127s", path);
		p[bs->n].leaf = bucket_leaf(path);
		be->u = bs->n++;
	}
	bs->b[be->u].dirty |= dirty;
	return bucket_add(&bs->b[be->u], unit);
}

int map_units(struct units *us, const struct state *old, int reuse, int changed_only,
                     struct map *keys, struct buckets *bs)
{
	/* The previous plan, kept by the watcher, has the same units in the
	 * same order unless one came or went: a unit is then compared with
	 * its namesake there, not looked up by key (28,000 hashed lookups, 3
	 * ms on the bench site). */
	const struct units *prev = changed_only && old->plan.n == us->n ? &old->plan : NULL;
	char bk[UNIT_BUCKETS][BUCKET_MAX];
	size_t found = 0;

	if (changed_only && us->n != old->units.n)
		return 1;
	for (size_t i = 0; i < us->n; i++) {
		struct unit *u = &us->u[i];
		struct map_entry *o = NULL, *k;

		if (prev != NULL && strcmp(prev->u[i].key, u->key) == 0) {
			found++;
			u->dirty = prev->u[i].sig != u->sig;
			if (!u->dirty)
				continue;
		} else {
			o = reuse ? map_get((struct map *)&old->units, u->key, 0) : NULL;
			if (changed_only && o == NULL)
				return 1;  /* a unit came (and one went): map them all */
			found += o != NULL;
			u->dirty = o == NULL || o->u != u->sig;
		}
		if (changed_only && !u->dirty)
			continue;
		if ((k = map_get(keys, u->key, 1)) == NULL)
			return -1;
		k->u = i;
		for (int n = unit_buckets(u->key, bk), j = 0; j < n; j++)
			if (bucket_of(bs, bk[j], i, u->dirty) != 0)
				return -1;
	}
	/* A unit gone since the previous build leaves files to drop. */
	for (size_t i = 0; reuse && found < old->units.n && i < old->units.cap; i++) {
		const char *key = old->units.e[i].key;

		if (key == NULL || map_get(keys, key, 0) != NULL)
			continue;
		for (int n = unit_buckets(key, bk), j = 0; j < n; j++) {
			struct map_entry *be = map_get(&bs->map, bk[j], 0);

			if (be != NULL)
				bs->b[be->u].dirty = 1;
		}
	}
	return 0;
}

void buckets_free(struct buckets *bs)
{
	for (size_t i = 0; i < bs->n; i++)
		free(bs->b[i].units);
	free(bs->b);
	map_free(&bs->map);
	memset(bs, 0, sizeof *bs);
}
