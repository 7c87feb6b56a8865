/* The incremental build: units, buckets, the recorded state, publishing.
 * A unit is what one signature covers (a document, a list page, ...); its
 * files lie in one or more buckets (directories).  docs/generator.md. */
#ifndef OB_GEN_BUILD_H
#define OB_GEN_BUILD_H

#include "gen.h"
#include "map.h"

enum unit_type {
	U_ROOT, U_STATIC, U_SCHEMA, U_HOME, U_BROWSE, U_LIST, U_DOC, U_PROGRAMS, U_PROGRAM,
	U_CHARTS, U_CATALOGUE, U_FDP, U_STATS,
	U_REPORT, U_PRESS, U_PRESS_LIST, U_FEED, U_COMPLIANCE  /* lifecycle_pages.h */
};

struct unit {
	char key[96];
	uint64_t sig;
	int type, dirty;
	long long n;             /* document, program, year, shard, group code */
	const struct group *gr;  /* U_LIST */
	size_t page;             /* U_LIST, 1-based */
	const char *family;      /* U_BROWSE */
};

struct units {
	struct unit *u;
	size_t n, cap;
};

#define BUCKET_MAX 128
#define UNIT_BUCKETS 3

int units_plan(struct gen *g, struct units *us, struct ob_err *err);
/* Appends a unit (for planners outside units.c); NULL when out of memory. */
struct unit *units_add_key(struct units *us, int type, uint64_t sig, const char *key);
/* The key PREFIX ID SUFFIX, and u->n = id. */
struct unit *units_add_id(struct units *us, int type, uint64_t sig, const char *prefix,
                          long long id, const char *suffix);
void units_free(struct units *us);
/* The buckets (directories relative to the site root) of the unit key. */
int unit_buckets(const char *key, char out[UNIT_BUCKETS][BUCKET_MAX]);
/* The unit key of file name in bucket (its stem is the part before the first dot). */
void bucket_unit_key(const char *bucket, const char *name, char *key, size_t n);
/* 1 when the bucket has no sub-buckets: it is built in the pool and symlinked. */
int bucket_leaf(const char *bucket);
/* Writes the files of unit u that lie in bucket. */
int unit_render(struct gen *g, const struct unit *u, const char *bucket, struct ob_err *err);

/* A dirty unit's files in one bucket, to render (render.c).  Stages order
 * what jobs read of each other's output: 0 open data and static files,
 * 1 the pages, 2 the datapackage, 3 the catalogue. */
struct job {
	size_t unit, seq;
	const char *bucket;
	int stage;
};
struct jobs {
	struct job *j;
	size_t n, cap;
};
int jobs_add(struct jobs *js, const struct units *us, size_t unit, const char *bucket);
void jobs_free(struct jobs *js);
/* Renders every job, stage by stage, on gen_threads() threads; link (when
 * not NULL) runs on a thread of its own and has returned 0 before the
 * stages that read other units' files (render.c).  Once the pages are
 * rendered the build's thread calls link(link_arg) too, at the same time:
 * link must share its work between the two. */
int jobs_run(struct gen *g, const struct units *us, struct jobs *js, int (*link)(void *),
             void *link_arg, int *rendered, struct ob_err *err);
int gen_threads(const struct gen *g);
/* Closes the render threads' connections (kept by obgen --watch). */
void gen_threads_close(struct gen *g);
/* Compiles the stylesheets jobs_run would compile for a build that
 * renders every type of unit. */
int jobs_prepare_all(struct gen *g, struct ob_err *err);

/* What the previous build recorded (DIR/gen/N.state). */
struct state {
	long long gen, seq;
	uint64_t epoch;
	struct map units;    /* key -> sig */
	struct map buckets;  /* leaf bucket -> pool directory name */
	/* obgen --watch: the plan the generation was built from, its keys and
	 * signatures in plan order (map_units compares the next plan with it
	 * unit by unit), or empty; not in the file. */
	struct units plan;
};
/* header_only: gen, seq and epoch, not the units and buckets. */
int state_load(struct state *s, const char *out, int header_only, struct ob_err *err);
int state_save(const struct state *s, const char *out, const struct units *us,
               struct ob_err *err);
void state_free(struct state *s);

/* A directory of the site and the units with files in it (buckets.c). */
struct bucket {
	char path[BUCKET_MAX];
	int leaf, dirty;
	size_t *units, nunits, cap;
};


/* The buckets of a plan (map: path -> index in b).  map_units fills them
 * from every unit, or with changed_only from the units whose signature
 * moved, and then only when the units are the previous build's (1 when they
 * are not); keys gets each mapped unit's index. */
struct buckets {
	struct bucket *b;
	size_t n;
	struct map map;
};

int map_units(struct units *us, const struct state *old, int reuse, int changed_only,
              struct map *keys, struct buckets *bs);
void buckets_free(struct buckets *bs);
/* qsort order of buckets: directories in name order, data first. */
int bucket_order(const void *a, const void *b);

/* Builds generation gen into out/gen/N from the plan, reusing old; on a
 * prepared generation (a copy of old's links) only what changed.  neu's
 * units get the plan's signatures (taking old's map when only changed
 * units were mapped). */
int publish_build(struct gen *g, struct units *us, struct state *old, struct state *neu,
                  int prepared, int *rendered, struct ob_err *err);
/* Copies generation gen's tree of links into gen+1 for the next build
 * (obgen --watch, while it waits); -1 leaves nothing prepared. */
int publish_prepare(struct gen *g, long long gen);
/* Forgets the prepared generation, removing it unless a build took it. */
void publish_unprepare(struct gen *g);
/* generation.c */
int publish_swap(const char *out, long long gen, struct ob_err *err);
void publish_gc(const char *out, const struct state *keep1, const struct state *keep2);
long long publish_next_gen(const char *out);

/* rm -rf path, not following symlinks. */
void gen_rm_rf(const char *path);

#endif
