/* Import rejection table (issue 3.11): every bad input is refused with its
 * code and line, and nothing is stored (documents, versions and the change
 * sequence are unchanged). */
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
#include "doc.h"
#include "xmlin.h"

#define FIX OB_SHARE_DIR "/tests/fixtures/import/"

struct ctx {
	struct store *st;
	char path[64];
};

static char *fixture(const char *name, size_t *len)
{
	struct ob_err err = { 0 };
	char path[512];
	char *buf;

	snprintf(path, sizeof path, "%s%s", FIX, name);
	buf = file_read_all(path, OB_XML_MAX, len, &err);
	assert_non_null(buf);
	return buf;
}

/* Runs the same path as `obctl import` on one buffer, in a transaction. */
static int import_buf(struct store *st, const char *buf, size_t len, struct ob_err *err)
{
	struct doc d;
	xmlDocPtr x = NULL;
	long long id;
	int rc = -1;

	if (store_begin(st, err) != 0)
		return -1;
	if (doc_load(buf, len, &d, &x, err) == 0 && db_document_store(st, &d, buf, len, &id, err) == 0)
		rc = store_commit(st, err);
	if (rc != 0)
		store_rollback(st);
	doc_free(&d);
	xmlFreeDoc(x);
	return rc;
}

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof *c);
	struct ob_err err = { 0 };
	struct ob_date today = { 2026, 11, 29 };
	xmlDocPtr x;

	ob_clock_set(&today);
	c->st = db_create(c->path, sizeof c->path, "import");
	db_load_reference_file(c->st, OB_SHARE_DIR "/data/reference/base.xml");
	x = xml_parse_file_limited(FIX "reference.xml", OB_XML_MAX, &err);
	assert_non_null(x);
	assert_int_equal(xsd_validate(x, "reference", &err), 0);
	db_load_reference(c->st, x);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	store_close(c->st);
	db_remove(c->path);
	free(c);
	doc_schemas_free();
	return 0;
}

static void test_good_documents(void **state)
{
	struct ctx *c = *state;
	struct ob_err err = { 0 };
	size_t len;
	char *buf = fixture("passport.xml", &len);

	assert_int_equal(import_buf(c->st, buf, len, &err), 0);
	free(buf);
	buf = fixture("report.xml", &len);
	assert_int_equal(import_buf(c->st, buf, len, &err), 0);
	free(buf);
	assert_int_equal(sql_count(c->st, "SELECT count(*) FROM documents"), 2);
	/* P-10: savings and under-execution are kept apart. */
	assert_int_equal(sql_count(c->st, "SELECT savings FROM execution WHERE total = 1"), 30000);
	assert_int_equal(sql_count(c->st, "SELECT under_execution FROM execution WHERE total = 1"), 20000);
	/* Amounts are exact: 1000.5 thousand tenge. */
	assert_int_equal(sql_count(c->st, "SELECT actual FROM indicators WHERE subprogram = '100'"), 1000500);
	/* Attachment stored by content: sha256 of "Synthetic act of acceptance." */
	assert_int_equal(sql_count(c->st, "SELECT size FROM blobs"), 28);
}

/* A new version keeps the ids of the parts it keeps and marks the others. */
static void test_version_keeps_part_ids(void **state)
{
	struct ctx *c = *state;
	struct ob_err err = { 0 };
	size_t len;
	char *buf = fixture("passport.xml", &len), *v2, *p;
	long long goal = sql_count(c->st, "SELECT id FROM parts WHERE key = 'goal.1'");

	assert_true(goal > 0);
	v2 = malloc(len + 64);
	p = strstr(buf, "number=");
	snprintf(v2, len + 64, "%.*sversion=\"2\" %s", (int)(p - buf), buf, p);
	/* drop the part "basis" in version 2 */
	p = strstr(v2, "<part key=\"basis\">");
	memmove(p, strstr(p, "</part>") + 7, strlen(strstr(p, "</part>") + 7) + 1);
	assert_int_equal(import_buf(c->st, v2, strlen(v2), &err), 0);
	assert_int_equal(sql_count(c->st, "SELECT id FROM parts WHERE key = 'goal.1'"), goal);
	assert_int_equal(sql_count(c->st, "SELECT removed_in FROM parts WHERE key = 'basis'"), 2);
	assert_int_equal(sql_count(c->st, "SELECT count(*) FROM document_versions WHERE doc_id = "
	                              "(SELECT doc_id FROM parts WHERE key = 'goal.1')"), 2);
	free(v2);
	free(buf);
}

struct bad {
	const char *name, *fixture;
	const char *from, *to;   /* one replacement in the fixture; NULL to = delete from */
	const char *code;
	int line;                /* 0: any */
};

static const struct bad bad_inputs[] = {
	{ "title without kk", "passport.xml", "<kk>Мектепке дейінгі тәрбие мен оқытуды қамтамасыз ету (синтетикалық)</kk>", "", "schema", 5 },
	{ "blank kk title", "passport.xml", "<kk>Мектепке дейінгі тәрбие мен оқытуды қамтамасыз ету (синтетикалық)</kk>", "<kk>  </kk>", "missing-language", 5 },
	{ "blank ru part text", "passport.xml", "<ru>Повышение доступности дошкольного образования.</ru>", "<ru></ru>", "missing-language", 11 },
	{ "bad status", "passport.xml", "status=\"in-discussion\"", "status=\"open\"", "schema", 4 },
	{ "unknown element", "passport.xml", "<program code=\"001\"/>", "<program code=\"001\"/><extra/>", "schema", 6 },
	{ "total does not add up", "passport.xml", "total=\"true\" actual=\"1500.5\"", "total=\"true\" actual=\"1500.4\"", "totals", 35 },
	{ "two total rows", "passport.xml", "kind=\"expense\" subprogram=\"101\"", "kind=\"expense\" total=\"true\" subprogram=\"101\"", "totals", 35 },
	{ "unknown administrator", "passport.xml", "admin=\"225\"", "admin=\"999\"", "unknown-administrator", 4 },
	{ "unknown program", "passport.xml", "<program code=\"001\"/>", "<program code=\"009\"/>", "unknown-program", 4 },
	{ "unknown subprogram", "passport.xml", "subprogram=\"101\"", "subprogram=\"199\"", "unknown-subprogram", 31 },
	{ "unknown region", "passport.xml", "admin=\"225\"", "admin=\"225\" region=\"999999999\"", "unknown-region", 4 },
	{ "amount with 4 decimals", "passport.xml", "actual=\"1000.5\"", "actual=\"1000.5001\"", "schema", 27 },
	{ "amount not a number", "passport.xml", "actual=\"1000.5\"", "actual=\"lots\"", "schema", 27 },
	{ "duplicate part key", "passport.xml", "<part key=\"basis\">", "<part key=\"goal\">", "duplicate-part", 17 },
	{ "discussion ends before posting", "passport.xml", "discussion-end=\"2026-12-04\"", "discussion-end=\"2026-11-01\"", "discussion", 4 },
	{ "in discussion without end", "passport.xml", " discussion-end=\"2026-12-04\"", "", "discussion", 4 },
	{ "version 2 of a new document", "passport.xml", "number=\"BP-2026-225-001\"", "version=\"2\" number=\"BP-2026-225-555\"", "version", 4 },
	{ "wrong namespace", "passport.xml", "xmlns=\"urn:obkz:doc:1\"", "xmlns=\"urn:other\"", "schema", 4 },
	{ "unknown document kind", "passport.xml", "<passport xmlns", "<memo xmlns", "malformed", 0 },
	{ "posted far from the year", "passport.xml", "posted=\"2026-11-20\"", "posted=\"2019-11-20\"", "date", 4 },
	{ "bad date", "passport.xml", "posted=\"2026-11-20\"", "posted=\"2026-02-30\"", "schema", 4 },
	{ "malformed XML", "passport.xml", "</passport>", "</pasport>", "malformed", 0 },
	{ "DOCTYPE with external entity", "passport.xml", "<!-- Synthetic test document: not a real budget program. -->",
	  "<!DOCTYPE passport [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "doctype", 2 },
	{ "DOCTYPE billion laughs", "passport.xml", "<!-- Synthetic test document: not a real budget program. -->",
	  "<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>", "doctype", 2 },
	{ "broken UTF-8", "passport.xml", "Цель бюджетной программы", "Цель \xd0 программы", "encoding", 10 },
	{ "overlong UTF-8", "passport.xml", "Задачи", "\xc0\xafЗадачи", "encoding", 13 },
	{ "execution not balanced", "report.xml", "not-executed=\"50\" savings=\"30\" under-execution=\"20\">\n      <name><kk>100",
	  "not-executed=\"50\" savings=\"30\" under-execution=\"10\">\n      <name><kk>100", "execution-balance", 0 },
	{ "not-executed not corrected minus executed", "report.xml", "executed=\"900\" not-executed=\"50\"", "executed=\"910\" not-executed=\"50\"", "execution-balance", 0 },
	{ "investment report without evidence", "report.xml", "role=\"investment-evidence\"", "role=\"other\"", "evidence-missing", 4 },
	{ "attachment not base64", "report.xml", "U3ludGhldGljIGFjdCBvZiBhY2NlcHRhbmNlLg==", "not base64!", "schema", 0 },
	{ "attachment path in name", "report.xml", "name=\"act.txt\"", "name=\"../../etc/act.txt\"", "schema", 0 },
	{ "empty input", "passport.xml", NULL, NULL, "malformed", 0 },
};

static char *apply(const struct bad *b, size_t *len)
{
	size_t flen;
	char *base = fixture(b->fixture, &flen), *out, *at;

	if (b->from == NULL) {
		base[0] = '\0';
		*len = 0;
		return base;
	}
	at = strstr(base, b->from);
	if (at == NULL)
		fail_msg("case \"%s\": fixture text not found", b->name);
	out = malloc(flen + strlen(b->to) + 1);
	*len = (size_t)snprintf(out, flen + strlen(b->to) + 1, "%.*s%s%s", (int)(at - base), base, b->to,
	                        at + strlen(b->from));
	free(base);
	return out;
}

static void test_bad_inputs(void **state)
{
	struct ctx *c = *state;
	long long docs = sql_count(c->st, "SELECT count(*) FROM documents");
	long long seq = sql_count(c->st, "SELECT value FROM meta");
	long long versions = sql_count(c->st, "SELECT count(*) FROM document_versions");
	int failed = 0;

	for (size_t i = 0; i < sizeof bad_inputs / sizeof bad_inputs[0]; i++) {
		const struct bad *b = &bad_inputs[i];
		struct ob_err err = { 0 };
		size_t len;
		char *buf = apply(b, &len);
		int rc;

		/* A document that would be new: a fresh number, so only the defect fails it. */
		char *n = strstr(buf, "-001\"");
		if (n != NULL)
			memcpy(n, "-777", 4);
		rc = import_buf(c->st, buf, len, &err);
		free(buf);
		if (rc == 0 || strcmp(err.code, b->code) != 0 || (b->line && err.line != b->line)) {
			print_error("case \"%s\": rc=%d code=%s line=%d (%s); expected code=%s line=%d\n",
			            b->name, rc, err.code, err.line, err.msg, b->code, b->line);
			failed++;
		}
		assert_true(strlen(err.msg) > 0);
		assert_int_equal(sql_count(c->st, "SELECT count(*) FROM documents"), docs);
		assert_int_equal(sql_count(c->st, "SELECT count(*) FROM document_versions"), versions);
		assert_int_equal(sql_count(c->st, "SELECT value FROM meta"), seq);
	}
	assert_int_equal(failed, 0);
	assert_true(sizeof bad_inputs / sizeof bad_inputs[0] >= 20);
}

static void test_duplicate_number(void **state)
{
	struct ctx *c = *state;
	struct ob_err err = { 0 };
	size_t len;
	char *buf = fixture("report.xml", &len);
	long long docs = sql_count(c->st, "SELECT count(*) FROM documents");

	assert_int_not_equal(import_buf(c->st, buf, len, &err), 0);
	assert_string_equal(err.code, "duplicate-number");
	assert_int_equal(sql_count(c->st, "SELECT count(*) FROM documents"), docs);
	free(buf);
}

static void test_oversize(void **state)
{
	struct ctx *c = *state;
	struct ob_err err = { 0 };
	size_t len = OB_XML_MAX + 1;
	char *buf = calloc(1, len);

	memset(buf, ' ', len);
	assert_int_not_equal(import_buf(c->st, buf, len, &err), 0);
	assert_string_equal(err.code, "too-large");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_documents),
		cmocka_unit_test(test_version_keeps_part_ids),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_duplicate_number),
		cmocka_unit_test(test_oversize),
	};

	xmlInitParser();
	return cmocka_run_group_tests_name("import", tests, setup, teardown);
}
