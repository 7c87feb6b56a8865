/* The units of the lifecycle pages (lifecycle_pages.h) and what each
 * signature covers:
 *   doc/ID-report      a final report (P-17): frozen once stored, so its id,
 *                      date, size and appendix;
 *   doc/ID-press       a press release (P-12): the document's header fields
 *                      (struct idoc's head);
 *   press/index, press/N  the press list, GEN_PAGE_SIZE a page;
 *   home/atom          the Atom feeds: their FEED_ENTRIES entries;
 *   compliance/index, compliance/RULE  the compliance pages: today and
 *                      every row's due date and status.
 * The keys follow the layout of generator/layout.c: a file's unit is its
 * bucket plus its name up to the first dot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db_calendar.h"
#include "db_compliance.h"
#include "db_lifecycle.h"
#include "lifecycle_pages.h"

/* Read once per build, before the render threads start; only read after. */
static struct ob_date today_v;

/* The compliance record, its pages' signatures, and what it was read
 * from.  obgen --watch keeps it between builds while none of that changed
 * (plan_compliance); a one-shot build frees it at the end (build.c). */
static struct {
	struct compliance *record;
	long long seq;                       /* meta.seq of its snapshot */
	struct ob_date today;
	uint64_t sig[DEADLINE_RULES + 1];    /* by rule; [0]: the day alone */
} kept;

struct ob_date lifecycle_today(void)
{
	return today_v;
}

const struct compliance *lifecycle_compliance(void)
{
	return kept.record;
}

void units_lifecycle_free(void)
{
	compliance_free(kept.record);
	memset(&kept, 0, sizeof kept);
}

static struct unit *push(struct units *us, int type, uint64_t sig, const char *key, long long n)
{
	struct unit *u = units_add_key(us, type, sig, key);

	if (u != NULL)
		u->n = n;
	return u;
}

struct plan {
	struct gen *g;
	struct units *us;
	int oom;
};

static int on_report(const struct final_report *r, void *arg)
{
	struct plan *p = arg;
	char key[64];
	uint64_t h;

	if (index_doc(&p->g->idx, r->doc_id) == NULL)
		return 0;
	h = sig_int(sig_int(sig_str(sig_int(SIG_INIT, r->doc_id), r->reported), (long long)r->len),
	            r->appendix);
	snprintf(key, sizeof key, "doc/%lld-report", r->doc_id);
	if (push(p->us, U_REPORT, h, key, r->doc_id) == NULL)
		return p->oom = 1;
	return 0;
}

static int plan_press(struct gen *g, struct units *us)
{
	const struct idoc **docs = NULL;
	uint64_t *sig = NULL;
	size_t n = 0, pages;
	char key[64];
	int rc = -1;

	if (press_docs(g, &docs, &n) != 0 || (sig = malloc((n + 1) * sizeof *sig)) == NULL)
		goto out;
	pages = n == 0 ? 1 : (n + GEN_PAGE_SIZE - 1) / GEN_PAGE_SIZE;
	for (size_t i = 0; i < n; i++)
		if (units_add_id(us, U_PRESS, sig[i] = docs[i]->head, "doc/", docs[i]->id, "-press") == NULL)
			goto out;
	for (size_t p = 1; p <= pages; p++) {
		uint64_t h = sig_int(sig_int(sig_int(SIG_INIT, (long long)n), (long long)pages), (long long)p);
		struct unit *u;

		for (size_t k = (p - 1) * GEN_PAGE_SIZE; k < n && k < p * GEN_PAGE_SIZE; k++)
			h = sig_int(h, (long long)sig[k]);
		if (p == 1)
			snprintf(key, sizeof key, "press/index");
		else
			snprintf(key, sizeof key, "press/%zu", p);
		if ((u = push(us, U_PRESS_LIST, h, key, 0)) == NULL)
			goto out;
		u->page = p;
	}
	rc = 0;
out:
	free(sig);
	free(docs);
	return rc;
}

static int plan_feed(struct gen *g, struct units *us, struct ob_err *err)
{
	struct feed_entry e[FEED_ENTRIES];
	size_t n = 0;
	uint64_t h = SIG_INIT;

	if (feed_entries(g, e, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		h = sig_int(sig_str(sig_int(h, e[i].type), e[i].date), (long long)e[i].d->head);
	if (push(us, U_FEED, h, "home/atom", 0) == NULL)
		return ob_err_set(err, "io", 0, "out of memory"), -1;
	return 0;
}

static uint64_t sig_date(uint64_t h, struct ob_date d)
{
	return sig_int(sig_int(sig_int(h, d.y), d.m), d.d);
}

/* The record still describes the snapshot being built: nothing it reads
 * changed since the one it was read from (schema/012_compliance_seq.sql,
 * 010_ref_seq.sql), and the statuses are for the same day. */
static int kept_valid(struct gen *g)
{
	long long seq = db_site_compliance_seq(g->db);

	return kept.record != NULL && seq >= 0 && seq <= kept.seq && date_cmp(kept.today, today_v) == 0 &&
	       !ref_changed_since(g->db, kept.seq);
}

/* Reads the record and signs it: one signature per rule page. */
static int load_compliance(struct gen *g, struct ob_err *err)
{
	struct calendar *cal = calendar_new();
	int rc = -1;

	units_lifecycle_free();
	if (cal == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		goto out;
	}
	if (db_calendar_load(g->st, cal, err) != 0 ||
	    db_compliance_load(g->st, cal, today_v, &kept.record, err) != 0)
		goto out;
	for (int r = 0; r <= DEADLINE_RULES; r++)
		kept.sig[r] = sig_date(SIG_INIT, today_v);
	for (size_t i = 0; i < kept.record->nrows; i++) {
		const struct compliance_row *w = &kept.record->rows[i];
		uint64_t *x = &kept.sig[w->rule];

		*x = sig_int(sig_int(sig_int(*x, (long long)w->admin), w->doc_id), w->program_id);
		*x = sig_str(sig_str(sig_str(*x, w->number), w->doc_status), w->period);
		*x = sig_date(sig_date(sig_date(sig_int(*x, w->year), w->received), w->posted), w->due);
		*x = sig_int(sig_int(*x, w->status.state), w->status.late_days);
		*x = sig_str(*x, w->err_code);
	}
	kept.seq = g->seq;
	kept.today = today_v;
	rc = 0;
out:
	calendar_free(cal);
	return rc;
}

/* One unit per rule page and one for the summary over all rules.  The
 * pages render from the same record (lifecycle_compliance). */
static int plan_compliance(struct gen *g, struct units *us, struct ob_err *err)
{
	static const int rules[] = { DEADLINE_P5, DEADLINE_P7, DEADLINE_P10, DEADLINE_G };
	uint64_t all;
	char key[64];

	double t0 = gen_now_ms();

	if (kept_valid(g)) {
		if (gen_profile())
			fprintf(stderr, "obgen: profile: compliance record kept\n");
	} else if (load_compliance(g, err) != 0) {
		return -1;
	} else if (gen_profile()) {
		fprintf(stderr, "obgen: profile: compliance record read in %.1f ms\n", gen_now_ms() - t0);
	}
	all = kept.sig[0];
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
		snprintf(key, sizeof key, "compliance/%s", compliance_page_name(rules[r]));
		all = sig_int(all, (long long)kept.sig[rules[r]]);
		if (push(us, U_COMPLIANCE, kept.sig[rules[r]], key, rules[r]) == NULL)
			goto oom;
	}
	if (push(us, U_COMPLIANCE, all, "compliance/index", 0) == NULL)
		goto oom;
	return 0;
oom:
	return ob_err_set(err, "io", 0, "out of memory"), -1;
}

int units_plan_lifecycle(struct gen *g, struct units *us, struct ob_err *err)
{
	struct plan p = { .g = g, .us = us };

	if (ob_today(&today_v) != 0)
		return ob_err_set(err, "clock", 0, "cannot tell today's date (OB_TODAY?)"), -1;
	if (db_final_report_list(g->st, on_report, &p, err) < 0)
		return -1;
	if (p.oom || plan_press(g, us) != 0)
		return ob_err_set(err, "io", 0, "out of memory"), -1;
	if (plan_feed(g, us, err) != 0 || plan_compliance(g, us, err) != 0)
		return -1;
	return 0;
}

int unit_render_lifecycle(struct gen *g, const struct unit *u, const char *bucket, int lang,
                          struct ob_err *err)
{
	int data = strncmp(bucket, "data/", 5) == 0;

	switch (u->type) {
	case U_REPORT: return data ? data_report(g, u->n, err) : page_report(g, lang, u->n, err);
	case U_PRESS: return data ? 0 : page_press(g, lang, u->n, err);
	case U_PRESS_LIST: return page_press_list(g, lang, u->page, err);
	case U_FEED: return page_feed(g, lang, err);
	case U_COMPLIANCE: return page_compliance(g, lang, (int)u->n, err);
	}
	return 0;
}
