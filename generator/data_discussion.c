/* Open data of a document's discussion (issue 4.4; P-11, P-13..P-16):
 * data/doc/SHARD/ID.discussion.xml (schema/discussion.xsd) and the same
 * records as one CSV, ID.discussion.csv.  Beside the document's other
 * files and named like them (ID.TABLE.EXT), so the file belongs to the
 * document's unit and is rebuilt with it.
 *
 * What is published: the counts; each published proposal with its text
 * and its author's pseudonym; every moderation decision (publish, or
 * refuse with its reason code) with the operator's pseudonym but never the
 * text of a refused proposal nor the refusal's free-text justification
 * (it may quote that text); each answer with its justification and the
 * answering official's pseudonym; each vote as (pseudonym, choice, target,
 * day).  A pseudonym is pseudonym(secret "pseudonym", IIN): 16 hex digits,
 * stable across builds and documents, not reversible without the server's
 * secret.  The signed evidence is not published. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlsave.h>

#include "db_site_discussion.h"
#include "db_submit.h"
#include "discussion.h"
#include "nonce.h"

#define DISC_NS "urn:obkz:discussion:1"

struct out {
	unsigned char key[SECRET_LEN];
	xmlNodePtr sec;      /* the section being filled */
	FILE *csv;
};

static const char *const csv_cols[] = {
	"record", "proposal_id", "part_id", "lang", "person", "decision", "reason", "date", "text",
	NULL
};

static void person(const struct out *o, const char *iin, char p[17])
{
	pseudonym(o->key, iin != NULL ? iin : "", p);
}

/* One CSV record; NULL fields and part 0 are empty; proposal 0 is a vote on
 * the document itself. */
static void csv_row(FILE *f, const char *record, long long proposal, long long part,
                    const char *lang, const char *who, const char *decision, const char *reason,
                    const char *date, const char *text)
{
	csv_field(f, 1, record);
	csv_int(f, 0, proposal);
	csv_int_if(f, part != 0, part);
	csv_field(f, 0, lang);
	csv_field(f, 0, who);
	csv_field(f, 0, decision);
	csv_field(f, 0, reason);
	csv_field(f, 0, date);
	csv_field(f, 0, text);
	csv_end(f);
}

static int on_proposal(const struct disc_proposal *p, void *arg)
{
	struct out *o = arg;
	xmlNodePtr n = x_el(o->sec, "proposal", NULL);
	char who[17];

	person(o, p->iin, who);
	x_int(n, "id", p->id);
	x_int(n, "part", p->part_id);
	x_attr(n, "lang", p->lang);
	x_attr(n, "author", who);
	x_attr(n, "received", p->received);
	x_attr(n, "day", p->day);
	x_el(n, "text", p->text);
	csv_row(o->csv, "proposal", p->id, p->part_id, p->lang, who, NULL, NULL, p->day, p->text);
	return 0;
}

static int on_decision(const struct disc_decision *d, void *arg)
{
	struct out *o = arg;
	xmlNodePtr n = x_el(o->sec, "decision", NULL);
	char who[17];

	person(o, d->operator_iin, who);
	x_int(n, "proposal", d->proposal_id);
	x_int(n, "part", d->part_id);
	x_attr(n, "lang", d->lang);
	x_attr(n, "received", d->received);
	x_attr(n, "operator", who);
	x_attr(n, "decision", d->decision);
	x_attr(n, "reason", d->reason);
	x_attr(n, "decided", d->decided);
	x_attr(n, "day", d->decided_day);
	csv_row(o->csv, "moderation", d->proposal_id, d->part_id, d->lang, who, d->decision,
	        d->reason, d->decided_day, NULL);
	return 0;
}

static int on_answer(const struct disc_proposal *p, void *arg)
{
	struct out *o = arg;
	xmlNodePtr n;
	char who[17];

	if (p->answer == NULL)
		return 0;
	person(o, p->answer_iin, who);
	n = x_el(o->sec, "answer", NULL);
	x_int(n, "proposal", p->id);
	x_attr(n, "by", who);
	x_attr(n, "decision", p->answer);
	x_attr(n, "lang", p->answer_lang);
	x_attr(n, "day", p->answer_day);
	x_el(n, "text", p->answer_text);
	csv_row(o->csv, "answer", p->id, p->part_id, p->answer_lang, who, p->answer, NULL,
	        p->answer_day, p->answer_text);
	return 0;
}

static int on_vote(const struct disc_vote *v, void *arg)
{
	struct out *o = arg;
	xmlNodePtr n = x_el(o->sec, "vote", NULL);
	char who[17], day[DATE_STRLEN] = "";

	person(o, v->iin, who);
	disc_utc_day(v->cast_at, day);  /* the day only: the time adds nothing to a tally */
	x_attr(n, "person", who);
	x_attr(n, "choice", v->choice);
	if (v->proposal_id == 0)
		x_attr(n, "target", "document");
	else
		x_int(n, "proposal", v->proposal_id);
	x_attr(n, "day", day);
	csv_row(o->csv, "vote", v->proposal_id, 0, NULL, who, v->choice, NULL, day, NULL);
	return 0;
}

static void totals(xmlNodePtr root, const struct disc_tally *t)
{
	xmlNodePtr n = x_el(root, "totals", NULL);

	x_int(n, "votes-for", t->doc_for);
	x_int(n, "votes-against", t->doc_against);
	x_int(n, "proposal-votes-for", t->prop_for);
	x_int(n, "proposal-votes-against", t->prop_against);
	x_int(n, "published", t->published);
	x_int(n, "refused", t->refused);
	x_int(n, "pending", t->pending);
	x_int(n, "answered", t->answered);
	x_int(n, "accepted", t->accepted);
}

static int write_xml(struct gen *g, xmlDocPtr doc, long long id, struct ob_err *err)
{
	char rel[256];
	xmlChar *buf = NULL;
	int len = 0;
	FILE *f;

	path_doc_data(rel, sizeof rel, id, ".discussion.xml");
	xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
	if (buf == NULL) {
		ob_err_set(err, "io", 0, "%s: out of memory", rel);
		return -1;
	}
	if ((f = data_open(g, rel, err)) == NULL) {
		xmlFree(buf);
		return -1;
	}
	fwrite(buf, 1, (size_t)len, f);
	xmlFree(buf);
	return data_close(f, rel, err);
}

int data_discussion(struct gen *g, long long id, struct ob_err *err)
{
	const struct idoc *d = index_doc(&g->idx, id);
	struct out o = { 0 };
	struct disc_tally t;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	char rel[256];
	int rc = -1;

	if (d == NULL || db_disc_tally(g->st, id, &t, err) != 0)
		return d == NULL ? 0 : -1;
	if (t.published + t.refused + t.pending + t.doc_for + t.doc_against == 0)
		return 0;  /* nothing submitted: no file */
	if (db_secret(g->st, "pseudonym", o.key, err) != 0)
		return -1;
	path_doc_data(rel, sizeof rel, id, ".discussion.csv");
	if ((o.csv = data_open(g, rel, err)) == NULL)
		return -1;
	csv_header(o.csv, csv_cols);
	doc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"discussion", NULL);
	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)DISC_NS, NULL));
	x_attr(root, "document", d->number);
	x_int(root, "id", d->id);
	x_attr(root, "kind", gen_kind[d->kind]);
	x_attr(root, "posted", d->posted);
	x_attr(root, "end", d->discussion_end);
	x_attr(root, "status", d->status);
	x_attr(root, "licence", "CC-BY-4.0");
	totals(root, &t);
	o.sec = x_el(root, "proposals", NULL);
	if (db_disc_proposals(g->st, id, on_proposal, &o, err) != 0)
		goto out;
	o.sec = x_el(root, "moderation", NULL);
	if (db_disc_decisions(g->st, id, on_decision, &o, err) != 0)
		goto out;
	o.sec = x_el(root, "answers", NULL);
	if (db_disc_proposals(g->st, id, on_answer, &o, err) != 0)
		goto out;
	o.sec = x_el(root, "votes", NULL);
	if (db_disc_votes(g->st, id, on_vote, &o, err) != 0)
		goto out;
	rc = write_xml(g, doc, id, err);
out:
	if (data_close(o.csv, rel, rc == 0 ? err : &(struct ob_err){ 0 }) != 0)
		rc = -1;
	xmlFreeDoc(doc);
	memset(o.key, 0, sizeof o.key);
	return rc;
}
