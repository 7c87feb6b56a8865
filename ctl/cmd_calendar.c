/* obctl calendar list|add|import, and the calendars of obctl init: the
 * working-day calendar in the database (core/db_calendar.h).  "Working
 * days" in RULES.md; docs/obctl/calendar.md, docs/calendar.md. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db_calendar.h"
#include "text.h"

/* The XSD's limit on a day's name (schema/calendar.xsd, type "name"). */
#define NAME_MAX_CHARS 200

static const char *kind_names[] = { NULL, "holiday", "dayoff", "workday" };

static int working_days(const struct calendar *cal, int year)
{
	struct ob_err err = { 0 };
	int n = -1;

	calendar_count_workdays(cal, (struct ob_date){ year, 1, 1 }, (struct ob_date){ year, 12, 31 },
	                        &n, &err);
	return n;
}

static int special_days(const struct calendar *cal, int year)
{
	struct calendar_iter it;
	int n = 0;

	calendar_iter_init(&it, cal, year);
	while (calendar_iter_next(&it) != NULL)
		n++;
	return n;
}

/* Reads one year's file into a calendar of its own (all the loader's
 * checks) and stores it, replacing the year, in one transaction.  With
 * keep set, a year already in the database is left alone (obctl init). */
static int import_file(struct store *st, const char *path, int keep)
{
	struct ob_err err = { 0 };
	struct calendar *cal = calendar_new(), *have = calendar_new();
	char abs[PATH_MAX];
	int year = 0, rc = -1;

	if (cal == NULL || have == NULL) {
		ob_err_set(&err, "nomem", 0, "out of memory");
		goto out;
	}
	if (calendar_load_file(cal, path, &err) != 0)
		goto out;
	calendar_years(cal, &year, 1);
	if (store_begin(st, &err) != 0)
		goto out;
	if (keep) {
		if (db_calendar_load(st, have, &err) != 0) {
			store_rollback(st);
			goto out;
		}
		if (calendar_has_year(have, year)) {
			store_rollback(st);
			printf("%s: the calendar of %d is already in the database (obctl calendar import replaces it)\n",
			       path, year);
			rc = 0;
			goto out;
		}
	}
	/* The source is recorded as an absolute path: obctl runs from anywhere. */
	if (realpath(path, abs) == NULL)
		snprintf(abs, sizeof abs, "%s", path);
	if (db_calendar_store_year(st, cal, year, abs, &err) != 0 || store_commit(st, &err) != 0) {
		store_rollback(st);
		goto out;
	}
	printf("%s: calendar of %d, %d working days, %d special days\n", path, year,
	       working_days(cal, year), special_days(cal, year));
	rc = 0;
out:
	if (rc != 0)
		ctl_report(path, &err);
	calendar_free(cal);
	calendar_free(have);
	return rc;
}

static int year_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n == 8 && strspn(e->d_name, "0123456789") == 4 && strcmp(e->d_name + 4, ".xml") == 0;
}

int ctl_calendar_init(struct store *st)
{
	struct dirent **list = NULL;
	char dir[4096], path[4400];
	int n, rc = 0;

	snprintf(dir, sizeof dir, "%s/data/calendar", ob_share_dir());
	if ((n = scandir(dir, &list, year_file, alphasort)) < 0) {
		fprintf(stderr, "%s: io: cannot read the directory\n", dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
		if (rc == 0)
			rc = import_file(st, path, 1);
		free(list[i]);
	}
	free(list);
	return rc;
}

static int print_year(const struct db_calendar_year *y, void *arg)
{
	const struct calendar *cal = arg;

	printf("%d\t%d\t%d\t%d\t%s\t%s\n", y->year, working_days(cal, y->year), y->ndays, y->added,
	       y->changed, y->source);
	return 0;
}

static int find_year(const struct db_calendar_year *y, void *arg)
{
	struct db_calendar_year *want = arg;

	if (y->year != want->year)
		return 0;
	*want = *y;
	return 1;
}

static int list_days(struct store *st, const struct calendar *cal, int year)
{
	static const char *wd[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	struct ob_err err = { 0 };
	struct db_calendar_year info = { .year = year };
	struct calendar_iter it;
	const struct calendar_day *day;
	const char *base;

	if (db_calendar_years(st, find_year, &info, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		return -1;
	}
	base = strrchr(info.source, '/') ? strrchr(info.source, '/') + 1 : info.source;
	printf("date\tday\tkind\tmoves\treplaces\tkk\tru\torigin\n");
	calendar_iter_init(&it, cal, year);
	while ((day = calendar_iter_next(&it)) != NULL) {
		char ds[DATE_STRLEN], rs[DATE_STRLEN];

		printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t", date_format(day->date, ds),
		       wd[date_weekday(day->date)], kind_names[day->kind],
		       day->kind != CALENDAR_HOLIDAY ? "-" : day->moves ? "yes" : "no",
		       day->replaces.y != 0 ? date_format(day->replaces, rs) : "-",
		       day->name_kk, day->name_ru);
		if (day->line > 0)
			printf("%s:%d\n", base, day->line);
		else
			printf("added\n");
	}
	return 0;
}

static int parse_year(const char *s, int *year)
{
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4 || (*year = atoi(s)) < DATE_YEAR_MIN) {
		fprintf(stderr, "obctl calendar list: \"%s\" is not a year (YYYY)\n", s);
		return -1;
	}
	return 0;
}

static int cmd_list_calendar(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct store *st = NULL;
	struct calendar *cal = NULL;
	int year = 0, rc = 1;

	if (argc > 3) {
		fprintf(stderr, "usage: obctl calendar list [YEAR]\n");
		return 2;
	}
	if (argc == 3 && parse_year(argv[2], &year) != 0)
		return 2;
	if ((st = ctl_open(STORE_RDONLY)) == NULL)
		return 1;
	if ((cal = calendar_new()) == NULL || db_calendar_load(st, cal, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		goto out;
	}
	if (year == 0) {
		printf("year\tworking_days\tspecial_days\tadded\tchanged\tsource\n");
		if (db_calendar_years(st, print_year, cal, &err) != 0) {
			ctl_report(ctl_db_path, &err);
			goto out;
		}
	} else if (!calendar_has_year(cal, year)) {
		ob_err_set(&err, "calendar-missing", 0, "no working-day calendar is loaded for %d", year);
		ctl_report(ctl_db_path, &err);
		goto out;
	} else if (list_days(st, cal, year) != 0) {
		goto out;
	}
	rc = 0;
out:
	calendar_free(cal);
	store_close(st);
	return rc;
}

/* A name as the file format has it: one line, 1..200 characters. */
static int check_name(const char *name, const char *lang, struct ob_err *err)
{
	size_t bad;

	if (name == NULL || text_blank(name)) {
		ob_err_set(err, "calendar-invalid", 0, "a name in %s is required (--%s TEXT)",
		           strcmp(lang, "kk") == 0 ? "Kazakh" : "Russian", lang);
		return -1;
	}
	if (utf8_validate(name, strlen(name), &bad) != 0 || strpbrk(name, "\t\r\n") != NULL ||
	    utf8_count(name) > NAME_MAX_CHARS) {
		ob_err_set(err, "calendar-invalid", 0, "--%s: one line of valid UTF-8, at most %d characters",
		           lang, NAME_MAX_CHARS);
		return -1;
	}
	return 0;
}

static int parse_add(int argc, char **argv, struct calendar_day *day, struct ob_err *err)
{
	memset(day, 0, sizeof *day);
	if (argc < 4)
		return 2;
	for (int i = 4; i < argc; i += 2) {
		if (i + 1 >= argc)
			return 2;
		if (strcmp(argv[i], "--kk") == 0)
			day->name_kk = argv[i + 1];
		else if (strcmp(argv[i], "--ru") == 0)
			day->name_ru = argv[i + 1];
		else
			return 2;
	}
	if (date_parse(argv[2], &day->date) != 0) {
		ob_err_set(err, "date-invalid", 0, "\"%s\" is not a date (YYYY-MM-DD)", argv[2]);
		return -1;
	}
	for (int k = CALENDAR_HOLIDAY; k <= CALENDAR_WORKDAY; k++)
		if (strcmp(argv[3], kind_names[k]) == 0)
			day->kind = (enum calendar_kind)k;
	if (day->kind == 0) {
		ob_err_set(err, "calendar-invalid", 0, "kind \"%s\" is not holiday, dayoff or workday", argv[3]);
		return -1;
	}
	/* A holiday added by hand stays where it falls, like Kurban Ait: the
	 * fixed holidays that art. 85 moves come with the year's file. */
	day->moves = 0;
	if (check_name(day->name_kk, "kk", err) != 0 || check_name(day->name_ru, "ru", err) != 0)
		return -1;
	return 0;
}

static int cmd_add(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct calendar_day day;
	struct store *st = NULL;
	struct calendar *cal = NULL;
	char ds[DATE_STRLEN];
	int rc;

	if ((rc = parse_add(argc, argv, &day, &err)) == 2) {
		fprintf(stderr, "usage: obctl calendar add DATE holiday|dayoff|workday --kk TEXT --ru TEXT\n");
		return 2;
	}
	if (rc != 0) {
		ctl_report("obctl calendar add", &err);
		return 1;
	}
	rc = 1;
	if ((st = ctl_open(0)) == NULL)
		return 1;
	/* Read, change and write back in one write transaction: two adds at
	 * once cannot lose each other's day. */
	if ((cal = calendar_new()) == NULL || store_begin(st, &err) != 0)
		goto fail;
	if (db_calendar_load(st, cal, &err) != 0)
		goto fail;
	if (!calendar_has_year(cal, day.date.y)) {
		ob_err_set(&err, "calendar-missing", 0,
		           "no working-day calendar is loaded for %d: import data/calendar/%d.xml first",
		           day.date.y, day.date.y);
		goto fail;
	}
	if (calendar_add_day(cal, &day, &err) != 0 || calendar_check_year(cal, day.date.y, &err) != 0 ||
	    db_calendar_store_year(st, cal, day.date.y, NULL, &err) != 0 || store_commit(st, &err) != 0)
		goto fail;
	printf("%s: %s added; %d has %d working days\n", date_format(day.date, ds), kind_names[day.kind],
	       day.date.y, working_days(cal, day.date.y));
	rc = 0;
	goto out;
fail:
	store_rollback(st);
	ctl_report("obctl calendar add", &err);
out:
	calendar_free(cal);
	store_close(st);
	return rc;
}

static int cmd_import_calendar(int argc, char **argv)
{
	struct store *st;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: obctl calendar import FILE\n");
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	rc = import_file(st, argv[2], 0);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

int cmd_calendar(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return cmd_list_calendar(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return cmd_add(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return cmd_import_calendar(argc, argv);
	fprintf(stderr, "usage: obctl calendar list [YEAR]\n"
	                "       obctl calendar add DATE holiday|dayoff|workday --kk TEXT --ru TEXT\n"
	                "       obctl calendar import FILE\n");
	return 2;
}
