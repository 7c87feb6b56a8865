/* POST /api/moderation: the operator publishes a proposal or refuses it
 * with a reason code and a justification (P-15).  One decision per
 * proposal; publishing puts it on the document's page. */
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "server.h"

struct moderation_job {
	struct signed_req *r;
	long long proposal;
	char decision[9], reason[33];
	char *justification;
	struct receipt out;
};

static int store_moderation(struct store *st, void *arg, struct ob_err *err)
{
	struct moderation_job *j = arg;
	struct proposal_target p;
	struct doc_target t;
	int rc;

	if ((rc = db_role_is_operator(st, j->r->who.iin, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "role-missing", 0, "the signer is not an operator"), -1);
	if ((rc = db_target_proposal(st, j->proposal, &p, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "proposal-unknown", 0, "no proposal %lld", j->proposal), -1);
	if (p.moderated)
		return ob_err_set(err, "already-moderated", 0, "proposal %lld is already %s",
		                  j->proposal, p.status), -1;
	if (db_target_doc_id(st, p.doc_id, &t, err) != 1)
		return -1;
	j->r->sub.doc_id = t.id;
	if (signed_store(st, j->r, err) != 0 ||
	    db_moderation_insert(st, &j->r->sub, j->proposal, j->decision, j->reason,
	                         j->justification, err) != 0)
		return -1;
	if (strcmp(j->decision, "publish") == 0 && db_doc_touch(st, t.id, err) != 0)
		return -1;
	snprintf(j->out.status, sizeof j->out.status, "accepted");
	snprintf(j->out.document, sizeof j->out.document, "%s", t.number);
	j->out.proposal = j->proposal;
	return 0;
}

/* P-15: a refusal names one of the reason codes and says why. */
static int refusal_rules(struct moderation_job *j, struct ob_err *err)
{
	if (strcmp(j->decision, "refuse") != 0) {
		j->reason[0] = '\0';
		return 0;
	}
	if (!screen_reason_valid(j->reason)) {
		ob_err_set(err, "reason-invalid", 0, "reason \"%s\" is not a refusal reason code", j->reason);
		return -1;
	}
	if (j->justification == NULL || text_rules(NULL, j->justification, 4000, err) != 0) {
		ob_err_set(err, "justification-missing", 0, "a refusal needs a justification (P-15)");
		return -1;
	}
	return 0;
}

void handle_moderation(struct worker *w)
{
	struct signed_req r;
	struct moderation_job j = { .r = &r };
	struct ob_err err = { 0 };
	char num[24];

	if (signed_req_read(w, &r, "moderation", w->srv->max_body) != 0)
		return;
	j.proposal = strtoll(signed_attr(&r, "proposal", num, sizeof num), NULL, 10);
	signed_attr(&r, "decision", j.decision, sizeof j.decision);
	signed_attr(&r, "reason", j.reason, sizeof j.reason);
	j.justification = signed_child_text(&r, "justification");
	if (refusal_rules(&j, &err) != 0) {
		reply_err(w, &err);
		signed_req_free(&r);
	} else {
		signed_finish(w, &r, store_moderation, &j, &j.out);
	}
	free(j.justification);
}
