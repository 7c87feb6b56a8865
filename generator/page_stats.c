/* /L/stats/: the public statistics of the discussion (issue 5.5).
 *   P-15, per operator (by the pseudonym of the operator's IIN: staff are
 *   not named): decisions, publications, refusals by reason code, the
 *   median time from a proposal's receipt to the decision in hours and in
 *   working days, and the decisions made after the deadline (the end of
 *   the 2nd working day after the day the proposal was received,
 *   core/deadline.h); plus the proposals still awaiting a decision and how
 *   many of them are overdue today.  The tally is core/moderation_stats.h,
 *   shared with the benchmark's Hugo export.
 *   P-16, per administrator of the documents: published proposals,
 *   answered (accepted), answered after the discussion's last day,
 *   unanswered, and unanswered when the discussion ended.
 * Working days come from the calendar stored in the database
 * (core/db_calendar.h); a figure that needs a year with no calendar is not
 * guessed: it is left out and the page says so. */
#include <stdio.h>

#include "calendar.h"
#include "clock.h"
#include "db_calendar.h"
#include "db_site_discussion.h"
#include "db_submit.h"
#include "discussion.h"
#include "moderation_stats.h"

static void op_xml(xmlNodePtr parent, const char *name, struct modstats_op *o)
{
	xmlNodePtr n = x_el(parent, name, NULL);
	char buf[32];

	if (o->who[0] != '\0')
		x_attr(n, "pseudonym", o->who);
	x_int(n, "decisions", o->decisions);
	x_int(n, "published", o->published);
	x_int(n, "refused", o->refused);
	x_attr(n, "median-minutes", modstats_median(&o->minutes, buf));
	x_attr(n, "median-workdays", modstats_median(&o->workdays, buf));
	x_int(n, "overdue", o->overdue);
	x_int(n, "unknown", o->unknown);
	for (int i = 0; i < MODSTATS_REASONS; i++) {
		xmlNodePtr r = x_el(n, "reason", NULL);

		x_attr(r, "code", modstats_reasons[i]);
		x_int(r, "count", o->reason[i]);
	}
}

struct answers {
	struct gen *g;
	int lang;
	xmlNodePtr sec;
	struct stats_answers sum;
};

static void answers_attrs(xmlNodePtr n, const struct stats_answers *s)
{
	x_int(n, "published", s->published);
	x_int(n, "answered", s->answered);
	x_int(n, "accepted", s->accepted);
	x_int(n, "late", s->late);
	x_int(n, "unanswered", s->unanswered);
	x_int(n, "unanswered-ended", s->unanswered_ended);
}

static int on_answers(const struct stats_answers *s, void *arg)
{
	struct answers *an = arg;
	xmlNodePtr n = x_el(an->sec, "administrator", NULL);

	answers_attrs(n, s);
	x_admin(n, an->g, s->admin_id, an->lang);
	an->sum.published += s->published;
	an->sum.answered += s->answered;
	an->sum.accepted += s->accepted;
	an->sum.late += s->late;
	an->sum.unanswered += s->unanswered;
	an->sum.unanswered_ended += s->unanswered_ended;
	return 0;
}

int page_stats(struct gen *g, int lang, struct ob_err *err)
{
	struct modstats m = { .cal = NULL };
	struct calendar *cal = NULL;
	struct answers an = { .g = g, .lang = lang };
	struct ob_err cal_err = { 0 };
	char path[32], today[DATE_STRLEN];
	xmlNodePtr root, st, mod;
	xmlDocPtr doc;
	int rc = -1;

	snprintf(path, sizeof path, "%s/stats/", gen_lang[lang]);
	doc = page_new(g, "stats", lang, path, &root);
	if (ob_today(&m.today) != 0) {
		ob_err_set(err, "clock", 0, "cannot tell today's date (OB_TODAY?)");
		goto out;
	}
	date_format(m.today, today);
	if ((m.cal = cal = calendar_new()) == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		goto out;
	}
	/* A stored calendar that fails its checks is treated as missing: the
	 * figures that need it are left out, the rest of the site is built. */
	if (db_calendar_load(g->st, cal, &cal_err) != 0)
		m.incomplete = 1;
	if (db_secret(g->st, "pseudonym", m.key, err) != 0 || modstats_load(g->st, &m, err) != 0)
		goto out;
	st = x_el(root, "stats", NULL);
	x_attr(st, "today", today);
	if (m.incomplete)
		x_attr(st, "calendar", "incomplete");
	mod = x_el(st, "moderation", NULL);
	x_int(mod, "pending", m.pending);
	x_int(mod, "pending-overdue", m.pending_overdue);
	x_int(mod, "pending-unknown", m.pending_unknown);
	op_xml(mod, "total", &m.all);
	for (size_t i = 0; i < m.nops; i++)
		op_xml(mod, "operator", &m.ops[i]);
	an.sec = x_el(st, "answers", NULL);
	if (db_stats_answers(g->st, today, on_answers, &an, err) != 0)
		goto out;
	answers_attrs(x_el(an.sec, "total", NULL), &an.sum);
	rc = gen_render(g, "stats", doc, path, err);
	doc = NULL;
out:
	xmlFreeDoc(doc);
	modstats_free(&m);
	calendar_free(cal);
	return rc;
}
