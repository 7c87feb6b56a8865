/* One build: read the snapshot, plan the units, build generation N reusing
 * the previous one, record the state, publish, collect old generations. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

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

int gen_build(struct gen *g, struct ob_err *err)
{
	struct state old = { 0 }, neu = { 0 };
	struct units us = { 0 };
	struct rusage ru;
	double t0 = gen_now_ms(), tp = t0;
	char dir[4200];
	int rc = -1, rendered = 0;

	/* The no-op decision needs the recorded seq and epoch only: the unit
	 * signatures and the index are read after it (a no-op build is polled
	 * four times a second by --watch). */
	if (state_load(&old, g->opt.out, 1, err) != 0 || db_site_begin(g->db, err) != 0)
		goto out;
	if ((g->seq = db_site_seq(g->db)) < 0) {
		ob_err_set(err, "storage", 0, "cannot read the change sequence");
		goto out;
	}
	phase(&tp, "state");
	if (ref_load(&g->ref, g->db, err) != 0)
		goto out;
	neu.epoch = sig_int(sig_int(g->code_hash, (long long)g->ref.hash), 3);
	neu.seq = g->seq;
	if (!g->opt.full && old.gen > 0 && old.seq == neu.seq && old.epoch == neu.epoch) {
		phase(&tp, "no-op");
		rc = 0;  /* nothing changed since the published generation */
		goto out;
	}
	if (state_load(&old, g->opt.out, 0, err) != 0 ||
	    index_load(&g->idx, &g->ref, g->db, err) != 0)
		goto out;
	phase(&tp, "load");
	neu.gen = publish_next_gen(g->opt.out);
	mkdir(g->opt.out, 0755);
	snprintf(dir, sizeof dir, "%s/gen", g->opt.out);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/pool", g->opt.out);
	mkdir(dir, 0755);
	snprintf(g->newdir, sizeof g->newdir, "%s/gen/%lld", g->opt.out, neu.gen);
	if (mkdir(g->newdir, 0755) != 0) {
		ob_err_set(err, "io", 0, "%s: %s", g->newdir, strerror(errno));
		goto out;
	}
	if (units_plan(g, &us, err) != 0)
		goto out;
	phase(&tp, "plan");
	if (g->opt.full)
		old.epoch = ~neu.epoch;  /* render everything; old stays for the collector */
	if (publish_build(g, &us, &old, &neu, &rendered, err) != 0)
		goto out;
	phase(&tp, "build");
	if (state_save(&neu, g->opt.out, &us, err) != 0 ||
	    publish_swap(g->opt.out, neu.gen, err) != 0)
		goto out;
	phase(&tp, "publish");
	db_site_end(g->db);
	publish_gc(g->opt.out, &neu, &old);
	phase(&tp, "collect");
	getrusage(RUSAGE_SELF, &ru);
	if (!g->opt.quiet)
		printf("obgen: gen %lld seq %lld: %zu units, %d rendered, %.1f ms, peak RSS %ld KiB\n",
		       neu.gen, neu.seq, us.n, rendered, gen_now_ms() - t0, ru.ru_maxrss);
	fflush(stdout);
	rc = 0;
out:
	db_site_end(g->db);
	units_free(&us);
	units_lifecycle_free();
	index_free(&g->idx);
	ref_free(&g->ref);
	state_free(&old);
	state_free(&neu);
	return rc;
}
