/* The end of public discussions (issue 5.2, 5.7).
 *
 * P-9, P-10: a passport's or implementation report's discussion runs to
 * the end of its last day (documents.discussion_end, at least 10 working
 * days after posting: core/deadline.h).  The day after, the document
 * becomes "discussion-closed": votes and proposals are refused and the
 * forms leave its page.
 *
 * P-17: at that moment the report on the results of the discussion is made
 * automatically, in the form of Appendix 1 (passports) or Appendix 2
 * (implementation reports) of the rules (shared/seeds/003_*.txt), and kept
 * as a frozen record in final_reports (schema/005_lifecycle.sql).  The
 * report is XML in namespace urn:obkz:report:1 holding every header field of
 * the form in both languages and one row per proposal with the 7 columns of
 * the form's table (docs/lifecycle.md describes the format).
 *
 * lifecycle_run is idempotent and catches up: a report is stored only when
 * the document has none, and every discussion that ended before today is
 * closed, however long ago, so a period that ended while nothing ran is
 * reported on the next run (its report date is that day). */
#ifndef OB_LIFECYCLE_H
#define OB_LIFECYCLE_H

#include <stddef.h>

#include "calendar.h"
#include "date.h"
#include "store.h"

#define LIFECYCLE_NS "urn:obkz:report:1"

/* Closes every discussion whose last day is before `today` and stores its
 * final report dated `today`, in the caller's transaction (obctl lifecycle,
 * obfcgi's lifecycle thread through the group commit).  The calendar gives
 * the end of a discussion that has none recorded (posting day + 10 working
 * days); such a document is skipped while its year has no calendar.  Each
 * document reported is touched (db_doc_touch) so obgen rebuilds its page.
 * The first run of a new day also bumps the change sequence: pages that
 * depend on the date (compliance) are rebuilt daily.
 * *n receives the number of reports made; 0, or -1 with err ("storage",
 * "nomem"). */
int lifecycle_run(struct store *st, const struct calendar *cal, struct ob_date today, int *n,
                  struct ob_err *err);

/* The final report of document doc_id as it stands now, dated `reported`:
 * malloc'd UTF-8 XML in *xml (free it), *appendix 1 or 2.  Reads only.
 * 0, or -1 with err ("not-found" for an unknown document or one that is
 * not a passport or implementation report). */
int lifecycle_report(struct store *st, long long doc_id, struct ob_date reported, char **xml,
                     size_t *len, int *appendix, struct ob_err *err);

#endif
