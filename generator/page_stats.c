/* /L/stats/: the public statistics of the discussion (issue 5.5).
 *   P-15, per operator (by the pseudonym of the operator's IIN: staff are
 *   not named): decisions, publications, refusals by reason code, the
 *   median time from a proposal's receipt to the decision in hours and in
 *   working days, and the decisions made after the deadline (the end of
 *   the 2nd working day after the day the proposal was received,
 *   core/deadline.h); plus the proposals still awaiting a decision and how
 *   many of them are overdue today.
 *   P-16, per administrator of the documents: published proposals,
 *   answered (accepted), answered after the discussion's last day,
 *   unanswered, and unanswered when the discussion ended.
 * Working days come from the calendar stored in the database
 * (core/db_calendar.h); a figure that needs a year with no calendar is not
 * guessed: it is left out and the page says so. */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "db_calendar.h"
#include "db_site_discussion.h"
#include "db_submit.h"
#include "deadline.h"
#include "discussion.h"
#include "nonce.h"

#define REASONS 7
static const char *const reasons[REASONS] = {
	"obscene", "insulting", "advertising", "spam", "off-topic", "duplicate", "other"
};

struct series {
	double *v;
	size_t n, cap;
};

struct op {
	char iin[13], who[17];
	long long decisions, published, refused, reason[REASONS], overdue, unknown;
	struct series minutes, workdays;
};

struct acc {
	struct op *ops, all;
	size_t nops, cap;
	struct calendar *cal;
	struct ob_date today;
	unsigned char key[SECRET_LEN];
	long long pending, pending_overdue, pending_unknown;
	int incomplete;    /* some figure needed a year with no calendar */
	struct ob_err *err;
};

static int nomem(struct ob_err *err)
{
	ob_err_set(err, "io", 0, "out of memory");
	return -1;
}

static int series_add(struct series *s, double v)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		double *p = realloc(s->v, cap * sizeof *p);

		if (p == NULL)
			return -1;
		s->v = p;
		s->cap = cap;
	}
	s->v[s->n++] = v;
	return 0;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median as text with one decimal, or NULL for an empty series. */
static const char *median(struct series *s, char buf[32])
{
	double m;

	if (s->n == 0)
		return NULL;
	qsort(s->v, s->n, sizeof *s->v, by_value);
	m = s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
	snprintf(buf, 32, "%.1f", m);
	return buf;
}

static struct op *op_get(struct acc *a, const char *iin)
{
	for (size_t i = 0; i < a->nops; i++)
		if (strcmp(a->ops[i].iin, iin) == 0)
			return &a->ops[i];
	if (a->nops == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 8;
		struct op *p = realloc(a->ops, cap * sizeof *p);

		if (p == NULL)
			return NULL;
		a->ops = p;
		a->cap = cap;
	}
	memset(&a->ops[a->nops], 0, sizeof a->ops[0]);
	snprintf(a->ops[a->nops].iin, sizeof a->ops[0].iin, "%s", iin);
	pseudonym(a->key, iin, a->ops[a->nops].who);
	return &a->ops[a->nops++];
}

/* P-15: working days from the day after receipt to the decision day, and
 * whether the decision came after the due day; -1 when the calendar lacks
 * a year. */
static int timing(const struct acc *a, const char *day, const char *decided, int *wd, int *late)
{
	struct ob_date r, d, due;
	struct ob_err e = { 0 };

	if (date_parse(day ? day : "", &r) != 0 || date_parse(decided ? decided : "", &d) != 0 ||
	    deadline_moderation_due(a->cal, r, &due, &e) != 0)
		return -1;
	*late = date_cmp(d, due) > 0;
	*wd = 0;
	if (date_cmp(d, r) > 0 && calendar_count_workdays(a->cal, date_add_days(r, 1), d, wd, &e) != 0)
		return -1;
	return 0;
}

static int on_decision(const struct stats_decision *d, void *arg)
{
	struct acc *a = arg;
	struct op *o = op_get(a, d->operator_iin ? d->operator_iin : "");
	struct op *both[2] = { o, &a->all };
	long long t0 = disc_utc_time(d->received), t1 = disc_utc_time(d->decided);
	int wd = 0, late = 0, known = timing(a, d->day, d->decided_day, &wd, &late) == 0;

	if (o == NULL)
		return nomem(a->err);
	a->incomplete |= !known;
	for (int k = 0; k < 2; k++) {
		struct op *p = both[k];

		p->decisions++;
		if (strcmp(d->decision, "publish") == 0)
			p->published++;
		else
			p->refused++;
		for (int i = 0; i < REASONS; i++)
			if (d->reason != NULL && strcmp(d->reason, reasons[i]) == 0)
				p->reason[i]++;
		if (t0 >= 0 && t1 >= t0 && series_add(&p->minutes, (double)(t1 - t0) / 60) != 0)
			return nomem(a->err);
		if (known && series_add(&p->workdays, wd) != 0)
			return nomem(a->err);
		p->overdue += known && late;
		p->unknown += !known;
	}
	return 0;
}

/* A proposal awaiting moderation is overdue once its due day has passed. */
static int on_pending(const char *day, void *arg)
{
	struct acc *a = arg;
	struct ob_date r, due;
	struct ob_err e = { 0 };

	a->pending++;
	if (date_parse(day ? day : "", &r) != 0 || deadline_moderation_due(a->cal, r, &due, &e) != 0) {
		a->pending_unknown++;
		a->incomplete = 1;
	} else if (date_cmp(a->today, due) > 0) {
		a->pending_overdue++;
	}
	return 0;
}

static void op_xml(xmlNodePtr parent, const char *name, struct op *o)
{
	xmlNodePtr n = x_el(parent, name, NULL);
	char buf[32];

	if (o->who[0] != '\0')
		x_attr(n, "pseudonym", o->who);
	x_int(n, "decisions", o->decisions);
	x_int(n, "published", o->published);
	x_int(n, "refused", o->refused);
	x_attr(n, "median-minutes", median(&o->minutes, buf));
	x_attr(n, "median-workdays", median(&o->workdays, buf));
	x_int(n, "overdue", o->overdue);
	x_int(n, "unknown", o->unknown);
	for (int i = 0; i < REASONS; i++) {
		xmlNodePtr r = x_el(n, "reason", NULL);

		x_attr(r, "code", reasons[i]);
		x_int(r, "count", o->reason[i]);
	}
}

static int by_pseudonym(const void *a, const void *b)
{
	return strcmp(((const struct op *)a)->who, ((const struct op *)b)->who);
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

static void acc_free(struct acc *a)
{
	for (size_t i = 0; i < a->nops; i++) {
		free(a->ops[i].minutes.v);
		free(a->ops[i].workdays.v);
	}
	free(a->ops);
	free(a->all.minutes.v);
	free(a->all.workdays.v);
	calendar_free(a->cal);
	memset(a->key, 0, sizeof a->key);
}

int page_stats(struct gen *g, int lang, struct ob_err *err)
{
	struct acc a = { .err = err };
	struct answers an = { .g = g, .lang = lang };
	struct ob_err cal_err = { 0 };
	char path[32], today[DATE_STRLEN];
	xmlNodePtr root, st, mod;
	xmlDocPtr doc;
	int rc = -1;

	snprintf(path, sizeof path, "%s/stats/", gen_lang[lang]);
	doc = page_new(g, "stats", lang, path, &root);
	if (ob_today(&a.today) != 0) {
		ob_err_set(err, "clock", 0, "cannot tell today's date (OB_TODAY?)");
		goto out;
	}
	date_format(a.today, today);
	if ((a.cal = calendar_new()) == NULL) {
		nomem(err);
		goto out;
	}
	/* A stored calendar that fails its checks is treated as missing: the
	 * figures that need it are left out, the rest of the site is built. */
	if (db_calendar_load(g->st, a.cal, &cal_err) != 0)
		a.incomplete = 1;
	if (db_secret(g->st, "pseudonym", a.key, err) != 0 ||
	    db_stats_decisions(g->st, on_decision, &a, err) != 0 ||
	    db_stats_pending(g->st, on_pending, &a, err) != 0)
		goto out;
	qsort(a.ops, a.nops, sizeof *a.ops, by_pseudonym);
	st = x_el(root, "stats", NULL);
	x_attr(st, "today", today);
	if (a.incomplete)
		x_attr(st, "calendar", "incomplete");
	mod = x_el(st, "moderation", NULL);
	x_int(mod, "pending", a.pending);
	x_int(mod, "pending-overdue", a.pending_overdue);
	x_int(mod, "pending-unknown", a.pending_unknown);
	op_xml(mod, "total", &a.all);
	for (size_t i = 0; i < a.nops; i++)
		op_xml(mod, "operator", &a.ops[i]);
	an.sec = x_el(st, "answers", NULL);
	if (db_stats_answers(g->st, today, on_answers, &an, err) != 0)
		goto out;
	answers_attrs(x_el(an.sec, "total", NULL), &an.sum);
	rc = gen_render(g, "stats", doc, path, err);
	doc = NULL;
out:
	xmlFreeDoc(doc);
	acc_free(&a);
	return rc;
}
