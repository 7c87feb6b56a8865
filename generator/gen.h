/* obgen: the static site generator (issue 3.6-3.8).  docs/generator.md
 * describes the pages, the page XML vocabulary and the publishing layout. */
#ifndef OB_GEN_H
#define OB_GEN_H

#include <stdint.h>
#include <stdio.h>
#include <libxml/tree.h>

#include "csv.h"
#include "db_site.h"
#include "err.h"
#include "site_paths.h"

#define GEN_LANGS 2
extern const char *const gen_lang[GEN_LANGS]; /* "kk", "ru" */

#define GEN_PAGE_SIZE 50   /* documents per list page */
#define GEN_SHARD SITE_SHARD /* documents (programs) per directory: core/site_paths.h */
#define GEN_HOME_ITEMS 10  /* documents per section of the home page */
#define GEN_CHART_PROGRAMS 15
#define GEN_THREADS_MAX 16 /* render threads (--jobs) */

enum doc_kind {
	K_BUDGET_REPORT, K_FIN_STATEMENTS, K_CITIZEN_BUDGET, K_AUDIT_RESULT, K_PASSPORT,
	K_IMPL_REPORT, K_GRANT_REPORT, K_COUNT_
};
extern const char *const gen_kind[K_COUNT_];
int gen_kind_of(const char *name);

/* ---- reference data, in memory for a build (ref.c) ---- */
struct ref_admin {
	long long id;
	char *code, *bin, *level, *region; /* region NULL: central */
	char *name[GEN_LANGS];
};
struct ref_region {
	char *kato, *kind;
	char *name[GEN_LANGS];
};
struct ref_program {
	long long id, admin_id;
	char *code;
	int fgroup, fsubgroup;
	char *name[GEN_LANGS];
};
struct ref {
	struct ref_admin *admins; size_t nadmins;        /* by id */
	struct ref_region *regions; size_t nregions;     /* by ord */
	struct ref_program *programs; size_t nprograms;  /* by id */
	char *levels[8][1 + GEN_LANGS]; size_t nlevels;  /* code, kk, ru */
	char *fgroups[16][GEN_LANGS];                    /* by code 1..15 */
	uint64_t hash;
};
int ref_load(struct ref *r, struct db_site *db, struct ob_err *err);
/* 1 when the reference data may differ from the snapshot whose meta.seq was
 * since (so ref_load again), 0 when it is the same.  One indexed read. */
int ref_changed_since(struct db_site *db, long long since);
void ref_free(struct ref *r);
const struct ref_admin *ref_admin(const struct ref *r, long long id);
const struct ref_program *ref_program(const struct ref *r, long long id);
const struct ref_region *ref_region(const struct ref *r, const char *kato);
const char *ref_level(const struct ref *r, const char *code, int lang);

/* ---- the index of public documents and the lists built on it (index.c) ---- */
struct idoc {
	long long id, admin_id, program_id, seq;
	int kind, year, version;
	int in_discussion;  /* status is "in-discussion": on the discussion list */
	char *number, *posted, *status, *discussion_end, *title[GEN_LANGS];
	/* The signature of what a page shows of a document it lists (its
	 * header: x_doc_ref and the press release's program), unlike seq,
	 * which moves with any change to the document or its parts. */
	uint64_t head;
};
/* A list of documents shown over pages: a kind, a year, an administrator, a
 * region, the documents in discussion. */
struct group {
	char key[64];        /* "kind/passport", "year/2026", "admin/BIN", "region/KATO" */
	const char *family;  /* "kind", "year", "admin", "region", "discussion" */
	const char *id;      /* the last path component */
	struct idoc **docs;
	size_t ndocs, cap;
};
struct index {
	struct idoc *docs; size_t ndocs;  /* by id */
	struct idoc **order;              /* the same, newest first (posting date, then id) */
	struct group *groups; size_t ngroups;
	int years[64]; size_t nyears;     /* ascending */
	/* For index_refresh: db_site_census() as of the snapshot read, and the
	 * reference data the lists were built from. */
	long long census_n, census_max;
	const struct ref *ref; uint64_t ref_hash;
};
/* Every public document, in the caller's read transaction.  On failure x
 * holds what was read so far (index_free frees it). */
int index_load(struct index *x, const struct ref *r, struct db_site *db, struct ob_err *err);
/* Updates x, loaded or refreshed from the snapshot whose meta.seq was since,
 * to what index_load would now give with r, reading only the documents
 * changed after since (documents.seq > since); falls back to index_load
 * when a document was deleted.  The lists are rebuilt (from r when it is
 * not the reference data of the last time), and x->docs may move: every
 * pointer into x taken before is invalid.  On failure x is left empty, as
 * after index_free, and the next refresh loads it whole. */
int index_refresh(struct index *x, const struct ref *r, struct db_site *db, long long since,
                  struct ob_err *err);
void index_free(struct index *x);
const struct idoc *index_doc(const struct index *x, long long id);
const struct group *index_group(const struct index *x, const char *key);
size_t group_pages(const struct group *g);
size_t index_latest(const struct index *x, const struct idoc **out, size_t k);
struct deadline {
	int kind, year, posted, late;
	const char *rule;
	char due[16];
};
size_t index_deadlines(const struct index *x, struct deadline *out, size_t max);

/* ---- hashing (sig.c) ---- */
#define SIG_INIT 0xcbf29ce484222325ULL
uint64_t sig_bytes(uint64_t h, const void *p, size_t n);
uint64_t sig_str(uint64_t h, const char *s);
uint64_t sig_int(uint64_t h, long long v);
int sig_file(uint64_t *h, const char *path);
int sig_tree(uint64_t *h, const char *dir);

/* ---- XSLT (xsl.c): each stylesheet compiled once per run ---- */
struct xsl;
struct xsl *xsl_open(const char *dir, struct ob_err *err);
void xsl_close(struct xsl *x);
/* Compiles templates/NAME.xsl now (before the render threads start). */
int xsl_prepare(struct xsl *x, const char *name, struct ob_err *err);
/* Transforms page with templates/NAME.xsl and writes XHTML-syntax HTML5 to
 * path.  Safe from several threads at once. */
int xsl_render(struct xsl *x, const char *name, xmlDocPtr page, const char *path,
               struct ob_err *err);

/* ---- the build (build.c) and its inputs ---- */
struct gen_opt {
	const char *db, *out, *base;
	const char *dump;  /* --dump-xml DIR: also save each page's XML (the bench's floor) */
	int full, watch, synthetic, quiet;
	int jobs;          /* --jobs N: render threads (0: one per CPU) */
};
struct state;
struct gen {
	struct gen_opt opt;
	struct store *st;
	struct db_site *db;
	struct xsl *xsl;
	struct ref ref;
	struct index idx;
	uint64_t code_hash;   /* obgen itself, templates, public/, schema/ */
	long long seq;        /* meta.seq of the snapshot being built */
	char newdir[4096];    /* root of the generation being built */
	char share[4096];     /* source tree: templates/, public/, schema/ */
	/* obgen --watch: the state of the published generation, kept from
	 * its build, the reference data and index kept up to date, and the
	 * next generation prepared from the published one (publish.c). */
	struct state *last;
	long long ref_seq, idx_seq;  /* the snapshots ref and idx describe (0: none) */
	long long prep_gen, prep_from;
	char **prep_dirs;     /* the prepared generation's directories, in walk order */
	size_t prep_ndirs;
	/* The render threads' own connections (render.c), kept open between
	 * the builds of obgen --watch; [0] unused: that thread is the build's. */
	struct store *thread_st[GEN_THREADS_MAX];
	struct db_site *thread_db[GEN_THREADS_MAX];
};
int gen_build(struct gen *g, struct ob_err *err);
/* Frees what obgen --watch keeps between builds and removes the prepared
 * generation. */
void gen_close(struct gen *g);
double gen_now_ms(void);
/* OBGEN_PROFILE set in the environment: each build prints its phases and
 * the time per kind of unit on stderr (docs/benchmarks.md). */
int gen_profile(void);

/* ---- page XML helpers (pagexml.c) ---- */
xmlDocPtr page_new(const struct gen *g, const char *type, int lang, const char *path,
                   xmlNodePtr *root);
xmlNodePtr x_el(xmlNodePtr parent, const char *name, const char *text);
void x_attr(xmlNodePtr n, const char *name, const char *value);
void x_int(xmlNodePtr n, const char *name, long long v);
xmlNodePtr x_doc_ref(xmlNodePtr parent, const struct gen *g, const struct idoc *d, int lang);
void x_admin(xmlNodePtr parent, const struct gen *g, long long admin_id, int lang);
void x_pager(xmlNodePtr parent, const char *dir, size_t page, size_t pages, size_t total);
/* Site paths of the pages, without base URL and language. */
void path_doc(char *buf, size_t n, const char *lang, long long id);
void path_doc_data(char *buf, size_t n, long long id, const char *suffix);
void path_program(char *buf, size_t n, const char *lang, long long id);
void path_list(char *buf, size_t n, const char *lang, const char *key, size_t page);
int gen_render(struct gen *g, const char *xslname, xmlDocPtr page, const char *path,
               struct ob_err *err);
int gen_mkdirs(const char *root, const char *rel);

/* ---- page builders, one file each: write the pages of one unit ---- */
int page_root(struct gen *g, struct ob_err *err);
int page_home(struct gen *g, int lang, struct ob_err *err);
int page_browse(struct gen *g, int lang, const char *family, struct ob_err *err);
int page_list(struct gen *g, int lang, const struct group *gr, size_t page, struct ob_err *err);
int page_doc(struct gen *g, int lang, long long id, struct ob_err *err);
int page_programs(struct gen *g, int lang, int fgroup, struct ob_err *err);
int page_program(struct gen *g, int lang, long long id, struct ob_err *err);
int page_charts(struct gen *g, int lang, int year, struct ob_err *err);
int page_catalogue(struct gen *g, int lang, long long shard, struct ob_err *err);

/* ---- open data (csv.c, fdp.c) ---- */
int data_doc(struct gen *g, long long id, struct ob_err *err);
int data_fdp_year(struct gen *g, int year, struct ob_err *err);
int data_fdp_package(struct gen *g, struct ob_err *err);
int data_static(struct gen *g, const char *bucket, struct ob_err *err);
FILE *data_open(struct gen *g, const char *rel, struct ob_err *err);
int data_close(FILE *f, const char *rel, struct ob_err *err);
/* ".attORD.NAME": an attachment file name safe in a URL and a file system. */
void data_attachment_suffix(char *buf, size_t n, int ord, const char *name);

#endif
