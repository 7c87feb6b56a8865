/* XSLT: every stylesheet of templates/ is compiled once per run and kept;
 * the UI string files (templates/i18n/kk.xml and ru.xml) are parsed once and handed to
 * document() as copies.  Output is HTML5 in XHTML syntax: well-formed XML
 * (xmllint --noout) that an HTML parser reads the same way. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/xmlsave.h>
#include <libxslt/documents.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "gen.h"
#include "xmlin.h"

#define XSL_MAX 16

struct xsl {
	char dir[4096];
	struct {
		char name[32];
		xsltStylesheetPtr style;
	} sheet[XSL_MAX];
	int nsheets;
	xmlDocPtr i18n[GEN_LANGS];
};

static struct xsl *loader_owner; /* libxslt's loader hook is global */
static xsltDocLoaderFunc loader_default;

static xmlDocPtr load_doc(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                          xsltLoadType type)
{
	size_t n = strlen((const char *)uri);

	if (type == XSLT_LOAD_DOCUMENT && loader_owner != NULL && n > 12)
		for (int l = 0; l < GEN_LANGS; l++) {
			char tail[16];

			snprintf(tail, sizeof tail, "/i18n/%s.xml", gen_lang[l]);
			if (strcmp((const char *)uri + n - strlen(tail), tail) == 0 &&
			    loader_owner->i18n[l] != NULL)
				return xmlCopyDoc(loader_owner->i18n[l], 1);
		}
	return loader_default(uri, dict, options, ctxt, type);
}

struct xsl *xsl_open(const char *dir, struct ob_err *err)
{
	struct xsl *x = calloc(1, sizeof *x);
	char path[4200];

	if (x == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		return NULL;
	}
	snprintf(x->dir, sizeof x->dir, "%s", dir);
	for (int l = 0; l < GEN_LANGS; l++) {
		snprintf(path, sizeof path, "%s/i18n/%s.xml", dir, gen_lang[l]);
		if ((x->i18n[l] = xml_parse_file_limited(path, OB_XML_MAX, err)) == NULL) {
			char msg[sizeof err->msg];

			snprintf(msg, sizeof msg, "%s", err->msg);
			ob_err_set(err, err->code, err->line, "%s: %s", path, msg);
			xsl_close(x);
			return NULL;
		}
	}
	xsltSetLoaderFunc(NULL);  /* the library's own loader, to chain to */
	loader_default = xsltDocDefaultLoader;
	xsltSetLoaderFunc(load_doc);
	loader_owner = x;
	return x;
}

void xsl_close(struct xsl *x)
{
	if (x == NULL)
		return;
	for (int i = 0; i < x->nsheets; i++)
		xsltFreeStylesheet(x->sheet[i].style);
	for (int l = 0; l < GEN_LANGS; l++)
		xmlFreeDoc(x->i18n[l]);
	if (loader_owner == x) {
		loader_owner = NULL;
		xsltSetLoaderFunc(NULL);
	}
	free(x);
}

static xsltStylesheetPtr sheet(struct xsl *x, const char *name, struct ob_err *err)
{
	char path[4200];
	xsltStylesheetPtr s;

	for (int i = 0; i < x->nsheets; i++)
		if (strcmp(x->sheet[i].name, name) == 0)
			return x->sheet[i].style;
	if (x->nsheets == XSL_MAX) {
		ob_err_set(err, "xslt", 0, "too many stylesheets");
		return NULL;
	}
	snprintf(path, sizeof path, "%s/%s.xsl", x->dir, name);
	if ((s = xsltParseStylesheetFile((const xmlChar *)path)) == NULL) {
		ob_err_set(err, "xslt", 0, "%s: cannot compile the stylesheet", path);
		return NULL;
	}
	snprintf(x->sheet[x->nsheets].name, sizeof x->sheet[0].name, "%s", name);
	x->sheet[x->nsheets++].style = s;
	return s;
}

static int write_fd(void *ctx, const char *buf, int len)
{
	int fd = *(int *)ctx, done = 0;

	while (done < len) {
		ssize_t w = write(fd, buf + done, (size_t)(len - done));

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (int)w;
	}
	return len;
}

/* The serializer writes the bytes; the one line that no XSLT 1.0 output
 * method produces is the HTML5 doctype. */
static const char doctype[] = "<!DOCTYPE html>\n";

int xsl_render(struct xsl *x, const char *name, xmlDocPtr page, const char *path,
               struct ob_err *err)
{
	xsltStylesheetPtr s;
	xsltTransformContextPtr ctxt = NULL;
	xmlDocPtr out = NULL;
	xmlSaveCtxtPtr save = NULL;
	int fd = -1, rc = -1;

	if ((s = sheet(x, name, err)) == NULL)
		goto out;
	if ((ctxt = xsltNewTransformContext(s, page)) == NULL)
		goto fail;
	xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET);
	out = xsltApplyStylesheetUser(s, page, NULL, NULL, NULL, ctxt);
	if (out == NULL || ctxt->state != XSLT_STATE_OK)
		goto fail;
	/* O_EXCL: a file of an earlier generation is hard-linked, never rewritten. */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0) {
		ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (write_fd(&fd, doctype, (int)sizeof doctype - 1) < 0)
		goto io;
	save = xmlSaveToIO(write_fd, NULL, &fd, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_XHTML);
	if (save == NULL || xmlSaveDoc(save, out) < 0)
		goto io;
	if (xmlSaveClose(save) < 0) {
		save = NULL;
		goto io;
	}
	save = NULL;
	rc = 0;
	goto out;
io:
	ob_err_set(err, "io", 0, "%s: cannot write", path);
	goto out;
fail:
	ob_err_set(err, "xslt", 0, "templates/%s.xsl: transformation failed for %s", name, path);
out:
	if (save != NULL)
		xmlSaveClose(save);
	if (fd >= 0 && close(fd) != 0 && rc == 0) {
		ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	xmlFreeDoc(out);
	xsltFreeTransformContext(ctxt);
	return rc;
}
