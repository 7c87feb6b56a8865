/* obctl demo (ctl/demo*.c): the synthetic dataset of issue 3.9.
 *
 * One run at --scale 1 and one at --scale 2 for a fixed day, then: the same
 * seed and day give the same bytes; every file is valid against its XSD
 * (libxml2 xmlschemas, here) and passes the importer's checks (doc_load);
 * totals add up to the tenge, independently of the importer; the two
 * budgets have their real totals; BINs pass the checksum; every document is
 * marked synthetic; discussions sit where P-9 puts them; and the count
 * grows linearly with --scale, to over 10,000 at 16.
 *
 * The generator is not in libobcore.a, so its sources are compiled in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "demo.h"
#include "demo_int.h"

#include "doc.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

#define TODAY "2026-11-29"
#define NKINDS 7

static const char *const kinds[NKINDS] = { "budget-report", "financial-statements", "citizen-budget",
	                                   "audit-result", "passport", "implementation-report",
	                                   "grant-report" };

/* Three runs: a and b the same (seed 7, scale 1), c another (seed 8, scale 2). */
static char dir_a[64], dir_b[64], dir_c[64];

struct file {
	char name[300];
	char *data;
	size_t len;
};

struct run {
	struct file *f;
	size_t n;
	unsigned count[NKINDS];
};
static struct run run_a, run_b, run_c;

/* ---- helpers ---- */

static int run_demo(const char *out, const char *seed, const char *scale)
{
	char *argv[] = { "demo", "--out", (char *)out, "--seed", (char *)seed, "--scale", (char *)scale,
		         "--today", TODAY, NULL };

	return cmd_demo(9, argv);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->name, ((const struct file *)b)->name);
}

static int kind_of(const char *data)
{
	const char *p = strstr(data, "?>");

	p = p ? p + 2 : data;
	while (*p == '\n' || *p == ' ')
		p++;
	for (int k = 0; k < NKINDS; k++)
		if (*p == '<' && strncmp(p + 1, kinds[k], strlen(kinds[k])) == 0 &&
		    p[1 + strlen(kinds[k])] == ' ')
			return k;
	return -1;
}

/* reference.xml first, then docs/NNNNN.xml in order. */
static void run_load(struct run *r, const char *dir)
{
	char path[600];
	DIR *dp;
	struct dirent *e;
	size_t cap = 0;

	memset(r, 0, sizeof *r);
	snprintf(path, sizeof path, "%s/docs", dir);
	assert_non_null(dp = opendir(path));
	while ((e = readdir(dp)) != NULL) {
		struct file *f;

		if (e->d_name[0] == '.')
			continue;
		if (r->n == cap) {
			cap = cap ? cap * 2 : 1024;
			assert_non_null(r->f = realloc(r->f, cap * sizeof *r->f));
		}
		f = &r->f[r->n++];
		snprintf(f->name, sizeof f->name, "%s", e->d_name);
		snprintf(path, sizeof path, "%s/docs/%s", dir, e->d_name);
		assert_non_null(f->data = slurp(path, &f->len));
		assert_true(kind_of(f->data) >= 0);
		r->count[kind_of(f->data)]++;
	}
	closedir(dp);
	qsort(r->f, r->n, sizeof *r->f, name_cmp);
}

static void run_free(struct run *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i].data);
	free(r->f);
	memset(r, 0, sizeof *r);
}

static void rm_rf(const char *dir)
{
	char path[256];
	DIR *dp;
	struct dirent *e;

	snprintf(path, sizeof path, "%s/docs", dir);
	if ((dp = opendir(path)) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			char f[600];

			if (e->d_name[0] == '.')
				continue;
			snprintf(f, sizeof f, "%s/%s", path, e->d_name);
			unlink(f);
		}
		closedir(dp);
		rmdir(path);
	}
	snprintf(path, sizeof path, "%s/reference.xml", dir);
	unlink(path);
	rmdir(dir);
}

static xmlDocPtr parse(const char *data, size_t len)
{
	return xmlReadMemory(data, (int)len, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
}

static xmlDocPtr parse_file(const char *dir, const char *name)
{
	char path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return xmlReadFile(path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOBLANKS);
}

static int is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c != NULL; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* An attribute's value, "" when absent; the caller frees nothing. */
static const char *attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, BAD_CAST name);

	return a != NULL && a->children != NULL ? (const char *)a->children->content : "";
}

/* The text of <name><kk|ru/></name> under n (static buffer). */
static const char *bi(xmlNodePtr n, const char *name, const char *lang)
{
	static char buf[4096];
	xmlNodePtr b = child(child(n, name), lang);
	xmlChar *s = b ? xmlNodeGetContent(b) : NULL;

	snprintf(buf, sizeof buf, "%s", s ? (const char *)s : "");
	xmlFree(s);
	return buf;
}

/* "1234.567" thousand tenge to tenge, strictly; -1 on anything else. */
static long long tenge(const char *s)
{
	long long v = 0;
	int frac = -1;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || frac >= 3)
			return -1;
		v = v * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	for (frac = frac < 0 ? 0 : frac; frac < 3; frac++)
		v *= 10;
	return v;
}

static long day_of(const char *iso)
{
	struct ob_date d;

	assert_int_equal(date_parse(iso, &d), 0);
	return date_to_days(d);
}

/* ---- fixture ---- */

static int setup(void **state)
{
	(void)state;
	xmlInitParser();
	snprintf(dir_a, sizeof dir_a, "/tmp/test_demo_a.XXXXXX");
	snprintf(dir_b, sizeof dir_b, "/tmp/test_demo_b.XXXXXX");
	snprintf(dir_c, sizeof dir_c, "/tmp/test_demo_c.XXXXXX");
	if (mkdtemp(dir_a) == NULL || mkdtemp(dir_b) == NULL || mkdtemp(dir_c) == NULL)
		return -1;
	if (run_demo(dir_a, "7", "1") != 0 || run_demo(dir_b, "7", "1") != 0 || run_demo(dir_c, "8", "2") != 0)
		return -1;
	run_load(&run_a, dir_a);
	run_load(&run_b, dir_b);
	run_load(&run_c, dir_c);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	run_free(&run_a);
	run_free(&run_b);
	run_free(&run_c);
	rm_rf(dir_a);
	rm_rf(dir_b);
	rm_rf(dir_c);
	doc_schemas_free();
	xmlCleanupParser();
	return 0;
}

/* ---- tests ---- */

static void test_deterministic(void **state)
{
	size_t la, lb;
	char pa[128], pb[128], *a, *b;

	(void)state;
	assert_int_equal(run_a.n, run_b.n);
	for (size_t i = 0; i < run_a.n; i++) {
		assert_string_equal(run_a.f[i].name, run_b.f[i].name);
		assert_int_equal(run_a.f[i].len, run_b.f[i].len);
		assert_memory_equal(run_a.f[i].data, run_b.f[i].data, run_a.f[i].len);
	}
	snprintf(pa, sizeof pa, "%s/reference.xml", dir_a);
	snprintf(pb, sizeof pb, "%s/reference.xml", dir_b);
	assert_non_null(a = slurp(pa, &la));
	assert_non_null(b = slurp(pb, &lb));
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(b);
	/* Another seed, other data. */
	snprintf(pb, sizeof pb, "%s/reference.xml", dir_c);
	assert_non_null(b = slurp(pb, &lb));
	assert_true(la != lb || memcmp(a, b, la) != 0);
	free(a);
	free(b);
}

static xmlSchemaPtr schema_load(const char *name)
{
	char path[512];
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr s;

	snprintf(path, sizeof path, "%s/schema/%s.xsd", OB_SHARE_DIR, name);
	assert_non_null(pc = xmlSchemaNewParserCtxt(path));
	s = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	assert_non_null(s);
	return s;
}

static int schema_valid(xmlSchemaPtr s, xmlDocPtr doc)
{
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
	int rc = vc ? xmlSchemaValidateDoc(vc, doc) : -1;

	xmlSchemaFreeValidCtxt(vc);
	return rc;
}

static void test_schemas(void **state)
{
	xmlSchemaPtr s[NKINDS], ref = schema_load("reference");
	xmlDocPtr doc;

	(void)state;
	for (int k = 0; k < NKINDS; k++)
		s[k] = schema_load(kinds[k]);
	assert_non_null(doc = parse_file(dir_a, "reference.xml"));
	assert_int_equal(schema_valid(ref, doc), 0);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < run_a.n; i++) {
		int rc;

		assert_non_null(doc = parse(run_a.f[i].data, run_a.f[i].len));
		rc = schema_valid(s[kind_of(run_a.f[i].data)], doc);
		if (rc != 0)
			fail_msg("%s/docs/%s is not valid against its XSD", dir_a, run_a.f[i].name);
		xmlFreeDoc(doc);
	}
	for (int k = 0; k < NKINDS; k++)
		xmlSchemaFree(s[k]);
	xmlSchemaFree(ref);
}

/* The importer's own parse + XSD + business checks (core/doc_check.c). */
static void test_importer_accepts(void **state)
{
	(void)state;
	for (size_t i = 0; i < run_a.n; i++) {
		struct doc d;
		struct ob_err err = { 0 };
		xmlDocPtr x = NULL;

		if (doc_load(run_a.f[i].data, run_a.f[i].len, &d, &x, &err) != 0)
			fail_msg("%s: line %d: %s: %s", run_a.f[i].name, err.line, err.code, err.msg);
		doc_free(&d);
		xmlFreeDoc(x);
	}
}

/* Every column of a table: the total row equals the sum of the others. */
static void check_table(xmlNodePtr table, const char *row_name, const char *const *cols,
                        const char *only_kind, const char *file)
{
	long long sum[8] = { 0 }, total[8] = { 0 };
	int have_total = 0, ncols = 0;

	while (cols[ncols] != NULL)
		ncols++;
	for (xmlNodePtr r = table->children; r != NULL; r = r->next) {
		int is_total;

		if (!is(r, row_name) || (only_kind && strcmp(attr(r, "kind"), only_kind) != 0))
			continue;
		is_total = strcmp(attr(r, "total"), "true") == 0;
		for (int c = 0; c < ncols; c++) {
			long long v = *attr(r, cols[c]) ? tenge(attr(r, cols[c])) : 0;

			if (v < 0)
				fail_msg("%s: %s=\"%s\" is not an amount", file, cols[c], attr(r, cols[c]));
			if (is_total)
				total[c] = v;
			else
				sum[c] += v;
		}
		have_total += is_total;
	}
	if (have_total != 1)
		fail_msg("%s: %d total rows", file, have_total);
	for (int c = 0; c < ncols; c++)
		if (sum[c] != total[c])
			fail_msg("%s: total %s %lld != sum %lld", file, cols[c], total[c], sum[c]);
}

static void test_totals(void **state)
{
	static const char *const line_cols[] = { "plan", "executed", NULL };
	static const char *const ind_cols[] = { "actual", "plan", "plan1", "plan2", "plan3", NULL };
	static const char *const ex_cols[] = { "approved", "specified", "corrected", "executed",
		                               "not-executed", "savings", "under-execution", NULL };
	int budgets = 0;

	(void)state;
	for (size_t i = 0; i < run_a.n; i++) {
		xmlDocPtr doc = parse(run_a.f[i].data, run_a.f[i].len);
		xmlNodePtr root = xmlDocGetRootElement(doc), t;
		const char *fn = run_a.f[i].name;

		if ((t = child(root, "lines")) != NULL)
			check_table(t, "line", line_cols, NULL, fn);
		if ((t = child(root, "indicators")) != NULL)
			check_table(t, "indicator", ind_cols, "expense", fn);
		if ((t = child(root, "execution")) != NULL) {
			check_table(t, "row", ex_cols, NULL, fn);
			for (xmlNodePtr r = t->children; r != NULL; r = r->next) {
				long long corr = tenge(attr(r, "corrected")), exe = tenge(attr(r, "executed"));
				long long ne = tenge(attr(r, "not-executed"));

				/* P-10: not executed = corrected - executed = savings + under-execution. */
				assert_int_equal(ne, corr - exe);
				assert_int_equal(ne, tenge(attr(r, "savings")) + tenge(attr(r, "under-execution")));
				assert_true(ne >= 0 && tenge(attr(r, "savings")) >= 0);
			}
		}
		/* The republican budgets at their real totals. */
		if (is(root, "budget-report") || is(root, "citizen-budget")) {
			long long want = strcmp(attr(root, "year"), "2025") == 0 ? 25193022392000LL : 27700000000000LL;

			for (xmlNodePtr r = child(root, "lines")->children; r != NULL; r = r->next)
				if (strcmp(attr(r, "total"), "true") == 0)
					assert_int_equal(tenge(attr(r, "plan")), want);
			budgets += is(root, "budget-report");
		}
		xmlFreeDoc(doc);
	}
	assert_int_equal(budgets, 2);
}

static void test_reference(void **state)
{
	xmlDocPtr doc = parse_file(dir_a, "reference.xml");
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char bins[512][13];
	int nb = 0, groups[16] = { 0 }, police = 0, police_city = 0, central = 0;

	(void)state;
	assert_string_equal(attr(root, "synthetic"), "true");
	for (xmlNodePtr a = root->children; a != NULL; a = a->next) {
		const char *bin = attr(a, "bin");

		if (!is(a, "administrator"))
			continue;
		assert_int_equal(strlen(bin), 12);
		assert_int_equal(demo_bin_check(bin), bin[11] - '0');
		for (int j = 0; j < nb; j++)
			assert_string_not_equal(bins[j], bin);
		assert_true(nb < 512);
		snprintf(bins[nb++], 13, "%s", bin);
		police += strcmp(attr(a, "code"), "252") == 0 && strcmp(attr(a, "level"), "regional") == 0;
		police_city += strcmp(attr(a, "code"), "352") == 0 && strcmp(attr(a, "level"), "city") == 0;
		central += strcmp(attr(a, "level"), "republican") == 0;
		assert_non_null(strstr(bi(a, "name", "kk"), DEMO_MARK_KK));
		assert_non_null(strstr(bi(a, "name", "ru"), DEMO_MARK_RU));
		for (xmlNodePtr p = a->children; p != NULL; p = p->next)
			if (is(p, "program")) {
				int g = atoi(attr(p, "fgroup"));

				assert_true(g >= 1 && g <= 15);
				groups[g]++;
			}
	}
	/* 17 regions and 3 cities, each with its local bodies. */
	assert_int_equal(police, 17);
	assert_int_equal(police_city, 3);
	assert_true(central >= 15);
	for (int g = 1; g <= 15; g++)
		assert_true(groups[g] > 0);
	xmlFreeDoc(doc);
}

static void test_bin_check(void **state)
{
	static const struct {
		const char *d11;
		int check;
	} cases[] = {
		{ "79054097227", 2 }, { "83094003801", 1 },  /* first weights */
		{ "45124096979", 1 }, { "42054079050", 5 },  /* 10, then the second weights */
		{ "44014055966", -1 }, { "26114030916", -1 }, /* 10 twice: unusable */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(demo_bin_check(cases[i].d11), cases[i].check);
}

static void test_formats(void **state)
{
	char b[40];

	(void)state;
	assert_string_equal(demo_amount(b, 1234567), "1234.567");
	assert_string_equal(demo_amount(b, 1500), "1.5");
	assert_string_equal(demo_amount(b, 25193022392000LL), "25193022392");
	assert_string_equal(demo_amount(b, 0), "0");
	assert_string_equal(demo_money(b, 25193022392000LL), "25 193 022 392");
	assert_string_equal(demo_money(b, 1234567), "1 234,6");
	assert_string_equal(demo_pct(b, 978, 1000), "97,8");
	assert_int_equal(tenge("1234.567"), 1234567);
	assert_int_equal(tenge("1.5"), 1500);
	assert_int_equal(tenge("1.2345"), -1);
	{
		long long out[3];
		int w[3] = { 1, 2, 3 };

		demo_split(1000, w, 3, out);
		assert_int_equal(out[0] + out[1] + out[2], 1000);
		assert_int_equal(out[0], 166);
	}
}

/* Every document: synthetic="true", the marks in both titles, no template
 * placeholder left anywhere. */
static void test_synthetic_marks(void **state)
{
	(void)state;
	for (size_t i = 0; i < run_a.n; i++) {
		xmlDocPtr doc = parse(run_a.f[i].data, run_a.f[i].len);
		xmlNodePtr root = xmlDocGetRootElement(doc);

		assert_string_equal(attr(root, "synthetic"), "true");
		if (strstr(bi(root, "title", "kk"), DEMO_MARK_KK) == NULL ||
		    strstr(bi(root, "title", "ru"), DEMO_MARK_RU) == NULL)
			fail_msg("%s: a title without the synthetic mark", run_a.f[i].name);
		if (strchr(run_a.f[i].data, '{') != NULL)
			fail_msg("%s: a template placeholder was not filled", run_a.f[i].name);
		xmlFreeDoc(doc);
	}
}

static void test_content(void **state)
{
	long today = day_of(TODAY);
	int in_disc = 0, closed = 0, invest = 0;
	char (*numbers)[72];

	(void)state;
	assert_true(run_a.count[4] >= 300);  /* passports */
	assert_true(run_a.count[5] >= 300);  /* implementation reports */
	for (int k = 0; k < NKINDS; k++)
		assert_true(run_a.count[k] > 0);
	assert_non_null(numbers = calloc(run_a.n, sizeof *numbers));
	for (size_t i = 0; i < run_a.n; i++) {
		xmlDocPtr doc = parse(run_a.f[i].data, run_a.f[i].len);
		xmlNodePtr root = xmlDocGetRootElement(doc);
		const char *status = attr(root, "status");
		long posted = day_of(attr(root, "posted"));

		snprintf(numbers[i], sizeof numbers[i], "%s", attr(root, "number"));
		assert_true(posted <= today);
		if (is(root, "passport") && strcmp(status, "in-discussion") == 0) {
			long end = day_of(attr(root, "discussion-end"));

			/* P-9: posted within the last week, open at least 10
			 * working days (14 calendar days at the very least). */
			assert_true(today - posted <= 6);
			assert_true(end - posted >= 14 && end >= today);
			in_disc++;
		}
		if (is(root, "passport") && strcmp(status, "discussion-closed") == 0) {
			assert_true(day_of(attr(root, "discussion-end")) < today);
			closed++;
		}
		if (is(root, "implementation-report")) {
			/* P-10: by 1 April of the next year. */
			assert_int_equal(date_from_days(posted).y, atoi(attr(root, "year")) + 1);
			assert_true(date_from_days(posted).m <= 3);
		}
		if (is(root, "implementation-report") && strcmp(attr(root, "investment"), "true") == 0) {
			xmlNodePtr att = child(child(root, "attachments"), "attachment");

			assert_non_null(att);
			assert_string_equal(attr(att, "role"), "investment-evidence");
			invest++;
		}
		if (is(root, "grant-report"))
			for (xmlNodePtr r = child(child(root, "rows"), "row"); r != NULL; r = r->next) {
				int cells = 0;

				for (xmlNodePtr c = r->children; c != NULL; c = c->next)
					cells += is(c, "cell") && atoi(attr(c, "col")) == cells + 1;
				assert_int_equal(cells, 26);
			}
		xmlFreeDoc(doc);
	}
	assert_true(in_disc >= 10);
	assert_true(closed >= 10);
	assert_true(invest >= 10);
	/* Numbers are unique. */
	for (size_t i = 0; i < run_a.n; i++)
		for (size_t j = i + 1; j < run_a.n; j++)
			if (strcmp(numbers[i], numbers[j]) == 0)
				fail_msg("number %s is used twice", numbers[i]);
	free(numbers);
}

/* Documents and the programs they name are in reference.xml. */
static void test_codes_known(void **state)
{
	xmlDocPtr ref = parse_file(dir_a, "reference.xml");
	size_t cap = 8192, n = 0;
	char (*progs)[24] = calloc(cap, sizeof *progs);

	(void)state;
	assert_non_null(progs);
	for (xmlNodePtr a = xmlDocGetRootElement(ref)->children; a != NULL; a = a->next)
		for (xmlNodePtr p = a->children; p != NULL; p = p->next)
			if (is(p, "program")) {
				assert_true(n < cap);
				snprintf(progs[n++], 24, "%s/%s/%s", attr(a, "code"), attr(a, "region"), attr(p, "code"));
			}
	for (size_t i = 0; i < run_a.n; i++) {
		xmlDocPtr doc = parse(run_a.f[i].data, run_a.f[i].len);
		xmlNodePtr root = xmlDocGetRootElement(doc), pr = child(root, "program");
		char key[24];
		size_t j;

		if (pr != NULL) {
			snprintf(key, sizeof key, "%s/%s/%s", attr(root, "admin"), attr(root, "region"), attr(pr, "code"));
			for (j = 0; j < n && strcmp(progs[j], key) != 0; j++)
				;
			if (j == n)
				fail_msg("%s: program %s is not in reference.xml", run_a.f[i].name, key);
		}
		xmlFreeDoc(doc);
	}
	free(progs);
	xmlFreeDoc(ref);
}

/* Linear in --scale: scale 16 gives over 10,000 documents. */
static void test_scale(void **state)
{
	long step = (long)run_c.n - (long)run_a.n;

	(void)state;
	assert_int_equal(run_c.count[4] - run_a.count[4], 320);
	assert_int_equal(run_c.count[5] - run_a.count[5], 320);
	/* The budgets and statements do not grow; everything else does, evenly. */
	for (int k = 0; k < 3; k++)
		assert_int_equal(run_c.count[k], run_a.count[k]);
	assert_true((long)run_a.n + 15 * step >= 10000);
}

static void test_arguments(void **state)
{
	char *no_out[] = { "demo", "--seed", "1", NULL };
	char *bad_scale[] = { "demo", "--out", dir_a, "--scale", "0", NULL };
	char *big_scale[] = { "demo", "--out", dir_a, "--scale", "1001", NULL };
	char *bad_seed[] = { "demo", "--out", dir_a, "--seed", "x1", NULL };
	char *bad_today[] = { "demo", "--out", dir_a, "--today", "2026-02-30", NULL };
	char *early[] = { "demo", "--out", dir_a, "--today", "2024-12-31", NULL };
	char *unknown[] = { "demo", "--out", dir_a, "--fast", "1", NULL };
	char *dangling[] = { "demo", "--out", NULL };

	(void)state;
	assert_int_equal(cmd_demo(3, no_out), 2);
	assert_int_equal(cmd_demo(5, bad_scale), 2);
	assert_int_equal(cmd_demo(5, big_scale), 2);
	assert_int_equal(cmd_demo(5, bad_seed), 2);
	assert_int_equal(cmd_demo(5, bad_today), 2);
	assert_int_equal(cmd_demo(5, early), 2);
	assert_int_equal(cmd_demo(5, unknown), 2);
	assert_int_equal(cmd_demo(2, dangling), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bin_check),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_schemas),
		cmocka_unit_test(test_importer_accepts),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_synthetic_marks),
		cmocka_unit_test(test_content),
		cmocka_unit_test(test_codes_known),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_arguments),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
