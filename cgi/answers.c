/* POST /api/answers: during the discussion the administrator answers each
 * published proposal, accepted or not accepted, with a justification
 * (P-16).  Only a signer holding the administrator role of the document's
 * administrator (the BIN in the certificate, and the person if the role
 * names one) may answer; one answer per proposal. */
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct answer_job {
	struct signed_req *r;
	long long proposal;
	char decision[16], lang[9];
	char *justification;
	struct receipt out;
};

static int store_answer(struct store *st, void *arg, struct ob_err *err)
{
	struct answer_job *j = arg;
	struct proposal_target p;
	struct doc_target t;
	int rc;

	if ((rc = db_target_proposal(st, j->proposal, &p, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "proposal-unknown", 0, "no proposal %lld", j->proposal), -1);
	if (db_target_doc_id(st, p.doc_id, &t, err) != 1)
		return -1;
	if ((rc = db_role_is_administrator(st, t.admin_id, j->r->who.bin, j->r->who.iin, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "role-missing", 0,
		        "the signer does not answer for administrator %s (BIN %s)", t.admin_code, t.admin_bin), -1);
	if (strcmp(p.status, "published") != 0)
		return ob_err_set(err, "proposal-not-published", 0, "proposal %lld is %s", j->proposal,
		                  p.status), -1;
	if (p.answered)
		return ob_err_set(err, "already-answered", 0, "proposal %lld is already answered", j->proposal), -1;
	if (!discussion_open(&t, err))
		return -1;
	j->r->sub.doc_id = t.id;
	if (signed_store(st, j->r, err) != 0 ||
	    db_answer_insert(st, &j->r->sub, j->proposal, j->decision, j->lang, j->justification, err) != 0 ||
	    db_doc_touch(st, t.id, err) != 0)
		return -1;
	snprintf(j->out.status, sizeof j->out.status, "accepted");
	snprintf(j->out.document, sizeof j->out.document, "%s", t.number);
	j->out.proposal = j->proposal;
	return 0;
}

void handle_answers(struct worker *w)
{
	struct signed_req r;
	struct answer_job j = { .r = &r };
	struct ob_err err = { 0 };
	char num[24];

	if (signed_req_read(w, &r, "answer", w->srv->max_body) != 0)
		return;
	j.proposal = strtoll(signed_attr(&r, "proposal", num, sizeof num), NULL, 10);
	signed_attr(&r, "decision", j.decision, sizeof j.decision);
	signed_attr(&r, "lang", j.lang, sizeof j.lang);
	j.justification = signed_child_text(&r, "justification");
	if (text_rules(j.lang, j.justification, 4000, &err) != 0) {
		if (strcmp(err.code, "text-empty") == 0)
			ob_err_set(&err, "justification-missing", 0, "an answer needs a justification (P-16)");
		reply_err(w, &err);
		signed_req_free(&r);
	} else {
		signed_finish(w, &r, store_answer, &j, &j.out);
	}
	free(j.justification);
}
