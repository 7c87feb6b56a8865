/* obctl demo: texts about a program that passports and implementation
 * reports share: legal basis, subprogram names, result indicator values,
 * place names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"

size_t demo_pick_sel(struct demo *d, struct demo_rng *r, int id, const char *sel, size_t *out, size_t want)
{
	size_t idx[128], n = demo_rows_for(d, id, sel, idx, 128), k;

	for (k = 0; k < want && k < n; k++) {
		size_t j = k + demo_rng_below(r, n - k), t = idx[k];

		idx[k] = idx[j];
		idx[j] = t;
		out[k] = idx[k];
	}
	return k;
}

size_t demo_pick(struct demo *d, struct demo_rng *r, int id, int fg, size_t *out, size_t want)
{
	char sel[24];

	snprintf(sel, sizeof sel, "%d", fg);
	return demo_pick_sel(d, r, id, sel, out, want);
}

void demo_basis(struct demo *d, size_t p, struct demo_buf *kk, struct demo_buf *ru)
{
	const struct demo_list *l = &d->l[L_BASIS];
	const struct demo_prog *pr = &d->prog[p];
	const char *level = d->adm[pr->admin].level == LV_REPUBLICAN ? "r" : "l";
	char fg[24];
	int n = 0;

	snprintf(fg, sizeof fg, "%d", pr->fg);
	demo_buf_reset(kk);
	demo_buf_reset(ru);
	/* In the file's order: the code first, then the budget act, the
	 * sector's law, the body's statute. */
	for (size_t i = 0; i < l->n; i++) {
		const char *s = DEMO_F(l, i, 0);

		if (strcmp(s, "*") != 0 && strcmp(s, level) != 0 && strcmp(s, fg) != 0)
			continue;
		demo_buf_printf(kk, "%s%d) %s", n ? "; " : "", n + 1, DEMO_F(l, i, 1));
		demo_buf_printf(ru, "%s%d) %s", n ? "; " : "", n + 1, DEMO_F(l, i, 2));
		n++;
	}
	demo_buf_puts(kk, ".");
	demo_buf_puts(ru, ".");
}

void demo_sub_name(struct demo *d, size_t p, int s, struct demo_buf *kk, struct demo_buf *ru)
{
	const struct demo_prog *pr = &d->prog[p];
	struct demo_var v[] = { { "code", pr->sub[s], NULL }, { "name", pr->sub_kk[s], pr->sub_ru[s] },
	                        { NULL, NULL, NULL } };

	demo_say(d, "sub.name", v, kk, ru);
}

void demo_result_values(struct demo *d, struct demo_rng *r, int id, size_t row, long long v[5])
{
	const struct demo_list *l = &d->l[id];
	long long lo = atoll(DEMO_F(l, row, 5)) * 1000, hi = atoll(DEMO_F(l, row, 6)) * 1000;
	int dec = atoi(DEMO_F(l, row, 7));
	long long step = dec >= 3 ? 1 : dec == 2 ? 10 : dec == 1 ? 100 : 1000;
	long long x = demo_rng_range(r, lo, hi);

	(void)d;
	for (int i = 0; i < 5; i++) {
		if (i > 0) /* a few per cent a year, either way */
			x += x / 1000 * demo_rng_range(r, -30, 40);
		if (x < lo)
			x = lo;
		if (x > hi)
			x = hi;
		v[i] = x - x % step;
	}
}

void demo_place(struct demo *d, struct demo_rng *r, struct demo_buf *kk, struct demo_buf *ru)
{
	struct demo_buf stem = { .oom = &d->oom };
	size_t idx[32], n = demo_rows_for(d, L_NAMES, "p", idx, 32);

	demo_surname(d, r, &stem);
	if (n > 0)
		demo_buf_puts(&stem, DEMO_F(&d->l[L_NAMES], idx[demo_rng_below(r, n)], 1));
	{
		struct demo_var v[] = { { "stem", stem.p ? stem.p : "", NULL }, { NULL, NULL, NULL } };

		demo_say(d, "place", v, kk, ru);
	}
	demo_buf_free(&stem);
}
