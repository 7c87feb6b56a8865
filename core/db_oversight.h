/* Oversight bodies in the store (issue 7; Order No. 270, A-6..A-15):
 * bodies, access requests, reviews, accounts, blocks and the audit log of
 * schema/008_oversight.sql.  Storage only: the rules (deadlines, who may
 * decide, one account per person) are core/oversight.c's.  Writing
 * functions run in the caller's transaction; each returns 0 or -1 with err
 * ("storage", or the code of the constraint the caller broke).  Lookups
 * return 1 found, 0 not, -1 error.  Rows handed to callbacks are valid
 * during the call only; text longer than a field is cut. */
#ifndef OB_DB_OVERSIGHT_H
#define OB_DB_OVERSIGHT_H

#include "db_submit.h"
#include "scope.h"
#include "store.h"

/* ---- bodies (A-6, A-11) ---- */

struct ov_body {
	long long id;
	struct scope scope;
	char bin[13];               /* of the legal-entity certificate it signs with */
	char name_kk[256], name_ru[256];
	char added[21];             /* UTC */
};
/* bin must be a valid BIN, the scope made by scope_make; *id the new row.
 * "body-exists" when the BIN is registered already. */
int db_ov_body_add(struct store *st, const struct ov_body *b, long long *id, struct ob_err *err);
int db_ov_body_by_bin(struct store *st, const char *bin, struct ov_body *out, struct ob_err *err);
int db_ov_body_get(struct store *st, long long id, struct ov_body *out, struct ob_err *err);
int db_ov_body_list(struct store *st, int (*fn)(const struct ov_body *, void *), void *arg,
                    struct ob_err *err);

/* ---- requests and reviews (A-9) ---- */

/* One employee, one row of the form of the Order's appendix. */
struct ov_person {
	const char *full_name, *iin, *position, *unit;
	const char *qr;             /* the E-Qyzmet identification QR code's data */
	const char *phone, *email;  /* at least one */
	const char *purpose;
};
int db_ov_request_insert(struct store *st, const struct submission *s, long long body_id,
                         const struct ov_person *p, long long *id, struct ob_err *err);

/* A request with its review and the account it opened, if any. */
struct ov_request {
	long long id, body_id;
	char body_bin[13], body_kind[24], body_name_kk[256], body_name_ru[256];
	char full_name[256], iin[13], position[256], unit[256], qr[512];
	char phone[64], email[128], purpose[1024];
	char submission[33], received[21], day[11];
	char decision[8];           /* "", approve, refuse */
	char justification[1024];
	char operator_iin[13], decided_day[11];
	long long account_id;       /* 0: not granted */
	char granted_day[11];
};
int db_ov_request_get(struct store *st, long long id, struct ov_request *out, struct ob_err *err);
/* Every request, oldest first (the order of their review deadlines). */
int db_ov_request_list(struct store *st, int (*fn)(const struct ov_request *, void *), void *arg,
                       struct ob_err *err);
/* decision approve or refuse; justification NULL or "" for approve. */
int db_ov_review_insert(struct store *st, const struct submission *s, long long request_id,
                        const char *decision, const char *justification, struct ob_err *err);

/* ---- accounts and blocks (A-9) ---- */

struct ov_account {
	long long id, request_id, body_id;
	struct scope scope;         /* the body's */
	char bin[13], iin[13], full_name[256], position[256];
	char body_name_kk[256], body_name_ru[256];
	char granted[21], granted_day[11], expires[11];
	char blocked[21];           /* "" when not blocked */
	long long superseded;       /* 0, or the request whose grant replaced it */
	char left_on[11], block_day[11], block_reason[12];   /* "" when not blocked */
};
int db_ov_account_insert(struct store *st, const struct submission *s, const struct ov_request *r,
                         const char *granted_day, const char *expires, long long *id,
                         struct ob_err *err);
/* The account of iin that is neither blocked nor superseded (at most one,
 * A-15), whatever its expiry. */
int db_ov_account_current(struct store *st, const char *iin, struct ov_account *out,
                          struct ob_err *err);
int db_ov_account_get(struct store *st, long long id, struct ov_account *out, struct ob_err *err);
/* The account gives way to the grant of request `by`. */
int db_ov_account_supersede(struct store *st, long long id, long long by, struct ob_err *err);
/* Every account, newest first. */
int db_ov_account_list(struct store *st, int (*fn)(const struct ov_account *, void *), void *arg,
                       struct ob_err *err);
/* Records the body's request and blocks the account at s->received. */
int db_ov_block_insert(struct store *st, const struct submission *s, long long account_id,
                       const char *left_on, const char *reason, struct ob_err *err);

/* ---- the audit log ---- */

struct ov_audit {
	long long id, account_id;   /* account_id 0: none (a refused sign-in) */
	char at[21], iin[13], bin[13];
	char scope[192], action[32], object[512];
};
/* Appends one line (id and at are ignored: the row's id, at = the caller's
 * a->at or now). */
int db_ov_audit_insert(struct store *st, const struct ov_audit *a, struct ob_err *err);
/* Lines in order, optionally of one body's BIN ("" or NULL: all), from
 * the UTC time since ("" or NULL: all). */
int db_ov_audit_list(struct store *st, const char *bin, const char *since,
                     int (*fn)(const struct ov_audit *, void *), void *arg, struct ob_err *err);

#endif
