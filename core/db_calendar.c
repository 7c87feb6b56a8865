/* SQL of the calendar tables: calendar_years, calendar_days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db_calendar.h"
#include "db_stmt.h"

static const char *kind_name(enum calendar_kind k)
{
	switch (k) {
	case CALENDAR_HOLIDAY:
		return "holiday";
	case CALENDAR_DAYOFF:
		return "dayoff";
	case CALENDAR_WORKDAY:
		return "workday";
	}
	return NULL;
}

static int kind_parse(const char *s, enum calendar_kind *out)
{
	static const enum calendar_kind kinds[] = { CALENDAR_HOLIDAY, CALENDAR_DAYOFF,
	                                            CALENDAR_WORKDAY };

	for (size_t i = 0; s != NULL && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(s, kind_name(kinds[i])) == 0) {
			*out = kinds[i];
			return 0;
		}
	return -1;
}

static int date_is_set(struct ob_date d)
{
	return d.y != 0 || d.m != 0 || d.d != 0;
}

static int store_day(struct store *st, int year, const struct calendar_day *day,
                     struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_CAL_DAY_INSERT,
	        "INSERT INTO calendar_days (date, year, kind, moves, replaces, name_kk, name_ru, line) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	char ds[DATE_STRLEN], rs[DATE_STRLEN];

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, date_format(day->date, ds), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, year);
	sqlite3_bind_text(s, 3, kind_name(day->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, day->moves != 0);
	if (date_is_set(day->replaces))
		sqlite3_bind_text(s, 5, date_format(day->replaces, rs), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, day->name_kk, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, day->name_ru, -1, SQLITE_STATIC);
	if (day->line > 0)
		sqlite3_bind_int(s, 8, day->line);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_fail(st, err, "calendar_days");
	return 0;
}

int db_calendar_store_year(struct store *st, const struct calendar *cal, int year,
                           const char *source, struct ob_err *err)
{
	sqlite3_stmt *s;
	struct calendar_iter it;
	const struct calendar_day *day;
	struct ob_date today;
	char ts[DATE_STRLEN];

	if (st == NULL || cal == NULL) {
		ob_err_set(err, "argument", 0, "no database or no calendar");
		return -1;
	}
	if (!calendar_has_year(cal, year)) {
		ob_err_set(err, "calendar-missing", 0, "the calendar of %d is not loaded", year);
		return -1;
	}
	if (ob_today(&today) != 0) {
		ob_err_set(err, "clock", 0, "cannot tell today's date (OB_TODAY?)");
		return -1;
	}
	/* The year row first: a NULL source on a new year fails here, before
	 * anything is deleted. */
	if ((s = store_stmt(st, ST_CAL_YEAR_UPSERT,
	        "INSERT INTO calendar_years (year, source, changed) VALUES (?1, "
	        "coalesce(?2, (SELECT source FROM calendar_years WHERE year = ?1)), ?3) "
	        "ON CONFLICT (year) DO UPDATE SET source = excluded.source, changed = ?3", err)) == NULL)
		return -1;
	sqlite3_bind_int(s, 1, year);
	if (source != NULL)
		sqlite3_bind_text(s, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, date_format(today, ts), -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		if (source == NULL && sqlite3_errcode(store_db(st)) == SQLITE_CONSTRAINT) {
			ob_err_set(err, "argument", 0, "the calendar of %d is not stored yet: give its source", year);
			return -1;
		}
		return store_fail(st, err, "calendar_years");
	}
	if ((s = store_stmt(st, ST_CAL_DAYS_DELETE, "DELETE FROM calendar_days WHERE year = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_fail(st, err, "calendar_days");
	calendar_iter_init(&it, cal, year);
	while ((day = calendar_iter_next(&it)) != NULL)
		if (store_day(st, year, day, err) != 0)
			return -1;
	return store_seq_bump(st, err) < 0 ? -1 : 0;
}

static const char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? (const char *)t : "";
}

/* One stored day back into a struct calendar_day; the names point into the
 * statement's row, which calendar_add_day copies. */
static int read_day(sqlite3_stmt *s, struct calendar_day *day, struct ob_err *err)
{
	const char *ds = col_text(s, 0), *rs = col_text(s, 3);

	memset(day, 0, sizeof *day);
	if (date_parse(ds, &day->date) != 0 || kind_parse(col_text(s, 1), &day->kind) != 0 ||
	    (*rs != '\0' && date_parse(rs, &day->replaces) != 0)) {
		ob_err_set(err, "calendar-invalid", 0, "calendar_days: a malformed row for \"%s\"", ds);
		return -1;
	}
	day->moves = sqlite3_column_int(s, 2);
	day->name_kk = col_text(s, 4);
	day->name_ru = col_text(s, 5);
	day->line = sqlite3_column_int(s, 6);
	return 0;
}

/* Every stored year with what is recorded about it. */
static sqlite3_stmt *years_stmt(struct store *st, struct ob_err *err)
{
	return store_stmt(st, ST_CAL_YEARS_LIST,
	        "SELECT y.year, y.source, y.changed, count(d.date), count(d.date) - count(d.line) "
	        "FROM calendar_years y LEFT JOIN calendar_days d ON d.year = y.year "
	        "GROUP BY y.year ORDER BY y.year", err);
}

/* The art. 85 check of every loaded year: a year is stored only after the
 * checks, so this fails only on a database edited by hand. */
static int check_years(const struct calendar *cal, struct ob_err *err)
{
	size_t n = calendar_years(cal, NULL, 0);
	int *years = n ? calloc(n, sizeof *years) : NULL;
	int rc = -1;

	if (n != 0 && years == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		return -1;
	}
	calendar_years(cal, years, n);
	for (size_t i = 0; i < n; i++)
		if (calendar_check_year(cal, years[i], err) != 0)
			goto out;
	rc = 0;
out:
	free(years);
	return rc;
}

int db_calendar_load(struct store *st, struct calendar *cal, struct ob_err *err)
{
	sqlite3_stmt *s = NULL;
	struct calendar_day day;
	int rc, ok = -1;

	if (st == NULL || cal == NULL || calendar_years(cal, NULL, 0) != 0) {
		ob_err_set(err, "argument", 0, "db_calendar_load needs an empty calendar");
		return -1;
	}
	if ((s = years_stmt(st, err)) == NULL)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (calendar_add_year(cal, sqlite3_column_int(s, 0), err) != 0)
			goto out;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_fail(st, err, "calendar_years");
		goto out;
	}
	/* Date order: a holiday comes before the day off that replaces it. */
	if ((s = store_stmt(st, ST_CAL_DAYS_LIST,
	        "SELECT date, kind, moves, replaces, name_kk, name_ru, line FROM calendar_days "
	        "ORDER BY date", err)) == NULL)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (read_day(s, &day, err) != 0 || calendar_add_day(cal, &day, err) != 0)
			goto out;
	if (rc != SQLITE_DONE) {
		store_fail(st, err, "calendar_days");
		goto out;
	}
	if (check_years(cal, err) != 0)
		goto out;
	ok = 0;
out:
	if (s != NULL)
		sqlite3_reset(s);
	if (ok != 0)
		calendar_clear(cal);
	return ok;
}

int db_calendar_years(struct store *st, int (*fn)(const struct db_calendar_year *, void *),
                      void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = years_stmt(st, err);
	struct db_calendar_year y;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&y, 0, sizeof y);
		y.year = sqlite3_column_int(s, 0);
		snprintf(y.source, sizeof y.source, "%s", col_text(s, 1));
		snprintf(y.changed, sizeof y.changed, "%s", col_text(s, 2));
		y.ndays = sqlite3_column_int(s, 3);
		y.added = sqlite3_column_int(s, 4);
		if (fn(&y, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "calendar_years");
}
