#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>

#include "calendar.h"
#include "text.h"
#include "xmlin.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

/* libxml2 2.12 made the structured error const. */
#if LIBXML_VERSION >= 21200
#define XMLERR_CONST const
#else
#define XMLERR_CONST
#endif

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

static struct cal_year *year_new(int year)
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

static void year_free(struct cal_year *yr)
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
static int year_check_art85(const struct cal_year *yr, struct ob_err *err)
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

static int year_add_day(struct cal_year *yr, const struct calendar_day *day,
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
		year_free(cal->years[i]);
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

int calendar_set_schema(struct calendar *cal, const char *xsd_path, struct ob_err *err)
{
	char *p;

	if (cal == NULL || xsd_path == NULL) {
		ob_err_set(err, "argument", 0, "no calendar or schema path");
		return -1;
	}
	if ((p = strdup(xsd_path)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		return -1;
	}
	free(cal->xsd_path);
	cal->xsd_path = p;
	if (cal->schema != NULL) {
		xmlSchemaFree(cal->schema);
		cal->schema = NULL;
	}
	return 0;
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

static struct cal_year *calendar_year(const struct calendar *cal, int year)
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
	if ((yr = calendar_year(cal, d.y)) == NULL)
		ob_err_set(err, "calendar-missing", 0, "%s: no working-day calendar is loaded for %d",
		           date_format(d, ds), d.y);
	return yr;
}

static int calendar_insert_year(struct calendar *cal, struct cal_year *yr, struct ob_err *err)
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
	return cal != NULL && calendar_year(cal, year) != NULL;
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
	if (calendar_year(cal, year) != NULL) {
		ob_err_set(err, "calendar-duplicate", 0, "the calendar of %d is already loaded", year);
		return -1;
	}
	if ((yr = year_new(year)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		return -1;
	}
	if (calendar_insert_year(cal, yr, err) != 0) {
		year_free(yr);
		return -1;
	}
	return 0;
}

int calendar_check_year(const struct calendar *cal, int year, struct ob_err *err)
{
	const struct cal_year *yr;

	if ((yr = calendar_year_of(cal, (struct ob_date){ year, 1, 1 }, err)) == NULL)
		return -1;
	return year_check_art85(yr, err);
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
	return year_add_day(yr, day, NULL, 0, err);
}

/* ---- loading ----------------------------------------------------------- */

struct first_error {
	int set;
	int line;
	char msg[256];
};

static void on_xml_error(void *ctx, XMLERR_CONST xmlError *e)
{
	struct first_error *fe = ctx;
	size_t n;

	if (fe->set || e == NULL)
		return;
	fe->set = 1;
	fe->line = e->line;
	snprintf(fe->msg, sizeof fe->msg, "%s", e->message ? e->message : "invalid");
	n = strlen(fe->msg);
	while (n > 0 && (fe->msg[n - 1] == '\n' || fe->msg[n - 1] == ' '))
		fe->msg[--n] = '\0';
}

static int calendar_schema(struct calendar *cal, struct ob_err *err)
{
	int rc = -1;
	xmlSchemaParserCtxtPtr pctxt = NULL;
	struct first_error fe = { 0 };
	const char *share = getenv("OB_SHARE_DIR");
	char path[4200];
	FILE *f;

	if (cal->schema != NULL)
		return 0;
	/* The lookup of ob_share_dir() (store.h), repeated rather than called
	 * so the calendar and its fuzz harness stay free of the SQLite code. */
	if (cal->xsd_path != NULL)
		snprintf(path, sizeof path, "%s", cal->xsd_path);
	else
		snprintf(path, sizeof path, "%s/schema/calendar.xsd",
		         share != NULL && *share != '\0' ? share : OB_SHARE_DIR);
	/* Checked first so a missing schema is one clear error, not a libxml2
	 * warning on stderr. */
	if ((f = fopen(path, "r")) == NULL) {
		ob_err_set(err, "io", 0, "cannot read %s: %s", path, strerror(errno));
		goto out;
	}
	fclose(f);
	if ((pctxt = xmlSchemaNewParserCtxt(path)) == NULL) {
		ob_err_set(err, "nomem", 0, "cannot create the schema parser");
		goto out;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, on_xml_error, &fe);
	if ((cal->schema = xmlSchemaParse(pctxt)) == NULL) {
		ob_err_set(err, "io", 0, "cannot load %s: %s", path, fe.set ? fe.msg : "invalid");
		goto out;
	}
	rc = 0;
out:
	xmlSchemaFreeParserCtxt(pctxt);
	return rc;
}

static int calendar_validate(struct calendar *cal, xmlDocPtr doc, struct ob_err *err)
{
	int rc = -1;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	struct first_error fe = { 0 };

	if (calendar_schema(cal, err) != 0)
		goto out;
	if ((vctxt = xmlSchemaNewValidCtxt(cal->schema)) == NULL) {
		ob_err_set(err, "nomem", 0, "cannot create the schema validator");
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_xml_error, &fe);
	if (xmlSchemaValidateDoc(vctxt, doc) != 0) {
		ob_err_set(err, "schema", fe.line, "%s", fe.set ? fe.msg : "does not match calendar.xsd");
		goto out;
	}
	rc = 0;
out:
	xmlSchemaFreeValidCtxt(vctxt);
	return rc;
}

/* Element text with every run of white space made one space and the ends
 * trimmed: names are shown on one line. */
static char *node_text(xmlNodePtr node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	char *out, *w;
	int space = 0;

	if (raw == NULL)
		return strdup("");
	if ((out = malloc(strlen((const char *)raw) + 1)) == NULL)
		goto out;
	w = out;
	for (const char *r = (const char *)raw; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = w != out;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
out:
	xmlFree(raw);
	return out;
}

static xmlNodePtr child_element(xmlNodePtr node, const char *name)
{
	for (xmlNodePtr c = node->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)name))
			return c;
	return NULL;
}

static int year_add_node(struct cal_year *yr, xmlNodePtr node, struct ob_err *err)
{
	int rc = -1;
	xmlChar *date = NULL, *kind = NULL, *moves = NULL, *replaces = NULL;
	xmlNodePtr kk, ru;
	char *name_kk = NULL, *name_ru = NULL;
	struct calendar_day day = { 0 };

	day.line = (int)xmlGetLineNo(node);
	date = xmlGetProp(node, (const xmlChar *)"date");
	kind = xmlGetProp(node, (const xmlChar *)"kind");
	moves = xmlGetProp(node, (const xmlChar *)"moves");
	replaces = xmlGetProp(node, (const xmlChar *)"replaces");
	kk = child_element(node, "kk");
	ru = child_element(node, "ru");
	/* The schema has checked all this; checked again so that the loader
	 * stays safe if someone edits the XSD. */
	if (date == NULL || date_parse((const char *)date, &day.date) != 0 ||
	    (replaces != NULL && date_parse((const char *)replaces, &day.replaces) != 0)) {
		ob_err_set(err, "calendar-invalid", day.line, "a date is not YYYY-MM-DD");
		goto out;
	}
	if (kind != NULL && xmlStrEqual(kind, (const xmlChar *)"holiday"))
		day.kind = CALENDAR_HOLIDAY;
	else if (kind != NULL && xmlStrEqual(kind, (const xmlChar *)"dayoff"))
		day.kind = CALENDAR_DAYOFF;
	else if (kind != NULL && xmlStrEqual(kind, (const xmlChar *)"workday"))
		day.kind = CALENDAR_WORKDAY;
	else {
		ob_err_set(err, "calendar-invalid", day.line, "unknown kind");
		goto out;
	}
	if (moves != NULL && day.kind != CALENDAR_HOLIDAY) {
		ob_err_set(err, "calendar-invalid", day.line, "moves applies to holidays only");
		goto out;
	}
	day.moves = day.kind == CALENDAR_HOLIDAY && moves == NULL;
	if (kk == NULL || ru == NULL || (name_kk = node_text(kk)) == NULL ||
	    (name_ru = node_text(ru)) == NULL) {
		ob_err_set(err, kk && ru ? "nomem" : "calendar-invalid", day.line,
		           "a name in Kazakh and one in Russian are required");
		goto out;
	}
	day.name_kk = name_kk;
	day.name_ru = name_ru;
	/* Days are kept in date order and a file must list them so (check_order):
	 * the last one kept is the one before in the file. */
	if (year_add_day(yr, &day, yr->ndays ? &yr->days[yr->ndays - 1] : NULL, 1, err) != 0)
		goto out;
	rc = 0;
out:
	xmlFree(date);
	xmlFree(kind);
	xmlFree(moves);
	xmlFree(replaces);
	free(name_kk);
	free(name_ru);
	return rc;
}

static int calendar_load_doc(struct calendar *cal, xmlDocPtr doc, struct ob_err *err)
{
	int rc = -1;
	struct cal_year *yr = NULL;
	xmlNodePtr root;
	xmlChar *ys = NULL;
	struct ob_date y1 = { 0, 1, 1 };

	if (calendar_validate(cal, doc, err) != 0)
		goto out;
	root = xmlDocGetRootElement(doc);
	ys = xmlGetProp(root, (const xmlChar *)"year");
	if (ys == NULL || strlen((const char *)ys) != 4 ||
	    strspn((const char *)ys, "0123456789") != 4 ||
	    (y1.y = atoi((const char *)ys)) < DATE_YEAR_MIN) {
		ob_err_set(err, "calendar-invalid", (int)xmlGetLineNo(root), "year is not YYYY");
		goto out;
	}
	if (calendar_year(cal, y1.y) != NULL) {
		ob_err_set(err, "calendar-duplicate", (int)xmlGetLineNo(root),
		           "the calendar of %d is already loaded", y1.y);
		goto out;
	}
	if ((yr = year_new(y1.y)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		goto out;
	}
	for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (year_add_node(yr, n, err) != 0)
			goto out;
	}
	if (year_check_art85(yr, err) != 0)
		goto out;
	if (calendar_insert_year(cal, yr, err) != 0)
		goto out;
	yr = NULL;
	rc = 0;
out:
	year_free(yr);
	xmlFree(ys);
	return rc;
}

int calendar_load_mem(struct calendar *cal, const char *buf, size_t len, struct ob_err *err)
{
	int rc = -1;
	xmlDocPtr doc = NULL;

	if (cal == NULL || buf == NULL) {
		ob_err_set(err, "argument", 0, "no calendar or no input");
		goto out;
	}
	if ((doc = xml_parse_limited(buf, len, CALENDAR_MAX_BYTES, err)) == NULL)
		goto out;
	rc = calendar_load_doc(cal, doc, err);
out:
	xmlFreeDoc(doc);
	return rc;
}

int calendar_load_file(struct calendar *cal, const char *path, struct ob_err *err)
{
	int rc = -1;
	xmlDocPtr doc = NULL;

	if (cal == NULL || path == NULL) {
		ob_err_set(err, "argument", 0, "no calendar or no path");
		goto out;
	}
	if ((doc = xml_parse_file_limited(path, CALENDAR_MAX_BYTES, err)) == NULL)
		goto out;
	rc = calendar_load_doc(cal, doc, err);
out:
	xmlFreeDoc(doc);
	return rc;
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

	if (cal == NULL || !date_valid(d) || (yr = calendar_year(cal, d.y)) == NULL)
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
