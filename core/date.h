/* Calendar dates without time or zone: the unit of every deadline the
 * rules name (P-5, P-7, P-9, P-15).  A date is a plain value; day numbers
 * make arithmetic and comparisons trivial. */
#ifndef OB_DATE_H
#define OB_DATE_H

#include <stddef.h>

struct ob_date {
	int y, m, d;
};

/* Years outside this range are refused everywhere: they are typos, and
 * keeping them out keeps every day number well inside a long. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 9999

/* "YYYY-MM-DD" plus the terminating NUL. */
#define DATE_STRLEN 11

/* 1 when d is a real date with DATE_YEAR_MIN <= y <= DATE_YEAR_MAX. */
int date_valid(struct ob_date d);

int date_is_leap(int y);
int date_days_in_month(int y, int m);
int date_days_in_year(int y);

/* Strict "YYYY-MM-DD": exactly ten characters, no sign, no zone, no
 * trailing text, and a real date.  0 on success, -1 otherwise (out is left
 * untouched). */
int date_parse(const char *s, struct ob_date *out);
/* The same for s[0..len), for text that is not NUL-terminated. */
int date_parse_n(const char *s, size_t len, struct ob_date *out);

/* Writes "YYYY-MM-DD" into buf (DATE_STRLEN bytes) and returns buf; an
 * invalid date is written as "0000-00-00". */
char *date_format(struct ob_date d, char buf[DATE_STRLEN]);

/* Days since 1970-01-01 (negative before).  Defined for valid dates. */
long date_to_days(struct ob_date d);
struct ob_date date_from_days(long days);

/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(struct ob_date d);
/* 1 on Saturday and Sunday: the days off of the five-day week. */
int date_is_weekend(struct ob_date d);

/* 0-based day of the year: 1 January is 0. */
int date_day_of_year(struct ob_date d);

/* d + n days (n may be negative); {0, 0, 0}, which date_valid() refuses,
 * when d is invalid or the result leaves the accepted years. */
struct ob_date date_add_days(struct ob_date d, long n);

/* <0, 0, >0 like strcmp. */
int date_cmp(struct ob_date a, struct ob_date b);

#endif
