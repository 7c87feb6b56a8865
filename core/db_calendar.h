/* The working-day calendar in the database (schema/004_calendar.sql):
 * tables calendar_years and calendar_days.  A year gets there only through
 * a struct calendar (core/calendar.h), so every stored year has passed the
 * checks of calendar_load_file or calendar_add_day; reading it back runs the
 * art. 85 check again.  docs/calendar.md, "In the database".
 *
 * Error codes: storage (SQLite), clock (ob_today failed), calendar-missing
 * (the year is not in the struct calendar given to store), argument, and
 * those of calendar_add_year/calendar_add_day/calendar_check_year when the
 * stored days are refused on reading. */
#ifndef OB_DB_CALENDAR_H
#define OB_DB_CALENDAR_H

#include "calendar.h"
#include "store.h"

/* Replaces the stored calendar of `year` with cal's: the row in
 * calendar_years and all the year's days, in the caller's transaction
 * (store_begin .. store_commit), so a failure leaves the old year whole
 * once the caller rolls back.  `source` is recorded as where the year came
 * from (the file path); NULL keeps the source already recorded (a day added
 * by hand), and is an error for a year not stored yet.  Records ob_today()
 * as the change date and bumps the change sequence: every deadline computed
 * across the year may move, so the generator rebuilds the pages that show
 * them. */
int db_calendar_store_year(struct store *st, const struct calendar *cal, int year,
                           const char *source, struct ob_err *err);

/* Loads every stored year into cal, which must have no year loaded
 * (calendar_new(), or after calendar_clear()): days in date order through
 * calendar_add_year and calendar_add_day, then calendar_check_year.  A day
 * keeps the file line it was imported from (0 for one added by hand).  On
 * error cal is left empty.  A database with no year gives an empty
 * calendar, and then every deadline is calendar-missing. */
int db_calendar_load(struct store *st, struct calendar *cal, struct ob_err *err);

/* What is recorded about one stored year. */
struct db_calendar_year {
	int year;
	char source[1024];         /* the file it was imported from */
	char changed[DATE_STRLEN]; /* the last import or add, YYYY-MM-DD */
	int ndays;                 /* special days stored */
	int added;                 /* of which added by hand (no file line) */
};

/* Calls fn for every stored year, ascending; stops when fn != 0. */
int db_calendar_years(struct store *st, int (*fn)(const struct db_calendar_year *, void *),
                      void *arg, struct ob_err *err);

#endif
