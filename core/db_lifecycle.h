/* The end of public discussions in the store (schema/005_lifecycle.sql):
 * which discussions are due to close, what their final report says (P-17),
 * and the frozen reports themselves.  core/lifecycle.h uses these to close
 * discussions; obgen reads the stored reports.  Writing functions run in the
 * caller's transaction; each returns 0 (or a count), or -1 with err set
 * ("storage"). */
#ifndef OB_DB_LIFECYCLE_H
#define OB_DB_LIFECYCLE_H

#include <stddef.h>

#include "store.h"

/* A passport or implementation report whose discussion may have ended. */
struct lc_due {
	long long id;
	char kind[24], status[20], posted[11];
	char discussion_end[11];  /* "" when the document has none */
};

/* The passports and implementation reports in discussion or closed, with
 * no final report yet, whose last day of discussion is before `today`
 * (YYYY-MM-DD) or not set, by id.  *out is malloc'd (free it). */
int db_lifecycle_due(struct store *st, const char *today, struct lc_due **out, size_t *n,
                     struct ob_err *err);

/* P-9, P-10: status in-discussion becomes discussion-closed (votes and
 * proposals are refused from then on); a missing discussion_end is set to
 * `end`.  1 when the status changed, 0 when it was already closed. */
int db_lifecycle_close(struct store *st, long long id, const char *end, struct ob_err *err);

/* The header of the report (strings valid only during the callback;
 * NULL when absent). */
struct lc_header {
	long long id;
	const char *number, *kind, *posted, *discussion_end;
	int year;
	const char *title[2], *head[2];               /* [0] kk, [1] ru */
	const char *admin_code, *admin_bin, *level, *region;
	const char *admin_name[2], *level_name[2];
	const char *program_code, *program_name[2];
	long long votes_for, votes_against;           /* P-11: on the document */
};
/* 1 found (fn called once), 0 not, -1 error. */
int db_lifecycle_header(struct store *st, long long id,
                        int (*fn)(const struct lc_header *, void *), void *arg, struct ob_err *err);

/* One proposal of the document with its moderation, answer and votes. */
struct lc_row {
	long long proposal_id, part_id;
	const char *day;            /* the Almaty day it was received */
	const char *part_key, *part_title[2];
	const char *lang, *text;
	const char *status;         /* pending, published, refused */
	const char *mod_reason, *mod_justification, *mod_day;    /* NULL when not moderated */
	const char *answer_decision, *answer_lang, *answer_text, *answer_day;  /* NULL: none */
	long long votes_for, votes_against;
};
/* Every proposal of the document, in the order received; stops when fn
 * returns non-zero (that value is returned). */
int db_lifecycle_rows(struct store *st, long long id, int (*fn)(const struct lc_row *, void *),
                      void *arg, struct ob_err *err);

/* Stores a report unless the document has one: 1 stored, 0 already there. */
int db_final_report_insert(struct store *st, long long doc_id, int appendix, const char *reported,
                           const char *xml, size_t len, struct ob_err *err);

struct final_report {
	long long doc_id;
	int appendix;
	char reported[11];
	char *xml;                  /* db_final_report_get: malloc'd, NUL-terminated */
	size_t len;
};
/* 1 found (free out->xml), 0 not, -1 error.  Copies the record, so no
 * statement stays open: an open statement would hold the connection's read
 * snapshot, and obgen --watch would never see a newer change sequence. */
int db_final_report_get(struct store *st, long long doc_id, struct final_report *out,
                        struct ob_err *err);
/* The reports of public documents by doc_id (xml NULL, len its size). */
int db_final_report_list(struct store *st, int (*fn)(const struct final_report *, void *),
                         void *arg, struct ob_err *err);

/* Records `day` (date_to_days) as the last day the lifecycle ran: 1 when
 * it differs from the recorded one (a new day), 0 when the same. */
int db_lifecycle_day(struct store *st, long day, struct ob_err *err);

#endif
