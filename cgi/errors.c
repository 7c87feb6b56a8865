/* Every error code obfcgi answers, its HTTP status (issue 4.2) and its
 * messages in Kazakh and Russian, read at start-up from the UI strings
 * (templates/i18n/{kk,ru}.xml, key "err.CODE"); a code without both
 * messages stops the server from starting, and `make` checks it too
 * (scripts/check-i18n). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "server.h"
#include "xmlin.h"

static const struct error_def {
	const char *code;
	int status;
} errors[] = {
	/* 400: the request is not one we can read */
	{ "malformed", 400 }, { "encoding", 400 }, { "doctype", 400 }, { "schema", 400 },
	/* 401: the signature (core/sig.c, docs/signatures.md) */
	{ "signature-missing", 401 }, { "signature-invalid", 401 }, { "signature-multiple", 401 },
	{ "reference-invalid", 401 }, { "unsupported-algorithm", 401 }, { "certificate-missing", 401 },
	{ "certificate-untrusted", 401 }, { "certificate-expired", 401 },
	{ "certificate-revoked", 401 }, { "certificate-usage", 401 }, { "identity-invalid", 401 },
	/* 403, 404, 405 */
	{ "role-missing", 403 }, { "csrf-invalid", 403 }, { "session-required", 401 },
	{ "not-found", 404 }, { "document-unknown", 404 }, { "part-unknown", 404 },
	{ "proposal-unknown", 404 }, { "receipt-unknown", 404 },
	{ "method", 405 },
	/* 409: the state does not allow it now */
	{ "nonce-invalid", 409 }, { "nonce-expired", 409 }, { "nonce-reused", 409 },
	{ "discussion-not-open", 409 }, { "discussion-closed", 409 },
	{ "already-moderated", 409 }, { "already-answered", 409 }, { "proposal-not-published", 409 },
	{ "document-exists", 409 },
	/* 413, 415 */
	{ "too-large", 413 }, { "content-type", 415 },
	/* 422: a rule broken */
	{ "text-too-long", 422 }, { "text-empty", 422 }, { "language-invalid", 422 },
	{ "reason-invalid", 422 }, { "justification-missing", 422 }, { "document-invalid", 422 },
	{ "discussion-too-short", 422 },
	/* issue 7: oversight access */
	{ "request-unknown", 404 }, { "account-unknown", 404 },
	{ "already-decided", 409 }, { "not-approved", 409 }, { "already-granted", 409 },
	{ "account-exists", 409 }, { "already-blocked", 409 },
	{ "field-missing", 422 }, { "iin-invalid", 422 }, { "date-invalid", 422 },
	/* 429 comes from nginx (nginx/api-errors/429.xml) */
	{ "rate-limited", 429 },
	/* 5xx */
	{ "internal", 500 }, { "storage", 500 }, { "calendar-missing", 500 }, { "unavailable", 503 },
};

#define NERRORS (sizeof errors / sizeof errors[0])

/* The messages, by the index of the code in errors[]. */
static char *messages[2][NERRORS];

static int find(const char *code)
{
	for (size_t i = 0; i < NERRORS; i++)
		if (strcmp(errors[i].code, code) == 0)
			return (int)i;
	return -1;
}

int error_status(const char *code)
{
	int i = find(code);

	return i >= 0 ? errors[i].status : 500;
}

const char *error_message(const char *code, const char *lang)
{
	int i = find(code);

	if (i < 0)
		i = find("internal");
	return messages[strcmp(lang, "kk") == 0 ? 0 : 1][i];
}

static int load_lang(const char *lang, struct ob_err *err)
{
	char path[4200], xp[96];
	xmlDocPtr x;
	xmlXPathContextPtr ctx;

	snprintf(path, sizeof path, "%s/templates/i18n/%s.xml", ob_share_dir(), lang);
	if ((x = xml_parse_file_limited(path, OB_XML_MAX, err)) == NULL)
		return -1;
	ctx = xmlXPathNewContext(x);
	for (size_t i = 0; ctx != NULL && i < NERRORS; i++) {
		xmlXPathObjectPtr o;
		char **dst = &messages[strcmp(lang, "kk") == 0 ? 0 : 1][i];

		snprintf(xp, sizeof xp, "string(/strings/s[@key='err.%s'])", errors[i].code);
		o = xmlXPathEvalExpression((const xmlChar *)xp, ctx);
		if (o == NULL || o->stringval == NULL || o->stringval[0] == '\0') {
			ob_err_set(err, "i18n", 0, "%s: no message for error \"%s\" (key err.%s)", path,
			           errors[i].code, errors[i].code);
			xmlXPathFreeObject(o);
			xmlXPathFreeContext(ctx);
			xmlFreeDoc(x);
			return -1;
		}
		free(*dst);
		*dst = strdup((const char *)o->stringval);
		xmlXPathFreeObject(o);
	}
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(x);
	return 0;
}

int error_messages_load(struct ob_err *err)
{
	return load_lang("kk", err) != 0 || load_lang("ru", err) != 0 ? -1 : 0;
}

void error_messages_free(void)
{
	for (size_t i = 0; i < NERRORS; i++) {
		free(messages[0][i]);
		free(messages[1][i]);
		messages[0][i] = messages[1][i] = NULL;
	}
}

/* obfcgi --list-errors: the codes, for scripts/check-i18n and docs. */
void error_codes_print(FILE *f)
{
	for (size_t i = 0; i < NERRORS; i++)
		fprintf(f, "%s %d\n", errors[i].code, errors[i].status);
}
