/* What every page's XML shares: the <page> root (language, the same page in
 * the other language, base URL, the synthetic-data banner), document and
 * administrator references, the pager, and the paths of the site. */
#include <stdio.h>
#include <string.h>

#include "gen.h"

xmlNodePtr x_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (text != NULL)
		xmlNodeAddContent(n, (const xmlChar *)text);
	return n;
}

void x_attr(xmlNodePtr n, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

void x_int(xmlNodePtr n, const char *name, long long v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", v);
	x_attr(n, name, buf);
}

/* path is the page's URL below the base, e.g. "kk/doc/0/12.html" or "kk/". */
xmlDocPtr page_new(const struct gen *g, const char *type, int lang, const char *path,
                   xmlNodePtr *root)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr r = xmlNewDocNode(doc, NULL, (const xmlChar *)"page", NULL);
	char alt[512];

	xmlDocSetRootElement(doc, r);
	x_attr(r, "type", type);
	x_attr(r, "lang", gen_lang[lang]);
	x_attr(r, "other", gen_lang[!lang]);
	x_attr(r, "base", g->opt.base);
	x_attr(r, "path", path);
	snprintf(alt, sizeof alt, "%s%s", gen_lang[!lang], path + strlen(gen_lang[lang]));
	x_attr(r, "alt", alt);
	if (g->opt.synthetic)
		x_attr(r, "synthetic", "yes");
	*root = r;
	return doc;
}

void path_doc(char *buf, size_t n, const char *lang, long long id)
{
	site_path_doc(buf, n, lang, id);
}

void path_doc_data(char *buf, size_t n, long long id, const char *suffix)
{
	snprintf(buf, n, "data/doc/%lld/%lld%s", id / GEN_SHARD, id, suffix);
}

void path_program(char *buf, size_t n, const char *lang, long long id)
{
	snprintf(buf, n, "%s/program/%lld/%lld.html", lang, id / GEN_SHARD, id);
}

void path_list(char *buf, size_t n, const char *lang, const char *key, size_t page)
{
	if (page <= 1)
		snprintf(buf, n, "%s/%s/", lang, key);
	else
		snprintf(buf, n, "%s/%s/%zu.html", lang, key, page);
}

void x_admin(xmlNodePtr parent, const struct gen *g, long long admin_id, int lang)
{
	const struct ref_admin *a = ref_admin(&g->ref, admin_id);
	char href[128];
	xmlNodePtr n;

	if (a == NULL)
		return;
	n = x_el(parent, "admin", a->name[lang]);
	x_attr(n, "code", a->code);
	x_attr(n, "bin", a->bin);
	x_attr(n, "level", a->level);
	snprintf(href, sizeof href, "%s/admin/%s/", gen_lang[lang], a->bin);
	x_attr(n, "href", href);
}

xmlNodePtr x_doc_ref(xmlNodePtr parent, const struct gen *g, const struct idoc *d, int lang)
{
	xmlNodePtr n = x_el(parent, "doc", NULL);
	char href[128];

	x_int(n, "id", d->id);
	x_attr(n, "number", d->number);
	x_attr(n, "kind", gen_kind[d->kind]);
	x_int(n, "year", d->year);
	x_attr(n, "posted", d->posted);
	x_attr(n, "status", d->status);
	x_attr(n, "discussion-end", d->discussion_end);
	path_doc(href, sizeof href, gen_lang[lang], d->id);
	x_attr(n, "href", href);
	x_el(n, "title", d->title[lang]);
	x_admin(n, g, d->admin_id, lang);
	return n;
}

void x_pager(xmlNodePtr parent, const char *dir, size_t page, size_t pages, size_t total)
{
	xmlNodePtr n = x_el(parent, "pager", NULL);

	x_int(n, "page", (long long)page);
	x_int(n, "pages", (long long)pages);
	x_int(n, "total", (long long)total);
	x_attr(n, "dir", dir);
}

int gen_render(struct gen *g, const char *xslname, xmlDocPtr page, const char *path,
               struct ob_err *err)
{
	char file[4600];
	size_t n = strlen(path);
	int rc;

	if (g->opt.dump != NULL) {
		char dir[4200], *slash;

		snprintf(dir, sizeof dir, "%s", path);
		if ((slash = strrchr(dir, '/')) != NULL)
			*slash = '\0';
		snprintf(file, sizeof file, "%s/%s.xml", g->opt.dump, path);
		if ((slash == NULL || gen_mkdirs(g->opt.dump, dir) == 0) && xmlSaveFile(file, page) < 0) {
			ob_err_set(err, "io", 0, "%s: cannot write", file);
			xmlFreeDoc(page);
			return -1;
		}
	}
	snprintf(file, sizeof file, "%s/%s%s", g->newdir, path,
	         n > 0 && path[n - 1] == '/' ? "index.html" : "");
	rc = xsl_render(g->xsl, xslname, page, file, err);
	xmlFreeDoc(page);
	return rc;
}
