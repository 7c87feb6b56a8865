/* POST /api/documents: an administrator posts a document, the same XML as
 * `obctl import`, signed, and for a passport or an implementation report
 * opens its discussion (P-9, P-10): it is posted today, and the discussion
 * lasts at least 10 working days after the posting day (core/deadline.c);
 * a later end may be asked for with discussion-end, an earlier one is
 * refused with the earliest allowed date.  The stored version is the
 * document as posted (signature taken out, posted/status/discussion-end
 * set); the signed original is kept as evidence. */
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "clock.h"
#include "db_documents.h"
#include "db_reference.h"
#include "deadline.h"
#include "doc.h"
#include "server.h"

/* A rule of the document model broken: 422 document-invalid, the inner
 * code and line kept in the message. */
static void as_document_invalid(struct ob_err *err)
{
	char inner[sizeof err->msg + sizeof err->code + 2];

	snprintf(inner, sizeof inner, "%s: %s", err->code, err->msg);
	ob_err_set(err, "document-invalid", err->line, "%s", inner);
}

struct document_job {
	struct signed_req *r;
	struct doc d;
	xmlChar *xml;
	int len;
	struct receipt out;
};

static int store_document(struct store *st, void *arg, struct ob_err *err)
{
	struct document_job *j = arg;
	long long admin_id = 0, id = 0;
	int rc;

	if ((rc = db_admin_find(st, j->d.admin, j->d.region[0] ? j->d.region : NULL, &admin_id, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "document-invalid", j->d.line, "unknown administrator %s%s%s",
		                                 j->d.admin, j->d.region[0] ? " in region " : "", j->d.region), -1);
	if ((rc = db_role_is_administrator(st, admin_id, j->r->who.bin, j->r->who.iin, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "role-missing", 0,
		        "the signer does not post for administrator %s", j->d.admin), -1);
	if (signed_store(st, j->r, err) != 0)
		return -1;
	if (db_document_store(st, &j->d, (const char *)j->xml, (size_t)j->len, &id, err) != 0) {
		/* The number is taken (a new version must say version="N+1"):
		 * a conflict with the state, not a broken rule of the model. */
		if (strcmp(err->code, "duplicate-number") == 0)
			snprintf(err->code, sizeof err->code, "document-exists");
		else if (strcmp(err->code, "storage") != 0 && strcmp(err->code, "io") != 0)
			as_document_invalid(err);
		return -1;
	}
	if (db_doc_touch(st, id, err) != 0)
		return -1;
	snprintf(j->out.status, sizeof j->out.status, "accepted");
	snprintf(j->out.document, sizeof j->out.document, "%s", j->d.number);
	return 0;
}

int document_as_posted(struct server *srv, xmlNodePtr root, struct doc *d, struct ob_err *err)
{
	struct ob_date today, earliest, asked;
	int discussed = d->kind == DK_PASSPORT || d->kind == DK_IMPL_REPORT;

	if (ob_today(&today) != 0)
		return ob_err_set(err, "internal", 0, "no valid today"), -1;
	date_format(today, d->posted);
	xmlSetProp(root, (const xmlChar *)"posted", (const xmlChar *)d->posted);
	xmlUnsetProp(root, (const xmlChar *)"nonce");
	snprintf(d->status, sizeof d->status, "%s", discussed ? "in-discussion" : "published");
	xmlSetProp(root, (const xmlChar *)"status", (const xmlChar *)d->status);
	if (!discussed)
		return 0;
	if (d->discussion_end[0] == '\0') {
		if (deadline_discussion_min_end(srv->cal, today, &earliest, err) != 0)
			return -1;
		date_format(earliest, d->discussion_end);
	} else if (date_parse(d->discussion_end, &asked) != 0) {
		return ob_err_set(err, "document-invalid", d->line, "discussion-end is not a date"), -1;
	} else if (deadline_discussion_check(srv->cal, today, asked, &earliest, err) != 0) {
		return -1;
	}
	xmlSetProp(root, (const xmlChar *)"discussion-end", (const xmlChar *)d->discussion_end);
	return 0;
}

void handle_documents(struct worker *w)
{
	struct signed_req r;
	struct document_job j = { .r = &r };
	struct ob_err err = { 0 };

	if (signed_req_read(w, &r, NULL, w->srv->max_document) != 0)
		return;
	if (doc_from_xml(&j.d, r.doc, &err) != 0 || document_as_posted(w->srv, r.root, &j.d, &err) != 0 ||
	    doc_check(&j.d, &err) != 0) {
		if (strcmp(err.code, "discussion-too-short") != 0 && strcmp(err.code, "internal") != 0 &&
		    strcmp(err.code, "calendar-missing") != 0)
			as_document_invalid(&err);
		reply_err(w, &err);
		signed_req_free(&r);
		doc_free(&j.d);
		return;
	}
	xmlDocDumpMemoryEnc(r.doc, &j.xml, &j.len, "UTF-8");
	signed_finish(w, &r, store_document, &j, &j.out);
	xmlFree(j.xml);
	doc_free(&j.d);
}
