/* Atomic, incremental publishing (issue 3.8).  A build writes generation N
 * into DIR/gen/N: real directories for the few inner buckets, and for each
 * leaf bucket a symlink into DIR/pool/.  An unchanged leaf bucket is the
 * previous generation's pool directory, symlinked; a changed one is a new
 * pool directory where unchanged files are hard links and changed units are
 * rendered.  DIR/current then moves to gen/N with one rename(2)
 * (generation.c).  Nothing served is ever modified in place, so a crash
 * leaves the old site served.  On a generation prepared by obgen --watch
 * (a copy of N-1's links, generation.c) only the changed buckets are
 * touched. */
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

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)ftw;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

void gen_rm_rf(const char *path)
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
	char key[256];
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc = 0, tofd = -1;

	if (d == NULL)
		return 0;
	/* Names relative to the two open directories: a full path walked
	 * DIR/pool/NAME again for every file. */
	if (to != NULL && (tofd = open(to, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		closedir(d);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_type != DT_REG)
			continue;
		bucket_unit_key(bucket, e->d_name, key, sizeof key);
		if (unchanged(ks, key) != (to != NULL))
			continue;
		if (to != NULL)
			rc = linkat(dirfd(d), e->d_name, tofd, e->d_name, 0);
		else
			rc = unlinkat(dirfd(d), e->d_name, 0);
	}
	if (tofd >= 0)
		close(tofd);
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
	size_t next;  /* the next task to take (atomic) */
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

/* Takes tasks until none is left.  Runs on the linker thread and, once
 * the pages are rendered, on the build's thread too (jobs_run): a link(2)
 * costs ~13 us here and a changed document relinks ~1,000 files. */
static int links_make(void *arg)
{
	struct links *ln = arg;
	size_t i;

	while ((i = __atomic_fetch_add(&ln->next, 1, __ATOMIC_RELAXED)) < ln->n)
		if (sweep(ln->t[i].from, ln->t[i].bucket, ln->ks, ln->t[i].to) != 0) {
			__atomic_store_n(&ln->next, ln->n, __ATOMIC_RELAXED);  /* the others stop too */
			return -1;
		}
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
		gen_rm_rf(dir);  /* left by a crashed build of the same number */
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
