/* Compliance with the publication deadlines (issue 5.3): for every budget
 * program administrator and every rule with a deadline (P-5, P-7, P-10, G),
 * the documents due, each with its due date and status (on time / late by
 * N working days / missing / pending), computed with core/deadline.h from
 * the documents table, the working-day calendar and "today".  `obctl
 * compliance` prints it; the public compliance page is built from it.
 *
 * Usage (a reader, e.g. the page generator):
 *
 *     struct calendar *cal = calendar_new();
 *     struct compliance *c = NULL;
 *     struct ob_date today;
 *
 *     if (ob_today(&today) != 0 || db_calendar_load(st, cal, &err) != 0 ||
 *         db_compliance_load(st, cal, today, &c, &err) != 0)
 *             goto fail;
 *     for (size_t a = 0; a < c->nadmins; a++) {
 *             const struct compliance_admin *ad = &c->admins[a];
 *
 *             for (size_t i = ad->first; i < ad->first + ad->nrows; i++) {
 *                     const struct compliance_row *r = &c->rows[i];
 *                     ... r->rule, r->number, r->due, r->status ...
 *             }
 *     }
 *     compliance_free(c);
 *     calendar_free(cal);
 *
 * Which documents are due (docs/calendar.md, "Compliance"):
 *   - every document of kind financial-statements (P-5), audit-result
 *     (P-7), implementation-report (P-10) or grant-report (G) in the
 *     database is a row, whatever its status; a draft counts as not posted;
 *   - and a row with doc_id 0 (not in the database) for each document a
 *     rule expects and nobody has posted, once the period it reports on has
 *     ended (before today's year for P-5 and P-10, before today's month for G):
 *       P-10 each program with a passport for the fiscal year: a report
 *            of the same administrator, program and year;
 *       P-5  consolidated statements of each republican administrator
 *            (administrators.level = 'republican') for each fiscal year
 *            it has a passport for (it ran republican programs that year);
 *       G    each month from an administrator's first grant report on;
 *     an expected document whose deadline falls in a year before the first
 *     loaded calendar year is not listed (there is no calendar to judge it
 *     by).  P-7 has no such rows: only the document says when the results
 *     were received.
 *   A row whose due date or late days cannot be computed (its year has no
 *   calendar, a malformed date) has status DEADLINE_UNKNOWN and says why in
 *   err_code/err_msg; the rest of the list is unaffected.
 *
 * The result is a snapshot: it does not refer to the store or the calendar
 * after the call. */
#ifndef OB_DB_COMPLIANCE_H
#define OB_DB_COMPLIANCE_H

#include <stddef.h>

#include "calendar.h"
#include "deadline.h"
#include "store.h"

struct compliance_row {
	enum deadline_rule rule;
	size_t admin;             /* index into compliance.admins */
	long long doc_id;         /* documents.id; 0: expected, not in the database */
	char number[65];          /* documents.number; "" when doc_id is 0 */
	char doc_status[20];      /* documents.status (draft, published, ...); "" when doc_id is 0 */
	int year;                 /* documents.year; P-5, P-10: the fiscal year reported on */
	long long program_id;     /* P-10: the program (documents.program_id), 0 when none */
	char program[4];          /* P-10: its 3-digit code, "" when none */
	char period[8];           /* G: the month reported on, YYYY-MM; "" for other rules */
	struct ob_date received;  /* P-7: documents.received; {0, 0, 0} for other rules */
	struct ob_date posted;    /* documents.posted; {0, 0, 0} when not posted (absent or draft) */
	struct ob_date due;       /* the last day on time; {0, 0, 0} when it could not be computed */
	struct deadline_status status;  /* state and late days (deadline.h) */
	char err_code[40];        /* UNKNOWN only: calendar-missing, date-invalid, period-invalid */
	char err_msg[256];
};

struct compliance_admin {
	long long id;             /* administrators.id */
	char code[4];             /* the 3-digit administrator code */
	char region[10];          /* KATO of its region; "" for a central body */
	char level[12];           /* republican, regional, city, district */
	char *name_kk, *name_ru;
	size_t first, nrows;      /* its rows: compliance.rows[first .. first + nrows) */
	/* count[rule][state]: rows per rule (DEADLINE_P5 .. DEADLINE_G) and
	 * state (DEADLINE_UNKNOWN .. DEADLINE_MISSING); count[0][*] is unused. */
	int count[DEADLINE_RULES + 1][DEADLINE_MISSING + 1];
};

struct compliance {
	struct ob_date today;             /* the day the statuses are computed for */
	struct compliance_admin *admins;  /* every administrator, by code then region */
	size_t nadmins;
	/* Grouped by administrator (in the order of admins), then by rule
	 * (P-5, P-7, P-10, G), then by the year, period or receipt date, the
	 * program code, the number. */
	struct compliance_row *rows;
	size_t nrows;
};

/* Builds the compliance data as of `today` (normally ob_today()) on the
 * calendar cal (normally db_calendar_load()).  Reads only, all in one read
 * snapshot (a savepoint: inside the caller's transaction, if any); works
 * on a STORE_RDONLY store.
 * 0 and *out (free it with compliance_free) on success; -1 with err set
 * (storage, nomem, date-invalid for an invalid today). */
int db_compliance_load(struct store *st, const struct calendar *cal, struct ob_date today,
                       struct compliance **out, struct ob_err *err);

void compliance_free(struct compliance *c);

#endif
