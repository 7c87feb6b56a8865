/* The working-day calendar (core/calendar.h): the years, the checks of
 * each special day and of the art. 85 transfers, the queries.  Loading
 * the XML files is core/calendar_load.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_impl.h"
#include "text.h"

static const struct ob_date no_date = { 0, 0, 0 };

static int date_set(struct ob_date d)
{
	return d.y != 0 || d.m != 0 || d.d != 0;
}

/* ---- one year ---------------------------------------------------------- */

static int year_worked(const struct cal_year *yr, int doy)
{
	return (int)((yr->work[doy / 64] >> (doy % 64)) & 1u);
}

static void year_set_worked(struct cal_year *yr, int doy, int worked)
{
	if (worked)
		yr->work[doy / 64] |= (uint64_t)1 << (doy % 64);
	else
		yr->work[doy / 64] &= ~((uint64_t)1 << (doy % 64));
}

static void year_recount(struct cal_year *yr)
{
	yr->cum[0] = 0;
	for (int i = 0; i < yr->len; i++)
		yr->cum[i + 1] = (uint16_t)(yr->cum[i] + year_worked(yr, i));
}

struct cal_year *cal_year_new(int year)
{
	struct cal_year *yr;
	struct ob_date jan1 = { year, 1, 1 };
	int wd;

	if ((yr = calloc(1, sizeof *yr)) == NULL)
		return NULL;
	yr->year = year;
	yr->len = date_days_in_year(year);
	wd = date_weekday(jan1);
	/* The plain five-day week; the file lists only what differs. */
	for (int i = 0; i < yr->len; i++, wd = wd % 7 + 1)
		year_set_worked(yr, i, wd <= 5);
	year_recount(yr);
	return yr;
}

void cal_year_free(struct cal_year *yr)
{
	if (yr == NULL)
		return;
	for (size_t i = 0; i < yr->ndays; i++) {
		free((char *)yr->days[i].name_kk);
		free((char *)yr->days[i].name_ru);
	}
	free(yr->days);
	free(yr);
}

/* Index of the first special day not before d. */
static size_t year_day_index(const struct cal_year *yr, struct ob_date d)
{
	size_t lo = 0, hi = yr->ndays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (date_cmp(yr->days[mid].date, d) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct calendar_day *year_day_find(const struct cal_year *yr, struct ob_date d)
{
	size_t i = year_day_index(yr, d);

	return i < yr->ndays && date_cmp(yr->days[i].date, d) == 0 ? &yr->days[i] : NULL;
}

/* ---- the business checks ------------------------------------------------
 * What schema/calendar.xsd cannot say.  Each check sees the year built so
 * far, the new day and the day before it in the file (NULL for the first,
 * and for days added in code). */

typedef int (*day_check_fn)(const struct cal_year *yr, const struct calendar_day *day,
                            const struct calendar_day *prev, struct ob_err *err);

static int bad(struct ob_err *err, const struct calendar_day *day, const char *what)
{
	char ds[DATE_STRLEN];

	ob_err_set(err, "calendar-invalid", day->line, "%s: %s", date_format(day->date, ds), what);
	return -1;
}

static int check_in_year(const struct cal_year *yr, const struct calendar_day *day,
                         const struct calendar_day *prev, struct ob_err *err)
{
	(void)prev;
	if (day->date.y != yr->year)
		return bad(err, day, "the date is not in the calendar's year");
	return 0;
}

/* Files list days in date order: an administrator reads them as a
 * calendar, and a repeated date is caught where it is. */
static int check_order(const struct cal_year *yr, const struct calendar_day *day,
                       const struct calendar_day *prev, struct ob_err *err)
{
	(void)yr;
	if (prev != NULL && date_cmp(prev->date, day->date) >= 0)
		return bad(err, day, "days must be listed in date order, each date once");
	return 0;
}

static int check_unique(const struct cal_year *yr, const struct calendar_day *day,
                        const struct calendar_day *prev, struct ob_err *err)
{
	(void)prev;
	if (year_day_find(yr, day->date) != NULL)
		return bad(err, day, "the date is already listed");
	return 0;
}

/* A workday on a weekday or a dayoff on a weekend would change nothing:
 * it is a typo in the date, and the real transfer is missing. */
static int check_weekday(const struct cal_year *yr, const struct calendar_day *day,
                         const struct calendar_day *prev, struct ob_err *err)
{
	(void)yr;
	(void)prev;
	if (day->kind == CALENDAR_WORKDAY && !date_is_weekend(day->date))
		return bad(err, day, "a workday must be a Saturday or a Sunday");
	if (day->kind == CALENDAR_DAYOFF && date_is_weekend(day->date))
		return bad(err, day, "a dayoff must be a Monday..Friday");
	return 0;
}

static int check_attrs(const struct cal_year *yr, const struct calendar_day *day,
                       const struct calendar_day *prev, struct ob_err *err)
{
	(void)yr;
	(void)prev;
	if (day->kind != CALENDAR_HOLIDAY && day->kind != CALENDAR_DAYOFF &&
	    day->kind != CALENDAR_WORKDAY)
		return bad(err, day, "unknown kind");
	if (day->kind != CALENDAR_HOLIDAY && day->moves)
		return bad(err, day, "moves applies to holidays only");
	if (day->kind != CALENDAR_DAYOFF && date_set(day->replaces))
		return bad(err, day, "replaces applies to a dayoff only");
	if (text_blank(day->name_kk) || text_blank(day->name_ru))
		return bad(err, day, "a name in Kazakh and one in Russian are required");
	return 0;
}

/* Labour Code art. 85: only a holiday that falls on a weekend, and is not
 * one of the religious days that stay put, gives a day off elsewhere. */
static int check_replaces(const struct cal_year *yr, const struct calendar_day *day,
                          const struct calendar_day *prev, struct ob_err *err)
{
	const struct calendar_day *h;

	(void)prev;
	if (day->kind != CALENDAR_DAYOFF || !date_set(day->replaces))
		return 0;
	if (!date_valid(day->replaces) || day->replaces.y != yr->year ||
	    (h = year_day_find(yr, day->replaces)) == NULL || h->kind != CALENDAR_HOLIDAY)
		return bad(err, day, "replaces must name a holiday listed before it in this year");
	if (!date_is_weekend(h->date) || !h->moves)
		return bad(err, day, "replaces must name a holiday on a weekend that moves (art. 85)");
	if (date_cmp(h->date, day->date) >= 0)
		return bad(err, day, "art. 85 moves a day off forward, never back");
	return 0;
}

static const struct {
	day_check_fn check;
	int file_only; /* not for days added in code */
} day_checks[] = {
	{ check_in_year, 1 },
	{ check_order, 1 },
	{ check_attrs, 0 },
	{ check_unique, 0 },
	{ check_weekday, 0 },
	{ check_replaces, 0 },
};

/* The whole-year check, run when a file is loaded.  P-7, P-9, P-15: a
 * forgotten art. 85 transfer silently shortens every term across it, so
 * each moving weekend holiday must have its day off, on the day the law
 * gives: the first Monday..Friday after the holiday that is not a holiday,
 * not a day off by order, and not taken by an earlier transfer (Nauryz on
 * Saturday and Sunday gives Monday and Tuesday).  A transfer the
 * government places otherwise is written as moves="no" plus an ordered
 * dayoff (docs/calendar.md). */
int cal_year_check_art85(const struct cal_year *yr, struct ob_err *err)
{
	struct ob_date last = no_date;
	char hs[DATE_STRLEN], ds[DATE_STRLEN], gs[DATE_STRLEN];

	for (size_t i = 0; i < yr->ndays; i++) {
		const struct calendar_day *h = &yr->days[i];
		const struct calendar_day *sub = NULL, *o;
		struct ob_date d;
		size_t n = 0;

		if (h->kind != CALENDAR_HOLIDAY || !h->moves || !date_is_weekend(h->date))
			continue;
		for (size_t j = 0; j < yr->ndays; j++) {
			if (yr->days[j].kind == CALENDAR_DAYOFF &&
			    date_cmp(yr->days[j].replaces, h->date) == 0) {
				sub = &yr->days[j];
				n++;
			}
		}
		d = date_cmp(last, h->date) > 0 ? last : h->date;
		do {
			d = date_add_days(d, 1);
			o = d.y == yr->year ? year_day_find(yr, d) : NULL;
		} while (d.y == yr->year &&
		         (date_is_weekend(d) || (o != NULL && o->kind == CALENDAR_HOLIDAY) ||
		          (o != NULL && o->kind == CALENDAR_DAYOFF && !date_set(o->replaces))));
		if (d.y != yr->year) {
			ob_err_set(err, "calendar-invalid", h->line,
			           "%s: the art. 85 day off would fall in the next year; "
			           "write moves=\"no\" and list it there",
			           date_format(h->date, hs));
			return -1;
		}
		last = d;
		if (n != 1) {
			ob_err_set(err, "calendar-invalid", h->line,
			           "%s: a holiday on a weekend needs exactly one dayoff with "
			           "replaces=\"%s\" (art. 85), on %s; found %zu",
			           date_format(h->date, hs), hs, date_format(d, ds), n);
			return -1;
		}
		if (date_cmp(sub->date, d) != 0) {
			ob_err_set(err, "calendar-invalid", sub->line,
			           "%s: the day off for %s is the next free working day, %s (art. 85)",
			           date_format(sub->date, gs), date_format(h->date, hs),
			           date_format(d, ds));
			return -1;
		}
	}
	return 0;
}

int cal_year_add_day(struct cal_year *yr, const struct calendar_day *day,
                     const struct calendar_day *prev, int from_file, struct ob_err *err)
{
	int rc = -1;
	struct calendar_day copy = *day;
	size_t at;

	copy.name_kk = copy.name_ru = NULL;
	for (size_t i = 0; i < sizeof day_checks / sizeof day_checks[0]; i++) {
		if (day_checks[i].file_only && !from_file)
			continue;
		if (day_checks[i].check(yr, day, prev, err) != 0)
			goto out;
	}
	if (yr->ndays == yr->cap) {
		size_t cap = yr->cap ? yr->cap * 2 : 32;
		struct calendar_day *p = realloc(yr->days, cap * sizeof *p);

		if (p == NULL) {
			ob_err_set(err, "nomem", day->line, "out of memory");
			goto out;
		}
		yr->days = p;
		yr->cap = cap;
	}
	if ((copy.name_kk = strdup(day->name_kk)) == NULL ||
	    (copy.name_ru = strdup(day->name_ru)) == NULL) {
		ob_err_set(err, "nomem", day->line, "out of memory");
		goto out;
	}
	at = year_day_index(yr, day->date);
	memmove(&yr->days[at + 1], &yr->days[at], (yr->ndays - at) * sizeof *yr->days);
	yr->days[at] = copy;
	yr->ndays++;
	copy.name_kk = copy.name_ru = NULL; /* the year owns them now */
	year_set_worked(yr, date_day_of_year(day->date), day->kind == CALENDAR_WORKDAY);
	year_recount(yr);
	rc = 0;
out:
	free((char *)copy.name_kk);
	free((char *)copy.name_ru);
	return rc;
}

/* ---- the calendar ------------------------------------------------------ */

struct calendar *calendar_new(void)
{
	return calloc(1, sizeof(struct calendar));
}

void calendar_clear(struct calendar *cal)
{
	if (cal == NULL)
		return;
	for (size_t i = 0; i < cal->nyears; i++)
		cal_year_free(cal->years[i]);
	cal->nyears = 0;
}

void calendar_free(struct calendar *cal)
{
	if (cal == NULL)
		return;
	calendar_clear(cal);
	free(cal->years);
	free(cal->xsd_path);
	if (cal->schema != NULL)
		xmlSchemaFree(cal->schema);
	free(cal);
}

static size_t calendar_year_index(const struct calendar *cal, int year)
{
	size_t lo = 0, hi = cal->nyears;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->years[mid]->year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct cal_year *cal_year_get(const struct calendar *cal, int year)
{
	size_t i = calendar_year_index(cal, year);

	return i < cal->nyears && cal->years[i]->year == year ? cal->years[i] : NULL;
}

/* The year of d, or an error: a date outside the loaded years is never
 * treated as a plain week. */
static struct cal_year *calendar_year_of(const struct calendar *cal, struct ob_date d,
                                         struct ob_err *err)
{
	struct cal_year *yr;
	char ds[DATE_STRLEN];

	if (cal == NULL) {
		ob_err_set(err, "argument", 0, "no calendar");
		return NULL;
	}
	if (!date_valid(d)) {
		ob_err_set(err, "date-invalid", 0, "not a date: %d-%d-%d", d.y, d.m, d.d);
		return NULL;
	}
	if ((yr = cal_year_get(cal, d.y)) == NULL)
		ob_err_set(err, "calendar-missing", 0, "%s: no working-day calendar is loaded for %d",
		           date_format(d, ds), d.y);
	return yr;
}

int cal_insert_year(struct calendar *cal, struct cal_year *yr, struct ob_err *err)
{
	size_t at;

	if (cal->nyears == cal->cap) {
		size_t cap = cal->cap ? cal->cap * 2 : 4;
		struct cal_year **p = realloc(cal->years, cap * sizeof *p);

		if (p == NULL) {
			ob_err_set(err, "nomem", 0, "out of memory");
			return -1;
		}
		cal->years = p;
		cal->cap = cap;
	}
	at = calendar_year_index(cal, yr->year);
	memmove(&cal->years[at + 1], &cal->years[at], (cal->nyears - at) * sizeof *cal->years);
	cal->years[at] = yr;
	cal->nyears++;
	return 0;
}

int calendar_has_year(const struct calendar *cal, int year)
{
	return cal != NULL && cal_year_get(cal, year) != NULL;
}

size_t calendar_years(const struct calendar *cal, int *years, size_t max)
{
	if (cal == NULL)
		return 0;
	for (size_t i = 0; i < cal->nyears && i < max; i++)
		years[i] = cal->years[i]->year;
	return cal->nyears;
}

int calendar_add_year(struct calendar *cal, int year, struct ob_err *err)
{
	struct cal_year *yr;

	if (cal == NULL || year < DATE_YEAR_MIN || year > DATE_YEAR_MAX) {
		ob_err_set(err, "argument", 0, "no calendar, or year %d out of range", year);
		return -1;
	}
	if (cal_year_get(cal, year) != NULL) {
		ob_err_set(err, "calendar-duplicate", 0, "the calendar of %d is already loaded", year);
		return -1;
	}
	if ((yr = cal_year_new(year)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		return -1;
	}
	if (cal_insert_year(cal, yr, err) != 0) {
		cal_year_free(yr);
		return -1;
	}
	return 0;
}

int calendar_check_year(const struct calendar *cal, int year, struct ob_err *err)
{
	const struct cal_year *yr;

	if ((yr = calendar_year_of(cal, (struct ob_date){ year, 1, 1 }, err)) == NULL)
		return -1;
	return cal_year_check_art85(yr, err);
}

int calendar_add_day(struct calendar *cal, const struct calendar_day *day, struct ob_err *err)
{
	struct cal_year *yr;

	if (day == NULL) {
		ob_err_set(err, "argument", 0, "no day");
		return -1;
	}
	if ((yr = calendar_year_of(cal, day->date, err)) == NULL)
		return -1;
	return cal_year_add_day(yr, day, NULL, 0, err);
}

/* ---- queries ----------------------------------------------------------- */

int calendar_is_workday(const struct calendar *cal, struct ob_date d, int *out,
                        struct ob_err *err)
{
	const struct cal_year *yr;

	if ((yr = calendar_year_of(cal, d, err)) == NULL)
		return -1;
	*out = year_worked(yr, date_day_of_year(d));
	return 0;
}

const struct calendar_day *calendar_day_get(const struct calendar *cal, struct ob_date d)
{
	const struct cal_year *yr;

	if (cal == NULL || !date_valid(d) || (yr = cal_year_get(cal, d.y)) == NULL)
		return NULL;
	return year_day_find(yr, d);
}

int calendar_add_workdays(const struct calendar *cal, struct ob_date from, int n,
                          struct ob_date *out, struct ob_err *err)
{
	const struct cal_year *yr;
	int doy, need, avail, target, lo, hi;

	if ((yr = calendar_year_of(cal, from, err)) == NULL)
		return -1;
	if (n < 0) {
		ob_err_set(err, "argument", 0, "a negative number of working days: %d", n);
		return -1;
	}
	if (n == 0) {
		*out = from;
		return 0;
	}
	/* P-9: `from` (the posting day) never counts; see calendar.h. */
	doy = date_day_of_year(from);
	need = n;
	avail = yr->cum[yr->len] - yr->cum[doy + 1];
	while (need > avail) {
		struct ob_date jan1 = { yr->year + 1, 1, 1 };

		need -= avail;
		if ((yr = calendar_year_of(cal, jan1, err)) == NULL)
			return -1;
		doy = -1;
		avail = yr->cum[yr->len];
	}
	/* The smallest t with cum[t + 1] == cum[doy + 1] + need. */
	target = yr->cum[doy + 1] + need;
	lo = doy + 1;
	hi = yr->len - 1;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (yr->cum[mid + 1] < target)
			lo = mid + 1;
		else
			hi = mid;
	}
	*out = date_add_days((struct ob_date){ yr->year, 1, 1 }, lo);
	return 0;
}

int calendar_next_workday(const struct calendar *cal, struct ob_date d, struct ob_date *out,
                          struct ob_err *err)
{
	int worked;

	if (calendar_is_workday(cal, d, &worked, err) != 0)
		return -1;
	if (worked) {
		*out = d;
		return 0;
	}
	return calendar_add_workdays(cal, d, 1, out, err);
}

int calendar_count_workdays(const struct calendar *cal, struct ob_date from, struct ob_date to,
                            int *out, struct ob_err *err)
{
	const struct cal_year *yr;
	int total = 0;

	if (calendar_year_of(cal, from, err) == NULL || calendar_year_of(cal, to, err) == NULL)
		return -1;
	if (date_cmp(from, to) > 0) {
		ob_err_set(err, "argument", 0, "the range ends before it starts");
		return -1;
	}
	for (int y = from.y; y <= to.y; y++) {
		int a = y == from.y ? date_day_of_year(from) : 0;
		int b;

		if ((yr = calendar_year_of(cal, (struct ob_date){ y, 1, 1 }, err)) == NULL)
			return -1;
		b = y == to.y ? date_day_of_year(to) : yr->len - 1;
		total += yr->cum[b + 1] - yr->cum[a];
	}
	*out = total;
	return 0;
}

/* ---- listing ----------------------------------------------------------- */

void calendar_iter_init(struct calendar_iter *it, const struct calendar *cal, int year)
{
	it->cal = cal;
	it->year = year;
	it->yi = 0;
	it->di = 0;
	if (cal != NULL && year != 0)
		it->yi = calendar_year_index(cal, year);
}

const struct calendar_day *calendar_iter_next(struct calendar_iter *it)
{
	const struct calendar *cal = it->cal;

	while (cal != NULL && it->yi < cal->nyears) {
		const struct cal_year *yr = cal->years[it->yi];

		if (it->year != 0 && yr->year != it->year)
			return NULL;
		if (it->di < yr->ndays)
			return &yr->days[it->di++];
		it->yi++;
		it->di = 0;
	}
	return NULL;
}
