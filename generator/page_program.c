/* Budget programs: the index by functional group (/kk/program/), a page per
 * group (/kk/program/gN.html), and a page per program
 * (/kk/program/SHARD/ID.html) with its documents, the history of its
 * passport indicators across years (P-9) and its plan against execution
 * from the implementation reports (P-10). */
#include <stdio.h>

#include "gen.h"
#include "program_history.h"

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

/* <years>, <indicators> and <execution> of a program's page: the history
 * of core/program_history.h (P-9, P-10). */
static void x_history(xmlNodePtr prog, const struct program_history *h, int lang)
{
	static const char *const cols[5] = { "actual", "plan", "plan1", "plan2", "plan3" };
	xmlNodePtr years = x_el(prog, "years", NULL), ind = x_el(prog, "indicators", NULL);
	xmlNodePtr exec = x_el(prog, "execution", NULL);

	for (size_t y = 0; y < h->nyears; y++)
		x_int(x_el(years, "year", NULL), "y", h->years[y]);
	for (size_t i = 0; i < h->nids; i++) {
		const struct ph_indicator *id = &h->ids[i];
		xmlNodePtr n = x_el(ind, "indicator", NULL);

		x_attr(n, "kind", id->kind);
		x_attr(n, "subprogram", id->subprogram);
		x_el(n, "name", id->name[lang]);
		x_el(n, "unit", id->unit[lang]);
		for (size_t k = 0; k < id->nvals; k++) {
			xmlNodePtr v = x_el(n, "v", NULL);

			x_int(v, "y", id->vals[k].year);
			for (int c = 0; c < 5; c++)
				if (id->vals[k].has[c])
					x_int(v, cols[c], id->vals[k].v[c]);
		}
	}
	for (size_t i = 0; i < h->nexec; i++) {
		const struct ph_execution *e = &h->exec[i];
		xmlNodePtr n = x_el(exec, "year", NULL);

		x_int(n, "y", e->year);
		x_int(n, "plan", e->corrected);
		x_int(n, "approved", e->approved);
		x_int(n, "executed", e->executed);
		x_int(n, "savings", e->savings);
		x_int(n, "under-execution", e->under_execution);
	}
	x_int(exec, "max", h->max);
}

int page_program(struct gen *g, int lang, long long id, struct ob_err *err)
{
	const struct ref_program *p = ref_program(&g->ref, id);
	struct program_history h = { .nyears = 0 };
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
	if (program_history_load(g->db, id, &h, err) != 0)
		goto out;
	x_history(prog, &h, lang);
	rc = gen_render(g, "program", doc, path, err);
	doc = NULL;
out:
	program_history_free(&h);
	xmlFreeDoc(doc);
	return rc;
}
