/* obctl demo: reports on the implementation of budget program passports
 * (P-10): posted between mid-January and 1 April of the next year, with the
 * execution table (approved, specified, corrected, executed, not executed
 * = corrected - executed = savings + under-execution, a total row equal to
 * the sum) and, for budget investment programs, investment="true" with a
 * synthetic PDF attached as role="investment-evidence". */
#include <stdio.h>
#include <stdlib.h>

#include "demo_int.h"

#define REPORTS_PER_SCALE 320

enum { C_APPROVED, C_SPECIFIED, C_CORRECTED, C_EXECUTED, C_NOTEXEC, C_SAVINGS, C_UNDER, C_N };

static const char *const ir_cols[C_N] = { "approved", "specified", "corrected", "executed",
	                                  "not-executed", "savings", "under-execution" };

/* The last fiscal year whose reports are due by now: reports of year Y
 * are posted from 15 January of Y + 1. */
static int ir_last_year(const struct demo *d)
{
	int y = d->today.y - 1;

	return demo_day(y + 1, 1, 15) <= d->tday ? y : y - 1;
}

/* One row per subprogram, in tenge; the plan columns are whole thousands. */
static void ir_rows(struct demo *d, struct demo_rng *r, size_t p, int year, long long v[][C_N])
{
	const struct demo_prog *pr = &d->prog[p];
	long long part[DEMO_MAXSUB], ratio = demo_exec(d, p, year) / (demo_plan(d, p, year) + 1);

	demo_split(demo_plan(d, p, year), pr->sub_w, pr->nsub, part);
	for (int s = 0; s < pr->nsub; s++) {
		long long *x = v[s], ppm, spec = part[s] * demo_rng_range(r, 970, 1050) / 1000;
		long long corr = demo_rng_below(r, 10) < 7 ? spec : spec * demo_rng_range(r, 980, 1000) / 1000;

		x[C_APPROVED] = part[s] * 1000;
		x[C_SPECIFIED] = spec * 1000;
		x[C_CORRECTED] = corr * 1000;
		/* The program's execution rate (ratio, per mille) give or take a
		 * little per subprogram, never above the corrected plan. */
		ppm = ratio * 1000 + demo_rng_range(r, -8000, 8000);
		if (ppm > 1000000 || demo_rng_below(r, 8) == 0)
			ppm = 1000000;
		if (ppm < 700000)
			ppm = 700000;
		x[C_EXECUTED] = corr * ppm / 1000;
		x[C_NOTEXEC] = x[C_CORRECTED] - x[C_EXECUTED];
		x[C_SAVINGS] = x[C_NOTEXEC] / 100 * demo_rng_range(r, 0, 100);
		x[C_UNDER] = x[C_NOTEXEC] - x[C_SAVINGS];
	}
}

static void ir_table(struct demo *d, struct demo_rng *r, xmlNodePtr ex, size_t p,
                     long long v[][C_N], long long tot[C_N])
{
	const struct demo_prog *pr = &d->prog[p];
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	xmlNodePtr n;

	for (int c = 0; c < C_N; c++)
		tot[c] = 0;
	for (int s = 0; s < pr->nsub; s++) {
		n = demo_el(d, ex, "row");
		demo_attr(d, n, "subprogram", pr->sub[s]);
		for (int c = 0; c < C_N; c++) {
			demo_attr_amount(d, n, ir_cols[c], v[s][c]);
			tot[c] += v[s][c];
		}
		demo_sub_name(d, p, s, &kk, &ru);
		demo_bi(d, n, "name", kk.p, ru.p);
		if (v[s][C_NOTEXEC] > 0) {
			/* reasons.txt: s (savings) or u (under-execution), is and
			 * iu for investment programs. */
			const char *want = v[s][C_SAVINGS] >= v[s][C_UNDER] ? (pr->inv ? "is" : "s")
			                                                   : (pr->inv ? "iu" : "u");
			size_t idx[32], m = demo_rows_for(d, L_REASONS, want, idx, 32);

			if (m > 0) {
				size_t k = idx[demo_rng_below(r, m)];

				demo_bi(d, n, "reason", DEMO_F(&d->l[L_REASONS], k, 1), DEMO_F(&d->l[L_REASONS], k, 2));
			}
		}
	}
	n = demo_el(d, ex, "row");
	demo_attr(d, n, "total", "true");
	for (int c = 0; c < C_N; c++)
		demo_attr_amount(d, n, ir_cols[c], tot[c]);
	demo_bi_tpl(d, n, "name", "ind.total", NULL, 0);
	demo_buf_free(&kk);
	demo_buf_free(&ru);
}

/* Final results: plan against fact, met or not. */
static void ir_results(struct demo *d, struct demo_rng *r, xmlNodePtr parts, size_t p)
{
	const struct demo_list *l = &d->l[L_FINAL];
	size_t rows[3], n = demo_pick(d, r, L_FINAL, d->prog[p].fg, rows, (size_t)demo_rng_range(r, 1, 3));
	xmlNodePtr res = demo_part_t(d, parts, "results", "ir.results.title", NULL, NULL);
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };

	for (size_t i = 0; i < n; i++) {
		long long v[5], fact;
		int dec = atoi(DEMO_F(l, rows[i], 7));
		char key[48], a[32], b[32];

		demo_result_values(d, r, L_FINAL, rows[i], v);
		fact = v[1] / 1000 * demo_rng_range(r, 900, 1060);
		if (fact > atoll(DEMO_F(l, rows[i], 6)) * 1000) /* 104% coverage is no result */
			fact = atoll(DEMO_F(l, rows[i], 6)) * 1000;
		fact -= fact % (dec >= 3 ? 1 : dec == 2 ? 10 : dec == 1 ? 100 : 1000);
		{
			struct demo_var rv[] = { { "plan", demo_decimal(a, v[1], dec, 1), NULL },
			                         { "fact", demo_decimal(b, fact, dec, 1), NULL },
			                         { "unit", DEMO_F(l, rows[i], 3), DEMO_F(l, rows[i], 4) },
			                         { NULL, NULL, NULL } };

			demo_say(d, fact >= v[1] ? "ir.result.met" : "ir.result.notmet", rv, &kk, &ru);
		}
		snprintf(key, sizeof key, "results.%zu", i + 1);
		demo_part(d, res, key, DEMO_F(l, rows[i], 1), DEMO_F(l, rows[i], 2), kk.p, ru.p);
	}
	demo_buf_free(&kk);
	demo_buf_free(&ru);
}

static void ir_evidence_name(char name[96], const char *number)
{
	snprintf(name, 96, "%s-akt.pdf", number);
}

/* Budget investment projects: one to three objects. */
static void ir_investment(struct demo *d, struct demo_rng *r, xmlNodePtr parts, size_t p,
                          const char *number, long long executed)
{
	const struct demo_list *l = &d->l[L_INVEST];
	size_t rows[3], n = demo_pick(d, r, L_INVEST, d->prog[p].fg, rows, (size_t)demo_rng_range(r, 1, 3));
	xmlNodePtr inv = demo_part_t(d, parts, "investment", "ir.investment.title", "ir.investment.text", NULL);
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom }, pk = { .oom = &d->oom },
	                pr = { .oom = &d->oom }, tk = { .oom = &d->oom }, tr = { .oom = &d->oom };
	long long part[3];
	int w[3] = { 5, 3, 2 };
	char key[48], name[96], cost[40], pct[24];

	ir_evidence_name(name, number);
	demo_split(executed, w, (int)n, part);
	for (size_t i = 0; i < n; i++) {
		struct demo_var v[] = { { "cost", demo_money(cost, part[i]), NULL }, { "done", pct, NULL },
		                        { "file", name, NULL }, { NULL, NULL, NULL } };

		snprintf(pct, sizeof pct, "%d", (int)demo_rng_range(r, 35, 100));
		demo_place(d, r, &pk, &pr);
		demo_buf_reset(&kk);
		demo_buf_reset(&ru);
		demo_buf_printf(&kk, "%s, %s", DEMO_F(l, rows[i], 1), pk.p);
		demo_buf_printf(&ru, "%s, %s", DEMO_F(l, rows[i], 2), pr.p);
		snprintf(key, sizeof key, "investment.%zu", i + 1);
		demo_say(d, "ir.project.text", v, &tk, &tr);
		demo_part(d, inv, key, kk.p, ru.p, tk.p, tr.p);
	}
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	demo_buf_free(&pk);
	demo_buf_free(&pr);
	demo_buf_free(&tk);
	demo_buf_free(&tr);
}

/* P-10: the materials that confirm the investment projects. */
static void ir_evidence(struct demo *d, xmlNodePtr root, const char *number)
{
	const char *lines[] = { "SYNTHETIC DEMO DATA - NOT A REAL DOCUMENT",
		                "Act of acceptance of completed works (synthetic)", number,
		                "Budget investment projects: works accepted as listed in the report.",
		                "Generated by obctl demo for the open budgets portal." };
	struct demo_buf pdf = { .oom = &d->oom };
	char name[96];

	ir_evidence_name(name, number);
	demo_pdf(&pdf, lines, (int)(sizeof lines / sizeof lines[0]));
	demo_attach(d, demo_el(d, root, "attachments"), name, "application/pdf", "investment-evidence",
	            (const unsigned char *)(pdf.p ? pdf.p : ""), pdf.len);
	demo_buf_free(&pdf);
}

static int report(struct demo *d, size_t i, size_t n, size_t p, int last)
{
	const struct demo_prog *pr = &d->prog[p];
	const struct demo_admin *ad = &d->adm[pr->admin];
	long long v[DEMO_MAXSUB][C_N], tot[C_N];
	char number[64], tag[16], ys[24], end[DATE_STRLEN], s[5][40], pct[32];
	struct demo_header h = { number, i * 100 / n < 60 ? last : last - 1, pr->admin, 0, NULL };
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	long lo, hi, e;
	struct demo_rng r;
	xmlNodePtr root, parts, ex;
	xmlDocPtr doc;

	demo_rng_seed(&r, d->seed, 50, i);
	/* P-10: no later than 1 April of the next year. */
	lo = demo_day(h.year + 1, 1, 15);
	hi = demo_day(h.year + 1, 3, 31);
	if (hi > d->tday)
		hi = d->tday;
	h.posted = demo_weekday_in(d, demo_rng_range(&r, lo, hi), lo, hi);
	e = demo_discussion_end(d, h.posted);
	h.status = e >= d->tday ? "in-discussion" : d->tday - e <= 45 ? "discussion-closed"
	         : h.year == last ? "published" : "archived";
	snprintf(number, sizeof number, "IR-%d-%s-%s", h.year, demo_admin_tag(d, pr->admin, tag), pr->code);
	snprintf(ys, sizeof ys, "%d", h.year);
	ir_rows(d, &r, p, h.year, v);
	for (int c = 0; c < C_N; c++) {
		tot[c] = 0;
		for (int k = 0; k < pr->nsub; k++)
			tot[c] += v[k][c];
	}
	doc = demo_doc_new(d, "implementation-report", &h, &root);
	demo_attr(d, root, "discussion-end", demo_date(end, e));
	if (pr->inv)
		demo_attr(d, root, "investment", "true");
	{
		struct demo_var vv[] = { { "prog", pr->kk, pr->ru }, { "year", ys, NULL },
		                         { "admin", ad->raw_kk, ad->raw_ru },
		                         { "approved", demo_money(s[0], tot[C_APPROVED]), NULL },
		                         { "corrected", demo_money(s[1], tot[C_CORRECTED]), NULL },
		                         { "executed", demo_money(s[2], tot[C_EXECUTED]), NULL },
		                         { "savings", demo_money(s[3], tot[C_SAVINGS]), NULL },
		                         { "under", demo_money(s[4], tot[C_UNDER]), NULL },
		                         { "pct", demo_pct(pct, tot[C_EXECUTED], tot[C_CORRECTED]), NULL },
		                         { NULL, NULL, NULL } };
		size_t rows[1];

		demo_bi_tpl(d, root, "title", "ir.title", vv, 1);
		demo_attr(d, demo_el(d, root, "program"), "code", pr->code);
		demo_head(d, &r, ad->level, &kk, &ru);
		demo_bi(d, root, "head", kk.p, ru.p);
		parts = demo_el(d, root, "parts");
		demo_basis(d, p, &kk, &ru);
		demo_part(d, parts, "basis", demo_tpl(d, "part.basis", DEMO_KK), demo_tpl(d, "part.basis", DEMO_RU),
		          kk.p, ru.p);
		if (demo_pick(d, &r, L_GOALS, pr->fg, rows, 1) == 1)
			demo_part(d, parts, "goal", demo_tpl(d, "part.goal", DEMO_KK), demo_tpl(d, "part.goal", DEMO_RU),
			          DEMO_F(&d->l[L_GOALS], rows[0], 1), DEMO_F(&d->l[L_GOALS], rows[0], 2));
		demo_part_t(d, parts, "execution", "ir.execution.title",
		            tot[C_NOTEXEC] > 0 ? "ir.execution.text" : "ir.execution.full", vv);
		ir_results(d, &r, parts, p);
		if (tot[C_NOTEXEC] > 0)
			demo_part_t(d, parts, "reasons", "ir.reasons.title", "ir.reasons.text", vv);
		if (pr->inv)
			ir_investment(d, &r, parts, p, number, tot[C_EXECUTED]);
		demo_part_t(d, parts, "conclusions", "ir.conclusions.title", "ir.conclusions.text", vv);
	}
	ex = demo_el(d, root, "execution");
	ir_table(d, &r, ex, p, v, tot);
	if (pr->inv)
		ir_evidence(d, root, number);
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	return demo_doc_save(d, doc, K_REPORT);
}

int demo_reports(struct demo *d)
{
	size_t n = (size_t)REPORTS_PER_SCALE * (size_t)d->scale, *order;
	int last = ir_last_year(d), rc = 0;
	struct demo_rng r;

	if (n > d->nprog) {
		fprintf(stderr, "obctl demo: %zu programs are too few for %zu reports (data/demo/programs.txt)\n",
		        d->nprog, n);
		return -1;
	}
	demo_rng_seed(&r, d->seed, 51, 0);
	if ((order = demo_program_order(d, &r, 30)) == NULL)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = report(d, i, n, order[i], last);
	free(order);
	return rc;
}
