/* The home page of a language (/kk/, /ru/) and the root page (/) that
 * links to both: documents in discussion with their end dates (P-9, P-10),
 * the latest publications, the deadline status (P-5, P-10). */
#include <string.h>

#include "gen.h"

int page_root(struct gen *g, struct ob_err *err)
{
	xmlNodePtr root;
	xmlDocPtr doc = page_new(g, "root", 0, "kk/", &root);

	/* Both languages on one page: path and alt point at the two homes. */
	xmlSetProp(root, (const xmlChar *)"path", (const xmlChar *)"");
	return gen_render(g, "root", doc, "index.html", err);
}

int page_home(struct gen *g, int lang, struct ob_err *err)
{
	const struct group *disc = index_group(&g->idx, "discussion");
	const struct idoc *latest[GEN_HOME_ITEMS];
	struct deadline dl[128];
	size_t n = index_latest(&g->idx, latest, GEN_HOME_ITEMS);
	size_t nd = index_deadlines(&g->idx, dl, sizeof dl / sizeof dl[0]);
	char path[16];
	xmlNodePtr root, sec;
	xmlDocPtr doc;

	snprintf(path, sizeof path, "%s/", gen_lang[lang]);
	doc = page_new(g, "home", lang, path, &root);
	sec = x_el(root, "discussion", NULL);
	x_int(sec, "total", (long long)disc->ndocs);
	for (size_t i = 0; i < disc->ndocs && i < GEN_HOME_ITEMS; i++)
		x_doc_ref(sec, g, disc->docs[i], lang);
	sec = x_el(root, "latest", NULL);
	for (size_t i = 0; i < n; i++)
		x_doc_ref(sec, g, latest[i], lang);
	sec = x_el(root, "deadlines", NULL);
	for (size_t i = 0; i < nd; i++) {
		xmlNodePtr d = x_el(sec, "deadline", NULL);

		x_attr(d, "rule", dl[i].rule);
		x_attr(d, "kind", gen_kind[dl[i].kind]);
		x_int(d, "year", dl[i].year);
		x_attr(d, "due", dl[i].due);
		x_int(d, "posted", dl[i].posted);
		x_int(d, "late", dl[i].late);
	}
	sec = x_el(root, "kinds", NULL);
	for (int k = 0; k < K_COUNT_; k++) {
		char key[64];
		const struct group *gr;
		xmlNodePtr e;

		snprintf(key, sizeof key, "kind/%s", gen_kind[k]);
		gr = index_group(&g->idx, key);
		e = x_el(sec, "kind", NULL);
		x_attr(e, "name", gen_kind[k]);
		x_int(e, "count", (long long)gr->ndocs);
	}
	return gen_render(g, "home", doc, path, err);
}
