/* A whole public discussion, simulated by moving the clock (no sleeping):
 * a passport posted on Friday 20 November 2026, proposals, moderation on
 * time and late, an answer in time and one too late, votes, the last day
 * (4 December), and the day after, when lifecycle_run (core/lifecycle.c)
 * closes it and stores the final report (P-9, P-16, P-17).  Then: a second
 * run changes nothing, votes after the end do not reach the frozen report,
 * a restart still finds one report; an implementation report whose period
 * ended while nothing ran is reported on the next run (Appendix 2); a
 * discussion with no recorded end closes the day after the 10th working day. */
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
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "calendar.h"
#include "clock.h"
#include "db_documents.h"
#include "db_lifecycle.h"
#include "db_reference.h"
#include "db_submit.h"
#include "deadline.h"
#include "doc.h"
#include "lifecycle.h"
#include "xmlin.h"

#define FIX OB_SHARE_DIR "/tests/fixtures/import/"
#define OPERATOR "851202400023"
#define ADMIN_IIN "800101300000"

struct ctx {
	struct store *st;
	struct calendar *cal;
	char path[64];
	long long doc;
	int serial;
};

static struct ctx *C;

/* Moves the clock to 10:00 Almaty time on y-m-d. */
static void day(int y, int m, int d)
{
	struct ob_date t = { y, m, d };

	assert_int_equal(ob_clock_set(&t), 0);
	ob_clock_set_now((long long)date_to_days(t) * 86400 + 5 * 3600);
}

static struct ob_date today(void)
{
	struct ob_date t;

	assert_int_equal(ob_today(&t), 0);
	return t;
}

/* The evidence row every submission starts with, stored now. */
static void submission(struct submission *s, const char *kind, const char *iin, long long doc)
{
	struct ob_err err = { 0 };

	evidence_init(s, &C->serial, kind, iin);
	s->doc_id = doc;
	must(db_submission_insert(C->st, s, &err), &err);
}

static long long part(long long doc, const char *key)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT id FROM parts WHERE doc_id = %lld AND key = '%s'", doc, key);
	return sql_count(C->st, sql);
}

static long long propose(long long doc, const char *iin, const char *key, const char *lang,
                         const char *words)
{
	struct ob_err err = { 0 };
	struct submission s;
	long long id = 0;

	must(store_begin(C->st, &err), &err);
	submission(&s, "proposal", iin, doc);
	must(db_proposal_insert(C->st, &s, doc, part(doc, key), lang, words, &id, &err), &err);
	must(store_commit(C->st, &err), &err);
	return id;
}

static void moderate(long long doc, long long proposal, const char *reason)
{
	struct ob_err err = { 0 };
	struct submission s;

	must(store_begin(C->st, &err), &err);
	submission(&s, "moderation", OPERATOR, doc);
	must(db_moderation_insert(C->st, &s, proposal, reason ? "refuse" : "publish", reason,
	                          reason ? "Жарнама мен спам." : NULL, &err), &err);
	must(store_commit(C->st, &err), &err);
}

static void answer(long long doc, long long proposal, const char *decision, const char *words)
{
	struct ob_err err = { 0 };
	struct submission s;

	must(store_begin(C->st, &err), &err);
	submission(&s, "answer", ADMIN_IIN, doc);
	must(db_answer_insert(C->st, &s, proposal, decision, "kk", words, &err), &err);
	must(store_commit(C->st, &err), &err);
}

static void vote(long long doc, long long proposal, const char *iin, const char *choice)
{
	struct ob_err err = { 0 };
	struct submission s;

	must(store_begin(C->st, &err), &err);
	submission(&s, "vote", iin, doc);
	must(db_vote_put(C->st, &s, doc, proposal, choice, &err), &err);
	must(store_commit(C->st, &err), &err);
}

/* One run of the lifecycle, as obctl and obfcgi do it; the reports made. */
static int run(void)
{
	struct ob_err err = { 0 };
	int n = -1;

	must(store_begin(C->st, &err), &err);
	must(lifecycle_run(C->st, C->cal, today(), &n, &err), &err);
	must(store_commit(C->st, &err), &err);
	return n;
}

static long long import(const char *name)
{
	char path[256];

	snprintf(path, sizeof path, "%s%s", FIX, name);
	return db_import_file(C->st, path);
}

/* The stored report of doc, parsed (free with xmlFreeDoc). */
static xmlDocPtr report(long long doc, char **raw)
{
	struct ob_err err = { 0 };
	struct final_report r;
	xmlDocPtr x;

	assert_int_equal(db_final_report_get(C->st, doc, &r, &err), 1);
	assert_non_null(x = xml_parse_limited(r.xml, r.len, OB_XML_MAX, &err));
	if (raw != NULL)
		*raw = r.xml;
	else
		free(r.xml);
	return x;
}

/* The string value of an XPath expression over the report (prefix r:). */
static const char *xp(xmlDocPtr x, const char *expr)
{
	static char buf[512];
	xmlXPathContextPtr ctx = xmlXPathNewContext(x);
	xmlXPathObjectPtr o;
	xmlChar *s;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"r", (const xmlChar *)LIFECYCLE_NS);
	o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	assert_non_null(o);
	s = xmlXPathCastToString(o);
	snprintf(buf, sizeof buf, "%s", (const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return buf;
}

static int setup(void **state)
{
	struct ob_err err = { 0 };

	C = calloc(1, sizeof *C);
	day(2026, 11, 20);
	C->st = db_create(C->path, sizeof C->path, "lifecycle");
	db_load_reference_file(C->st, OB_SHARE_DIR "/data/reference/base.xml");
	db_load_reference_file(C->st, FIX "reference.xml");
	assert_non_null(C->cal = calendar_new());
	must(calendar_load_file(C->cal, OB_SHARE_DIR "/data/calendar/2025.xml", &err), &err);
	must(calendar_load_file(C->cal, OB_SHARE_DIR "/data/calendar/2026.xml", &err), &err);
	/* BP-2026-225-001: posted 2026-11-20, in discussion until 2026-12-04. */
	C->doc = import("passport.xml");
	*state = C;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(C->st);
	db_remove(C->path);
	calendar_free(C->cal);
	free(C);
	doc_schemas_free();
	ob_clock_set(NULL);
	ob_clock_set_now(0);
	return 0;
}

static void test_whole_discussion(void **state)
{
	const long long d = C->doc;
	long long a, b, c, p4, seq;
	xmlDocPtr x;
	char *first, *again;
	struct ob_date t;

	(void)state;
	assert_string_equal(sql_text(C->st, "SELECT discussion_end FROM documents WHERE id = 1"), "2026-12-04");
	/* Monday: three proposals. */
	day(2026, 11, 23);
	a = propose(d, "900101300017", "goal", "kk", "Балабақша орындарын көбейту мерзімін көрсету керек.");
	b = propose(d, "900101300811", "basis", "ru", "Уточнить обоснование расходов на подпрограмму 101.");
	c = propose(d, "900101301006", "goal.1", "ru", "Купите окна недорого! www.example.kz");
	/* Tuesday: the operator publishes a and refuses c, on time (P-15). */
	day(2026, 11, 24);
	moderate(d, a, NULL);
	moderate(d, c, "advertising");
	vote(d, 0, "900101300017", "for");
	vote(d, 0, "900101300811", "for");
	vote(d, 0, "900101301006", "against");
	vote(d, a, "900101300811", "for");
	vote(d, a, "900101301006", "for");
	vote(d, a, "900101301105", "against");
	/* Friday: b published late (due Wednesday 25 November). */
	day(2026, 11, 27);
	moderate(d, b, NULL);
	vote(d, b, "900101300017", "against");
	vote(d, 0, "900101301105", "for");
	/* The administrator answers a within the period (P-16). */
	day(2026, 11, 30);
	answer(d, a, "accepted", "Ұсыныс қабылданды: мерзім 2027 жылдың жоспарына енгізіледі.");
	/* A last proposal the operator never gets to. */
	day(2026, 12, 3);
	p4 = propose(d, "900101301204", "goal", "kk", "Көрсеткіштерді өңірлер бойынша бөлу.");
	/* Every day up to and including the last one: nothing closes. */
	for (t = (struct ob_date){ 2026, 11, 20 }; date_cmp(t, (struct ob_date){ 2026, 12, 4 }) <= 0;
	     t = date_add_days(t, 1)) {
		day(t.y, t.m, t.d);
		assert_int_equal(run(), 0);
		assert_string_equal(sql_text(C->st, "SELECT status FROM documents WHERE id = 1"), "in-discussion");
		assert_int_equal(sql_count(C->st, "SELECT count(*) FROM final_reports"), 0);
	}
	/* b's answer comes a day late: it does not make b answered (P-16). */
	day(2026, 12, 5);
	answer(d, b, "not-accepted", "Негіздеме толық.");
	seq = sql_count(C->st, "SELECT seq FROM documents WHERE id = 1");
	/* The day after the last day: closed, reported, the page touched. */
	assert_int_equal(run(), 1);
	assert_string_equal(sql_text(C->st, "SELECT status FROM documents WHERE id = 1"), "discussion-closed");
	assert_true(sql_count(C->st, "SELECT seq FROM documents WHERE id = 1") > seq);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM final_reports"), 1);
	x = report(d, &first);
	assert_string_equal(xp(x, "string(/r:final-report/@appendix)"), "1");
	assert_string_equal(xp(x, "string(/r:final-report/@number)"), "BP-2026-225-001");
	assert_string_equal(xp(x, "string(/r:final-report/@posted)"), "2026-11-20");
	assert_string_equal(xp(x, "string(/r:final-report/@discussion-end)"), "2026-12-04");
	assert_string_equal(xp(x, "string(/r:final-report/@reported)"), "2026-12-05");
	assert_string_equal(xp(x, "string(//r:document-votes/@for)"), "3");
	assert_string_equal(xp(x, "string(//r:document-votes/@against)"), "1");
	assert_string_equal(xp(x, "string(//r:proposals/@total)"), "4");
	assert_string_equal(xp(x, "string(//r:proposals/@published)"), "2");
	assert_string_equal(xp(x, "string(//r:proposals/@refused)"), "1");
	assert_string_equal(xp(x, "string(//r:proposals/@not-moderated)"), "1");
	assert_string_equal(xp(x, "string(//r:proposals/@unanswered)"), "1");
	assert_string_equal(xp(x, "string(//r:proposal-votes/@for)"), "2");
	assert_string_equal(xp(x, "string(//r:proposal-votes/@against)"), "2");
	assert_string_equal(xp(x, "string(//r:budget/@type)"), "republican");
	assert_string_equal(xp(x, "string(//r:admin/@code)"), "225");
	assert_string_equal(xp(x, "string(//r:period)"), "2026–2028");
	assert_string_equal(xp(x, "string(//r:head/r:ru)"), "Тестов Руководитель Программович");
	assert_string_equal(xp(x, "count(//r:row)"), "4");
	/* The 7 columns of each row, in the order received. */
	assert_string_equal(xp(x, "string(//r:row[1]/@posted)"), "2026-11-23");
	assert_string_equal(xp(x, "string(//r:row[1]/r:part/r:ru)"), "Цель бюджетной программы");
	assert_string_equal(xp(x, "string(//r:row[1]/r:answer/@decision)"), "accepted");
	assert_string_equal(xp(x, "string(//r:row[1]/r:votes/@for)"), "2");
	assert_string_equal(xp(x, "string(//r:row[1]/r:votes/@against)"), "1");
	assert_string_equal(xp(x, "count(//r:row[2]/r:unanswered)"), "1");
	assert_string_equal(xp(x, "count(//r:row[2]/r:answer)"), "0");
	/* A refused proposal is counted, its text never published. */
	assert_string_equal(xp(x, "string(//r:row[3]/r:refused/@reason)"), "advertising");
	assert_string_equal(xp(x, "string(//r:row[3]/r:text/@withheld)"), "refused");
	assert_string_equal(xp(x, "string(//r:row[3]/r:text)"), "");
	assert_string_equal(xp(x, "count(//r:row[4]/r:not-moderated)"), "1");
	assert_string_equal(xp(x, "string(//r:row[4]/@proposal)"), "4");
	assert_int_equal(p4, 4);
	xmlFreeDoc(x);

	/* Idempotent: the same day again, nothing changes. */
	assert_int_equal(run(), 0);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM final_reports"), 1);
	x = report(d, &again);
	assert_string_equal(first, again);
	xmlFreeDoc(x);
	free(again);
	/* Later votes (the handlers refuse them; here straight into the
	 * store) never reach the frozen report. */
	day(2026, 12, 20);
	vote(d, 0, "900101301303", "against");
	assert_int_equal(run(), 0);
	x = report(d, &again);
	assert_string_equal(first, again);
	assert_string_equal(xp(x, "string(//r:document-votes/@against)"), "1");
	xmlFreeDoc(x);
	free(again);
	/* Restart: a new connection, weeks later; still the one report of 5 December. */
	store_close(C->st);
	{
		struct ob_err err = { 0 };

		assert_non_null(C->st = store_open(C->path, 0, &err));
	}
	day(2026, 12, 28);
	assert_int_equal(run(), 0);
	assert_int_equal(sql_count(C->st, "SELECT count(*) FROM final_reports"), 1);
	assert_string_equal(sql_text(C->st, "SELECT reported FROM final_reports"), "2026-12-05");
	/* The record is frozen in the schema too. */
	assert_int_not_equal(sqlite3_exec(store_db(C->st), "UPDATE final_reports SET reported = '2026-12-28'",
	                                  NULL, NULL, NULL), SQLITE_OK);
	free(first);
}

/* A report whose period ended long before the first run: reported on it,
 * dated that day, as Appendix 2. */
static void test_catch_up_after_downtime(void **state)
{
	long long r, p;
	xmlDocPtr x;

	(void)state;
	day(2026, 3, 20);
	r = import("report.xml");  /* IR-2025-225-001: discussion 2026-03-20 .. 2026-04-03 */
	day(2026, 3, 25);
	p = propose(r, "900101300017", "results", "ru", "Раскрыть причины экономии по подпрограмме 100.");
	day(2026, 3, 26);
	moderate(r, p, NULL);
	day(2026, 3, 30);
	answer(r, p, "not-accepted", "Себептері есептің 100 кіші бағдарлама жолында көрсетілген.");
	day(2026, 11, 29);
	assert_int_equal(run(), 1);  /* the report; the passport is still open */
	assert_string_equal(sql_text(C->st, "SELECT status FROM documents WHERE id = 1"), "in-discussion");
	x = report(r, NULL);
	assert_string_equal(xp(x, "string(/r:final-report/@appendix)"), "2");
	assert_string_equal(xp(x, "string(/r:final-report/@kind)"), "implementation-report");
	assert_string_equal(xp(x, "string(/r:final-report/@reported)"), "2026-11-29");
	assert_string_equal(xp(x, "string(//r:period/@from)"), "2025");
	assert_string_equal(xp(x, "string(//r:period/@to)"), "2025");
	assert_string_equal(xp(x, "string(//r:proposals/@total)"), "1");
	assert_string_equal(xp(x, "string(//r:proposals/@unanswered)"), "0");
	assert_string_equal(xp(x, "string(//r:row[1]/r:answer/@decision)"), "not-accepted");
	assert_string_equal(xp(x, "string(//r:row[1]/r:text)"), "Раскрыть причины экономии по подпрограмме 100.");
	xmlFreeDoc(x);
	assert_int_equal(run(), 0);
}

/* An older import with no recorded end: the discussion lasts the 10
 * working days the rules allow at least, and closes the day after. */
static void test_end_from_calendar(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date posted = { 2026, 11, 20 }, end, t;
	char buf[DATE_STRLEN];

	(void)state;
	assert_int_equal(sqlite3_exec(store_db(C->st), "UPDATE documents SET discussion_end = NULL",
	                              NULL, NULL, NULL), SQLITE_OK);
	must(deadline_discussion_min_end(C->cal, posted, &end, &err), &err);
	day(end.y, end.m, end.d);
	assert_int_equal(run(), 0);
	t = date_add_days(end, 1);
	day(t.y, t.m, t.d);
	assert_int_equal(run(), 1);
	assert_string_equal(sql_text(C->st, "SELECT discussion_end FROM documents WHERE id = 1"), date_format(end, buf));
	assert_string_equal(sql_text(C->st, "SELECT status FROM documents WHERE id = 1"), "discussion-closed");
}

/* The first run of each day bumps the change sequence once (the pages that
 * depend on the date are rebuilt daily); other runs leave it alone. */
static void test_daily_tick(void **state)
{
	long long s0;

	(void)state;
	day(2026, 11, 21);
	run();
	s0 = sql_count(C->st, "SELECT value FROM meta WHERE key = 'seq'");
	run();
	assert_int_equal(sql_count(C->st, "SELECT value FROM meta WHERE key = 'seq'"), s0);
	day(2026, 11, 22);
	run();
	assert_int_equal(sql_count(C->st, "SELECT value FROM meta WHERE key = 'seq'"), s0 + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_whole_discussion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_catch_up_after_downtime, setup, teardown),
		cmocka_unit_test_setup_teardown(test_end_from_calendar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_daily_tick, setup, teardown),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
