/* obctl demo: monthly reports on information systems built with tied
 * grants (G: Appendix 1, 26 columns, by the 20th of the next month), the
 * last twelve months due by today, for two systems per --scale. */
#include <stdio.h>
#include <string.h>

#include "demo_int.h"

#define SYSTEMS_PER_SCALE 2
#define GRANT_MONTHS 12

/* Tenge spent in a month: a twelfth of the yearly grant, give or take half. */
static long long gr_month(const struct demo *d, size_t s, int y, int m, long long yearly)
{
	return yearly / 12 / 100 * (50 + (long long)(demo_hash(d->seed, 70, s, (uint64_t)(y * 12 + m)) % 101));
}

/* A cell in both languages: "kk / ru". */
static void gr_cell(struct demo *d, xmlNodePtr row, int col, const char *key,
                    const struct demo_var *v)
{
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };

	demo_say(d, key, v, &kk, &ru);
	demo_buf_printf(&kk, " / %s", ru.p ? ru.p : "");
	{
		char c[24];
		xmlNodePtr n = xmlNewTextChild(row, row->ns, BAD_CAST "cell", BAD_CAST(kk.p ? kk.p : ""));

		if (n == NULL)
			d->oom = 1;
		snprintf(c, sizeof c, "%d", col);
		demo_attr(d, n, "col", c);
	}
	demo_buf_free(&kk);
	demo_buf_free(&ru);
}

static void gr_text(struct demo *d, xmlNodePtr row, int col, const char *text)
{
	char c[24];
	xmlNodePtr n = xmlNewTextChild(row, row->ns, BAD_CAST "cell", BAD_CAST text);

	if (n == NULL)
		d->oom = 1;
	snprintf(c, sizeof c, "%d", col);
	demo_attr(d, n, "col", c);
}

static int grant(struct demo *d, size_t s, size_t a, int y, int m, long long yearly)
{
	const struct demo_list *sl = &d->l[L_SYSTEMS];
	size_t row = s % sl->n, stage = s / sl->n + 1;
	char number[96], ys[24], ms[24], mkey[32], period[32], stg[24], sname_kk[512], sname_ru[512];
	char spent[32], ytd[32], start[DATE_STRLEN], finish[DATE_STRLEN], appr[DATE_STRLEN], test[DATE_STRLEN];
	long long month = gr_month(d, s, y, m, yearly), total = 0;
	long first = demo_day(y + m / 12, m % 12 + 1, 1), posted;
	struct demo_header h = { number, y, a, 0, "published" };
	struct demo_rng r;
	xmlNodePtr root, rows;
	xmlDocPtr doc;
	int nrows = 1 + (int)(s % 2);

	demo_rng_seed(&r, d->seed, 71, s * 10000 + (size_t)(y * 12 + m));
	for (int k = 1; k <= m; k++)
		total += gr_month(d, s, y, k, yearly);
	/* G: by the 20th of the following month. */
	posted = first + demo_rng_range(&r, 7, 19);
	h.posted = demo_weekday_in(d, posted, first, first + 19);
	snprintf(number, sizeof number, "GR-%d-%02d-%s-%02zu", y, m, d->adm[a].code, s + 1);
	snprintf(ys, sizeof ys, "%d", y);
	snprintf(ms, sizeof ms, "%d", m);
	snprintf(period, sizeof period, "%d-%02d", y, m);
	snprintf(mkey, sizeof mkey, "month.%d", m);
	snprintf(stg, sizeof stg, "%zu", stage);
	if (stage > 1) {
		snprintf(sname_kk, sizeof sname_kk, "%s, %zu-кезек", DEMO_F(sl, row, 1), stage);
		snprintf(sname_ru, sizeof sname_ru, "%s, очередь %zu", DEMO_F(sl, row, 2), stage);
	} else {
		snprintf(sname_kk, sizeof sname_kk, "%s", DEMO_F(sl, row, 1));
		snprintf(sname_ru, sizeof sname_ru, "%s", DEMO_F(sl, row, 2));
	}
	snprintf(spent, sizeof spent, "%lld.00", month);
	snprintf(ytd, sizeof ytd, "%lld.00", total);
	demo_date(start, demo_day(y - 1, 1 + (int)(s % 12), 10 + (int)(s % 15)));
	demo_date(finish, demo_day(y + 1, 1 + (int)(s % 12), 10 + (int)(s % 15)));
	demo_date(appr, demo_day(y - 1, 1 + (int)(s % 12), 10 + (int)(s % 15)) + 45);
	demo_date(test, first - 20);
	{
		struct demo_var v[] = { { "system", sname_kk, sname_ru }, { "short", DEMO_F(sl, row, 3), NULL },
		                        { "year", ys, NULL }, { "month", demo_tpl(d, mkey, DEMO_KK), demo_tpl(d, mkey, DEMO_RU) },
		                        { "stage", stg, NULL }, { "admin", d->adm[a].raw_kk, d->adm[a].raw_ru },
		                        { NULL, NULL, NULL } };

		doc = demo_doc_new(d, "grant-report", &h, &root);
		demo_attr(d, root, "period", period);
		demo_bi_tpl(d, root, "title", "gr.title", v, 1);
		rows = demo_el(d, root, "rows");
		for (int k = 0; k < nrows; k++) {
			xmlNodePtr rw = demo_el(d, rows, "row");
			char num[24], url[96];
			const char *part = k == 0 ? "gr.part.main" : "gr.part.mobile";

			if (rw == NULL)
				break;
			snprintf(num, sizeof num, "%d", k + 1);
			gr_text(d, rw, 1, num);
			gr_cell(d, rw, 2, "gr.c2", v);
			gr_cell(d, rw, 3, part, v);
			gr_cell(d, rw, 4, "gr.c4", v);
			{
				char dates[64];

				snprintf(dates, sizeof dates, "%s — %s", start, finish);
				gr_text(d, rw, 5, dates);
			}
			gr_cell(d, rw, 6, "gr.c6", v);
			gr_cell(d, rw, 7, "gr.c7", v);
			gr_cell(d, rw, 8, "gr.c8", v);
			gr_cell(d, rw, 9, "gr.c9", v);
			gr_text(d, rw, 10, k == 0 ? spent : "0.00");
			gr_text(d, rw, 11, k == 0 ? ytd : "0.00");
			gr_cell(d, rw, 12, demo_rng_below(&r, 4) ? "gr.status.on" : "gr.status.late", v);
			gr_cell(d, rw, 13, m >= 10 && demo_rng_below(&r, 2) ? "gr.status.done" : "gr.status.on", v);
			gr_cell(d, rw, 14, "gr.c14", v);
			gr_cell(d, rw, 15, "gr.c15", v);
			gr_cell(d, rw, 16, "gr.c16", v);
			gr_cell(d, rw, 17, "gr.c17", v);
			gr_cell(d, rw, 18, k == 0 ? "gr.c18.server" : "gr.c18.mobile", v);
			gr_cell(d, rw, 19, "gr.c19", v);
			snprintf(url, sizeof url, "https://vendor-%zu.example", s % 7 + 1);
			gr_text(d, rw, 20, url);
			snprintf(url, sizeof url, "https://supplier-%zu.example", s % 5 + 1);
			gr_text(d, rw, 21, url);
			gr_cell(d, rw, 22, s % 3 ? "gr.licence.open" : "gr.licence.sub", v);
			gr_cell(d, rw, 23, "gr.c23", v);
			gr_text(d, rw, 24, appr);
			gr_text(d, rw, 25, test);
			gr_cell(d, rw, 26, m % 3 ? "gr.c26.pass" : "gr.c26.plan", v);
		}
	}
	return demo_doc_save(d, doc, K_GRANT);
}

int demo_grants(struct demo *d)
{
	size_t n = (size_t)SYSTEMS_PER_SCALE * (size_t)d->scale;
	size_t digital = demo_admin_by_role(d, "digital");
	/* The last month due: its report by the 20th of the next month. */
	int y = d->today.y, m = d->today.m - (d->today.d >= 20 ? 1 : 2);

	while (m < 1) {
		m += 12;
		y--;
	}
	for (size_t s = 0; s < n; s++) {
		/* systems.txt names the central body that builds each system. */
		const char *owner = DEMO_F(&d->l[L_SYSTEMS], s % d->l[L_SYSTEMS].n, 0);
		size_t a = digital;

		for (size_t c = 0; c < d->ncentral; c++)
			if (strcmp(d->adm[c].code, owner) == 0)
				a = c;
		long long yearly = (long long)(200 + demo_hash(d->seed, 73, s, 0) % 1800) * 1000000;

		for (int k = GRANT_MONTHS - 1; k >= 0; k--) {
			int mm = m - k, yy = y;

			while (mm < 1) {
				mm += 12;
				yy--;
			}
			if (grant(d, s, a, yy, mm, yearly) != 0)
				return -1;
		}
	}
	return 0;
}
