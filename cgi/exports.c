/* The downloads of the consoles (issue 7.2, 7.5): the rows of
 * cgi/oversight_console.c as CSV (RFC 4180, core/csv.c) or as the XML tree
 * itself, so a download never disagrees with the page.
 *
 *   /console/oversight/export/NAME.EXT   an oversight reader, in scope, logged:
 *                                        NAME documents, proposals, votes,
 *                                        compliance; EXT csv or xml
 *   /console/audit.csv                   the operator: the audit log */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "csv.h"
#include "server.h"

/* The rows as CSV (RFC 4180): the first row's attribute names, then each
 * row's values in that order. */
static char *rows_csv(xmlNodePtr list, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	xmlNodePtr first = NULL;

	if (f == NULL)
		return NULL;
	for (xmlNodePtr c = list->children; c != NULL && first == NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			first = c;
	for (xmlAttrPtr at = first ? first->properties : NULL; at != NULL; at = at->next)
		csv_field(f, at == first->properties, (const char *)at->name);
	if (first != NULL)
		csv_end(f);
	for (xmlNodePtr c = list->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr at = c->properties; at != NULL; at = at->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)at);

			csv_field(f, at == c->properties, (const char *)v);
			xmlFree(v);
		}
		csv_end(f);
	}
	fclose(f);
	return buf;
}

static void reply_download(struct worker *w, xmlDocPtr doc, xmlNodePtr list, const char *name, int csv)
{
	char *body;
	size_t len = 0;

	if (!csv) {
		char headers[128];

		snprintf(headers, sizeof headers, "Content-Disposition: attachment; filename=\"%s.xml\"\r\n", name);
		reply_xml_headers(w, 200, doc, headers);
		return;
	}
	if ((body = rows_csv(list, &len)) == NULL) {
		reply_error(w, "internal", "out of memory");
		return;
	}
	FCGX_FPrintF(w->req.out, "Status: 200 OK\r\nContent-Type: text/csv; charset=utf-8\r\n"
	             "Content-Disposition: attachment; filename=\"%s.csv\"\r\nCache-Control: no-store\r\n"
	             "Content-Length: %lu\r\n\r\n", name, (unsigned long)len);
	FCGX_PutStr(body, (int)len, w->req.out);
	free(body);
}

/* NAME.csv or NAME.xml into name and *csv; -1 when it is neither. */
static int export_name(const char *rest, char *name, size_t size, int *csv)
{
	const char *dot = strrchr(rest, '.');

	if (dot == NULL || (size_t)(dot - rest) >= size || (strcmp(dot, ".csv") && strcmp(dot, ".xml")))
		return -1;
	memcpy(name, rest, (size_t)(dot - rest));
	name[dot - rest] = '\0';
	*csv = strcmp(dot, ".csv") == 0;
	return 0;
}

/* The session's person and roles, or an answer: 401 without a session. */
static int signed_in(struct worker *w, struct access *a)
{
	struct ob_err err = { 0 };
	struct session s;
	int rc;

	if (strcmp(req_param(w, "REQUEST_METHOD"), "GET") != 0)
		return reply_error(w, "method", "use GET"), -1;
	if ((rc = session_current(w, &s, &err)) < 0 || (rc == 1 && access_load(w->ro, &s.who, a, &err) != 0))
		return reply_err(w, &err), -1;
	if (rc == 0)
		return reply_error(w, "session-required", "sign in to the console first"), -1;
	return 0;
}

void handle_oversight_export(struct worker *w, const char *rest)
{
	struct ob_err err = { 0 };
	struct access a;
	char name[32], object[64];
	int csv;
	xmlDocPtr doc;
	xmlNodePtr list;

	if (signed_in(w, &a) != 0)
		return;
	if (a.oversight == 0) {
		reply_error(w, "role-missing", "exports are for oversight accounts");
		return;
	}
	if (export_name(rest, name, sizeof name, &csv) != 0) {
		reply_error(w, "not-found", rest);
		return;
	}
	list = new_root(&doc, "rows");
	snprintf(object, sizeof object, "export/%s", rest);
	if (oversight_rows(w, &a.ov, name, 0, list, &err) != 0 ||
	    oversight_log(w, &a.ov, "export", object, &err) != 0)
		reply_err(w, &err);
	else
		reply_download(w, doc, list, name, csv);
	xmlFreeDoc(doc);
}

void handle_audit_export(struct worker *w)
{
	struct ob_err err = { 0 };
	struct access a;
	xmlDocPtr doc;
	xmlNodePtr list;

	if (signed_in(w, &a) != 0)
		return;
	if (!a.operator) {
		reply_error(w, "role-missing", "the audit log is the operator's");
		return;
	}
	list = new_root(&doc, "rows");
	if (audit_rows(w, list, &err) != 0)
		reply_err(w, &err);
	else
		reply_download(w, doc, list, "audit", 1);
	xmlFreeDoc(doc);
}
