/* The working-day calendar (core/calendar.c), dates (core/date.c) and the
 * injectable clock (core/clock.c).  "Working days" in RULES.md; P-5, P-7,
 * P-9, P-15 deadlines.  The data files are the real 2025 and 2026
 * calendars in data/calendar/. */
#include <limits.h>
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
#include "date.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

/* The real calendars, loaded once for the group. */
static struct calendar *cal;

static struct ob_date D(const char *s)
{
	struct ob_date d = { 0, 0, 0 };

	if (date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

static int workday(const struct calendar *c, const char *s)
{
	struct ob_err err = { 0 };
	int w = -1;

	if (calendar_is_workday(c, D(s), &w, &err) != 0)
		fail_msg("%s: %s %s", s, err.code, err.msg);
	return w;
}

static const char *add(const struct calendar *c, const char *from, int n, char buf[DATE_STRLEN])
{
	struct ob_err err = { 0 };
	struct ob_date out;

	if (calendar_add_workdays(c, D(from), n, &out, &err) != 0)
		fail_msg("%s + %d: %s %s", from, n, err.code, err.msg);
	return date_format(out, buf);
}

static int count(const struct calendar *c, const char *from, const char *to)
{
	struct ob_err err = { 0 };
	int n = -1;

	if (calendar_count_workdays(c, D(from), D(to), &n, &err) != 0)
		fail_msg("%s..%s: %s %s", from, to, err.code, err.msg);
	return n;
}

static int group_setup(void **state)
{
	(void)state;
	return (cal = calendars_load()) != NULL ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	calendar_free(cal);
	return 0;
}

/* ---- dates ---------------------------------------------------------------- */

static void test_date_parse(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{ "2025-01-01", 1 }, { "2024-02-29", 1 }, { "2000-02-29", 1 }, { "1900-01-01", 1 },
		{ "9999-12-31", 1 }, { "2025-02-29", 0 }, { "1900-02-29", 0 }, { "2025-04-31", 0 },
		{ "2025-13-01", 0 }, { "2025-00-10", 0 }, { "2025-01-00", 0 }, { "2025-1-01", 0 },
		{ "2025-01-1", 0 },  { "25-01-01", 0 },   { "2025-01-01 ", 0 }, { " 2025-01-01", 0 },
		{ "2025/01/01", 0 }, { "+025-01-01", 0 }, { "1899-12-31", 0 }, { "", 0 },
		{ "2025-01-01Z", 0 }, { "２０２５-01-01", 0 },
	};
	struct ob_date d;
	char buf[DATE_STRLEN];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = date_parse(cases[i].s, &d);

		if ((rc == 0) != cases[i].ok)
			fail_msg("date_parse(\"%s\") = %d", cases[i].s, rc);
		if (rc == 0)
			assert_string_equal(date_format(d, buf), cases[i].s);
	}
	assert_int_equal(date_parse(NULL, &d), -1);
	assert_string_equal(date_format((struct ob_date){ 2025, 2, 30 }, buf), "0000-00-00");
}

static void test_date_arithmetic(void **state)
{
	struct ob_date d = { DATE_YEAR_MIN, 1, 1 };
	long n = date_to_days(d);
	char buf[DATE_STRLEN];

	(void)state;
	assert_int_equal(date_to_days((struct ob_date){ 1970, 1, 1 }), 0);
	assert_int_equal(date_weekday((struct ob_date){ 1970, 1, 1 }), 4);
	assert_int_equal(date_weekday(D("2025-01-01")), 3); /* Wednesday */
	assert_int_equal(date_weekday(D("2026-01-01")), 4); /* Thursday */
	assert_int_equal(date_weekday(D("2025-03-08")), 6); /* Saturday */
	assert_int_equal(date_weekday(D("2026-03-08")), 7); /* Sunday */
	assert_int_equal(date_weekday(D("1900-01-01")), 1); /* Monday */
	assert_int_equal(date_day_of_year(D("2024-12-31")), 365);
	assert_int_equal(date_day_of_year(D("2025-12-31")), 364);
	/* Every day of two centuries: the day number goes up by one, the
	 * weekday turns, the conversion goes both ways. */
	for (; d.y < 2101; n++) {
		struct ob_date back = date_from_days(n);

		assert_int_equal(date_to_days(d), n);
		assert_int_equal(date_cmp(back, d), 0);
		assert_true(date_valid(d));
		d = date_add_days(d, 1);
		assert_int_equal(date_weekday(d), date_weekday(back) % 7 + 1);
	}
	assert_string_equal(date_format(date_add_days(D("2025-12-31"), 1), buf), "2026-01-01");
	assert_string_equal(date_format(date_add_days(D("2024-02-28"), 1), buf), "2024-02-29");
	assert_string_equal(date_format(date_add_days(D("2025-03-01"), -1), buf), "2025-02-28");
	assert_false(date_valid(date_add_days(D("9999-12-31"), 1)));
	assert_false(date_valid(date_add_days(D("1900-01-01"), -1)));
	assert_false(date_valid(date_add_days(D("2025-01-01"), LONG_MAX)));
	assert_false(date_valid(date_add_days(D("2025-01-01"), LONG_MIN)));
	assert_true(date_cmp(D("2025-12-31"), D("2026-01-01")) < 0);
}

/* ---- the real calendars ----------------------------------------------------- */

/* "Working days": the official five-day-week norms. */
static void test_yearly_totals(void **state)
{
	(void)state;
	assert_int_equal(count(cal, "2025-01-01", "2025-12-31"), 246);
	assert_int_equal(count(cal, "2026-01-01", "2026-12-31"), 246);
	assert_int_equal(count(cal, "2025-01-01", "2026-12-31"), 492);
	/* Monthly norms that were published separately. */
	assert_int_equal(count(cal, "2025-01-01", "2025-01-31"), 20);
	assert_int_equal(count(cal, "2025-10-01", "2025-10-31"), 22);
	assert_int_equal(count(cal, "2026-01-01", "2026-01-31"), 19);
	assert_int_equal(count(cal, "2026-05-01", "2026-05-31"), 17);
	assert_int_equal(count(cal, "2025-06-05", "2025-06-05"), 1);
	assert_int_equal(count(cal, "2025-06-06", "2025-06-06"), 0);
}

/* Labour Code art. 85: a holiday on a weekend gives the next working day. */
static void test_weekend_holiday_moves(void **state)
{
	(void)state;
	/* 8 March 2025 is a Saturday: Monday 10 March is off. */
	assert_int_equal(workday(cal, "2025-03-07"), 1);
	assert_int_equal(workday(cal, "2025-03-08"), 0);
	assert_int_equal(workday(cal, "2025-03-10"), 0);
	assert_int_equal(workday(cal, "2025-03-11"), 1);
	/* 8 March 2026 is a Sunday: Monday 9 March is off. */
	assert_int_equal(workday(cal, "2026-03-09"), 0);
	assert_int_equal(workday(cal, "2026-03-10"), 1);
	/* Nauryz 2025: Fri 21 holiday, Sat 22 and Sun 23 move to Mon 24, Tue 25. */
	assert_int_equal(workday(cal, "2025-03-21"), 0);
	assert_int_equal(workday(cal, "2025-03-24"), 0);
	assert_int_equal(workday(cal, "2025-03-25"), 0);
	assert_int_equal(workday(cal, "2025-03-26"), 1);
	/* Nauryz 2026: Mon 23 is itself a holiday, so Sat 21, Sun 22 give 24, 25. */
	assert_int_equal(workday(cal, "2026-03-23"), 0);
	assert_int_equal(workday(cal, "2026-03-24"), 0);
	assert_int_equal(workday(cal, "2026-03-25"), 0);
	assert_int_equal(workday(cal, "2026-03-26"), 1);
	/* Day of the Capital 2025, a Sunday; 2026, a Monday (no transfer). */
	assert_int_equal(workday(cal, "2025-07-07"), 0);
	assert_int_equal(workday(cal, "2026-07-06"), 0);
	assert_int_equal(workday(cal, "2026-07-07"), 1);
	/* Kurban Ait, on its moving date, and the names shown on the site. */
	assert_int_equal(workday(cal, "2025-06-06"), 0);
	assert_int_equal(workday(cal, "2026-05-27"), 0);
	assert_string_equal(calendar_day_get(cal, D("2026-05-27"))->name_ru,
	                    "Первый день Курбан айта");
	assert_int_equal(calendar_day_get(cal, D("2026-05-27"))->moves, 0);
	assert_int_equal(date_cmp(calendar_day_get(cal, D("2025-03-10"))->replaces, D("2025-03-08")),
	                 0);
	assert_null(calendar_day_get(cal, D("2025-03-11")));
}

/* A religious holiday on a weekend stays where it is (no moves). */
static void test_religious_holiday_not_moved(void **state)
{
	static const char xml[] =
	        "<?xml version=\"1.0\"?>\n"
	        "<calendar xmlns=\"urn:obkz:calendar:1\" year=\"2028\">\n"
	        "<day date=\"2028-01-07\" kind=\"holiday\" moves=\"no\"><kk>Рождество</kk>"
	        "<ru>Рождество</ru></day>\n"
	        "</calendar>\n";
	struct calendar *c = calendar_new();
	struct ob_err err = { 0 };

	(void)state;
	assert_non_null(c);
	/* 7 January 2028 is a Friday; try 2034, where it is a Saturday. */
	assert_int_equal(calendar_load_mem(c, xml, sizeof xml - 1, &err), 0);
	assert_int_equal(workday(c, "2028-01-10"), 1);
	calendar_clear(c);
	{
		char x2[sizeof xml];

		memcpy(x2, xml, sizeof xml);
		for (char *p = x2; (p = strstr(p, "2028")) != NULL; p += 4)
			memcpy(p, "2034", 4);
		assert_int_equal(date_weekday(D("2034-01-07")), 6);
		assert_int_equal(calendar_load_mem(c, x2, sizeof x2 - 1, &err), 0);
		assert_int_equal(workday(c, "2034-01-07"), 0);
		assert_int_equal(workday(c, "2034-01-09"), 1); /* Monday stays worked */
	}
	calendar_free(c);
}

/* Days moved by order of the labour ministry (art. 85 p. 3). */
static void test_decree_transfers(void **state)
{
	struct calendar *c = calendar_new();
	struct ob_err err = { 0 };
	struct calendar_day sat = { .date = { 2027, 1, 9 },
	                            .kind = CALENDAR_WORKDAY,
	                            .name_kk = "Жұмыс күні",
	                            .name_ru = "Рабочий день" };
	struct calendar_day fri = { .date = { 2027, 1, 8 },
	                            .kind = CALENDAR_DAYOFF,
	                            .name_kk = "Демалыс күні",
	                            .name_ru = "Выходной день" };

	(void)state;
	/* 2025, the real one: Sunday 5 January worked, Friday 3 January off. */
	assert_int_equal(workday(cal, "2025-01-03"), 0);
	assert_int_equal(workday(cal, "2025-01-04"), 0);
	assert_int_equal(workday(cal, "2025-01-05"), 1);
	assert_int_equal(workday(cal, "2025-01-06"), 1);
	assert_int_equal(calendar_day_get(cal, D("2025-01-05"))->kind, CALENDAR_WORKDAY);
	assert_int_equal(calendar_day_get(cal, D("2025-01-03"))->kind, CALENDAR_DAYOFF);
	assert_false(date_valid(calendar_day_get(cal, D("2025-01-03"))->replaces));

	/* A Saturday made a working day and a Friday a day off, built in code. */
	assert_non_null(c);
	assert_int_equal(calendar_add_day(c, &sat, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(calendar_add_year(c, 2027, &err), 0);
	assert_int_equal(calendar_add_year(c, 2027, &err), -1);
	assert_string_equal(err.code, "calendar-duplicate");
	assert_int_equal(count(c, "2027-01-04", "2027-01-10"), 5);
	assert_int_equal(calendar_add_day(c, &sat, &err), 0);
	assert_int_equal(calendar_add_day(c, &fri, &err), 0);
	assert_int_equal(workday(c, "2027-01-08"), 0);
	assert_int_equal(workday(c, "2027-01-09"), 1);
	assert_int_equal(count(c, "2027-01-04", "2027-01-10"), 5);
	assert_int_equal(count(c, "2027-01-01", "2027-12-31"), 261);
	/* The same date twice, a workday on a weekday, a dayoff on a weekend. */
	assert_int_equal(calendar_add_day(c, &sat, &err), -1);
	assert_string_equal(err.code, "calendar-invalid");
	sat.date = D("2027-01-11");
	assert_int_equal(calendar_add_day(c, &sat, &err), -1);
	assert_string_equal(err.code, "calendar-invalid");
	fri.date = D("2027-01-16");
	assert_int_equal(calendar_add_day(c, &fri, &err), -1);
	assert_string_equal(err.code, "calendar-invalid");
	fri.date = D("2027-01-15");
	fri.name_ru = "  ";
	assert_int_equal(calendar_add_day(c, &fri, &err), -1);
	assert_string_equal(err.code, "calendar-invalid");
	calendar_free(c);
}

/* Terms that run from late December 2025 into January 2026. */
static void test_year_boundary(void **state)
{
	char buf[DATE_STRLEN];

	(void)state;
	/* 30, 31 Dec; 1-2 Jan holidays, 3-4 weekend; 5, 6 Jan; 7 Jan
	 * Christmas; 8 Jan. */
	assert_string_equal(add(cal, "2025-12-29", 1, buf), "2025-12-30");
	assert_string_equal(add(cal, "2025-12-29", 2, buf), "2025-12-31");
	assert_string_equal(add(cal, "2025-12-29", 3, buf), "2026-01-05");
	assert_string_equal(add(cal, "2025-12-29", 5, buf), "2026-01-08");
	assert_string_equal(add(cal, "2025-12-31", 1, buf), "2026-01-05");
	/* P-15: a proposal arriving on 31 December is decided by 6 January. */
	assert_string_equal(add(cal, "2025-12-31", 2, buf), "2026-01-06");
	assert_int_equal(count(cal, "2025-12-30", "2026-01-08"), 5);
	/* From the last working day of 2025, all 246 of 2026. */
	assert_string_equal(add(cal, "2025-12-31", 246, buf), "2026-12-31");
}

/* A deadline never ends on a day off. */
static void test_deadline_on_holiday(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date out;
	char buf[DATE_STRLEN];

	(void)state;
	/* The next working day after Thursday 20 March 2025 would be the
	 * Nauryz holiday (21-25 March): it is Wednesday 26 March. */
	assert_string_equal(add(cal, "2025-03-20", 1, buf), "2025-03-26");
	/* P-9: posted on Friday 7 March 2025, the ten working days are 11-14,
	 * 17-20, 26, 27 March (10 March: 8 March moved; 21-25: Nauryz). */
	assert_string_equal(add(cal, "2025-03-07", 10, buf), "2025-03-27");
	/* Posted on the Saturday: the same ten days. */
	assert_string_equal(add(cal, "2025-03-08", 10, buf), "2025-03-27");
	assert_int_equal(count(cal, "2025-03-08", "2025-03-27"), 10);
	/* n = 0 is the day itself. */
	assert_string_equal(add(cal, "2025-03-08", 0, buf), "2025-03-08");
	/* P-5 "by 5 July" 2026: a Sunday, and 6 July is the Day of the
	 * Capital: the deadline is Tuesday 7 July. */
	assert_int_equal(calendar_next_workday(cal, D("2026-07-05"), &out, &err), 0);
	assert_string_equal(date_format(out, buf), "2026-07-07");
	assert_int_equal(calendar_next_workday(cal, D("2026-04-01"), &out, &err), 0);
	assert_string_equal(date_format(out, buf), "2026-04-01");
}

/* add_workdays and count_workdays agree with a day-by-day walk. */
static void test_against_walk(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date from = D("2025-01-01");

	(void)state;
	for (; from.y == 2025; from = date_add_days(from, 1)) {
		struct ob_date walk = from;

		for (int n = 0; n <= 40; n++) {
			struct ob_date got;
			int c = -1, w = 0;

			if (n > 0) {
				do {
					walk = date_add_days(walk, 1);
					assert_int_equal(calendar_is_workday(cal, walk, &w, &err), 0);
				} while (!w);
			}
			assert_int_equal(calendar_add_workdays(cal, from, n, &got, &err), 0);
			assert_int_equal(date_cmp(got, walk), 0);
			if (n > 0) {
				assert_int_equal(calendar_count_workdays(cal, date_add_days(from, 1), got,
				                                         &c, &err), 0);
				assert_int_equal(c, n);
			}
		}
	}
}

/* "Never a guess": a year without a calendar is an error. */
static void test_missing_year(void **state)
{
	struct ob_err err = { 0 };
	struct ob_date out;
	int w = -1, n = -1, years[4] = { 0 };

	(void)state;
	assert_true(calendar_has_year(cal, 2025));
	assert_false(calendar_has_year(cal, 2027));
	assert_int_equal(calendar_years(cal, years, 4), 2);
	assert_int_equal(years[0], 2025);
	assert_int_equal(years[1], 2026);
	assert_int_equal(calendar_is_workday(cal, D("2024-12-31"), &w, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(w, -1);
	assert_int_equal(calendar_is_workday(cal, D("2027-01-04"), &w, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* The start is known, the end runs into 2027. */
	assert_int_equal(calendar_add_workdays(cal, D("2026-12-30"), 5, &out, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(calendar_add_workdays(cal, D("2026-12-30"), 1, &out, &err), 0);
	assert_int_equal(calendar_add_workdays(cal, D("2024-12-30"), 0, &out, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(calendar_count_workdays(cal, D("2024-12-31"), D("2025-01-10"), &n, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	assert_int_equal(calendar_next_workday(cal, D("2026-12-31"), &out, &err), 0);
	assert_int_equal(calendar_next_workday(cal, D("2027-01-01"), &out, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
	/* A gap in the loaded years is missing too. */
	{
		struct calendar *c = calendar_new();

		assert_int_equal(calendar_add_year(c, 2025, &err), 0);
		assert_int_equal(calendar_add_year(c, 2027, &err), 0);
		assert_int_equal(calendar_count_workdays(c, D("2025-12-01"), D("2027-01-10"), &n, &err), -1);
		assert_string_equal(err.code, "calendar-missing");
		assert_int_equal(calendar_add_workdays(c, D("2025-12-31"), 1, &out, &err), -1);
		assert_string_equal(err.code, "calendar-missing");
		calendar_free(c);
	}
	/* Arguments that are not dates or not counts. */
	assert_int_equal(calendar_is_workday(cal, (struct ob_date){ 2025, 2, 29 }, &w, &err), -1);
	assert_string_equal(err.code, "date-invalid");
	assert_int_equal(calendar_add_workdays(cal, D("2025-05-05"), -1, &out, &err), -1);
	assert_string_equal(err.code, "argument");
	assert_int_equal(calendar_count_workdays(cal, D("2025-05-05"), D("2025-05-04"), &n, &err), -1);
	assert_string_equal(err.code, "argument");
	assert_int_equal(calendar_add_workdays(cal, D("2025-05-05"), INT_MAX, &out, &err), -1);
	assert_string_equal(err.code, "calendar-missing");
}

/* Listing the special days, in date order. */
static void test_iterate(void **state)
{
	struct calendar_iter it;
	const struct calendar_day *d, *prev = NULL;
	size_t n = 0, holidays = 0, dayoffs = 0, workdays = 0;

	(void)state;
	calendar_iter_init(&it, cal, 2025);
	while ((d = calendar_iter_next(&it)) != NULL) {
		assert_int_equal(d->date.y, 2025);
		if (prev != NULL)
			assert_true(date_cmp(prev->date, d->date) < 0);
		holidays += d->kind == CALENDAR_HOLIDAY;
		dayoffs += d->kind == CALENDAR_DAYOFF;
		workdays += d->kind == CALENDAR_WORKDAY;
		assert_true(d->line > 0);
		prev = d;
		n++;
	}
	assert_int_equal(holidays, 15);
	assert_int_equal(dayoffs, 7);
	assert_int_equal(workdays, 1);
	calendar_iter_init(&it, cal, 2025);
	d = calendar_iter_next(&it);
	assert_string_equal(d->name_kk, "Жаңа жыл");
	assert_string_equal(d->name_ru, "Новый год");
	calendar_iter_init(&it, cal, 0);
	for (n = 0; (d = calendar_iter_next(&it)) != NULL; n++)
		;
	assert_int_equal(n, 23 + 21);
	calendar_iter_init(&it, cal, 2031);
	assert_null(calendar_iter_next(&it));
}

/* ---- bad files --------------------------------------------------------- */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<calendar xmlns=\"urn:obkz:calendar:1\" year=\"2027\">\n"
#define NAMES "<kk>Атауы</kk><ru>Название</ru>"
#define DAY(date, rest) "<day date=\"" date "\" " rest ">" NAMES "</day>\n"
#define TAIL "</calendar>\n"

static void test_bad_files(void **state)
{
	static const struct {
		const char *what, *xml, *code;
		int line;
	} cases[] = {
		{ "DOCTYPE", "<?xml version=\"1.0\"?>\n<!DOCTYPE calendar [<!ENTITY x \"y\">]>\n"
		             "<calendar xmlns=\"urn:obkz:calendar:1\" year=\"2027\"/>\n", "doctype", 2 },
		{ "impossible date", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                     DAY("2027-02-30", "kind=\"holiday\"") TAIL, "schema", 4 },
		{ "date not YYYY-MM-DD", HEAD DAY("2027-1-04", "kind=\"dayoff\"") TAIL, "schema", 3 },
		{ "date with a zone", HEAD DAY("2027-01-04Z", "kind=\"dayoff\"") TAIL, "schema", 3 },
		{ "unknown kind", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                  DAY("2027-01-04", "kind=\"vacation\"") TAIL, "schema", 4 },
		{ "no kind", HEAD DAY("2027-01-04", "") TAIL, "schema", 3 },
		{ "no Russian name", HEAD "<day date=\"2027-01-04\" kind=\"dayoff\"><kk>А</kk></day>\n"
		                     TAIL, "schema", 3 },
		{ "blank Kazakh name", HEAD "<day date=\"2027-01-04\" kind=\"dayoff\"><kk>  </kk>"
		                       "<ru>Б</ru></day>\n" TAIL, "schema", 3 },
		{ "the same date twice", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                         DAY("2027-01-01", "kind=\"holiday\"") TAIL, "schema", 4 },
		{ "replaces an unlisted day", HEAD DAY("2027-01-04", "kind=\"dayoff\" replaces=\"2027-01-02\"")
		                              TAIL, "schema", 3 },
		{ "another namespace", "<?xml version=\"1.0\"?>\n<calendar year=\"2027\"/>\n", "schema", 2 },
		{ "year not YYYY", "<?xml version=\"1.0\"?>\n"
		                   "<calendar xmlns=\"urn:obkz:calendar:1\" year=\"27\"/>\n", "schema", 2 },
		{ "not well-formed", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                     DAY("2027-01-04", "kind=\"dayoff\" kind=\"dayoff\"") TAIL, "malformed", 4 },
		{ "cut short", HEAD DAY("2027-01-01", "kind=\"holiday\"") DAY("2027-01-04", "kind=\"dayoff\""),
		  "malformed", 5 },
		{ "empty", "", "malformed", 0 },
		{ "not UTF-8", HEAD "<day date=\"2027-01-04\" kind=\"dayoff\"><kk>\xff</kk><ru>Б</ru></day>\n"
		               TAIL, "encoding", 3 },
		{ "a date of another year", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                            DAY("2026-12-16", "kind=\"holiday\"") TAIL, "calendar-invalid", 4 },
		{ "out of order", HEAD DAY("2027-03-01", "kind=\"dayoff\"")
		                  DAY("2027-02-01", "kind=\"dayoff\"") TAIL, "calendar-invalid", 4 },
		{ "workday on a Monday", HEAD DAY("2027-01-04", "kind=\"workday\"") TAIL,
		  "calendar-invalid", 3 },
		{ "dayoff on a Saturday", HEAD DAY("2027-01-02", "kind=\"dayoff\"") TAIL,
		  "calendar-invalid", 3 },
		{ "moves on a dayoff", HEAD DAY("2027-01-04", "kind=\"dayoff\" moves=\"no\"") TAIL,
		  "calendar-invalid", 3 },
		{ "replaces on a holiday", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                           DAY("2027-01-04", "kind=\"holiday\" replaces=\"2027-01-01\"") TAIL,
		  "calendar-invalid", 4 },
		{ "replaces a weekday holiday", HEAD DAY("2027-01-01", "kind=\"holiday\"")
		                                DAY("2027-01-04", "kind=\"dayoff\" replaces=\"2027-01-01\"")
		                                TAIL, "calendar-invalid", 4 },
		{ "replaces a religious holiday", HEAD DAY("2027-01-02", "kind=\"holiday\" moves=\"no\"")
		                                  DAY("2027-01-04", "kind=\"dayoff\" replaces=\"2027-01-02\"")
		                                  TAIL, "calendar-invalid", 4 },
		/* 9 May 2027 is a Sunday. */
		{ "weekend holiday without its day off", HEAD DAY("2027-05-09", "kind=\"holiday\"") TAIL,
		  "calendar-invalid", 3 },
		{ "day off on the wrong day", HEAD DAY("2027-05-09", "kind=\"holiday\"")
		                              DAY("2027-05-11", "kind=\"dayoff\" replaces=\"2027-05-09\"")
		                              TAIL, "calendar-invalid", 4 },
		{ "two days off for one holiday", HEAD DAY("2027-05-09", "kind=\"holiday\"")
		                                  DAY("2027-05-10", "kind=\"dayoff\" replaces=\"2027-05-09\"")
		                                  DAY("2027-05-11", "kind=\"dayoff\" replaces=\"2027-05-09\"")
		                                  TAIL, "calendar-invalid", 3 },
	};
	char path[] = "/tmp/test_calendar_XXXXXX";
	struct calendar *c = calendar_new();
	int fd;

	(void)state;
	assert_non_null(c);
	if ((fd = mkstemp(path)) < 0)
		fail_msg("mkstemp");
	close(fd);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ob_err err = { 0 };
		FILE *f = fopen(path, "wb");

		assert_non_null(f);
		fputs(cases[i].xml, f);
		fclose(f);
		if (calendar_load_file(c, path, &err) != -1 || strcmp(err.code, cases[i].code) != 0 ||
		    err.line != cases[i].line)
			fail_msg("%s: expected %s at line %d, got \"%s\" at line %d: %s", cases[i].what,
			         cases[i].code, cases[i].line, err.code, err.line, err.msg);
		/* All or nothing: a refused file leaves no year behind. */
		assert_false(calendar_has_year(c, 2027));
		assert_int_equal(calendar_load_mem(c, cases[i].xml, strlen(cases[i].xml), &err), -1);
		assert_string_equal(err.code, cases[i].code);
	}
	unlink(path);
	calendar_free(c);
}

static void test_load_errors(void **state)
{
	static const char good[] = HEAD DAY("2027-05-09", "kind=\"holiday\"")
	        DAY("2027-05-10", "kind=\"dayoff\" replaces=\"2027-05-09\"") TAIL;
	struct calendar *c = calendar_new();
	struct ob_err err = { 0 };
	char *big;

	(void)state;
	assert_int_equal(calendar_load_file(c, OB_SHARE_DIR "/data/calendar/1999.xml", &err), -1);
	assert_string_equal(err.code, "io");
	assert_int_equal(calendar_load_mem(c, good, sizeof good - 1, &err), 0);
	assert_int_equal(workday(c, "2027-05-10"), 0);
	assert_int_equal(calendar_load_mem(c, good, sizeof good - 1, &err), -1);
	assert_string_equal(err.code, "calendar-duplicate");
	assert_int_equal(err.line, 2);
	/* Oversize input is refused before parsing. */
	big = malloc(CALENDAR_MAX_BYTES + 2);
	assert_non_null(big);
	memset(big, ' ', CALENDAR_MAX_BYTES + 1);
	big[CALENDAR_MAX_BYTES + 1] = '\0';
	assert_int_equal(calendar_load_mem(c, big, CALENDAR_MAX_BYTES + 1, &err), -1);
	assert_string_equal(err.code, "too-large");
	free(big);
	/* A schema that cannot be read is an error, not a skipped check. */
	calendar_clear(c);
	assert_int_equal(calendar_set_schema(c, "/nonexistent/calendar.xsd", &err), 0);
	assert_int_equal(calendar_load_mem(c, good, sizeof good - 1, &err), -1);
	assert_string_equal(err.code, "io");
	assert_false(calendar_has_year(c, 2027));
	calendar_free(c);
}

/* ---- the clock ---------------------------------------------------------- */

static void test_clock(void **state)
{
	struct ob_date today, fixed = { 2025, 3, 7 }, bad_date = { 2025, 2, 29 };
	char buf[DATE_STRLEN];

	(void)state;
	unsetenv("OB_TODAY");
	/* The real clock: some valid day after the UTC+5 switch. */
	assert_int_equal(ob_today(&today), 0);
	assert_true(date_valid(today));
	assert_true(today.y >= 2024);

	assert_int_equal(ob_clock_set(&fixed), 0);
	assert_int_equal(ob_today(&today), 0);
	assert_string_equal(date_format(today, buf), "2025-03-07");
	assert_int_equal(ob_clock_set(&bad_date), -1);
	assert_int_equal(ob_today(&today), 0);
	assert_string_equal(date_format(today, buf), "2025-03-07");

	/* The environment, for end-to-end tests; a fixed date wins over it. */
	setenv("OB_TODAY", "2026-01-05", 1);
	assert_int_equal(ob_today(&today), 0);
	assert_string_equal(date_format(today, buf), "2025-03-07");
	assert_int_equal(ob_clock_set(NULL), 0);
	assert_int_equal(ob_today(&today), 0);
	assert_string_equal(date_format(today, buf), "2026-01-05");
	/* A malformed OB_TODAY is an error, never the real date. */
	setenv("OB_TODAY", "05.01.2026", 1);
	assert_int_equal(ob_today(&today), -1);
	setenv("OB_TODAY", "", 1);
	assert_int_equal(ob_today(&today), 0);
	unsetenv("OB_TODAY");

	/* What the clock is for: P-9's end date from "today". */
	assert_int_equal(ob_clock_set(&fixed), 0);
	assert_int_equal(ob_today(&today), 0);
	assert_string_equal(add(cal, date_format(today, buf), 10, buf), "2025-03-27");
	assert_int_equal(ob_clock_set(NULL), 0);
}

/* The audit log's times, stored in UTC, read in Astana (UTC+5). */
static void test_local_time(void **state)
{
	static const char *const bad[] = {
		"", "2026-11-29 10:15:02Z", "2026-11-29T10:15:02", "2026-11-29T10:15:02Z ",
		"2026-11-29T24:00:00Z", "2026-11-29T10:60:00Z", "2026-02-29T10:00:00Z",
		"2026-11-29T10:15:02+05:00", "2026-1-29T10:15:02Z", "2026-11-29T 1:15:02Z",
		"2026-11-29T+1:15:02Z", "2026-11-31T10:15:02Z", "1969-12-31T23:59:59Z",
	};
	char out[OB_TIME_LOCAL_LEN] = "untouched";

	(void)state;
	assert_int_equal(ob_time_local("2026-11-29T10:15:02Z", out), 0);
	assert_string_equal(out, "2026-11-29T15:15:02+05:00");
	/* The day, the month and the year roll over at 19:00 UTC. */
	assert_int_equal(ob_time_local("2025-12-31T19:00:00Z", out), 0);
	assert_string_equal(out, "2026-01-01T00:00:00+05:00");
	assert_int_equal(ob_time_local("2024-02-28T22:59:59Z", out), 0);
	assert_string_equal(out, "2024-02-29T03:59:59+05:00");
	/* It agrees with ob_time_format and ob_date_of on the same instant. */
	for (long long t = 1700000000; t < 1700000000 + 3 * 86400; t += 3607) {
		char utc[21], day[DATE_STRLEN];

		assert_int_equal(ob_time_local(ob_time_format(t, utc), out), 0);
		assert_memory_equal(out, date_format(ob_date_of(t), day), 10);
	}
	assert_int_equal(ob_time_parse("1970-01-02T00:00:01Z"), 86401);
	assert_int_equal(ob_time_parse("2026-11-29T10:15:02Z"), 1795947302);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(ob_time_parse(bad[i]), -1);
		strcpy(out, "untouched");
		assert_int_equal(ob_time_local(bad[i], out), -1);
		assert_string_equal(out, "untouched");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_arithmetic),
		cmocka_unit_test(test_yearly_totals),
		cmocka_unit_test(test_weekend_holiday_moves),
		cmocka_unit_test(test_religious_holiday_not_moved),
		cmocka_unit_test(test_decree_transfers),
		cmocka_unit_test(test_year_boundary),
		cmocka_unit_test(test_deadline_on_holiday),
		cmocka_unit_test(test_against_walk),
		cmocka_unit_test(test_missing_year),
		cmocka_unit_test(test_iterate),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_local_time),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
