/* obctl demo: consolidated financial statements of the administrators of
 * republican budget programs (P-5: posted by 5 July of the next year), one
 * per central body and year, for the years whose deadline has passed.  The
 * lines repeat the body's programs from the budget reporting. */
#include <stdio.h>

#include "demo_int.h"

static int statement(struct demo *d, int k, size_t a)
{
	const struct demo_admin *ad = &d->adm[a];
	int year = k == 0 ? DEMO_Y1 : DEMO_Y2;
	long long plan = 0, exec = 0, assets, liab;
	char number[64], ys[24], s1[40], s2[40], s3[40], s4[40], s5[40], s6[40], pct[32];
	struct demo_header h = { number, year, a, 0, "published" };
	struct demo_rng r;
	xmlNodePtr root, parts, bal, lines, ln;
	xmlDocPtr doc;

	demo_rng_seed(&r, d->seed, 30 + (uint64_t)k, a);
	for (size_t p = ad->prog0; p < ad->prog0 + ad->nprog; p++) {
		plan += d->plan[k][p] * 1000;
		exec += d->exec[k][p];
	}
	if (plan == 0)
		return 0;
	/* P-5: by 5 July; a working day in June or the first days of July. */
	h.posted = demo_weekday_in(d, demo_day(year + 1, 6, 1) + (long)demo_rng_below(&r, 34),
	                           demo_day(year + 1, 6, 1), demo_day(year + 1, 7, 4));
	snprintf(number, sizeof number, "FS-%d-%s", year, ad->code);
	snprintf(ys, sizeof ys, "%d", year);
	assets = exec / 100 * demo_rng_range(&r, 20, 60);
	liab = assets / 100 * demo_rng_range(&r, 5, 30);
	{
		struct demo_var v[] = { { "year", ys, NULL }, { "admin", ad->raw_kk, ad->raw_ru },
		                        { "plan", demo_money(s1, plan), NULL },
		                        { "executed", demo_money(s2, exec), NULL },
		                        { "pct", demo_pct(pct, exec, plan), NULL },
		                        { "assets", demo_money(s3, assets), NULL },
		                        { "liabilities", demo_money(s4, liab), NULL },
		                        { "net", demo_money(s5, assets - liab), NULL },
		                        { "revenue", demo_money(s6, exec / 1000 * demo_rng_range(&r, 1000, 1015)), NULL },
		                        { NULL, NULL, NULL } };

		doc = demo_doc_new(d, "financial-statements", &h, &root);
		demo_bi_tpl(d, root, "title", "fs.title", v, 1);
		parts = demo_el(d, root, "parts");
		bal = demo_part_t(d, parts, "balance", "fs.balance.title", "fs.balance.text", v);
		demo_part_t(d, bal, "balance.assets", "fs.assets.title", "fs.assets.text", v);
		demo_part_t(d, bal, "balance.liabilities", "fs.liabilities.title", "fs.liabilities.text", v);
		demo_part_t(d, bal, "balance.net", "fs.net.title", "fs.net.text", v);
		demo_part_t(d, parts, "results", "fs.results.title", "fs.results.text", v);
		demo_part_t(d, parts, "cash", "fs.cash.title", "fs.cash.text", v);
		demo_part_t(d, parts, "notes", "fs.notes.title", "fs.notes.text", v);
		demo_part_t(d, parts, "method", "demo.method.title", "demo.method.text", v);
	}
	lines = demo_el(d, root, "lines");
	for (size_t p = ad->prog0; p < ad->prog0 + ad->nprog; p++) {
		const struct demo_prog *pr = &d->prog[p];
		char fg[24];

		if (d->plan[k][p] == 0)
			continue;
		ln = demo_el(d, lines, "line");
		snprintf(fg, sizeof fg, "%d", pr->fg);
		demo_attr(d, ln, "fgroup", fg);
		demo_attr(d, ln, "fsubgroup", "1");
		demo_attr(d, ln, "admin", ad->code);
		demo_attr(d, ln, "program", pr->code);
		demo_attr_amount(d, ln, "plan", d->plan[k][p] * 1000);
		demo_attr_amount(d, ln, "executed", d->exec[k][p]);
		demo_bi(d, ln, "name", pr->kk, pr->ru);
	}
	ln = demo_el(d, lines, "line");
	demo_attr(d, ln, "total", "true");
	demo_attr_amount(d, ln, "plan", plan);
	demo_attr_amount(d, ln, "executed", exec);
	demo_bi_tpl(d, ln, "name", "fs.total", NULL, 0);
	return demo_doc_save(d, doc, K_FS);
}

int demo_statements(struct demo *d)
{
	for (int k = 0; k < 2; k++) {
		int year = k == 0 ? DEMO_Y1 : DEMO_Y2;

		/* Only a closed year whose 5 July deadline has passed. */
		if (d->months[k] < 12 || demo_day(year + 1, 7, 5) > d->tday)
			continue;
		for (size_t a = 0; a < d->ncentral; a++)
			if (statement(d, k, a) != 0)
				return -1;
	}
	return 0;
}
