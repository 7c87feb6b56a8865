/* The consoles' HTML (issue 6.3, 6.4): a page is an XML tree of its data,
 * turned into HTML by templates/console.xsl with the same layout
 * (common.xsl) and UI strings (core/ui_strings.c) as the static site.
 * The stylesheet is compiled once at start-up, before the sandbox; the
 * workers share it read-only, each transformation with its own context. */
#include <stdio.h>
#include <string.h>
#include <libxml/xmlsave.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/xsltInternals.h>

#include "server.h"
#include "ui_strings.h"

static xsltStylesheetPtr console_sheet;
static xsltSecurityPrefsPtr no_io;

int render_init(const char *share, struct ob_err *err)
{
	static const char *const langs[] = { "kk", "ru" };
	char dir[4096], path[4200], msg[512];

	snprintf(dir, sizeof dir, "%s/templates", share);
	if (strings_load(dir, langs, 2, msg, sizeof msg) != 0)
		return ob_err_set(err, "internal", 0, "%s", msg), -1;
	/* The templates read nothing at run time and write nothing. */
	if ((no_io = xsltNewSecurityPrefs()) == NULL ||
	    xsltSetSecurityPrefs(no_io, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(no_io, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(no_io, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(no_io, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(no_io, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) != 0)
		return ob_err_set(err, "internal", 0, "xslt security preferences"), -1;
	snprintf(path, sizeof path, "%s/console.xsl", dir);
	if ((console_sheet = xsltParseStylesheetFile((const xmlChar *)path)) == NULL)
		return ob_err_set(err, "internal", 0, "%s: cannot compile the stylesheet", path), -1;
	return 0;
}

void render_free(void)
{
	if (console_sheet != NULL)
		xsltFreeStylesheet(console_sheet);
	if (no_io != NULL)
		xsltFreeSecurityPrefs(no_io);
	console_sheet = NULL;
	no_io = NULL;
	strings_free();
}

xmlNodePtr console_page_new(xmlDocPtr *doc, const char *lang, const char *page, const char *console)
{
	const char *other = strcmp(lang, "kk") == 0 ? "ru" : "kk";
	char path[128], alt[128];
	xmlNodePtr root;

	*doc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewNode(NULL, (const xmlChar *)"page");
	xmlDocSetRootElement(*doc, root);
	snprintf(path, sizeof path, "console/%s/%s", lang, page);
	snprintf(alt, sizeof alt, "console/%s/%s", other, page);
	xmlSetProp(root, (const xmlChar *)"lang", (const xmlChar *)lang);
	xmlSetProp(root, (const xmlChar *)"other", (const xmlChar *)other);
	xmlSetProp(root, (const xmlChar *)"base", (const xmlChar *)"/");
	xmlSetProp(root, (const xmlChar *)"path", (const xmlChar *)path);
	xmlSetProp(root, (const xmlChar *)"alt", (const xmlChar *)alt);
	xmlSetProp(root, (const xmlChar *)"console", (const xmlChar *)console);
	return root;
}

void reply_page(struct worker *w, int http, xmlDocPtr page, const char *headers)
{
	static const char doctype[] = "<!DOCTYPE html>\n";
	xsltTransformContextPtr ctxt = NULL;
	xmlDocPtr out = NULL;
	xmlBufferPtr buf = NULL;
	xmlSaveCtxtPtr save = NULL;

	if ((ctxt = xsltNewTransformContext(console_sheet, page)) == NULL ||
	    xsltSetCtxtSecurityPrefs(no_io, ctxt) != 0)
		goto fail;
	xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET);
	out = xsltApplyStylesheetUser(console_sheet, page, NULL, NULL, NULL, ctxt);
	if (out == NULL || ctxt->state != XSLT_STATE_OK || (buf = xmlBufferCreateSize(16384)) == NULL ||
	    (save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_XHTML)) == NULL ||
	    xmlSaveDoc(save, out) < 0)
		goto fail;
	xmlSaveClose(save);
	save = NULL;
	FCGX_FPrintF(w->req.out, "Status: %d %s\r\nContent-Type: text/html; charset=utf-8\r\n"
	             "Cache-Control: no-store\r\n%sContent-Length: %d\r\n\r\n%s", http, http_reason(http),
	             headers ? headers : "", (int)(sizeof doctype - 1) + xmlBufferLength(buf), doctype);
	FCGX_PutStr((const char *)xmlBufferContent(buf), xmlBufferLength(buf), w->req.out);
	goto out;
fail:
	reply_error(w, "internal", "the console page could not be rendered");
out:
	if (save != NULL)
		xmlSaveClose(save);
	xmlBufferFree(buf);
	xmlFreeDoc(out);
	xsltFreeTransformContext(ctxt);
}
