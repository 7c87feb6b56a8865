/* P-12: on the day a passport or an implementation report is posted, a
 * press release announces its public discussion: the document, the period
 * (from the posting day to the last day, P-9, P-10) and how to take part
 * (sign a proposal or a vote with an EDS on the document's page, P-13,
 * P-14).  /L/doc/SHARD/ID-press.html beside the document's page (the
 * build's layout shards by document), and the list of every press release,
 * newest first, at /L/press/ (GEN_PAGE_SIZE a page).  Texts come from
 * templates/press.xsl and the UI strings. */
#include <stdlib.h>
#include <string.h>

#include "lifecycle_pages.h"

void path_press(char *buf, size_t n, const char *lang, long long id)
{
	snprintf(buf, n, "%s/doc/%lld/%lld-press.html", lang, id / GEN_SHARD, id);
}

int press_docs(const struct gen *g, const struct idoc ***out, size_t *n)
{
	const struct index *x = &g->idx;
	const struct idoc **v = malloc((x->ndocs + 1) * sizeof *v);

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return -1;
	for (size_t i = 0; i < x->ndocs; i++)  /* x->order: newest first */
		if (x->order[i]->kind == K_PASSPORT || x->order[i]->kind == K_IMPL_REPORT)
			v[(*n)++] = x->order[i];
	*out = v;
	return 0;
}

/* <doc> with the press release's own link and the document's program. */
static xmlNodePtr press_ref(xmlNodePtr parent, const struct gen *g, const struct idoc *d, int lang)
{
	xmlNodePtr n = x_doc_ref(parent, g, d, lang);
	const struct ref_program *p = ref_program(&g->ref, d->program_id);
	char href[128];

	path_press(href, sizeof href, gen_lang[lang], d->id);
	x_attr(n, "press-href", href);
	if (p != NULL) {
		xmlNodePtr e = x_el(n, "program", p->name[lang]);

		x_attr(e, "code", p->code);
		path_program(href, sizeof href, gen_lang[lang], p->id);
		x_attr(e, "href", href);
	}
	return n;
}

int page_press(struct gen *g, int lang, long long id, struct ob_err *err)
{
	const struct idoc *d = index_doc(&g->idx, id);
	char path[128];
	xmlNodePtr root;
	xmlDocPtr doc;

	if (d == NULL)
		return ob_err_set(err, "storage", 0, "document %lld: not public", id), -1;
	path_press(path, sizeof path, gen_lang[lang], id);
	doc = page_new(g, "press", lang, path, &root);
	press_ref(root, g, d, lang);
	return gen_render(g, "press", doc, path, err);
}

int page_press_list(struct gen *g, int lang, size_t page, struct ob_err *err)
{
	const struct idoc **docs = NULL;
	size_t n = 0, pages;
	char path[128], dir[128];
	xmlNodePtr root, list;
	xmlDocPtr doc;

	if (press_docs(g, &docs, &n) != 0)
		return ob_err_set(err, "io", 0, "out of memory"), -1;
	pages = n == 0 ? 1 : (n + GEN_PAGE_SIZE - 1) / GEN_PAGE_SIZE;
	path_list(path, sizeof path, gen_lang[lang], "press", page);
	path_list(dir, sizeof dir, gen_lang[lang], "press", 1);
	doc = page_new(g, "press-list", lang, path, &root);
	x_pager(root, dir, page, pages, n);
	list = x_el(root, "docs", NULL);
	for (size_t k = (page - 1) * GEN_PAGE_SIZE; k < n && k < page * GEN_PAGE_SIZE; k++)
		press_ref(list, g, docs[k], lang);
	free(docs);
	return gen_render(g, "press-list", doc, path, err);
}
