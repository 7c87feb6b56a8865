/* Reference data in memory for one build: administrators, regions,
 * programs, levels, functional groups.  Its hash is part of every page's
 * inputs: a renamed administrator rebuilds the whole site. */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static char *dup(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* Grows *p (of *n elements of size sz) by one zeroed element. */
static void *grow(void *pp, size_t *n, size_t sz)
{
	void **p = pp;
	char *q = realloc(*p, (*n + 1) * sz);

	if (q == NULL)
		return NULL;
	memset(q + *n * sz, 0, sz);
	*p = q;
	return q + (*n)++ * sz;
}

static int on_level(const struct site_level *l, void *arg)
{
	struct ref *r = arg;

	if (r->nlevels >= sizeof r->levels / sizeof r->levels[0])
		return 0;
	r->levels[r->nlevels][0] = dup(l->code);
	for (int i = 0; i < GEN_LANGS; i++)
		r->levels[r->nlevels][1 + i] = dup(l->name[i]);
	r->nlevels++;
	r->hash = sig_str(sig_str(sig_str(r->hash, l->code), l->name[0]), l->name[1]);
	return 0;
}

static int on_region(const struct site_region *s, void *arg)
{
	struct ref *r = arg;
	struct ref_region *x = grow(&r->regions, &r->nregions, sizeof *x);

	if (x == NULL)
		return -1;
	x->kato = dup(s->kato);
	x->kind = dup(s->kind);
	for (int i = 0; i < GEN_LANGS; i++)
		x->name[i] = dup(s->name[i]);
	r->hash = sig_str(sig_str(sig_str(r->hash, s->kato), s->name[0]), s->name[1]);
	return 0;
}

static int on_admin(const struct site_admin *a, void *arg)
{
	struct ref *r = arg;
	struct ref_admin *x = grow(&r->admins, &r->nadmins, sizeof *x);

	if (x == NULL)
		return -1;
	x->id = a->id;
	x->code = dup(a->code);
	x->bin = dup(a->bin);
	x->level = dup(a->level);
	x->region = dup(a->region);
	r->hash = sig_int(r->hash, a->id);
	r->hash = sig_str(sig_str(sig_str(r->hash, a->code), a->bin), a->region);
	for (int i = 0; i < GEN_LANGS; i++) {
		x->name[i] = dup(a->name[i]);
		r->hash = sig_str(r->hash, a->name[i]);
	}
	return 0;
}

static int on_fgroup(const struct site_fgroup *f, void *arg)
{
	struct ref *r = arg;

	if (f->code < 1 || f->code > 15)
		return 0;
	for (int i = 0; i < GEN_LANGS; i++) {
		r->fgroups[f->code][i] = dup(f->name[i]);
		r->hash = sig_str(r->hash, f->name[i]);
	}
	return 0;
}

static int on_program(const struct site_program *p, void *arg)
{
	struct ref *r = arg;
	struct ref_program *x = grow(&r->programs, &r->nprograms, sizeof *x);

	if (x == NULL)
		return -1;
	x->id = p->id;
	x->admin_id = p->admin_id;
	x->code = dup(p->code);
	x->fgroup = p->fgroup;
	x->fsubgroup = p->fsubgroup;
	r->hash = sig_int(sig_int(sig_int(r->hash, p->id), p->admin_id), p->fgroup);
	r->hash = sig_str(r->hash, p->code);
	for (int i = 0; i < GEN_LANGS; i++) {
		x->name[i] = dup(p->name[i]);
		r->hash = sig_str(r->hash, p->name[i]);
	}
	return 0;
}

int ref_load(struct ref *r, struct db_site *db, struct ob_err *err)
{
	memset(r, 0, sizeof *r);
	r->hash = SIG_INIT;
	if (db_site_levels(db, on_level, r, err) != 0 || db_site_regions(db, on_region, r, err) != 0 ||
	    db_site_admins(db, on_admin, r, err) != 0 || db_site_fgroups(db, on_fgroup, r, err) != 0 ||
	    db_site_programs(db, on_program, r, err) != 0) {
		if (err->code[0] == '\0')
			ob_err_set(err, "io", 0, "out of memory");
		return -1;
	}
	return 0;
}

/* meta.ref_seq is the seq of the last transaction that wrote a reference
 * table (schema/010_ref_seq.sql); a database without it (before the
 * migration) or an error counts as a change. */
int ref_changed_since(struct db_site *db, long long since)
{
	long long seq = db_site_ref_seq(db);

	return seq < 0 || seq > since;
}

void ref_free(struct ref *r)
{
	for (size_t i = 0; i < r->nadmins; i++) {
		struct ref_admin *a = &r->admins[i];

		free(a->code), free(a->bin), free(a->level), free(a->region);
		for (int l = 0; l < GEN_LANGS; l++)
			free(a->name[l]);
	}
	for (size_t i = 0; i < r->nregions; i++) {
		free(r->regions[i].kato), free(r->regions[i].kind);
		for (int l = 0; l < GEN_LANGS; l++)
			free(r->regions[i].name[l]);
	}
	for (size_t i = 0; i < r->nprograms; i++) {
		free(r->programs[i].code);
		for (int l = 0; l < GEN_LANGS; l++)
			free(r->programs[i].name[l]);
	}
	for (size_t i = 0; i < r->nlevels; i++)
		for (int l = 0; l < 1 + GEN_LANGS; l++)
			free(r->levels[i][l]);
	for (int c = 0; c < 16; c++)
		for (int l = 0; l < GEN_LANGS; l++)
			free(r->fgroups[c][l]);
	free(r->admins), free(r->regions), free(r->programs);
	memset(r, 0, sizeof *r);
}

const struct ref_admin *ref_admin(const struct ref *r, long long id)
{
	size_t lo = 0, hi = r->nadmins;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->admins[mid].id == id)
			return &r->admins[mid];
		if (r->admins[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct ref_program *ref_program(const struct ref *r, long long id)
{
	size_t lo = 0, hi = r->nprograms;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->programs[mid].id == id)
			return &r->programs[mid];
		if (r->programs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct ref_region *ref_region(const struct ref *r, const char *kato)
{
	for (size_t i = 0; kato != NULL && i < r->nregions; i++)
		if (strcmp(r->regions[i].kato, kato) == 0)
			return &r->regions[i];
	return NULL;
}

const char *ref_level(const struct ref *r, const char *code, int lang)
{
	for (size_t i = 0; code != NULL && i < r->nlevels; i++)
		if (strcmp(r->levels[i][0], code) == 0)
			return r->levels[i][1 + lang];
	return code;
}
