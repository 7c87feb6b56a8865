/* The public discussion on the static site (issues 4 and 5; P-11,
 * P-13..P-17): the document page's <participation> (page_discussion.c),
 * its open data (data_discussion.c) and the statistics page of moderation
 * and answers (page_stats.c).  No page or file written here ever shows an
 * IIN, a name, or the text of a pending or refused proposal. */
#ifndef OB_GEN_DISCUSSION_H
#define OB_GEN_DISCUSSION_H

#include "date.h"
#include "gen.h"

/* Adds the discussion to a document page built by page_doc(): doc is its
 * <document> element, with its attributes and <parts> already in place.
 * Nothing is added to a document that is not discussed.  The same for both
 * languages: every text keeps its own (the page marks it). */
int page_discussion(struct gen *g, xmlNodePtr doc, struct ob_err *err);

/* Writes data/doc/SHARD/ID.discussion.xml and .csv for a document with any
 * proposal or vote (nothing otherwise), with each IIN replaced by its
 * pseudonym (core/nonce.h). */
int data_discussion(struct gen *g, long long id, struct ob_err *err);

/* /L/stats/: moderation per operator (P-15) and answers per administrator
 * (P-16). */
int page_stats(struct gen *g, int lang, struct ob_err *err);

/* The Asia/Almaty day of a stored UTC time "YYYY-MM-DDTHH:MM:SSZ"
 * (ob_time_parse); -1 when ts is malformed. */
int disc_utc_day(const char *ts, char out[DATE_STRLEN]);

/* Whether the discussion of a document is open on today: its status is
 * in-discussion and its last day is not past (P-9, P-10). */
int disc_open(const char *status, const char *end, const char *today);

#endif
