/* Spending charts (/kk/charts/YEAR.html): plan and execution by functional
 * group, and plan against execution of the largest programs.  The XML holds
 * the numbers and the largest value; templates/charts.xsl draws inline SVG
 * and the same numbers as a table (the text alternative). */
#include <string.h>

#include "gen.h"

struct chart {
	struct gen *g;
	int lang;
	xmlNodePtr list;
	long long max;
};

static int on_fgroup(const struct site_total *t, void *arg)
{
	struct chart *c = arg;
	xmlNodePtr n = x_el(c->list, "fgroup", NULL);

	x_int(n, "code", t->id);
	x_int(n, "plan", t->plan);
	x_int(n, "executed", t->executed);
	if (t->id > 0 && t->id < 16)
		x_el(n, "name", c->g->ref.fgroups[t->id][c->lang]);
	if (t->plan > c->max)
		c->max = t->plan;
	if (t->executed > c->max)
		c->max = t->executed;
	return 0;
}

static int on_program(const struct site_total *t, void *arg)
{
	struct chart *c = arg;
	const struct ref_program *p = ref_program(&c->g->ref, t->id);
	xmlNodePtr n = x_el(c->list, "program", NULL);
	char href[128];

	x_int(n, "id", t->id);
	x_int(n, "plan", t->plan);
	x_int(n, "executed", t->executed);
	x_int(n, "savings", t->savings);
	x_int(n, "under-execution", t->under_execution);
	if (p != NULL) {
		x_attr(n, "code", p->code);
		path_program(href, sizeof href, gen_lang[c->lang], p->id);
		x_attr(n, "href", href);
		x_el(n, "name", p->name[c->lang]);
	}
	if (t->plan > c->max)
		c->max = t->plan;
	if (t->executed > c->max)
		c->max = t->executed;
	return 0;
}

int page_charts(struct gen *g, int lang, int year, struct ob_err *err)
{
	struct chart c = { .g = g, .lang = lang };
	char path[64];
	xmlNodePtr root;
	xmlDocPtr doc;

	if (year == 0)
		snprintf(path, sizeof path, "%s/charts/", gen_lang[lang]);
	else
		snprintf(path, sizeof path, "%s/charts/%d.html", gen_lang[lang], year);
	doc = page_new(g, "charts", lang, path, &root);
	for (size_t y = 0; y < g->idx.nyears; y++) {
		char href[64];

		snprintf(href, sizeof href, "%s/charts/%d.html", gen_lang[lang], g->idx.years[y]);
		x_attr(x_el(root, "year", NULL), "href", href);
		x_int(root->last, "y", g->idx.years[y]);
	}
	if (year != 0) {
		x_int(root, "year", year);
		c.list = x_el(root, "fgroups", NULL);
		if (db_site_fgroup_totals(g->db, year, on_fgroup, &c, err) != 0)
			goto fail;
		x_int(c.list, "max", c.max);
		c.max = 0;
		c.list = x_el(root, "programs", NULL);
		if (db_site_program_totals(g->db, year, GEN_CHART_PROGRAMS, on_program, &c, err) != 0)
			goto fail;
		x_int(c.list, "max", c.max);
	}
	return gen_render(g, "charts", doc, path, err);
fail:
	xmlFreeDoc(doc);
	return -1;
}
