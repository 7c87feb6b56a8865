/* POST /api/proposals: a citizen's proposal to one structural part of a
 * document in discussion (P-13: signed with an EDS; P-14: at most 1000
 * characters, kk or ru, to a chosen part).  It enters the moderation queue
 * (P-15) with the screening's advice (P-14, core/screen.c); nothing of it
 * is public until the operator publishes it. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "screen.h"
#include "server.h"

#define PROPOSAL_MAX_CHARS 1000  /* P-14 */
#define DUPLICATE_SIMILARITY 0.8 /* advice: near-duplicate of an earlier one */
#define DUPLICATE_LOOKBACK 500   /* earlier proposals compared */
#define FLOOD_PER_DAY 5          /* advice: more from one person in 24 hours */
#define MAX_FLAGS 8

struct proposal_job {
	struct signed_req *r;
	char document[65], lang[9];
	long long part;
	char *text;
	struct screen_flag flags[MAX_FLAGS + 2];
	int nflags, seen;
	struct receipt out;
};

/* P-14: a near-duplicate of an earlier proposal on the same document. */
static int compare_earlier(long long id, const char *text, void *arg)
{
	struct proposal_job *j = arg;
	double sim = screen_similarity(j->text, text);

	if (sim >= DUPLICATE_SIMILARITY) {
		struct screen_flag *f = &j->flags[j->nflags++];

		snprintf(f->code, sizeof f->code, "duplicate");
		snprintf(f->detail, sizeof f->detail, "proposal %lld (similarity %.2f)", id, sim);
		return 1;
	}
	return ++j->seen >= DUPLICATE_LOOKBACK;
}

/* The screening's advice (P-14, P-15), all of it worked out by the worker
 * so that the one writer thread only stores it: the text checks, then, on
 * the worker's read-only snapshot, near-duplicates of earlier proposals on
 * the same document and one person flooding it.  The snapshot may miss a
 * proposal committed a moment ago; the advice never decides anything. */
static int screen(struct worker *w, struct proposal_job *j, struct ob_err *err)
{
	struct doc_target t;
	char since[21];
	long long n;
	int rc;

	j->nflags = screen_text(w->srv->screen, j->text, j->flags, MAX_FLAGS);
	if ((rc = db_target_doc(w->ro, j->document, &t, err)) <= 0)
		return rc;  /* unknown: the writer answers 404 */
	if (db_proposals_earlier(w->ro, t.id, compare_earlier, j, err) != 0)
		return -1;
	ob_time_format(ob_now() - 86400, since);
	if ((n = db_proposals_by_person(w->ro, t.id, j->r->sub.iin, since, err) + 1) <= 0)
		return -1;
	if (n > FLOOD_PER_DAY) {
		struct screen_flag *f = &j->flags[j->nflags++];

		snprintf(f->code, sizeof f->code, "flood");
		snprintf(f->detail, sizeof f->detail, "%lld proposals from one person in 24 hours", n);
	}
	return 0;
}

static int store_proposal(struct store *st, void *arg, struct ob_err *err)
{
	struct proposal_job *j = arg;
	struct doc_target t;
	int rc;

	if (target_in_discussion(st, j->document, &t, err) != 0)
		return -1;
	if ((rc = db_target_part(st, t.id, j->part, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "part-unknown", 0, "document %s has no part %lld",
		                                 j->document, j->part), -1);
	j->r->sub.doc_id = t.id;
	if (signed_store(st, j->r, err) != 0 ||
	    db_proposal_insert(st, &j->r->sub, t.id, j->part, j->lang, j->text, &j->out.proposal, err) != 0)
		return -1;
	for (int i = 0; i < j->nflags; i++)
		if (db_proposal_flag(st, j->out.proposal, j->flags[i].code, j->flags[i].detail, err) != 0)
			return -1;
	snprintf(j->out.status, sizeof j->out.status, "pending");
	snprintf(j->out.document, sizeof j->out.document, "%s", t.number);
	return 0;
}

void handle_proposals(struct worker *w)
{
	struct signed_req r;
	struct proposal_job j = { .r = &r };
	struct ob_err err = { 0 };
	char part[24];

	if (signed_req_read(w, &r, "proposal", w->srv->max_body) != 0)
		return;
	signed_attr(&r, "document", j.document, sizeof j.document);
	signed_attr(&r, "lang", j.lang, sizeof j.lang);
	j.part = strtoll(signed_attr(&r, "part", part, sizeof part), NULL, 10);
	j.text = signed_child_text(&r, "text");
	if (text_rules(j.lang, j.text, PROPOSAL_MAX_CHARS, &err) != 0 || screen(w, &j, &err) < 0) {
		reply_err(w, &err);
		signed_req_free(&r);
	} else {
		signed_finish(w, &r, store_proposal, &j, &j.out);
	}
	free(j.text);
}
