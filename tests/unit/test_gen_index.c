/* obgen's index between builds (generator/index.c, index_refresh.c; issue
 * 3.8): after any change to the documents, index_refresh from the previous
 * snapshot gives exactly what index_load gives from scratch (every field of every
 * document, the years, every list in its order) and reads only the changed
 * rows; a document's head moves with what a list shows of it only; and the
 * store's meta.ref_seq (schema/010_ref_seq.sql) and meta.compliance_seq
 * (012) tell the generator when the reference data and the inputs of the
 * compliance record changed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "db_helpers.h"
/* The generator's files, compiled in (as test_gen_layout.c does).  Renamed:
 * gen.h's enum doc_kind (core/doc.h has one, for db_helpers.h's import),
 * and the static dup() that index.c and ref.c each have. */
#define doc_kind gen_doc_kind
#define dup index_dup
#include "../../generator/index.c"
#include "../../generator/index_refresh.c"
#undef dup
#define dup ref_dup
#include "../../generator/ref.c"
#undef dup
#include "../../generator/sig.c"
#undef doc_kind

#define FIX OB_SHARE_DIR "/tests/fixtures/"
#define SEQ "(SELECT value FROM meta WHERE key = 'seq')"

struct ctx {
	char path[64];
	struct store *w, *st;   /* the writer, and obgen's read-only connection */
	struct db_site *db;
	struct ref ref;
	struct index x;
	long long since;        /* meta.seq of the snapshot x was read from */
};

static void exec(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* One write transaction, as every writer makes it: the sequence first. */
static void change(struct ctx *c, const char *sql)
{
	char buf[2048];

	snprintf(buf, sizeof buf, "BEGIN IMMEDIATE; UPDATE meta SET value = value + 1 WHERE key = "
	         "'seq'; %s COMMIT;", sql);
	exec(c->w, buf);
}

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof *c);
	struct ob_err err = { 0 };
	size_t len;
	char *sql;

	assert_non_null(c);
	c->w = db_create(c->path, sizeof c->path, "gen-index");
	assert_non_null(sql = file_read_all(FIX "site.sql", 1u << 20, &len, &err));
	exec(c->w, sql);
	free(sql);
	if ((c->st = store_open(c->path, STORE_RDONLY, &err)) == NULL ||
	    (c->db = db_site_open(c->st, &err)) == NULL)
		fail_msg("%s %s", err.code, err.msg);
	must(db_site_begin(c->db, &err), &err);
	must(ref_load(&c->ref, c->db, &err), &err);
	must(index_load(&c->x, &c->ref, c->db, &err), &err);
	c->since = db_site_seq(c->db);
	db_site_end(c->db);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	index_free(&c->x);
	ref_free(&c->ref);
	db_site_close(c->db);
	store_close(c->st);
	store_close(c->w);
	db_remove(c->path);
	free(c);
	return 0;
}

static void same_str(const char *a, const char *b, const char *what, long long id)
{
	if ((a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0))
		fail_msg("document %lld: %s \"%s\", index_load has \"%s\"", id, what,
		         a ? a : "(null)", b ? b : "(null)");
}

/* x (refreshed) against y (loaded): equal in everything, and every pointer
 * of x into its own rows. */
static void same_index(const struct index *x, const struct index *y)
{
	assert_int_equal(x->ndocs, y->ndocs);
	for (size_t i = 0; i < x->ndocs; i++) {
		const struct idoc *a = &x->docs[i], *b = &y->docs[i];

		assert_int_equal(a->id, b->id);
		assert_int_equal(a->admin_id, b->admin_id);
		assert_int_equal(a->program_id, b->program_id);
		assert_int_equal(a->seq, b->seq);
		assert_int_equal(a->kind, b->kind);
		assert_int_equal(a->year, b->year);
		assert_int_equal(a->version, b->version);
		assert_int_equal(a->in_discussion, b->in_discussion);
		assert_true(a->head == b->head);
		same_str(a->number, b->number, "number", a->id);
		same_str(a->posted, b->posted, "posted", a->id);
		same_str(a->status, b->status, "status", a->id);
		same_str(a->discussion_end, b->discussion_end, "discussion_end", a->id);
		same_str(a->title[0], b->title[0], "title kk", a->id);
		same_str(a->title[1], b->title[1], "title ru", a->id);
		assert_int_equal(x->order[i]->id, y->order[i]->id);
		assert_true(i == 0 || index_newest_first(&x->order[i - 1], &x->order[i]) < 0);
		assert_ptr_equal(x->order[i], index_doc(x, x->order[i]->id));
	}
	assert_int_equal(x->nyears, y->nyears);
	for (size_t i = 0; i < x->nyears; i++)
		assert_int_equal(x->years[i], y->years[i]);
	assert_int_equal(x->ngroups, y->ngroups);
	for (size_t g = 0; g < x->ngroups; g++) {
		const struct group *a = &x->groups[g], *b = &y->groups[g];

		assert_string_equal(a->key, b->key);
		assert_string_equal(a->family, b->family);
		assert_string_equal(a->id, b->id);
		if (a->ndocs != b->ndocs)
			fail_msg("%s: %zu documents, index_load has %zu", a->key, a->ndocs, b->ndocs);
		for (size_t i = 0; i < a->ndocs; i++) {
			/* In its order (P-9, P-10: the discussion nearest end first),
			 * which index_load might get wrong as well. */
			if (i > 0 && (strcmp(a->family, "discussion") == 0 ? ending_first : index_newest_first)(
			                     &a->docs[i - 1], &a->docs[i]) >= 0)
				fail_msg("%s: %lld before %lld", a->key, a->docs[i - 1]->id, a->docs[i]->id);
			if (a->docs[i]->id != b->docs[i]->id)
				fail_msg("%s[%zu]: document %lld, index_load has %lld", a->key, i,
				         a->docs[i]->id, b->docs[i]->id);
			assert_ptr_equal(a->docs[i], index_doc(x, a->docs[i]->id));
		}
	}
	assert_int_equal(x->census_n, y->census_n);
	assert_int_equal(x->census_max, y->census_max);
	assert_ptr_equal(x->ref, y->ref);
	assert_true(x->ref_hash == y->ref_hash);
}

/* Marks document id of the index (one the next changes leave alone) so that
 * the test sees whether index_refresh read it again. */
static void mark(struct ctx *c, long long id)
{
	struct idoc *d = (struct idoc *)index_doc(&c->x, id);

	assert_non_null(d);
	free(d->title[0]);
	assert_non_null(d->title[0] = strdup("(not read again)"));
}

/* Refreshes c->x to the current snapshot, the reference data reloaded when
 * it changed, and compares it with a fresh index_load.  reread: whether the
 * document marked must have been read again (a full load). */
static void refresh(struct ctx *c, long long marked, int reread)
{
	struct ob_err err = { 0 };
	struct index y;

	must(db_site_begin(c->db, &err), &err);
	if (ref_changed_since(c->db, c->since)) {
		ref_free(&c->ref);
		must(ref_load(&c->ref, c->db, &err), &err);
	}
	must(index_refresh(&c->x, &c->ref, c->db, c->since, &err), &err);
	must(index_load(&y, &c->ref, c->db, &err), &err);
	if (marked != 0) {
		struct idoc *d = (struct idoc *)index_doc(&c->x, marked);

		assert_non_null(d);
		assert_int_equal(strcmp(d->title[0], "(not read again)") != 0, reread);
		free(d->title[0]);
		assert_non_null(d->title[0] = strdup(index_doc(&y, marked)->title[0]));
	}
	same_index(&c->x, &y);
	c->since = db_site_seq(c->db);
	db_site_end(c->db);
	index_free(&y);
}

static const struct idoc *doc(struct ctx *c, long long id)
{
	return index_doc(&c->x, id);
}

static size_t position(const struct group *g, long long id)
{
	for (size_t i = 0; i < g->ndocs; i++)
		if (g->docs[i]->id == id)
			return i;
	return SIZE_MAX;
}

static void test_nothing_changed(void **state)
{
	struct ctx *c = *state;

	mark(c, 3);
	refresh(c, 3, 0);
	assert_int_equal(c->x.ndocs, 9);  /* 10 in the fixture, 9 a draft */
}

static void test_each_change(void **state)
{
	struct ctx *c = *state;
	const struct group *g;

	/* A new version of a document: a new title. */
	change(c, "UPDATE documents SET version = 3, title_ru = 'Паспорт, версия 3', seq = " SEQ
	          " WHERE id = 2;");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_int_equal(doc(c, 2)->version, 3);
	assert_string_equal(doc(c, 2)->title[1], "Паспорт, версия 3");

	/* A new document, the newest of its kind. */
	change(c, "INSERT INTO documents VALUES (11, 'BP-2026-217-001', 'passport', 2026, 2, NULL, "
	          "'2025-12-25', 'published', NULL, NULL, NULL, NULL, 'Жаңа', 'Новый', NULL, NULL, 1, "
	          SEQ ");");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_non_null(g = index_group(&c->x, "kind/passport"));
	assert_int_equal(position(g, 11), 0);

	/* Back to draft: off every list. */
	change(c, "UPDATE documents SET status = 'draft', seq = " SEQ " WHERE id = 6;");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_null(doc(c, 6));
	assert_int_equal(index_group(&c->x, "kind/audit-result")->ndocs, 0);

	/* A year no document had, after the others and before them. */
	change(c, "UPDATE documents SET year = 2031, seq = " SEQ " WHERE id = 7;");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_non_null(g = index_group(&c->x, "year/2031"));
	assert_int_equal(g->ndocs, 1);
	change(c, "INSERT INTO documents VALUES (12, 'CB-2019', 'citizen-budget', 2019, 2, NULL, "
	          "'2018-12-20', 'published', NULL, 'planning', NULL, NULL, 'Ескі', 'Старый', NULL, "
	          "NULL, 1, " SEQ ");");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_int_equal(c->x.years[0], 2019);

	/* Into the discussion: on the discussion list, nearest end first. */
	change(c, "UPDATE documents SET status = 'in-discussion', discussion_end = '2025-12-01', "
	          "seq = " SEQ " WHERE id = 4;");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_non_null(g = index_group(&c->x, "discussion"));
	assert_int_equal(g->ndocs, 3);
	assert_int_equal(g->docs[0]->id, 4);

	/* A new posting date: from last to first in its lists. */
	assert_non_null(g = index_group(&c->x, "admin/000000000225"));
	assert_int_equal(position(g, 1), g->ndocs - 1);
	change(c, "UPDATE documents SET posted = '2026-12-01', seq = " SEQ " WHERE id = 1;");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_non_null(g = index_group(&c->x, "admin/000000000225"));
	assert_int_equal(position(g, 1), 0);
	assert_ptr_equal(c->x.order[0], doc(c, 1));

	/* A draft published; the only document of a year back to draft. */
	change(c, "UPDATE documents SET status = 'published', seq = " SEQ " WHERE id = 9;");
	change(c, "UPDATE documents SET status = 'draft', seq = " SEQ " WHERE id = 12;");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_non_null(doc(c, 9));
	assert_null(index_group(&c->x, "year/2019"));
}

/* Several changes of several transactions in one refresh, ties of posting
 * dates broken by id, a document that changes twice. */
static void test_many_at_once(void **state)
{
	struct ctx *c = *state;

	change(c, "UPDATE documents SET posted = '2025-11-20', seq = " SEQ " WHERE id IN (5, 8, 10);"
	          "INSERT INTO documents VALUES (13, 'AR-2026-1', 'audit-result', 2026, 3, NULL, "
	          "'2025-11-20', 'published', NULL, NULL, '2025-11-01', NULL, 'А', 'А', NULL, NULL, "
	          "1, " SEQ ");");
	change(c, "UPDATE documents SET status = 'draft', seq = " SEQ " WHERE id = 2;"
	          "UPDATE documents SET title_kk = 'екі рет', seq = " SEQ " WHERE id = 13;"
	          "INSERT INTO documents VALUES (14, 'GR-2026-01', 'grant-report', 2026, 2, NULL, "
	          "'2026-02-10', 'draft', NULL, NULL, NULL, '2026-01', 'Ж', 'Ч', NULL, NULL, 1, " SEQ
	          ");");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_null(doc(c, 2));
	assert_null(doc(c, 14));
	assert_string_equal(doc(c, 13)->title[0], "екі рет");
	for (int i = 0; i < 5; i++) {
		char sql[256];

		snprintf(sql, sizeof sql, "UPDATE documents SET posted = '2026-0%d-01', seq = " SEQ
		         " WHERE id = %d;", 1 + i, 1 + 2 * i);
		change(c, sql);
		mark(c, 4);
		refresh(c, 4, 0);
	}
}

/* New reference data, no document changed: an administrator moves to
 * another region, a new one and a new region appear.  The same struct ref,
 * loaded again: the lists follow it. */
static void test_new_reference(void **state)
{
	struct ctx *c = *state;
	long long before = c->since;

	change(c, "UPDATE administrators SET region = '710000000', level = 'regional' WHERE id = 2;"
	          "INSERT INTO regions VALUES ('750000000', 'city', 19, 'Алматы', 'Алматы');"
	          "INSERT INTO administrators VALUES (4, '253', '750000000253', 'regional', "
	          "'750000000', 'Ж', 'Н');");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_true(db_site_seq(c->db) > before);
	assert_int_equal(index_group(&c->x, "region/710000000")->ndocs,
	                 index_group(&c->x, "admin/000000000217")->ndocs);
	assert_non_null(index_group(&c->x, "admin/750000000253"));
	assert_non_null(index_group(&c->x, "region/750000000"));
}

/* Nothing in core/ deletes a document; SQL by hand may: a full load. */
static void test_deleted(void **state)
{
	struct ctx *c = *state;

	change(c, "DELETE FROM documents WHERE id = 8;");
	mark(c, 3);
	refresh(c, 3, 1);
	assert_null(doc(c, 8));
	/* And the largest one, its id then given to a new document: read as a
	 * change of that id, which is what it is. */
	change(c, "INSERT INTO documents VALUES (11, 'BP-2026-217-001', 'passport', 2026, 2, NULL, "
	          "'2025-12-25', 'published', NULL, NULL, NULL, NULL, 'Жаңа', 'Новый', NULL, NULL, 1, "
	          SEQ ");");
	refresh(c, 0, 0);
	change(c, "DELETE FROM documents WHERE id = 11;");
	change(c, "INSERT INTO documents VALUES (11, 'GR-2026-01', 'grant-report', 2026, 2, NULL, "
	          "'2026-02-10', 'published', NULL, NULL, NULL, '2026-01', 'Ж', 'Ч', NULL, NULL, 1, "
	          SEQ ");");
	mark(c, 3);
	refresh(c, 3, 0);
	assert_string_equal(doc(c, 11)->number, "GR-2026-01");
	assert_int_equal(index_group(&c->x, "kind/passport")->ndocs, 3);
}

/* ---- meta.ref_seq ---- */

/* Reference data stored as `obctl reference` stores it (ctl/cmd_docs.c). */
static long long import_reference(struct store *st, const char *path)
{
	struct ob_err err = { 0 };
	xmlDocPtr x = xml_parse_file_limited(path, OB_XML_MAX, &err);
	long long seq;
	int n;

	assert_non_null(x);
	must(store_begin(st, &err), &err);
	assert_true((seq = store_seq_bump(st, &err)) > 0);
	must(db_reference_load(st, x, &n, &err), &err);
	must(store_commit(st, &err), &err);
	xmlFreeDoc(x);
	return seq;
}

static void test_ref_seq(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date today = { 2026, 11, 29 };
	struct store *st, *ro;
	struct db_site *db;
	long long s1, s2, s3;
	char path[64];

	(void)state;
	ob_clock_set(&today);
	st = db_create(path, sizeof path, "ref-seq");
	if ((ro = store_open(path, STORE_RDONLY, &err)) == NULL ||
	    (db = db_site_open(ro, &err)) == NULL)
		fail_msg("%s %s", err.code, err.msg);
	assert_int_equal(db_site_ref_seq(db), 0);
	assert_false(ref_changed_since(db, 0));

	s1 = import_reference(st, OB_SHARE_DIR "/data/reference/base.xml");
	assert_int_equal(db_site_ref_seq(db), s1);
	assert_true(ref_changed_since(db, s1 - 1));
	assert_false(ref_changed_since(db, s1));

	/* A document moves meta.seq, not meta.ref_seq. */
	s2 = import_reference(st, FIX "import/reference.xml");
	assert_true(s2 > s1);
	db_import_file(st, FIX "import/passport.xml");
	assert_true(db_site_seq(db) > s2);
	assert_int_equal(db_site_ref_seq(db), s2);
	assert_false(ref_changed_since(db, s2));
	assert_false(ref_changed_since(db, db_site_seq(db)));

	/* The same file again: rows written (upserts), so a change. */
	s3 = import_reference(st, FIX "import/reference.xml");
	assert_int_equal(db_site_ref_seq(db), s3);
	assert_true(ref_changed_since(db, s3 - 1));

	/* A database before migration 010: always a change. */
	exec(st, "DELETE FROM meta WHERE key = 'ref_seq'");
	assert_int_equal(db_site_ref_seq(db), -1);
	assert_true(ref_changed_since(db, s3));

	db_site_close(db);
	store_close(ro);
	store_close(st);
	db_remove(path);
	doc_schemas_free();
}

/* ---- struct idoc's head: what a list shows of a document ---- */

static void test_head(void **state)
{
	struct ctx *c = *state;
	uint64_t head = doc(c, 2)->head, other = doc(c, 10)->head;
	long long seq = doc(c, 2)->seq;

	/* A part's text is not on any list: seq moves, the head stays. */
	change(c, "UPDATE parts SET text_ru = 'Новый текст (синтетические данные)' WHERE id = 2; "
	          "UPDATE documents SET seq = " SEQ " WHERE id = 2;");
	refresh(c, 2, 1);
	assert_true(doc(c, 2)->seq > seq);
	assert_true(doc(c, 2)->head == head);
	/* Each field a list shows moves it, and only this document's. */
	change(c, "UPDATE documents SET title_kk = 'Жаңа атау (синтетикалық)', seq = " SEQ " WHERE id = 2;");
	refresh(c, 2, 1);
	assert_true(doc(c, 2)->head != head);
	assert_true(doc(c, 10)->head == other);
	head = doc(c, 2)->head;
	change(c, "UPDATE documents SET status = 'discussion-closed', seq = " SEQ " WHERE id = 2;");
	refresh(c, 2, 1);
	assert_true(doc(c, 2)->head != head);
	head = doc(c, 2)->head;
	change(c, "UPDATE documents SET discussion_end = NULL, seq = " SEQ " WHERE id = 2;");
	refresh(c, 2, 1);
	assert_true(doc(c, 2)->head != head);
}

/* ---- meta.compliance_seq ---- */

static long long meta(struct ctx *c, const char *key)
{
	sqlite3_stmt *s;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(store_db(c->w), "SELECT value FROM meta WHERE key = ?1", -1,
	                                    &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Moves with what the compliance record reads (schema/012_compliance_seq.sql;
 * P-5, P-7, P-10, G), and with nothing else. */
static void test_compliance_seq(void **state)
{
	struct ctx *c = *state;
	long long kept = meta(c, "compliance_seq");

	assert_true(kept > 0);
	assert_int_equal(db_site_compliance_seq(c->db), kept);
	/* Texts, parts, and the documents of other kinds: not its inputs. */
	change(c, "UPDATE documents SET title_ru = 'Другое (синтетические данные)', seq = " SEQ
	          " WHERE id IN (2, 3);");
	change(c, "UPDATE parts SET text_kk = 'Басқа (синтетикалық)' WHERE id = 2;");
	change(c, "UPDATE documents SET posted = '2026-01-16', status = 'archived' WHERE id = 4;");
	/* Every column it reads, rewritten to the same value (as an import
	 * of a new version does): no change either. */
	change(c, "UPDATE documents SET number = number, status = status, posted = posted, "
	          "received = received, period = period, year = year, admin_id = admin_id, "
	          "program_id = program_id, kind = kind WHERE id = 3;");
	assert_true(meta(c, "seq") > kept + 3);
	assert_int_equal(db_site_compliance_seq(c->db), kept);

	static const char *const moves[] = {
		"UPDATE documents SET posted = '2026-04-06' WHERE id = 3;",           /* P-10 */
		"UPDATE documents SET status = 'archived' WHERE id = 8;",             /* P-5 */
		"UPDATE documents SET received = '2025-09-16' WHERE id = 6;",         /* P-7 */
		"UPDATE documents SET period = '2025-10' WHERE id = 7;",              /* G */
		"UPDATE documents SET program_id = 2 WHERE id = 1;",                  /* a passport: P-10 owed */
		"UPDATE documents SET year = 2024 WHERE id = 10;",
		"UPDATE documents SET admin_id = 2 WHERE id = 10;",
		"UPDATE documents SET number = 'IR-2025-225-009' WHERE id = 3;",
		"UPDATE documents SET kind = 'budget-report' WHERE id = 6;",          /* leaves the kinds */
		"UPDATE documents SET kind = 'audit-result' WHERE id = 6;",           /* and comes back */
		"DELETE FROM documents WHERE id = 9;",
		"INSERT INTO documents (id, number, kind, year, admin_id, posted, status, title_kk, "
		"title_ru, seq) VALUES (12, 'GR-2025-12', 'grant-report', 2025, 2, '2026-01-10', "
		"'published', 'Грант (синтетикалық)', 'Грант (синтетические данные)', 1);",
		"INSERT INTO calendar_years VALUES (2031, 'test', '2026-11-29');",
		"INSERT INTO calendar_days (date, year, kind, name_kk, name_ru) VALUES "
		"('2031-01-01', 2031, 'holiday', 'Жаңа жыл', 'Новый год');",
		"UPDATE calendar_days SET kind = 'dayoff' WHERE date = '2031-01-01';",
		"DELETE FROM calendar_days WHERE date = '2031-01-01';",
		"DELETE FROM calendar_years WHERE year = 2031;",
	};
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		change(c, moves[i]);
		if (db_site_compliance_seq(c->db) != meta(c, "seq"))
			fail_msg("compliance_seq did not move with: %s", moves[i]);
	}
	/* A budget report is not among its inputs, whatever changes. */
	kept = meta(c, "compliance_seq");
	change(c, "UPDATE documents SET posted = '2026-01-20', year = 2024 WHERE id = 4;");
	change(c, "INSERT INTO documents (id, number, kind, year, admin_id, posted, status, title_kk, "
	          "title_ru, seq) VALUES (13, 'BR-2026-01', 'budget-report', 2026, 2, '2026-02-10', "
	          "'published', 'Есеп (синтетикалық)', 'Отчет (синтетические данные)', 1);");
	assert_int_equal(db_site_compliance_seq(c->db), kept);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nothing_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_each_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_reference, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted, setup, teardown),
		cmocka_unit_test(test_ref_seq),
		cmocka_unit_test_setup_teardown(test_head, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compliance_seq, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
