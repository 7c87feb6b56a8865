/* XSLT: every stylesheet of templates/ is compiled once per run and kept;
 * compiled stylesheets are only read while transforming, so the render
 * threads share them (each transformation has its own context).  The UI
 * strings come from generator/strings.c, parsed once.  Output is HTML5 in
 * XHTML syntax: well-formed XML (xmllint --noout) that an HTML parser reads
 * the same way. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include <libxml/xmlsave.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "gen.h"
#include "ui_strings.h"

#define XSL_MAX 16

struct xsl {
	char dir[4096];
	pthread_mutex_t lock;  /* the table of compiled stylesheets */
	struct {
		char name[32];
		xsltStylesheetPtr style;
	} sheet[XSL_MAX];
	int nsheets;
};

struct xsl *xsl_open(const char *dir, struct ob_err *err)
{
	struct xsl *x = calloc(1, sizeof *x);
	char msg[512];

	if (x == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		return NULL;
	}
	snprintf(x->dir, sizeof x->dir, "%s", dir);
	pthread_mutex_init(&x->lock, NULL);
	xsltInitGlobals();  /* before any thread: it creates libxslt's own locks */
	if (strings_load(dir, gen_lang, GEN_LANGS, msg, sizeof msg) != 0) {
		ob_err_set(err, "xslt", 0, "%s", msg);
		xsl_close(x);
		return NULL;
	}
	return x;
}

void xsl_close(struct xsl *x)
{
	if (x == NULL)
		return;
	for (int i = 0; i < x->nsheets; i++)
		xsltFreeStylesheet(x->sheet[i].style);
	strings_free();
	pthread_mutex_destroy(&x->lock);
	free(x);
}

/* Compiled on first use: a no-op build compiles nothing. */
static xsltStylesheetPtr sheet(struct xsl *x, const char *name, struct ob_err *err)
{
	char path[4200];
	xsltStylesheetPtr s = NULL;

	pthread_mutex_lock(&x->lock);
	for (int i = 0; i < x->nsheets && s == NULL; i++)
		if (strcmp(x->sheet[i].name, name) == 0)
			s = x->sheet[i].style;
	if (s != NULL)
		goto out;
	if (x->nsheets == XSL_MAX) {
		ob_err_set(err, "xslt", 0, "too many stylesheets");
		goto out;
	}
	snprintf(path, sizeof path, "%s/%s.xsl", x->dir, name);
	if ((s = xsltParseStylesheetFile((const xmlChar *)path)) == NULL) {
		ob_err_set(err, "xslt", 0, "%s: cannot compile the stylesheet", path);
		goto out;
	}
	snprintf(x->sheet[x->nsheets].name, sizeof x->sheet[0].name, "%s", name);
	x->sheet[x->nsheets++].style = s;
out:
	pthread_mutex_unlock(&x->lock);
	return s;
}

int xsl_prepare(struct xsl *x, const char *name, struct ob_err *err)
{
	return sheet(x, name, err) != NULL ? 0 : -1;
}

/* The serializer writes the bytes; the one line that no XSLT 1.0 output
 * method produces is the HTML5 doctype. */
static const char doctype[] = "<!DOCTYPE html>\n";

/* The page is serialized into memory and written with one writev(2): a
 * streamed serializer flushes every 4 KiB, three or more writes a page. */
static int write_page(const char *path, xmlBufferPtr buf, struct ob_err *err)
{
	struct iovec iov[2] = {
		{ (void *)doctype, sizeof doctype - 1 },
		{ (void *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf) },
	};
	int fd, rc = -1;

	/* O_EXCL: a file of an earlier generation is hard-linked, never rewritten. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0) {
		ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < 2;) {
		ssize_t w = writev(fd, iov + i, 2 - i);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			ob_err_set(err, "io", 0, "%s: cannot write", path);
			goto out;
		}
		while (i < 2 && (size_t)w >= iov[i].iov_len)
			w -= (ssize_t)iov[i++].iov_len;
		if (i < 2) {
			iov[i].iov_base = (char *)iov[i].iov_base + w;
			iov[i].iov_len -= (size_t)w;
		}
	}
	rc = 0;
out:
	if (close(fd) != 0 && rc == 0) {
		ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	return rc;
}

int xsl_render(struct xsl *x, const char *name, xmlDocPtr page, const char *path,
               struct ob_err *err)
{
	xsltStylesheetPtr s;
	xsltTransformContextPtr ctxt = NULL;
	xmlDocPtr out = NULL;
	xmlSaveCtxtPtr save = NULL;
	xmlBufferPtr buf = NULL;
	int rc = -1;

	if ((s = sheet(x, name, err)) == NULL)
		goto out;
	if ((ctxt = xsltNewTransformContext(s, page)) == NULL)
		goto fail;
	xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET);
	out = xsltApplyStylesheetUser(s, page, NULL, NULL, NULL, ctxt);
	if (out == NULL || ctxt->state != XSLT_STATE_OK)
		goto fail;
	if ((buf = xmlBufferCreateSize(32768)) == NULL ||
	    (save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_XHTML)) == NULL ||
	    xmlSaveDoc(save, out) < 0) {
		ob_err_set(err, "io", 0, "%s: cannot serialize", path);
		goto out;
	}
	if (xmlSaveClose(save) < 0) {
		save = NULL;
		ob_err_set(err, "io", 0, "%s: cannot serialize", path);
		goto out;
	}
	save = NULL;
	rc = write_page(path, buf, err);
	goto out;
fail:
	ob_err_set(err, "xslt", 0, "templates/%s.xsl: transformation failed for %s", name, path);
out:
	if (save != NULL)
		xmlSaveClose(save);
	xmlBufferFree(buf);
	xmlFreeDoc(out);
	xsltFreeTransformContext(ctxt);
	return rc;
}
