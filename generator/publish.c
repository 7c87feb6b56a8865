/* Atomic, incremental publishing (issue 3.8).  A build writes generation N
 * into DIR/gen/N: real directories for the few inner buckets, and for each
 * leaf bucket a symlink into DIR/pool/.  An unchanged leaf bucket is the
 * previous generation's pool directory, symlinked; a changed one is a new
 * pool directory where unchanged files are hard links and changed units are
 * rendered.  DIR/current then moves to gen/N with one rename(2).  Nothing
 * served is ever modified in place, so a crash leaves the old site served.
 *
 * obgen --watch prepares generation N+1 while it waits: a copy of N's tree
 * of links (publish_prepare).  A build on a prepared generation only
 * replaces the buckets that changed; the links of the rest are made before
 * the change arrives, not after. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

struct bucket {
	char path[BUCKET_MAX];
	int leaf, dirty;
	size_t *units, nunits, cap;
};

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)ftw;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static void rm_rf(const char *path)
{
	nftw(path, rm_one, 32, FTW_DEPTH | FTW_PHYS);
}

int gen_mkdirs(const char *root, const char *rel)
{
	char p[4400];
	size_t n = (size_t)snprintf(p, sizeof p, "%s/%s", root, rel);

	for (size_t i = strlen(root) + 1; i <= n; i++)
		if (p[i] == '/' || p[i] == '\0') {
			char c = p[i];

			p[i] = '\0';
			if (mkdir(p, 0755) != 0 && errno != EEXIST)
				return -1;
			p[i] = c;
		}
	return 0;
}

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
static int bucket_order(const void *a, const void *b)
{
	const struct bucket *x = a, *y = b;
	int px = strncmp(x->path, "data", 4) != 0, py = strncmp(y->path, "data", 4) != 0;

	return px != py ? px - py : strcmp(x->path, y->path);
}

static void pool_name(char *buf, size_t n, const char *bucket, long long gen)
{
	size_t i = (size_t)snprintf(buf, n, "%s", bucket);

	for (size_t k = 0; k < i && k < n; k++)
		if (buf[k] == '/')
			buf[k] = '~';
	snprintf(buf + i, n > i ? n - i : 0, ".%lld", gen);
}

/* A relative symlink from DIR/gen/N/bucket to DIR/pool/name. */
static int pool_link(const char *newdir, const char *bucket, const char *name)
{
	char target[1024] = "", path[4400];
	size_t depth = 2;

	for (const char *c = bucket; *c; c++)
		depth += *c == '/';
	while (depth-- > 0)
		strcat(target, "../");
	strcat(target, "pool/");
	strncat(target, name, sizeof target - strlen(target) - 1);
	snprintf(path, sizeof path, "%s/%s", newdir, bucket);
	return symlink(target, path);
}

/* An unchanged leaf bucket points where it pointed in the previous
 * generation, and its relative target is the same at the same depth: a
 * hard link to that generation's symlink (linkat without following) says
 * so without a new inode.  A new symlink allocates one, and ext4's
 * allocator skips the inodes freed by the collector moments before
 * (recently_deleted): over 1,000 symlinks a build spent most of an
 * incremental build's time there. */
static int same_link(const struct gen *g, long long old_gen, const char *bucket)
{
	char from[4400], to[4400];

	if (old_gen <= 0)
		return -1;
	snprintf(from, sizeof from, "%s/gen/%lld/%s", g->opt.out, old_gen, bucket);
	snprintf(to, sizeof to, "%s/%s", g->newdir, bucket);
	return linkat(AT_FDCWD, from, AT_FDCWD, to, 0);
}

/* Which units are unchanged: those of the plan with no dirty flag, or,
 * with changed_only (build_changed), every unit but those listed. */
struct keys {
	const struct map *m;     /* unit key -> index in us */
	const struct units *us;  /* NULL: no unit is unchanged */
	int changed_only;
};

static int unchanged(const struct keys *ks, const char *key)
{
	struct map_entry *k = map_get((struct map *)ks->m, key, 0);

	if (ks->changed_only)
		return k == NULL;
	return k != NULL && ks->us != NULL && !ks->us->u[k->u].dirty;
}

/* With to: hard-links the files of bucket's directory dir whose unit is
 * unchanged into to (a new pool directory).  Without: removes from dir (a
 * prepared inner directory, which links every file of the previous
 * generation) the files of units that changed or are gone. */
static int sweep(const char *dir, const char *bucket, const struct keys *ks, const char *to)
{
	char key[256], from[4800], path[4800];
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc = 0;

	if (d == NULL)
		return 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_type != DT_REG)
			continue;
		bucket_unit_key(bucket, e->d_name, key, sizeof key);
		if (unchanged(ks, key) != (to != NULL))
			continue;
		snprintf(from, sizeof from, "%s/%s", dir, e->d_name);
		if (to != NULL) {
			snprintf(path, sizeof path, "%s/%s", to, e->d_name);
			rc = link(from, path);
		} else {
			rc = unlink(from);
		}
	}
	closedir(d);
	return rc;
}

/* The hard links of a build, made beside the rendering (jobs_run): each a
 * sweep of a previous directory into a new one. */
struct links {
	struct link_task {
		char from[4400], to[4400];
		const char *bucket;
	} *t;
	size_t n;
	const struct keys *ks;
};

static int links_add(struct links *ln, const char *from, const char *to, const char *bucket)
{
	struct link_task *p = realloc(ln->t, (ln->n + 1) * sizeof *p);

	if (p == NULL)
		return -1;
	ln->t = p;
	snprintf(p[ln->n].from, sizeof p[ln->n].from, "%s", from);
	snprintf(p[ln->n].to, sizeof p[ln->n].to, "%s", to);
	p[ln->n++].bucket = bucket;
	return 0;
}

static int links_make(void *arg)
{
	const struct links *ln = arg;

	for (size_t i = 0; i < ln->n; i++)
		if (sweep(ln->t[i].from, ln->t[i].bucket, ln->ks, ln->t[i].to) != 0)
			return -1;
	return 0;
}

/* Makes the bucket's directory (or its symlink to an unchanged pool
 * directory) and its hard links; its dirty units become jobs. */
static int materialize(struct gen *g, struct bucket *b, const struct units *us,
                       const struct keys *keys, const struct state *old, struct state *neu,
                       int prepared, struct links *ln, struct jobs *js, struct ob_err *err)
{
	char name[BUCKET_MAX + 32], dir[4400], olddir[4400] = "";
	struct map_entry *prev = b->leaf ? map_get((struct map *)&old->buckets, b->path, 0) : NULL;
	struct map_entry *e;

	if (b->leaf && !b->dirty && prev != NULL) {
		if ((e = map_get(&neu->buckets, b->path, 1)) == NULL || map_set_str(e, prev->s) != 0)
			goto oom;
		if (prepared)
			return 0;  /* the prepared generation links it already */
		return same_link(g, old->gen, b->path) == 0 || pool_link(g->newdir, b->path, prev->s) == 0
		               ? 0 : -2;
	}
	if (b->leaf) {
		pool_name(name, sizeof name, b->path, neu->gen);
		snprintf(dir, sizeof dir, "%s/pool/%s", g->opt.out, name);
		rm_rf(dir);  /* left by a crashed build of the same number */
		if (prepared) {
			/* The prepared link is the previous pool directory's. */
			snprintf(olddir, sizeof olddir, "%s/%s", g->newdir, b->path);
			if (unlink(olddir) != 0 && errno != ENOENT)
				return -2;
			olddir[0] = '\0';
		}
		if (mkdir(dir, 0755) != 0 || pool_link(g->newdir, b->path, name) != 0)
			return -2;
		if ((e = map_get(&neu->buckets, b->path, 1)) == NULL || map_set_str(e, name) != 0)
			goto oom;
		if (prev != NULL)
			snprintf(olddir, sizeof olddir, "%s/pool/%s", g->opt.out, prev->s);
	} else {
		snprintf(dir, sizeof dir, "%s/%s", g->newdir, b->path);
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return -2;
		if (prepared) {
			if (b->dirty && sweep(dir, b->path, keys, NULL) != 0)
				return -2;
		} else if (old->gen > 0) {
			snprintf(olddir, sizeof olddir, "%s/gen/%lld/%s", g->opt.out, old->gen, b->path);
		}
	}
	if (olddir[0] != '\0' && links_add(ln, olddir, dir, b->path) != 0)
		goto oom;
	for (size_t i = 0; i < b->nunits; i++) {
		const struct unit *u = &us->u[b->units[i]];

		if (u->dirty && jobs_add(js, us, b->units[i], b->path) != 0)
			goto oom;
	}
	return 0;
oom:
	ob_err_set(err, "io", 0, "out of memory");
	return -1;
}

/* On a prepared generation: what the previous one had and this one has
 * not, the links of leaf buckets and the files of inner directories whose
 * units are all gone (an inner directory still holding buckets stays). */
static int drop_gone(const struct gen *g, const struct state *old, const struct map *bmap)
{
	char path[4400];

	for (size_t i = 0; i < old->buckets.cap; i++) {
		const char *b = old->buckets.e[i].key;

		if (b == NULL || map_get((struct map *)bmap, b, 0) != NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", g->newdir, b);
		if (unlink(path) != 0 && errno != ENOENT)
			return -1;
	}
	for (size_t i = g->prep_ndirs; i-- > 0;) {  /* deepest first */
		const char *b = g->prep_dirs[i];
		static const struct map nomap;
		static const struct keys none = { .m = &nomap };

		if (map_get((struct map *)bmap, b, 0) != NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", g->newdir, b);
		if (sweep(path, b, &none, NULL) != 0)
			return -1;
		rmdir(path);  /* fails, rightly, while it holds a bucket */
	}
	return 0;
}

/* The buckets of the plan, each with its units (map: path -> index in
 * *bs).  With changed_only, only the buckets of units whose signature
 * moved, and only when the units are those of the previous build (then
 * 1 when they are not). */
struct buckets {
	struct bucket *b;
	size_t n;
	struct map map;
};

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

static int map_units(struct units *us, const struct state *old, int reuse, int changed_only,
                     struct map *keys, struct buckets *bs)
{
	char bk[UNIT_BUCKETS][BUCKET_MAX];
	size_t found = 0;

	if (changed_only && us->n != old->units.n)
		return 1;
	for (size_t i = 0; i < us->n; i++) {
		struct unit *u = &us->u[i];
		struct map_entry *o = reuse ? map_get((struct map *)&old->units, u->key, 0) : NULL;
		struct map_entry *k;

		if (changed_only && o == NULL)
			return 1;  /* a unit came (and one went): map them all */
		found += o != NULL;
		u->dirty = o == NULL || o->u != u->sig;
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

static void buckets_free(struct buckets *bs)
{
	for (size_t i = 0; i < bs->n; i++)
		free(bs->b[i].units);
	free(bs->b);
	map_free(&bs->map);
	memset(bs, 0, sizeof *bs);
}

/* What the next build compares against: every unit's signature.  The map
 * of keys has each unit's index; the previous state's map, after a build
 * of the changed units only, the old signatures of all. */
static void record_units(struct units *us, struct state *old, struct state *neu,
                         struct map *keys, int changed_only)
{
	map_free(&neu->units);
	if (changed_only) {
		for (size_t i = 0; i < keys->cap; i++)
			if (keys->e[i].key != NULL)
				map_get(&old->units, keys->e[i].key, 0)->u = us->u[keys->e[i].u].sig;
		neu->units = old->units;
		memset(&old->units, 0, sizeof old->units);
		return;
	}
	for (size_t i = 0; i < keys->cap; i++)
		if (keys->e[i].key != NULL)
			keys->e[i].u = us->u[keys->e[i].u].sig;
	neu->units = *keys;
	memset(keys, 0, sizeof *keys);
}

int publish_build(struct gen *g, struct units *us, struct state *old, struct state *neu,
                  int prepared, int *rendered, struct ob_err *err)
{
	struct map keys = { 0 };
	struct buckets bs = { 0 };
	struct keys ks = { .m = &keys, .us = us };
	struct links ln = { .ks = &ks };
	struct jobs js = { 0 };
	char made[BUCKET_MAX] = "";
	int reuse = old->gen > 0 && old->epoch == neu->epoch, rc = -1, r;
	double t0 = gen_now_ms();
	static const struct state none;

	/* On a prepared generation with the same units as the previous build
	 * (documents changed, none came or went), only the changed units are
	 * mapped to their buckets: the rest are linked already. */
	prepared = prepared && reuse;
	ks.changed_only = prepared;
	if (prepared && (r = map_units(us, old, reuse, 1, &keys, &bs)) != 0) {
		if (r < 0)
			goto oom;
		map_free(&keys);
		buckets_free(&bs);
		ks.changed_only = 0;
	}
	if (!ks.changed_only && map_units(us, old, reuse, 0, &keys, &bs) != 0)
		goto oom;
	if (gen_profile())
		fprintf(stderr, "obgen: profile: %s units mapped to buckets at %.1f ms\n",
		        ks.changed_only ? "changed" : "all", gen_now_ms() - t0);
	qsort(bs.b, bs.n, sizeof *bs.b, bucket_order);
	if (ks.changed_only) {
		/* Every leaf bucket keeps its pool directory but those rebuilt. */
		for (size_t i = 0; i < old->buckets.cap; i++) {
			const struct map_entry *o = &old->buckets.e[i];
			struct map_entry *e;

			if (o->key != NULL && ((e = map_get(&neu->buckets, o->key, 1)) == NULL ||
			                       map_set_str(e, o->s) != 0))
				goto oom;
		}
	} else if (prepared && drop_gone(g, old, &bs.map) != 0) {
		goto io;
	}
	for (size_t i = 0; i < bs.n; i++) {
		char parent[BUCKET_MAX];
		char *slash;

		/* A leaf bucket becomes a symlink: make its parent, not itself
		 * (once for a run of siblings). */
		snprintf(parent, sizeof parent, "%s", bs.b[i].path);
		if (bs.b[i].leaf)
			*((slash = strrchr(parent, '/')) != NULL ? slash : parent) = '\0';
		if ((i == 0 || strcmp(parent, made) != 0) && gen_mkdirs(g->newdir, parent) != 0)
			goto io;
		snprintf(made, sizeof made, "%s", parent);
		if ((r = materialize(g, &bs.b[i], us, &ks, reuse ? old : &none, neu, prepared, &ln,
		                     &js, err)) == -2)
			goto io;
		if (r != 0)
			goto out;
	}
	if (gen_profile())
		fprintf(stderr, "obgen: profile: %zu buckets (directories, links) in %.1f ms, "
		        "%zu of them to relink\n", bs.n, gen_now_ms() - t0, ln.n);
	rc = jobs_run(g, us, &js, ln.n > 0 ? links_make : NULL, &ln, rendered, err);
	record_units(us, old, neu, &keys, ks.changed_only);  /* after the links: it takes keys */
	goto out;
io:
	ob_err_set(err, "io", 0, "%s: %s", g->newdir, strerror(errno));
	goto out;
oom:
	ob_err_set(err, "io", 0, "out of memory");
out:
	jobs_free(&js);
	free(ln.t);
	buckets_free(&bs);
	map_free(&keys);
	return rc;
}

/* gen/FROM/rel copied into gen/TO/rel: directories made (and recorded),
 * files and symlinks hard-linked (a symlink keeps its relative target,
 * right at the same depth). */
static int clone_dir(struct gen *g, const char *from, const char *to, const char *rel)
{
	char src[4400], dst[4400], sub[1024];
	struct dirent *e;
	DIR *d;
	int rc = 0;

	snprintf(src, sizeof src, "%s/%s", from, rel);
	snprintf(dst, sizeof dst, "%s/%s", to, rel);
	if ((d = opendir(src)) == NULL || (mkdir(dst, 0755) != 0 && errno != EEXIST))
		goto fail;
	if (*rel != '\0') {
		char **p = realloc(g->prep_dirs, (g->prep_ndirs + 1) * sizeof *p);

		if (p == NULL || (p[g->prep_ndirs] = strdup(rel)) == NULL) {
			g->prep_dirs = p != NULL ? p : g->prep_dirs;
			goto fail;
		}
		g->prep_dirs = p;
		g->prep_ndirs++;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		if (e->d_type == DT_DIR) {
			rc = clone_dir(g, from, to, sub);
		} else {
			snprintf(src, sizeof src, "%s/%s", from, sub);
			snprintf(dst, sizeof dst, "%s/%s", to, sub);
			rc = linkat(AT_FDCWD, src, AT_FDCWD, dst, 0);
		}
	}
	closedir(d);
	return rc;
fail:
	if (d != NULL)
		closedir(d);
	return -1;
}

void publish_unprepare(struct gen *g)
{
	char path[4200];

	if (g->prep_gen > 0) {
		snprintf(path, sizeof path, "%s/gen/%lld", g->opt.out, g->prep_gen);
		rm_rf(path);
	}
	for (size_t i = 0; i < g->prep_ndirs; i++)
		free(g->prep_dirs[i]);
	free(g->prep_dirs);
	g->prep_dirs = NULL;
	g->prep_ndirs = 0;
	g->prep_gen = g->prep_from = 0;
}

int publish_prepare(struct gen *g, long long gen)
{
	char from[4200], to[4200];

	publish_unprepare(g);
	snprintf(from, sizeof from, "%s/gen/%lld", g->opt.out, gen);
	snprintf(to, sizeof to, "%s/gen/%lld", g->opt.out, gen + 1);
	rm_rf(to);  /* left by an earlier process */
	g->prep_gen = gen + 1;
	if (clone_dir(g, from, to, "") != 0) {
		publish_unprepare(g);
		return -1;
	}
	g->prep_from = gen;
	return 0;
}

int publish_swap(const char *out, long long gen, struct ob_err *err)
{
	char target[64], tmp[4200], cur[4200];

	snprintf(target, sizeof target, "gen/%lld", gen);
	snprintf(tmp, sizeof tmp, "%s/current.tmp", out);
	snprintf(cur, sizeof cur, "%s/current", out);
	unlink(tmp);
	if (symlink(target, tmp) != 0 || rename(tmp, cur) != 0) {
		ob_err_set(err, "io", 0, "%s: %s", cur, strerror(errno));
		return -1;
	}
	return 0;
}

long long publish_next_gen(const char *out)
{
	char path[4200];
	struct dirent *e;
	long long max = 0;
	DIR *d;

	snprintf(path, sizeof path, "%s/gen", out);
	if ((d = opendir(path)) == NULL)
		return 1;
	while ((e = readdir(d)) != NULL)
		if (atoll(e->d_name) > max)
			max = atoll(e->d_name);
	closedir(d);
	return max + 1;
}

/* Keeps the generations of keep1 and keep2 (the one just published and the
 * one before it, which a reader may still be walking) and their pool. */
void publish_gc(const char *out, const struct state *keep1, const struct state *keep2)
{
	char path[4200], p[4500];
	struct map used = { 0 };
	struct dirent *e;
	DIR *d;

	snprintf(path, sizeof path, "%s/gen", out);
	if ((d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			long long n = atoll(e->d_name);

			if (e->d_name[0] == '.' || n == keep1->gen || n == keep2->gen)
				continue;
			snprintf(p, sizeof p, "%s/%s", path, e->d_name);
			rm_rf(p);
		}
		closedir(d);
	}
	for (int k = 0; k < 2; k++) {
		const struct map *m = k ? &keep2->buckets : &keep1->buckets;

		for (size_t i = 0; i < m->cap; i++)
			if (m->e[i].s != NULL && map_get(&used, m->e[i].s, 1) == NULL)
				goto out;  /* out of memory: keep everything */
	}
	snprintf(path, sizeof path, "%s/pool", out);
	if ((d = opendir(path)) == NULL)
		goto out;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || map_get(&used, e->d_name, 0) != NULL)
			continue;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		rm_rf(p);
	}
	closedir(d);
out:
	map_free(&used);
}
