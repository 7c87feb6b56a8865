/* Rendering the dirty units of a build on several threads.  Each job writes
 * the files of one unit in one bucket, and no two jobs write the same file,
 * so the order in which jobs finish cannot change a byte of the output.
 * What one job reads from another job's output is ordered by stages: the
 * open data (its sizes show on the pages) before the pages, then the
 * datapackage (it records the sizes of the year CSVs), then the catalogue
 * (it lists every data file).  The hard links of a changed bucket's
 * unchanged files are made on a thread of their own beside the first two
 * stages, and are all made before the last two.
 *
 * Each thread has its own SQLite connection (a connection is one thread's)
 * and its own read transaction; a thread takes part only when its snapshot
 * is the build's (the same meta.seq: every write bumps it), otherwise the
 * others do its share.  Compiled stylesheets, the reference data and the
 * index are shared and only read. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"

#define JOBS_MAX GEN_THREADS_MAX
/* Below this many jobs a second connection and thread cost more than they
 * save (an incremental build renders a handful of units). */
#define JOBS_PARALLEL_MIN 8

#define PROFILE_KINDS 32  /* unit types, data buckets apart (see profile_kind) */

struct worker {
	struct gen g;          /* a copy of the build's, with its own connection */
	struct ob_err err;
	double ms[PROFILE_KINDS];
	int count[PROFILE_KINDS];
	size_t failed_at;      /* index of the job that failed, or SIZE_MAX */
	int rendered;
	pthread_t tid;
	struct pool *pool;
};

struct pool {
	const struct units *us;
	const struct job *jobs;
	size_t next, end;      /* next job to take (atomic), end of the stage */
	int stop;              /* a job failed: take no more (atomic) */
	int profile;           /* OBGEN_PROFILE is set: time each kind of job */
};

/* 0 open data and the static files, 1 the pages that show only their own
 * unit's files, 2 datapackage.json (the sizes of the year CSVs), 3 the
 * catalogue (every data file).  Stages 2 and 3 read other units' files,
 * so the links of unchanged files (the linker) are made before them. */
static int stage_of(const struct unit *u, const char *bucket)
{
	if (u->type == U_FDP && u->n == 0)
		return 2;
	if (strncmp(bucket, "data", 4) == 0 || u->type == U_STATIC || u->type == U_SCHEMA)
		return 0;
	return u->type == U_CATALOGUE ? 3 : 1;
}

static int job_order(const void *a, const void *b)
{
	const struct job *x = a, *y = b;

	if (x->stage != y->stage)
		return x->stage - y->stage;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

int jobs_add(struct jobs *js, const struct units *us, size_t unit, const char *bucket)
{
	struct job *j;

	if (js->n == js->cap) {
		size_t cap = js->cap ? js->cap * 2 : 1024;
		struct job *p = realloc(js->j, cap * sizeof *p);

		if (p == NULL)
			return -1;
		js->j = p;
		js->cap = cap;
	}
	j = &js->j[js->n];
	j->unit = unit;
	j->bucket = bucket;
	j->stage = stage_of(&us->u[unit], bucket);
	j->seq = js->n++;
	return 0;
}

void jobs_free(struct jobs *js)
{
	free(js->j);
	memset(js, 0, sizeof *js);
}

static int profile_kind(const struct unit *u, const char *bucket)
{
	if (u->type == U_DOC && strncmp(bucket, "data", 4) == 0)
		return PROFILE_KINDS - 1;
	return u->type >= 0 && u->type < PROFILE_KINDS - 1 ? u->type : PROFILE_KINDS - 2;
}

static const char *const profile_name[PROFILE_KINDS] = {
	[U_ROOT] = "root", [U_STATIC] = "static", [U_SCHEMA] = "schema", [U_HOME] = "home",
	[U_BROWSE] = "browse", [U_LIST] = "list", [U_DOC] = "doc", [U_PROGRAMS] = "programs",
	[U_PROGRAM] = "program", [U_CHARTS] = "charts", [U_CATALOGUE] = "catalogue",
	[U_FDP] = "fdp", [U_STATS] = "stats", [U_REPORT] = "report", [U_PRESS] = "press",
	[U_PRESS_LIST] = "press-list", [U_FEED] = "feed", [U_COMPLIANCE] = "compliance",
	[PROFILE_KINDS - 1] = "doc-data",
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	int profile = p->profile;

	while (!__atomic_load_n(&p->stop, __ATOMIC_RELAXED)) {
		size_t i = __atomic_fetch_add(&p->next, 1, __ATOMIC_RELAXED);
		const struct job *j;

		if (i >= p->end)
			break;
		j = &p->jobs[i];
		double t0 = profile ? gen_now_ms() : 0;
		if (unit_render(&w->g, &p->us->u[j->unit], j->bucket, &w->err) != 0) {
			w->failed_at = i;
			__atomic_store_n(&p->stop, 1, __ATOMIC_RELAXED);
			break;
		}
		w->rendered++;
		if (profile) {
			int k = profile_kind(&p->us->u[j->unit], j->bucket);

			w->ms[k] += gen_now_ms() - t0;
			w->count[k]++;
		}
	}
	return NULL;
}

static void thread_close(struct gen *g, int i)
{
	db_site_close(g->thread_db[i]);
	store_close(g->thread_st[i]);
	g->thread_db[i] = NULL;
	g->thread_st[i] = NULL;
}

/* Thread i's connection on the build's snapshot, or -1 (then the thread
 * sits the build out).  Opened once and kept by obgen --watch. */
static int worker_open(struct worker *w, struct gen *g, int i)
{
	struct ob_err err = { 0 };

	w->g = *g;
	w->g.st = NULL;  /* never the build's own connection */
	w->g.db = NULL;
	if (g->thread_db[i] == NULL &&
	    ((g->thread_st[i] = store_open(g->opt.db, STORE_RDONLY, &err)) == NULL ||
	     (g->thread_db[i] = db_site_open(g->thread_st[i], &err)) == NULL)) {
		thread_close(g, i);
		return -1;
	}
	w->g.st = g->thread_st[i];
	w->g.db = g->thread_db[i];
	return db_site_begin(w->g.db, &err) != 0 || db_site_seq(w->g.db) != g->seq ? -1 : 0;
}

static void worker_close(struct worker *w)
{
	if (w->g.db != NULL)
		db_site_end(w->g.db);
}

void gen_threads_close(struct gen *g)
{
	for (int i = 0; i < GEN_THREADS_MAX; i++)
		thread_close(g, i);
}

int gen_threads(const struct gen *g)
{
	long n = g->opt.jobs > 0 ? g->opt.jobs : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > JOBS_MAX ? JOBS_MAX : (int)n;
}

struct linker {
	int (*fn)(void *arg);
	void *arg;
	int rc;
	pthread_t tid;
};

static void *link_work(void *arg)
{
	struct linker *l = arg;

	l->rc = l->fn(l->arg);
	return NULL;
}

/* The stylesheet of each type of unit that has a page of its own. */
static const char *const sheets[] = {
	[U_ROOT] = "root", [U_HOME] = "home", [U_BROWSE] = "browse", [U_LIST] = "list",
	[U_DOC] = "doc", [U_PROGRAMS] = "programs", [U_PROGRAM] = "program",
	[U_CHARTS] = "charts", [U_CATALOGUE] = "catalogue",
};

int jobs_prepare_all(struct gen *g, struct ob_err *err)
{
	for (size_t t = 0; t < sizeof sheets / sizeof sheets[0]; t++)
		if (sheets[t] != NULL && xsl_prepare(g->xsl, sheets[t], err) != 0)
			return -1;
	return 0;
}

/* The pages are rendered: this thread takes the links left too, then
 * waits for the linker. */
static void link_help(struct linker *l)
{
	int rc = l->fn(l->arg);

	pthread_join(l->tid, NULL);
	l->rc = l->rc || rc;
}

int jobs_run(struct gen *g, const struct units *us, struct jobs *js, int (*link)(void *),
             void *link_arg, int *rendered, struct ob_err *err)
{
	struct linker lk = { link, link_arg, 0, 0 };
	int linking = 0;
	struct worker w[JOBS_MAX];
	struct pool p = { .us = us, .jobs = js->j, .profile = gen_profile() };
	int nw = 0, want = js->n >= JOBS_PARALLEL_MIN ? gen_threads(g) : 1, rc = -1;
	char need[sizeof sheets / sizeof sheets[0]] = { 0 };
	size_t failed = SIZE_MAX;
	double t0 = gen_now_ms();

	qsort(js->j, js->n, sizeof *js->j, job_order);
	/* Compile what the pages need before the threads share the table. */
	for (size_t i = 0; i < js->n; i++) {
		int t = us->u[js->j[i].unit].type;

		if (js->j[i].stage != 0 && t >= 0 && (size_t)t < sizeof sheets / sizeof sheets[0] &&
		    sheets[t] != NULL && !need[t]) {
			need[t] = 1;
			if (xsl_prepare(g->xsl, sheets[t], err) != 0)
				return -1;
		}
	}
	if (p.profile)
		fprintf(stderr, "obgen: profile: stylesheets compiled in %.1f ms\n", gen_now_ms() - t0);
	memset(w, 0, sizeof w);
	w[nw].g = *g;  /* the build's own connection renders too */
	w[nw].failed_at = SIZE_MAX;
	w[nw++].pool = &p;
	while (nw < want) {
		w[nw].failed_at = SIZE_MAX;
		w[nw].pool = &p;
		if (worker_open(&w[nw], g, nw) != 0) {
			worker_close(&w[nw]);
			break;
		}
		nw++;
	}
	if (link != NULL) {
		linking = pthread_create(&lk.tid, NULL, link_work, &lk) == 0;
		if (!linking)
			lk.rc = link(link_arg);
	}
	for (size_t begin = 0; begin < js->n && !p.stop;) {
		int started = 1;

		if (linking && js->j[begin].stage >= 2) {
			link_help(&lk);
			linking = 0;
		}
		if (!linking && lk.rc != 0)
			break;
		p.end = begin;
		while (p.end < js->n && js->j[p.end].stage == js->j[begin].stage)
			p.end++;
		p.next = begin;
		for (int i = 1; i < nw; i++) {
			if (pthread_create(&w[i].tid, NULL, work, &w[i]) != 0)
				break;
			started++;
		}
		work(&w[0]);
		for (int i = 1; i < started; i++)
			pthread_join(w[i].tid, NULL);
		begin = p.end;
	}
	if (linking)
		link_help(&lk);
	*rendered = 0;
	for (int i = 0; i < nw; i++) {
		*rendered += w[i].rendered;
		if (w[i].failed_at < failed) {
			failed = w[i].failed_at;
			*err = w[i].err;
		}
	}
	rc = failed == SIZE_MAX ? 0 : -1;
	if (lk.rc != 0 && rc == 0) {
		ob_err_set(err, "io", 0, "%s: cannot link the unchanged files", g->newdir);
		rc = -1;
	}
	if (p.profile) {
		fprintf(stderr, "obgen: profile: %zu jobs on %d threads\n", js->n, nw);
		for (int k = 0; k < PROFILE_KINDS; k++) {
			double ms = 0;
			int n = 0;

			for (int i = 0; i < nw; i++)
				ms += w[i].ms[k], n += w[i].count[k];
			if (n > 0)
				fprintf(stderr, "obgen: profile: %-10s %6d jobs %9.1f ms (%.3f ms a job)\n",
				        profile_name[k] ? profile_name[k] : "other", n, ms, ms / n);
		}
	}
	for (int i = 1; i < nw; i++)
		worker_close(&w[i]);
	if (!g->opt.watch)
		gen_threads_close(g);
	return rc;
}
