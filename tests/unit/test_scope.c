/* the scopes of oversight bodies (core/scope.c) and their SQL filter
 * (core/db_scope.c).  A table of administrators (republican, oblast, city
 * of republican significance, district; 252 and 352 among them) against
 * every kind of body: each body sees exactly the column of the table that
 * is 1, by scope_covers() and by the query, which must agree. */
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
#include "db_compliance.h"
#include "db_reference.h"
#include "db_scope.h"
#include "oversight.h"
#include "doc.h"
#include "scope.h"
#include "xmlin.h"

#define ALMATY_OBL "190000000"  /* Алматы облысы */
#define ALMATY_CITY "750000000" /* Алматы қаласы */
#define KARAGANDA "350000000"

/* The administrators of the table: code, level, region. */
static const struct adm {
	const char *code, *level, *region, *bin;
} admins[] = {
	{ "217", "republican", NULL, "100000000001" },        /* 0: the Ministry of Finance */
	{ "225", "republican", NULL, "100000000002" },        /* 1: the Ministry of Education */
	{ "201", "republican", NULL, "100000000003" },        /* 2: the Ministry of Internal Affairs */
	{ "252", "regional", ALMATY_OBL, "100000000004" },    /* 3: police of the Almaty oblast */
	{ "261", "regional", ALMATY_OBL, "100000000005" },    /* 4: education, Almaty oblast */
	{ "464", "district", ALMATY_OBL, "100000000006" },    /* 5: a district of the Almaty oblast */
	{ "352", "city", ALMATY_CITY, "100000000007" },       /* 6: police of Almaty city */
	{ "360", "city", ALMATY_CITY, "100000000008" },       /* 7: education, Almaty city */
	{ "252", "regional", KARAGANDA, "100000000009" },     /* 8: police of the Karaganda oblast */
	{ "261", "regional", KARAGANDA, "100000000010" },     /* 9: education, Karaganda oblast */
};
#define NADMINS (sizeof admins / sizeof admins[0])

/* The bodies and what each sees, admin by admin. */
static const struct body {
	const char *kind, *region, *codes;
	const char *sees;  /* one digit per row of admins[] */
} bodies[] = {
	{ "parliament", NULL, NULL, "1111111111" },
	{ "audit-chamber", NULL, NULL, "1111111111" },
	{ "internal-audit", NULL, NULL, "1111111111" },
	/* the local budgets of the Almaty oblast: never a republican body */
	{ "maslikhat", ALMATY_OBL, NULL, "0001110000" },
	{ "maslikhat", ALMATY_CITY, NULL, "0000001100" },
	{ "revision-commission", KARAGANDA, NULL, "0000000011" },
	/* its own central body's budget, and no local one with the same code */
	{ "central-audit-service", NULL, "217", "1000000000" },
	{ "central-audit-service", NULL, "225, 217", "1100000000" },
	{ "central-audit-service", NULL, "261", "0000000000" },
	{ "regional-audit-service", ALMATY_OBL, NULL, "0001110000" },
	{ "regional-audit-service", KARAGANDA, NULL, "0000000011" },
	/* 252 of its oblast, or 352 of its city; not 201 of the ministry */
	{ "interior-territorial", ALMATY_OBL, NULL, "0001000000" },
	{ "interior-territorial", ALMATY_CITY, NULL, "0000001000" },
	{ "interior-territorial", KARAGANDA, NULL, "0000000010" },
};
#define NBODIES (sizeof bodies / sizeof bodies[0])

static struct scope make(const struct body *b)
{
	struct ob_err err = { 0 };
	struct scope sc;

	if (scope_make(&sc, scope_kind_parse(b->kind), b->region, b->codes, &err) != 0)
		fail_msg("%s %s: %s", b->kind, b->region ? b->region : "", err.msg);
	return sc;
}

static void test_kinds(void **state)
{
	(void)state;
	for (int k = SCOPE_PARLIAMENT; k <= SCOPE_INTERIOR_TERRITORIAL; k++) {
		const char *name = scope_kind_name((enum scope_kind)k);

		assert_non_null(name);
		assert_int_equal(scope_kind_parse(name), k);
	}
	assert_null(scope_kind_name(SCOPE_NONE));
	assert_int_equal(scope_kind_parse("ministry"), SCOPE_NONE);
	assert_int_equal(scope_kind_parse(NULL), SCOPE_NONE);
	assert_true(scope_kind_needs_region(SCOPE_MASLIKHAT));
	assert_false(scope_kind_needs_region(SCOPE_PARLIAMENT));
	assert_true(scope_kind_needs_codes(SCOPE_CENTRAL_AUDIT));
	assert_false(scope_kind_needs_codes(SCOPE_INTERIOR_TERRITORIAL));
}

/* scope_make refuses what a kind does not have or lacks. */
static void test_make(void **state)
{
	static const struct {
		const char *kind, *region, *codes;
		int ok;
		const char *want_codes;
	} cases[] = {
		{ "parliament", NULL, NULL, 1, "" },
		{ "parliament", ALMATY_OBL, NULL, 0, NULL },   /* the whole country, no region */
		{ "maslikhat", NULL, NULL, 0, NULL },          /* a maslikhat has a region */
		{ "maslikhat", "19", NULL, 0, NULL },          /* KATO has 9 digits */
		{ "maslikhat", "000000000", NULL, 0, NULL },
		{ "maslikhat", ALMATY_OBL, "252", 0, NULL },   /* no codes */
		{ "central-audit-service", NULL, NULL, 0, NULL },
		{ "central-audit-service", NULL, " , ", 0, NULL },
		{ "central-audit-service", NULL, "21", 0, NULL },
		{ "central-audit-service", NULL, "2170", 0, NULL },
		{ "central-audit-service", NULL, "225 217,225", 1, "217,225" },
		{ "central-audit-service", ALMATY_OBL, "217", 0, NULL },
		{ "interior-territorial", KARAGANDA, NULL, 1, "" },
		{ "nobody", NULL, NULL, 0, NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ob_err err = { 0 };
		struct scope sc;
		int rc = scope_make(&sc, scope_kind_parse(cases[i].kind), cases[i].region, cases[i].codes, &err);

		if (cases[i].ok) {
			if (rc != 0)
				fail_msg("case %zu: %s", i, err.msg);
			assert_string_equal(sc.codes, cases[i].want_codes);
		} else {
			if (rc != -1)
				fail_msg("case %zu accepted", i);
			assert_string_equal(err.code, "scope-invalid");
		}
	}
}

/* A-6, the table: every kind against documents inside and outside. */
static void test_covers(void **state)
{
	(void)state;
	for (size_t b = 0; b < NBODIES; b++) {
		struct scope sc = make(&bodies[b]);

		for (size_t a = 0; a < NADMINS; a++) {
			int want = bodies[b].sees[a] == '1';

			if (scope_covers(&sc, admins[a].code, admins[a].level, admins[a].region) != want)
				fail_msg("%s %s: admin %s %s %s should be %s", bodies[b].kind,
				         bodies[b].region ? bodies[b].region : "", admins[a].code, admins[a].level,
				         admins[a].region ? admins[a].region : "-", want ? "in" : "out");
		}
	}
}

static void test_covers_malformed(void **state)
{
	struct scope none = { 0 };
	struct scope sc = make(&bodies[0]);

	(void)state;
	assert_false(scope_covers(NULL, "217", "republican", NULL));
	assert_false(scope_covers(&none, "217", "republican", NULL));
	assert_false(scope_covers(&sc, "21", "republican", NULL));
	assert_false(scope_covers(&sc, "217", NULL, NULL));
	sc = make(&bodies[3]);  /* a maslikhat: an administrator without a region is never local */
	assert_false(scope_covers(&sc, "261", "regional", NULL));
	assert_false(scope_covers(&sc, "261", "regional", "19"));
}

static void test_describe(void **state)
{
	char buf[192];
	struct scope sc = make(&bodies[7]);

	(void)state;
	assert_string_equal(scope_describe(&sc, buf, sizeof buf), "central-audit-service 217,225");
	sc = make(&bodies[3]);
	assert_string_equal(scope_describe(&sc, buf, sizeof buf), "maslikhat " ALMATY_OBL);
	sc = make(&bodies[0]);
	assert_string_equal(scope_describe(&sc, buf, sizeof buf), "parliament");
}

/* ---- the SQL filter agrees with scope_covers ------------------------------- */

struct seen {
	char got[NADMINS + 1];
};

static int doc_seen(const struct scope_doc *d, void *arg)
{
	struct seen *s = arg;
	int i = atoi(d->number + 4);  /* "DOC-N" */

	assert_true(i >= 0 && i < (int)NADMINS);
	s->got[i] = '1';
	return 0;
}

/* A database with the administrators of the table and one document each
 * (DOC-N for admins[N]; DOC-4 a draft: drafts are in scope, A-6). */
static struct store *make_db(char *path, size_t size)
{
	struct store *st = db_create(path, size, "scope");
	char ref[4096], sql[512];
	size_t len = 0;

	len += (size_t)snprintf(ref + len, sizeof ref - len, "<reference xmlns=\"urn:obkz:doc:1\">");
	for (size_t a = 0; a < NADMINS; a++) {
		len += (size_t)snprintf(ref + len, sizeof ref - len,
		        "<administrator code=\"%s\" bin=\"%s\" level=\"%s\"%s%s%s>"
		        "<name><kk>Ә%zu</kk><ru>А%zu</ru></name></administrator>",
		        admins[a].code, admins[a].bin, admins[a].level, admins[a].region ? " region=\"" : "",
		        admins[a].region ? admins[a].region : "", admins[a].region ? "\"" : "", a, a);
	}
	snprintf(ref + len, sizeof ref - len, "</reference>");
	db_load_reference_file(st, OB_SHARE_DIR "/data/reference/base.xml");
	db_load_reference_text(st, ref, strlen(ref));
	for (size_t a = 0; a < NADMINS; a++) {
		snprintf(sql, sizeof sql, "INSERT INTO documents (number, kind, year, admin_id, posted, status, "
		         "title_kk, title_ru, seq) SELECT 'DOC-%zu', 'budget-report', 2026, id, '2026-01-0%zu', "
		         "'%s', 'Т', 'Т', 1 FROM administrators WHERE bin = '%s'", a, a % 9 + 1,
		         a == 4 ? "draft" : "published", admins[a].bin);
		assert_int_equal(sqlite3_exec(store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	}
	return st;
}

static void drop_db(struct store *st, const char *path)
{
	store_close(st);
	db_remove(path);
	doc_schemas_free();
}

static void test_sql_agrees(void **state)
{
	struct ob_err err = { 0 };
	char path[64], sql[512];
	struct store *st = make_db(path, sizeof path);

	(void)state;
	for (size_t b = 0; b < NBODIES; b++) {
		struct scope sc = make(&bodies[b]);
		struct seen s;

		memset(s.got, '0', NADMINS);
		s.got[NADMINS] = '\0';
		must(db_scope_documents(st, &sc, doc_seen, &s, &err), &err);
		if (strcmp(s.got, bodies[b].sees) != 0)
			fail_msg("%s %s: SQL sees %s, scope_covers %s", bodies[b].kind,
			         bodies[b].region ? bodies[b].region : "", s.got, bodies[b].sees);
		for (size_t a = 0; a < NADMINS; a++) {
			long long id;

			snprintf(sql, sizeof sql, "SELECT id FROM documents WHERE number = 'DOC-%zu'", a);
			id = sql_count(st, sql);
			assert_int_equal(db_scope_document_in(st, &sc, id, &err), bodies[b].sees[a] == '1');
		}
	}
	{
		struct scope none = { 0 };
		struct seen s;

		memset(s.got, '0', NADMINS);
		s.got[NADMINS] = '\0';
		must(db_scope_documents(st, &none, doc_seen, &s, &err), &err);
		assert_string_equal(s.got, "0000000000");  /* a malformed scope sees nothing */
	}
	drop_db(st, path);
}

/* ---- what the console lists: proposals, votes by day, deadlines ----- */

static int count_prop(const struct scope_proposal *p, void *arg)
{
	assert_string_equal(p->number, "DOC-3");
	assert_string_equal(p->status, "refused");
	assert_string_equal(p->reason, "advertising");
	assert_string_equal(p->justification, "Жарнама.");
	(*(int *)arg)++;
	return 0;
}

static int count_other(const struct scope_proposal *p, void *arg)
{
	assert_string_equal(p->number, "DOC-8");
	assert_string_equal(p->status, "pending");
	assert_string_equal(p->decision, "");
	(*(int *)arg)++;
	return 0;
}

static int count_day(const struct scope_votes_day *v, void *arg)
{
	assert_string_equal(v->number, "DOC-3");
	assert_string_equal(v->day, "2026-03-03");  /* 20:00 UTC is the next day in Almaty */
	assert_int_equal(v->doc_for, 1);
	assert_int_equal(v->doc_against, 1);
	(*(int *)arg)++;
	return 0;
}

static int count_compliance(const struct compliance_admin *ad, const struct compliance_row *r, void *arg)
{
	assert_string_equal(ad->code, "252");
	assert_string_equal(r->number, "AR-8");
	(*(int *)arg)++;
	return 0;
}

static void test_views(void **state)
{
	struct ob_err err = { 0 };
	char path[64];
	struct store *st = make_db(path, sizeof path);
	struct calendar *cal = calendar_new();
	struct ov_account in = { 0 }, out = { 0 };
	int n;

	(void)state;
	in.scope = make(&bodies[3]);    /* the Almaty oblast's maslikhat: DOC-3 is in */
	out.scope = make(&bodies[5]);   /* Karaganda's revision commission: it is not */
	/* A refused proposal on DOC-3 and on DOC-8, and two votes on DOC-3. */
	assert_int_equal(sqlite3_exec(store_db(st),
	        "INSERT INTO parts (doc_id, key, ord, title_kk, title_ru) SELECT id, 'goal', 1, 'М', 'Ц' "
	        "FROM documents WHERE number IN ('DOC-3', 'DOC-8');"
	        "INSERT INTO submissions (id, kind, received, iin, cert_sha256, sha256, xml) VALUES "
	        "('00000000000000000000000000000001', 'proposal', 't', '900101300017', 'c', "
	        " printf('%064d', 1), 'x'),"
	        "('00000000000000000000000000000002', 'moderation', 't', '851202400023', 'c', "
	        " printf('%064d', 2), 'x'),"
	        "('00000000000000000000000000000003', 'proposal', 't', '900101300017', 'c', "
	        " printf('%064d', 3), 'x'),"
	        "('00000000000000000000000000000004', 'vote', 't', '900101300017', 'c', printf('%064d', 4), 'x'),"
	        "('00000000000000000000000000000005', 'vote', 't', '900101300811', 'c', printf('%064d', 5), 'x');"
	        "INSERT INTO proposals (submission, doc_id, part_id, iin, lang, text, received, day, status) "
	        "SELECT '00000000000000000000000000000001', d.id, p.id, '900101300017', 'kk', 'Сатып алыңыз!', "
	        "'2026-03-02T05:00:00Z', '2026-03-02', 'refused' FROM documents d JOIN parts p ON p.doc_id = d.id "
	        "WHERE d.number = 'DOC-3';"
	        "INSERT INTO moderation (proposal_id, submission, operator_iin, decision, reason, justification, "
	        "decided, day) VALUES (1, '00000000000000000000000000000002', '851202400023', 'refuse', "
	        "'advertising', 'Жарнама.', '2026-03-03T05:00:00Z', '2026-03-03');"
	        "INSERT INTO proposals (submission, doc_id, part_id, iin, lang, text, received, day) "
	        "SELECT '00000000000000000000000000000003', d.id, p.id, '900101300017', 'ru', 'Текст.', "
	        "'2026-03-02T05:00:00Z', '2026-03-02' FROM documents d JOIN parts p ON p.doc_id = d.id "
	        "WHERE d.number = 'DOC-8';"
	        "INSERT INTO votes (doc_id, proposal_id, iin, choice, submission, cast_at) "
	        "SELECT id, 0, '900101300017', 'for', '00000000000000000000000000000004', '2026-03-02T20:00:00Z' "
	        "FROM documents WHERE number = 'DOC-3';"
	        "INSERT INTO votes (doc_id, proposal_id, iin, choice, submission, cast_at) "
	        "SELECT id, 0, '900101300811', 'against', '00000000000000000000000000000005', "
	        "'2026-03-03T06:00:00Z' FROM documents WHERE number = 'DOC-3';"
	        /* P-7: audit results of Karaganda's police, received 2 March. */
	        "INSERT INTO documents (number, kind, year, admin_id, posted, status, received, title_kk, "
	        "title_ru, seq) SELECT 'AR-8', 'audit-result', 2026, id, '2026-03-05', 'published', "
	        "'2026-03-02', 'Т', 'Т', 1 FROM administrators WHERE bin = '100000000009';",
	        NULL, NULL, NULL), SQLITE_OK);
	n = 0;
	must(oversight_proposals(st, &in, 0, count_prop, &n, &err), &err);
	assert_int_equal(n, 1);
	n = 0;
	must(oversight_proposals(st, &out, 0, count_other, &n, &err), &err);
	assert_int_equal(n, 1);  /* DOC-8's, pending: read mode shows it too */
	n = 0;
	must(oversight_votes_by_day(st, &in, 0, count_day, &n, &err), &err);
	assert_int_equal(n, 1);
	n = 0;
	must(oversight_votes_by_day(st, &out, 0, count_day, &n, &err), &err);
	assert_int_equal(n, 0);
	/* Deadlines: only the interior body of Karaganda sees its 252's row. */
	assert_non_null(cal);
	must(calendar_load_file(cal, OB_SHARE_DIR "/data/calendar/2026.xml", &err), &err);
	in.scope = make(&bodies[13]);
	n = 0;
	must(oversight_compliance(st, cal, &in, (struct ob_date){ 2026, 6, 1 }, count_compliance, &n, &err), &err);
	assert_int_equal(n, 1);
	out.scope = make(&bodies[3]);   /* the Almaty oblast's maslikhat */
	n = 0;
	must(oversight_compliance(st, cal, &out, (struct ob_date){ 2026, 6, 1 }, count_compliance, &n, &err), &err);
	assert_int_equal(n, 0);
	calendar_free(cal);
	drop_db(st, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_make),
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_covers_malformed),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_sql_agrees),
		cmocka_unit_test(test_views),
	};

	return cmocka_run_group_tests_name("scope", tests, NULL, NULL);
}
