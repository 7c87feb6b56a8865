/* Staff sessions and roles (issue 6.2, 6.5; core/session.c, db_session.c,
 * access.c): tokens are random and stored only hashed, sessions end when
 * idle, at their end, at the certificate's end and at logout, the CSRF
 * token must match, and roles are read anew each time (a revoked role
 * closes the console at once).  Time is moved with ob_clock_set_now();
 * nothing sleeps. */
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

#include "access.h"
#include "db_console.h"
#include "db_reference.h"
#include "db_submit.h"
#include "session.h"
#include "xmlin.h"

#define T0 1795944797LL  /* 2026-11-29T09:33:17Z */
#define OPERATOR "851202400023"
#define CLERK "780305500031"
#define BIN_225 "123456789012"

static const char reference[] =
	"<reference xmlns=\"urn:obkz:doc:1\" synthetic=\"true\">"
	"<administrator code=\"225\" bin=\"" BIN_225 "\" level=\"republican\">"
	"<name><kk>Бірінші (синтетикалық)</kk><ru>Первый (синтетические данные)</ru></name>"
	"</administrator></reference>";

static struct store *st;
static char path[64];
static long long admin_225;

static int setup(void **state)
{
	struct ob_err err = { 0 };

	(void)state;
	st = db_create(path, sizeof path, "session");
	/* The levels and the classification first: administrators refer to them. */
	db_load_reference_file(st, OB_SHARE_DIR "/data/reference/base.xml");
	db_load_reference_text(st, reference, sizeof reference - 1);
	assert_int_equal(db_admin_by_bin(st, BIN_225, "225", &admin_225, &err), 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(st);
	db_remove(path);
	return 0;
}

static struct principal person(const char *iin, const char *bin)
{
	struct principal p;

	memset(&p, 0, sizeof p);
	snprintf(p.iin, sizeof p.iin, "%s", iin);
	snprintf(p.bin, sizeof p.bin, "%s", bin);
	snprintf(p.name, sizeof p.name, "ТЕСТ (синтетикалық)");
	memset(p.cert_sha256, 'c', 64);
	return p;
}

/* A stored session opened at now; its token in token, its hash in hash. */
static void open_session(const struct principal *who, long long now, long long not_after, struct session *s,
                         char token[SESSION_TOKEN_LEN + 1], char hash[65])
{
	struct ob_err err = { 0 };

	must(session_new(who, now, not_after, s, token, &err), &err);
	session_token_hash(token, hash);
	must(store_begin(st, &err), &err);
	must(db_session_insert(st, s, hash, &err), &err);
	must(store_commit(st, &err), &err);
}

static int find(const char *hash, long long now, struct session *out)
{
	struct ob_err err = { 0 };

	return db_session_find(st, hash, now, out, &err);
}

static void test_tokens(void **state)
{
	struct principal p = person(OPERATOR, "");
	struct session a, b;
	char ta[SESSION_TOKEN_LEN + 1], tb[SESSION_TOKEN_LEN + 1], h[65];
	struct ob_err err = { 0 };

	(void)state;
	must(session_new(&p, T0, 0, &a, ta, &err), &err);
	must(session_new(&p, T0, 0, &b, tb, &err), &err);
	assert_true(session_token_valid(ta));
	assert_string_not_equal(ta, tb);
	assert_string_not_equal(a.csrf, b.csrf);
	assert_string_not_equal(ta, a.csrf);
	session_token_hash(ta, h);
	assert_int_equal(strlen(h), 64);
	assert_string_not_equal(h, ta);
	/* Shapes a cookie must have. */
	assert_false(session_token_valid(NULL));
	assert_false(session_token_valid(""));
	assert_false(session_token_valid("ABCDEF"));
	ta[10] = 'G';
	assert_false(session_token_valid(ta));
	/* CSRF: equal only to its own session's token. */
	assert_true(session_csrf_ok(&a, a.csrf));
	assert_false(session_csrf_ok(&a, b.csrf));
	assert_false(session_csrf_ok(&a, ""));
	assert_false(session_csrf_ok(&a, NULL));
	/* Never beyond SESSION_MAX, never beyond the certificate. */
	assert_int_equal(a.expires, T0 + SESSION_MAX);
	must(session_new(&p, T0, T0 + 600, &a, ta, &err), &err);
	assert_int_equal(a.expires, T0 + 600);
}

static void test_store_find_idle_end(void **state)
{
	struct principal p = person(OPERATOR, "");
	struct session s, got;
	char token[SESSION_TOKEN_LEN + 1], hash[65], other[65];
	struct ob_err err = { 0 };

	(void)state;
	open_session(&p, T0, 0, &s, token, hash);
	/* Only the hash is stored, never the token. */
	assert_int_equal(sql_count(st, "SELECT count(*) FROM sessions"), 1);
	assert_string_equal(sql_text(st, "SELECT token_hash FROM sessions"), hash);
	assert_int_equal(find(hash, T0 + 1, &got), 1);
	assert_string_equal(got.who.iin, OPERATOR);
	assert_string_equal(got.csrf, s.csrf);
	session_token_hash("0000000000000000000000000000000000000000000000000000000000000000", other);
	assert_int_equal(find(other, T0 + 1, &got), 0);
	/* Touched only after SESSION_TOUCH_EVERY. */
	assert_false(session_needs_touch(&got, T0 + SESSION_TOUCH_EVERY - 1));
	assert_true(session_needs_touch(&got, T0 + SESSION_TOUCH_EVERY));
	/* Idle: alive until SESSION_IDLE after the last request. */
	assert_int_equal(find(hash, T0 + SESSION_IDLE - 1, &got), 1);
	assert_int_equal(find(hash, T0 + SESSION_IDLE, &got), 0);
	must(store_begin(st, &err), &err);
	must(db_session_touch(st, got.id, T0 + SESSION_IDLE - 10, &err), &err);
	must(store_commit(st, &err), &err);
	assert_int_equal(find(hash, T0 + 2 * SESSION_IDLE - 11, &got), 1);
	/* Logout ends it at once. */
	must(store_begin(st, &err), &err);
	must(db_session_end(st, got.id, T0 + SESSION_IDLE, &err), &err);
	must(store_commit(st, &err), &err);
	assert_int_equal(find(hash, T0 + SESSION_IDLE + 1, &got), 0);
}

static void test_absolute_end_and_prune(void **state)
{
	struct principal p = person(OPERATOR, "");
	struct session s, got;
	char token[SESSION_TOKEN_LEN + 1], hash[65];
	struct ob_err err = { 0 };
	long long t;

	(void)state;
	open_session(&p, T0, T0 + 3600, &s, token, hash);
	/* Kept busy, it still ends with the certificate. */
	for (t = T0; t < T0 + 3600; t += 600) {
		assert_int_equal(find(hash, t, &got), 1);
		must(store_begin(st, &err), &err);
		must(db_session_touch(st, got.id, t, &err), &err);
		must(store_commit(st, &err), &err);
	}
	assert_int_equal(find(hash, T0 + 3600, &got), 0);
	/* Long-expired rows are pruned at the next logout. */
	must(store_begin(st, &err), &err);
	must(db_session_end(st, 999999, T0 + 3600 + SESSION_MAX + 1, &err), &err);
	must(store_commit(st, &err), &err);
	assert_int_equal(sql_count(st, "SELECT count(*) FROM sessions"), 0);
	/* Nobody logs out: the next sign-in prunes them as well. */
	open_session(&p, T0, T0 + 3600, &s, token, hash);
	assert_int_equal(sql_count(st, "SELECT count(*) FROM sessions"), 1);
	open_session(&p, T0 + 3600 + SESSION_MAX + 1, T0 + 2 * SESSION_MAX, &s, token, hash);
	assert_int_equal(sql_count(st, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(find(hash, T0 + 3600 + SESSION_MAX + 2, &got), 1);
}

static void test_access_roles(void **state)
{
	struct principal op = person(OPERATOR, ""), clerk = person(CLERK, BIN_225);
	struct principal own = person(CLERK, ""), stranger = person(CLERK, "210987654321");
	struct access a;
	struct ob_err err = { 0 };
	long long id, id2;

	(void)state;
	must(access_load(st, &op, &a, &err), &err);
	assert_false(access_any(&a));
	must(store_begin(st, &err), &err);
	must(db_role_grant(st, "operator", OPERATOR, 0, "2026-11-29T09:00:00Z", &id, &err), &err);
	must(db_role_grant(st, "administrator", NULL, admin_225, "2026-11-29T09:00:00Z", &id2, &err), &err);
	must(store_commit(st, &err), &err);
	must(access_load(st, &op, &a, &err), &err);
	assert_true(a.operator);
	assert_int_equal(a.n_admins, 0);
	/* The body's certificate (its BIN) answers for the body... */
	must(access_load(st, &clerk, &a, &err), &err);
	assert_false(a.operator);
	assert_int_equal(a.n_admins, 1);
	assert_string_equal(a.admins[0].code, "225");
	assert_true(access_has_admin(&a, admin_225));
	assert_false(access_has_admin(&a, admin_225 + 1));
	/* ...a person's own certificate, or another body's, does not. */
	must(access_load(st, &own, &a, &err), &err);
	assert_false(access_any(&a));
	must(access_load(st, &stranger, &a, &err), &err);
	assert_false(access_any(&a));
	/* Revoked: gone at the next request (issue 6.5). */
	must(store_begin(st, &err), &err);
	must(db_role_revoke(st, id, "2026-11-29T10:00:00Z", &err), &err);
	must(db_role_revoke(st, id2, "2026-11-29T10:00:00Z", &err), &err);
	must(store_commit(st, &err), &err);
	must(access_load(st, &op, &a, &err), &err);
	assert_false(access_any(&a));
	must(access_load(st, &clerk, &a, &err), &err);
	assert_false(access_any(&a));
}

static int count_doc(const struct console_document *d, void *arg)
{
	(void)d;
	(*(int *)arg)++;
	return 0;
}

static void test_console_documents_empty(void **state)
{
	struct ob_err err = { 0 };
	int n = 0;

	(void)state;
	must(db_console_documents(st, admin_225, count_doc, &n, &err), &err);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test_setup_teardown(test_store_find_idle_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_absolute_end_and_prune, setup, teardown),
		cmocka_unit_test_setup_teardown(test_access_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_console_documents_empty, setup, teardown),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
