/* What an oversight reader sees (issue 7.2, A-6) and the operator's view
 * of their audit log (issue 7.5).  Every list is a tree of <row> elements
 * whose attributes are the columns, built once from core/oversight.c's
 * scoped reads: the console page shows it (templates/console.xsl), the XML
 * export is the tree itself and the CSV export its attributes in column
 * order, so the three never disagree.  Every page and export an oversight
 * account opens is logged before it is answered; nothing here writes
 * anything else.
 *
 *   /console/LANG/oversight              the account, documents in scope
 *                                        (drafts too), the compliance record
 *   /console/LANG/oversight/doc/ID       one document in scope: proposals
 *                                        with decisions, reasons, answers;
 *                                        votes by day
 *   /console/LANG/audit                  the log, for the operator
 * The downloads of the same rows are cgi/exports.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "clock.h"
#include "date.h"
#include "db_compliance.h"
#include "db_oversight.h"
#include "oversight.h"
#include "server.h"

/* ---- the rows ---------------------------------------------------------------- */

struct rows {
	xmlNodePtr list;
	const char *lang;
	struct worker *w;
};

static xmlNodePtr row(struct rows *r)
{
	return xmlNewChild(r->list, NULL, (const xmlChar *)"row", NULL);
}

/* Every column is set, empty or not, so CSV columns line up. */
static void col(xmlNodePtr n, const char *name, const char *v)
{
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)(v ? v : ""));
}

static int add_document(const struct scope_doc *d, void *arg)
{
	xmlNodePtr n = row(arg);

	set_attr_int(n, "id", d->id);
	col(n, "number", d->number);
	col(n, "kind", d->kind);
	col(n, "status", d->status);
	set_attr_int(n, "year", d->year);
	set_attr_int(n, "version", d->version);
	col(n, "admin", d->admin_code);
	col(n, "level", d->level);
	col(n, "region", d->region);
	col(n, "posted", d->posted);
	col(n, "discussion-end", d->discussion_end);
	col(n, "title-kk", d->title_kk);
	col(n, "title-ru", d->title_ru);
	return 0;
}

static int add_proposal(const struct scope_proposal *p, void *arg)
{
	xmlNodePtr n = row(arg);

	set_attr_int(n, "id", p->id);
	col(n, "document", p->number);
	col(n, "part", p->part_key);
	col(n, "day", p->day);
	col(n, "lang", p->lang);
	col(n, "status", p->status);
	col(n, "decision", p->decision);
	col(n, "reason", p->reason);
	col(n, "decided", p->decided_day);
	col(n, "moderation-justification", p->justification);
	col(n, "answer", p->answer);
	col(n, "answer-day", p->answer_day);
	col(n, "answer-lang", p->answer_lang);
	col(n, "answer-text", p->answer_text);
	set_attr_int(n, "for", p->votes_for);
	set_attr_int(n, "against", p->votes_against);
	col(n, "text", p->text);
	return 0;
}

static int add_votes(const struct scope_votes_day *v, void *arg)
{
	xmlNodePtr n = row(arg);

	col(n, "document", v->number);
	col(n, "day", v->day);
	set_attr_int(n, "for", v->doc_for);
	set_attr_int(n, "against", v->doc_against);
	set_attr_int(n, "proposals-for", v->prop_for);
	set_attr_int(n, "proposals-against", v->prop_against);
	return 0;
}

static int add_compliance(const struct compliance_admin *a, const struct compliance_row *c, void *arg)
{
	xmlNodePtr n = row(arg);
	char due[DATE_STRLEN] = "", posted[DATE_STRLEN] = "";

	if (c->due.y)
		date_format(c->due, due);
	if (c->posted.y)
		date_format(c->posted, posted);
	col(n, "admin", a->code);
	col(n, "region", a->region);
	col(n, "rule", deadline_rule_id(c->rule));
	col(n, "document", c->number);
	col(n, "status", c->doc_status);
	col(n, "due", due);
	col(n, "posted", posted);
	col(n, "state", deadline_state_name(c->status.state));
	set_attr_int(n, "late-days", c->status.late_days);
	return 0;
}

/* The time is Astana's, with its offset: what the operator reads the log
 * against; the store keeps UTC. */
static int add_audit(const struct ov_audit *l, void *arg)
{
	xmlNodePtr n = row(arg);
	char at[OB_TIME_LOCAL_LEN];

	set_attr_int(n, "id", l->id);
	col(n, "at", ob_time_local(l->at, at) == 0 ? at : l->at);
	col(n, "iin", l->iin);
	col(n, "bin", l->bin);
	col(n, "scope", l->scope);
	col(n, "action", l->action);
	col(n, "object", l->object);
	return 0;
}

/* a request with its deadlines, for the operator. */
struct request_rows {
	struct rows r;
	struct ob_date today;
	struct ob_err *err;
	int rc;
};

static int add_request(const struct ov_request *q, void *arg)
{
	struct request_rows *rr = arg;
	struct ov_state st;
	char review[DATE_STRLEN] = "", grant[DATE_STRLEN] = "";
	xmlNodePtr n;

	if (oversight_request_state(rr->r.w->srv->cal, q, rr->today, &st, rr->err) != 0)
		return rr->rc = -1, 1;
	n = row(&rr->r);
	date_format(st.review_due, review);
	if (st.grant_due.y)
		date_format(st.grant_due, grant);
	set_attr_int(n, "id", q->id);
	col(n, "day", q->day);
	col(n, "body", strcmp(rr->r.lang, "kk") == 0 ? q->body_name_kk : q->body_name_ru);
	col(n, "body-kind", q->body_kind);
	col(n, "bin", q->body_bin);
	col(n, "full-name", q->full_name);
	col(n, "iin", q->iin);
	col(n, "position", q->position);
	col(n, "unit", q->unit);
	col(n, "purpose", q->purpose);
	col(n, "state", st.state);
	col(n, "review-due", review);
	col(n, "review-overdue", st.review_overdue ? "yes" : "");
	col(n, "grant-due", grant);
	col(n, "grant-overdue", st.grant_overdue ? "yes" : "");
	col(n, "justification", q->justification);
	return 0;
}

int requests_view(struct worker *w, const char *lang, xmlNodePtr root, struct ob_err *err)
{
	struct request_rows rr = { { xmlNewChild(root, NULL, (const xmlChar *)"rows", NULL), lang, w },
	                           { 0, 0, 0 }, err, 0 };

	xmlSetProp(rr.r.list, (const xmlChar *)"name", (const xmlChar *)"requests");
	if (ob_today(&rr.today) != 0)
		return ob_err_set(err, "internal", 0, "no valid today"), -1;
	if (db_ov_request_list(w->ro, add_request, &rr, err) != 0)
		return -1;
	return rr.rc;
}

/* The rows of one list, in scope: 0 or -1 with err. */
int oversight_rows(struct worker *w, const struct ov_account *a, const char *name, long long doc_id,
                   xmlNodePtr list, struct ob_err *err)
{
	struct rows r = { list, NULL, w };
	struct ob_date today;

	xmlSetProp(list, (const xmlChar *)"name", (const xmlChar *)name);
	if (strcmp(name, "documents") == 0)
		return oversight_documents(w->ro, a, add_document, &r, err);
	if (strcmp(name, "proposals") == 0)
		return oversight_proposals(w->ro, a, doc_id, add_proposal, &r, err);
	if (strcmp(name, "votes") == 0)
		return oversight_votes_by_day(w->ro, a, doc_id, add_votes, &r, err);
	if (strcmp(name, "compliance") == 0)
		return ob_today(&today) != 0 ? (ob_err_set(err, "internal", 0, "no valid today"), -1) :
		       oversight_compliance(w->ro, w->srv->cal, a, today, add_compliance, &r, err);
	return ob_err_set(err, "not-found", 0, "no list %s", name), -1;
}

/* ---- the audit log, written before the answer (issue 7.5) ---------------- */

struct audit_job {
	const struct ov_account *a;
	const char *action, *object;
};

static int store_audit(struct store *st, void *arg, struct ob_err *err)
{
	struct audit_job *j = arg;

	return oversight_audit(st, j->a, j->action, j->object, err);
}

int oversight_log(struct worker *w, const struct ov_account *a, const char *action, const char *object,
                  struct ob_err *err)
{
	struct audit_job j = { a, action, object };

	return committer_run(w->srv->commit, store_audit, &j, err);
}

/* ---- pages ------------------------------------------------------------------- */

int oversight_view(struct worker *w, const struct access *acc, const char *page, xmlNodePtr root,
                   struct ob_err *err)
{
	const struct ov_account *a = &acc->ov;
	xmlNodePtr n = xmlNewChild(root, NULL, (const xmlChar *)"account", NULL);
	char *end = NULL;
	long long doc_id = 0;
	int rc;

	col(n, "body-kk", a->body_name_kk);
	col(n, "body-ru", a->body_name_ru);
	col(n, "kind", scope_kind_name(a->scope.kind));
	col(n, "region", a->scope.region);
	col(n, "codes", a->scope.codes);
	col(n, "granted", a->granted_day);
	col(n, "expires", a->expires);
	if (strcmp(page, "oversight") == 0) {
		if (oversight_log(w, a, "page", "oversight", err) != 0 ||
		    oversight_rows(w, a, "documents", 0, xmlNewChild(root, NULL, (const xmlChar *)"rows", NULL), err) != 0 ||
		    oversight_rows(w, a, "compliance", 0, xmlNewChild(root, NULL, (const xmlChar *)"rows", NULL), err) != 0)
			return -1;
		return 0;
	}
	/* oversight/doc/ID: outside the scope is the same answer as absent. */
	doc_id = strtoll(page + strlen("oversight/doc/"), &end, 10);
	if (doc_id <= 0 || *end != '\0')
		return ob_err_set(err, "not-found", 0, "%s", page), -1;
	if ((rc = db_scope_document_in(w->ro, &a->scope, doc_id, err)) <= 0) {
		if (rc == 0) {
			oversight_log(w, a, "refused", page, err);
			ob_err_set(err, "document-unknown", 0, "no document %lld in this account's scope", doc_id);
		}
		return -1;
	}
	xmlSetProp(root, (const xmlChar *)"doc", (const xmlChar *)(page + strlen("oversight/doc/")));
	if (oversight_log(w, a, "page", page, err) != 0 ||
	    oversight_rows(w, a, "proposals", doc_id, xmlNewChild(root, NULL, (const xmlChar *)"rows", NULL), err) != 0 ||
	    oversight_rows(w, a, "votes", doc_id, xmlNewChild(root, NULL, (const xmlChar *)"rows", NULL), err) != 0)
		return -1;
	return 0;
}

int audit_rows(struct worker *w, xmlNodePtr list, struct ob_err *err)
{
	struct rows r = { list, NULL, w };

	xmlSetProp(list, (const xmlChar *)"name", (const xmlChar *)"audit");
	return db_ov_audit_list(w->ro, NULL, NULL, add_audit, &r, err);
}

int audit_view(struct worker *w, xmlNodePtr root, struct ob_err *err)
{
	return audit_rows(w, xmlNewChild(root, NULL, (const xmlChar *)"rows", NULL), err);
}
