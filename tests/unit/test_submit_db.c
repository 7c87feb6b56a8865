/* Signed submissions in the store (core/db_submit.c, schema/003): roles
 * (issue 4.4), one vote per person and target (P-11), single-use nonces,
 * the append-only evidence, the statuses a receipt shows (P-15, P-16).
 * Each test gets a fresh database: two administrators and one passport in
 * discussion.  Time is fixed with ob_clock_set_now(). */
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

#include "clock.h"
#include "db_documents.h"
#include "db_reference.h"
#include "db_submit.h"
#include "doc.h"
#include "nonce.h"
#include "xmlin.h"

#define T0 1795944797LL  /* 2026-11-29T09:33:17Z */
#define CITIZEN "900101300017"
#define CITIZEN2 "900101300811"
#define OPERATOR "851202400023"
#define BIN_225 "123456789012"
#define BIN_226 "210987654321"

static const char reference[] =
	"<reference xmlns=\"urn:obkz:doc:1\" synthetic=\"true\">"
	"<administrator code=\"225\" bin=\"" BIN_225 "\" level=\"republican\">"
	"<name><kk>Бірінші (синтетикалық)</kk><ru>Первый (синтетические данные)</ru></name>"
	"<program code=\"001\" fgroup=\"4\" fsubgroup=\"1\"><name><kk>А</kk><ru>А</ru></name>"
	"<subprogram code=\"100\"><name><kk>А</kk><ru>А</ru></name></subprogram>"
	"<subprogram code=\"101\"><name><kk>Б</kk><ru>Б</ru></name></subprogram></program>"
	"</administrator>"
	"<administrator code=\"226\" bin=\"" BIN_226 "\" level=\"republican\">"
	"<name><kk>Екінші (синтетикалық)</kk><ru>Второй (синтетические данные)</ru></name>"
	"</administrator></reference>";

struct ctx {
	struct store *st;
	char path[64];
	long long doc, admin_225, admin_226;
	int serial;  /* for unique submission ids */
};

static struct ctx *C;

/* One transaction around fn's writes, as obfcgi's group commit does. */
static void begin(void)
{
	struct ob_err err = { 0 };

	assert_int_equal(store_begin(C->st, &err), 0);
}

static void commit(void)
{
	struct ob_err err = { 0 };

	assert_int_equal(store_commit(C->st, &err), 0);
}

/* A stored submission of kind by iin (evidence row), id returned in s. */
static void submission(struct submission *s, const char *kind, const char *iin)
{
	struct ob_err err = { 0 };

	evidence_init(s, &C->serial, kind, iin);
	s->doc_id = C->doc;
	begin();
	assert_int_equal(db_submission_insert(C->st, s, &err), 0);
	commit();
}

static int setup(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date today = { 2026, 11, 29 };

	C = calloc(1, sizeof *C);
	ob_clock_set(&today);
	ob_clock_set_now(T0);
	C->st = db_create(C->path, sizeof C->path, "submit");
	/* The classification first: programs refer to it. */
	db_load_reference_file(C->st, OB_SHARE_DIR "/data/reference/base.xml");
	db_load_reference_text(C->st, reference, sizeof reference - 1);
	assert_int_equal(db_admin_by_bin(C->st, BIN_225, "225", &C->admin_225, &err), 1);
	assert_int_equal(db_admin_by_bin(C->st, BIN_226, "226", &C->admin_226, &err), 1);
	/* The passport BP-2026-225-001, in discussion until 2026-12-04. */
	C->doc = db_import_file(C->st, OB_SHARE_DIR "/tests/fixtures/import/passport.xml");
	*state = C;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(C->st);
	db_remove(C->path);
	free(C);
	doc_schemas_free();
	ob_clock_set(NULL);
	ob_clock_set_now(0);
	return 0;
}

/* ---- roles (issue 4.4) ----------------------------------------------------- */

static long long grant(const char *role, const char *iin, long long admin_id)
{
	struct ob_err err = { 0 };
	char now[21];
	long long id = 0;

	begin();
	assert_int_equal(db_role_grant(C->st, role, iin, admin_id, ob_time_format(ob_now(), now), &id, &err), 0);
	commit();
	assert_true(id > 0);
	return id;
}

static int is_admin(long long admin_id, const char *bin, const char *iin)
{
	struct ob_err err = { 0 };

	return db_role_is_administrator(C->st, admin_id, bin, iin, &err);
}

static void test_operator_role(void **state)
{
	struct ob_err err = { 0 };
	char now[21];
	long long id;

	(void)state;
	assert_int_equal(db_role_is_operator(C->st, OPERATOR, &err), 0);
	id = grant("operator", OPERATOR, 0);
	assert_int_equal(db_role_is_operator(C->st, OPERATOR, &err), 1);
	assert_int_equal(db_role_is_operator(C->st, CITIZEN, &err), 0);
	/* An operator is no administrator. */
	assert_int_equal(is_admin(C->admin_225, BIN_225, OPERATOR), 0);
	ob_clock_set_now(T0 + 3600);
	begin();
	assert_int_equal(db_role_revoke(C->st, id, ob_time_format(ob_now(), now), &err), 0);
	commit();
	assert_int_equal(db_role_is_operator(C->st, OPERATOR, &err), 0);
	/* Revoked once; a second revocation finds no active role. */
	begin();
	assert_int_equal(db_role_revoke(C->st, id, now, &err), -1);
	assert_string_equal(err.code, "not-found");
	store_rollback(C->st);
	/* An operator needs an IIN and no administrator (schema CHECK). */
	begin();
	assert_int_equal(db_role_grant(C->st, "operator", NULL, 0, now, &id, &err), -1);
	assert_int_equal(db_role_grant(C->st, "operator", OPERATOR, C->admin_225, now, &id, &err), -1);
	assert_int_equal(db_role_grant(C->st, "moderator", OPERATOR, 0, now, &id, &err), -1);
	store_rollback(C->st);
}

/* By the BIN in the certificate; a person's own certificate (no BIN) never
 * acts for a body; a grant naming a person holds for that person only. */
static void test_administrator_role(void **state)
{
	struct ob_err err = { 0 };
	char now[21];
	long long any, one;

	(void)state;
	assert_int_equal(is_admin(C->admin_225, BIN_225, CITIZEN), 0);
	any = grant("administrator", NULL, C->admin_225);
	assert_int_equal(is_admin(C->admin_225, BIN_225, CITIZEN), 1);
	assert_int_equal(is_admin(C->admin_225, BIN_225, CITIZEN2), 1);
	assert_int_equal(is_admin(C->admin_225, BIN_226, CITIZEN), 0);  /* another body's BIN */
	assert_int_equal(is_admin(C->admin_225, "", CITIZEN), 0);       /* personal certificate */
	assert_int_equal(is_admin(C->admin_226, BIN_225, CITIZEN), 0);  /* another administrator */
	assert_int_equal(is_admin(C->admin_226, BIN_226, CITIZEN), 0);  /* not granted */
	one = grant("administrator", CITIZEN2, C->admin_226);
	assert_int_equal(is_admin(C->admin_226, BIN_226, CITIZEN2), 1);
	assert_int_equal(is_admin(C->admin_226, BIN_226, CITIZEN), 0);
	begin();
	assert_int_equal(db_role_revoke(C->st, any, ob_time_format(ob_now(), now), &err), 0);
	commit();
	assert_int_equal(is_admin(C->admin_225, BIN_225, CITIZEN), 0);
	assert_int_equal(is_admin(C->admin_226, BIN_226, CITIZEN2), 1);
	(void)one;
	/* The BIN and the code must name the same administrator. */
	assert_int_equal(db_admin_by_bin(C->st, BIN_225, "226", &one, &err), 0);
	assert_int_equal(db_admin_by_bin(C->st, "000000000000", "225", &one, &err), 0);
}

struct listed {
	int n, revoked;
	char last_role[16], last_code[4];
};

static int on_role(const struct role_row *r, void *arg)
{
	struct listed *l = arg;

	l->n++;
	l->revoked += r->revoked[0] != '\0';
	snprintf(l->last_role, sizeof l->last_role, "%s", r->role);
	snprintf(l->last_code, sizeof l->last_code, "%s", r->admin_code);
	return 0;
}

static void test_role_list(void **state)
{
	struct ob_err err = { 0 };
	struct listed l = { 0 };
	char now[21];
	long long id;

	(void)state;
	grant("operator", OPERATOR, 0);
	id = grant("operator", CITIZEN, 0);
	grant("administrator", NULL, C->admin_226);
	begin();
	assert_int_equal(db_role_revoke(C->st, id, ob_time_format(ob_now(), now), &err), 0);
	commit();
	assert_int_equal(db_role_list(C->st, on_role, &l, &err), 0);
	assert_int_equal(l.n, 3);        /* revoked roles stay listed */
	assert_int_equal(l.revoked, 1);
	assert_string_equal(l.last_role, "administrator");
	assert_string_equal(l.last_code, "226");
}

/* ---- votes (P-11) ---------------------------------------------------------- */

static void vote(const struct submission *s, long long proposal, const char *choice)
{
	struct ob_err err = { 0 };

	begin();
	assert_int_equal(db_vote_put(C->st, s, C->doc, proposal, choice, &err), 0);
	commit();
}

static const char *receipt_status(const char *id)
{
	static struct receipt r;
	struct ob_err err = { 0 };

	assert_int_equal(db_receipt(C->st, id, &r, &err), 1);
	return r.status;
}

static void test_vote_replaced(void **state)
{
	struct submission first, second, other, on_proposal;
	struct ob_err err = { 0 };

	(void)state;
	submission(&first, "vote", CITIZEN);
	vote(&first, 0, "for");
	assert_string_equal(receipt_status(first.id), "counted");
	ob_clock_set_now(T0 + 60);
	submission(&second, "vote", CITIZEN);
	vote(&second, 0, "against");
	/* One row per person and target, the later vote's. */
	assert_int_equal(db_count(C->st, "votes", &err), 1);
	assert_string_equal(sql_text(C->st, "SELECT choice FROM votes"), "against");
	assert_string_equal(sql_text(C->st, "SELECT submission FROM votes"), second.id);
	assert_string_equal(sql_text(C->st, "SELECT cast_at FROM votes"), "2026-11-29T09:34:17Z");
	assert_string_equal(receipt_status(first.id), "replaced");
	assert_string_equal(receipt_status(second.id), "counted");
	/* Both signed votes stay as evidence. */
	assert_int_equal(db_count(C->st, "submissions", &err), 2);
	/* Another person, and the same person on another target: rows of their own. */
	submission(&other, "vote", CITIZEN2);
	vote(&other, 0, "for");
	submission(&on_proposal, "vote", CITIZEN);
	vote(&on_proposal, 7, "for");
	assert_int_equal(db_count(C->st, "votes", &err), 3);
	assert_string_equal(receipt_status(second.id), "counted");
	/* "maybe" is no choice. */
	begin();
	assert_int_equal(db_vote_put(C->st, &other, C->doc, 0, "maybe", &err), -1);
	assert_string_equal(err.code, "storage");
	store_rollback(C->st);
}

/* ---- nonces ---------------------------------------------------------------- */

/* Records the use of nonce n (expiring NONCE_TTL after its issue) at ob_now(). */
static int use_nonce(const char *n)
{
	struct ob_err err = { 0 };
	unsigned long long issued = 0;
	int rc;

	assert_int_equal(sscanf(n, "%16llx", &issued), 1);
	begin();
	rc = db_nonce_use(C->st, n, (long long)issued + NONCE_TTL, ob_now(), &err);
	commit();
	return rc;
}

static void test_nonce_reuse(void **state)
{
	static const unsigned char key[SECRET_LEN] = "a test key of the nonces (31 B)";
	char a[NONCE_LEN + 1], b[NONCE_LEN + 1], c[NONCE_LEN + 1], d[NONCE_LEN + 1];
	struct ob_err err = { 0 };

	(void)state;
	assert_int_equal(nonce_make(key, T0, a), 0);
	assert_int_equal(nonce_make(key, T0, b), 0);
	assert_int_equal(nonce_make(key, T0, c), 0);
	assert_int_equal(use_nonce(a), 0);
	assert_int_equal(use_nonce(a), 1);  /* reused */
	assert_int_equal(use_nonce(b), 0);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM nonces_used"), 2);
	/* A refused submission rolls its nonce back: still unused after. */
	begin();
	assert_int_equal(db_nonce_use(C->st, c, T0 + NONCE_TTL, ob_now(), &err), 0);
	store_rollback(C->st);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM nonces_used"), 2);
	assert_int_equal(use_nonce(c), 0);
	/* Still recorded at the last second of their validity ... */
	ob_clock_set_now(T0 + NONCE_TTL);
	assert_int_equal(nonce_make(key, ob_now(), d), 0);
	assert_int_equal(use_nonce(d), 0);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM nonces_used"), 4);
	assert_int_equal(use_nonce(a), 1);
	/* ... and pruned once expired (nonce_check refuses them before they
	 * get here). */
	ob_clock_set_now(T0 + NONCE_TTL + 1);
	assert_int_equal(use_nonce(d), 1);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM nonces_used"), 1);
}

/* ---- evidence -------------------------------------------------------------- */

static void test_submissions_append_only(void **state)
{
	struct submission s, dup;
	struct ob_err err = { 0 };
	char *msg = NULL;

	(void)state;
	submission(&s, "vote", CITIZEN);
	assert_int_not_equal(sqlite3_exec(store_db(C->st), "UPDATE submissions SET iin = '000000000000'",
	                                  NULL, NULL, &msg), SQLITE_OK);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	assert_int_not_equal(sqlite3_exec(store_db(C->st), "DELETE FROM submissions", NULL, NULL, &msg),
	                     SQLITE_OK);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	assert_int_equal(db_count(C->st, "submissions", &err), 1);
	assert_string_equal(sql_text(C->st, "SELECT iin FROM submissions"), CITIZEN);
	/* An id is one receipt: a second row with it is refused. */
	dup = s;
	begin();
	assert_int_equal(db_submission_insert(C->st, &dup, &err), -1);
	store_rollback(C->st);
	/* An unknown kind is refused by the schema. */
	submission(&dup, "vote", CITIZEN);
	dup.kind = "petition";
	snprintf(dup.id, sizeof dup.id, "%032x", 999);
	begin();
	assert_int_equal(db_submission_insert(C->st, &dup, &err), -1);
	store_rollback(C->st);
	assert_int_equal(db_count(C->st, "submissions", &err), 2);
}

static void test_secrets(void **state)
{
	unsigned char a[SECRET_LEN], b[SECRET_LEN], again[SECRET_LEN];
	struct ob_err err = { 0 };

	(void)state;
	assert_int_equal(db_secret(C->st, "nonce", a, &err), 0);
	assert_int_equal(db_secret(C->st, "pseudonym", b, &err), 0);
	assert_int_equal(db_secret(C->st, "nonce", again, &err), 0);
	assert_memory_equal(a, again, SECRET_LEN);
	assert_memory_not_equal(a, b, SECRET_LEN);
	assert_int_equal(db_secret(C->st, "nope", a, &err), -1);
	assert_string_equal(err.code, "storage");
}

/* ---- proposals, moderation, answers (P-14, P-15, P-16) ---------------------- */

static long long part_id(const char *key)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT id FROM parts WHERE key = '%s'", key);
	return sql_count(C->st, sql);
}

static void test_proposal_lifecycle(void **state)
{
	struct submission p, m, a, r;
	struct proposal_target t;
	struct doc_target d;
	struct ob_err err = { 0 };
	long long id = 0, refused = 0, part = part_id("goal");

	(void)state;
	assert_int_equal(db_target_doc(C->st, "BP-2026-225-001", &d, &err), 1);
	assert_int_equal(d.id, C->doc);
	assert_string_equal(d.status, "in-discussion");
	assert_string_equal(d.discussion_end, "2026-12-04");
	assert_string_equal(d.admin_code, "225");
	assert_string_equal(d.admin_bin, BIN_225);
	assert_int_equal(db_target_doc(C->st, "BP-2026-225-999", &d, &err), 0);
	assert_int_equal(db_target_part(C->st, C->doc, part, &err), 1);
	assert_int_equal(db_target_part(C->st, C->doc + 1, part, &err), 0);
	assert_int_equal(db_target_part(C->st, C->doc, 999999, &err), 0);

	submission(&p, "proposal", CITIZEN);
	begin();
	assert_int_equal(db_proposal_insert(C->st, &p, C->doc, part, "kk", "Ұсыныс.", &id, &err), 0);
	commit();
	assert_int_equal(db_target_proposal(C->st, id, &t, &err), 1);
	assert_string_equal(t.status, "pending");
	assert_false(t.moderated);
	assert_string_equal(receipt_status(p.id), "pending");

	submission(&m, "moderation", OPERATOR);
	begin();
	assert_int_equal(db_moderation_insert(C->st, &m, id, "publish", NULL, NULL, &err), 0);
	commit();
	assert_int_equal(db_target_proposal(C->st, id, &t, &err), 1);
	assert_string_equal(t.status, "published");
	assert_true(t.moderated);
	assert_false(t.answered);
	assert_string_equal(receipt_status(p.id), "published");
	assert_string_equal(receipt_status(m.id), "accepted");
	/* One decision per proposal. */
	begin();
	assert_int_equal(db_moderation_insert(C->st, &m, id, "refuse", "spam", "Тағы.", &err), -1);
	store_rollback(C->st);

	submission(&a, "answer", CITIZEN2);
	begin();
	assert_int_equal(db_answer_insert(C->st, &a, id, "accepted", "ru", "Принято.", &err), 0);
	commit();
	assert_int_equal(db_target_proposal(C->st, id, &t, &err), 1);
	assert_true(t.answered);
	assert_string_equal(receipt_status(p.id), "answered");

	/* P-15: a refusal without a reason or a justification is refused by
	 * the schema too; with both it stands. */
	submission(&r, "proposal", CITIZEN2);
	begin();
	assert_int_equal(db_proposal_insert(C->st, &r, C->doc, part, "ru", "Реклама.", &refused, &err), 0);
	commit();
	submission(&m, "moderation", OPERATOR);
	begin();
	assert_int_equal(db_moderation_insert(C->st, &m, refused, "refuse", NULL, "Реклама.", &err), -1);
	assert_int_equal(db_moderation_insert(C->st, &m, refused, "refuse", "spam", NULL, &err), -1);
	assert_int_equal(db_moderation_insert(C->st, &m, refused, "refuse", "boring", "Скучно.", &err), -1);
	store_rollback(C->st);
	begin();
	assert_int_equal(db_moderation_insert(C->st, &m, refused, "refuse", "advertising", "Реклама.", &err), 0);
	commit();
	assert_string_equal(receipt_status(r.id), "refused");
	assert_int_equal(db_count(C->st, "proposals", &err), 2);
	assert_int_equal(db_count(C->st, "moderation", &err), 2);
	assert_int_equal(db_count(C->st, "answers", &err), 1);
	assert_int_equal(db_count(C->st, "nothing", &err), -1);
}

static void test_receipt_unknown(void **state)
{
	struct receipt r;
	struct ob_err err = { 0 };

	(void)state;
	assert_int_equal(db_receipt(C->st, "00000000000000000000000000000000", &r, &err), 0);
}

static void test_doc_touch(void **state)
{
	struct ob_err err = { 0 };
	long long before = sql_count(C->st, "SELECT seq FROM documents WHERE number = 'BP-2026-225-001'");

	(void)state;
	begin();
	assert_int_equal(db_doc_touch(C->st, C->doc, &err), 0);
	commit();
	assert_true(sql_count(C->st, "SELECT seq FROM documents WHERE number = 'BP-2026-225-001'") > before);
	assert_int_equal(sql_count(C->st, "SELECT seq FROM documents WHERE number = 'BP-2026-225-001'"),
	                 store_seq(C->st));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_operator_role, setup, teardown),
		cmocka_unit_test_setup_teardown(test_administrator_role, setup, teardown),
		cmocka_unit_test_setup_teardown(test_role_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vote_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nonce_reuse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_submissions_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secrets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_proposal_lifecycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_receipt_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doc_touch, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
