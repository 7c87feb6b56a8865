/* The plan of a build: every unit of the site with the signature of what
 * it shows, and where its files lie (issue 3.8).  A unit whose signature
 * is unchanged since the previous build is not rendered again. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "discussion.h"
#include "lifecycle_pages.h"

/* A new unit at the end of the plan, its key empty. */
static struct unit *slot(struct units *us, int type, uint64_t sig)
{
	struct unit *u;

	if (us->n == us->cap) {
		size_t cap = us->cap ? us->cap * 2 : 1024;
		struct unit *p = realloc(us->u, cap * sizeof *p);

		if (p == NULL)
			return NULL;
		us->u = p;
		us->cap = cap;
	}
	u = &us->u[us->n++];
	memset(u, 0, sizeof *u);
	u->type = type;
	u->sig = sig;
	return u;
}

static struct unit *add(struct units *us, int type, uint64_t sig, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

static struct unit *add(struct units *us, int type, uint64_t sig, const char *fmt, ...)
{
	struct unit *u = slot(us, type, sig);
	va_list ap;

	if (u == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(u->key, sizeof u->key, fmt, ap);
	va_end(ap);
	return u;
}

struct unit *units_add_key(struct units *us, int type, uint64_t sig, const char *key)
{
	return add(us, type, sig, "%s", key);
}

/* The key PREFIX ID SUFFIX ("doc/", 12, "-press") without printf: a plan
 * makes one or two per document, ~38,000 on the bench site, and vsnprintf
 * was half of the plan's time.  u->n is set to id. */
struct unit *units_add_id(struct units *us, int type, uint64_t sig, const char *prefix,
                          long long id, const char *suffix)
{
	char digits[24], *d = digits + sizeof digits;
	unsigned long long v = id < 0 ? 0 - (unsigned long long)id : (unsigned long long)id;
	size_t np = strlen(prefix), ns = strlen(suffix), nd;
	struct unit *u;

	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (id < 0)
		*--d = '-';
	nd = (size_t)(digits + sizeof digits - d);
	if (np + nd + ns >= sizeof u->key)
		u = add(us, type, sig, "%s%lld%s", prefix, id, suffix);  /* truncated as before */
	else if ((u = slot(us, type, sig)) != NULL) {
		memcpy(u->key, prefix, np);
		memcpy(u->key + np, d, nd);
		memcpy(u->key + np + nd, suffix, ns + 1);
	}
	if (u != NULL)
		u->n = id;
	return u;
}

/* A page that shows a document's content: any change to it. */
static uint64_t sig_doc(uint64_t h, const struct idoc *d)
{
	return sig_int(sig_int(h, d->id), d->seq);
}

/* A page that lists a document: its header (struct idoc's head). */
static uint64_t sig_head(uint64_t h, const struct idoc *d)
{
	return sig_int(h, (long long)d->head);
}

static int lists(struct gen *g, struct units *us)
{
	static const char *const families[] = { "kind", "year", "admin", "region" };
	const struct index *x = &g->idx;

	for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
		uint64_t h = SIG_INIT;
		struct unit *u;

		for (size_t i = 0; i < x->ngroups; i++)
			if (strcmp(x->groups[i].family, families[f]) == 0)
				h = sig_int(sig_str(h, x->groups[i].key), (long long)x->groups[i].ndocs);
		if ((u = add(us, U_BROWSE, h, "%s/index", families[f])) == NULL)
			return -1;
		u->family = families[f];
	}
	for (size_t i = 0; i < x->ngroups; i++) {
		const struct group *gr = &x->groups[i];
		size_t pages = group_pages(gr);

		for (size_t p = 1; p <= pages; p++) {
			uint64_t h = sig_int(sig_int(sig_int(SIG_INIT, (long long)gr->ndocs),
			                             (long long)pages), (long long)p);
			struct unit *u;
			char name[24];

			for (size_t k = (p - 1) * GEN_PAGE_SIZE; k < gr->ndocs && k < p * GEN_PAGE_SIZE; k++)
				h = sig_head(h, gr->docs[k]);
			if (p == 1)
				snprintf(name, sizeof name, "index");
			else
				snprintf(name, sizeof name, "%zu", p);
			if ((u = add(us, U_LIST, h, "%s/%s", gr->key, name)) == NULL)
				return -1;
			u->gr = gr;
			u->page = p;
		}
	}
	return 0;
}

/* What the home page shows: the nearest discussions, the latest
 * publications, and the P-5 and P-10 deadline counts. */
static uint64_t home_sig(const struct index *x)
{
	const struct group *disc = index_group(x, "discussion");
	const struct idoc *latest[GEN_HOME_ITEMS];
	struct deadline dl[128];
	size_t n = index_latest(x, latest, GEN_HOME_ITEMS), nd = index_deadlines(x, dl, 128);
	uint64_t h = sig_int(SIG_INIT, (long long)disc->ndocs);

	for (size_t i = 0; i < disc->ndocs && i < GEN_HOME_ITEMS; i++)
		h = sig_head(h, disc->docs[i]);
	for (size_t i = 0; i < n; i++)
		h = sig_head(h, latest[i]);
	for (size_t i = 0; i < nd; i++)
		h = sig_int(sig_int(sig_int(sig_int(h, dl[i].kind), dl[i].year), dl[i].posted), dl[i].late);
	return h;
}

int units_plan(struct gen *g, struct units *us, struct ob_err *err)
{
	const struct index *x = &g->idx;
	const struct ref *r = &g->ref;
	uint64_t *prog = NULL, chart[64], fdp[64], shard_h = SIG_INIT, pkg = SIG_INIT;
	struct unit *u;
	long long shard = -1;
	int rc = -1;

	if ((prog = malloc((r->nprograms + 1) * sizeof *prog)) == NULL)
		goto oom;
	for (size_t i = 0; i <= r->nprograms; i++)
		prog[i] = SIG_INIT;
	/* A chart page links every year's: its signature covers the years. */
	for (size_t y = 0; y < x->nyears; y++)
		shard_h = sig_int(shard_h, x->years[y]);
	for (size_t y = 0; y < x->nyears; y++) {
		chart[y] = sig_int(shard_h, x->years[y]);
		fdp[y] = sig_int(SIG_INIT, x->years[y]);
	}
	shard_h = SIG_INIT;
	if (add(us, U_ROOT, 1, "root/index") == NULL || add(us, U_STATIC, 1, "static/all") == NULL ||
	    add(us, U_SCHEMA, 1, "schema/all") == NULL ||
	    add(us, U_HOME, home_sig(x), "home/index") == NULL || lists(g, us) != 0)
		goto oom;
	for (size_t i = 0; i < x->ndocs; i++) {
		const struct idoc *d = &x->docs[i];
		const struct ref_program *p = ref_program(r, d->program_id);
		size_t y = 0;

		if (units_add_id(us, U_DOC, sig_doc(SIG_INIT, d), "doc/", d->id, "") == NULL)
			goto oom;
		if (p != NULL)
			prog[p - r->programs] = sig_doc(prog[p - r->programs], d);
		while (x->years[y] != d->year)
			y++;
		if (d->kind == K_BUDGET_REPORT || d->kind == K_IMPL_REPORT)
			chart[y] = sig_doc(chart[y], d);
		if (d->kind == K_BUDGET_REPORT || d->kind == K_FIN_STATEMENTS ||
		    d->kind == K_CITIZEN_BUDGET)
			fdp[y] = sig_doc(fdp[y], d);
		if (d->id / GEN_SHARD != shard) {
			if (shard >= 0 && units_add_id(us, U_CATALOGUE, shard_h, "catalogue/", shard, "") == NULL)
				goto oom;
			shard = d->id / GEN_SHARD;
			shard_h = SIG_INIT;
		}
		shard_h = sig_doc(shard_h, d);
	}
	if (shard >= 0) {
		if ((u = add(us, U_CATALOGUE, shard_h, "catalogue/%lld", shard)) == NULL)
			goto oom;
		u->n = shard;
	}
	for (size_t i = 0; i <= 15; i++) {
		if ((u = add(us, U_PROGRAMS, 1, i ? "program/g%zu" : "program/index", i)) == NULL)
			goto oom;
		u->n = (long long)i;
	}
	for (size_t i = 0; i < r->nprograms; i++) {
		if (units_add_id(us, U_PROGRAM, prog[i], "program/", r->programs[i].id, "") == NULL)
			goto oom;
	}
	shard_h = SIG_INIT;
	for (size_t y = 0; y < x->nyears; y++) {
		if ((u = add(us, U_CHARTS, chart[y], "charts/%d", x->years[y])) == NULL)
			goto oom;
		u->n = x->years[y];
		if ((u = add(us, U_FDP, fdp[y], "fdp/budget-lines-%d", x->years[y])) == NULL)
			goto oom;
		u->n = x->years[y];
		pkg = sig_int(pkg, (long long)fdp[y]);
		shard_h = sig_int(shard_h, x->years[y]);
	}
	if (add(us, U_CHARTS, shard_h, "charts/index") == NULL ||
	    add(us, U_FDP, pkg, "fdp/datapackage") == NULL ||
	    add(us, U_CATALOGUE, sig_int(pkg, (long long)x->ndocs / GEN_SHARD), "catalogue/index") == NULL)
		goto oom;
	us->u[us->n - 1].n = -1;
	/* Moderation and answer statistics: any change may move them. */
	if (add(us, U_STATS, sig_int(SIG_INIT, g->seq), "stats/index") == NULL)
		goto oom;
	/* Final reports, press releases, the feeds, compliance (P-5..P-17). */
	if (units_plan_lifecycle(g, us, err) != 0)
		goto out;
	rc = 0;
	goto out;
oom:
	ob_err_set(err, "io", 0, "out of memory");
out:
	free(prog);
	return rc;
}

void units_free(struct units *us)
{
	free(us->u);
	memset(us, 0, sizeof *us);
}

int unit_render(struct gen *g, const struct unit *u, const char *bucket, struct ob_err *err)
{
	int lang = strncmp(bucket, "ru", 2) == 0 && (bucket[2] == '/' || bucket[2] == '\0');

	switch (u->type) {
	case U_ROOT: return page_root(g, err);
	case U_STATIC: return data_static(g, "static", err);
	case U_SCHEMA: return data_static(g, "schema", err);
	case U_HOME: return page_home(g, lang, err);
	case U_BROWSE: return page_browse(g, lang, u->family, err);
	case U_LIST: return page_list(g, lang, u->gr, u->page, err);
	case U_DOC:
		return strncmp(bucket, "data/", 5) == 0 ? data_doc(g, u->n, err) : page_doc(g, lang, u->n, err);
	case U_PROGRAMS: return page_programs(g, lang, (int)u->n, err);
	case U_PROGRAM: return page_program(g, lang, u->n, err);
	case U_CHARTS: return page_charts(g, lang, (int)u->n, err);
	case U_CATALOGUE: return page_catalogue(g, lang, u->n, err);
	case U_FDP: return u->n ? data_fdp_year(g, (int)u->n, err) : data_fdp_package(g, err);
	case U_STATS: return page_stats(g, lang, err);
	case U_REPORT: case U_PRESS: case U_PRESS_LIST: case U_FEED: case U_COMPLIANCE:
		return unit_render_lifecycle(g, u, bucket, lang, err);
	}
	return 0;
}
