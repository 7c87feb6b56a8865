/* POST /api/votes: "for" or "against" a document in discussion (P-11) or
 * one of its published proposals.  One vote per person (IIN) and target: a
 * new vote replaces the earlier one while the discussion is open; after its
 * end votes are frozen (409).  Every vote, replaced or not, stays in the
 * evidence; the tally changes the document's page. */
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct vote_job {
	struct signed_req *r;
	char document[65], choice[9];
	long long proposal;
	struct receipt out;
};

static int store_vote(struct store *st, void *arg, struct ob_err *err)
{
	struct vote_job *j = arg;
	struct doc_target t;
	struct proposal_target p;
	int rc;

	if (target_in_discussion(st, j->document, &t, err) != 0)
		return -1;
	if (j->proposal > 0) {
		if ((rc = db_target_proposal(st, j->proposal, &p, err)) < 0)
			return -1;
		if (rc == 0 || p.doc_id != t.id)
			return ob_err_set(err, "proposal-unknown", 0, "document %s has no proposal %lld",
			                  t.number, j->proposal), -1;
		if (strcmp(p.status, "published") != 0)
			return ob_err_set(err, "proposal-not-published", 0, "proposal %lld is %s",
			                  j->proposal, p.status), -1;
	}
	j->r->sub.doc_id = t.id;
	if (signed_store(st, j->r, err) != 0 ||
	    db_vote_put(st, &j->r->sub, t.id, j->proposal, j->choice, err) != 0 ||
	    db_doc_touch(st, t.id, err) != 0)
		return -1;
	snprintf(j->out.status, sizeof j->out.status, "counted");
	snprintf(j->out.document, sizeof j->out.document, "%s", t.number);
	return 0;
}

void handle_votes(struct worker *w)
{
	struct signed_req r;
	struct vote_job j = { .r = &r };
	char num[24];

	if (signed_req_read(w, &r, "vote", w->srv->max_body) != 0)
		return;
	signed_attr(&r, "document", j.document, sizeof j.document);
	signed_attr(&r, "choice", j.choice, sizeof j.choice);
	j.proposal = strtoll(signed_attr(&r, "proposal", num, sizeof num), NULL, 10);
	signed_finish(w, &r, store_vote, &j, &j.out);
}
