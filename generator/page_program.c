/* Budget programs: the index by functional group (/kk/program/), a page per
 * group (/kk/program/gN.html), and a page per program
 * (/kk/program/SHARD/ID.html) with its documents, the history of its
 * passport indicators across years (P-9) and its plan against execution
 * from the implementation reports (P-10). */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static void x_program(xmlNodePtr n, const struct gen *g, const struct ref_program *p, int lang)
{
	char href[128];

	x_int(n, "id", p->id);
	x_attr(n, "code", p->code);
	x_int(n, "fgroup", p->fgroup);
	path_program(href, sizeof href, gen_lang[lang], p->id);
	x_attr(n, "href", href);
	x_el(n, "name", p->name[lang]);
	x_admin(n, g, p->admin_id, lang);
}

int page_programs(struct gen *g, int lang, int fgroup, struct ob_err *err)
{
	char path[64];
	xmlNodePtr root;
	xmlDocPtr doc;

	if (fgroup == 0)
		snprintf(path, sizeof path, "%s/program/", gen_lang[lang]);
	else
		snprintf(path, sizeof path, "%s/program/g%d.html", gen_lang[lang], fgroup);
	doc = page_new(g, "programs", lang, path, &root);
	for (int c = 1; c <= 15; c++) {
		xmlNodePtr n;
		char href[64];
		long long count = 0;

		if (fgroup != 0 && c != fgroup)
			continue;
		for (size_t i = 0; i < g->ref.nprograms; i++)
			count += g->ref.programs[i].fgroup == c;
		n = x_el(root, "fgroup", g->ref.fgroups[c][lang]);
		x_int(n, "code", c);
		x_int(n, "count", count);
		snprintf(href, sizeof href, "%s/program/g%d.html", gen_lang[lang], c);
		x_attr(n, "href", href);
		for (size_t i = 0; fgroup != 0 && i < g->ref.nprograms; i++)
			if (g->ref.programs[i].fgroup == c)
				x_program(x_el(n, "program", NULL), g, &g->ref.programs[i], lang);
	}
	return gen_render(g, "programs", doc, path, err);
}

struct hist {
	int lang;
	xmlNodePtr ind, exec, years;
	long long max;
	struct ident { const char *kind, *sub, *name[2]; xmlNodePtr node; } *ids;
	size_t nids, cap;
	char *strs[4096];
	size_t nstrs;
};

static const char *keep(struct hist *h, const char *s)
{
	if (s == NULL || h->nstrs == sizeof h->strs / sizeof h->strs[0])
		return s == NULL ? "" : NULL;
	return h->strs[h->nstrs++] = strdup(s);
}

/* Rows arrive by year: a year is new unless it is the last one added. */
static void add_year(struct hist *h, int year)
{
	xmlNodePtr y = h->years->last;

	if (y != NULL) {
		xmlChar *v = xmlGetProp(y, (const xmlChar *)"y");
		int same = atoi((const char *)v) == year;

		xmlFree(v);
		if (same)
			return;
	}
	x_int(x_el(h->years, "year", NULL), "y", year);
}

/* Indicators are matched across years by kind, subprogram and both names. */
static int on_indicator(const struct site_indicator *i, void *arg)
{
	static const char *const cols[5] = { "actual", "plan", "plan1", "plan2", "plan3" };
	struct hist *h = arg;
	const char *sub = i->subprogram ? i->subprogram : "";
	struct ident *id = NULL;
	xmlNodePtr v;

	for (size_t k = 0; k < h->nids && id == NULL; k++)
		if (strcmp(h->ids[k].kind, i->kind) == 0 && strcmp(h->ids[k].sub, sub) == 0 &&
		    strcmp(h->ids[k].name[0], i->name[0]) == 0 && strcmp(h->ids[k].name[1], i->name[1]) == 0)
			id = &h->ids[k];
	if (id == NULL) {
		if (h->nids == h->cap) {
			size_t cap = h->cap ? h->cap * 2 : 16;
			struct ident *p = realloc(h->ids, cap * sizeof *p);

			if (p == NULL)
				return -1;
			h->ids = p;
			h->cap = cap;
		}
		id = &h->ids[h->nids++];
		*id = (struct ident){ keep(h, i->kind), keep(h, sub), { keep(h, i->name[0]), keep(h, i->name[1]) },
		                      x_el(h->ind, "indicator", NULL) };
		if (id->kind == NULL || id->sub == NULL || id->name[0] == NULL || id->name[1] == NULL)
			return -1;
		x_attr(id->node, "kind", i->kind);
		x_attr(id->node, "subprogram", i->subprogram);
		x_el(id->node, "name", i->name[h->lang]);
		x_el(id->node, "unit", i->unit[h->lang]);
	}
	add_year(h, i->year);
	/* A later passport of the same year replaces the earlier one's values;
	 * rows arrive by year, so it can only be the last value. */
	if (id->node->last != NULL && strcmp((const char *)id->node->last->name, "v") == 0) {
		xmlNodePtr o = id->node->last;
		xmlChar *y = xmlGetProp(o, (const xmlChar *)"y");
		int same = y != NULL && atoi((const char *)y) == i->year;

		xmlFree(y);
		if (same) {
			xmlUnlinkNode(o);
			xmlFreeNode(o);
		}
	}
	v = x_el(id->node, "v", NULL);
	x_int(v, "y", i->year);
	for (int k = 0; k < 5; k++)
		if (i->has[k])
			x_int(v, cols[k], i->v[k]);
	return 0;
}

static int on_exec(const struct site_exec *e, void *arg)
{
	struct hist *h = arg;
	xmlNodePtr n;

	if (h->exec->last != NULL) {
		xmlChar *y = xmlGetProp(h->exec->last, (const xmlChar *)"y");
		int same = atoi((const char *)y) == e->year;

		xmlFree(y);
		if (same) {  /* the later report of the year counts */
			n = h->exec->last;
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	}
	n = x_el(h->exec, "year", NULL);
	x_int(n, "y", e->year);
	x_int(n, "plan", e->corrected);
	x_int(n, "approved", e->approved);
	x_int(n, "executed", e->executed);
	x_int(n, "savings", e->savings);
	x_int(n, "under-execution", e->under_execution);
	if (e->corrected > h->max)
		h->max = e->corrected;
	if (e->executed > h->max)
		h->max = e->executed;
	return 0;
}

int page_program(struct gen *g, int lang, long long id, struct ob_err *err)
{
	const struct ref_program *p = ref_program(&g->ref, id);
	struct hist h = { .lang = lang };
	char path[128];
	xmlNodePtr root, prog, docs;
	xmlDocPtr doc;
	int rc = -1;

	path_program(path, sizeof path, gen_lang[lang], id);
	doc = page_new(g, "program", lang, path, &root);
	if (p == NULL) {
		ob_err_set(err, "storage", 0, "program %lld: not found", id);
		goto out;
	}
	prog = x_el(root, "program", NULL);
	x_program(prog, g, p, lang);
	x_attr(prog, "fgroup-name", g->ref.fgroups[p->fgroup > 0 && p->fgroup < 16 ? p->fgroup : 0][lang]);
	docs = x_el(prog, "docs", NULL);
	for (size_t i = g->idx.ndocs; i-- > 0;)
		if (g->idx.docs[i].program_id == id)
			x_doc_ref(docs, g, &g->idx.docs[i], lang);
	h.years = x_el(prog, "years", NULL);
	h.ind = x_el(prog, "indicators", NULL);
	h.exec = x_el(prog, "execution", NULL);
	if (db_site_program_indicators(g->db, id, on_indicator, &h, err) != 0 ||
	    db_site_program_execution(g->db, id, on_exec, &h, err) != 0) {
		if (err->code[0] == '\0')
			ob_err_set(err, "io", 0, "out of memory");
		goto out;
	}
	x_int(h.exec, "max", h.max);
	rc = gen_render(g, "program", doc, path, err);
	doc = NULL;
out:
	for (size_t i = 0; i < h.nstrs; i++)
		free(h.strs[i]);
	free(h.ids);
	xmlFreeDoc(doc);
	return rc;
}
