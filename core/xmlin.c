#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "xmlin.h"
#include "text.h"

struct guard {
	int doctype;
	int line;          /* the first error: later ones are often its echoes */
	char msg[256];
};

static void on_error(void *vctxt, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = vctxt;
	struct guard *g = ctxt->_private;

	if (g->msg[0] != '\0' || e == NULL || e->level < XML_ERR_ERROR)
		return;
	g->line = e->line;
	snprintf(g->msg, sizeof g->msg, "%s", e->message ? e->message : "not well-formed XML");
}

/* A DOCTYPE is where entities (and so XXE and billion laughs) come from:
 * stop the parser the moment one starts, before any declaration is read. */
static void on_doctype(void *vctxt, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = vctxt;
	struct guard *g = ctxt->_private;

	(void)name;
	(void)ext;
	(void)sys;
	g->doctype = 1;
	xmlStopParser(ctxt);
}

xmlDocPtr xml_parse_limited(const char *buf, size_t len, size_t max, struct ob_err *err)
{
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	struct guard g = { 0 };
	size_t bad;

	if (len > max) {
		ob_err_set(err, "too-large", 0, "input is %zu bytes, the limit is %zu", len, max);
		return NULL;
	}
	if (utf8_validate(buf, len, &bad) != 0) {
		ob_err_set(err, "encoding", text_line_at(buf, bad),
		           "invalid UTF-8 at byte %zu", bad);
		return NULL;
	}
	if ((ctxt = xmlCreateMemoryParserCtxt(buf, (int)len)) == NULL) {
		ob_err_set(err, "malformed", 0, "cannot create XML parser");
		return NULL;
	}
	ctxt->_private = &g;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	ctxt->sax->serror = on_error;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlParseDocument(ctxt);
	if (g.doctype) {
		ob_err_set(err, "doctype", ctxt->input ? ctxt->input->line : 0,
		           "DOCTYPE is not allowed");
		goto out;
	}
	if (!ctxt->wellFormed || ctxt->myDoc == NULL) {
		size_t n = strlen(g.msg);

		while (n > 0 && (g.msg[n - 1] == '\n' || g.msg[n - 1] == ' '))
			g.msg[--n] = '\0';
		ob_err_set(err, "malformed", g.line, "%s", n ? g.msg : "not well-formed XML");
		goto out;
	}
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
out:
	if (ctxt->myDoc != NULL)
		xmlFreeDoc(ctxt->myDoc);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

char *file_read_all(const char *path, size_t max, size_t *len, struct ob_err *err)
{
	FILE *f = NULL;
	char *buf = NULL;
	long size;

	if ((f = fopen(path, "rb")) == NULL) {
		ob_err_set(err, "io", 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		ob_err_set(err, "io", 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if ((size_t)size > max) {
		ob_err_set(err, "too-large", 0, "file is %ld bytes, the limit is %zu", size, max);
		goto out;
	}
	if ((buf = malloc((size_t)size + 1)) == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		goto out;
	}
	if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
		ob_err_set(err, "io", 0, "short read");
		free(buf);
		buf = NULL;
		goto out;
	}
	buf[size] = '\0';
	*len = (size_t)size;
out:
	fclose(f);
	return buf;
}

xmlDocPtr xml_parse_file_limited(const char *path, size_t max, struct ob_err *err)
{
	size_t len = 0;
	char *buf = file_read_all(path, max, &len, err);
	xmlDocPtr doc;

	if (buf == NULL)
		return NULL;
	doc = xml_parse_limited(buf, len, max, err);
	free(buf);
	return doc;
}
