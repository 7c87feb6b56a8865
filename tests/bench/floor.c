/* floor: the lower bound of obgen's cold build (issue 3.10).  The same XSLT
 * stylesheets obgen uses, applied by libxslt in a bare loop to the page XML
 * obgen dumped (`obgen --dump-xml DIR`), the HTML written to files.  What is
 * left between obgen's time and this one is obgen's own work: reading the
 * database, building the page trees, deciding what to rebuild, publishing.
 *
 *   floor TEMPLATES DUMPDIR OUTDIR
 *
 * DUMPDIR/<page path>.xml is one page; its root element names the stylesheet
 * (TEMPLATES/<root>.xsl; for obgen's <page type="T"> root, TEMPLATES/T.xsl),
 * and the HTML goes to OUTDIR/<page path> (".html" added when the path has
 * no extension, "index.html" when it ends in "/").  Each stylesheet is
 * compiled once, before it is first used, and a document() the stylesheets
 * load is parsed once and handed over as a copy; the UI strings
 * (templates/i18n/) are obgen's own XPath functions ob:t and ob:strings,
 * core/ui_strings.c, linked in, so the floor pays for them what obgen pays.  The clock runs only around what obgen cannot avoid --
 * apply the stylesheet, serialize, create the directory, write the file, free
 * the result -- not around compiling stylesheets or parsing the dumped XML,
 * which obgen never parses; the parse time is printed apart.
 *
 * Prints, one per line: "pages N", "ms X" (the floor), "write_ms X" (the
 * part of it spent creating directories and writing files), "parse_ms X". */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxslt/documents.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "ui_strings.h"

static char **files;
static size_t nfiles, capfiles;
static size_t dumplen;

struct sheet {
	char *name;
	xsltStylesheetPtr xsl;
};
static struct sheet sheets[64];
static size_t nsheets;

/* document() cache: libxslt frees what a loader returns with the transform
 * context, so the cached tree is copied for each use. */
static struct {
	char *uri;
	xmlDocPtr doc;
} docs[32];
static size_t ndocs;
/* xsltDocDefaultLoader is the loader currently set, so ours once set: the
 * built-in one is kept here before. */
static xsltDocLoaderFunc builtin_loader;

static xmlDocPtr load_doc(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                          xsltLoadType type)
{
	xmlDocPtr d;

	if (type != XSLT_LOAD_DOCUMENT)
		return builtin_loader(uri, dict, options, ctxt, type);
	for (size_t i = 0; i < ndocs; i++)
		if (strcmp(docs[i].uri, (const char *)uri) == 0)
			return xmlCopyDoc(docs[i].doc, 1);
	if (ndocs == sizeof docs / sizeof docs[0] ||
	    (d = xmlReadFile((const char *)uri, NULL, options | XML_PARSE_NONET)) == NULL)
		return builtin_loader(uri, dict, options, ctxt, type);
	docs[ndocs].uri = strdup((const char *)uri);
	docs[ndocs++].doc = d;
	return xmlCopyDoc(d, 1);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int collect(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	size_t len = strlen(path);

	(void)sb;
	(void)ftw;
	if (type != FTW_F || len < 4 || strcmp(path + len - 4, ".xml") != 0)
		return 0;
	if (nfiles == capfiles &&
	    (files = realloc(files, (capfiles = capfiles ? 2 * capfiles : 1024) * sizeof *files)) == NULL)
		return -1;
	if ((files[nfiles++] = strdup(path + dumplen + 1)) == NULL)
		return -1;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static xsltStylesheetPtr sheet(const char *dir, const char *name)
{
	char path[4096];

	for (size_t i = 0; i < nsheets; i++)
		if (strcmp(sheets[i].name, name) == 0)
			return sheets[i].xsl;
	if (nsheets == sizeof sheets / sizeof sheets[0])
		return NULL;
	snprintf(path, sizeof path, "%s/%s.xsl", dir, name);
	sheets[nsheets].name = strdup(name);
	sheets[nsheets].xsl = xsltParseStylesheetFile((const xmlChar *)path);
	if (sheets[nsheets].xsl == NULL)
		fprintf(stderr, "floor: %s: cannot compile\n", path);
	return sheets[nsheets++].xsl;
}

/* mkdir -p of the directories above path (path is modified and restored). */
static int mkparents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		int rc = mkdir(path, 0755);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

static int write_all(const char *path, const xmlChar *buf, int len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int rc = -1;

	if (fd < 0)
		return -1;
	for (int off = 0; off < len;) {
		ssize_t n = write(fd, buf + off, (size_t)(len - off));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		off += (int)n;
	}
	rc = 0;
out:
	if (close(fd) != 0)
		rc = -1;
	return rc;
}

int main(int argc, char **argv)
{
	double timed = 0, parse = 0, writing = 0;
	size_t pages = 0;
	int rc = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: floor TEMPLATES DUMPDIR OUTDIR\n");
		return 2;
	}
	xmlInitParser();
	exsltRegisterAll();
	{
		static const char *const langs[] = { "kk", "ru" };
		char msg[512];

		if (strings_load(argv[1], langs, 2, msg, sizeof msg) != 0) {
			fprintf(stderr, "floor: %s\n", msg);
			return 1;
		}
	}
	builtin_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(load_doc);

	dumplen = strlen(argv[2]);
	while (dumplen > 1 && argv[2][dumplen - 1] == '/')
		argv[2][--dumplen] = '\0';
	if (nftw(argv[2], collect, 32, FTW_PHYS) != 0) {
		fprintf(stderr, "floor: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	if (nfiles == 0) {
		fprintf(stderr, "floor: %s: no page XML\n", argv[2]);
		return 1;
	}
	qsort(files, nfiles, sizeof *files, cmp);

	for (size_t i = 0; i < nfiles; i++) {
		char in[4096], out[4096];
		xmlDocPtr doc, res;
		xmlNodePtr root;
		xmlChar *type;
		xsltStylesheetPtr xsl;
		xmlChar *buf = NULL;
		int len = 0;
		size_t n;
		double t0, t1, t2;
		int ok;

		snprintf(in, sizeof in, "%s/%s", argv[2], files[i]);
		t0 = now_ms();
		doc = xmlReadFile(in, NULL, XML_PARSE_NONET);
		parse += now_ms() - t0;
		if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
			fprintf(stderr, "floor: %s: cannot parse\n", in);
			xmlFreeDoc(doc);
			goto out;
		}
		root = xmlDocGetRootElement(doc);
		type = xmlStrEqual(root->name, (const xmlChar *)"page") ?
		       xmlGetProp(root, (const xmlChar *)"type") : NULL;
		xsl = sheet(argv[1], (const char *)(type != NULL ? type : root->name));
		xmlFree(type);
		if (xsl == NULL) {
			xmlFreeDoc(doc);
			goto out;
		}
		n = (size_t)snprintf(out, sizeof out, "%s/%.*s", argv[3], (int)(strlen(files[i]) - 4), files[i]);
		if (n + 11 < sizeof out && out[n - 1] == '/')
			strcat(out, "index.html");
		else if (n + 6 < sizeof out && strchr(strrchr(out, '/'), '.') == NULL)
			strcat(out, ".html");

		t0 = now_ms();
		res = xsltApplyStylesheet(xsl, doc, NULL);
		ok = res != NULL && xsltSaveResultToString(&buf, &len, res, xsl) == 0;
		t1 = now_ms();
		ok = ok && mkparents(out) == 0 && write_all(out, buf, len) == 0;
		t2 = now_ms();
		xmlFree(buf);
		xmlFreeDoc(res);
		timed += now_ms() - t0;
		writing += t2 - t1;
		xmlFreeDoc(doc);
		if (!ok) {
			fprintf(stderr, "floor: %s -> %s: failed\n", in, out);
			goto out;
		}
		pages++;
	}
	printf("pages %zu\nms %.1f\nwrite_ms %.1f\nparse_ms %.1f\n", pages, timed, writing, parse);
	rc = 0;
out:
	for (size_t i = 0; i < nsheets; i++)
		if (sheets[i].xsl != NULL)
			xsltFreeStylesheet(sheets[i].xsl);
	for (size_t i = 0; i < ndocs; i++) {
		free(docs[i].uri);
		xmlFreeDoc(docs[i].doc);
	}
	for (size_t i = 0; i < nsheets; i++)
		free(sheets[i].name);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	strings_free();
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
