/* The index of public documents and the lists of the site: per kind, per
 * year, per administrator, per region, and the documents in discussion.
 * Lists show the newest posting first; the discussion list the nearest end
 * date first (P-9, P-10). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "index_impl.h"

const char *const gen_lang[GEN_LANGS] = { "kk", "ru" };
const char *const gen_kind[K_COUNT_] = {
	"budget-report", "financial-statements", "citizen-budget", "audit-result", "passport",
	"implementation-report", "grant-report",
};

int gen_kind_of(const char *name)
{
	for (int k = 0; k < K_COUNT_; k++)
		if (strcmp(gen_kind[k], name) == 0)
			return k;
	return -1;
}

static char *dup(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

void index_idoc_free(struct idoc *d)
{
	free(d->number), free(d->posted), free(d->status), free(d->discussion_end);
	free(d->title[0]), free(d->title[1]);
}

static uint64_t sig_opt(uint64_t h, const char *s)
{
	return s != NULL ? sig_str(sig_int(h, 1), s) : sig_int(h, 0);
}

/* struct idoc's head: every field of it but seq and version. */
static uint64_t head_sig(const struct idoc *d)
{
	uint64_t h = sig_int(sig_int(sig_int(SIG_INIT, d->id), d->kind), d->year);

	h = sig_int(sig_int(h, d->admin_id), d->program_id);
	h = sig_opt(sig_opt(sig_opt(h, d->number), d->posted), d->status);
	h = sig_opt(h, d->discussion_end);
	return sig_opt(sig_opt(h, d->title[0]), d->title[1]);
}

/* Appends d; a draft (index_refresh's rows only) as its id alone, kind -1. */
int index_on_doc(const struct site_doc *d, void *arg)
{
	struct load *l = arg;
	struct idoc *c;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct idoc *p = realloc(l->v, cap * sizeof *p);

		if (p == NULL)
			return -1;
		l->v = p;
		l->cap = cap;
	}
	c = &l->v[l->n++];
	if (strcmp(d->status, "draft") == 0) {
		*c = (struct idoc){ .id = d->id, .seq = d->seq, .kind = -1 };
		return 0;
	}
	*c = (struct idoc){ .id = d->id, .admin_id = d->admin_id, .program_id = d->program_id,
	                    .seq = d->seq, .kind = gen_kind_of(d->kind), .year = d->year,
	                    .version = d->version, .number = dup(d->number), .posted = dup(d->posted),
	                    .status = dup(d->status), .discussion_end = dup(d->discussion_end),
	                    .title = { dup(d->title[0]), dup(d->title[1]) },
	                    .in_discussion = strcmp(d->status, "in-discussion") == 0 };
	c->head = head_sig(c);
	return c->kind < 0 ? -1 : 0;
}

static struct group *group_add(struct index *x, const char *family, const char *id)
{
	struct group *g;

	g = &x->groups[x->ngroups++];
	memset(g, 0, sizeof *g);
	g->family = family;
	if (strcmp(family, "discussion") == 0)
		snprintf(g->key, sizeof g->key, "%s", family);
	else
		snprintf(g->key, sizeof g->key, "%s/%s", family, id);
	g->id = strchr(g->key, '/') ? strchr(g->key, '/') + 1 : g->key;
	return g;
}

/* A total order (ids are unique): a list in this order is the same list
 * however it was built. */
int index_newest_first(const void *a, const void *b)
{
	const struct idoc *x = *(struct idoc *const *)a, *y = *(struct idoc *const *)b;
	int c = strcmp(y->posted, x->posted);

	return c != 0 ? c : (y->id > x->id) - (y->id < x->id);
}

static int ending_first(const void *a, const void *b)
{
	const struct idoc *x = *(struct idoc *const *)a, *y = *(struct idoc *const *)b;
	int c = strcmp(x->discussion_end ? x->discussion_end : "9999",
	               y->discussion_end ? y->discussion_end : "9999");

	return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

static int add_year(struct index *x, int y)
{
	size_t i = 0;

	while (i < x->nyears && x->years[i] < y)
		i++;
	if (i < x->nyears && x->years[i] == y)
		return 0;
	if (x->nyears == sizeof x->years / sizeof x->years[0])
		return -1;
	memmove(&x->years[i + 1], &x->years[i], (x->nyears - i) * sizeof x->years[0]);
	x->years[i] = y;
	x->nyears++;
	return 0;
}

static void groups_free(struct index *x)
{
	for (size_t i = 0; i < x->ngroups; i++)
		free(x->groups[i].docs);
	free(x->groups);
	x->groups = NULL;
	x->ngroups = 0;
}

/* The years and the lists, from x->docs and x->order, for reference data r;
 * replaces any lists built before.  Each list is a subsequence of x->order,
 * so it is already newest first: only the discussion list is sorted.  This
 * runs on every incremental build (index_refresh), so it reads the rows
 * once, in the order they lie in memory, into a small table of the lists
 * each is on, and walks the order over that table: then each list is
 * allocated once, and the walk touches no row (~1 ms less on the bench). */
int index_group_all(struct index *x, const struct ref *r)
{
	struct on { uint32_t admin; uint8_t kind, year, discussion; } *on = NULL;
	size_t kinds, years, admins, regions, disc, *region_of = NULL;
	uint32_t *by_id = NULL;
	long long max_id = r->nadmins > 0 ? r->admins[r->nadmins - 1].id : 0;
	char buf[16];
	int rc = -1;

	groups_free(x);
	x->nyears = 0;
	for (size_t i = 0; i < x->ndocs; i++)
		if (add_year(x, x->docs[i].year) != 0)
			return -1;
	if (r->nadmins >= UINT32_MAX)
		return -1;
	x->groups = calloc(K_COUNT_ + x->nyears + r->nadmins + r->nregions + 2, sizeof *x->groups);
	/* Each administrator's region, by position; r->nregions: central, and
	 * (at r->nadmins) a document whose administrator r does not have. */
	region_of = malloc((r->nadmins + 1) * sizeof *region_of);
	on = malloc((x->ndocs + 1) * sizeof *on);
	if (x->groups == NULL || region_of == NULL || on == NULL)
		goto out;
	for (size_t a = 0; a <= r->nadmins; a++) {
		region_of[a] = r->nregions;
		for (size_t k = 0; a < r->nadmins && r->admins[a].region != NULL && k < r->nregions; k++)
			if (strcmp(r->regions[k].kato, r->admins[a].region) == 0)
				region_of[a] = k;
	}
	/* Administrators by id, when their ids are dense enough (they are rowids
	 * from 1): a binary search per document cost 0.4 ms on the bench. */
	if (max_id >= 0 && max_id < 4 * (long long)r->nadmins + 1024 &&
	    (by_id = malloc(((size_t)max_id + 1) * sizeof *by_id)) != NULL) {
		for (long long id = 0; id <= max_id; id++)
			by_id[id] = (uint32_t)r->nadmins;
		for (size_t a = 0; a < r->nadmins; a++)
			if (r->admins[a].id >= 0)
				by_id[r->admins[a].id] = (uint32_t)a;
	}
	kinds = x->ngroups;
	for (int k = 0; k < K_COUNT_; k++)
		group_add(x, "kind", gen_kind[k]);
	years = x->ngroups;
	for (size_t i = 0; i < x->nyears; i++) {
		snprintf(buf, sizeof buf, "%d", x->years[i]);
		group_add(x, "year", buf);
	}
	admins = x->ngroups;
	for (size_t i = 0; i < r->nadmins; i++)
		group_add(x, "admin", r->admins[i].bin);
	regions = x->ngroups;
	for (size_t i = 0; i < r->nregions; i++)
		group_add(x, "region", r->regions[i].kato);
	group_add(x, "region", "central");
	disc = x->ngroups;
	group_add(x, "discussion", "");
	for (size_t i = 0; i < x->ndocs; i++) {
		const struct idoc *d = &x->docs[i];
		const struct ref_admin *a;
		struct on *o = &on[i];

		if (by_id != NULL)
			o->admin = d->admin_id >= 0 && d->admin_id <= max_id ? by_id[d->admin_id]
			                                                     : (uint32_t)r->nadmins;
		else
			o->admin = (a = ref_admin(r, d->admin_id)) != NULL ? (uint32_t)(a - r->admins)
			                                                   : (uint32_t)r->nadmins;
		o->kind = (uint8_t)d->kind;
		o->year = 0;
		while (x->years[o->year] != d->year)
			o->year++;
		o->discussion = (uint8_t)d->in_discussion;
		x->groups[kinds + o->kind].cap++;
		x->groups[years + o->year].cap++;
		if (o->admin < r->nadmins)
			x->groups[admins + o->admin].cap++;
		x->groups[regions + region_of[o->admin]].cap++;
		x->groups[disc].cap += o->discussion;
	}
	for (size_t g = 0; g < x->ngroups; g++)  /* an empty list has no array at all */
		if (x->groups[g].cap > 0 &&
		    (x->groups[g].docs = malloc(x->groups[g].cap * sizeof(struct idoc *))) == NULL)
			goto out;
	for (size_t i = 0; i < x->ndocs; i++) {
		struct idoc *d = x->order[i];
		const struct on *o = &on[d - x->docs];
		struct group *g;

		g = &x->groups[kinds + o->kind], g->docs[g->ndocs++] = d;
		g = &x->groups[years + o->year], g->docs[g->ndocs++] = d;
		if (o->admin < r->nadmins)
			g = &x->groups[admins + o->admin], g->docs[g->ndocs++] = d;
		g = &x->groups[regions + region_of[o->admin]], g->docs[g->ndocs++] = d;
		if (o->discussion)
			g = &x->groups[disc], g->docs[g->ndocs++] = d;
	}
	if (x->groups[disc].ndocs > 1)
		qsort(x->groups[disc].docs, x->groups[disc].ndocs, sizeof(struct idoc *), ending_first);
	x->ref = r;
	x->ref_hash = r->hash;
	rc = 0;
out:
	free(region_of);
	free(on);
	free(by_id);
	return rc;
}

int index_load(struct index *x, const struct ref *r, struct db_site *db, struct ob_err *err)
{
	struct load l = { 0 };
	struct site_census c;
	int rc;

	memset(x, 0, sizeof *x);
	rc = db_site_docs(db, index_on_doc, &l, err);
	x->docs = l.v;
	x->ndocs = l.n;
	if (rc != 0 || db_site_census(db, &c, err) != 0)
		goto oom;
	if ((x->order = malloc((x->ndocs + 1) * sizeof *x->order)) == NULL)
		goto oom;
	for (size_t i = 0; i < x->ndocs; i++)
		x->order[i] = &x->docs[i];
	qsort(x->order, x->ndocs, sizeof *x->order, index_newest_first);
	if (index_group_all(x, r) != 0)
		goto oom;
	x->census_n = c.n, x->census_max = c.max_id;
	return 0;
oom:
	if (err->code[0] == '\0')
		ob_err_set(err, "io", 0, "out of memory or too many years");
	return -1;
}

void index_free(struct index *x)
{
	for (size_t i = 0; i < x->ndocs; i++)
		index_idoc_free(&x->docs[i]);
	groups_free(x);
	free(x->docs);
	free(x->order);
	memset(x, 0, sizeof *x);
}

/* The first position in docs[0..n) (by id) whose id is not below id. */
size_t index_pos(const struct idoc *docs, size_t n, long long id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (docs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct idoc *index_doc(const struct index *x, long long id)
{
	size_t p = index_pos(x->docs, x->ndocs, id);

	return p < x->ndocs && x->docs[p].id == id ? &x->docs[p] : NULL;
}

const struct group *index_group(const struct index *x, const char *key)
{
	for (size_t i = 0; i < x->ngroups; i++)
		if (strcmp(x->groups[i].key, key) == 0)
			return &x->groups[i];
	return NULL;
}

size_t group_pages(const struct group *g)
{
	return g->ndocs == 0 ? 1 : (g->ndocs + GEN_PAGE_SIZE - 1) / GEN_PAGE_SIZE;
}

/* The k newest publications (posting date, then id), newest first. */
size_t index_latest(const struct index *x, const struct idoc **out, size_t k)
{
	size_t n = k < x->ndocs ? k : x->ndocs;

	for (size_t i = 0; i < n; i++)
		out[i] = x->order[i];
	return n;
}

/* P-10: reports on implementation by 1 April of the next year; P-5:
 * consolidated financial statements by 5 July of the next year.  Counted
 * from the posting dates, so the page never depends on today's date. */
size_t index_deadlines(const struct index *x, struct deadline *out, size_t max)
{
	static const struct { int kind; const char *rule, *mmdd; } rules[] = {
		{ K_IMPL_REPORT, "P-10", "04-01" },
		{ K_FIN_STATEMENTS, "P-5", "07-05" },
	};
	size_t n = 0;

	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++)
		for (size_t y = x->nyears; y-- > 0 && n < max;) {
			struct deadline *dl = &out[n];

			memset(dl, 0, sizeof *dl);
			dl->kind = rules[r].kind;
			dl->rule = rules[r].rule;
			dl->year = x->years[y];
			snprintf(dl->due, sizeof dl->due, "%04d-%s", dl->year + 1, rules[r].mmdd);
			for (size_t i = 0; i < x->ndocs; i++)
				if (x->docs[i].kind == dl->kind && x->docs[i].year == dl->year) {
					dl->posted++;
					dl->late += strcmp(x->docs[i].posted, dl->due) > 0;
				}
			n += dl->posted > 0;
		}
	return n;
}
