/* The page of one document (/kk/doc/SHARD/ID.html): header, discussion
 * period and status (P-9, P-10), the tree of structural parts (each with its
 * stable id as anchor: proposals attach to it), the document's tables,
 * attachments, and its open data files (issue 3.7). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "discussion.h"
#include "gen.h"
#include "lifecycle_pages.h"

struct ctx {
	struct gen *g;
	int lang;
	long long id;
	xmlNodePtr doc, tab;
	struct pnode { long long id, parent; xmlNodePtr node; } *parts;
	size_t nparts, cap;
	int count, row;
};

static int on_doc(const struct site_doc *d, void *arg)
{
	struct ctx *c = arg;
	struct gen *g = c->g;
	xmlNodePtr n = c->doc;
	const struct ref_program *p = ref_program(&g->ref, d->program_id);
	const struct ref_admin *a = ref_admin(&g->ref, d->admin_id);
	const struct ref_region *r = a ? ref_region(&g->ref, a->region) : NULL;
	char href[128];

	x_int(n, "id", d->id);
	x_attr(n, "number", d->number);
	x_attr(n, "kind", d->kind);
	x_int(n, "year", d->year);
	x_attr(n, "posted", d->posted);
	x_attr(n, "status", d->status);
	x_attr(n, "discussion-end", d->discussion_end);
	x_attr(n, "stage", d->stage);
	x_attr(n, "received", d->received);
	x_attr(n, "period", d->period);
	x_int(n, "version", d->version);
	x_el(n, "title", d->title[c->lang]);
	if (d->head[c->lang] != NULL)
		x_el(n, "head", d->head[c->lang]);
	x_admin(n, g, d->admin_id, c->lang);
	if (a != NULL)
		x_el(n, "level", ref_level(&g->ref, a->level, c->lang));
	if (r != NULL) {
		xmlNodePtr e = x_el(n, "region", r->name[c->lang]);

		snprintf(href, sizeof href, "%s/region/%s/", gen_lang[c->lang], r->kato);
		x_attr(e, "href", href);
	}
	if (p != NULL) {
		xmlNodePtr e = x_el(n, "program", p->name[c->lang]);

		x_attr(e, "code", p->code);
		path_program(href, sizeof href, gen_lang[c->lang], p->id);
		x_attr(e, "href", href);
	}
	return 0;
}

static int on_part(const struct site_part *p, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr n = xmlNewNode(NULL, (const xmlChar *)"part");

	if (c->nparts == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		struct pnode *q = realloc(c->parts, cap * sizeof *q);

		if (q == NULL) {
			xmlFreeNode(n);
			return -1;
		}
		c->parts = q;
		c->cap = cap;
	}
	c->parts[c->nparts++] = (struct pnode){ p->id, p->parent_id, n };
	x_int(n, "id", p->id);
	x_attr(n, "key", p->key);
	x_el(n, "title", p->title[c->lang]);
	if (p->text[c->lang] != NULL)
		x_el(n, "text", p->text[c->lang]);
	return 0;
}

/* Parts arrive in order; each goes under its parent, or the top level. */
static void parts_tree(struct ctx *c)
{
	xmlNodePtr top = x_el(c->doc, "parts", NULL);

	for (size_t i = 0; i < c->nparts; i++) {
		xmlNodePtr parent = top;

		for (size_t j = 0; c->parts[i].parent != 0 && j < c->nparts; j++)
			if (c->parts[j].id == c->parts[i].parent && j != i)
				parent = c->parts[j].node;
		xmlAddChild(parent, c->parts[i].node);
	}
}

static xmlNodePtr table(struct ctx *c, const char *name)
{
	if (c->tab == NULL || strcmp((const char *)c->tab->name, name) != 0)
		c->tab = x_el(c->doc, name, NULL);
	c->count++;
	return c->tab;
}

static const char *const ind_cols[5] = { "actual", "plan", "plan1", "plan2", "plan3" };

static int on_indicator(const struct site_indicator *i, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr n = x_el(table(c, "indicators"), "indicator", NULL);

	x_attr(n, "kind", i->kind);
	x_attr(n, "subprogram", i->subprogram);
	if (i->total)
		x_attr(n, "total", "yes");
	for (int k = 0; k < 5; k++)
		if (i->has[k])
			x_int(n, ind_cols[k], i->v[k]);
	x_el(n, "name", i->name[c->lang]);
	x_el(n, "unit", i->unit[c->lang]);
	return 0;
}

static int on_exec(const struct site_exec *e, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr n = x_el(table(c, "execution"), "row", NULL);

	x_attr(n, "subprogram", e->subprogram);
	if (e->total)
		x_attr(n, "total", "yes");
	x_int(n, "approved", e->approved);
	x_int(n, "specified", e->specified);
	x_int(n, "corrected", e->corrected);
	x_int(n, "executed", e->executed);
	x_int(n, "not-executed", e->not_executed);
	x_int(n, "savings", e->savings);
	x_int(n, "under-execution", e->under_execution);
	x_el(n, "name", e->name[c->lang]);
	if (e->reason[c->lang] != NULL)
		x_el(n, "reason", e->reason[c->lang]);
	return 0;
}

static int on_line(const struct site_line *l, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr n = x_el(table(c, "lines"), "line", NULL);

	if (l->total)
		x_attr(n, "total", "yes");
	if (l->fgroup)
		x_int(n, "fgroup", l->fgroup);
	if (l->fsubgroup)
		x_int(n, "fsubgroup", l->fsubgroup);
	x_attr(n, "admin", l->admin_code);
	x_attr(n, "program", l->program);
	x_attr(n, "subprogram", l->subprogram);
	x_int(n, "plan", l->plan);
	if (l->has_executed)
		x_int(n, "executed", l->executed);
	x_el(n, "name", l->name[c->lang]);
	return 0;
}

static int on_cell(const struct site_cell *cell, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr t = table(c, "grant");

	if (t->last == NULL || cell->row != c->row) {
		x_int(x_el(t, "row", NULL), "n", cell->row);
		c->row = cell->row;
	}
	x_int(x_el(t->last, "cell", cell->value), "col", cell->col);
	return 0;
}

/* A data file beside the page, with its size (P-3: open data, issue 3.7).
 * dir is the open directory of the document's data files: stat(2) of the
 * full path walked newdir and the bucket's symlink into the pool again for
 * each of the seven files (as in page_catalogue.c). */
static void data_file(int dir, xmlNodePtr list, long long id, const char *suffix,
                      const char *format, const char *table_name)
{
	char rel[256];
	struct stat sb;
	xmlNodePtr n;

	path_doc_data(rel, sizeof rel, id, suffix);
	if (dir < 0 || fstatat(dir, strrchr(rel, '/') + 1, &sb, 0) != 0)
		return;
	n = x_el(list, "file", NULL);
	x_attr(n, "href", rel);
	x_attr(n, "format", format);
	x_attr(n, "table", table_name);
	x_int(n, "size", (long long)sb.st_size);
}

/* The directory of the document's data files, open, or -1. */
static int data_dir(const struct gen *g, long long id)
{
	char rel[128], dir[4400];

	path_doc_data(rel, sizeof rel, id, "");
	*strrchr(rel, '/') = '\0';
	snprintf(dir, sizeof dir, "%s/%s", g->newdir, rel);
	return open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static int on_attach(const struct site_attachment *a, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr n = x_el(table(c, "attachments"), "attachment", a->name);
	char suffix[256], rel[300];

	data_attachment_suffix(suffix, sizeof suffix, a->ord, a->name);
	path_doc_data(rel, sizeof rel, c->id, suffix);
	x_attr(n, "href", rel);
	x_attr(n, "type", a->type);
	x_attr(n, "role", a->role);
	x_int(n, "size", a->size);
	return 0;
}

int page_doc(struct gen *g, int lang, long long id, struct ob_err *err)
{
	struct ctx c = { .g = g, .lang = lang, .id = id };
	static const char *const tables[] = { "indicators", "execution", "lines", "grant" };
	char path[128], suffix[64];
	xmlNodePtr root, files;
	xmlDocPtr doc;
	int rc = -1, datafd;

	path_doc(path, sizeof path, gen_lang[lang], id);
	doc = page_new(g, "doc", lang, path, &root);
	c.doc = x_el(root, "document", NULL);
	if (db_site_doc(g->db, id, on_doc, &c, err) != 1) {
		if (err->code[0] == '\0')
			ob_err_set(err, "storage", 0, "document %lld: not found", id);
		goto out;
	}
	if (db_site_parts(g->db, id, on_part, &c, err) != 0)
		goto out;
	parts_tree(&c);
	if (page_discussion(g, c.doc, err) != 0)
		goto out;
	if (page_doc_report(g, lang, c.doc, id, err) != 0)  /* P-17 */
		goto out;
	if (db_site_indicators(g->db, id, on_indicator, &c, err) != 0 ||
	    db_site_execution(g->db, id, on_exec, &c, err) != 0 ||
	    db_site_lines(g->db, id, on_line, &c, err) != 0 ||
	    db_site_cells(g->db, id, on_cell, &c, err) != 0 ||
	    db_site_attachments(g->db, id, on_attach, &c, err) != 0)
		goto out;
	files = x_el(c.doc, "data", NULL);
	datafd = data_dir(g, id);
	data_file(datafd, files, id, ".xml", "xml", "document");
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		snprintf(suffix, sizeof suffix, ".%s.csv", tables[t]);
		data_file(datafd, files, id, suffix, "csv", tables[t]);
	}
	data_file(datafd, files, id, ".discussion.xml", "xml", "discussion");
	data_file(datafd, files, id, ".discussion.csv", "csv", "discussion");
	if (datafd >= 0)
		close(datafd);
	rc = gen_render(g, "doc", doc, path, err);
	doc = NULL;
out:
	free(c.parts);
	xmlFreeDoc(doc);
	return rc;
}
