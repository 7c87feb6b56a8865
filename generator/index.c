/* The index of public documents and the lists of the site: per kind, per
 * year, per administrator, per region, and the documents in discussion.
 * Lists show the newest posting first; the discussion list the nearest end
 * date first (P-9, P-10). */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

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

struct load {
	struct index *x;
	size_t cap;
};

static char *dup(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

static int on_doc(const struct site_doc *d, void *arg)
{
	struct load *l = arg;
	struct index *x = l->x;
	struct idoc *c;

	if (x->ndocs == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct idoc *p = realloc(x->docs, cap * sizeof *p);

		if (p == NULL)
			return -1;
		x->docs = p;
		l->cap = cap;
	}
	c = &x->docs[x->ndocs++];
	*c = (struct idoc){ .id = d->id, .admin_id = d->admin_id, .program_id = d->program_id,
	                    .seq = d->seq, .kind = gen_kind_of(d->kind), .year = d->year,
	                    .version = d->version, .number = dup(d->number), .posted = dup(d->posted),
	                    .status = dup(d->status), .discussion_end = dup(d->discussion_end),
	                    .title = { dup(d->title[0]), dup(d->title[1]) } };
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

static int group_push(struct group *g, struct idoc *d)
{
	if (g->ndocs == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 16;
		struct idoc **p = realloc(g->docs, cap * sizeof *p);

		if (p == NULL)
			return -1;
		g->docs = p;
		g->cap = cap;
	}
	g->docs[g->ndocs++] = d;
	return 0;
}

static int newest_first(const void *a, const void *b)
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

int index_load(struct index *x, const struct ref *r, struct db_site *db, struct ob_err *err)
{
	struct load l = { x, 0 };
	size_t kinds, years, admins, regions;
	char buf[16];

	memset(x, 0, sizeof *x);
	if (db_site_docs(db, on_doc, &l, err) != 0)
		goto oom;
	for (size_t i = 0; i < x->ndocs; i++)
		if (add_year(x, x->docs[i].year) != 0)
			goto oom;
	x->groups = calloc(K_COUNT_ + x->nyears + r->nadmins + r->nregions + 2, sizeof *x->groups);
	if (x->groups == NULL)
		goto oom;
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
	group_add(x, "discussion", "");
	for (size_t i = 0; i < x->ndocs; i++) {
		struct idoc *d = &x->docs[i];
		const struct ref_admin *a = ref_admin(r, d->admin_id);
		size_t y = 0, reg = r->nregions;

		while (x->years[y] != d->year)
			y++;
		for (size_t k = 0; a != NULL && a->region != NULL && k < r->nregions; k++)
			if (strcmp(r->regions[k].kato, a->region) == 0)
				reg = k;
		if (group_push(&x->groups[kinds + (size_t)d->kind], d) != 0 ||
		    group_push(&x->groups[years + y], d) != 0 ||
		    (a != NULL && group_push(&x->groups[admins + (size_t)(a - r->admins)], d) != 0) ||
		    group_push(&x->groups[regions + reg], d) != 0 ||
		    (strcmp(d->status, "in-discussion") == 0 &&
		     group_push(&x->groups[x->ngroups - 1], d) != 0))
			goto oom;
	}
	for (size_t i = 0; i < x->ngroups; i++)
		if (x->groups[i].ndocs > 1)  /* an empty group has no array at all */
			qsort(x->groups[i].docs, x->groups[i].ndocs, sizeof(struct idoc *),
			      i + 1 < x->ngroups ? newest_first : ending_first);
	return 0;
oom:
	if (err->code[0] == '\0')
		ob_err_set(err, "io", 0, "out of memory or too many years");
	return -1;
}

void index_free(struct index *x)
{
	for (size_t i = 0; i < x->ndocs; i++) {
		struct idoc *d = &x->docs[i];

		free(d->number), free(d->posted), free(d->status), free(d->discussion_end);
		free(d->title[0]), free(d->title[1]);
	}
	for (size_t i = 0; i < x->ngroups; i++)
		free(x->groups[i].docs);
	free(x->docs);
	free(x->groups);
	memset(x, 0, sizeof *x);
}

const struct idoc *index_doc(const struct index *x, long long id)
{
	size_t lo = 0, hi = x->ndocs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (x->docs[mid].id == id)
			return &x->docs[mid];
		if (x->docs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
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
	size_t n = 0;

	for (size_t i = 0; i < x->ndocs; i++) {
		const struct idoc *d = &x->docs[i];
		size_t j;

		if (k == 0 || (n == k && newest_first(&d, &out[k - 1]) >= 0))
			continue;
		j = n < k ? n++ : k - 1;
		while (j > 0 && newest_first(&d, &out[j - 1]) < 0) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = d;
	}
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
