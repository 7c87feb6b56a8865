/* The lists of documents, 50 a page: per kind, year, administrator, region,
 * and the documents in discussion (/kk/kind/passport/, /kk/year/2026/2.html,
 * ...), and the page of each family listing its groups (/kk/admin/). */
#include <string.h>

#include "gen.h"

/* The group's name in the page language, when it has one in the data. */
static void group_name(xmlNodePtr n, const struct gen *g, const struct group *gr, int lang)
{
	const struct ref_region *r;

	if (strcmp(gr->family, "admin") == 0) {
		for (size_t i = 0; i < g->ref.nadmins; i++)
			if (strcmp(g->ref.admins[i].bin, gr->id) == 0) {
				const struct ref_admin *a = &g->ref.admins[i];

				x_attr(n, "name", a->name[lang]);
				x_attr(n, "code", a->code);
				x_attr(n, "level", ref_level(&g->ref, a->level, lang));
				if ((r = ref_region(&g->ref, a->region)) != NULL)
					x_attr(n, "region", r->name[lang]);
			}
	} else if (strcmp(gr->family, "region") == 0) {
		if ((r = ref_region(&g->ref, gr->id)) != NULL) {
			x_attr(n, "name", r->name[lang]);
			x_attr(n, "region-kind", r->kind);
		}
	}
}

int page_browse(struct gen *g, int lang, const char *family, struct ob_err *err)
{
	char path[64];
	xmlNodePtr root;
	xmlDocPtr doc;

	snprintf(path, sizeof path, "%s/%s/", gen_lang[lang], family);
	doc = page_new(g, "browse", lang, path, &root);
	x_attr(root, "family", family);
	for (size_t i = 0; i < g->idx.ngroups; i++) {
		const struct group *gr = &g->idx.groups[i];
		char href[128];
		xmlNodePtr n;

		if (strcmp(gr->family, family) != 0)
			continue;
		n = x_el(root, "group", NULL);
		x_attr(n, "id", gr->id);
		x_int(n, "count", (long long)gr->ndocs);
		path_list(href, sizeof href, gen_lang[lang], gr->key, 1);
		x_attr(n, "href", href);
		group_name(n, g, gr, lang);
	}
	return gen_render(g, "browse", doc, path, err);
}

/* An administrator's page also lists its budget programs. */
static void programs_of(xmlNodePtr root, const struct gen *g, const char *bin, int lang)
{
	const struct ref_admin *a = NULL;
	xmlNodePtr list = NULL;

	for (size_t i = 0; i < g->ref.nadmins && a == NULL; i++)
		if (strcmp(g->ref.admins[i].bin, bin) == 0)
			a = &g->ref.admins[i];
	for (size_t i = 0; a != NULL && i < g->ref.nprograms; i++) {
		const struct ref_program *p = &g->ref.programs[i];
		char href[128];
		xmlNodePtr n;

		if (p->admin_id != a->id)
			continue;
		if (list == NULL)
			list = x_el(root, "programs", NULL);
		n = x_el(list, "program", p->name[lang]);
		x_attr(n, "code", p->code);
		path_program(href, sizeof href, gen_lang[lang], p->id);
		x_attr(n, "href", href);
	}
}

int page_list(struct gen *g, int lang, const struct group *gr, size_t page, struct ob_err *err)
{
	char path[128], dir[128];
	size_t pages = group_pages(gr);
	xmlNodePtr root, list;
	xmlDocPtr doc;

	path_list(path, sizeof path, gen_lang[lang], gr->key, page);
	path_list(dir, sizeof dir, gen_lang[lang], gr->key, 1);
	doc = page_new(g, "list", lang, path, &root);
	x_attr(root, "family", gr->family);
	x_attr(root, "id", gr->id);
	group_name(root, g, gr, lang);
	x_pager(root, dir, page, pages, gr->ndocs);
	if (page == 1 && strcmp(gr->family, "admin") == 0)
		programs_of(root, g, gr->id, lang);
	list = x_el(root, "docs", NULL);
	for (size_t k = (page - 1) * GEN_PAGE_SIZE; k < gr->ndocs && k < page * GEN_PAGE_SIZE; k++)
		x_doc_ref(list, g, gr->docs[k], lang);
	return gen_render(g, "list", doc, path, err);
}
