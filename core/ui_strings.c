/* UI strings as XPath extension functions; ui_strings.h says why. */
#include <stdio.h>
#include <string.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>

#include "ui_strings.h"

#define STRINGS_MAX 8

static struct lang {
	char name[16];
	xmlDocPtr doc;
	xmlHashTablePtr map;  /* key -> string content (owned) */
} langs[STRINGS_MAX];
static size_t nlangs;

static void free_entry(void *p, const xmlChar *name)
{
	(void)name;
	xmlFree(p);
}

static const struct lang *lang_of(const xmlChar *name)
{
	for (size_t i = 0; name != NULL && i < nlangs; i++)
		if (strcmp(langs[i].name, (const char *)name) == 0)
			return &langs[i];
	return NULL;
}

/* Pops the two (or one) string arguments; NULL when there are not. */
static xmlChar *pop_string(xmlXPathParserContextPtr ctxt)
{
	xmlChar *s = xmlXPathPopString(ctxt);

	return ctxt->error ? (xmlFree(s), NULL) : s;
}

static void fn_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *key, *lang;
	const struct lang *l;
	const xmlChar *v = NULL;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((key = pop_string(ctxt)) == NULL)
		return;
	if ((lang = pop_string(ctxt)) == NULL) {
		xmlFree(key);
		return;
	}
	if ((l = lang_of(lang)) != NULL)
		v = xmlHashLookup(l->map, key);
	valuePush(ctxt, xmlXPathNewString(v != NULL ? v : (const xmlChar *)""));
	xmlFree(key);
	xmlFree(lang);
}

/* The shared tree goes out as a node-set: the caller only reads it. */
static void fn_strings(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang;
	const struct lang *l;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((lang = pop_string(ctxt)) == NULL)
		return;
	l = lang_of(lang);
	valuePush(ctxt, xmlXPathNewNodeSet(l != NULL ? xmlDocGetRootElement(l->doc) : NULL));
	xmlFree(lang);
}

int strings_load(const char *dir, const char *const *names, size_t n, char *msg, size_t msglen)
{
	char path[4200];

	strings_free();
	for (size_t i = 0; i < n && i < STRINGS_MAX; i++) {
		struct lang *l = &langs[nlangs];
		xmlNodePtr root;

		snprintf(path, sizeof path, "%s/i18n/%s.xml", dir, names[i]);
		snprintf(l->name, sizeof l->name, "%s", names[i]);
		if ((l->doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL ||
		    (root = xmlDocGetRootElement(l->doc)) == NULL ||
		    (l->map = xmlHashCreate(256)) == NULL) {
			snprintf(msg, msglen, "%s: cannot read the UI strings", path);
			xmlFreeDoc(l->doc);
			l->doc = NULL;
			strings_free();
			return -1;
		}
		nlangs++;
		for (xmlNodePtr s = root->children; s != NULL; s = s->next) {
			xmlChar *key;

			if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, (const xmlChar *)"s"))
				continue;
			if ((key = xmlGetProp(s, (const xmlChar *)"key")) == NULL)
				continue;
			/* The first definition wins, as key() returned it first. */
			if (xmlHashLookup(l->map, key) == NULL)
				xmlHashAddEntry(l->map, key, xmlNodeGetContent(s));
			xmlFree(key);
		}
		/* Document order for XPath over the shared tree, set once here:
		 * afterwards the tree is only read, from any thread. */
		xmlXPathOrderDocElems(l->doc);
	}
	if (xsltRegisterExtModuleFunction((const xmlChar *)"t", (const xmlChar *)STRINGS_NS,
	                                  fn_t) != 0 ||
	    xsltRegisterExtModuleFunction((const xmlChar *)"strings", (const xmlChar *)STRINGS_NS,
	                                  fn_strings) != 0) {
		snprintf(msg, msglen, "cannot register the UI string functions");
		strings_free();
		return -1;
	}
	return 0;
}

void strings_free(void)
{
	for (size_t i = 0; i < nlangs; i++) {
		xmlHashFree(langs[i].map, free_entry);
		xmlFreeDoc(langs[i].doc);
		memset(&langs[i], 0, sizeof langs[i]);
	}
	nlangs = 0;
}
