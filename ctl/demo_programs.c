/* obctl demo: budget programs and subprograms.  Each administrator gets
 * 001 (its own services) and a few programs per functional group of its
 * row in central.txt or local.txt, named from programs.txt; investment
 * programs get the subprograms 011/015/016 of budget investments, the
 * others two or three of subprograms.txt as 100, 101, 102. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"

/* The functional groups of an administrator's row: "1,13,14". */
static int admin_groups(const struct demo *d, size_t a, int *g, int max)
{
	const struct demo_admin *ad = &d->adm[a];
	const char *s = a < d->ncentral ? DEMO_F(&d->l[L_CENTRAL], a, 2)
	                                : DEMO_F(&d->l[L_LOCAL], (a - d->ncentral) % d->l[L_LOCAL].n, 1);
	int n = 0;

	(void)ad;
	while (*s && n < max) {
		int v = atoi(s);

		if (v >= 1 && v <= DEMO_NFG)
			g[n++] = v;
		while (*s && *s != ',')
			s++;
		if (*s == ',')
			s++;
	}
	return n;
}

static void sub_set(struct demo_prog *p, const char *code, const char *kk, const char *ru, int w)
{
	snprintf(p->sub[p->nsub], sizeof p->sub[0], "%s", code);
	p->sub_kk[p->nsub] = kk;
	p->sub_ru[p->nsub] = ru;
	p->sub_w[p->nsub] = w;
	p->nsub++;
}

static void subs_build(struct demo *d, struct demo_rng *r, struct demo_prog *p, int rep)
{
	if (p->inv) {
		const char *k015 = rep ? "sub.015r" : "sub.015l";
		const char *k011 = rep ? "sub.011r" : "sub.011l";
		int more = demo_rng_below(r, 100) < 35;

		if (more)
			sub_set(p, "011", demo_tpl(d, k011, DEMO_KK), demo_tpl(d, k011, DEMO_RU),
			        (int)demo_rng_range(r, 3, 8));
		sub_set(p, "015", demo_tpl(d, k015, DEMO_KK), demo_tpl(d, k015, DEMO_RU),
		        (int)demo_rng_range(r, 4, 9));
		if (more && rep)
			sub_set(p, "016", demo_tpl(d, "sub.016r", DEMO_KK), demo_tpl(d, "sub.016r", DEMO_RU),
			        (int)demo_rng_range(r, 1, 2));
		return;
	} else {
		char sel[24];
		size_t idx[64], n, want = (size_t)demo_rng_range(r, 1, 3);
		const struct demo_list *l = &d->l[L_SUBPROGRAMS];

		snprintf(sel, sizeof sel, "%d", p->fg);
		n = demo_rows_for(d, L_SUBPROGRAMS, sel, idx, 64);
		for (size_t i = 0; i < want && i < n; i++) {
			size_t j = i + demo_rng_below(r, n - i), t = idx[i];
			char code[4];

			idx[i] = idx[j];
			idx[j] = t;
			snprintf(code, sizeof code, "%03zu", 100 + i);
			sub_set(p, code, DEMO_F(l, idx[i], 1), DEMO_F(l, idx[i], 2), (int)demo_rng_range(r, 1, 9));
		}
	}
}

static struct demo_prog *prog_add(struct demo *d, size_t *cap, size_t a, int code, int fg)
{
	struct demo_prog *p;

	if (d->nprog == *cap) {
		size_t c = *cap ? *cap * 2 : 1024;

		if ((p = realloc(d->prog, c * sizeof *p)) == NULL)
			return NULL;
		d->prog = p;
		*cap = c;
	}
	p = &d->prog[d->nprog++];
	memset(p, 0, sizeof *p);
	p->admin = a;
	snprintf(p->code, sizeof p->code, "%03u", (unsigned)code % 1000u);
	p->fg = fg;
	return p;
}

/* The programs of one administrator: 001 (its own services), then a few
 * per functional group of its row, more with --scale.  A program name used up
 * comes back with a qualifier ("in rural settlements", ...). */
static int programs_of(struct demo *d, struct demo_rng *r, size_t a, size_t *cap)
{
	struct demo_admin *ad = &d->adm[a];
	const struct demo_list *pl = &d->l[L_PROGRAMS], *ql = &d->l[L_QUALIFIERS];
	int rep = ad->level == LV_REPUBLICAN, groups[DEMO_NFG], ng = admin_groups(d, a, groups, DEMO_NFG);
	int code = 1;
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	struct demo_var v[] = { { "domain", ad->dom_kk, ad->dom_ru }, { NULL, NULL, NULL } };
	struct demo_prog *p;
	int rc = -1;

	if (ng == 0) {
		fprintf(stderr, "obctl demo: administrator %s has no functional group\n", ad->code);
		return -1;
	}
	ad->prog0 = d->nprog;
	if ((p = prog_add(d, cap, a, code, groups[0])) == NULL)
		return -1;
	demo_expand(&kk, demo_tpl(d, "prog.001", DEMO_KK), v, DEMO_KK);
	demo_expand(&ru, demo_tpl(d, "prog.001", DEMO_RU), v, DEMO_RU);
	p->kk = demo_keep(d, kk.p);
	p->ru = demo_keep(d, ru.p);
	sub_set(p, "100", demo_tpl(d, "sub.001.100", DEMO_KK), demo_tpl(d, "sub.001.100", DEMO_RU), 8);
	if (demo_rng_below(r, 2))
		sub_set(p, "101", demo_tpl(d, "sub.001.101", DEMO_KK), demo_tpl(d, "sub.001.101", DEMO_RU), 3);
	p->base = (long long)demo_rng_range(r, 100, 999) * (rep ? 10000 : 100);
	p->growth = (int)demo_rng_range(r, 20, 70);

	for (int gi = 0; gi < ng; gi++) {
		size_t cand[64], nc = 0;
		/* A third as many more programs per --scale step: enough for one
		 * passport and one report per program (demo_passports), while
		 * reference.xml stays under the import limit at --scale 16. */
		long long want = demo_rng_range(r, rep ? 2 : 1, rep ? 4 : 3) * ((d->scale + 2) / 3);

		for (size_t i = 0; i < pl->n && nc < 64; i++) {
			const char *lv = DEMO_F(pl, i, 1);

			if (atoi(DEMO_F(pl, i, 0)) == groups[gi] &&
			    (strcmp(lv, "*") == 0 || strcmp(lv, rep ? "r" : "l") == 0))
				cand[nc++] = i;
		}
		if (nc == 0) {
			fprintf(stderr, "obctl demo: %s: no %s program in functional group %d\n",
			        pl->file, rep ? "republican" : "local", groups[gi]);
			goto out;
		}
		for (size_t i = 0; i + 1 < nc; i++) {
			size_t j = i + demo_rng_below(r, nc - i), t = cand[i];

			cand[i] = cand[j];
			cand[j] = t;
		}
		for (long long j = 0; j < want; j++) {
			size_t row = cand[j % (long long)nc], q = (size_t)j / nc;

			code += d->scale <= 4 && demo_rng_below(r, 3) == 0 ? 2 : 1;
			if (code > 999)
				break;
			if ((p = prog_add(d, cap, a, code, groups[gi])) == NULL)
				goto out;
			p->inv = atoi(DEMO_F(pl, row, 2));
			demo_buf_reset(&kk);
			demo_buf_reset(&ru);
			demo_buf_puts(&kk, DEMO_F(pl, row, 3));
			demo_buf_puts(&ru, DEMO_F(pl, row, 4));
			if (q > 0) {
				size_t qi = (q - 1) % ql->n, round = (q - 1) / ql->n;

				demo_buf_printf(&kk, " (%s", DEMO_F(ql, qi, 1));
				demo_buf_printf(&ru, " (%s", DEMO_F(ql, qi, 2));
				if (round > 0) {
					demo_buf_printf(&kk, ", %zu", round + 1);
					demo_buf_printf(&ru, ", %zu", round + 1);
				}
				demo_buf_puts(&kk, ")");
				demo_buf_puts(&ru, ")");
			}
			p->kk = demo_keep(d, kk.p);
			p->ru = demo_keep(d, ru.p);
			subs_build(d, r, p, rep);
			/* Thousand tenge: 0.1-1 bn (local) or the weight of a
			 * republican program in its group; social payments,
			 * transfers and debt are the big ones. */
			p->base = (long long)demo_rng_range(r, 100, 999) *
			          (rep ? 1000 * (long long)demo_rng_range(r, 1, 50)
			               : 100 * (long long)demo_rng_range(r, 1, 30));
			if (groups[gi] == 4 || groups[gi] == 5 || groups[gi] == 6 || groups[gi] == 15)
				p->base *= 3;
			p->growth = (int)demo_rng_range(r, 20, 90);
		}
	}
	ad->nprog = d->nprog - ad->prog0;
	rc = d->oom ? -1 : 0;
out:
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	return rc;
}

int demo_programs_build(struct demo *d, struct demo_rng *r)
{
	size_t cap = 0;

	for (size_t a = 0; a < d->nadm; a++)
		if (programs_of(d, r, a, &cap) != 0)
			return -1;
	return 0;
}

size_t *demo_program_order(struct demo *d, struct demo_rng *r, int pct)
{
	size_t *rep = malloc(d->nprog * sizeof *rep), *loc = malloc(d->nprog * sizeof *loc);
	size_t *out = malloc(d->nprog * sizeof *out), nr = 0, nl = 0, ir = 0, il = 0;

	if (rep == NULL || loc == NULL || out == NULL) {
		free(rep);
		free(loc);
		free(out);
		return NULL;
	}
	for (size_t p = 0; p < d->nprog; p++) {
		if (d->adm[d->prog[p].admin].level == LV_REPUBLICAN)
			rep[nr++] = p;
		else
			loc[nl++] = p;
	}
	for (size_t i = 0; i + 1 < nr; i++) {
		size_t j = i + demo_rng_below(r, nr - i), t = rep[i];

		rep[i] = rep[j];
		rep[j] = t;
	}
	for (size_t i = 0; i + 1 < nl; i++) {
		size_t j = i + demo_rng_below(r, nl - i), t = loc[i];

		loc[i] = loc[j];
		loc[j] = t;
	}
	for (size_t i = 0; i < d->nprog; i++) {
		int take_rep = ir < nr && (il == nl || demo_rng_below(r, 100) < (uint64_t)pct);

		out[i] = take_rep ? rep[ir++] : loc[il++];
	}
	free(rep);
	free(loc);
	return out;
}
