/* obctl demo: budget program passports (P-9).  Some are in discussion now
 * (posted within the last week), some have just closed, the rest are
 * published or archived.  Structural parts follow the passport form: basis,
 * type, goal, tasks, description, expected results, one part per
 * subprogram; indicators: final results of the program, direct results of
 * each subprogram, expenses per subprogram with a total row equal to their
 * sum. */
#include <stdio.h>
#include <stdlib.h>

#include "demo_int.h"

#define PASSPORTS_PER_SCALE 320

/* Where a passport stands today, by its place in the run: 8% in
 * discussion, 12% just closed, 50% published, 30% archived. */
static void pp_dates(struct demo *d, struct demo_rng *r, size_t i, size_t n, long *posted,
                     const char **status)
{
	long t = d->tday, lo, hi;
	size_t pct = i * 100 / n;

	if (pct < 8) {
		lo = t - 6, hi = t, *status = "in-discussion";
	} else if (pct < 20) {
		lo = t - 80, hi = t - 25, *status = "discussion-closed";
	} else if (pct < 70) {
		lo = t - 365, hi = t - 81, *status = "published";
	} else {
		lo = t - 730, hi = t - 366, *status = "archived";
	}
	*posted = demo_weekday_in(d, demo_rng_range(r, lo, hi), lo, hi);
}

static void pp_indicator(struct demo *d, xmlNodePtr inds, const char *kind, const char *sub,
                         int id, size_t row, const long long v[5])
{
	static const char *const cols[5] = { "actual", "plan", "plan1", "plan2", "plan3" };
	const struct demo_list *l = &d->l[id];
	int dec = atoi(DEMO_F(l, row, 7));
	xmlNodePtr n = demo_el(d, inds, "indicator");

	demo_attr(d, n, "kind", kind);
	if (sub != NULL)
		demo_attr(d, n, "subprogram", sub);
	for (int c = 0; c < 5; c++) {
		char buf[32];

		demo_attr(d, n, cols[c], demo_decimal(buf, v[c], dec, 0));
	}
	demo_bi(d, n, "name", DEMO_F(l, row, 1), DEMO_F(l, row, 2));
	demo_bi(d, n, "unit", DEMO_F(l, row, 3), DEMO_F(l, row, 4));
}

/* Expenses: actual of the year before, the plan, three planning years;
 * each split over the subprograms by their weights, the total row the sum. */
static void pp_expenses(struct demo *d, xmlNodePtr inds, size_t p, int year)
{
	static const char *const cols[5] = { "actual", "plan", "plan1", "plan2", "plan3" };
	const struct demo_prog *pr = &d->prog[p];
	long long v[5][DEMO_MAXSUB], tot[5] = { 0 };
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	xmlNodePtr n;

	demo_split(demo_exec(d, p, year - 1), pr->sub_w, pr->nsub, v[0]);
	for (int c = 1; c < 5; c++) {
		demo_split(demo_plan(d, p, year + c - 1), pr->sub_w, pr->nsub, v[c]);
		for (int s = 0; s < pr->nsub; s++)
			v[c][s] *= 1000;
	}
	for (int s = 0; s < pr->nsub; s++) {
		n = demo_el(d, inds, "indicator");
		demo_attr(d, n, "kind", "expense");
		demo_attr(d, n, "subprogram", pr->sub[s]);
		for (int c = 0; c < 5; c++) {
			demo_attr_amount(d, n, cols[c], v[c][s]);
			tot[c] += v[c][s];
		}
		demo_sub_name(d, p, s, &kk, &ru);
		demo_bi(d, n, "name", kk.p, ru.p);
		demo_bi_tpl(d, n, "unit", "unit.money", NULL, 0);
	}
	n = demo_el(d, inds, "indicator");
	demo_attr(d, n, "kind", "expense");
	demo_attr(d, n, "total", "true");
	for (int c = 0; c < 5; c++)
		demo_attr_amount(d, n, cols[c], tot[c]);
	demo_bi_tpl(d, n, "name", "ind.total", NULL, 0);
	demo_bi_tpl(d, n, "unit", "unit.money", NULL, 0);
	demo_buf_free(&kk);
	demo_buf_free(&ru);
}

static void pp_parts(struct demo *d, struct demo_rng *r, xmlNodePtr parts, size_t p, int year,
                     const struct demo_var *v)
{
	const struct demo_prog *pr = &d->prog[p];
	const struct demo_list *gl = &d->l[L_GOALS], *tl = &d->l[L_TASKS], *el = &d->l[L_EXPECTED];
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	size_t rows[8], n;
	char key[48], ys[24];
	xmlNodePtr tasks;

	demo_basis(d, p, &kk, &ru);
	demo_part(d, parts, "basis", demo_tpl(d, "part.basis", DEMO_KK), demo_tpl(d, "part.basis", DEMO_RU),
	          kk.p, ru.p);
	snprintf(key, sizeof key, "bp.type.%c%d", d->adm[pr->admin].level == LV_REPUBLICAN ? 'r' : 'l', pr->inv);
	demo_part_t(d, parts, "type", "bp.type.title", key, v);
	if (demo_pick(d, r, L_GOALS, pr->fg, rows, 1) == 1)
		demo_part(d, parts, "goal", demo_tpl(d, "part.goal", DEMO_KK), demo_tpl(d, "part.goal", DEMO_RU),
		          DEMO_F(gl, rows[0], 1), DEMO_F(gl, rows[0], 2));
	tasks = demo_part_t(d, parts, "tasks", "part.tasks", NULL, NULL);
	n = demo_pick(d, r, L_TASKS, pr->fg, rows, (size_t)demo_rng_range(r, 2, 3));
	for (size_t i = 0; i < n; i++) {
		char num[24];
		struct demo_var tv[] = { { "n", num, NULL }, { NULL, NULL, NULL } };

		snprintf(num, sizeof num, "%zu", i + 1);
		snprintf(key, sizeof key, "tasks.%zu", i + 1);
		demo_say(d, "part.task", tv, &kk, &ru);
		demo_part(d, tasks, key, kk.p, ru.p, DEMO_F(tl, rows[i], 1), DEMO_F(tl, rows[i], 2));
	}
	demo_part_t(d, parts, "description", "part.description",
	            pr->inv ? "bp.description.inv" : "bp.description.fun", v);
	n = demo_pick(d, r, L_EXPECTED, pr->fg, rows, 2);
	demo_buf_reset(&kk);
	demo_buf_reset(&ru);
	for (size_t i = 0; i < n; i++) {
		demo_buf_printf(&kk, "%s%s.", i ? " " : "", DEMO_F(el, rows[i], 1));
		demo_buf_printf(&ru, "%s%s.", i ? " " : "", DEMO_F(el, rows[i], 2));
	}
	if (n > 0)
		demo_part(d, parts, "results", demo_tpl(d, "part.results", DEMO_KK),
		          demo_tpl(d, "part.results", DEMO_RU), kk.p, ru.p);
	for (int s = 0; s < pr->nsub; s++) {
		char plan[40];
		long long part[DEMO_MAXSUB];
		struct demo_buf tk = { .oom = &d->oom }, tr = { .oom = &d->oom };

		demo_split(demo_plan(d, p, year), pr->sub_w, pr->nsub, part);
		{
			struct demo_var sv[] = { { "code", pr->sub[s], NULL },
			                         { "name", pr->sub_kk[s], pr->sub_ru[s] },
			                         { "plan", demo_money(plan, part[s] * 1000), NULL },
			                         { "year", ys, NULL }, { NULL, NULL, NULL } };

			snprintf(ys, sizeof ys, "%d", year);
			snprintf(key, sizeof key, "sub.%s", pr->sub[s]);
			demo_sub_name(d, p, s, &tk, &tr);
			demo_say(d, pr->inv ? "bp.sub.inv" : "bp.sub.fun", sv, &kk, &ru);
			demo_part(d, parts, key, tk.p, tr.p, kk.p, ru.p);
		}
		demo_buf_free(&tk);
		demo_buf_free(&tr);
	}
	demo_buf_free(&kk);
	demo_buf_free(&ru);
}

static int passport(struct demo *d, size_t i, size_t n, size_t p)
{
	const struct demo_prog *pr = &d->prog[p];
	const struct demo_admin *ad = &d->adm[pr->admin];
	char number[64], tag[16], ys[24], plan[40], end[DATE_STRLEN];
	struct demo_header h = { number, 0, pr->admin, 0, NULL };
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	struct demo_rng r;
	size_t rows[4], nr;
	xmlNodePtr root, inds;
	xmlDocPtr doc;

	demo_rng_seed(&r, d->seed, 40, i);
	pp_dates(d, &r, i, n, &h.posted, &h.status);
	h.year = date_from_days(h.posted).y;
	snprintf(number, sizeof number, "BP-%d-%s-%s", h.year, demo_admin_tag(d, pr->admin, tag), pr->code);
	snprintf(ys, sizeof ys, "%d", h.year);
	{
		struct demo_var v[] = { { "prog", pr->kk, pr->ru }, { "year", ys, NULL },
		                        { "admin", ad->raw_kk, ad->raw_ru },
		                        { "plan", demo_money(plan, demo_plan(d, p, h.year) * 1000), NULL },
		                        { NULL, NULL, NULL } };

		doc = demo_doc_new(d, "passport", &h, &root);
		demo_attr(d, root, "discussion-end", demo_date(end, demo_discussion_end(d, h.posted)));
		demo_bi_tpl(d, root, "title", "bp.title", v, 1);
		demo_attr(d, demo_el(d, root, "program"), "code", pr->code);
		demo_head(d, &r, ad->level, &kk, &ru);
		demo_bi(d, root, "head", kk.p, ru.p);
		pp_parts(d, &r, demo_el(d, root, "parts"), p, h.year, v);
	}
	inds = demo_el(d, root, "indicators");
	nr = demo_pick(d, &r, L_FINAL, pr->fg, rows, (size_t)demo_rng_range(&r, 1, 2));
	for (size_t k = 0; k < nr; k++) {
		long long v[5];

		demo_result_values(d, &r, L_FINAL, rows[k], v);
		pp_indicator(d, inds, "final", NULL, L_FINAL, rows[k], v);
	}
	for (int s = 0; s < pr->nsub; s++) {
		nr = demo_pick(d, &r, L_DIRECT, pr->fg, rows, 1);
		for (size_t k = 0; k < nr; k++) {
			long long v[5];

			demo_result_values(d, &r, L_DIRECT, rows[k], v);
			pp_indicator(d, inds, "direct", pr->sub[s], L_DIRECT, rows[k], v);
		}
	}
	pp_expenses(d, inds, p, h.year);
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	return demo_doc_save(d, doc, K_PASSPORT);
}

int demo_passports(struct demo *d)
{
	size_t n = (size_t)PASSPORTS_PER_SCALE * (size_t)d->scale, *order;
	struct demo_rng r;
	int rc = 0;

	if (n > d->nprog) {
		fprintf(stderr, "obctl demo: %zu programs are too few for %zu passports (data/demo/programs.txt)\n",
		        d->nprog, n);
		return -1;
	}
	demo_rng_seed(&r, d->seed, 41, 0);
	if ((order = demo_program_order(d, &r, 30)) == NULL)
		return -1;
	/* One passport per program: (program, year) and so the number are
	 * unique. */
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = passport(d, i, n, order[i]);
	free(order);
	return rc;
}
