/* Closing discussions and making their final reports (lifecycle.h; P-9,
 * P-10, P-16, P-17).  The report is built as a libxml2 tree and serialized
 * once: the same database and date give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "db_lifecycle.h"
#include "db_submit.h"
#include "deadline.h"
#include "lifecycle.h"

static const char *const langs[2] = { "kk", "ru" };

struct build {
	xmlNsPtr ns;
	xmlNodePtr root, props, pvotes, rows;
	char end[DATE_STRLEN];    /* the last day of the discussion, "" if unknown */
	long long n, published, refused, pending, unanswered, pfor, pagainst;
	int appendix, nomem;
};

static xmlNodePtr el(struct build *b, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewChild(parent, b->ns, (const xmlChar *)name, NULL);

	if (n == NULL)
		b->nomem = 1;
	else if (text != NULL)
		xmlNodeAddContent(n, (const xmlChar *)text);
	return n;
}

static void attr(struct build *b, xmlNodePtr n, const char *name, const char *value)
{
	if (n != NULL && value != NULL && xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value) == NULL)
		b->nomem = 1;
}

static void attr_int(struct build *b, xmlNodePtr n, const char *name, long long v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", v);
	attr(b, n, name, buf);
}

/* A text in both languages: <name><kk>…</kk><ru>…</ru></name>. */
static xmlNodePtr bilingual(struct build *b, xmlNodePtr parent, const char *name,
                            const char *const text[2])
{
	xmlNodePtr n = el(b, parent, name, NULL);

	for (int l = 0; l < 2 && n != NULL; l++)
		el(b, n, langs[l], text[l] != NULL ? text[l] : "");
	return n;
}

static int on_header(const struct lc_header *h, void *arg)
{
	struct build *b = arg;
	int passport = strcmp(h->kind, "passport") == 0;
	xmlNodePtr r = b->root, n;
	char buf[16];

	if (!passport && strcmp(h->kind, "implementation-report") != 0)
		return 0;
	b->appendix = passport ? 1 : 2;
	attr_int(b, r, "appendix", b->appendix);
	attr(b, r, "kind", h->kind);
	attr_int(b, r, "doc-id", h->id);
	attr(b, r, "number", h->number);
	attr(b, r, "posted", h->posted);
	attr(b, r, "discussion-end", h->discussion_end);
	snprintf(b->end, sizeof b->end, "%s", h->discussion_end != NULL ? h->discussion_end : "");
	bilingual(b, r, "name", h->title);
	n = el(b, r, "document-votes", NULL);
	attr_int(b, n, "for", h->votes_for);
	attr_int(b, n, "against", h->votes_against);
	b->props = el(b, r, "proposals", NULL);
	b->pvotes = el(b, r, "proposal-votes", NULL);
	/* The budget type: republican, or local (regional, city, district). */
	n = bilingual(b, r, "budget", h->level_name);
	attr(b, n, "type", strcmp(h->level, "republican") == 0 ? "republican" : "local");
	attr(b, n, "level", h->level);
	n = bilingual(b, r, "admin", h->admin_name);
	attr(b, n, "code", h->admin_code);
	attr(b, n, "bin", h->admin_bin);
	attr(b, n, "region", h->region);
	if (h->program_code != NULL) {
		n = bilingual(b, r, "program", h->program_name);
		attr(b, n, "code", h->program_code);
	}
	/* A passport is approved for the three-year planning period that
	 * begins with its year; a report covers the fiscal year it reports on. */
	n = el(b, r, "period", NULL);
	attr_int(b, n, "from", h->year);
	attr_int(b, n, "to", passport ? h->year + 2 : h->year);
	if (passport)
		snprintf(buf, sizeof buf, "%d–%d", h->year, h->year + 2);
	else
		snprintf(buf, sizeof buf, "%d", h->year);
	xmlNodeAddContent(n, (const xmlChar *)buf);
	if (h->head[0] != NULL || h->head[1] != NULL)
		bilingual(b, r, "head", h->head);
	b->rows = el(b, r, "rows", NULL);
	return b->nomem;
}

/* One row of the table of Appendix 1/2: columns 1 (No.), 2 (posting date),
 * 3 (structural part), 4 (the proposal), 5 (the state body's answer),
 * 6 and 7 (votes for and against the proposal). */
static int on_row(const struct lc_row *p, void *arg)
{
	struct build *b = arg;
	xmlNodePtr row = el(b, b->rows, "row", NULL), n;
	const char *part[2] = { p->part_title[0], p->part_title[1] };

	attr_int(b, row, "n", ++b->n);
	attr_int(b, row, "proposal", p->proposal_id);
	attr(b, row, "posted", p->day);
	attr(b, row, "status", p->status);
	n = bilingual(b, row, "part", part);
	attr_int(b, n, "id", p->part_id);
	attr(b, n, "key", p->part_key);
	/* The report is public: the text of a proposal the operator refused
	 * (P-14: obscene, insulting, advertising, ...) or never checked is
	 * counted and numbered, never shown. */
	n = el(b, row, "text", strcmp(p->status, "published") == 0 ? p->text : NULL);
	attr(b, n, "lang", p->lang);
	if (strcmp(p->status, "refused") == 0) {
		b->refused++;
		attr(b, n, "withheld", "refused");
		n = el(b, row, "refused", NULL);
		attr(b, n, "reason", p->mod_reason);
		attr(b, n, "date", p->mod_day);
	} else if (strcmp(p->status, "published") != 0) {
		b->pending++;
		attr(b, n, "withheld", "not-moderated");
		el(b, row, "not-moderated", NULL);
	} else if (p->answer_decision != NULL && p->answer_day != NULL && b->end[0] != '\0' &&
	           strcmp(p->answer_day, b->end) <= 0) {
		b->published++;
		n = el(b, row, "answer", p->answer_text);
		attr(b, n, "decision", p->answer_decision);
		attr(b, n, "lang", p->answer_lang);
		attr(b, n, "date", p->answer_day);
	} else {
		/* P-16: answers are due within the period; one that came later
		 * does not make the proposal answered in the report. */
		b->published++;
		b->unanswered++;
		el(b, row, "unanswered", NULL);
	}
	n = el(b, row, "votes", NULL);
	attr_int(b, n, "for", p->votes_for);
	attr_int(b, n, "against", p->votes_against);
	b->pfor += p->votes_for;
	b->pagainst += p->votes_against;
	return b->nomem;
}

int lifecycle_report(struct store *st, long long doc_id, struct ob_date reported, char **xml,
                     size_t *len, int *appendix, struct ob_err *err)
{
	struct build b = { 0 };
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	char day[DATE_STRLEN];
	xmlChar *out = NULL;
	int rc = -1, size = 0;

	*xml = NULL;
	if (doc == NULL || (b.root = xmlNewDocNode(doc, NULL, (const xmlChar *)"final-report", NULL)) == NULL)
		goto nomem;
	xmlDocSetRootElement(doc, b.root);
	if ((b.ns = xmlNewNs(b.root, (const xmlChar *)LIFECYCLE_NS, NULL)) == NULL)
		goto nomem;
	xmlSetNs(b.root, b.ns);
	rc = db_lifecycle_header(st, doc_id, on_header, &b, err);
	if (b.nomem)
		goto nomem;
	if (rc < 0)
		goto out;
	rc = -1;
	if (b.appendix == 0) {
		ob_err_set(err, "not-found", 0, "document %lld: no passport or implementation report", doc_id);
		goto out;
	}
	attr(&b, b.root, "reported", date_format(reported, day));
	if (db_lifecycle_rows(st, doc_id, on_row, &b, err) < 0)
		goto out;
	attr_int(&b, b.props, "total", b.n);
	attr_int(&b, b.props, "published", b.published);
	attr_int(&b, b.props, "refused", b.refused);
	attr_int(&b, b.props, "not-moderated", b.pending);
	attr_int(&b, b.props, "unanswered", b.unanswered);
	attr_int(&b, b.pvotes, "for", b.pfor);
	attr_int(&b, b.pvotes, "against", b.pagainst);
	if (b.nomem)
		goto nomem;
	xmlDocDumpFormatMemoryEnc(doc, &out, &size, "UTF-8", 1);
	if (out == NULL || (*xml = malloc((size_t)size + 1)) == NULL)
		goto nomem;
	memcpy(*xml, out, (size_t)size);
	(*xml)[size] = '\0';
	*len = (size_t)size;
	*appendix = b.appendix;
	rc = 0;
	goto out;
nomem:
	ob_err_set(err, "nomem", 0, "out of memory");
out:
	xmlFree(out);
	xmlFreeDoc(doc);
	return rc;
}

/* The last day of a discussion: recorded, or (an older import without one)
 * the earliest the rules allow.  1 when it is known, 0 when the calendar
 * cannot tell yet (the document waits), -1 on a malformed date. */
static int last_day(const struct calendar *cal, const struct lc_due *d, char end[DATE_STRLEN])
{
	struct ob_date posted, e;
	struct ob_err ignored = { 0 };

	if (d->discussion_end[0] != '\0') {
		snprintf(end, DATE_STRLEN, "%s", d->discussion_end);
		return 1;
	}
	if (date_parse(d->posted, &posted) != 0)
		return -1;
	if (cal == NULL || deadline_discussion_min_end(cal, posted, &e, &ignored) != 0)
		return 0;
	date_format(e, end);
	return 1;
}

int lifecycle_run(struct store *st, const struct calendar *cal, struct ob_date today, int *n,
                  struct ob_err *err)
{
	struct lc_due *due = NULL;
	size_t ndue = 0;
	char day[DATE_STRLEN], end[DATE_STRLEN];
	int rc = -1, k;

	*n = 0;
	if (!date_valid(today))
		return ob_err_set(err, "date-invalid", 0, "today is not a date"), -1;
	date_format(today, day);
	if ((k = db_lifecycle_day(st, date_to_days(today), err)) < 0 ||
	    (k == 1 && store_seq_bump(st, err) < 0))
		return -1;
	if (db_lifecycle_due(st, day, &due, &ndue, err) != 0)
		return -1;
	for (size_t i = 0; i < ndue; i++) {
		char *xml = NULL;
		size_t len = 0;
		int appendix = 0;

		/* P-9, P-10: the discussion runs to the end of its last day. */
		if (last_day(cal, &due[i], end) != 1 || strcmp(end, day) >= 0)
			continue;
		if (db_lifecycle_close(st, due[i].id, end, err) < 0 ||
		    lifecycle_report(st, due[i].id, today, &xml, &len, &appendix, err) != 0)
			goto out;
		k = db_final_report_insert(st, due[i].id, appendix, day, xml, len, err);
		free(xml);
		if (k < 0 || db_doc_touch(st, due[i].id, err) != 0)
			goto out;
		*n += k;
	}
	rc = 0;
out:
	free(due);
	return rc;
}
