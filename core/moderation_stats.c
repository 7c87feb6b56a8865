/* P-15: the figures of moderation (moderation_stats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "db_site_discussion.h"
#include "deadline.h"
#include "moderation_stats.h"
#include "nonce.h"

const char *const modstats_reasons[MODSTATS_REASONS] = {
	"obscene", "insulting", "advertising", "spam", "off-topic", "duplicate", "other"
};

struct load {
	struct modstats *m;
	struct ob_err *err;
};

static int nomem(struct ob_err *err)
{
	ob_err_set(err, "io", 0, "out of memory");
	return -1;
}

static int series_add(struct modstats_series *s, double v)
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

const char *modstats_median(struct modstats_series *s, char buf[32])
{
	double m;

	if (s->n == 0)
		return NULL;
	qsort(s->v, s->n, sizeof *s->v, by_value);
	m = s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
	snprintf(buf, 32, "%.1f", m);
	return buf;
}

/* P-15: working days from the day after receipt to the decision day, and
 * whether the decision came after the due day; -1 when the calendar lacks
 * a year. */
static int timing(const struct calendar *cal, const char *day, const char *decided, int *wd,
                  int *late)
{
	struct ob_date r, d, due;
	struct ob_err e = { 0 };

	if (date_parse(day ? day : "", &r) != 0 || date_parse(decided ? decided : "", &d) != 0 ||
	    deadline_moderation_due(cal, r, &due, &e) != 0)
		return -1;
	*late = date_cmp(d, due) > 0;
	*wd = 0;
	if (date_cmp(d, r) > 0 && calendar_count_workdays(cal, date_add_days(r, 1), d, wd, &e) != 0)
		return -1;
	return 0;
}

static struct modstats_op *op_get(struct modstats *m, const char *iin)
{
	for (size_t i = 0; i < m->nops; i++)
		if (strcmp(m->ops[i].iin, iin) == 0)
			return &m->ops[i];
	if (m->nops == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 8;
		struct modstats_op *p = realloc(m->ops, cap * sizeof *p);

		if (p == NULL)
			return NULL;
		m->ops = p;
		m->cap = cap;
	}
	memset(&m->ops[m->nops], 0, sizeof m->ops[0]);
	snprintf(m->ops[m->nops].iin, sizeof m->ops[0].iin, "%s", iin);
	pseudonym(m->key, iin, m->ops[m->nops].who);
	return &m->ops[m->nops++];
}

/* One decision, counted for its operator and for all. */
static int on_decision(const struct stats_decision *d, void *arg)
{
	struct load *ld = arg;
	struct modstats *m = ld->m;
	struct modstats_op *o = op_get(m, d->operator_iin ? d->operator_iin : "");
	struct modstats_op *both[2] = { o, &m->all };
	long long t0 = ob_time_parse(d->received), t1 = ob_time_parse(d->decided);
	int wd = 0, late = 0, known = timing(m->cal, d->day, d->decided_day, &wd, &late) == 0;

	if (o == NULL)
		return nomem(ld->err);
	m->incomplete |= !known;
	for (int k = 0; k < 2; k++) {
		struct modstats_op *p = both[k];

		p->decisions++;
		if (strcmp(d->decision, "publish") == 0)
			p->published++;
		else
			p->refused++;
		for (int i = 0; i < MODSTATS_REASONS; i++)
			if (d->reason != NULL && strcmp(d->reason, modstats_reasons[i]) == 0)
				p->reason[i]++;
		if (t0 >= 0 && t1 >= t0 && series_add(&p->minutes, (double)(t1 - t0) / 60) != 0)
			return nomem(ld->err);
		if (known && series_add(&p->workdays, wd) != 0)
			return nomem(ld->err);
		p->overdue += known && late;
		p->unknown += !known;
	}
	return 0;
}

/* P-15: a proposal awaiting moderation is overdue once its due day has
 * passed. */
static int on_pending(const char *day, void *arg)
{
	struct load *ld = arg;
	struct modstats *m = ld->m;
	struct ob_date r, due;
	struct ob_err e = { 0 };

	m->pending++;
	if (date_parse(day ? day : "", &r) != 0 || deadline_moderation_due(m->cal, r, &due, &e) != 0) {
		m->pending_unknown++;
		m->incomplete = 1;
	} else if (date_cmp(m->today, due) > 0) {
		m->pending_overdue++;
	}
	return 0;
}

static int by_pseudonym(const void *a, const void *b)
{
	return strcmp(((const struct modstats_op *)a)->who, ((const struct modstats_op *)b)->who);
}

int modstats_load(struct store *st, struct modstats *m, struct ob_err *err)
{
	struct load ld = { m, err };

	if (db_stats_decisions(st, on_decision, &ld, err) != 0 ||
	    db_stats_pending(st, on_pending, &ld, err) != 0)
		return -1;
	if (m->nops > 0)
		qsort(m->ops, m->nops, sizeof *m->ops, by_pseudonym);
	return 0;
}

void modstats_free(struct modstats *m)
{
	for (size_t i = 0; i < m->nops; i++) {
		free(m->ops[i].minutes.v);
		free(m->ops[i].workdays.v);
	}
	free(m->ops);
	free(m->all.minutes.v);
	free(m->all.workdays.v);
	m->ops = NULL;
	m->nops = m->cap = 0;
	memset(&m->all, 0, sizeof m->all);
	memset(m->key, 0, sizeof m->key);
}
