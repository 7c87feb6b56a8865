/* The deadlines of the rules, computed on the working-day calendar
 * (core/calendar.h): pure functions, no SQL, no clock (today is an
 * argument).  docs/calendar.md, "Deadlines", explains every reading.
 *
 * Conventions, shared by every function here:
 *   - A term of N working days after an event ends at the end (24:00
 *     Asia/Almaty) of the N-th working day strictly after the event's day:
 *     calendar_add_workdays(cal, event, N).  The day of the event never
 *     counts, whatever the hour and whether or not it is a working day.
 *   - A deadline fixed as a date (P-5 "by 5 July", P-10 "no later than
 *     1 April", G "by the 20th") that falls on a day off moves to the next
 *     working day (calendar_next_workday).
 *   - A due date is the last day on which posting is on time.
 *   - A date in a year with no loaded calendar is an error, code
 *     "calendar-missing", never a guess from weekends alone.
 *
 * Error codes (struct ob_err): calendar-missing, date-invalid, argument
 * (from core/calendar.h), discussion-too-short (deadline_discussion_check),
 * period-invalid (deadline_period_parse, a G period that is not YYYY-MM). */
#ifndef OB_DEADLINE_H
#define OB_DEADLINE_H

#include "calendar.h"
#include "date.h"
#include "err.h"

/* The terms the rules fix, in working days. */
#define DEADLINE_DISCUSSION_DAYS 10 /* P-9, P-10: the shortest public discussion */
#define DEADLINE_AUDIT_DAYS 15      /* P-7: posting audit results after receipt */
#define DEADLINE_MODERATION_DAYS 2  /* P-15: the operator's check of a proposal */

/* ---- public discussion (P-9, P-10, P-15, P-16) ---------------------------- */

/* P-9, P-10: the earliest allowed last day of the discussion of a document
 * posted on `posted`: the 10th working day strictly after the posting day.
 * The discussion opens on the posting day, and the posting day is not one
 * of the ten: a passport posted at 18:00 would otherwise get nine working
 * days and an evening.  So ten full working days are always open after the
 * posting day, and a document posted on a Saturday or a holiday gets the
 * same ten as one posted the working day before.  Posted Friday 7 March 2025
 * (10 March is the art. 85 day off, 21-25 March Nauryz): *end = 27 March
 * 2025, and the discussion runs to the end of that day. */
int deadline_discussion_min_end(const struct calendar *cal, struct ob_date posted,
                                struct ob_date *end, struct ob_err *err);

/* P-9, P-10: accepts requested_end (the discussion's last day) when it is
 * not before deadline_discussion_min_end; *earliest receives that minimum
 * either way (it may be NULL).  Refused with code "discussion-too-short" and
 * a message naming the earliest allowed date; other codes when the minimum
 * cannot be computed (calendar-missing). */
int deadline_discussion_check(const struct calendar *cal, struct ob_date posted,
                              struct ob_date requested_end, struct ob_date *earliest,
                              struct ob_err *err);

/* P-15: the operator publishes or refuses a proposal by the end of the 2nd
 * working day after the day it was received. */
int deadline_moderation_due(const struct calendar *cal, struct ob_date received,
                            struct ob_date *due, struct ob_err *err);

/* P-16: the administrator answers each published proposal during the
 * discussion period, so the answer is due by the discussion's last day:
 * *due = discussion_end (no calendar: the end is already a date of the
 * discussion).  date-invalid for an invalid date. */
int deadline_answer_due(struct ob_date discussion_end, struct ob_date *due, struct ob_err *err);

/* ---- publication deadlines (P-5, P-7, P-10, G) ----------------------------- */

enum deadline_rule {
	DEADLINE_P5 = 1, /* financial-statements: by 5 July of the year after the reported year */
	DEADLINE_P7,     /* audit-result: 15 working days after received */
	DEADLINE_P10,    /* implementation-report: by 1 April of the year after the reported year */
	DEADLINE_G       /* grant-report: by the 20th of the month after the reported month */
};
#define DEADLINE_RULES 4 /* DEADLINE_P5 .. DEADLINE_G */

/* The rule of a documents.kind ("financial-statements" -> DEADLINE_P5,
 * "audit-result" -> DEADLINE_P7, "implementation-report" -> DEADLINE_P10,
 * "grant-report" -> DEADLINE_G); 0 for a kind with no publication deadline
 * (passports are discussed, not due; budget reporting and the citizen
 * budget follow the Budget Code's own terms). */
enum deadline_rule deadline_rule_of_kind(const char *kind);

/* "P-5", "P-7", "P-10", "G"; "?" for anything else. */
const char *deadline_rule_id(enum deadline_rule rule);
/* The documents.kind of a rule, deadline_rule_of_kind's inverse; "" for
 * anything else. */
const char *deadline_rule_kind(enum deadline_rule rule);

/* What a rule's deadline depends on: the columns of the documents table. */
struct deadline_doc {
	int year;                      /* P-5, P-10: documents.year, the fiscal year reported on */
	struct ob_date received;       /* P-7: documents.received */
	int period_year, period_month; /* G: documents.period, the month reported on */
};

/* The due date (the last day on time) of a document under `rule`:
 *   P-5:  5 July of year + 1.  RULES.md: "by 5 July of the current fiscal
 *         year": the consolidated statements of year Y are made after Y
 *         closes, so the current year is Y + 1 (as the demo data posts them);
 *   P-7:  calendar_add_workdays(received, 15);
 *   P-10: 1 April of year + 1 ("the year after the reporting year");
 *   G:    the 20th of the month after period_year-period_month;
 * the fixed dates moved to the next working day when they fall on a day
 * off.  Codes: calendar-missing, date-invalid, argument (unknown rule, year
 * out of range, month not 1..12). */
int deadline_due(const struct calendar *cal, enum deadline_rule rule,
                 const struct deadline_doc *doc, struct ob_date *due, struct ob_err *err);

/* Strict "YYYY-MM" (documents.period, G) into *year and *month; -1 with
 * code period-invalid otherwise. */
int deadline_period_parse(const char *s, int *year, int *month, struct ob_err *err);

enum deadline_state {
	DEADLINE_UNKNOWN = 0, /* never returned by deadline_status: a compliance row
	                       * whose due date could not be computed */
	DEADLINE_PENDING,     /* not posted, and today is not after the due date */
	DEADLINE_ON_TIME,     /* posted on or before the due date */
	DEADLINE_LATE,        /* posted after the due date */
	DEADLINE_MISSING      /* not posted, and the due date has passed */
};

/* "pending", "on-time", "late", "missing", "unknown". */
const char *deadline_state_name(enum deadline_state st);

struct deadline_status {
	enum deadline_state state;
	/* LATE: the working days from the day after the due date up to and
	 * including the posting day; MISSING: the same up to and including
	 * today (overdue so far).  At least 1 in both: a document posted on the
	 * Saturday after a Friday deadline is late by 1, not by 0.  0 for
	 * PENDING and ON_TIME. */
	int late_days;
};

/* The status of a document due on `due`: posted is its posting date, or
 * NULL when it is not posted (absent, or a draft); today is ob_today() in
 * the portal, an argument here so tests and reports can fix it.  Counting
 * late days needs the calendar of every year from due to the posting day
 * (or today): calendar-missing otherwise.  On error st->state is
 * DEADLINE_UNKNOWN. */
int deadline_status(const struct calendar *cal, struct ob_date due, const struct ob_date *posted,
                    struct ob_date today, struct deadline_status *st, struct ob_err *err);

#endif
