/* A budget program's history across years, as its page shows it: the
 * indicators of its passports (P-9), each matched across years by kind,
 * subprogram and both names, and its plan against execution from the
 * total rows of its implementation reports (P-10).  A later passport or
 * report of the same year replaces the earlier one's values.
 *
 * One merge serves obgen's program page (generator/page_program.c) and the
 * benchmark's Hugo export (tests/bench/hugo_export.c), so both show the
 * same history. */
#ifndef OB_PROGRAM_HISTORY_H
#define OB_PROGRAM_HISTORY_H

#include <stddef.h>

#include "err.h"

struct db_site;

/* The values of an indicator in one year: site_indicator's v[] and has[]
 * (actual, plan, plan1, plan2, plan3). */
struct ph_value {
	int year;
	int has[5];
	long long v[5];
};

struct ph_indicator {
	char *kind;
	char *subprogram;        /* as the first row gave it: NULL for none */
	char *name[2], *unit[2]; /* kk, ru; a unit may be NULL */
	struct ph_value *vals;   /* ascending years, one per year it appears in */
	size_t nvals, cap;
};

/* The total row of the year's latest implementation report. */
struct ph_execution {
	int year;
	long long approved, corrected, executed, savings, under_execution;
};

struct program_history {
	int *years;                 /* every year with an indicator, ascending */
	size_t nyears, ycap;
	struct ph_indicator *ids;   /* in the order first seen */
	size_t nids, icap;
	struct ph_execution *exec;  /* ascending years */
	size_t nexec, ecap;
	long long max;              /* the largest plan (corrected) or execution: scales the chart */
};

/* Reads program's history into *h (zeroed first).  0, or -1 with err;
 * program_history_free() either way. */
int program_history_load(struct db_site *s, long long program, struct program_history *h,
                         struct ob_err *err);
void program_history_free(struct program_history *h);

#endif
