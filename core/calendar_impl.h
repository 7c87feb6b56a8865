/* The working-day calendar's insides, shared by core/calendar.c (the
 * years, the checks of each day and of the art. 85 transfers, the
 * queries) and
 * core/calendar_load.c (reading and validating the XML files of data/).
 * Not for other files: core/calendar.h is the interface. */
#ifndef OB_CALENDAR_IMPL_H
#define OB_CALENDAR_IMPL_H

#include <stdint.h>
#include <libxml/xmlschemas.h>

#include "calendar.h"

/* One loaded year.  Queries never walk the special days: a bit per day
 * answers "is it worked", a running count answers "how many between". */
struct cal_year {
	int year;
	int len;                   /* 365 or 366 */
	uint64_t work[6];          /* bit i set: day-of-year i is worked */
	uint16_t cum[367];         /* cum[i]: days worked among 0 .. i-1 */
	struct calendar_day *days; /* special days, in date order */
	size_t ndays, cap;
};

struct calendar {
	struct cal_year **years; /* in year order */
	size_t nyears, cap;
	char *xsd_path;
	xmlSchemaPtr schema;
};

struct cal_year *cal_year_new(int year);
void cal_year_free(struct cal_year *yr);
/* Adds a special day to its year after the business checks; prev is the
 * day before it in the file (order), from_file says it comes from a file. */
int cal_year_add_day(struct cal_year *yr, const struct calendar_day *day,
                     const struct calendar_day *prev, int from_file, struct ob_err *err);
/* The whole-year check of a loaded file: every weekend holiday that moves
 * has its art. 85 day off (core/calendar.c says how). */
int cal_year_check_art85(const struct cal_year *yr, struct ob_err *err);
/* The loaded year, or NULL. */
struct cal_year *cal_year_get(const struct calendar *cal, int year);
/* Inserts yr in year order; the calendar owns it then. */
int cal_insert_year(struct calendar *cal, struct cal_year *yr, struct ob_err *err);

#endif
