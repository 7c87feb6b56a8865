/* What the compliance pages (issue 5.3; P-5, P-7, P-10, G) show of
 * core/db_compliance.h, shared by obgen's pages
 * (generator/page_compliance.c) and the benchmark's Hugo export
 * (tests/bench/hugo_export.c) so that both name, list and describe the
 * rows alike: /L/compliance/ sums up every rule, /L/compliance/NAME.html
 * lists one rule's exceptions. */
#ifndef OB_COMPLIANCE_PAGES_H
#define OB_COMPLIANCE_PAGES_H

#include "db_compliance.h"

/* The name of a rule's page: "p-5", "p-7", "p-10", "g"; "index" (the
 * summary) for anything else. */
const char *compliance_page_name(int rule);

/* Adds administrator ad's counts under rule (per state) to total and
 * returns how many rows it has under the rule: 0 leaves it off the rule's
 * summary and page. */
int compliance_admin_add(const struct compliance_admin *ad, int rule,
                         int total[DEADLINE_MISSING + 1]);

/* 1 when a rule's page lists row r of that rule: the exceptions only (late,
 * missing, not computable).  On-time and not-yet-due documents are counted
 * on the summary: listing them all made a page of every report of every
 * program. */
int compliance_page_lists(const struct compliance_row *r, int rule);

/* The fields of row r after its administrator and document, in the order
 * shown: year, program, period, received, due, posted (each when known),
 * state (deadline_state_name), days (the working days late or overdue,
 * when any).  fn receives each key and its value as text; number is 1 for
 * a number (year, days), 0 for a string. */
void compliance_row_fields(const struct compliance_row *r,
                           void (*fn)(const char *key, const char *value, int number, void *arg),
                           void *arg);

#endif
