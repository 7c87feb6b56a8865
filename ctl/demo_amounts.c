/* obctl demo: the amounts.  The two republican budgets at their real
 * totals are spread over the functional groups by fgroups.txt, then over
 * the republican programs of each group by their weights, exact to the
 * thousand; execution to the tenge.  Other years and local programs follow
 * a trend from their base, with a little noise fixed by the seed. */
#include <stdio.h>
#include <stdlib.h>

#include "demo_int.h"

/* Months of a budget year reported by today: month M is reported on the
 * 15th of the next month. */
static int months_reported(const struct demo *d, int y)
{
	int m = 0;

	while (m < 12 && demo_day(y + (m + 1) / 12, (m + 1) % 12 + 1, 15) <= d->tday)
		m++;
	return m;
}

/* The republican budget of one year: the total over the groups by
 * fgroups.txt (jittered a little per year), each group over its republican
 * programs; every sum exact to the thousand. */
static int budget_build(struct demo *d, int k)
{
	const struct demo_list *fl = &d->l[L_FGROUPS];
	long long total = k == 0 ? DEMO_TOTAL_Y1 : DEMO_TOTAL_Y2, share[DEMO_NFG + 1] = { 0 }, sum = 0;
	int year = k == 0 ? DEMO_Y1 : DEMO_Y2, big = 1, *w = NULL, rc = -1;
	size_t *idx = NULL;

	for (size_t i = 0; i < fl->n; i++) {
		int g = atoi(DEMO_F(fl, i, 0));

		if (g >= 1 && g <= DEMO_NFG)
			share[g] = atoll(DEMO_F(fl, i, 1)) * (950 + (long long)(demo_hash(d->seed, 7, (uint64_t)g, (uint64_t)year) % 101));
	}
	for (int g = 1; g <= DEMO_NFG; g++) {
		if (share[g] <= 0) {
			fprintf(stderr, "obctl demo: %s: no share for functional group %d\n", fl->file, g);
			return -1;
		}
		sum += share[g];
		if (share[g] > share[big])
			big = g;
	}
	d->months[k] = months_reported(d, year);
	if ((w = malloc(d->nprog * sizeof *w)) == NULL || (idx = malloc(d->nprog * sizeof *idx)) == NULL)
		goto out;
	{
		long long used = 0;

		for (int g = 1; g <= DEMO_NFG; g++) {
			d->gplan[k][g] = total / sum * share[g] + total % sum * share[g] / sum;
			used += d->gplan[k][g];
		}
		d->gplan[k][big] += total - used;
	}
	for (int g = 1; g <= DEMO_NFG; g++) {
		size_t n = 0;
		long long *part;

		for (size_t p = 0; p < d->nprog; p++)
			if (d->prog[p].fg == g && d->adm[d->prog[p].admin].level == LV_REPUBLICAN) {
				idx[n] = p;
				w[n++] = (int)(d->prog[p].base / 1000 + 1);
			}
		if (n == 0) {
			fprintf(stderr, "obctl demo: no central body has a program in functional group %d (central.txt)\n", g);
			goto out;
		}
		if ((part = malloc(n * sizeof *part)) == NULL)
			goto out;
		demo_split(d->gplan[k][g], w, (int)n, part);
		d->gexec[k][g] = 0;
		for (size_t i = 0; i < n; i++) {
			d->plan[k][idx[i]] = part[i];
			d->exec[k][idx[i]] = d->months[k] == 0 ? 0 : demo_exec(d, idx[i], year);
			if (d->months[k] < 12) /* spending runs a little behind the calendar */
				d->exec[k][idx[i]] = d->exec[k][idx[i]] / 12 * d->months[k] / 1000 *
				                     (900 + (long long)(demo_hash(d->seed, 8, idx[i], (uint64_t)year) % 91));
			d->gexec[k][g] += d->exec[k][idx[i]];
		}
		free(part);
	}
	rc = 0;
out:
	free(w);
	free(idx);
	return rc;
}

int demo_budgets_build(struct demo *d)
{
	for (int k = 0; k < 2; k++) {
		if ((d->plan[k] = calloc(d->nprog, sizeof *d->plan[k])) == NULL ||
		    (d->exec[k] = calloc(d->nprog, sizeof *d->exec[k])) == NULL)
			return -1;
	}
	for (int k = 0; k < 2; k++)
		if (budget_build(d, k) != 0)
			return -1;
	return 0;
}

long long demo_plan(const struct demo *d, size_t p, int year)
{
	const struct demo_prog *pr = &d->prog[p];
	long long a = pr->base;
	int from = DEMO_Y2;

	if (d->plan[0] != NULL && d->plan[0][p] > 0) {
		if (year == DEMO_Y1)
			return d->plan[0][p];
		if (year == DEMO_Y2)
			return d->plan[1][p];
		from = year < DEMO_Y1 ? DEMO_Y1 : DEMO_Y2;
		a = d->plan[from - DEMO_Y1][p];
	} else if (year == DEMO_Y2) {
		return a;
	}
	for (int y = from; y < year; y++)
		a = a / 1000 * (1000 + pr->growth) + a % 1000 * (1000 + pr->growth) / 1000;
	for (int y = from; y > year; y--)
		a = a / (1000 + pr->growth) * 1000 + a % (1000 + pr->growth) * 1000 / (1000 + pr->growth);
	return a / 1000 * (970 + (long long)(demo_hash(d->seed, 9, p, (uint64_t)year) % 61));
}

long long demo_exec(const struct demo *d, size_t p, int year)
{
	uint64_t h = demo_hash(d->seed, 10, p, (uint64_t)year);
	long long ppm;

	if (h % 100 < 10)
		ppm = 1000000;
	else if (h % 100 < 85)
		ppm = 960000 + (long long)((h >> 8) % 40000);
	else
		ppm = 800000 + (long long)((h >> 8) % 160000);
	return demo_plan(d, p, year) * ppm / 1000;
}
