/* The public figures of moderation (P-15), as the statistics page shows
 * them: per operator (named by the pseudonym of the operator's IIN, never
 * the IIN, core/nonce.h) and for all, the decisions, publications,
 * refusals by reason code, the median time from a proposal's receipt to
 * the decision in minutes and in working days, and the decisions made
 * after the deadline (the end of the 2nd working day after the day of
 * receipt, deadline_moderation_due()); plus the proposals still awaiting a
 * decision and how many of them are overdue today.  A figure that needs a
 * year the calendar lacks is not guessed: it is counted as unknown and the
 * tally is marked incomplete.
 *
 * One tally serves obgen's /L/stats/ (generator/page_stats.c) and the
 * benchmark's Hugo export (tests/bench/hugo_export.c), so both show the
 * same figures. */
#ifndef OB_MODERATION_STATS_H
#define OB_MODERATION_STATS_H

#include <stddef.h>

#include "date.h"
#include "db_submit.h"
#include "err.h"
#include "store.h"

struct calendar;

/* The refusal reason codes (moderation.reason), in the order shown. */
#define MODSTATS_REASONS 7
extern const char *const modstats_reasons[MODSTATS_REASONS];

struct modstats_series {
	double *v;
	size_t n, cap;
};

struct modstats_op {
	char iin[13], who[17];  /* who: pseudonym(iin); empty for the total */
	long long decisions, published, refused, reason[MODSTATS_REASONS];
	long long overdue;      /* decided after the due day */
	long long unknown;      /* the due day or the working days not computable */
	struct modstats_series minutes, workdays;
};

struct modstats {
	/* Set by the caller before modstats_load(). */
	const struct calendar *cal;
	struct ob_date today;
	unsigned char key[SECRET_LEN];  /* the "pseudonym" secret */
	int incomplete;                 /* may be set already: a calendar that did not load */
	/* The tally: the operators by pseudonym, and all of them. */
	struct modstats_op *ops, all;
	size_t nops, cap;
	long long pending, pending_overdue, pending_unknown;
};

/* Counts every moderation decision and every proposal awaiting one
 * (db_stats_decisions, db_stats_pending), then sorts the operators by
 * pseudonym.  0, or -1 with err (io: out of memory). */
int modstats_load(struct store *st, struct modstats *m, struct ob_err *err);

/* P-15: the median of a series as text with one decimal ("%.1f"), in buf;
 * NULL for an empty series.  Sorts the series. */
const char *modstats_median(struct modstats_series *s, char buf[32]);

/* Frees the tally (not the calendar) and clears the key. */
void modstats_free(struct modstats *m);

#endif
