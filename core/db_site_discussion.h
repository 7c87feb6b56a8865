/* What the static site shows of the public discussion (P-11, P-13..P-16):
 * tallies, published proposals with their answers, moderation decisions
 * and votes of one document, and the figures of the statistics page.
 * Reads only (obgen's STORE_RDONLY connection, inside its read
 * transaction); statements are store_stmt slots (core/db_stmt.h).
 *
 * Nothing here returns the text of a pending or refused proposal, nor the
 * operator's justification of a refusal (it may quote the refused text).
 * IINs are returned only so that the caller can replace them with
 * pseudonym() (core/nonce.h) before anything is written: they must never
 * reach a page or a data file.  Rows are handed to a callback; their
 * strings are valid only during the call. */
#ifndef OB_DB_SITE_DISCUSSION_H
#define OB_DB_SITE_DISCUSSION_H

#include "store.h"

/* The counts of one document's discussion.  Votes on proposals count only
 * on published proposals. */
struct disc_tally {
	long long doc_for, doc_against;   /* P-11: votes on the document (proposal_id 0) */
	long long prop_for, prop_against; /* votes on its published proposals */
	long long published, refused, pending;
	long long answered, accepted;     /* published proposals with an answer; accepted */
};
int db_disc_tally(struct store *st, long long doc, struct disc_tally *out, struct ob_err *err);

/* A published proposal with its moderation, tallies and answer.  answer is
 * NULL when the administrator has not answered (then the answer_* fields
 * are NULL too). */
struct disc_proposal {
	long long id, part_id;
	const char *lang, *text, *received, *day, *iin;
	const char *published, *operator_iin;     /* the moderation decision: day, operator */
	long long votes_for, votes_against;
	const char *answer;                       /* accepted, not-accepted, or NULL */
	const char *answer_lang, *answer_text, *answer_day, *answer_iin;
};
/* The published proposals of a document, by id (the order received). */
int db_disc_proposals(struct store *st, long long doc,
                      int (*fn)(const struct disc_proposal *, void *), void *arg,
                      struct ob_err *err);

/* A moderation decision (P-15), publish or refuse, without any text.
 * reason is NULL for publish. */
struct disc_decision {
	long long proposal_id, part_id;
	const char *lang, *received, *day;        /* the proposal's */
	const char *operator_iin, *decision, *reason, *decided, *decided_day;
};
int db_disc_decisions(struct store *st, long long doc,
                      int (*fn)(const struct disc_decision *, void *), void *arg,
                      struct ob_err *err);

/* A vote on the document (proposal_id 0) or on one of its published
 * proposals; by target, then time, then receipt id (random: no order that
 * could reveal an IIN). */
struct disc_vote {
	long long proposal_id;
	const char *iin, *choice, *cast_at;
};
int db_disc_votes(struct store *st, long long doc, int (*fn)(const struct disc_vote *, void *),
                  void *arg, struct ob_err *err);

/* ---- the statistics page (issue 5.5, P-15, P-16) ---- */

/* Every moderation decision on a public document, oldest first. */
struct stats_decision {
	const char *operator_iin, *decision, *reason;  /* reason NULL for publish */
	const char *received, *day;                    /* the proposal: UTC time, Almaty day */
	const char *decided, *decided_day;
};
int db_stats_decisions(struct store *st, int (*fn)(const struct stats_decision *, void *),
                       void *arg, struct ob_err *err);

/* The Almaty day each proposal still awaiting moderation was received on,
 * oldest first. */
int db_stats_pending(struct store *st, int (*fn)(const char *day, void *), void *arg,
                     struct ob_err *err);

/* Answers per administrator of the documents (P-16).  A discussion has
 * ended when the document is discussion-closed or its end is before today
 * (YYYY-MM-DD); an answer is late when given after the discussion's last
 * day. */
struct stats_answers {
	long long admin_id;
	long long published, answered, accepted, late, unanswered, unanswered_ended;
};
int db_stats_answers(struct store *st, const char *today,
                     int (*fn)(const struct stats_answers *, void *), void *arg,
                     struct ob_err *err);

#endif
