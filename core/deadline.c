/* Deadlines of P-5, P-7, P-9, P-10, P-15, P-16 and G on the working-day
 * calendar.  The conventions are in deadline.h and docs/calendar.md. */
#include <stdio.h>
#include <string.h>

#include "deadline.h"

int deadline_discussion_min_end(const struct calendar *cal, struct ob_date posted,
                                struct ob_date *end, struct ob_err *err)
{
	/* P-9, P-10: the posting day is not one of the ten (deadline.h). */
	return calendar_add_workdays(cal, posted, DEADLINE_DISCUSSION_DAYS, end, err);
}

int deadline_discussion_check(const struct calendar *cal, struct ob_date posted,
                              struct ob_date requested_end, struct ob_date *earliest,
                              struct ob_err *err)
{
	struct ob_date min;
	char ps[DATE_STRLEN], rs[DATE_STRLEN], ms[DATE_STRLEN];

	if (!date_valid(requested_end)) {
		ob_err_set(err, "date-invalid", 0, "the discussion end is not a date");
		return -1;
	}
	if (deadline_discussion_min_end(cal, posted, &min, err) != 0)
		return -1;
	if (earliest != NULL)
		*earliest = min;
	if (date_cmp(requested_end, min) < 0) {
		ob_err_set(err, "discussion-too-short", 0,
		           "a discussion ending %s is too short: at least %d working days after "
		           "the posting day %s (P-9, P-10), so the earliest end is %s",
		           date_format(requested_end, rs), DEADLINE_DISCUSSION_DAYS,
		           date_format(posted, ps), date_format(min, ms));
		return -1;
	}
	return 0;
}

int deadline_moderation_due(const struct calendar *cal, struct ob_date received,
                            struct ob_date *due, struct ob_err *err)
{
	/* P-15: 2 working days after the proposal arrives. */
	return calendar_add_workdays(cal, received, DEADLINE_MODERATION_DAYS, due, err);
}

int deadline_answer_due(struct ob_date discussion_end, struct ob_date *due, struct ob_err *err)
{
	/* P-16: answered during the discussion period. */
	if (!date_valid(discussion_end)) {
		ob_err_set(err, "date-invalid", 0, "the discussion end is not a date");
		return -1;
	}
	*due = discussion_end;
	return 0;
}

static const struct {
	enum deadline_rule rule;
	const char *id, *kind;
} rules[] = {
	{ DEADLINE_P5, "P-5", "financial-statements" },
	{ DEADLINE_P7, "P-7", "audit-result" },
	{ DEADLINE_P10, "P-10", "implementation-report" },
	{ DEADLINE_G, "G", "grant-report" },
};

enum deadline_rule deadline_rule_of_kind(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(kind, rules[i].kind) == 0)
			return rules[i].rule;
	return 0;
}

const char *deadline_rule_id(enum deadline_rule rule)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (rule == rules[i].rule)
			return rules[i].id;
	return "?";
}

const char *deadline_rule_kind(enum deadline_rule rule)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (rule == rules[i].rule)
			return rules[i].kind;
	return "";
}

/* A date-fixed deadline: the date itself when worked, else the next
 * working day. */
static int fixed_date(const struct calendar *cal, int y, int m, int d, struct ob_date *due,
                      struct ob_err *err)
{
	struct ob_date nominal = { y, m, d };

	if (!date_valid(nominal)) {
		ob_err_set(err, "argument", 0, "no deadline in year %d", y);
		return -1;
	}
	return calendar_next_workday(cal, nominal, due, err);
}

int deadline_due(const struct calendar *cal, enum deadline_rule rule,
                 const struct deadline_doc *doc, struct ob_date *due, struct ob_err *err)
{
	if (doc == NULL || due == NULL) {
		ob_err_set(err, "argument", 0, "no document or no result");
		return -1;
	}
	switch (rule) {
	case DEADLINE_P5:
		/* P-5: by 5 July of the fiscal year after the one reported on. */
		return fixed_date(cal, doc->year + 1, 7, 5, due, err);
	case DEADLINE_P7:
		/* P-7: within 15 working days after the results are received. */
		return calendar_add_workdays(cal, doc->received, DEADLINE_AUDIT_DAYS, due, err);
	case DEADLINE_P10:
		/* P-10: no later than 1 April of the year after the reporting year. */
		return fixed_date(cal, doc->year + 1, 4, 1, due, err);
	case DEADLINE_G:
		/* G: by the 20th of the month following the reporting month. */
		if (doc->period_month < 1 || doc->period_month > 12) {
			ob_err_set(err, "argument", 0, "reporting month %d is not 1..12", doc->period_month);
			return -1;
		}
		return fixed_date(cal, doc->period_year + doc->period_month / 12,
		                  doc->period_month % 12 + 1, 20, due, err);
	}
	ob_err_set(err, "argument", 0, "no deadline rule %d", (int)rule);
	return -1;
}

int deadline_period_parse(const char *s, int *year, int *month, struct ob_err *err)
{
	char buf[DATE_STRLEN];
	struct ob_date d;

	/* "YYYY-MM" is a date without its day: checked as the first of the month. */
	if (s == NULL || strlen(s) != 7 || snprintf(buf, sizeof buf, "%s-01", s) != 10 ||
	    date_parse(buf, &d) != 0) {
		ob_err_set(err, "period-invalid", 0, "reporting period \"%s\" is not YYYY-MM",
		           s != NULL ? s : "");
		return -1;
	}
	*year = d.y;
	*month = d.m;
	return 0;
}

const char *deadline_state_name(enum deadline_state st)
{
	switch (st) {
	case DEADLINE_PENDING:
		return "pending";
	case DEADLINE_ON_TIME:
		return "on-time";
	case DEADLINE_LATE:
		return "late";
	case DEADLINE_MISSING:
		return "missing";
	case DEADLINE_UNKNOWN:
		break;
	}
	return "unknown";
}

/* Working days in (due, until], at least 1: until is after due. */
static int days_after(const struct calendar *cal, struct ob_date due, struct ob_date until,
                      int *out, struct ob_err *err)
{
	int n;

	if (calendar_count_workdays(cal, date_add_days(due, 1), until, &n, err) != 0)
		return -1;
	*out = n > 0 ? n : 1;
	return 0;
}

int deadline_status(const struct calendar *cal, struct ob_date due, const struct ob_date *posted,
                    struct ob_date today, struct deadline_status *st, struct ob_err *err)
{
	if (st == NULL) {
		ob_err_set(err, "argument", 0, "deadline_status: no result");
		return -1;
	}
	st->state = DEADLINE_UNKNOWN;
	st->late_days = 0;
	if (!date_valid(due) || !date_valid(today) || (posted != NULL && !date_valid(*posted))) {
		ob_err_set(err, "date-invalid", 0, "deadline_status: a date is invalid");
		return -1;
	}
	if (posted != NULL) {
		if (date_cmp(*posted, due) <= 0) {
			st->state = DEADLINE_ON_TIME;
			return 0;
		}
		st->state = DEADLINE_LATE;
		if (days_after(cal, due, *posted, &st->late_days, err) != 0)
			st->state = DEADLINE_UNKNOWN;
		return st->state == DEADLINE_UNKNOWN ? -1 : 0;
	}
	/* The term runs to the end of the due day: on that day it is pending. */
	if (date_cmp(today, due) <= 0) {
		st->state = DEADLINE_PENDING;
		return 0;
	}
	st->state = DEADLINE_MISSING;
	if (days_after(cal, due, today, &st->late_days, err) != 0)
		st->state = DEADLINE_UNKNOWN;
	return st->state == DEADLINE_UNKNOWN ? -1 : 0;
}
