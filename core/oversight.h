/* Access of oversight bodies (issue 7; Order No. 270, RULES.md A-6..A-15):
 * the lifecycle of a request and of the account it opens.
 *
 *   request (A-8) --review, 2 working days (A-9)--> approved | refused
 *   approved --grant, 2 working days (A-9)--> account, one calendar year
 *   account --the body's block request (A-9: within 3 working days after
 *             the employee leaves)--> blocked at once
 *
 * Deadlines are working days of the calendar (core/calendar.h), counted as
 * everywhere in the portal: the N-th working day strictly after the event's
 * day (docs/calendar.md).  Nothing expires by a job: an account is active
 * while granted_day <= today < expires, decided when it is read, against
 * the today the caller passes (ob_today() in the programs).
 *
 * The writing functions run inside the caller's transaction (obfcgi's group
 * commit) after the signed evidence s was stored (signed_store), check the
 * rules first and store nothing when one is broken: 0, or -1 with err.
 * Codes: role-missing (403), request-unknown, account-unknown (404),
 * already-decided, not-approved, already-granted, account-exists,
 * already-blocked (409), field-missing, iin-invalid, justification-missing,
 * date-invalid, reason-invalid (422), calendar-missing, storage (500). */
#ifndef OB_OVERSIGHT_H
#define OB_OVERSIGHT_H

#include <stdio.h>

#include "calendar.h"
#include "date.h"
#include "db_oversight.h"
#include "db_scope.h"

#define OVERSIGHT_REVIEW_DAYS 2    /* the authorized body reviews a request */
#define OVERSIGHT_GRANT_DAYS 2     /* access is granted after the review */
#define OVERSIGHT_BLOCK_DAYS 3     /* the body asks to block after the employee leaves */
#define OVERSIGHT_TEXT_MAX 1000    /* characters of one field of the form */

/* ---- deadlines and states (pure) ---- */

/* the last day of the review of a request received on `received`. */
int oversight_review_due(const struct calendar *cal, struct ob_date received, struct ob_date *due,
                         struct ob_err *err);
/* the last day of the grant of a request approved on `approved`. */
int oversight_grant_due(const struct calendar *cal, struct ob_date approved, struct ob_date *due,
                        struct ob_err *err);
/* the last day on which the body asks to block the account of an
 * employee whose powers ended on `left_on`. */
int oversight_block_due(const struct calendar *cal, struct ob_date left_on, struct ob_date *due,
                        struct ob_err *err);
/* "for one calendar year": the first day the account is no longer
 * active is the same date a year later (29 February: 1 March). */
struct ob_date oversight_expiry(struct ob_date granted);

/* Where a request stands today. */
struct ov_state {
	const char *state;          /* pending, approved, refused, granted */
	struct ob_date review_due;  /* */
	struct ob_date grant_due;   /* A-9; {0} until approved */
	int review_overdue;         /* not reviewed and today is after review_due */
	int review_late;            /* reviewed after review_due */
	int grant_overdue;          /* approved, not granted, today after grant_due */
	int grant_late;             /* granted after grant_due */
};
int oversight_request_state(const struct calendar *cal, const struct ov_request *r,
                            struct ob_date today, struct ov_state *out, struct ob_err *err);

/* "active", "expired", "blocked", "superseded", "not-yet" (granted after
 * today: a clock moved back). */
const char *oversight_account_state(const struct ov_account *a, struct ob_date today);

/* ---- the form (A-8) ---- */

/* Every field present and not blank, at most OVERSIGHT_TEXT_MAX characters
 * (field-missing, text-too-long); the IIN 12 digits with its control digit
 * (iin-invalid); a phone or an e-mail (field-missing). */
int oversight_person_check(const struct ov_person *p, struct ob_err *err);

/* ---- the lifecycle (in the caller's transaction) ---- */

/* a request of the body whose legal-entity certificate signed s
 * (s->bin; role-missing when it is not a registered body). */
int oversight_request(struct store *st, const struct submission *s, const struct ov_person *p,
                      long long *request_id, struct ob_err *err);
/* the operator (s->iin, db_role_is_operator) approves or refuses
 * (with a justification) a request not reviewed yet. */
int oversight_decide(struct store *st, const struct submission *s, long long request_id,
                     const char *decision, const char *justification, struct ob_err *err);
/* the operator grants an approved request: the account lives
 * from s->day to oversight_expiry(s->day).  The person's current account
 * at the same body is superseded (a renewal); one at another body that is
 * active today refuses the grant (account-exists: block it first). */
int oversight_grant(struct store *st, const struct submission *s, long long request_id,
                    struct ob_date today, long long *account_id, struct ob_err *err);
/* the body (s->bin, its own employee's account) or the operator blocks
 * the current account of iin at once.  left_on is the day the employee's
 * powers ended, not after s->day; reason dismissed, transferred, other. */
int oversight_block(struct store *st, const struct submission *s, const char *iin,
                    struct ob_date left_on, const char *reason, long long *account_id,
                    struct ob_err *err);

/* the sign-in's question, for a legal-entity certificate with
 * the body's BIN and the person's IIN: 1 with *out filled when the person
 * has an account at that body active today, 0 when not, -1 on error. */
int oversight_account_active(struct store *st, const char *iin, const char *bin,
                             struct ob_date today, struct ov_account *out, struct ob_err *err);

/* ---- the audit log ---- */

/* Appends who (the account), now, the account's scope, action and object. */
int oversight_audit(struct store *st, const struct ov_account *a, const char *action,
                    const char *object, struct ob_err *err);
/* Writes the log (of one body's BIN, or all for NULL) as CSV (RFC 4180,
 * UTF-8, a header line). */
int oversight_audit_csv(struct store *st, const char *bin, FILE *out, struct ob_err *err);

/* ---- what the console pages list, in the account's scope (A-6) ---- */

int oversight_documents(struct store *st, const struct ov_account *a,
                        int (*fn)(const struct scope_doc *, void *), void *arg, struct ob_err *err);
int oversight_proposals(struct store *st, const struct ov_account *a, long long doc_id,
                        int (*fn)(const struct scope_proposal *, void *), void *arg,
                        struct ob_err *err);
int oversight_votes_by_day(struct store *st, const struct ov_account *a, long long doc_id,
                           int (*fn)(const struct scope_votes_day *, void *), void *arg,
                           struct ob_err *err);
/* The publication deadlines of core/db_compliance.h (P-5, P-7, P-10, G)
 * for the administrators in scope, on today. */
struct compliance_row;
struct compliance_admin;
int oversight_compliance(struct store *st, const struct calendar *cal, const struct ov_account *a,
                         struct ob_date today,
                         int (*fn)(const struct compliance_admin *, const struct compliance_row *, void *),
                         void *arg, struct ob_err *err);

#endif
