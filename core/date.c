#include <string.h>

#include "date.h"

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && date_is_leap(y));
}

int date_days_in_year(int y)
{
	return date_is_leap(y) ? 366 : 365;
}

int date_valid(struct ob_date d)
{
	return d.y >= DATE_YEAR_MIN && d.y <= DATE_YEAR_MAX && d.m >= 1 && d.m <= 12 &&
	       d.d >= 1 && d.d <= date_days_in_month(d.y, d.m);
}

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse_n(const char *s, size_t len, struct ob_date *out)
{
	struct ob_date d;

	/* Only the one ISO form: a date that reads two ways is a dispute. */
	if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	d.y = digits(s, 4);
	d.m = digits(s + 5, 2);
	d.d = digits(s + 8, 2);
	if (d.y < 0 || d.m < 0 || d.d < 0 || !date_valid(d))
		return -1;
	*out = d;
	return 0;
}

int date_parse(const char *s, struct ob_date *out)
{
	if (s == NULL)
		return -1;
	return date_parse_n(s, strlen(s), out);
}

char *date_format(struct ob_date d, char buf[DATE_STRLEN])
{
	if (!date_valid(d))
		d = (struct ob_date){ 0, 0, 0 };
	buf[0] = (char)('0' + d.y / 1000);
	buf[1] = (char)('0' + d.y / 100 % 10);
	buf[2] = (char)('0' + d.y / 10 % 10);
	buf[3] = (char)('0' + d.y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + d.m / 10);
	buf[6] = (char)('0' + d.m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d.d / 10);
	buf[9] = (char)('0' + d.d % 10);
	buf[10] = '\0';
	return buf;
}

/* Proleptic Gregorian day numbers after H. Hinnant's days_from_civil: no
 * tables, no loops, exact for every year we accept. */
long date_to_days(struct ob_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct ob_date date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct ob_date r;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int date_weekday(struct ob_date d)
{
	long n = date_to_days(d);

	/* 1970-01-01 was a Thursday (ISO 4). */
	return (int)(((n % 7 + 7) % 7 + 3) % 7) + 1;
}

int date_is_weekend(struct ob_date d)
{
	return date_weekday(d) >= 6;
}

int date_day_of_year(struct ob_date d)
{
	return (int)(date_to_days(d) - date_to_days((struct ob_date){ d.y, 1, 1 }));
}

struct ob_date date_add_days(struct ob_date d, long n)
{
	/* Bounds first, so no input can overflow the arithmetic below: the
	 * whole accepted range is under 3 million days. */
	static const long span = (DATE_YEAR_MAX - DATE_YEAR_MIN + 1) * 366L;
	struct ob_date r;

	if (!date_valid(d) || n > span || n < -span)
		return (struct ob_date){ 0, 0, 0 };
	r = date_from_days(date_to_days(d) + n);
	if (!date_valid(r))
		return (struct ob_date){ 0, 0, 0 };
	return r;
}

int date_cmp(struct ob_date a, struct ob_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}
