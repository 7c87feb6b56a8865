/* POST /api/documents/check: the administrator's check of a document
 * before signing it (issue 6.4).  The same checks as POST /api/documents
 * and `obctl import` (the XSD, the rules of the model, codes known, number
 * free), but every schema violation is listed with its line, and nothing is
 * stored.  Needs a session (a cookie) holding an administrator role and
 * the session's CSRF token in X-CSRF-Token: a cookie alone, as a foreign
 * page could send it, is not enough.
 *
 *   200 <check ok="yes" kind number/>
 *   422 <check ok="no"><problem line code><message lang>...</problem>...</check> */
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "db_documents.h"
#include "doc.h"
#include "server.h"
#include "xmlin.h"

#define PROBLEMS_MAX 50

struct problems {
	xmlNodePtr root;
	int n;
};

/* One problem with its line, its code and the kk and ru messages; a code
 * of the document model the API does not answer with is document-invalid
 * with the inner code kept in the detail (as POST /api/documents does). */
static void problem(const struct ob_err *e, void *arg)
{
	struct problems *p = arg;
	const char *code = error_status(e->code) != 500 ? e->code : "document-invalid";
	char detail[sizeof e->msg + sizeof e->code + 4];
	xmlNodePtr n;

	if (p->n++ >= PROBLEMS_MAX)
		return;
	n = xmlNewChild(p->root, NULL, (const xmlChar *)"problem", NULL);
	if (e->line > 0)
		set_attr_int(n, "line", e->line);
	set_attr(n, "code", code);
	add_messages(n, code);
	if (strcmp(code, e->code) != 0)
		snprintf(detail, sizeof detail, "%s: %s", e->code, e->msg);
	else
		snprintf(detail, sizeof detail, "%s", e->msg);
	xmlNewTextChild(n, NULL, (const xmlChar *)"detail", (const xmlChar *)detail);
}

/* The checks in order; each stage runs only on what the one before
 * accepted.  Problems go to p. */
static void check(struct worker *w, const struct access *a, const char *body, size_t len, struct problems *p)
{
	struct ob_err err = { 0 };
	struct doc d;
	xmlDocPtr x;
	long long admin_id = 0;

	memset(&d, 0, sizeof d);
	if ((x = xml_parse_limited(body, len, w->srv->max_document, &err)) == NULL) {
		problem(&err, p);
		return;
	}
	if (doc_validate_schema_all(x, &err, problem, p) != 0)
		goto out;
	if (doc_from_xml(&d, x, &err) != 0 || document_as_posted(w->srv, xmlDocGetRootElement(x), &d, &err) != 0 ||
	    doc_check(&d, &err) != 0 ||
	    db_document_check(w->ro, &d, &admin_id, &err) != 0) {
		/* As POST /api/documents answers it: a conflict with the state. */
		if (strcmp(err.code, "duplicate-number") == 0)
			snprintf(err.code, sizeof err.code, "document-exists");
		problem(&err, p);
		goto out;
	}
	xmlSetProp(p->root, (const xmlChar *)"kind", (const xmlChar *)doc_kind_name(d.kind));
	xmlSetProp(p->root, (const xmlChar *)"number", (const xmlChar *)d.number);
	if (!access_has_admin(a, admin_id)) {
		ob_err_set(&err, "role-missing", d.line, "you do not post for administrator %s", d.admin);
		problem(&err, p);
	}
out:
	doc_free(&d);
	xmlFreeDoc(x);
}

void handle_document_check(struct worker *w)
{
	struct ob_err err = { 0 };
	struct session s;
	struct access a;
	struct problems p = { NULL, 0 };
	xmlDocPtr doc;
	char *body = NULL;
	size_t len = 0;
	int rc;

	if (strcmp(req_param(w, "REQUEST_METHOD"), "POST") != 0) {
		reply_error(w, "method", "use POST");
		return;
	}
	if (!xml_content_type(req_param(w, "CONTENT_TYPE"))) {
		reply_error(w, "content-type", "Content-Type must be application/xml");
		return;
	}
	if ((rc = session_current(w, &s, &err)) != 1) {
		if (rc < 0)
			reply_err(w, &err);
		else
			reply_error(w, "session-required", "sign in to the console first");
		return;
	}
	if (!session_csrf_ok(&s, req_param(w, "HTTP_X_CSRF_TOKEN"))) {
		reply_error(w, "csrf-invalid", "X-CSRF-Token is not this session's");
		return;
	}
	if (access_load(w->ro, &s.who, &a, &err) != 0) {
		reply_err(w, &err);
		return;
	}
	if (a.n_admins == 0) {
		reply_error(w, "role-missing", "the check is for administrators");
		return;
	}
	if (read_body(w, w->srv->max_document, &body, &len) != 0)
		return;
	p.root = new_root(&doc, "check");
	check(w, &a, body, len, &p);
	xmlSetProp(p.root, (const xmlChar *)"ok", (const xmlChar *)(p.n == 0 ? "yes" : "no"));
	reply_xml(w, p.n == 0 ? 200 : 422, doc);
	xmlFreeDoc(doc);
	free(body);
}
