/* obctl lifecycle [--today D]: closes the public discussions whose last day
 * has passed and stores their final reports (core/lifecycle.h; P-9, P-10,
 * P-17), as obfcgi does every minute.  Idempotent: run it again and nothing
 * changes; run it after a pause and every period that ended meanwhile is
 * reported.  --today fixes the date (else $OB_TODAY, else the clock). */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "db_calendar.h"
#include "lifecycle.h"

int cmd_lifecycle(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct ob_date today;
	struct store *st = NULL;
	struct calendar *cal = NULL;
	char day[DATE_STRLEN];
	int rc = 1, n = 0;

	if (argc == 3 && strcmp(argv[1], "--today") == 0) {
		if (date_parse(argv[2], &today) != 0) {
			fprintf(stderr, "obctl lifecycle: --today \"%s\" is not a date (YYYY-MM-DD)\n", argv[2]);
			return 2;
		}
	} else if (argc != 1) {
		fprintf(stderr, "usage: obctl lifecycle [--today YYYY-MM-DD]\n");
		return 2;
	} else if (ob_today(&today) != 0) {
		fprintf(stderr, "obctl lifecycle: clock: cannot tell today's date (OB_TODAY?)\n");
		return 1;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	/* The calendar only matters for a discussion with no recorded end. */
	if ((cal = calendar_new()) == NULL || db_calendar_load(st, cal, &err) != 0 ||
	    store_begin(st, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		goto out;
	}
	if (lifecycle_run(st, cal, today, &n, &err) != 0 || store_commit(st, &err) != 0) {
		store_rollback(st);
		ctl_report(ctl_db_path, &err);
		goto out;
	}
	printf("obctl lifecycle: %d discussion%s closed and reported as of %s\n", n, n == 1 ? "" : "s",
	       date_format(today, day));
	rc = 0;
out:
	calendar_free(cal);
	store_close(st);
	return rc;
}
