/* obctl queue and obctl unanswered (issue 5.5, 5.6): the operator's
 * moderation queue ordered by due date, each proposal due 2 working days
 * after it arrived (P-15), overdue ones flagged, with the screening's
 * advice (P-14); and the published proposals an administrator has not
 * answered yet, with the working days left in the discussion (P-16).
 * "Today" is ob_today() (--today for tests). */
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "ctl.h"
#include "db_calendar.h"
#include "db_submit.h"
#include "deadline.h"

struct queue_ctx {
	struct calendar *cal;
	struct ob_date today;
	struct ob_err *err;
	int rc, n;
};

/* P-15: due date and mark of one pending proposal. */
static int print_pending(const struct queue_row *r, void *arg)
{
	struct queue_ctx *q = arg;
	struct ob_date day, due;
	char d[DATE_STRLEN];

	if (date_parse(r->day, &day) != 0 || deadline_moderation_due(q->cal, day, &due, q->err) != 0) {
		q->rc = -1;
		return 1;
	}
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->id, date_format(due, d),
	       date_to_days(q->today) > date_to_days(due) ? "OVERDUE" : "on-time", r->document,
	       r->part_key, r->lang, r->flags[0] ? r->flags : "-", r->text);
	q->n++;
	return 0;
}

/* P-16: working days left until the end of the discussion. */
static int print_unanswered(const struct queue_row *r, void *arg)
{
	struct queue_ctx *q = arg;
	struct ob_date end;
	int left = 0;

	if (date_parse(r->discussion_end, &end) != 0) {
		ob_err_set(q->err, "date-invalid", 0, "%s: bad discussion end", r->document);
		q->rc = -1;
		return 1;
	}
	if (date_to_days(end) >= date_to_days(q->today) &&
	    calendar_count_workdays(q->cal, q->today, end, &left, q->err) != 0) {
		q->rc = -1;
		return 1;
	}
	printf("%lld\t%s\t%s\t%d\t%s\t%s\t%s\n", r->id, r->document, r->discussion_end, left,
	       r->admin_code, r->part_key, r->text);
	q->n++;
	return 0;
}

static int run(int unanswered, const char *admin, const char *today)
{
	struct ob_err err = { 0 };
	struct queue_ctx q = { .err = &err };
	struct store *st;
	int rc = -1;

	if ((today != NULL ? date_parse(today, &q.today) : ob_today(&q.today)) != 0) {
		fprintf(stderr, "obctl: --today must be YYYY-MM-DD\n");
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if ((q.cal = calendar_new()) != NULL && db_calendar_load(st, q.cal, &err) == 0) {
		if (unanswered) {
			printf("id\tdocument\tdiscussion-end\tworkdays-left\tadmin\tpart\ttext\n");
			rc = db_unanswered_list(st, admin ? admin : "", print_unanswered, &q, &err);
		} else {
			printf("id\tdue\tstate\tdocument\tpart\tlang\tflags\ttext\n");
			rc = db_queue_list(st, print_pending, &q, &err);
		}
		rc = rc != 0 ? rc : q.rc;
	}
	if (rc != 0)
		ctl_report(unanswered ? "obctl unanswered" : "obctl queue", &err);
	calendar_free(q.cal);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

int cmd_queue(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--today") == 0)
		return run(0, NULL, argv[2]);
	if (argc != 1) {
		fprintf(stderr, "usage: obctl queue [--today YYYY-MM-DD]\n");
		return 2;
	}
	return run(0, NULL, NULL);
}

int cmd_unanswered(int argc, char **argv)
{
	const char *admin = NULL, *today = NULL;

	for (int i = 1; i < argc; i += 2) {
		if (i + 1 < argc && strcmp(argv[i], "--admin-code") == 0) {
			admin = argv[i + 1];
		} else if (i + 1 < argc && strcmp(argv[i], "--today") == 0) {
			today = argv[i + 1];
		} else {
			fprintf(stderr, "usage: obctl unanswered [--admin-code CODE] [--today YYYY-MM-DD]\n");
			return 2;
		}
	}
	return run(1, admin, today);
}
