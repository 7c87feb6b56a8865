/* The lifecycle of oversight access (issue 7; );
 * oversight.h explains it.  The rules live here, the SQL in
 * core/db_oversight*.c, the scopes in core/scope.c. */
#include <string.h>

#include "csv.h"
#include "oversight.h"
#include "sig.h"
#include "text.h"

/* ---- deadlines and states ------------------------------------------------ */

int oversight_review_due(const struct calendar *cal, struct ob_date received, struct ob_date *due,
                         struct ob_err *err)
{
	return calendar_add_workdays(cal, received, OVERSIGHT_REVIEW_DAYS, due, err);  /* */
}

int oversight_grant_due(const struct calendar *cal, struct ob_date approved, struct ob_date *due,
                        struct ob_err *err)
{
	return calendar_add_workdays(cal, approved, OVERSIGHT_GRANT_DAYS, due, err);  /* */
}

int oversight_block_due(const struct calendar *cal, struct ob_date left_on, struct ob_date *due,
                        struct ob_err *err)
{
	return calendar_add_workdays(cal, left_on, OVERSIGHT_BLOCK_DAYS, due, err);  /* */
}

struct ob_date oversight_expiry(struct ob_date granted)
{
	struct ob_date e = { granted.y + 1, granted.m, granted.d };

	/* one calendar year; a year after 29 February has none. */
	if (!date_valid(e))
		e = (struct ob_date){ granted.y + 1, 3, 1 };
	return e;
}

static int parse(const char *s, struct ob_date *d, struct ob_err *err)
{
	if (date_parse(s, d) != 0)
		return ob_err_set(err, "date-invalid", 0, "\"%s\" is not a date", s), -1;
	return 0;
}

static int after(struct ob_date a, struct ob_date b)
{
	return date_cmp(a, b) > 0;
}

int oversight_request_state(const struct calendar *cal, const struct ov_request *r,
                            struct ob_date today, struct ov_state *out, struct ob_err *err)
{
	struct ob_date day, decided, granted;

	memset(out, 0, sizeof *out);
	if (parse(r->day, &day, err) != 0 || oversight_review_due(cal, day, &out->review_due, err) != 0)
		return -1;
	if (r->decision[0] == '\0') {
		out->state = "pending";
		out->review_overdue = after(today, out->review_due);
		return 0;
	}
	if (parse(r->decided_day, &decided, err) != 0)
		return -1;
	out->review_late = after(decided, out->review_due);
	if (strcmp(r->decision, "refuse") == 0) {
		out->state = "refused";
		return 0;
	}
	if (oversight_grant_due(cal, decided, &out->grant_due, err) != 0)
		return -1;
	if (r->account_id == 0) {
		out->state = "approved";
		out->grant_overdue = after(today, out->grant_due);
		return 0;
	}
	if (parse(r->granted_day, &granted, err) != 0)
		return -1;
	out->state = "granted";
	out->grant_late = after(granted, out->grant_due);
	return 0;
}

const char *oversight_account_state(const struct ov_account *a, struct ob_date today)
{
	struct ob_date from, until;

	if (a->blocked[0] != '\0')
		return "blocked";
	if (a->superseded != 0)
		return "superseded";
	if (date_parse(a->granted_day, &from) != 0 || date_parse(a->expires, &until) != 0)
		return "expired";  /* never active on a malformed row */
	if (date_cmp(today, from) < 0)
		return "not-yet";
	return date_cmp(today, until) < 0 ? "active" : "expired";
}

/* ---- the form ----------------------------------------------------------- */

static int field(const char *name, const char *v, int required, struct ob_err *err)
{
	size_t n;

	if (v == NULL || text_blank(v)) {
		if (required)
			return ob_err_set(err, "field-missing", 0, "<%s> is missing or blank (A-8)", name), -1;
		return 0;
	}
	if ((n = utf8_count(v)) > OVERSIGHT_TEXT_MAX)
		return ob_err_set(err, "text-too-long", 0, "<%s> has %zu characters; at most %d", name, n,
		                  OVERSIGHT_TEXT_MAX), -1;
	return 0;
}

int oversight_person_check(const struct ov_person *p, struct ob_err *err)
{
	/* the columns of the form in the Order's appendix. */
	if (field("full-name", p->full_name, 1, err) != 0 || field("iin", p->iin, 1, err) != 0 ||
	    field("position", p->position, 1, err) != 0 || field("unit", p->unit, 1, err) != 0 ||
	    field("qr", p->qr, 1, err) != 0 || field("purpose", p->purpose, 1, err) != 0 ||
	    field("phone", p->phone, 0, err) != 0 || field("email", p->email, 0, err) != 0)
		return -1;
	if (!iin_valid(p->iin))
		return ob_err_set(err, "iin-invalid", 0, "\"%s\" is not an IIN (12 digits, control digit)",
		                  p->iin), -1;
	if ((p->phone == NULL || text_blank(p->phone)) && (p->email == NULL || text_blank(p->email)))
		return ob_err_set(err, "field-missing", 0, "a phone or an e-mail is needed (A-8)"), -1;
	return 0;
}

/* ---- the lifecycle ------------------------------------------------------- */

static int operator_only(struct store *st, const struct submission *s, struct ob_err *err)
{
	int rc = db_role_is_operator(st, s->iin, err);

	if (rc <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "role-missing", 0, "the signer is not an operator"), -1);
	return 0;
}

static int request_find(struct store *st, long long id, struct ov_request *r, struct ob_err *err)
{
	int rc = db_ov_request_get(st, id, r, err);

	if (rc <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "request-unknown", 0, "no access request %lld", id), -1);
	return 0;
}

int oversight_request(struct store *st, const struct submission *s, const struct ov_person *p,
                      long long *request_id, struct ob_err *err)
{
	struct ov_body b;
	int rc;

	/* the body's legal-entity certificate; a person's own has no BIN. */
	if (s->bin[0] == '\0' || (rc = db_ov_body_by_bin(st, s->bin, &b, err)) == 0)
		return ob_err_set(err, "role-missing", 0, "BIN %s is not a registered oversight body",
		                  s->bin[0] ? s->bin : "(none)"), -1;
	if (rc < 0 || oversight_person_check(p, err) != 0)
		return -1;
	return db_ov_request_insert(st, s, b.id, p, request_id, err);
}

int oversight_decide(struct store *st, const struct submission *s, long long request_id,
                     const char *decision, const char *justification, struct ob_err *err)
{
	struct ov_request r;
	int refuse = strcmp(decision, "refuse") == 0;

	if (operator_only(st, s, err) != 0 || request_find(st, request_id, &r, err) != 0)
		return -1;
	if (!refuse && strcmp(decision, "approve") != 0)
		return ob_err_set(err, "reason-invalid", 0, "decision \"%s\" is neither approve nor refuse",
		                  decision), -1;
	if (r.decision[0] != '\0')
		return ob_err_set(err, "already-decided", 0, "request %lld was %s already", request_id,
		                  strcmp(r.decision, "approve") == 0 ? "approved" : "refused"), -1;
	/* a refusal says why (as P-15 does for proposals). */
	if (refuse && (justification == NULL || text_blank(justification)))
		return ob_err_set(err, "justification-missing", 0, "a refusal needs a justification (A-9)"), -1;
	if (justification != NULL && field("justification", justification, 0, err) != 0)
		return -1;
	return db_ov_review_insert(st, s, request_id, decision, refuse ? justification : NULL, err);
}

int oversight_grant(struct store *st, const struct submission *s, long long request_id,
                    struct ob_date today, long long *account_id, struct ob_err *err)
{
	struct ov_request r;
	struct ov_account cur;
	struct ob_date day;
	char expires[DATE_STRLEN];
	int rc;

	if (operator_only(st, s, err) != 0 || request_find(st, request_id, &r, err) != 0 ||
	    parse(s->day, &day, err) != 0)
		return -1;
	if (strcmp(r.decision, "approve") != 0)
		return ob_err_set(err, "not-approved", 0, "request %lld is %s", request_id,
		                  r.decision[0] ? "refused" : "not reviewed yet"), -1;
	if (r.account_id != 0)
		return ob_err_set(err, "already-granted", 0, "request %lld opened account %lld already",
		                  request_id, r.account_id), -1;
	/* one person, one account. */
	if ((rc = db_ov_account_current(st, r.iin, &cur, err)) < 0)
		return -1;
	if (rc == 1 && cur.body_id != r.body_id && strcmp(oversight_account_state(&cur, today), "active") == 0)
		return ob_err_set(err, "account-exists", 0, "%s has an active account (%lld) at another body: "
		                  "block it first (A-15)", r.iin, cur.id), -1;
	/* The earlier account (a renewal at the same body, or one expired)
	 * gives way first, so that the unique index of A-15 sees one current. */
	if (rc == 1 && db_ov_account_supersede(st, cur.id, r.id, err) != 0)
		return -1;
	date_format(oversight_expiry(day), expires);
	return db_ov_account_insert(st, s, &r, s->day, expires, account_id, err);
}

int oversight_block(struct store *st, const struct submission *s, const char *iin,
                    struct ob_date left_on, const char *reason, long long *account_id,
                    struct ob_err *err)
{
	static const char *const reasons[] = { "dismissed", "transferred", "other" };
	struct ov_account a;
	struct ob_date day;
	char left[DATE_STRLEN];
	int rc, op, known = 0;

	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		known |= strcmp(reason, reasons[i]) == 0;
	if (!known)
		return ob_err_set(err, "reason-invalid", 0, "reason \"%s\" is not dismissed, transferred "
		                  "or other", reason), -1;
	if (parse(s->day, &day, err) != 0)
		return -1;
	if (!date_valid(left_on) || after(left_on, day))
		return ob_err_set(err, "date-invalid", 0, "the day the powers ended is not a past date"), -1;
	if ((rc = db_ov_account_current(st, iin, &a, err)) < 0 ||
	    (op = db_role_is_operator(st, s->iin, err)) < 0)
		return -1;
	/* Another body's employee is as unknown as nobody: a body learns
	 * nothing about accounts that are not its own. */
	if (rc == 0 || (strcmp(a.bin, s->bin) != 0 && !op))
		return ob_err_set(err, "account-unknown", 0, "no account of %s at BIN %s to block", iin,
		                  s->bin[0] ? s->bin : "(none)"), -1;
	*account_id = a.id;
	return db_ov_block_insert(st, s, a.id, date_format(left_on, left), reason, err);
}

int oversight_account_active(struct store *st, const char *iin, const char *bin,
                             struct ob_date today, struct ov_account *out, struct ob_err *err)
{
	int rc;

	/* a legal-entity certificate, the body's BIN and the person. */
	if (iin == NULL || bin == NULL || *bin == '\0' || !iin_valid(iin))
		return 0;
	if ((rc = db_ov_account_current(st, iin, out, err)) <= 0)
		return rc;
	return strcmp(out->bin, bin) == 0 && strcmp(oversight_account_state(out, today), "active") == 0;
}

/* ---- the audit log ------------------------------------------------------- */

int oversight_audit(struct store *st, const struct ov_account *a, const char *action,
                    const char *object, struct ob_err *err)
{
	struct ov_audit row;

	memset(&row, 0, sizeof row);
	row.account_id = a->id;
	snprintf(row.iin, sizeof row.iin, "%s", a->iin);
	snprintf(row.bin, sizeof row.bin, "%s", a->bin);
	scope_describe(&a->scope, row.scope, sizeof row.scope);
	snprintf(row.action, sizeof row.action, "%s", action);
	snprintf(row.object, sizeof row.object, "%s", object ? object : "");
	return db_ov_audit_insert(st, &row, err);
}

static int audit_line(const struct ov_audit *a, void *arg)
{
	FILE *f = arg;
	char id[24];

	snprintf(id, sizeof id, "%lld", a->id);
	csv_field(f, 1, id);
	csv_field(f, 0, a->at);
	csv_field(f, 0, a->iin);
	csv_field(f, 0, a->bin);
	csv_field(f, 0, a->scope);
	csv_field(f, 0, a->action);
	csv_field(f, 0, a->object);
	csv_end(f);
	return ferror(f) ? 1 : 0;
}

int oversight_audit_csv(struct store *st, const char *bin, FILE *out, struct ob_err *err)
{
	fputs("id,at,iin,bin,scope,action,object\r\n", out);
	if (db_ov_audit_list(st, bin, NULL, audit_line, out, err) != 0)
		return -1;
	if (ferror(out))
		return ob_err_set(err, "io", 0, "cannot write the audit log"), -1;
	return 0;
}
