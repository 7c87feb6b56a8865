/* One build: read the snapshot, plan the units, build generation N reusing
 * the previous one, record the state, publish, collect old generations. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "lifecycle_pages.h"

double gen_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int gen_profile(void)
{
	const char *p = getenv("OBGEN_PROFILE");

	return p != NULL && *p != '\0' && strcmp(p, "0") != 0;
}

/* One line per phase of the build with OBGEN_PROFILE set. */
static void phase(double *t, const char *name)
{
	double now = gen_now_ms();

	if (gen_profile())
		fprintf(stderr, "obgen: profile: phase %-8s %9.1f ms\n", name, now - *t);
	*t = now;
}

/* The reference data, the index and the compliance record, read again by
 * the next build. */
static void forget(struct gen *g)
{
	units_lifecycle_free();
	index_free(&g->idx);
	ref_free(&g->ref);
	g->idx_seq = g->ref_seq = 0;
}

/* obgen --watch keeps the state of the generation it published; it still
 * describes the site when DIR/current still points there (no other obgen
 * published since). */
static struct state *resident(struct gen *g)
{
	char path[4200], link[64], want[64];
	ssize_t n;

	if (g->last == NULL)
		return NULL;
	snprintf(path, sizeof path, "%s/current", g->opt.out);
	snprintf(want, sizeof want, "gen/%lld", g->last->gen);
	if ((n = readlink(path, link, sizeof link - 1)) >= 0) {
		link[n] = '\0';
		if (strcmp(link, want) == 0)
			return g->last;
	}
	gen_close(g);
	return NULL;
}

/* The directory of generation N: the prepared one when it was prepared
 * from old and everything else is unchanged, else a new one. */
static int new_generation(struct gen *g, const struct state *old, struct state *neu,
                          int *prepared, struct ob_err *err)
{
	char dir[4200];

	*prepared = g->prep_gen > 0 && g->prep_from == old->gen && !g->opt.full &&
	            old->epoch == neu->epoch;
	if (!*prepared)
		publish_unprepare(g);
	neu->gen = *prepared ? g->prep_gen : publish_next_gen(g->opt.out);
	mkdir(g->opt.out, 0755);
	snprintf(dir, sizeof dir, "%s/gen", g->opt.out);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/pool", g->opt.out);
	mkdir(dir, 0755);
	snprintf(g->newdir, sizeof g->newdir, "%s/gen/%lld", g->opt.out, neu->gen);
	if (!*prepared && mkdir(g->newdir, 0755) != 0) {
		ob_err_set(err, "io", 0, "%s: %s", g->newdir, strerror(errno));
		return -1;
	}
	return 0;
}

/* obgen --watch, once published (or on a site published before it
 * started): keeps the state s (moved; a header-only state is read whole
 * first) and prepares the next generation from it. */
static int keep(struct gen *g, struct state *s, struct ob_err *err)
{
	double t0 = gen_now_ms();

	if (s->units.n == 0 && state_load(s, g->opt.out, 0, err) != 0)
		return -1;
	if (g->last == NULL && (g->last = calloc(1, sizeof *g->last)) == NULL)
		return ob_err_set(err, "io", 0, "out of memory"), -1;
	state_free(g->last);
	*g->last = *s;
	memset(s, 0, sizeof *s);
	if (publish_prepare(g, g->last->gen) != 0) {
		if (!g->opt.quiet)
			fprintf(stderr, "obgen: cannot prepare generation %lld; the next build makes it\n",
			        g->last->gen + 1);
	} else if (!g->opt.quiet) {
		printf("obgen: gen %lld prepared in %.1f ms\n", g->prep_gen, gen_now_ms() - t0);
		fflush(stdout);
	}
	return 0;
}

/* A watcher starting on a site published before it: reads now what its
 * first build would read (the state s, the index, the compliance record,
 * the stylesheets) and plans, so that the first change costs what the
 * next ones do.  The plan is kept with the signatures of the state, which
 * are those the generation was built with: a day may have passed since. */
static int warm(struct gen *g, struct state *s, struct ob_err *err)
{
	struct units us = { 0 };
	double t0 = gen_now_ms();
	size_t i = 0;

	index_free(&g->idx);
	if (state_load(s, g->opt.out, 0, err) != 0 || index_load(&g->idx, &g->ref, g->db, err) != 0)
		return -1;
	g->idx_seq = g->seq;
	if (units_plan(g, &us, err) != 0 || jobs_prepare_all(g, err) != 0) {
		units_free(&us);
		return -1;
	}
	for (; i < us.n; i++) {
		const struct map_entry *e = map_get(&s->units, us.u[i].key, 0);

		if (e == NULL)
			break;  /* not the plan of that generation: none is kept */
		us.u[i].sig = e->u;
	}
	if (i == us.n && us.n == s->units.n) {
		s->plan = us;
		memset(&us, 0, sizeof us);
	}
	if (gen_profile())
		fprintf(stderr, "obgen: profile: warmed up in %.1f ms, %s\n", gen_now_ms() - t0,
		        s->plan.n ? "the plan kept" : "no plan kept");
	units_free(&us);
	return keep(g, s, err);
}

int gen_build(struct gen *g, struct ob_err *err)
{
	struct state loaded = { 0 }, neu = { 0 }, *old = resident(g);
	struct units us = { 0 };
	struct rusage ru;
	double t0 = gen_now_ms(), tp = t0;
	int rc = -1, rendered = 0, prepared = 0;

	/* The no-op decision needs the recorded seq and epoch only: the unit
	 * signatures and the index are read after it (a no-op build is polled
	 * four times a second by --watch). */
	if ((old == NULL && state_load(&loaded, g->opt.out, 1, err) != 0) ||
	    db_site_begin(g->db, err) != 0)
		goto out;
	if (old == NULL)
		old = &loaded;
	if ((g->seq = db_site_seq(g->db)) < 0) {
		ob_err_set(err, "storage", 0, "cannot read the change sequence");
		goto out;
	}
	phase(&tp, "state");
	/* obgen --watch keeps the reference data and the index between builds
	 * and reads only what changed since (meta.ref_seq, documents.seq). */
	if (g->ref_seq == 0 || ref_changed_since(g->db, g->ref_seq)) {
		ref_free(&g->ref);
		if (ref_load(&g->ref, g->db, err) != 0)
			goto out;
	}
	g->ref_seq = g->seq;
	neu.epoch = sig_int(sig_int(g->code_hash, (long long)g->ref.hash), 3);
	neu.seq = g->seq;
	if (!g->opt.full && old->gen > 0 && old->seq == neu.seq && old->epoch == neu.epoch) {
		phase(&tp, "no-op");
		rc = 0;  /* nothing changed since the published generation */
		if (g->opt.watch && g->last == NULL)
			rc = warm(g, &loaded, err);  /* a watcher starting on a published site */
		goto out;
	}
	if ((old == &loaded && state_load(&loaded, g->opt.out, 0, err) != 0) ||
	    (g->idx_seq > 0 ? index_refresh(&g->idx, &g->ref, g->db, g->idx_seq, err)
	                    : index_load(&g->idx, &g->ref, g->db, err)) != 0)
		goto out;
	g->idx_seq = g->seq;
	phase(&tp, "load");
	if (new_generation(g, old, &neu, &prepared, err) != 0 || units_plan(g, &us, err) != 0)
		goto out;
	phase(&tp, "plan");
	if (g->opt.full)
		old->epoch = ~neu.epoch;  /* render everything; old stays for the collector */
	rc = publish_build(g, &us, old, &neu, prepared, &rendered, err);
	if (prepared) {
		g->prep_gen = 0;  /* taken: it is generation N now, or the collector's */
		publish_unprepare(g);
	}
	if (rc != 0)
		goto out;
	rc = -1;
	phase(&tp, "build");
	if (publish_swap(g->opt.out, neu.gen, err) != 0)
		goto out;
	phase(&tp, "publish");
	getrusage(RUSAGE_SELF, &ru);
	if (!g->opt.quiet)
		printf("obgen: gen %lld seq %lld: %zu units, %d rendered, published in %.1f ms, "
		       "peak RSS %ld KiB\n", neu.gen, neu.seq, us.n, rendered, gen_now_ms() - t0,
		       ru.ru_maxrss);
	fflush(stdout);
	/* What follows is off the path from a change to the site.  The state
	 * describes the generation now served; should it not be written, the
	 * next build finds none for it and renders everything. */
	if (state_save(&neu, g->opt.out, &us, err) != 0)
		goto out;
	db_site_end(g->db);
	publish_gc(g->opt.out, &neu, old);
	phase(&tp, "collect");
	if (g->opt.watch) {
		neu.plan = us;  /* the next build compares its plan with this one */
		memset(&us, 0, sizeof us);
		rc = keep(g, &neu, err);
	} else {
		rc = 0;
	}
	phase(&tp, "prepare");
out:
	if (rc != 0)
		gen_close(g);  /* a failed build may have left the kept state half-used */
	db_site_end(g->db);
	units_free(&us);
	if (!g->opt.watch)
		forget(g);  /* after a failure gen_close has */
	state_free(&loaded);
	state_free(&neu);
	return rc;
}

void gen_close(struct gen *g)
{
	forget(g);
	gen_threads_close(g);
	if (g->last != NULL) {
		state_free(g->last);
		free(g->last);
		g->last = NULL;
	}
	publish_unprepare(g);
}
