/* obctl demo: results of state audit and financial control (P-7), posted
 * by the audited administrator within 15 working days of receiving them:
 * here at most 10 working days after, so under any calendar. */
#include <stdio.h>

#include "demo_int.h"

#define AUDITS_PER_SCALE 20

/* Rows of audit.txt of one section ("sub", "find", "rec", "meas"). */
static size_t au_rows(struct demo *d, struct demo_rng *r, const char *section, size_t *out, size_t want)
{
	return demo_pick_sel(d, r, L_AUDIT, section, out, want);
}

static int audit(struct demo *d, size_t i)
{
	const struct demo_list *al = &d->l[L_AUDIT], *bl = &d->l[L_AUDITORS];
	struct demo_rng r;
	size_t a, rows[4], n, brow[8], nb;
	long received, from, to, posted, day;
	long long total = 0, amounts[4];
	char number[64], tag[16], ys[24], rec[DATE_STRLEN], f[DATE_STRLEN], t[DATE_STRLEN];
	char s1[40], cnt[24], key[48], region_kk[256] = "", region_ru[256] = "";
	struct demo_header h = { number, 0, 0, 0, NULL };
	struct demo_buf kk = { .oom = &d->oom }, ru = { .oom = &d->oom };
	xmlNodePtr root, parts, pt;
	xmlDocPtr doc;

	demo_rng_seed(&r, d->seed, 60, i);
	a = demo_rng_below(&r, 2) ? demo_rng_below(&r, d->ncentral)
	                          : d->ncentral + demo_rng_below(&r, d->nadm - d->ncentral);
	h.admin = a;
	day = d->tday - demo_rng_range(&r, 20, 700);
	received = demo_weekday_in(d, day, day - 10, day + 10);
	/* P-7: within 15 working days; ten weekdays at most is within that. */
	posted = demo_weekday_in(d, received + demo_rng_range(&r, 1, 14), received + 1, received + 14);
	h.posted = posted;
	h.year = date_from_days(received).y - 1;  /* the fiscal year audited */
	h.status = d->tday - posted <= 365 ? "published" : "archived";
	to = received - demo_rng_range(&r, 5, 15);
	from = to - demo_rng_range(&r, 20, 50);
	snprintf(number, sizeof number, "AR-%d-%s-%04zu", date_from_days(received).y,
	         demo_admin_tag(d, a, tag), i + 1);
	snprintf(ys, sizeof ys, "%d", h.year);
	if (d->adm[a].region >= 0) {
		snprintf(region_kk, sizeof region_kk, "%s", d->reg[d->adm[a].region].kk);
		snprintf(region_ru, sizeof region_ru, "%s", d->reg[d->adm[a].region].ru);
	}
	nb = demo_rows_for(d, L_AUDITORS, d->adm[a].level == LV_REPUBLICAN ? "r" : "l", brow, 8);
	n = au_rows(d, &r, "find", rows, (size_t)demo_rng_range(&r, 2, 4));
	for (size_t k = 0; k < n; k++) {
		/* Thousand tenge: up to 900 million tenge at a ministry, 150 in a region. */
		amounts[k] = demo_rng_range(&r, 500, d->adm[a].level == LV_REPUBLICAN ? 900000 : 150000) * 1000 +
		             demo_rng_range(&r, 0, 999);
		total += amounts[k];
	}
	snprintf(cnt, sizeof cnt, "%zu", n);
	{
		size_t b = nb ? brow[demo_rng_below(&r, nb)] : 0;
		struct demo_var v[] = { { "auditor", DEMO_F(bl, b, 1), DEMO_F(bl, b, 2) },
		                        { "admin", d->adm[a].raw_kk, d->adm[a].raw_ru },
		                        { "region", region_kk, region_ru }, { "year", ys, NULL },
		                        { "from", demo_date(f, from), NULL }, { "to", demo_date(t, to), NULL },
		                        { "total", demo_money(s1, total), NULL }, { "count", cnt, NULL },
		                        { NULL, NULL, NULL } };
		size_t sub[1];

		doc = demo_doc_new(d, "audit-result", &h, &root);
		demo_attr(d, root, "received", demo_date(rec, received));
		demo_bi_tpl(d, root, "title", "ar.title", v, 1);
		parts = demo_el(d, root, "parts");
		if (au_rows(d, &r, "sub", sub, 1) == 1) {
			demo_say(d, "ar.subject.text", v, &kk, &ru);
			demo_buf_printf(&kk, " %s.", DEMO_F(al, sub[0], 1));
			demo_buf_printf(&ru, " %s.", DEMO_F(al, sub[0], 2));
			demo_part(d, parts, "subject", demo_tpl(d, "ar.subject.title", DEMO_KK),
			          demo_tpl(d, "ar.subject.title", DEMO_RU), kk.p, ru.p);
		}
		demo_part_t(d, parts, "period", "ar.period.title", "ar.period.text", v);
		pt = demo_part_t(d, parts, "findings", "ar.findings.title", "ar.findings.text", v);
	}
	for (size_t k = 0; k < n; k++) {
		struct demo_var v[] = { { "amount", demo_money(s1, amounts[k]), NULL }, { NULL, NULL, NULL } };

		snprintf(key, sizeof key, "findings.%zu", k + 1);
		demo_say(d, "ar.finding.text", v, &kk, &ru);
		demo_part(d, pt, key, DEMO_F(al, rows[k], 1), DEMO_F(al, rows[k], 2), kk.p, ru.p);
	}
	pt = demo_part_t(d, parts, "recommendations", "ar.recommendations.title", NULL, NULL);
	n = au_rows(d, &r, "rec", rows, (size_t)demo_rng_range(&r, 2, 3));
	for (size_t k = 0; k < n; k++) {
		char num[24];
		struct demo_var v[] = { { "n", num, NULL }, { NULL, NULL, NULL } };

		snprintf(num, sizeof num, "%zu", k + 1);
		snprintf(key, sizeof key, "recommendations.%zu", k + 1);
		demo_say(d, "ar.recommendation", v, &kk, &ru);
		demo_part(d, pt, key, kk.p, ru.p, DEMO_F(al, rows[k], 1), DEMO_F(al, rows[k], 2));
	}
	n = au_rows(d, &r, "meas", rows, 2);
	demo_buf_reset(&kk);
	demo_buf_reset(&ru);
	for (size_t k = 0; k < n; k++) {
		char num[24];
		struct demo_var v[] = { { "amount", demo_money(s1, total / 100 * demo_rng_range(&r, 10, 95)), NULL },
		                        { "count", num, NULL }, { NULL, NULL, NULL } };

		snprintf(num, sizeof num, "%d", (int)demo_rng_range(&r, 1, 6));
		demo_buf_puts(&kk, k ? " " : "");
		demo_buf_puts(&ru, k ? " " : "");
		demo_expand(&kk, DEMO_F(al, rows[k], 1), v, DEMO_KK);
		demo_expand(&ru, DEMO_F(al, rows[k], 2), v, DEMO_RU);
		demo_buf_puts(&kk, ".");
		demo_buf_puts(&ru, ".");
	}
	if (n > 0)
		demo_part(d, parts, "measures", demo_tpl(d, "ar.measures.title", DEMO_KK),
		          demo_tpl(d, "ar.measures.title", DEMO_RU), kk.p, ru.p);
	demo_buf_free(&kk);
	demo_buf_free(&ru);
	return demo_doc_save(d, doc, K_AUDIT);
}

int demo_audits(struct demo *d)
{
	size_t n = (size_t)AUDITS_PER_SCALE * (size_t)d->scale;

	for (size_t i = 0; i < n; i++)
		if (audit(d, i) != 0)
			return -1;
	return 0;
}
