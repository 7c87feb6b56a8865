/* The working-day calendar: which dates are working days in Kazakhstan
 * (five-day week), loaded from data/calendar/YYYY.xml, never constants in
 * code ("Working days" in RULES.md).  Every "N working days" deadline of the
 * rules (P-7, P-9, P-10, P-15, A-8, A-9) is computed here.
 *
 * A date in a year with no loaded calendar is an error, code
 * "calendar-missing": a deadline is never guessed from weekends alone.
 *
 * Error codes (struct ob_err, err.h):
 *   calendar-missing    the date's year is not loaded
 *   calendar-duplicate  the file's year is already loaded
 *   calendar-invalid    a business check failed (err->line: the file line)
 *   schema              the file does not match schema/calendar.xsd
 *                       (err->line: the file line)
 *   date-invalid        a struct ob_date argument is not a real date
 *   argument            n < 0, from > to, NULL where a value is needed
 *   nomem               out of memory
 *   and from xmlin.h: io, too-large, encoding, doctype, malformed.
 *
 * After loading, a calendar is only read: any number of threads may query
 * one calendar at once.  Loading and adding need exclusive access. */
#ifndef OB_CALENDAR_H
#define OB_CALENDAR_H

#include <stddef.h>

#include "date.h"
#include "err.h"

/* A calendar file is a few kilobytes; anything near this is not one. */
#define CALENDAR_MAX_BYTES (256u * 1024)

enum calendar_kind {
	CALENDAR_HOLIDAY = 1, /* a public holiday: not worked */
	CALENDAR_DAYOFF,      /* a Monday..Friday not worked (moved day off) */
	CALENDAR_WORKDAY      /* a Saturday or Sunday worked (moved by order) */
};

/* One day that differs from the plain five-day week. */
struct calendar_day {
	struct ob_date date;
	enum calendar_kind kind;
	/* Holiday only: 1 when Labour Code art. 85 moves it off a weekend to
	 * the next working day; 0 for the first day of Kurban Ait and
	 * 7 January, which are not moved. */
	int moves;
	/* Dayoff only: the weekend holiday this day stands in for (art. 85);
	 * {0, 0, 0} for a day off moved by order of the labour ministry. */
	struct ob_date replaces;
	const char *name_kk;
	const char *name_ru;
	/* Line in the calendar file; 0 for days added by calendar_add_day. */
	int line;
};

struct calendar;

struct calendar *calendar_new(void);
void calendar_free(struct calendar *cal);

/* Forgets every loaded year; keeps the compiled schema. */
void calendar_clear(struct calendar *cal);

/* The XSD that calendar_load_* validate against; the default is
 * schema/calendar.xsd under $OB_SHARE_DIR or, when unset, the source tree
 * (as ob_share_dir() in store.h).  The path is copied. */
int calendar_set_schema(struct calendar *cal, const char *xsd_path, struct ob_err *err);

/* Loads one year's file: hardened parse (xml_parse_file_limited refuses
 * DOCTYPE and oversize input), then schema/calendar.xsd, then the business
 * checks (dates inside @year and in order; workday only on a weekend;
 * dayoff only on a weekday; every holiday on a weekend that moves has its
 * art. 85 day off on exactly the next free working day).  All or nothing:
 * on error the calendar is unchanged.  0 on success, -1 with err set. */
int calendar_load_file(struct calendar *cal, const char *path, struct ob_err *err);
/* The same for a document in memory (the fuzz harness, imports). */
int calendar_load_mem(struct calendar *cal, const char *buf, size_t len, struct ob_err *err);

/* Declares a year with no special days (a plain five-day week), for
 * calendars built in code; calendar_add_day then adds its special days.
 * The whole-year art. 85 check runs only when loading a file. */
int calendar_add_year(struct calendar *cal, int year, struct ob_err *err);

/* Adds one special day to a declared year; names are copied.  Refuses a
 * date already listed, a workday on Monday..Friday, a dayoff on a weekend,
 * moves on anything but a holiday, replaces pointing to anything but a
 * listed, moving weekend holiday. */
int calendar_add_day(struct calendar *cal, const struct calendar_day *day, struct ob_err *err);

/* Runs the whole-year art. 85 check of calendar_load_file on a loaded
 * year: for calendars built with calendar_add_day (the database, `obctl
 * calendar add`), where no file was loaded.  calendar-missing when the year
 * is not loaded, calendar-invalid (err->line: the day's line, 0 when it has
 * none) when a moving weekend holiday lacks its day off. */
int calendar_check_year(const struct calendar *cal, int year, struct ob_err *err);

/* 1 when the year is loaded. */
int calendar_has_year(const struct calendar *cal, int year);

/* The loaded years, ascending: writes up to max of them to years and
 * returns how many are loaded. */
size_t calendar_years(const struct calendar *cal, int *years, size_t max);

/* *out = 1 for a working day, 0 for a day off. */
int calendar_is_workday(const struct calendar *cal, struct ob_date d, int *out,
                        struct ob_err *err);

/* The special day listed for d, or NULL (also when the year is not loaded). */
const struct calendar_day *calendar_day_get(const struct calendar *cal, struct ob_date d);

/* The date that is n working days after `from` (n >= 0).
 *
 * Convention: `from` itself never counts, whether or not it is a working
 * day; counting starts the next day.  The result is the n-th working day
 * strictly after `from`, and the term runs to the end of that day (24:00
 * Asia/Almaty).  n = 0 gives `from` itself.
 *
 * P-9 says a passport is open for discussion "at least 10 working days
 * from the day it is posted" (орналастырған күннен бастап кемінде он жұмыс
 * күні).  Counting the posting day would give fewer than ten full working
 * days to a passport posted in the evening; starting the next day, as civil
 * law counts a term fixed as a period, always gives at least ten whatever
 * the hour, and a passport posted on a Saturday or a holiday gets its ten
 * working days all the same.  So:
 *     last day of discussion = calendar_add_workdays(cal, posted, 10)
 * and the same "within N working days after the event" reading serves P-7
 * (15 days after the results are received), P-15 (2 days after the proposal
 * arrives), A-8 and A-9.  Because the result is always a working day (for
 * n >= 1), a term never ends on a holiday or a weekend.
 *
 * calendar-missing when any year the count passes through is not loaded. */
int calendar_add_workdays(const struct calendar *cal, struct ob_date from, int n,
                          struct ob_date *out, struct ob_err *err);

/* The first working day on or after d: a date-fixed deadline (P-5 "by
 * 5 July", P-10 "no later than 1 April") that falls on a day off moves to
 * the next working day. */
int calendar_next_workday(const struct calendar *cal, struct ob_date d, struct ob_date *out,
                          struct ob_err *err);

/* Working days in [from, to], both ends included; from > to is an
 * "argument" error.  count(from + 1 day, add_workdays(from, n)) == n. */
int calendar_count_workdays(const struct calendar *cal, struct ob_date from, struct ob_date to,
                            int *out, struct ob_err *err);

/* Walks the special days in date order, over every loaded year or only
 * `year` (0 = all):
 *     struct calendar_iter it;
 *     const struct calendar_day *day;
 *     calendar_iter_init(&it, cal, 2025);
 *     while ((day = calendar_iter_next(&it)) != NULL)
 *             ...
 * The calendar must not change during the walk. */
struct calendar_iter {
	const struct calendar *cal;
	int year;
	size_t yi, di;
};
void calendar_iter_init(struct calendar_iter *it, const struct calendar *cal, int year);
const struct calendar_day *calendar_iter_next(struct calendar_iter *it);

#endif
