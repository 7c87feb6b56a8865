/* The document kinds and their XSDs (core/doc.h): the kind names, which
 * are also the schemas' names (schema/KIND.xsd), the compiled schemas
 * (once per process, cached) and the validation that runs before
 * core/doc.c reads a document into struct doc.  The first violation goes
 * to err; doc_validate_schema_all also reports every one (issue 6.4). */
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <libxml/xmlschemas.h>

#include "doc.h"
#include "store.h"

static const char *const kind_names[DK_COUNT_] = {
	[DK_BUDGET_REPORT] = "budget-report",
	[DK_FIN_STATEMENTS] = "financial-statements",
	[DK_CITIZEN_BUDGET] = "citizen-budget",
	[DK_AUDIT_RESULT] = "audit-result",
	[DK_PASSPORT] = "passport",
	[DK_IMPL_REPORT] = "implementation-report",
	[DK_GRANT_REPORT] = "grant-report",
};

/* Compiled schemas, by name (schema/NAME.xsd), compiled once per process.
 * A compiled schema is read-only and shared by the threads of obfcgi; the
 * mutex guards only the cache itself. */
static pthread_mutex_t schemas_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	const char *name;
	xmlSchemaPtr schema;
} schemas[DK_COUNT_ + 4];

const char *doc_kind_name(enum doc_kind k)
{
	return (unsigned)k < DK_COUNT_ ? kind_names[k] : "?";
}

int doc_kind_parse(const char *name, enum doc_kind *out)
{
	for (int k = 0; k < DK_COUNT_; k++) {
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (enum doc_kind)k;
			return 0;
		}
	}
	return -1;
}

/* Where schema errors go: the first into err, or every one to fn. */
struct schema_sink {
	struct ob_err *err;
	void (*fn)(const struct ob_err *, void *);
	void *arg;
};

static void schema_error(void *ctx, xmlErrorPtr e)
{
	struct schema_sink *sink = ctx;
	struct ob_err one = { 0 };
	char msg[400];
	size_t n;

	if (sink->fn == NULL && sink->err->code[0] != '\0')
		return;  /* keep the first error: it is the one to fix */
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "schema violation");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	ob_err_set(&one, "schema", e->line, "%s", msg);
	if (sink->err->code[0] == '\0')
		*sink->err = one;
	if (sink->fn != NULL)
		sink->fn(&one, sink->arg);
}

static xmlSchemaPtr schema_compile(const char *name, struct ob_err *err)
{
	char path[4200];
	xmlSchemaParserCtxtPtr pc;
	size_t i;

	for (i = 0; i < sizeof schemas / sizeof schemas[0] && schemas[i].name != NULL; i++)
		if (strcmp(schemas[i].name, name) == 0)
			return schemas[i].schema;
	if (i == sizeof schemas / sizeof schemas[0]) {
		ob_err_set(err, "io", 0, "too many schemas");
		return NULL;
	}
	snprintf(path, sizeof path, "%s/schema/%s.xsd", ob_share_dir(), name);
	if ((pc = xmlSchemaNewParserCtxt(path)) == NULL) {
		ob_err_set(err, "io", 0, "%s: cannot read the schema", path);
		return NULL;
	}
	schemas[i].schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (schemas[i].schema == NULL) {
		ob_err_set(err, "io", 0, "%s: cannot compile the schema", path);
		return NULL;
	}
	schemas[i].name = name;
	return schemas[i].schema;
}

static xmlSchemaPtr schema_get(const char *name, struct ob_err *err)
{
	xmlSchemaPtr s;

	pthread_mutex_lock(&schemas_lock);
	s = schema_compile(name, err);
	pthread_mutex_unlock(&schemas_lock);
	return s;
}

int doc_schemas_load(const char *const *extra, struct ob_err *err)
{
	for (int k = 0; k < DK_COUNT_; k++)
		if (schema_get(kind_names[k], err) == NULL)
			return -1;
	for (; extra != NULL && *extra != NULL; extra++)
		if (schema_get(*extra, err) == NULL)
			return -1;
	return 0;
}

void doc_schemas_free(void)
{
	for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++) {
		xmlSchemaFree(schemas[i].schema);
		schemas[i].schema = NULL;
		schemas[i].name = NULL;
	}
}

static int validate(xmlDocPtr x, const char *name, struct ob_err *err,
                    void (*fn)(const struct ob_err *, void *), void *arg)
{
	xmlNodePtr root = xmlDocGetRootElement(x);
	struct schema_sink sink = { err, fn, arg };
	xmlSchemaValidCtxtPtr vc;
	xmlSchemaPtr s;
	int rc;

	if (root == NULL || root->ns == NULL || strcmp((const char *)root->ns->href, DOC_NS) != 0) {
		ob_err_set(err, "schema", root ? root->line : 1, "the root element must be in namespace %s", DOC_NS);
		return -1;
	}
	if ((s = schema_get(name, err)) == NULL)
		return -1;
	if ((vc = xmlSchemaNewValidCtxt(s)) == NULL) {
		ob_err_set(err, "io", 0, "out of memory");
		return -1;
	}
	ob_err_clear(err);
	xmlSchemaSetValidStructuredErrors(vc, schema_error, &sink);
	rc = xmlSchemaValidateDoc(vc, x);
	xmlSchemaFreeValidCtxt(vc);
	if (rc != 0 && err->code[0] == '\0')
		ob_err_set(err, "schema", 0, "the document does not match schema/%s.xsd", name);
	return rc == 0 ? 0 : -1;
}

int xsd_validate(xmlDocPtr x, const char *name, struct ob_err *err)
{
	struct ob_err scratch = { 0 };

	return validate(x, name, err != NULL ? err : &scratch, NULL, NULL);
}

int doc_validate_schema_all(xmlDocPtr x, struct ob_err *err,
                            void (*fn)(const struct ob_err *, void *), void *arg)
{
	xmlNodePtr root = xmlDocGetRootElement(x);
	enum doc_kind k;

	if (root == NULL || doc_kind_parse((const char *)root->name, &k) != 0) {
		ob_err_set(err, "schema", root ? root->line : 1,
		           "the root element must be one of the document kinds (see schema/)");
		if (fn != NULL)
			fn(err, arg);
		return -1;
	}
	return validate(x, kind_names[k], err, fn, arg);
}

int doc_validate_schema(xmlDocPtr x, struct ob_err *err)
{
	return doc_validate_schema_all(x, err, NULL, NULL);
}
