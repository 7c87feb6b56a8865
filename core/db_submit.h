/* Signed submissions in the store (issue 4; P-11, P-13..P-16): evidence,
 * single-use nonces, roles, proposals, moderation, answers and votes.
 * The writing functions run inside the caller's transaction (obfcgi's group
 * commit); each returns 0, or -1 with err filled ("storage" for the machine,
 * other codes for the rule the caller broke). */
#ifndef OB_DB_SUBMIT_H
#define OB_DB_SUBMIT_H

#include <stddef.h>

#include "store.h"

#define SECRET_LEN 32
#define RECEIPT_ID_LEN 32

/* The 32-byte server secret NAME ("nonce", "pseudonym"); 0 or -1. */
int db_secret(struct store *st, const char *name, unsigned char out[SECRET_LEN], struct ob_err *err);

/* Records the single use of a nonce valid until `expires` (Unix time) and
 * prunes the records that expired before `now`.  1 when it was already
 * used, 0 when recorded now, -1 on error. */
int db_nonce_use(struct store *st, const char *nonce, long long expires, long long now,
                 struct ob_err *err);

/* One accepted submission, stored append-only as evidence. */
struct submission {
	char id[RECEIPT_ID_LEN + 1];  /* random hex: the receipt id */
	const char *kind;             /* proposal, vote, moderation, answer, document */
	char received[21];            /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	char day[11];                 /* Asia/Almaty date of received */
	char iin[13], bin[13];
	char cert_sha256[65];
	char sha256[65];              /* of the signed bytes */
	long long doc_id;             /* 0 when not about one document */
	const char *xml;
	size_t len;
};
int db_submission_insert(struct store *st, const struct submission *s, struct ob_err *err);

/* A document as a target of submissions. */
struct doc_target {
	long long id, admin_id;
	char number[65], kind[24], status[20], posted[11], discussion_end[11];
	char admin_code[4], admin_bin[13];
};
/* 1 found, 0 not, -1 error. */
int db_target_doc(struct store *st, const char *number, struct doc_target *out, struct ob_err *err);
int db_target_doc_id(struct store *st, long long id, struct doc_target *out, struct ob_err *err);
/* 1 when part_id is a current structural part of doc_id. */
int db_target_part(struct store *st, long long doc_id, long long part_id, struct ob_err *err);

struct proposal_target {
	long long id, doc_id;
	char status[12];      /* pending, published, refused */
	int moderated, answered;
};
int db_target_proposal(struct store *st, long long id, struct proposal_target *out, struct ob_err *err);

/* Roles: 1 when the signer holds it (not revoked), 0 when not. */
int db_role_is_operator(struct store *st, const char *iin, struct ob_err *err);
/* An administrator role for admin_id whose BIN is the certificate's bin
 * and, when the grant names a person, whose IIN is iin. */
int db_role_is_administrator(struct store *st, long long admin_id, const char *bin, const char *iin,
                             struct ob_err *err);

struct role_row {
	long long id;
	char role[16], iin[13], admin_code[4], admin_bin[13], region[10];
	char granted[21], revoked[21];
};
/* obctl role: grant (returns the new id in *id), revoke by id, list. */
int db_role_grant(struct store *st, const char *role, const char *iin, long long admin_id,
                  const char *now, long long *id, struct ob_err *err);
int db_role_revoke(struct store *st, long long id, const char *now, struct ob_err *err);
int db_role_list(struct store *st, int (*fn)(const struct role_row *, void *), void *arg,
                 struct ob_err *err);
/* The administrator with this BIN (and 3-digit code, which must match);
 * 1 found, 0 not. */
int db_admin_by_bin(struct store *st, const char *bin, const char *code, long long *admin_id,
                    struct ob_err *err);

int db_proposal_insert(struct store *st, const struct submission *s, long long doc_id,
                       long long part_id, const char *lang, const char *text, long long *id,
                       struct ob_err *err);
/* P-14 screening: records one flag of a proposal. */
int db_proposal_flag(struct store *st, long long proposal_id, const char *code, const char *detail,
                     struct ob_err *err);
/* Calls fn(id, text) for each proposal on doc_id, newest first, until fn
 * returns non-zero (near-duplicates, P-14). */
int db_proposals_earlier(struct store *st, long long doc_id,
                         int (*fn)(long long, const char *, void *), void *arg, struct ob_err *err);
/* How many proposals iin sent on doc_id since the UTC time since. */
long long db_proposals_by_person(struct store *st, long long doc_id, const char *iin, const char *since,
                                 struct ob_err *err);
int db_moderation_insert(struct store *st, const struct submission *s, long long proposal_id,
                         const char *decision, const char *reason, const char *justification,
                         struct ob_err *err);
int db_answer_insert(struct store *st, const struct submission *s, long long proposal_id,
                     const char *decision, const char *lang, const char *justification,
                     struct ob_err *err);
/* Inserts or replaces the signer's vote on (doc_id, proposal_id or 0). */
int db_vote_put(struct store *st, const struct submission *s, long long doc_id, long long proposal_id,
                const char *choice, struct ob_err *err);

/* Marks the document's pages for the generator: bumps the change sequence
 * and records it on the document. */
int db_doc_touch(struct store *st, long long doc_id, struct ob_err *err);

/* The moderation queue (P-15): pending proposals, oldest first, with the
 * screening's flags ("code,code"); and published proposals without an
 * answer (P-16) of documents in discussion, for one administrator code or
 * all ("" ), by discussion end. */
struct queue_row {
	long long id;
	char document[65], doc_status[20], discussion_end[11], admin_code[4];
	char part_key[33], day[11], lang[3];
	char text[256];       /* the start of the text */
	char flags[128];
};
int db_queue_list(struct store *st, int (*fn)(const struct queue_row *, void *), void *arg,
                  struct ob_err *err);
int db_unanswered_list(struct store *st, const char *admin_code,
                       int (*fn)(const struct queue_row *, void *), void *arg, struct ob_err *err);

/* GET /api/receipts/{id}. */
struct receipt {
	char id[RECEIPT_ID_LEN + 1], kind[24], received[21], sha256[65];
	char status[16];      /* accepted, pending, published, refused, answered, replaced;
	                       * oversight requests: pending, approved, refused, granted */
	char document[65];    /* the document's number, "" if none */
	long long proposal;   /* a proposal's id (proposal receipts), else 0 */
	long long request;    /* an oversight access request's id (issue 7), else 0 */
};
/* 1 found, 0 not, -1 error. */
int db_receipt(struct store *st, const char *id, struct receipt *out, struct ob_err *err);

/* Counts, for tests and tallies. */
long long db_count(struct store *st, const char *table, struct ob_err *err);

#endif
