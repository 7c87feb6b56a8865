/* Deadlines (core/deadline.c), the calendar in the database
 * (core/db_calendar.c) and the compliance data (core/db_compliance.c):
 * P-5, P-7, P-9, P-10, P-15, P-16, G on the real 2025 and 2026 calendars.
 * Every expected date was counted by hand on data/calendar/ and checked
 * with an independent day-by-day walk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "calendar.h"
#include "calendar_helpers.h"
#include "clock.h"
#include "db_calendar.h"
#include "db_compliance.h"
#include "deadline.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

static struct calendar *cal; /* the files of 2025 and 2026 */
static char dir[64] = "/tmp/ob-test-deadline.XXXXXX";

static struct ob_date D(const char *s)
{
	struct ob_date d = { 0, 0, 0 };

	if (date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

static void assert_date(struct ob_date got, const char *want)
{
	char buf[DATE_STRLEN];

	assert_string_equal(date_format(got, buf), want);
}

static int group_setup(void **state)
{
	struct ob_date today = { 2026, 5, 15 };

	(void)state;
	ob_clock_set(&today);
	return (cal = calendars_load()) != NULL && mkdtemp(dir) != NULL ? 0 : -1;
}

static int group_teardown(void **state)
{
	char cmd[128];

	(void)state;
	calendar_free(cal);
	ob_clock_set(NULL);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* ---- discussion (P-9, P-10) ------------------------------------------------ */

static void test_discussion_min_end(void **state)
{
	static const struct {
		const char *posted, *end, *why;
	} cases[] = {
		/* 10 March is the art. 85 day off, 21-25 March Nauryz. */
		{ "2025-03-07", "2025-03-27", "Friday before a day off and Nauryz" },
		/* Posted on a weekend: the same ten days as from the Friday. */
		{ "2025-03-08", "2025-03-27", "Saturday (itself a holiday)" },
		{ "2025-05-03", "2025-05-20", "Saturday before the May holidays" },
		/* The day before Independence Day (Tue 16 December). */
		{ "2025-12-15", "2025-12-30", "Monday before a holiday" },
		/* Over the new year: 1-2 and 7 January 2026 are holidays. */
		{ "2025-12-24", "2026-01-12", "over the new year" },
		{ "2026-03-20", "2026-04-08", "Friday before Nauryz 2026 (21-25 March)" },
		{ "2025-06-02", "2025-06-17", "a week with Kurban Ait (Fri 6 June)" },
	};
	struct ob_err err = { 0 };
	struct ob_date end;
	int n;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (deadline_discussion_min_end(cal, D(cases[i].posted), &end, &err) != 0)
			fail_msg("%s: %s %s", cases[i].why, err.code, err.msg);
		assert_date(end, cases[i].end);
		/* Ten full working days after the posting day, the last one the end. */
		assert_int_equal(calendar_count_workdays(cal, date_add_days(D(cases[i].posted), 1), end,
		                                         &n, &err), 0);
		assert_int_equal(n, DEADLINE_DISCUSSION_DAYS);
		assert_int_equal(calendar_is_workday(cal, end, &n, &err), 0);
		assert_int_equal(n, 1);
	}
}

static void test_discussion_check(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date earliest = { 0, 0, 0 };

	(void)state;
	/* One day short: refused, and the message names the earliest end. */
	assert_int_equal(deadline_discussion_check(cal, D("2025-03-07"), D("2025-03-26"), &earliest, &err), -1);
	assert_string_equal(err.code, "discussion-too-short");
	assert_non_null(strstr(err.msg, "2025-03-27"));
	assert_date(earliest, "2025-03-27");
	/* A naive count of ten weekdays would end on 21 March, a holiday. */
	assert_int_equal(deadline_discussion_check(cal, D("2025-03-07"), D("2025-03-21"), NULL, &err), -1);
	assert_string_equal(err.code, "discussion-too-short");
	/* Ending before it starts is too short as well. */
	assert_int_equal(deadline_discussion_check(cal, D("2025-03-07"), D("2025-03-01"), NULL, &err), -1);
	assert_string_equal(err.code, "discussion-too-short");
	/* The minimum itself, and anything longer, even ending on a day off. */
	ob_err_clear(&err);
	assert_int_equal(deadline_discussion_check(cal, D("2025-03-07"), D("2025-03-27"), &earliest, &err), 0);
	assert_int_equal(deadline_discussion_check(cal, D("2025-03-07"), D("2025-03-29"), NULL, &err), 0);
	assert_int_equal(deadline_discussion_check(cal, D("2025-12-24"), D("2026-01-12"), &earliest, &err), 0);
	assert_date(earliest, "2026-01-12");
	assert_int_equal(deadline_discussion_check(cal, D("2025-12-24"), D("2026-01-09"), &earliest, &err), -1);
	assert_string_equal(err.code, "discussion-too-short");
	assert_non_null(strstr(err.msg, "2026-01-12"));
	/* An invalid requested end. */
	assert_int_equal(deadline_discussion_check(cal, D("2025-03-07"), (struct ob_date){ 2025, 2, 30 },
	                                           NULL, &err), -1);
	assert_string_equal(err.code, "date-invalid");
}

/* P-15 and P-16. */
static void test_moderation_and_answers(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date due;

	(void)state;
	/* Received Thursday 20 March 2025: Nauryz, then 26 and 27 March. */
	assert_int_equal(deadline_moderation_due(cal, D("2025-03-20"), &due, &err), 0);
	assert_date(due, "2025-03-27");
	assert_int_equal(deadline_moderation_due(cal, D("2025-12-31"), &due, &err), 0);
	assert_date(due, "2026-01-06");
	/* Received on a Saturday: Monday and Tuesday. */
	assert_int_equal(deadline_moderation_due(cal, D("2026-05-16"), &due, &err), 0);
	assert_date(due, "2026-05-19");
	assert_int_equal(deadline_answer_due(D("2026-04-08"), &due, &err), 0);
	assert_date(due, "2026-04-08");
	assert_int_equal(deadline_answer_due((struct ob_date){ 2026, 4, 31 }, &due, &err), -1);
	assert_string_equal(err.code, "date-invalid");
}

/* ---- publication (P-5, P-7, P-10, G) --------------------------------------- */

static void test_publication_due(void **state)
{
	static const struct {
		enum deadline_rule rule;
		int year;
		const char *received;
		int py, pm;
		const char *due, *why;
	} cases[] = {
		/* 5 July 2025 is a Saturday; Monday 7 July the art. 85 day off
		 * for the Day of the Capital (Sunday 6 July). */
		{ DEADLINE_P5, 2024, NULL, 0, 0, "2025-07-08", "P-5 on a Saturday before a day off" },
		/* 5 July 2026 a Sunday, 6 July the Day of the Capital. */
		{ DEADLINE_P5, 2025, NULL, 0, 0, "2026-07-07", "P-5 on a Sunday before a holiday" },
		{ DEADLINE_P10, 2024, NULL, 0, 0, "2025-04-01", "P-10 on a Tuesday" },
		{ DEADLINE_P10, 2025, NULL, 0, 0, "2026-04-01", "P-10 on a Wednesday" },
		/* Fri 14 March 2025 + 15 working days across Nauryz. */
		{ DEADLINE_P7, 0, "2025-03-14", 0, 0, "2025-04-09", "P-7 across Nauryz" },
		/* Counting weekdays only would end on 1 May, a holiday. */
		{ DEADLINE_P7, 0, "2025-04-10", 0, 0, "2025-05-02", "P-7 ending over 1 May" },
		/* 1 May, 7 May and the day off for Saturday 9 May 2026. */
		{ DEADLINE_P7, 0, "2026-04-16", 0, 0, "2026-05-12", "P-7 across the May holidays" },
		{ DEADLINE_P7, 0, "2025-12-15", 0, 0, "2026-01-09", "P-7 over the new year" },
		/* 20 April 2025 is a Sunday. */
		{ DEADLINE_G, 0, NULL, 2025, 3, "2025-04-21", "G on a Sunday" },
		{ DEADLINE_G, 0, NULL, 2025, 11, "2025-12-22", "G on a Saturday" },
		{ DEADLINE_G, 0, NULL, 2025, 12, "2026-01-20", "G for December, in the next year" },
		{ DEADLINE_G, 0, NULL, 2026, 2, "2026-03-20", "G the day before Nauryz" },
	};
	struct ob_err err = { 0 };
	struct ob_date due;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct deadline_doc doc = { cases[i].year, { 0, 0, 0 }, cases[i].py, cases[i].pm };

		if (cases[i].received != NULL)
			doc.received = D(cases[i].received);
		if (deadline_due(cal, cases[i].rule, &doc, &due, &err) != 0)
			fail_msg("%s: %s %s", cases[i].why, err.code, err.msg);
		assert_date(due, cases[i].due);
	}
	/* Kinds, ids, periods. */
	assert_int_equal(deadline_rule_of_kind("financial-statements"), DEADLINE_P5);
	assert_int_equal(deadline_rule_of_kind("audit-result"), DEADLINE_P7);
	assert_int_equal(deadline_rule_of_kind("implementation-report"), DEADLINE_P10);
	assert_int_equal(deadline_rule_of_kind("grant-report"), DEADLINE_G);
	assert_int_equal(deadline_rule_of_kind("passport"), 0);
	assert_int_equal(deadline_rule_of_kind(NULL), 0);
	assert_string_equal(deadline_rule_id(DEADLINE_P10), "P-10");
	assert_string_equal(deadline_rule_id(DEADLINE_G), "G");
	{
		int y = 0, m = 0;
		static const char *bad[] = { "2025-13", "2025-00", "2025-1", "2025-01-01", "25-01", "", "2025/01" };

		assert_int_equal(deadline_period_parse("2025-12", &y, &m, &err), 0);
		assert_int_equal(y, 2025);
		assert_int_equal(m, 12);
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			assert_int_equal(deadline_period_parse(bad[i], &y, &m, &err), -1);
			assert_string_equal(err.code, "period-invalid");
		}
		assert_int_equal(deadline_period_parse(NULL, &y, &m, &err), -1);
	}
	{
		struct deadline_doc doc = { 2025, { 0, 0, 0 }, 2025, 13 };

		assert_int_equal(deadline_due(cal, DEADLINE_G, &doc, &due, &err), -1);
		assert_string_equal(err.code, "argument");
		assert_int_equal(deadline_due(cal, (enum deadline_rule)9, &doc, &due, &err), -1);
		assert_string_equal(err.code, "argument");
		assert_int_equal(deadline_due(cal, DEADLINE_P7, &doc, &due, &err), -1);
		assert_string_equal(err.code, "date-invalid");
	}
}

static void test_status(void **state)
{
	static const struct {
		const char *due, *posted, *today;
		enum deadline_state state;
		int late;
	} cases[] = {
		{ "2025-04-09", "2025-04-09", "2025-06-01", DEADLINE_ON_TIME, 0 },
		{ "2025-04-09", "2025-03-01", "2025-06-01", DEADLINE_ON_TIME, 0 },
		{ "2025-04-09", "2025-04-10", "2025-06-01", DEADLINE_LATE, 1 },
		/* Thursday 10 and Friday 11 April passed; posted Saturday. */
		{ "2025-04-09", "2025-04-12", "2025-06-01", DEADLINE_LATE, 2 },
		{ "2025-04-09", "2025-04-14", "2025-06-01", DEADLINE_LATE, 3 },
		/* Due Friday, posted Saturday: late, by at least one. */
		{ "2025-04-11", "2025-04-12", "2025-06-01", DEADLINE_LATE, 1 },
		/* 21-25 March 2025 are not worked. */
		{ "2025-03-20", "2025-03-26", "2025-06-01", DEADLINE_LATE, 1 },
		/* Late across the new year: 29-31 December, 5, 6 January. */
		{ "2025-12-26", "2026-01-06", "2026-06-01", DEADLINE_LATE, 5 },
		{ "2025-04-09", NULL, "2025-04-09", DEADLINE_PENDING, 0 },
		{ "2025-04-09", NULL, "2025-01-01", DEADLINE_PENDING, 0 },
		{ "2025-04-09", NULL, "2025-04-10", DEADLINE_MISSING, 1 },
		{ "2026-04-01", NULL, "2026-05-15", DEADLINE_MISSING, 29 },
	};
	struct ob_err err = { 0 };
	struct deadline_status st;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ob_date posted;

		if (cases[i].posted != NULL)
			posted = D(cases[i].posted);
		if (deadline_status(cal, D(cases[i].due), cases[i].posted ? &posted : NULL,
		                    D(cases[i].today), &st, &err) != 0)
			fail_msg("case %zu: %s %s", i, err.code, err.msg);
		if (st.state != cases[i].state || st.late_days != cases[i].late)
			fail_msg("case %zu: %s %d, expected %s %d", i, deadline_state_name(st.state),
			         st.late_days, deadline_state_name(cases[i].state), cases[i].late);
	}
	assert_string_equal(deadline_state_name(DEADLINE_ON_TIME), "on-time");
	assert_string_equal(deadline_state_name(DEADLINE_UNKNOWN), "unknown");
}

/* A date outside the loaded years is an error, never a guess. */
static void test_calendar_missing(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date due = { 0, 0, 0 }, posted = D("2027-01-11");
	struct deadline_status st;
	struct deadline_doc doc = { 2026, { 0, 0, 0 }, 2026, 12 };

	(void)state;
	assert_int_equal(deadline_discussion_min_end(cal, D("2024-12-20"), &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* Posted in 2026, the tenth day would fall in 2027. */
	assert_int_equal(deadline_discussion_min_end(cal, D("2026-12-24"), &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(deadline_discussion_check(cal, D("2026-12-24"), D("2027-02-01"), NULL, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(deadline_moderation_due(cal, D("2024-06-03"), &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* P-5 and P-10 of 2026 are due in 2027; G of December 2026 too. */
	assert_int_equal(deadline_due(cal, DEADLINE_P5, &doc, &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(deadline_due(cal, DEADLINE_P10, &doc, &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(deadline_due(cal, DEADLINE_G, &doc, &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* P-7 received in 2024, or running into 2027. */
	doc.received = D("2024-12-02");
	assert_int_equal(deadline_due(cal, DEADLINE_P7, &doc, &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	doc.received = D("2026-12-20");
	assert_int_equal(deadline_due(cal, DEADLINE_P7, &doc, &due, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* Late days need the year of the posting day, or of today. */
	assert_int_equal(deadline_status(cal, D("2026-12-30"), &posted, D("2027-02-01"), &st, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(st.state, DEADLINE_UNKNOWN);
	assert_int_equal(deadline_status(cal, D("2026-12-30"), NULL, D("2027-01-11"), &st, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* On time and pending need no count: no calendar is consulted. */
	assert_int_equal(deadline_status(cal, D("2026-12-30"), NULL, D("2026-12-30"), &st, &err), 0);
	assert_int_equal(st.state, DEADLINE_PENDING);
}

/* ---- the database ---------------------------------------------------------- */

static struct store *open_db(const char *name)
{
	struct ob_err err = { 0 };
	char path[128];
	struct store *st;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((st = store_open(path, STORE_CREATE, &err)) == NULL)
		fail_msg("store_open: %s %s", err.code, err.msg);
	return st;
}

static int year_workdays(const struct calendar *c, int y)
{
	struct ob_err err = { 0 };
	int n = -1;

	if (calendar_count_workdays(c, (struct ob_date){ y, 1, 1 }, (struct ob_date){ y, 12, 31 }, &n, &err) != 0)
		fail_msg("%d: %s %s", y, err.code, err.msg);
	return n;
}

static struct calendar *load_db(struct store *st)
{
	struct ob_err err = { 0 };
	struct calendar *c = calendar_new();

	if (db_calendar_load(st, c, &err) != 0)
		fail_msg("db_calendar_load: %s %s", err.code, err.msg);
	return c;
}

static int count_year(const struct db_calendar_year *y, void *arg)
{
	(void)y;
	(*(int *)arg)++;
	return 0;
}

static void test_db_round_trip(void **state)
{
	struct ob_err err = { 0 };
	struct store *st = open_db("cal.db");
	struct calendar *back, *empty = calendar_new();
	struct calendar_iter a, b;
	const struct calendar_day *da, *db;
	int n = 0;

	(void)state;
	/* An empty database: an empty calendar, where everything is missing. */
	back = load_db(st);
	assert_int_equal(calendar_years(back, NULL, 0), 0);
	calendar_free(back);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(db_calendar_store_year(st, cal, 2025, "data/calendar/2025.xml", &err), 0);
	assert_int_equal(db_calendar_store_year(st, cal, 2026, "data/calendar/2026.xml", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	back = load_db(st);
	assert_int_equal(year_workdays(back, 2025), 246);
	assert_int_equal(year_workdays(back, 2026), 246);
	/* Identical day by day: every date, and every special day's fields. */
	for (struct ob_date d = D("2025-01-01"); d.y < 2027; d = date_add_days(d, 1)) {
		int w1 = -1, w2 = -2;

		assert_int_equal(calendar_is_workday(cal, d, &w1, &err), 0);
		assert_int_equal(calendar_is_workday(back, d, &w2, &err), 0);
		assert_int_equal(w1, w2);
	}
	calendar_iter_init(&a, cal, 0);
	calendar_iter_init(&b, back, 0);
	while ((da = calendar_iter_next(&a)) != NULL) {
		assert_non_null(db = calendar_iter_next(&b));
		assert_int_equal(date_cmp(da->date, db->date), 0);
		assert_int_equal(da->kind, db->kind);
		assert_int_equal(da->moves, db->moves);
		assert_int_equal(date_cmp(da->replaces, db->replaces), 0);
		assert_string_equal(da->name_kk, db->name_kk);
		assert_string_equal(da->name_ru, db->name_ru);
		assert_int_equal(da->line, db->line);
	}
	assert_null(calendar_iter_next(&b));
	/* Loading needs an empty calendar. */
	assert_int_equal(db_calendar_load(st, back, &err), -1);
	assert_string_equal(err.code, "argument");
	/* A year the calendar does not have; a new year without a source. */
	assert_int_equal(db_calendar_store_year(st, cal, 2027, "x", &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(calendar_add_year(empty, 2030, &err), 0);
	assert_int_equal(db_calendar_store_year(st, empty, 2030, NULL, &err), -1);
	assert_string_equal(err.code, "argument");
	calendar_free(empty);
	assert_int_equal(db_calendar_years(st, count_year, &n, &err), 0);
	assert_int_equal(n, 2);
	calendar_free(back);
	store_close(st);
}

static int first_year(const struct db_calendar_year *y, void *arg)
{
	*(struct db_calendar_year *)arg = *y;
	return 1;
}

/* Replacing a year is all or nothing, in the caller's transaction. */
static void test_db_replace_year(void **state)
{
	struct ob_err err = { 0 };
	struct store *st = open_db("replace.db");
	struct calendar *c, *back;
	struct calendar_day day = { .date = { 2026, 12, 31 }, .kind = CALENDAR_DAYOFF,
	                            .name_kk = "Демалыс", .name_ru = "Выходной" };
	struct db_calendar_year y26 = { .year = 0 };

	(void)state;
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(db_calendar_store_year(st, cal, 2026, "2026.xml", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	c = load_db(st);
	assert_int_equal(calendar_add_day(c, &day, &err), 0);
	assert_int_equal(calendar_check_year(c, 2026, &err), 0);
	/* Rolled back: the stored year is unchanged. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(db_calendar_store_year(st, c, 2026, NULL, &err), 0);
	store_rollback(st);
	back = load_db(st);
	assert_int_equal(year_workdays(back, 2026), 246);
	calendar_free(back);
	/* Committed: one day fewer, the source kept, the day marked as added. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(db_calendar_store_year(st, c, 2026, NULL, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	back = load_db(st);
	assert_int_equal(year_workdays(back, 2026), 245);
	assert_int_equal(calendar_day_get(back, D("2026-12-31"))->line, 0);
	calendar_free(back);
	assert_int_equal(db_calendar_years(st, first_year, &y26, &err), 0);
	assert_int_equal(y26.year, 2026);
	assert_string_equal(y26.source, "2026.xml");
	assert_int_equal(y26.ndays, 22);
	assert_int_equal(y26.added, 1);
	assert_string_equal(y26.changed, "2026-05-15");
	calendar_free(c);
	/* A stored year that breaks art. 85 is refused on reading. */
	assert_int_equal(sqlite3_exec(store_db(st), "DELETE FROM calendar_days WHERE date = '2026-03-09'",
	                              NULL, NULL, NULL), SQLITE_OK);
	c = calendar_new();
	assert_int_equal(db_calendar_load(st, c, &err), -1);
	assert_string_equal(err.code, "calendar-invalid");
	assert_int_equal(calendar_years(c, NULL, 0), 0);
	calendar_free(c);
	store_close(st);
}

/* ---- compliance ------------------------------------------------------------ */

static void exec_sql(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static const char fixture[] =
	"INSERT INTO levels VALUES ('republican', 1, 'r', 'r'), ('regional', 2, 'o', 'o');"
	"INSERT INTO regions VALUES ('750000000', 'city', 1, 'Алматы', 'Алматы');"
	"INSERT INTO fgroups VALUES (4, 'б', 'о');"
	"INSERT INTO fsubgroups VALUES (4, 1, 'б', 'о');"
	"INSERT INTO administrators VALUES (1, '225', '123456789012', 'republican', NULL, 'А', 'А'),"
	" (2, '252', '123456789013', 'regional', '750000000', 'Б', 'Б'),"
	" (3, '100', '123456789014', 'republican', NULL, 'В', 'В');"
	"INSERT INTO programs VALUES (1, 1, '001', 4, 1, 'п', 'п'), (2, 1, '002', 4, 1, 'п', 'п');"
	"INSERT INTO documents (id, number, kind, year, admin_id, program_id, posted, status, received,"
	" period, title_kk, title_ru, seq) VALUES"
	/* 225: passports of 2023 (due before the calendar: not expected), 2025
	 * (two programs, one report), 2026 (the year is not over). */
	" (1, 'BP-2023-225-001', 'passport', 2023, 1, 1, '2022-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (2, 'BP-2025-225-001', 'passport', 2025, 1, 1, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (3, 'BP-2025-225-002', 'passport', 2025, 1, 2, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (4, 'BP-2026-225-001', 'passport', 2026, 1, 1, '2025-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (5, 'IR-2025-225-001', 'implementation-report', 2025, 1, 1, '2026-04-03', 'published', NULL, NULL, 't', 't', 1),"
	" (6, 'FS-2024-225', 'financial-statements', 2024, 1, NULL, '2025-07-08', 'published', NULL, NULL, 't', 't', 1),"
	" (7, 'FS-2026-225', 'financial-statements', 2026, 1, NULL, '2026-05-10', 'published', NULL, NULL, 't', 't', 1),"
	" (8, 'AR-2025-225-1', 'audit-result', 2024, 1, NULL, '2025-05-02', 'published', '2025-04-10', NULL, 't', 't', 1),"
	" (9, 'AR-2026-225-2', 'audit-result', 2025, 1, NULL, '2026-05-01', 'draft', '2026-04-16', NULL, 't', 't', 1),"
	/* 252: grant reports for January and March 2026. */
	" (10, 'GR-2026-01', 'grant-report', 2026, 2, NULL, '2026-02-20', 'published', NULL, '2026-01', 't', 't', 1),"
	" (11, 'GR-2026-03', 'grant-report', 2026, 2, NULL, '2026-04-22', 'published', NULL, '2026-03', 't', 't', 1);";

static void test_compliance(void **state)
{
	static const struct {
		const char *admin, *rule, *number, *due, *posted;
		enum deadline_state state;
		int late;
		const char *err;
	} want[] = {
		{ "225", "P-5", "FS-2024-225", "2025-07-08", "2025-07-08", DEADLINE_ON_TIME, 0, "" },
		{ "225", "P-5", "", "2026-07-07", NULL, DEADLINE_PENDING, 0, "" },
		/* Statements of 2026 are due in 2027, which has no calendar. */
		{ "225", "P-5", "FS-2026-225", NULL, "2026-05-10", DEADLINE_UNKNOWN, 0, "calendar-missing" },
		{ "225", "P-7", "AR-2025-225-1", "2025-05-02", "2025-05-02", DEADLINE_ON_TIME, 0, "" },
		/* A draft is not posted: 13, 14 and 15 May have passed. */
		{ "225", "P-7", "AR-2026-225-2", "2026-05-12", NULL, DEADLINE_MISSING, 3, "" },
		{ "225", "P-10", "IR-2025-225-001", "2026-04-01", "2026-04-03", DEADLINE_LATE, 2, "" },
		{ "225", "P-10", "", "2026-04-01", NULL, DEADLINE_MISSING, 29, "" },
		{ "252", "G", "GR-2026-01", "2026-02-20", "2026-02-20", DEADLINE_ON_TIME, 0, "" },
		{ "252", "G", "", "2026-03-20", NULL, DEADLINE_MISSING, 34, "" },
		{ "252", "G", "GR-2026-03", "2026-04-20", "2026-04-22", DEADLINE_LATE, 2, "" },
		{ "252", "G", "", "2026-05-20", NULL, DEADLINE_PENDING, 0, "" },
	};
	struct ob_err err = { 0 };
	struct store *st = open_db("compliance.db");
	struct compliance *c = NULL;
	char ds[DATE_STRLEN];

	(void)state;
	exec_sql(st, fixture);
	assert_int_equal(db_compliance_load(st, cal, D("2026-05-15"), &c, &err), 0);
	assert_int_equal(c->nadmins, 3);
	assert_string_equal(c->admins[0].code, "100");
	assert_int_equal(c->admins[0].nrows, 0);
	assert_string_equal(c->admins[1].code, "225");
	assert_string_equal(c->admins[2].region, "750000000");
	assert_int_equal(c->nrows, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < c->nrows; i++) {
		const struct compliance_row *r = &c->rows[i];

		assert_string_equal(c->admins[r->admin].code, want[i].admin);
		assert_string_equal(deadline_rule_id(r->rule), want[i].rule);
		assert_string_equal(r->number, want[i].number);
		assert_int_equal(r->doc_id == 0, want[i].number[0] == '\0');
		assert_string_equal(want[i].due ? date_format(r->due, ds) : "", want[i].due ? want[i].due : "");
		if (want[i].posted != NULL)
			assert_date(r->posted, want[i].posted);
		else
			assert_int_equal(r->posted.y, 0);
		if (r->status.state != want[i].state || r->status.late_days != want[i].late)
			fail_msg("row %zu (%s %s): %s %d", i, want[i].rule, want[i].number,
			         deadline_state_name(r->status.state), r->status.late_days);
		assert_string_equal(r->err_code, want[i].err);
	}
	/* The expected P-10 report names its program; G rows their month. */
	assert_string_equal(c->rows[6].program, "002");
	assert_int_equal(c->rows[6].year, 2025);
	assert_string_equal(c->rows[8].period, "2026-02");
	/* Slices and counts per administrator. */
	assert_int_equal(c->admins[1].first, 0);
	assert_int_equal(c->admins[1].nrows, 7);
	assert_int_equal(c->admins[2].first, 7);
	assert_int_equal(c->admins[2].nrows, 4);
	assert_int_equal(c->admins[1].count[DEADLINE_P10][DEADLINE_MISSING], 1);
	assert_int_equal(c->admins[1].count[DEADLINE_P5][DEADLINE_UNKNOWN], 1);
	assert_int_equal(c->admins[2].count[DEADLINE_G][DEADLINE_PENDING], 1);
	compliance_free(c);
	/* With no calendar every due date is missing, and nothing is expected. */
	{
		struct calendar *none = calendar_new();

		assert_int_equal(db_compliance_load(st, none, D("2026-05-15"), &c, &err), 0);
		assert_int_equal(c->nrows, 7);
		for (size_t i = 0; i < c->nrows; i++) {
			assert_int_equal(c->rows[i].status.state, DEADLINE_UNKNOWN);
			assert_string_equal(c->rows[i].err_code, "calendar-missing");
		}
		compliance_free(c);
		calendar_free(none);
	}
	assert_int_equal(db_compliance_load(st, cal, (struct ob_date){ 2026, 2, 30 }, &c, &err), -1);
	assert_string_equal(err.code, "date-invalid");
	assert_null(c);
	store_close(st);
}

/* The compliance record's administrators and programs by id
 * (core/db_compliance.c): sparse and negative ids, a program with id 0
 * against a NULL program_id, administrators whose ids are not in the order
 * of their codes, and reports that the covering index (schema/011) gives
 * out of the record's order. */
static const char fixture_ids[] =
	"INSERT INTO levels VALUES ('republican', 1, 'r', 'r'), ('regional', 2, 'o', 'o');"
	"INSERT INTO regions VALUES ('750000000', 'city', 1, 'Алматы', 'Алматы');"
	"INSERT INTO fgroups VALUES (4, 'б', 'о');"
	"INSERT INTO fsubgroups VALUES (4, 1, 'б', 'о');"
	"INSERT INTO administrators VALUES (1000000007, '300', '123456789012', 'republican', NULL, 'В', 'В'),"
	" (-5, '200', '123456789013', 'republican', NULL, 'А', 'А'),"
	" (7, '250', '123456789014', 'regional', '750000000', 'Б', 'Б');"
	/* Codes in the reverse order of the ids. */
	"INSERT INTO programs VALUES (0, -5, '003', 4, 1, 'п', 'п'), (42, -5, '000', 4, 1, 'п', 'п'),"
	" (5000000000, -5, '001', 4, 1, 'п', 'п'),"
	" (100, 7, '002', 4, 1, 'п', 'п'), (101, 7, '001', 4, 1, 'п', 'п');"
	"INSERT INTO documents (id, number, kind, year, admin_id, program_id, posted, status, received,"
	" period, title_kk, title_ru, seq) VALUES"
	" (1, 'BP-2025-200-003', 'passport', 2025, -5, 0, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (2, 'BP-2025-200-000', 'passport', 2025, -5, 42, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (3, 'BP-2025-200-001', 'passport', 2025, -5, 5000000000, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (4, 'IR-2025-200-003', 'implementation-report', 2025, -5, 0, '2026-03-20', 'published', NULL, NULL, 't', 't', 1),"
	" (5, 'IR-2025-200-001', 'implementation-report', 2025, -5, 5000000000, '2026-03-20', 'published', NULL, NULL, 't', 't', 1),"
	" (6, 'FS-2025-200', 'financial-statements', 2025, -5, NULL, '2026-05-04', 'published', NULL, NULL, 't', 't', 1),"
	" (7, 'BP-2025-250-002', 'passport', 2025, 7, 100, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (8, 'BP-2025-250-001', 'passport', 2025, 7, 101, '2024-12-10', 'published', NULL, NULL, 't', 't', 1),"
	" (9, 'IR-2025-250-002', 'implementation-report', 2025, 7, 100, '2026-03-20', 'published', NULL, NULL, 't', 't', 1);";

static void test_compliance_ids(void **state)
{
	static const struct {
		const char *admin, *rule, *number, *program;
	} want[] = {
		/* A NULL program_id has no program, not program 0's. */
		{ "200", "P-5", "FS-2025-200", "" },
		/* Missing, then two reports: three runs, sorted. */
		{ "200", "P-10", "", "000" },
		{ "200", "P-10", "IR-2025-200-001", "001" },
		{ "200", "P-10", "IR-2025-200-003", "003" },
		/* A report, then a missing one: two runs, merged. */
		{ "250", "P-10", "", "001" },
		{ "250", "P-10", "IR-2025-250-002", "002" },
	};
	struct ob_err err = { 0 };
	struct store *st = open_db("compliance-ids.db");
	struct compliance *c = NULL;

	(void)state;
	exec_sql(st, fixture_ids);
	assert_int_equal(db_compliance_load(st, cal, D("2026-05-15"), &c, &err), 0);
	assert_int_equal(c->nadmins, 3);
	assert_int_equal(c->admins[0].id, -5);
	assert_int_equal(c->admins[1].id, 7);
	assert_int_equal(c->admins[2].id, 1000000007);
	assert_int_equal(c->nrows, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < c->nrows; i++) {
		const struct compliance_row *r = &c->rows[i];

		assert_string_equal(c->admins[r->admin].code, want[i].admin);
		assert_string_equal(deadline_rule_id(r->rule), want[i].rule);
		assert_string_equal(r->number, want[i].number);
		assert_string_equal(r->program, want[i].program);
		assert_string_equal(r->err_code, "");
	}
	/* Every document row names the administrator and program the join gives. */
	for (size_t i = 0; i < c->nrows; i++) {
		const struct compliance_row *r = &c->rows[i];
		sqlite3_stmt *s;

		if (r->doc_id == 0)
			continue;
		assert_int_equal(sqlite3_prepare_v2(store_db(st),
		        "SELECT a.code, ifnull(p.code, ''), ifnull(d.program_id, 0) FROM documents d "
		        "JOIN administrators a ON a.id = d.admin_id "
		        "LEFT JOIN programs p ON p.id = d.program_id WHERE d.id = ?1", -1, &s, NULL),
		        SQLITE_OK);
		sqlite3_bind_int64(s, 1, r->doc_id);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal(c->admins[r->admin].code, (const char *)sqlite3_column_text(s, 0));
		assert_string_equal(r->program, (const char *)sqlite3_column_text(s, 1));
		assert_int_equal(r->program_id, sqlite3_column_int64(s, 2));
		sqlite3_finalize(s);
	}
	assert_int_equal(c->admins[0].first, 0);
	assert_int_equal(c->admins[0].nrows, 4);
	assert_int_equal(c->admins[1].first, 4);
	assert_int_equal(c->admins[1].nrows, 2);
	assert_int_equal(c->admins[2].first, c->nrows);
	assert_int_equal(c->admins[2].nrows, 0);
	compliance_free(c);
	store_close(st);
}

/* The compliance query reads the documents through the covering index of
 * schema/011, never the wide table: the index's WHERE and the query's kind
 * IN (...) must stay word for word the same, or SQLite silently stops
 * using it. */
static void test_compliance_plan(void **state)
{
	struct ob_err err = { 0 };
	struct store *st = open_db("compliance-plan.db");
	struct compliance *c = NULL;
	int n = 0;

	(void)state;
	exec_sql(st, fixture);
	assert_int_equal(db_compliance_load(st, cal, D("2026-05-15"), &c, &err), 0);
	compliance_free(c);
	/* The statements db_compliance_load prepared, kept on the connection. */
	for (sqlite3_stmt *q = sqlite3_next_stmt(store_db(st), NULL); q != NULL;
	     q = sqlite3_next_stmt(store_db(st), q)) {
		char sql[2048];
		sqlite3_stmt *plan;
		int rows = 0;

		if (strstr(sqlite3_sql(q), "FROM documents") == NULL)
			continue;
		n++;
		snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", sqlite3_sql(q));
		assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &plan, NULL), SQLITE_OK);
		while (sqlite3_step(plan) == SQLITE_ROW) {
			const char *detail = (const char *)sqlite3_column_text(plan, 3);

			if (strncmp(detail, "SEARCH d ", 9) != 0 && strncmp(detail, "SCAN d", 6) != 0)
				continue;  /* the administrators, the programs */
			rows++;
			if (strstr(detail, "USING COVERING INDEX documents_compliance") == NULL)
				fail_msg("%s: %s", sqlite3_sql(q), detail);
		}
		sqlite3_finalize(plan);
		assert_int_equal(rows, 1);
	}
	assert_int_equal(n, 1);  /* the one query of the documents */
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discussion_min_end),
		cmocka_unit_test(test_discussion_check),
		cmocka_unit_test(test_moderation_and_answers),
		cmocka_unit_test(test_publication_due),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_calendar_missing),
		cmocka_unit_test(test_db_round_trip),
		cmocka_unit_test(test_db_replace_year),
		cmocka_unit_test(test_compliance),
		cmocka_unit_test(test_compliance_ids),
		cmocka_unit_test(test_compliance_plan),
	};

	return cmocka_run_group_tests_name("deadline", tests, group_setup, group_teardown);
}
