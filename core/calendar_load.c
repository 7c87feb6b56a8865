/* Loading the working-day calendar (core/calendar.h): the XML files of
 * data/ (schema/calendar.xsd), validated, then checked day by day and year
 * by year as core/calendar.c adds them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>

#include "calendar_impl.h"
#include "xmlin.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

/* libxml2 2.12 made the structured error const. */
#if LIBXML_VERSION >= 21200
#define XMLERR_CONST const
#else
#define XMLERR_CONST
#endif

int calendar_set_schema(struct calendar *cal, const char *xsd_path, struct ob_err *err)
{
	char *p;

	if (cal == NULL || xsd_path == NULL) {
		ob_err_set(err, "argument", 0, "no calendar or schema path");
		return -1;
	}
	if ((p = strdup(xsd_path)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		return -1;
	}
	free(cal->xsd_path);
	cal->xsd_path = p;
	if (cal->schema != NULL) {
		xmlSchemaFree(cal->schema);
		cal->schema = NULL;
	}
	return 0;
}

/* ---- loading ----------------------------------------------------------- */

struct first_error {
	int set;
	int line;
	char msg[256];
};

static void on_xml_error(void *ctx, XMLERR_CONST xmlError *e)
{
	struct first_error *fe = ctx;
	size_t n;

	if (fe->set || e == NULL)
		return;
	fe->set = 1;
	fe->line = e->line;
	snprintf(fe->msg, sizeof fe->msg, "%s", e->message ? e->message : "invalid");
	n = strlen(fe->msg);
	while (n > 0 && (fe->msg[n - 1] == '\n' || fe->msg[n - 1] == ' '))
		fe->msg[--n] = '\0';
}

static int calendar_schema(struct calendar *cal, struct ob_err *err)
{
	int rc = -1;
	xmlSchemaParserCtxtPtr pctxt = NULL;
	struct first_error fe = { 0 };
	const char *share = getenv("OB_SHARE_DIR");
	char path[4200];
	FILE *f;

	if (cal->schema != NULL)
		return 0;
	/* The lookup of ob_share_dir() (store.h), repeated rather than called
	 * so the calendar and its fuzz harness stay free of the SQLite code. */
	if (cal->xsd_path != NULL)
		snprintf(path, sizeof path, "%s", cal->xsd_path);
	else
		snprintf(path, sizeof path, "%s/schema/calendar.xsd",
		         share != NULL && *share != '\0' ? share : OB_SHARE_DIR);
	/* Checked first so a missing schema is one clear error, not a libxml2
	 * warning on stderr. */
	if ((f = fopen(path, "r")) == NULL) {
		ob_err_set(err, "io", 0, "cannot read %s: %s", path, strerror(errno));
		goto out;
	}
	fclose(f);
	if ((pctxt = xmlSchemaNewParserCtxt(path)) == NULL) {
		ob_err_set(err, "nomem", 0, "cannot create the schema parser");
		goto out;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, on_xml_error, &fe);
	if ((cal->schema = xmlSchemaParse(pctxt)) == NULL) {
		ob_err_set(err, "io", 0, "cannot load %s: %s", path, fe.set ? fe.msg : "invalid");
		goto out;
	}
	rc = 0;
out:
	xmlSchemaFreeParserCtxt(pctxt);
	return rc;
}

static int calendar_validate(struct calendar *cal, xmlDocPtr doc, struct ob_err *err)
{
	int rc = -1;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	struct first_error fe = { 0 };

	if (calendar_schema(cal, err) != 0)
		goto out;
	if ((vctxt = xmlSchemaNewValidCtxt(cal->schema)) == NULL) {
		ob_err_set(err, "nomem", 0, "cannot create the schema validator");
		goto out;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_xml_error, &fe);
	if (xmlSchemaValidateDoc(vctxt, doc) != 0) {
		ob_err_set(err, "schema", fe.line, "%s", fe.set ? fe.msg : "does not match calendar.xsd");
		goto out;
	}
	rc = 0;
out:
	xmlSchemaFreeValidCtxt(vctxt);
	return rc;
}

/* Element text with every run of white space made one space and the ends
 * trimmed: names are shown on one line. */
static char *node_text(xmlNodePtr node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	char *out, *w;
	int space = 0;

	if (raw == NULL)
		return strdup("");
	if ((out = malloc(strlen((const char *)raw) + 1)) == NULL)
		goto out;
	w = out;
	for (const char *r = (const char *)raw; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = w != out;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
out:
	xmlFree(raw);
	return out;
}

static xmlNodePtr child_element(xmlNodePtr node, const char *name)
{
	for (xmlNodePtr c = node->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)name))
			return c;
	return NULL;
}

static int year_add_node(struct cal_year *yr, xmlNodePtr node, struct ob_err *err)
{
	int rc = -1;
	xmlChar *date = NULL, *kind = NULL, *moves = NULL, *replaces = NULL;
	xmlNodePtr kk, ru;
	char *name_kk = NULL, *name_ru = NULL;
	struct calendar_day day = { 0 };

	day.line = (int)xmlGetLineNo(node);
	date = xmlGetProp(node, (const xmlChar *)"date");
	kind = xmlGetProp(node, (const xmlChar *)"kind");
	moves = xmlGetProp(node, (const xmlChar *)"moves");
	replaces = xmlGetProp(node, (const xmlChar *)"replaces");
	kk = child_element(node, "kk");
	ru = child_element(node, "ru");
	/* The schema has checked all this; checked again so that the loader
	 * stays safe if someone edits the XSD. */
	if (date == NULL || date_parse((const char *)date, &day.date) != 0 ||
	    (replaces != NULL && date_parse((const char *)replaces, &day.replaces) != 0)) {
		ob_err_set(err, "calendar-invalid", day.line, "a date is not YYYY-MM-DD");
		goto out;
	}
	if (kind != NULL && xmlStrEqual(kind, (const xmlChar *)"holiday"))
		day.kind = CALENDAR_HOLIDAY;
	else if (kind != NULL && xmlStrEqual(kind, (const xmlChar *)"dayoff"))
		day.kind = CALENDAR_DAYOFF;
	else if (kind != NULL && xmlStrEqual(kind, (const xmlChar *)"workday"))
		day.kind = CALENDAR_WORKDAY;
	else {
		ob_err_set(err, "calendar-invalid", day.line, "unknown kind");
		goto out;
	}
	if (moves != NULL && day.kind != CALENDAR_HOLIDAY) {
		ob_err_set(err, "calendar-invalid", day.line, "moves applies to holidays only");
		goto out;
	}
	day.moves = day.kind == CALENDAR_HOLIDAY && moves == NULL;
	if (kk == NULL || ru == NULL || (name_kk = node_text(kk)) == NULL ||
	    (name_ru = node_text(ru)) == NULL) {
		ob_err_set(err, kk && ru ? "nomem" : "calendar-invalid", day.line,
		           "a name in Kazakh and one in Russian are required");
		goto out;
	}
	day.name_kk = name_kk;
	day.name_ru = name_ru;
	/* Days are kept in date order and a file must list them so (check_order):
	 * the last one kept is the one before in the file. */
	if (cal_year_add_day(yr, &day, yr->ndays ? &yr->days[yr->ndays - 1] : NULL, 1, err) != 0)
		goto out;
	rc = 0;
out:
	xmlFree(date);
	xmlFree(kind);
	xmlFree(moves);
	xmlFree(replaces);
	free(name_kk);
	free(name_ru);
	return rc;
}

static int calendar_load_doc(struct calendar *cal, xmlDocPtr doc, struct ob_err *err)
{
	int rc = -1;
	struct cal_year *yr = NULL;
	xmlNodePtr root;
	xmlChar *ys = NULL;
	struct ob_date y1 = { 0, 1, 1 };

	if (calendar_validate(cal, doc, err) != 0)
		goto out;
	root = xmlDocGetRootElement(doc);
	ys = xmlGetProp(root, (const xmlChar *)"year");
	if (ys == NULL || strlen((const char *)ys) != 4 ||
	    strspn((const char *)ys, "0123456789") != 4 ||
	    (y1.y = atoi((const char *)ys)) < DATE_YEAR_MIN) {
		ob_err_set(err, "calendar-invalid", (int)xmlGetLineNo(root), "year is not YYYY");
		goto out;
	}
	if (cal_year_get(cal, y1.y) != NULL) {
		ob_err_set(err, "calendar-duplicate", (int)xmlGetLineNo(root),
		           "the calendar of %d is already loaded", y1.y);
		goto out;
	}
	if ((yr = cal_year_new(y1.y)) == NULL) {
		ob_err_set(err, "nomem", 0, "out of memory");
		goto out;
	}
	for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (year_add_node(yr, n, err) != 0)
			goto out;
	}
	if (cal_year_check_art85(yr, err) != 0)
		goto out;
	if (cal_insert_year(cal, yr, err) != 0)
		goto out;
	yr = NULL;
	rc = 0;
out:
	cal_year_free(yr);
	xmlFree(ys);
	return rc;
}

int calendar_load_mem(struct calendar *cal, const char *buf, size_t len, struct ob_err *err)
{
	int rc = -1;
	xmlDocPtr doc = NULL;

	if (cal == NULL || buf == NULL) {
		ob_err_set(err, "argument", 0, "no calendar or no input");
		goto out;
	}
	if ((doc = xml_parse_limited(buf, len, CALENDAR_MAX_BYTES, err)) == NULL)
		goto out;
	rc = calendar_load_doc(cal, doc, err);
out:
	xmlFreeDoc(doc);
	return rc;
}

int calendar_load_file(struct calendar *cal, const char *path, struct ob_err *err)
{
	int rc = -1;
	xmlDocPtr doc = NULL;

	if (cal == NULL || path == NULL) {
		ob_err_set(err, "argument", 0, "no calendar or no path");
		goto out;
	}
	if ((doc = xml_parse_file_limited(path, CALENDAR_MAX_BYTES, err)) == NULL)
		goto out;
	rc = calendar_load_doc(cal, doc, err);
out:
	xmlFreeDoc(doc);
	return rc;
}
