/* Access of oversight bodies (core/oversight.c, core/db_oversight*.c,
 * schema/008): the deadlines of A-9 on the working-day calendar, a request
 * reviewed, granted, expiring after a calendar year without any job, and
 * blocked at once; one account per person; the form's checks
 * with nothing stored on a refusal; the audit log.  Each test gets a fresh
 * database with an operator and three bodies; "today" is an argument or
 * the clock fixed with ob_clock_set(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "db_helpers.h"
#include <libxml/parser.h>

#include "calendar.h"
#include "clock.h"
#include "db_reference.h"
#include "doc.h"
#include "oversight.h"
#include "xmlin.h"

#define OPERATOR "851202400023"
#define PERSON "900101300017"
#define PERSON2 "870412300017"
#define HEAD "780305500031"          /* signs for the bodies */
#define BIN_MASLIKHAT "123456789013" /* Almaty oblast maslikhat */
#define BIN_CHAMBER "210987654326"   /* the Supreme Audit Chamber */
#define BIN_POLICE "040340000126"    /* interior-territorial, Karaganda */
#define BIN_NOBODY "050540000234"

struct ctx {
	struct store *st;
	struct calendar *cal;
	char path[64];
	int serial;
};
static struct ctx *C;

static struct ob_date D(const char *s)
{
	struct ob_date d = { 0, 0, 0 };

	if (date_parse(s, &d) != 0)
		fail_msg("bad date %s", s);
	return d;
}

static void begin(void)
{
	struct ob_err err = { 0 };

	must(store_begin(C->st, &err), &err);
}

static void commit(void)
{
	struct ob_err err = { 0 };

	must(store_commit(C->st, &err), &err);
}

/* Signed evidence of kind by (iin, bin) on day, stored in the open
 * transaction, as signed_store does in obfcgi. */
static void evidence(struct submission *s, const char *kind, const char *iin, const char *bin,
                     const char *day)
{
	struct ob_err err = { 0 };

	evidence_init(s, &C->serial, kind, iin);
	snprintf(s->received, sizeof s->received, "%sT05:00:00Z", day);
	snprintf(s->day, sizeof s->day, "%s", day);
	snprintf(s->bin, sizeof s->bin, "%s", bin);
	must(db_submission_insert(C->st, s, &err), &err);
}

static void body(const char *kind, const char *bin, const char *region, const char *codes)
{
	struct ob_err err = { 0 };
	struct ov_body b = { 0 };
	long long id;

	must(scope_make(&b.scope, scope_kind_parse(kind), region, codes, &err), &err);
	snprintf(b.bin, sizeof b.bin, "%s", bin);
	snprintf(b.name_kk, sizeof b.name_kk, "%s (синтетикалық)", kind);
	snprintf(b.name_ru, sizeof b.name_ru, "%s (синтетические данные)", kind);
	snprintf(b.added, sizeof b.added, "2026-01-05T04:00:00Z");
	begin();
	must(db_ov_body_add(C->st, &b, &id, &err), &err);
	commit();
}

static int setup(void **state)
{
	struct ob_err err = { 0 };
	long long id;

	C = calloc(1, sizeof *C);
	C->st = db_create(C->path, sizeof C->path, "oversight");
	assert_non_null(C->cal = calendar_new());
	must(calendar_load_file(C->cal, OB_SHARE_DIR "/data/calendar/2026.xml", &err), &err);
	db_load_reference_file(C->st, OB_SHARE_DIR "/data/reference/base.xml");
	begin();
	must(db_role_grant(C->st, "operator", OPERATOR, 0, "2026-01-05T04:00:00Z", &id, &err), &err);
	commit();
	body("maslikhat", BIN_MASLIKHAT, "190000000", NULL);
	body("audit-chamber", BIN_CHAMBER, NULL, NULL);
	body("interior-territorial", BIN_POLICE, "350000000", NULL);
	*state = C;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(C->st);
	calendar_free(C->cal);
	db_remove(C->path);
	free(C);
	doc_schemas_free();
	ob_clock_set(NULL);
	return 0;
}

static struct ov_person person(const char *iin)
{
	return (struct ov_person){
		.full_name = "Сейтқали Айгерім Болатқызы", .iin = iin,
		.position = "бас маман", .unit = "бюджет бөлімі",
		.qr = "EQYZMET:2026:000123:SYNTHETIC", .phone = "+7 727 000 00 00",
		.email = "a.seitkali@example.kz", .purpose = "Жергілікті бюджеттің атқарылуын талдау",
	};
}

/* A request of bin for iin on day: its id (the test fails on a refusal). */
static long long request(const char *bin, const char *iin, const char *day)
{
	struct ob_err err = { 0 };
	struct ov_person p = person(iin);
	struct submission s;
	long long id = 0;

	begin();
	evidence(&s, "oversight-request", HEAD, bin, day);
	must(oversight_request(C->st, &s, &p, &id, &err), &err);
	commit();
	return id;
}

/* The operator's (or who's) decision on day: 0, or -1 with code in err
 * (then nothing stays: the transaction is rolled back). */
static int decide(const char *who, long long id, const char *decision, const char *why, const char *day,
                  struct ob_err *err)
{
	struct submission s;
	int rc;

	begin();
	evidence(&s, "oversight-decision", who, "", day);
	if ((rc = oversight_decide(C->st, &s, id, decision, why, err)) == 0)
		commit();
	else
		store_rollback(C->st);
	return rc;
}

static int grant(const char *who, long long id, const char *day, long long *account, struct ob_err *err)
{
	struct submission s;
	int rc;

	begin();
	evidence(&s, "oversight-decision", who, "", day);
	if ((rc = oversight_grant(C->st, &s, id, D(day), account, err)) == 0)
		commit();
	else
		store_rollback(C->st);
	return rc;
}

static int block(const char *bin, const char *iin, const char *left, const char *reason, const char *day,
                 struct ob_err *err)
{
	struct submission s;
	long long account;
	int rc;

	begin();
	evidence(&s, "oversight-block", HEAD, bin, day);
	if ((rc = oversight_block(C->st, &s, iin, D(left), reason, &account, err)) == 0)
		commit();
	else
		store_rollback(C->st);
	return rc;
}

static struct ov_state state_of(long long id, const char *today)
{
	struct ob_err err = { 0 };
	struct ov_request r;
	struct ov_state s;

	assert_int_equal(db_ov_request_get(C->st, id, &r, &err), 1);
	must(oversight_request_state(C->cal, &r, D(today), &s, &err), &err);
	return s;
}

static void date_is(struct ob_date d, const char *want)
{
	char buf[DATE_STRLEN];

	assert_string_equal(date_format(d, buf), want);
}

static int active(const char *iin, const char *bin, const char *today)
{
	struct ob_err err = { 0 };
	struct ov_account a;
	int rc = oversight_account_active(C->st, iin, bin, D(today), &a, &err);

	if (rc < 0)
		fail_msg("%s", err.msg);
	return rc;
}

static long long rows(const char *table)
{
	char sql[96];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return sql_count(C->st, sql);
}

/* ---- the deadlines on the calendar -------------------------------------- */

static void test_deadlines(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date due;

	(void)state;
	/* Friday 20 March 2026; 21-25 March is Nauryz with its days off. */
	must(oversight_review_due(C->cal, D("2026-03-20"), &due, &err), &err);
	date_is(due, "2026-03-27");
	must(oversight_grant_due(C->cal, D("2026-03-26"), &due, &err), &err);
	date_is(due, "2026-03-30");
	must(oversight_block_due(C->cal, D("2026-03-20"), &due, &err), &err);
	date_is(due, "2026-03-30");
	/* Received on a Sunday: the term starts on Monday. */
	must(oversight_review_due(C->cal, D("2026-11-29"), &due, &err), &err);
	date_is(due, "2026-12-01");
	/* A year with no calendar is an error, never a guess. */
	assert_int_equal(oversight_review_due(C->cal, D("2027-06-01"), &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* One calendar year. */
	date_is(oversight_expiry(D("2026-03-10")), "2027-03-10");
	date_is(oversight_expiry(D("2028-02-29")), "2029-03-01");
	date_is(oversight_expiry(D("2026-12-31")), "2027-12-31");
}

/* ---- request, review, grant, expiry --------------------------------- */

static void test_lifecycle(void **state)
{
	struct ob_err err = { 0 };
	struct ov_state s;
	struct ov_account a;
	struct receipt rc;
	long long id, account = 0;
	char sub[33];

	(void)state;
	id = request(BIN_MASLIKHAT, PERSON, "2026-03-20");
	s = state_of(id, "2026-03-20");
	assert_string_equal(s.state, "pending");
	date_is(s.review_due, "2026-03-27");
	assert_false(s.review_overdue);
	assert_false(state_of(id, "2026-03-27").review_overdue);  /* the last day is on time */
	assert_true(state_of(id, "2026-03-30").review_overdue);
	snprintf(sub, sizeof sub, "%s", sql_text(C->st, "SELECT submission FROM oversight_requests"));
	assert_int_equal(db_receipt(C->st, sub, &rc, &err), 1);
	assert_string_equal(rc.status, "pending");
	assert_string_equal(rc.kind, "oversight-request");
	assert_int_equal(rc.request, id);

	/* Only the operator decides; a refusal needs a justification. */
	assert_int_equal(decide(PERSON, id, "approve", NULL, "2026-03-26", &err), -1);
	assert_string_equal(err.code, "role-missing");
	assert_int_equal(decide(OPERATOR, id, "refuse", "  ", "2026-03-26", &err), -1);
	assert_string_equal(err.code, "justification-missing");
	assert_int_equal(decide(OPERATOR, id + 100, "approve", NULL, "2026-03-26", &err), -1);
	assert_string_equal(err.code, "request-unknown");
	assert_int_equal(rows("oversight_reviews"), 0);
	/* Granting before the review is refused. */
	assert_int_equal(grant(OPERATOR, id, "2026-03-26", &account, &err), -1);
	assert_string_equal(err.code, "not-approved");

	must(decide(OPERATOR, id, "approve", NULL, "2026-03-26", &err), &err);
	assert_int_equal(decide(OPERATOR, id, "refuse", "Кеш.", "2026-03-26", &err), -1);
	assert_string_equal(err.code, "already-decided");
	s = state_of(id, "2026-03-30");
	assert_string_equal(s.state, "approved");
	assert_false(s.review_late);
	date_is(s.grant_due, "2026-03-30");
	assert_false(s.grant_overdue);
	assert_true(state_of(id, "2026-03-31").grant_overdue);
	assert_int_equal(db_receipt(C->st, sub, &rc, &err), 1);
	assert_string_equal(rc.status, "approved");

	assert_int_equal(grant(PERSON, id, "2026-03-31", &account, &err), -1);
	assert_string_equal(err.code, "role-missing");
	must(grant(OPERATOR, id, "2026-03-31", &account, &err), &err);
	assert_true(account > 0);
	s = state_of(id, "2026-04-01");
	assert_string_equal(s.state, "granted");
	assert_true(s.grant_late);    /* granted a day after the term */
	assert_false(s.grant_overdue);
	assert_int_equal(grant(OPERATOR, id, "2026-04-01", &account, &err), -1);
	assert_string_equal(err.code, "already-granted");
	assert_int_equal(db_receipt(C->st, sub, &rc, &err), 1);
	assert_string_equal(rc.status, "granted");

	/* the sign-in with the body's BIN and the person's IIN. */
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-03-31"), 1);
	assert_int_equal(active(PERSON, BIN_CHAMBER, "2026-03-31"), 0);   /* another body's certificate */
	assert_int_equal(active(PERSON, "", "2026-03-31"), 0);            /* a person's own certificate */
	assert_int_equal(active(PERSON2, BIN_MASLIKHAT, "2026-03-31"), 0);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-03-30"), 0); /* before the grant */
	/* one calendar year, then inactive by itself: no job ran. */
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2027-03-30"), 1);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2027-03-31"), 0);
	assert_int_equal(db_ov_account_get(C->st, account, &a, &err), 1);
	assert_string_equal(a.expires, "2027-03-31");
	assert_string_equal(oversight_account_state(&a, D("2027-03-31")), "expired");
	assert_string_equal(oversight_account_state(&a, D("2026-12-31")), "active");
	assert_int_equal(a.scope.kind, SCOPE_MASLIKHAT);
	assert_string_equal(a.scope.region, "190000000");
}

static void test_refused(void **state)
{
	struct ob_err err = { 0 };
	struct ov_request r;
	long long id = request(BIN_CHAMBER, PERSON2, "2026-05-08"), account;
	struct ov_state s;

	(void)state;
	/* Friday 8 May; 9 May (Saturday) moves to Monday 11 May. */
	date_is(state_of(id, "2026-05-08").review_due, "2026-05-13");
	must(decide(OPERATOR, id, "refuse", "QR-код E-Qyzmet жүйесінде табылмады.", "2026-05-14", &err), &err);
	s = state_of(id, "2026-05-20");
	assert_string_equal(s.state, "refused");
	assert_true(s.review_late);
	assert_false(s.grant_overdue);   /* nothing to grant */
	assert_int_equal(db_ov_request_get(C->st, id, &r, &err), 1);
	assert_string_equal(r.justification, "QR-код E-Qyzmet жүйесінде табылмады.");
	assert_string_equal(r.operator_iin, OPERATOR);
	assert_int_equal(grant(OPERATOR, id, "2026-05-14", &account, &err), -1);
	assert_string_equal(err.code, "not-approved");
	assert_int_equal(rows("oversight_accounts"), 0);
}

/* ---- block, at once ------------------------------------------------------ */

static void test_block(void **state)
{
	struct ob_err err = { 0 };
	struct ov_account a;
	long long id = request(BIN_MASLIKHAT, PERSON, "2026-06-01"), account;
	struct ob_date due;

	(void)state;
	must(decide(OPERATOR, id, "approve", NULL, "2026-06-02", &err), &err);
	must(grant(OPERATOR, id, "2026-06-03", &account, &err), &err);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-06-10"), 1);
	/* Another body learns nothing of accounts that are not its own. */
	assert_int_equal(block(BIN_CHAMBER, PERSON, "2026-06-09", "dismissed", "2026-06-10", &err), -1);
	assert_string_equal(err.code, "account-unknown");
	assert_int_equal(block(BIN_MASLIKHAT, PERSON2, "2026-06-09", "dismissed", "2026-06-10", &err), -1);
	assert_string_equal(err.code, "account-unknown");
	assert_int_equal(block(BIN_MASLIKHAT, PERSON, "2026-06-11", "dismissed", "2026-06-10", &err), -1);
	assert_string_equal(err.code, "date-invalid");  /* left tomorrow: not yet */
	assert_int_equal(block(BIN_MASLIKHAT, PERSON, "2026-06-09", "retired", "2026-06-10", &err), -1);
	assert_string_equal(err.code, "reason-invalid");
	assert_int_equal(rows("oversight_blocks"), 0);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-06-10"), 1);

	must(block(BIN_MASLIKHAT, PERSON, "2026-06-05", "transferred", "2026-06-10", &err), &err);
	/* Immediate: inactive the same day, whatever the expiry. */
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-06-10"), 0);
	assert_int_equal(db_ov_account_get(C->st, account, &a, &err), 1);
	assert_string_equal(oversight_account_state(&a, D("2026-06-10")), "blocked");
	assert_string_equal(a.left_on, "2026-06-05");
	assert_string_equal(a.block_reason, "transferred");
	/* asked within 3 working days of 5 June (8, 9, 10 June): on time. */
	must(oversight_block_due(C->cal, D(a.left_on), &due, &err), &err);
	date_is(due, "2026-06-10");
	/* A block is for good. */
	assert_int_equal(block(BIN_MASLIKHAT, PERSON, "2026-06-05", "other", "2026-06-11", &err), -1);
	assert_string_equal(err.code, "account-unknown");
	assert_int_not_equal(sqlite3_exec(store_db(C->st), "UPDATE oversight_accounts SET blocked = NULL",
	                                  NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-06-12"), 0);
}

/* The operator may block any account (A-15: a shared login found). */
static void test_block_by_operator(void **state)
{
	struct ob_err err = { 0 };
	struct submission s;
	long long id = request(BIN_POLICE, PERSON2, "2026-06-01"), account, blocked;

	(void)state;
	must(decide(OPERATOR, id, "approve", NULL, "2026-06-01", &err), &err);
	must(grant(OPERATOR, id, "2026-06-01", &account, &err), &err);
	begin();
	evidence(&s, "oversight-block", OPERATOR, "", "2026-06-02");
	must(oversight_block(C->st, &s, PERSON2, D("2026-06-02"), "other", &blocked, &err), &err);
	commit();
	assert_int_equal(blocked, account);
	assert_int_equal(active(PERSON2, BIN_POLICE, "2026-06-02"), 0);
}

/* ---- one person, one account ------------------------------------------- */

static void test_one_account(void **state)
{
	struct ob_err err = { 0 };
	long long a1, a2, a3, acc1, acc2, acc3;
	struct ov_account a;
	char sql[512];

	(void)state;
	a1 = request(BIN_MASLIKHAT, PERSON, "2026-02-02");
	must(decide(OPERATOR, a1, "approve", NULL, "2026-02-02", &err), &err);
	must(grant(OPERATOR, a1, "2026-02-03", &acc1, &err), &err);
	/* The same person for another body: refused while the first is active. */
	a2 = request(BIN_CHAMBER, PERSON, "2026-02-04");
	must(decide(OPERATOR, a2, "approve", NULL, "2026-02-04", &err), &err);
	assert_int_equal(grant(OPERATOR, a2, "2026-02-05", &acc2, &err), -1);
	assert_string_equal(err.code, "account-exists");
	assert_int_equal(rows("oversight_accounts"), 1);
	/* A renewal at the same body supersedes the earlier account. */
	a3 = request(BIN_MASLIKHAT, PERSON, "2026-12-01");
	must(decide(OPERATOR, a3, "approve", NULL, "2026-12-01", &err), &err);
	must(grant(OPERATOR, a3, "2026-12-02", &acc3, &err), &err);
	assert_int_equal(db_ov_account_get(C->st, acc1, &a, &err), 1);
	assert_string_equal(oversight_account_state(&a, D("2026-12-02")), "superseded");
	assert_int_equal(a.superseded, a3);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-12-02"), 1);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2027-12-01"), 1);  /* the new year counts */
	/* Once it is blocked, the other body's grant goes through. */
	must(block(BIN_MASLIKHAT, PERSON, "2026-12-03", "transferred", "2026-12-04", &err), &err);
	must(grant(OPERATOR, a2, "2026-12-04", &acc2, &err), &err);
	assert_int_equal(active(PERSON, BIN_CHAMBER, "2026-12-04"), 1);
	assert_int_equal(active(PERSON, BIN_MASLIKHAT, "2026-12-04"), 0);
	/* The database refuses a second current account whatever the code does
	 * (a request of its own, so only the index of A-15 stands in the way). */
	a3 = request(BIN_CHAMBER, PERSON, "2026-12-05");
	snprintf(sql, sizeof sql, "INSERT INTO oversight_accounts (request_id, submission, body_id, bin, "
	         "iin, granted, granted_day, expires) SELECT id, submission, body_id, '" BIN_CHAMBER "', "
	         "iin, 't', '2026-12-05', '2027-12-05' FROM oversight_requests WHERE id = %lld", a3);
	assert_int_equal(sqlite3_exec(store_db(C->st), sql, NULL, NULL, NULL), SQLITE_CONSTRAINT);
	assert_string_equal(sqlite3_errmsg(store_db(C->st)), "UNIQUE constraint failed: oversight_accounts.iin");
}

/* ---- the form; nothing is stored on a refusal -------------------------- */

static void test_bad_requests(void **state)
{
	static const struct {
		const char *what, *field, *value, *bin, *code;
	} cases[] = {
		{ "no name", "full_name", NULL, BIN_MASLIKHAT, "field-missing" },
		{ "blank position", "position", " \n\t", BIN_MASLIKHAT, "field-missing" },
		{ "no unit", "unit", "", BIN_MASLIKHAT, "field-missing" },
		{ "no QR code", "qr", NULL, BIN_MASLIKHAT, "field-missing" },
		{ "no purpose", "purpose", "", BIN_MASLIKHAT, "field-missing" },
		{ "no IIN", "iin", "", BIN_MASLIKHAT, "field-missing" },
		{ "IIN control digit", "iin", "900101300018", BIN_MASLIKHAT, "iin-invalid" },
		{ "IIN too short", "iin", "90010130001", BIN_MASLIKHAT, "iin-invalid" },
		{ "IIN with letters", "iin", "90010130001X", BIN_MASLIKHAT, "iin-invalid" },
		{ "no contacts", "contacts", NULL, BIN_MASLIKHAT, "field-missing" },
		{ "purpose of 1001 characters", "purpose", "long", BIN_MASLIKHAT, "text-too-long" },
		{ "an unregistered BIN", NULL, NULL, BIN_NOBODY, "role-missing" },
		{ "a person's own certificate", NULL, NULL, "", "role-missing" },
	};
	static char longtext[1002 * 2];

	(void)state;
	for (int i = 0; i < 1001; i++)
		memcpy(longtext + 2 * i, "ә", 2);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ob_err err = { 0 };
		struct ov_person p = person(PERSON);
		const char *v = cases[i].value && strcmp(cases[i].value, "long") == 0 ? longtext : cases[i].value;
		struct submission s;
		long long id;
		int rc;

		if (cases[i].field == NULL)
			;
		else if (strcmp(cases[i].field, "full_name") == 0)
			p.full_name = v;
		else if (strcmp(cases[i].field, "position") == 0)
			p.position = v;
		else if (strcmp(cases[i].field, "unit") == 0)
			p.unit = v;
		else if (strcmp(cases[i].field, "qr") == 0)
			p.qr = v;
		else if (strcmp(cases[i].field, "purpose") == 0)
			p.purpose = v;
		else if (strcmp(cases[i].field, "iin") == 0)
			p.iin = v;
		else if (strcmp(cases[i].field, "contacts") == 0)
			p.phone = p.email = NULL;
		begin();
		evidence(&s, "oversight-request", HEAD, cases[i].bin, "2026-04-01");
		rc = oversight_request(C->st, &s, &p, &id, &err);
		store_rollback(C->st);
		if (rc != -1 || strcmp(err.code, cases[i].code) != 0)
			fail_msg("%s: rc %d code %s (%s), want %s", cases[i].what, rc, err.code, err.msg, cases[i].code);
	}
	assert_int_equal(rows("oversight_requests"), 0);
	assert_int_equal(rows("submissions"), 0);
	/* Only one contact is enough. */
	{
		struct ob_err err = { 0 };
		struct ov_person p = person(PERSON);

		p.phone = NULL;
		must(oversight_person_check(&p, &err), &err);
	}
}

static void test_bodies(void **state)
{
	struct ob_err err = { 0 };
	struct ov_body b = { 0 };
	long long id;

	(void)state;
	assert_int_equal(db_ov_body_by_bin(C->st, BIN_POLICE, &b, &err), 1);
	assert_int_equal(b.scope.kind, SCOPE_INTERIOR_TERRITORIAL);
	assert_string_equal(b.scope.region, "350000000");
	assert_int_equal(db_ov_body_by_bin(C->st, BIN_NOBODY, &b, &err), 0);
	begin();
	assert_int_equal(db_ov_body_add(C->st, &b, &id, &err), -1);  /* BIN_POLICE again */
	assert_string_equal(err.code, "body-exists");
	/* A region that is not in the reference data. */
	snprintf(b.bin, sizeof b.bin, "%s", BIN_NOBODY);
	must(scope_make(&b.scope, SCOPE_MASLIKHAT, "990000000", NULL, &err), &err);
	assert_int_equal(db_ov_body_add(C->st, &b, &id, &err), -1);
	store_rollback(C->st);
}

/* ---- the audit log ------------------------------------------------------------ */

static void test_audit(void **state)
{
	struct ob_err err = { 0 };
	struct ov_account a;
	long long id = request(BIN_MASLIKHAT, PERSON, "2026-07-01"), account;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	must(decide(OPERATOR, id, "approve", NULL, "2026-07-01", &err), &err);
	must(grant(OPERATOR, id, "2026-07-01", &account, &err), &err);
	assert_int_equal(oversight_account_active(C->st, PERSON, BIN_MASLIKHAT, D("2026-07-02"), &a, &err), 1);
	ob_clock_set_now(1782964800LL);  /* 2026-07-02T04:00:00Z */
	begin();
	must(oversight_audit(C->st, &a, "sign-in", "", &err), &err);
	must(oversight_audit(C->st, &a, "open", "BP-2026-261-001", &err), &err);
	must(oversight_audit(C->st, &a, "export", "proposals, \"all\"", &err), &err);
	commit();
	ob_clock_set_now(0);
	assert_non_null(f = open_memstream(&buf, &len));
	must(oversight_audit_csv(C->st, NULL, f, &err), &err);
	fclose(f);
	assert_string_equal(buf,
	        "id,at,iin,bin,scope,action,object\r\n"
	        "1,2026-07-02T04:00:00Z," PERSON "," BIN_MASLIKHAT ",maslikhat 190000000,sign-in,\r\n"
	        "2,2026-07-02T04:00:00Z," PERSON "," BIN_MASLIKHAT ",maslikhat 190000000,open,BP-2026-261-001\r\n"
	        "3,2026-07-02T04:00:00Z," PERSON "," BIN_MASLIKHAT ",maslikhat 190000000,export,"
	        "\"proposals, \"\"all\"\"\"\r\n");
	free(buf);
	/* One body's lines only. */
	buf = NULL;
	assert_non_null(f = open_memstream(&buf, &len));
	must(oversight_audit_csv(C->st, BIN_CHAMBER, f, &err), &err);
	fclose(f);
	assert_string_equal(buf, "id,at,iin,bin,scope,action,object\r\n");
	free(buf);
	/* Append-only. */
	assert_int_not_equal(sqlite3_exec(store_db(C->st), "UPDATE oversight_audit SET object = ''",
	                                  NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(store_db(C->st), "DELETE FROM oversight_audit", NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_int_equal(rows("oversight_audit"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_deadlines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lifecycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_block, setup, teardown),
		cmocka_unit_test_setup_teardown(test_block_by_operator, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_requests, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bodies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
	};

	return cmocka_run_group_tests_name("oversight", tests, NULL, NULL);
}
