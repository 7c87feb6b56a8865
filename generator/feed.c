/* /kk/atom.xml, /ru/atom.xml: an Atom feed (RFC 4287) per language of the
 * press releases (P-12), the new publications and the final reports
 * (P-17), the latest FEED_ENTRIES, newest first.  Deterministic: entries
 * carry dates only (midnight in Almaty), the feed's <updated> is its newest
 * entry's, ids are tag: URIs built from the page paths.
 *
 * The page XML goes through templates/atom.xsl like every page, but the
 * result is XML with the stylesheet's own xsl:output, not the XHTML-syntax
 * HTML of xsl_render: so this file compiles atom.xsl itself, once per
 * process, and serializes with xsltSaveResultToString. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "db_lifecycle.h"
#include "lifecycle_pages.h"

static pthread_mutex_t sheet_lock = PTHREAD_MUTEX_INITIALIZER;
static xsltStylesheetPtr sheet;  /* kept for the process's life (--watch) */

struct entries {
	struct gen *g;
	struct feed_entry *v;
	size_t n, cap;
};

static int entry_add(struct entries *e, const struct idoc *d, int type, const char *date)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 256;
		struct feed_entry *p = realloc(e->v, cap * sizeof *p);

		if (p == NULL)
			return -1;
		e->v = p;
		e->cap = cap;
	}
	e->v[e->n].d = d;
	e->v[e->n].type = type;
	snprintf(e->v[e->n].date, sizeof e->v[e->n].date, "%s", date);
	e->n++;
	return 0;
}

static int on_report(const struct final_report *r, void *arg)
{
	struct entries *e = arg;
	const struct idoc *d = index_doc(&e->g->idx, r->doc_id);

	return d != NULL && entry_add(e, d, FEED_REPORT, r->reported) != 0 ? -1 : 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct feed_entry *x = a, *y = b;
	int c = strcmp(y->date, x->date);

	if (c != 0)
		return c;
	if (x->d->id != y->d->id)
		return x->d->id < y->d->id ? 1 : -1;
	return x->type - y->type;
}

int feed_entries(struct gen *g, struct feed_entry *out, size_t *n, struct ob_err *err)
{
	struct entries e = { .g = g };
	int rc;

	*n = 0;
	/* The documents come newest first (x->order), in the feed's order: the
	 * newest FEED_ENTRIES of them and every final report hold the feed's. */
	for (size_t i = 0; i < g->idx.ndocs && i < FEED_ENTRIES; i++) {
		const struct idoc *d = g->idx.order[i];
		int press = d->kind == K_PASSPORT || d->kind == K_IMPL_REPORT;

		if (entry_add(&e, d, press ? FEED_PRESS : FEED_PUBLICATION, d->posted) != 0)
			goto oom;
	}
	if ((rc = db_final_report_list(g->st, on_report, &e, err)) != 0) {
		free(e.v);
		if (err->code[0] == '\0')  /* the callback's: out of memory */
			ob_err_set(err, "io", 0, "out of memory");
		return -1;
	}
	qsort(e.v, e.n, sizeof *e.v, newest_first);
	*n = e.n < FEED_ENTRIES ? e.n : FEED_ENTRIES;
	if (*n > 0)
		memcpy(out, e.v, *n * sizeof *out);
	free(e.v);
	return 0;
oom:
	free(e.v);
	return ob_err_set(err, "io", 0, "out of memory"), -1;
}

static xsltStylesheetPtr atom_sheet(struct gen *g, struct ob_err *err)
{
	char path[4200];
	xsltStylesheetPtr s;

	pthread_mutex_lock(&sheet_lock);
	if (sheet == NULL) {
		snprintf(path, sizeof path, "%s/templates/atom.xsl", g->share);
		sheet = xsltParseStylesheetFile((const xmlChar *)path);
	}
	s = sheet;
	pthread_mutex_unlock(&sheet_lock);
	if (s == NULL)
		ob_err_set(err, "xslt", 0, "templates/atom.xsl: cannot compile the stylesheet");
	return s;
}

static int write_file(const char *path, const xmlChar *buf, int len, struct ob_err *err)
{
	/* O_EXCL: a file of an earlier generation is hard-linked, never rewritten. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644), rc = 0;

	if (fd < 0)
		return ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno)), -1;
	for (int off = 0; off < len;) {
		ssize_t w = write(fd, buf + off, (size_t)(len - off));

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			ob_err_set(err, "io", 0, "%s: cannot write", path);
			rc = -1;
			break;
		}
		off += (int)w;
	}
	if (close(fd) != 0 && rc == 0) {
		ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	return rc;
}

static const char *const entry_type[] = { "report", "press", "publication" };

int page_feed(struct gen *g, int lang, struct ob_err *err)
{
	struct feed_entry e[FEED_ENTRIES];
	xsltStylesheetPtr s;
	xmlDocPtr doc = NULL, out = NULL;
	xmlChar *buf = NULL;
	xmlNodePtr root, feed;
	char path[64], file[4600], href[128];
	size_t n;
	int len = 0, rc = -1;

	if ((s = atom_sheet(g, err)) == NULL || feed_entries(g, e, &n, err) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/atom.xml", gen_lang[lang]);
	doc = page_new(g, "feed", lang, path, &root);
	feed = x_el(root, "feed", NULL);
	if (n > 0)
		x_attr(feed, "updated", e[0].date);
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr en = x_el(feed, "entry", NULL);

		x_attr(en, "type", entry_type[e[i].type]);
		x_attr(en, "date", e[i].date);
		if (e[i].type == FEED_PRESS)
			path_press(href, sizeof href, gen_lang[lang], e[i].d->id);
		else if (e[i].type == FEED_REPORT)
			path_report(href, sizeof href, gen_lang[lang], e[i].d->id);
		else
			path_doc(href, sizeof href, gen_lang[lang], e[i].d->id);
		x_attr(en, "href", href);
		x_doc_ref(en, g, e[i].d, lang);
	}
	if ((out = xsltApplyStylesheet(s, doc, NULL)) == NULL ||
	    xsltSaveResultToString(&buf, &len, out, s) != 0 || buf == NULL) {
		ob_err_set(err, "xslt", 0, "templates/atom.xsl: transformation failed for %s", path);
		goto out;
	}
	snprintf(file, sizeof file, "%s/%s", g->newdir, path);
	rc = write_file(file, buf, len, err);
out:
	xmlFree(buf);
	xmlFreeDoc(out);
	xmlFreeDoc(doc);
	return rc;
}
