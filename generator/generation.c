/* The generations of DIR/gen/ (issue 3.8): their numbers, the rename of
 * DIR/current that publishes one, the collector, and the next generation
 * obgen --watch prepares while it waits: a copy of the published one's
 * tree of links, so that a build after a change replaces only the buckets
 * that changed (publish.c) and the ~1,100 links of the others are made
 * before the change arrives, not after. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

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
		gen_rm_rf(path);
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
	gen_rm_rf(to);  /* left by an earlier process */
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
			gen_rm_rf(p);
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
		gen_rm_rf(p);
	}
	closedir(d);
out:
	map_free(&used);
}
