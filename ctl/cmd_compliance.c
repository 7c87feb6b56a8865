/* obctl compliance [--today D]: the publication deadlines of P-5, P-7,
 * P-10 and G per administrator (core/db_compliance.h), as a table. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "db_calendar.h"
#include "db_compliance.h"

/* What the row is about: the year, the program, the receipt, the month. */
static const char *subject(const struct compliance_row *r, char *buf, size_t len)
{
	char ds[DATE_STRLEN];

	switch (r->rule) {
	case DEADLINE_P7:
		snprintf(buf, len, "received %s", date_format(r->received, ds));
		break;
	case DEADLINE_G:
		snprintf(buf, len, "%s", r->period);
		break;
	case DEADLINE_P10:
		if (r->program[0] != '\0') {
			snprintf(buf, len, "%d program %s", r->year, r->program);
			break;
		}
		/* fall through */
	case DEADLINE_P5:
		snprintf(buf, len, "%d", r->year);
		break;
	}
	return buf;
}

static const char *state(const struct compliance_row *r, char *buf, size_t len)
{
	switch (r->status.state) {
	case DEADLINE_LATE:
	case DEADLINE_MISSING:
		snprintf(buf, len, "%s %d", deadline_state_name(r->status.state), r->status.late_days);
		break;
	case DEADLINE_UNKNOWN:
		snprintf(buf, len, "%s", r->err_code);
		break;
	default:
		snprintf(buf, len, "%s", deadline_state_name(r->status.state));
	}
	return buf;
}

static void print(const struct compliance *c)
{
	printf("admin\trule\tdocument\tsubject\tdue\tposted\tstatus\n");
	for (size_t i = 0; i < c->nrows; i++) {
		const struct compliance_row *r = &c->rows[i];
		const struct compliance_admin *a = &c->admins[r->admin];
		char who[16], subj[64], st[64], due[DATE_STRLEN], posted[DATE_STRLEN];

		snprintf(who, sizeof who, "%s%s%s", a->code, a->region[0] ? "/" : "", a->region);
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", who, deadline_rule_id(r->rule),
		       r->number[0] ? r->number : "-", subject(r, subj, sizeof subj),
		       r->due.y ? date_format(r->due, due) : "-",
		       r->posted.y ? date_format(r->posted, posted) : "-", state(r, st, sizeof st));
	}
}

int cmd_compliance(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct ob_date today;
	struct store *st = NULL;
	struct calendar *cal = NULL;
	struct compliance *c = NULL;
	int rc = 1;

	if (argc == 3 && strcmp(argv[1], "--today") == 0) {
		if (date_parse(argv[2], &today) != 0) {
			fprintf(stderr, "obctl compliance: --today \"%s\" is not a date (YYYY-MM-DD)\n", argv[2]);
			return 2;
		}
	} else if (argc != 1) {
		fprintf(stderr, "usage: obctl compliance [--today YYYY-MM-DD]\n");
		return 2;
	} else if (ob_today(&today) != 0) {
		fprintf(stderr, "obctl compliance: clock: cannot tell today's date (OB_TODAY?)\n");
		return 1;
	}
	if ((st = ctl_open(STORE_RDONLY)) == NULL)
		return 1;
	if ((cal = calendar_new()) == NULL || db_calendar_load(st, cal, &err) != 0 ||
	    db_compliance_load(st, cal, today, &c, &err) != 0) {
		ctl_report(ctl_db_path, &err);
		goto out;
	}
	print(c);
	rc = 0;
out:
	compliance_free(c);
	calendar_free(cal);
	store_close(st);
	return rc;
}
