/* Answers of obfcgi: XML bodies built with libxml2's tree API (never by
 * pasting strings), one namespace for all (urn:obkz:doc:1, docs/api.md). */
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>

#include "doc.h"
#include "server.h"

const char *http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

const char *req_param(struct worker *w, const char *name)
{
	const char *v = FCGX_GetParam(name, w->req.envp);

	return v ? v : "";
}

void reply_xml(struct worker *w, int http, xmlDocPtr doc)
{
	reply_xml_headers(w, http, doc, NULL);
}

void reply_xml_headers(struct worker *w, int http, xmlDocPtr doc, const char *headers)
{
	xmlChar *buf = NULL;
	int len = 0;

	xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
	FCGX_FPrintF(w->req.out, "Status: %d %s\r\nContent-Type: application/xml; charset=utf-8\r\n"
	             "Cache-Control: no-store\r\n%sContent-Length: %d\r\n\r\n", http, http_reason(http),
	             headers ? headers : "", len);
	FCGX_PutStr((const char *)buf, len, w->req.out);
	xmlFree(buf);
}

xmlNodePtr new_root(xmlDocPtr *doc, const char *name)
{
	xmlNodePtr root;

	*doc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewNode(NULL, (const xmlChar *)name);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)DOC_NS, NULL));
	xmlDocSetRootElement(*doc, root);
	return root;
}

void set_attr(xmlNodePtr n, const char *name, const char *value)
{
	if (value != NULL && *value != '\0')
		xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

void set_attr_int(xmlNodePtr n, const char *name, long long value)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", value);
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)buf);
}

void add_messages(xmlNodePtr n, const char *code)
{
	static const char *const langs[] = { "kk", "ru" };

	for (int i = 0; i < 2; i++) {
		xmlNodePtr m = xmlNewTextChild(n, NULL, (const xmlChar *)"message",
		                               (const xmlChar *)error_message(code, langs[i]));
		xmlNodeSetLang(m, (const xmlChar *)langs[i]);
	}
}

void reply_receipt(struct worker *w, int http, const struct receipt *r)
{
	xmlDocPtr doc;
	xmlNodePtr root = new_root(&doc, "receipt");
	char href[64];

	snprintf(href, sizeof href, "/api/receipts/%s", r->id);
	set_attr(root, "id", r->id);
	set_attr(root, "kind", r->kind);
	set_attr(root, "status", r->status);
	set_attr(root, "received", r->received);
	set_attr(root, "sha256", r->sha256);
	set_attr(root, "document", r->document);
	if (r->proposal > 0)
		set_attr_int(root, "proposal", r->proposal);
	if (r->request > 0)  /* issue 7: oversight access requests */
		set_attr_int(root, "request", r->request);
	set_attr(root, "href", href);
	reply_xml(w, http, doc);
	xmlFreeDoc(doc);
}

void reply_error(struct worker *w, const char *code, const char *detail)
{
	xmlDocPtr doc;
	xmlNodePtr root = new_root(&doc, "error");
	int status = error_status(code);

	set_attr(root, "code", code);
	set_attr_int(root, "status", status);
	add_messages(root, code);
	if (detail != NULL && *detail != '\0')
		xmlNewTextChild(root, NULL, (const xmlChar *)"detail", (const xmlChar *)detail);
	reply_xml(w, status, doc);
	xmlFreeDoc(doc);
}

void reply_err(struct worker *w, const struct ob_err *err)
{
	char detail[sizeof err->msg + 32];

	if (err->line > 0)
		snprintf(detail, sizeof detail, "line %d: %s", err->line, err->msg);
	else
		snprintf(detail, sizeof detail, "%s", err->msg);
	reply_error(w, err->code[0] ? err->code : "internal", detail);
}
