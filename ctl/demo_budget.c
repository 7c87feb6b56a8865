/* obctl demo: the republican budget of DEMO_Y1 and DEMO_Y2 as budget
 * reporting (P-4, P-8: one line per program, the total row equal to their
 * sum) and as the citizen budget at the planning and the execution stage
 * (P-6: one line per functional group). */
#include <stdio.h>
#include <string.h>

#include "demo_int.h"

/* "қаңтар–қазан" / "январь–октябрь": the months a report covers. */
static void months_say(struct demo *d, int m, struct demo_buf *kk, struct demo_buf *ru)
{
	char key[48];

	demo_buf_reset(kk);
	demo_buf_reset(ru);
	demo_buf_puts(kk, demo_tpl(d, "month.1", DEMO_KK));
	demo_buf_puts(ru, demo_tpl(d, "month.1", DEMO_RU));
	if (m > 1) {
		snprintf(key, sizeof key, "month.%d", m);
		demo_buf_printf(kk, "–%s", demo_tpl(d, key, DEMO_KK));
		demo_buf_printf(ru, "–%s", demo_tpl(d, key, DEMO_RU));
	}
}

/* A working day on or before day (and today), but never before the year
 * ahead of the budget year: the importer's date check. */
static long posted_near(const struct demo *d, long day, int year)
{
	long lo;

	if (day > d->tday)
		day = d->tday;
	lo = day - 10 < demo_day(year - 1, 1, 1) ? demo_day(year - 1, 1, 1) : day - 10;
	return demo_weekday_in(d, day, lo, d->tday);
}

/* The day a budget report with m months of execution is posted: the 15th
 * of the next month, or the adoption of the budget in December before. */
static long budget_posted(const struct demo *d, int year, int m)
{
	return posted_near(d, m == 0 ? demo_day(year - 1, 12, 10) : demo_day(year + m / 12, m % 12 + 1, 15),
	                   year);
}

static const char *title_key(int m, const char *prefix, char buf[40])
{
	snprintf(buf, 40, "%s.%s", prefix, m == 0 ? "plan" : m == 12 ? "year" : "months");
	return buf;
}

static int budget_report(struct demo *d, int k)
{
	int year = k == 0 ? DEMO_Y1 : DEMO_Y2, m = d->months[k];
	size_t fin = demo_admin_by_role(d, "finance");
	char number[64], tag[16], ys[24], buf[40], tot[40], ex[40], pct[32];
	struct demo_buf mk = { .oom = &d->oom }, mr = { .oom = &d->oom };
	struct demo_header h = { number, year, fin, budget_posted(d, year, m), "published" };
	long long sum_exec = 0, total = (k == 0 ? DEMO_TOTAL_Y1 : DEMO_TOTAL_Y2) * 1000;
	xmlNodePtr root, lines, ln, parts;
	xmlDocPtr doc;

	for (int g = 1; g <= DEMO_NFG; g++)
		sum_exec += d->gexec[k][g];
	snprintf(ys, sizeof ys, "%d", year);
	months_say(d, m, &mk, &mr);
	if (m > 0 && m < 12)
		snprintf(number, sizeof number, "BR-%d-%s-%02d", year, demo_admin_tag(d, fin, tag), m);
	else
		snprintf(number, sizeof number, "BR-%d-%s", year, demo_admin_tag(d, fin, tag));
	doc = demo_doc_new(d, "budget-report", &h, &root);
	if (m > 0 && m < 12) {
		snprintf(buf, sizeof buf, "%d-%02d", year, m);
		demo_attr(d, root, "period", buf);
	}
	{
		struct demo_var v[] = { { "year", ys, NULL }, { "months", mk.p, mr.p },
		                        { "total", demo_money(tot, total), NULL },
		                        { "executed", demo_money(ex, sum_exec), NULL },
		                        { "pct", demo_pct(pct, sum_exec, total), NULL },
		                        { NULL, NULL, NULL } };

		demo_bi_tpl(d, root, "title", title_key(m, "br.title", buf), v, 1);
		parts = demo_el(d, root, "parts");
		demo_part_t(d, parts, "about", "br.about.title", title_key(m, "br.about", buf), v);
		demo_part_t(d, parts, "method", "demo.method.title", "demo.method.text", v);
	}
	lines = demo_el(d, root, "lines");
	for (int g = 1; g <= DEMO_NFG; g++) {
		for (size_t p = 0; p < d->nprog; p++) {
			const struct demo_prog *pr = &d->prog[p];
			char fg[24];

			if (pr->fg != g || d->plan[k][p] == 0)
				continue;
			ln = demo_el(d, lines, "line");
			snprintf(fg, sizeof fg, "%d", g);
			demo_attr(d, ln, "fgroup", fg);
			demo_attr(d, ln, "fsubgroup", "1");
			demo_attr(d, ln, "admin", d->adm[pr->admin].code);
			demo_attr(d, ln, "program", pr->code);
			demo_attr_amount(d, ln, "plan", d->plan[k][p] * 1000);
			if (m > 0)
				demo_attr_amount(d, ln, "executed", d->exec[k][p]);
			demo_bi(d, ln, "name", pr->kk, pr->ru);
		}
	}
	ln = demo_el(d, lines, "line");
	demo_attr(d, ln, "total", "true");
	demo_attr_amount(d, ln, "plan", total);
	if (m > 0)
		demo_attr_amount(d, ln, "executed", sum_exec);
	demo_bi_tpl(d, ln, "name", "br.total", NULL, 0);
	demo_buf_free(&mk);
	demo_buf_free(&mr);
	return demo_doc_save(d, doc, K_BUDGET);
}

int demo_budget_reports(struct demo *d)
{
	for (int k = 0; k < 2; k++)
		if (budget_report(d, k) != 0)
			return -1;
	return 0;
}

/* Revenue figures of the citizen budget: synthetic shares of spending. */
static void citizen_revenue(struct demo *d, xmlNodePtr parts, long long spend, int k)
{
	long long rev = spend / 100 * (82 + (long long)(demo_hash(d->seed, 20, (uint64_t)k, 0) % 5));
	long long tax = rev / 100 * 63, nf = rev / 100 * 29, other = rev - tax - nf;
	char a[40], b[40], c[40], e[40], f[40];
	struct demo_var v[] = { { "revenue", demo_money(a, rev), NULL }, { "tax", demo_money(b, tax), NULL },
	                        { "nf", demo_money(c, nf), NULL }, { "other", demo_money(e, other), NULL },
	                        { "deficit", demo_money(f, spend - rev), NULL }, { NULL, NULL, NULL } };

	demo_part_t(d, parts, "revenue", "cb.revenue.title", "cb.revenue.text", v);
}

static int citizen_budget(struct demo *d, int k, int execution)
{
	int year = k == 0 ? DEMO_Y1 : DEMO_Y2, m = execution ? d->months[k] : 0;
	size_t fin = demo_admin_by_role(d, "finance"), top[5] = { 0 };
	long long total = (k == 0 ? DEMO_TOTAL_Y1 : DEMO_TOTAL_Y2) * 1000, sum_exec = 0;
	char number[64], tag[16], ys[24], key[40], tot[40], ex[40], pct[32];
	struct demo_buf mk = { .oom = &d->oom }, mr = { .oom = &d->oom };
	long posted = execution ? budget_posted(d, year, m) + 7 : demo_day(year - 1, 12, 20);
	struct demo_header h = { number, year, fin, 0, "published" };
	xmlNodePtr root, parts, sp, lines, ln;
	xmlDocPtr doc;

	h.posted = posted_near(d, posted, year);
	for (int g = 1; g <= DEMO_NFG; g++)
		sum_exec += d->gexec[k][g];
	snprintf(ys, sizeof ys, "%d", year);
	snprintf(number, sizeof number, "CB-%d-%s-%s", year, demo_admin_tag(d, fin, tag),
	         execution ? "E" : "P");
	months_say(d, m, &mk, &mr);
	doc = demo_doc_new(d, "citizen-budget", &h, &root);
	demo_attr(d, root, "stage", execution ? "execution" : "planning");
	{
		struct demo_var v[] = { { "year", ys, NULL }, { "months", mk.p, mr.p },
		                        { "total", demo_money(tot, total), NULL },
		                        { "executed", demo_money(ex, sum_exec), NULL },
		                        { "pct", demo_pct(pct, sum_exec, total), NULL }, { NULL, NULL, NULL } };

		demo_bi_tpl(d, root, "title", title_key(m, "cb.title", key), v, 1);
		parts = demo_el(d, root, "parts");
		demo_part_t(d, parts, "about", "cb.about.title", "cb.about.text", v);
		citizen_revenue(d, parts, execution ? sum_exec : total, k);
		sp = demo_part_t(d, parts, "spending", "cb.spending.title",
		                 execution ? "cb.spending.exec" : "cb.spending.plan", v);
	}
	/* The five largest groups get a part each. */
	for (int i = 0; i < 5; i++) {
		int best = 0;

		for (int g = 1; g <= DEMO_NFG; g++) {
			int used = 0;

			for (int j = 0; j < i; j++)
				used |= top[j] == (size_t)g;
			if (!used && (best == 0 || d->gplan[k][g] > d->gplan[k][best]))
				best = g;
		}
		top[i] = (size_t)best;
		{
			char pkey[48], a[40], b[40], p1[32], p2[32];
			struct demo_buf tk = { .oom = &d->oom }, tr = { .oom = &d->oom };
			struct demo_var v[] = { { "group", d->fg_kk[best], d->fg_ru[best] },
			                        { "plan", demo_money(a, d->gplan[k][best] * 1000), NULL },
			                        { "share", demo_pct(p1, d->gplan[k][best], total / 1000), NULL },
			                        { "executed", demo_money(b, d->gexec[k][best]), NULL },
			                        { "pct", demo_pct(p2, d->gexec[k][best], d->gplan[k][best] * 1000), NULL },
			                        { NULL, NULL, NULL } };

			snprintf(pkey, sizeof pkey, "spending.%d", best);
			demo_say(d, execution ? "cb.group.exec" : "cb.group.plan", v, &tk, &tr);
			demo_part(d, sp, pkey, d->fg_kk[best], d->fg_ru[best], tk.p, tr.p);
			demo_buf_free(&tk);
			demo_buf_free(&tr);
		}
	}
	demo_part_t(d, parts, "priorities", "cb.priorities.title", "cb.priorities.text", NULL);
	{
		xmlNodePtr gl = demo_part_t(d, parts, "glossary", "cb.glossary.title", NULL, NULL);

		for (int i = 1; i <= 4; i++) {
			char pkey[48], tkey[48], xkey[48];

			snprintf(pkey, sizeof pkey, "glossary.%d", i);
			snprintf(tkey, sizeof tkey, "cb.term.%d", i);
			snprintf(xkey, sizeof xkey, "cb.term.%d.text", i);
			demo_part_t(d, gl, pkey, tkey, xkey, NULL);
		}
	}
	demo_part_t(d, parts, "method", "demo.method.title", "demo.method.text", NULL);
	lines = demo_el(d, root, "lines");
	for (int g = 1; g <= DEMO_NFG; g++) {
		char fg[24];

		ln = demo_el(d, lines, "line");
		snprintf(fg, sizeof fg, "%d", g);
		demo_attr(d, ln, "fgroup", fg);
		demo_attr_amount(d, ln, "plan", d->gplan[k][g] * 1000);
		if (execution)
			demo_attr_amount(d, ln, "executed", d->gexec[k][g]);
		demo_bi(d, ln, "name", d->fg_kk[g], d->fg_ru[g]);
	}
	ln = demo_el(d, lines, "line");
	demo_attr(d, ln, "total", "true");
	demo_attr_amount(d, ln, "plan", total);
	if (execution)
		demo_attr_amount(d, ln, "executed", sum_exec);
	demo_bi_tpl(d, ln, "name", "br.total", NULL, 0);
	demo_buf_free(&mk);
	demo_buf_free(&mr);
	return demo_doc_save(d, doc, K_CITIZEN);
}

int demo_citizen_budgets(struct demo *d)
{
	for (int k = 0; k < 2; k++) {
		if (citizen_budget(d, k, 0) != 0)
			return -1;
		/* The execution stage once a month of the year is reported. */
		if (d->months[k] > 0 && citizen_budget(d, k, 1) != 0)
			return -1;
	}
	return 0;
}
