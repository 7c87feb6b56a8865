/* The discussion on a document's page (P-11, P-13..P-16).  Under
 * <document>: <participation> with the state of the discussion and the
 * tallies; under each <part>: <participation> with its published proposals,
 * each with its text in its own language, its tallies and the
 * administrator's answer.  Pending and refused proposals never reach the
 * page, and no person is named: the page has no author, operator or
 * answering official (open data carries pseudonyms, data_discussion.c).
 *
 * Open or closed depends on today (core/clock.h): a discussion whose last
 * day has passed shows as closed even before its status is changed.  The
 * page is rebuilt when the document changes (documents.seq); closing the
 * discussion (issue 5.2) is such a change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db_site_discussion.h"
#include "discussion.h"

struct ctx {
	xmlNodePtr doc, top;   /* <document>, its <participation> */
	const char *end;       /* the discussion's last day, NULL when none */
};

int disc_utc_day(const char *ts, char out[DATE_STRLEN])
{
	long long t = ob_time_parse(ts);

	if (t < 0)
		return -1;
	date_format(ob_date_of(t), out);
	return 0;
}

int disc_open(const char *status, const char *end, const char *today)
{
	if (status == NULL || strcmp(status, "in-discussion") != 0)
		return 0;
	return end == NULL || strcmp(end, today) >= 0;  /* the last day counts (24:00) */
}

/* An attribute of n as a copy in buf ("" when absent). */
static const char *prop(xmlNodePtr n, const char *name, char *buf, size_t len)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	snprintf(buf, len, "%s", v != NULL ? (const char *)v : "");
	xmlFree(v);
	return buf;
}

/* The <part id="ID"> below n, or NULL (a part no longer in the document). */
static xmlNodePtr find_part(xmlNodePtr n, long long id)
{
	char buf[24], want[24];

	snprintf(want, sizeof want, "%lld", id);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		xmlNodePtr f;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "part") == 0 &&
		    strcmp(prop(c, "id", buf, sizeof buf), want) == 0)
			return c;
		if ((strcmp((const char *)c->name, "part") == 0 ||
		     strcmp((const char *)c->name, "parts") == 0) && (f = find_part(c, id)) != NULL)
			return f;
	}
	return NULL;
}

/* The <participation> child of a part, made on first use. */
static xmlNodePtr part_list(xmlNodePtr part)
{
	for (xmlNodePtr c = part->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "participation") == 0)
			return c;
	return x_el(part, "participation", NULL);
}

static int on_proposal(const struct disc_proposal *p, void *arg)
{
	struct ctx *c = arg;
	xmlNodePtr parts = NULL, part, n, a;

	for (xmlNodePtr k = c->doc->children; k != NULL && parts == NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, "parts") == 0)
			parts = k;
	part = parts != NULL ? find_part(parts, p->part_id) : NULL;
	/* A proposal to a part since removed stays public, under the document. */
	n = x_el(part != NULL ? part_list(part) : c->top, "proposal", NULL);
	x_int(n, "id", p->id);
	x_int(n, "part", p->part_id);
	x_attr(n, "lang", p->lang);
	x_attr(n, "day", p->day);
	x_attr(n, "published", p->published);
	x_int(n, "for", p->votes_for);
	x_int(n, "against", p->votes_against);
	x_el(n, "text", p->text);
	if (p->answer != NULL) {
		a = x_el(n, "answer", NULL);
		x_attr(a, "decision", p->answer);
		x_attr(a, "lang", p->answer_lang);
		x_attr(a, "day", p->answer_day);
		/* P-16: answers are due during the discussion. */
		if (c->end != NULL && p->answer_day != NULL && strcmp(p->answer_day, c->end) > 0)
			x_attr(a, "late", "yes");
		x_el(a, "text", p->answer_text);
	}
	return 0;
}

int page_discussion(struct gen *g, xmlNodePtr doc, struct ob_err *err)
{
	char id[24], status[24], end[16], today[DATE_STRLEN];
	struct ctx c = { .doc = doc };
	struct disc_tally t;
	struct ob_date d;
	long long docid;

	prop(doc, "status", status, sizeof status);
	prop(doc, "discussion-end", end, sizeof end);
	/* Discussed documents: the condition of doc.xsl's discussion section. */
	if (end[0] == '\0' && strcmp(status, "in-discussion") != 0 &&
	    strcmp(status, "discussion-closed") != 0)
		return 0;
	docid = atoll(prop(doc, "id", id, sizeof id));
	if (ob_today(&d) != 0) {
		ob_err_set(err, "clock", 0, "cannot tell today's date (OB_TODAY?)");
		return -1;
	}
	date_format(d, today);
	c.end = end[0] ? end : NULL;
	if (db_disc_tally(g->st, docid, &t, err) != 0)
		return -1;
	c.top = x_el(doc, "participation", NULL);
	x_attr(c.top, "open", disc_open(status, end[0] ? end : NULL, today) ? "yes" : "no");
	x_int(c.top, "for", t.doc_for);
	x_int(c.top, "against", t.doc_against);
	x_int(c.top, "proposal-for", t.prop_for);
	x_int(c.top, "proposal-against", t.prop_against);
	x_int(c.top, "published", t.published);
	x_int(c.top, "refused", t.refused);
	x_int(c.top, "pending", t.pending);
	x_int(c.top, "answered", t.answered);
	x_int(c.top, "accepted", t.accepted);
	return db_disc_proposals(g->st, docid, on_proposal, &c, err) != 0 ? -1 : 0;
}
