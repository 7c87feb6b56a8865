/* The report on the results of a public discussion (P-17, Appendix 1 for
 * passports, 2 for implementation reports): /L/doc/SHARD/ID-report.html in
 * kk and ru, data/doc/SHARD/ID-report.xml (the frozen record as stored by
 * core/lifecycle.c, byte for byte) and ID-report.csv (its table), and the
 * link from the document page.  Everything shown comes from the stored
 * XML, so the page says what was reported on the report date, whatever
 * changed since. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db_lifecycle.h"
#include "lifecycle_pages.h"
#include "xmlin.h"

void path_report(char *buf, size_t n, const char *lang, long long id)
{
	site_path_report(buf, n, lang, id, "html");
}

/* <file href format size> for a data file of the generation, if present. */
static void data_file(struct gen *g, xmlNodePtr list, long long id, const char *suffix,
                      const char *format)
{
	char rel[256], file[4600];
	struct stat sb;
	xmlNodePtr n;

	path_doc_data(rel, sizeof rel, id, suffix);
	snprintf(file, sizeof file, "%s/%s", g->newdir, rel);
	if (stat(file, &sb) != 0)
		return;
	n = x_el(list, "file", NULL);
	x_attr(n, "href", rel);
	x_attr(n, "format", format);
	x_int(n, "size", (long long)sb.st_size);
}

static void data_files(struct gen *g, xmlNodePtr parent, long long id)
{
	xmlNodePtr files = x_el(parent, "data", NULL);

	data_file(g, files, id, "-report.xml", "xml");
	data_file(g, files, id, "-report.csv", "csv");
}

int page_doc_report(struct gen *g, int lang, xmlNodePtr doc, long long id, struct ob_err *err)
{
	struct final_report r;
	char href[128];
	xmlNodePtr n;
	int rc = db_final_report_get(g->st, id, &r, err);

	if (rc <= 0)
		return rc;
	free(r.xml);
	n = x_el(doc, "final-report", NULL);
	path_report(href, sizeof href, gen_lang[lang], id);
	x_attr(n, "href", href);
	x_attr(n, "date", r.reported);
	x_int(n, "appendix", r.appendix);
	data_files(g, n, id);
	return 0;
}

/* The stored report, parsed; NULL with err when it is missing. */
static xmlDocPtr report_load(struct gen *g, long long id, struct ob_err *err)
{
	struct final_report r;
	int rc = db_final_report_get(g->st, id, &r, err);
	xmlDocPtr x = NULL;

	if (rc == 0)
		ob_err_set(err, "storage", 0, "document %lld: no final report", id);
	if (rc == 1)
		x = xml_parse_limited(r.xml, r.len, OB_XML_MAX, err);
	free(r.xml);
	return x;
}

int page_report(struct gen *g, int lang, long long id, struct ob_err *err)
{
	char path[128], href[128];
	xmlDocPtr rep = report_load(g, id, err), doc;
	xmlNodePtr root, n;

	if (rep == NULL)
		return -1;
	path_report(path, sizeof path, gen_lang[lang], id);
	doc = page_new(g, "final-report", lang, path, &root);
	n = x_el(root, "report", NULL);
	path_doc(href, sizeof href, gen_lang[lang], id);
	x_attr(n, "doc-href", href);
	xmlAddChild(n, xmlDocCopyNode(xmlDocGetRootElement(rep), doc, 1));
	xmlFreeDoc(rep);
	data_files(g, n, id);
	return gen_render(g, "final-report", doc, path, err);
}

/* ---- the CSV of the table ---- */

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* The attribute or text, freed by the caller (xmlFree); NULL when absent. */
static char *prop(xmlNodePtr n, const char *name)
{
	return n ? (char *)xmlGetProp(n, (const xmlChar *)name) : NULL;
}

static char *text(xmlNodePtr n)
{
	return n ? (char *)xmlNodeGetContent(n) : NULL;
}

static const char *const csv_cols[] = {
	"n", "posted", "part_id", "part_key", "part_kk", "part_ru", "proposal_lang", "proposal_text",
	"status", "answer", "answer_lang", "answer_date", "answer_text", "unanswered",
	"refusal_reason", "refusal_date", "votes_for", "votes_against", NULL
};

/* One row: the 7 columns of the form and what they are made of. */
static void csv_row(FILE *f, xmlNodePtr row)
{
	xmlNodePtr part = child(row, "part"), tx = child(row, "text"), ans = child(row, "answer");
	xmlNodePtr ref = child(row, "refused"), votes = child(row, "votes");
	char *v[18] = {
		prop(row, "n"), prop(row, "posted"), prop(part, "id"), prop(part, "key"),
		text(child(part, "kk")), text(child(part, "ru")), prop(tx, "lang"), text(tx),
		prop(row, "status"), prop(ans, "decision"), prop(ans, "lang"), prop(ans, "date"),
		text(ans), NULL, prop(ref, "reason"), prop(ref, "date"), prop(votes, "for"),
		prop(votes, "against"),
	};

	for (int i = 0; i < 18; i++)
		csv_field(f, i == 0, i == 13 ? (child(row, "unanswered") ? "yes" : "no") : v[i]);
	csv_end(f);
	for (int i = 0; i < 18; i++)
		xmlFree(v[i]);
}

int data_report(struct gen *g, long long id, struct ob_err *err)
{
	struct final_report r;
	char rel[256];
	xmlDocPtr rep = NULL;
	FILE *f;
	int rc = -1;

	if (db_final_report_get(g->st, id, &r, err) != 1) {
		if (err->code[0] == '\0')
			ob_err_set(err, "storage", 0, "document %lld: no final report", id);
		return -1;
	}
	path_doc_data(rel, sizeof rel, id, "-report.xml");
	if ((f = data_open(g, rel, err)) == NULL)
		goto out;
	fwrite(r.xml, 1, r.len, f);
	if (data_close(f, rel, err) != 0 ||
	    (rep = xml_parse_limited(r.xml, r.len, OB_XML_MAX, err)) == NULL)
		goto out;
	path_doc_data(rel, sizeof rel, id, "-report.csv");
	if ((f = data_open(g, rel, err)) == NULL)
		goto out;
	csv_header(f, csv_cols);
	for (xmlNodePtr row = child(child(xmlDocGetRootElement(rep), "rows"), "row"); row != NULL;
	     row = row->next)
		if (row->type == XML_ELEMENT_NODE)
			csv_row(f, row);
	rc = data_close(f, rel, err);
out:
	free(r.xml);
	xmlFreeDoc(rep);
	return rc;
}
