/* hugo_export: the benchmark's Hugo input (issue 3.10).  Reads the portal's
 * SQLite database and writes the public pages obgen renders from it as Hugo
 * content, in kk and ru (content/kk/..., content/ru/..., one file per page
 * and language): JSON front matter with what the page shows, and for a
 * document its structural parts as the Markdown body.
 *
 *   content/L/doc/S/ID.md           a document: header, taxonomies, its table
 *   content/L/press/S/ID.md         the press release of a passport or report
 *                                   (published as /L/doc/S/ID-press.html)
 *   content/L/doc/S/ID-report.md    the final report of a closed discussion
 *   content/L/program/S/ID.md       a budget program: plan against execution
 *                                   by year, indicator history, its documents
 *   content/L/program/gN.md         the programs of functional group N
 *   content/L/charts/YEAR.md        spending by group, the largest programs
 *   content/L/data/S.md             the open data files of documents S00..S99
 *   content/L/compliance/RULE.md    publication deadlines, the exceptions
 *   content/L/SECTION/_index.md     section pages: program, press, charts,
 *                                   data, compliance (summary), stats; doc
 *                                   (not rendered: obgen has no such page)
 *   data/ref.json                   names of administrators (with their
 *                                   programs), regions, functional groups
 *
 * (L is kk or ru, S the shard id / 100.)  Drafts are not public and are
 * skipped, as in obgen.  Every figure comes from the reads obgen makes
 * (core/db_site.h, db_site_discussion.h, db_lifecycle.h) and the same
 * computations (core/db_compliance.h, deadline.h, calendar.h, and those
 * obgen's pages share with this file: program_history.h, compliance_pages.h,
 * moderation_stats.h), so Hugo's templates only lay them out, as obgen's
 * stylesheets do.
 *
 *   hugo_export DB SITEDIR
 *
 * "Today" (compliance, statistics) is ob_today() (core/clock.h): OB_TODAY
 * when set, else the date in Almaty.  Untimed; the benchmark times Hugo
 * only. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "calendar.h"
#include "clock.h"
#include "compliance_pages.h"
#include "db_calendar.h"
#include "db_compliance.h"
#include "db_lifecycle.h"
#include "db_site.h"
#include "db_site_discussion.h"
#include "db_submit.h"
#include "deadline.h"
#include "moderation_stats.h"
#include "program_history.h"
#include "site_paths.h"
#include "xmlin.h"

#define NLANG 2
static const char *const lang[NLANG] = { "kk", "ru" };

/* Documents and programs per content directory, as obgen shards its pages. */
#define SHARD SITE_SHARD
/* The largest programs on a charts page (GEN_CHART_PROGRAMS). */
#define CHART_PROGRAMS 15

static struct store *st;
static struct db_site *site;
static struct calendar *cal;
static struct ob_date today;
static char today_s[DATE_STRLEN];
static struct ob_err err;
static const char *root;  /* SITEDIR */

/* ---- output helpers ---- */

static void die(const char *what)
{
	fprintf(stderr, "hugo_export: %s%s%s\n", what, err.msg[0] ? ": " : "", err.msg);
	exit(1);
}

/* A read of core/: fails on -1 only (a callback's stop value is not an error). */
static int need(int rc, const char *what)
{
	if (rc < 0)
		die(what);
	return rc;
}

static void *xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		die("out of memory");
	return p;
}

/* p with room for element n: doubles when n is 0 or a power of two. */
static void *grow(void *p, size_t n, size_t size)
{
	return (n & (n - 1)) == 0 ? xrealloc(p, (n ? 2 * n : 1) * size) : p;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s != NULL ? s : "");

	if (p == NULL)
		die("out of memory");
	return p;
}

static int mkdirs(char *path)
{
	for (char *p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static FILE *create(const char *path)
{
	char dir[4096];
	FILE *f;

	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	if (mkdirs(dir) != 0 || (f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "hugo_export: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

/* content/kk/REL and content/ru/REL, REL given as a format: the same page in
 * both languages (Hugo pairs translations by path). */
static void pair_open(FILE *f[NLANG], const char *fmt, ...)
{
	char rel[512], path[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(rel, sizeof rel, fmt, ap);
	va_end(ap);
	for (int l = 0; l < NLANG; l++) {
		snprintf(path, sizeof path, "%s/content/%s/%s", root, lang[l], rel);
		f[l] = create(path);
	}
}

static void pair_close(FILE *f[NLANG])
{
	for (int l = 0; l < NLANG; l++)
		if (fclose(f[l]) != 0)
			die("write");
}

/* The same text in both languages' files. */
static void both(FILE *f[NLANG], const char *fmt, ...)
{
	for (int l = 0; l < NLANG; l++) {
		va_list ap;

		va_start(ap, fmt);
		vfprintf(f[l], fmt, ap);
		va_end(ap);
	}
}

static void json_str(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("null", f);
		return;
	}
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			putc(*p, f);
	}
	putc('"', f);
}

/* "key": value pairs; the first of an object passes first=1. */
static void jkey(FILE *f, int first, const char *key)
{
	if (!first)
		putc(',', f);
	json_str(f, key);
	putc(':', f);
}

static void jstr(FILE *f, int first, const char *key, const char *v)
{
	jkey(f, first, key);
	json_str(f, v);
}

static void jint(FILE *f, int first, const char *key, long long v)
{
	jkey(f, first, key);
	fprintf(f, "%lld", v);
}

/* An integer column that may be NULL (has 0). */
static void jopt(FILE *f, const char *key, int has, long long v)
{
	jkey(f, 0, key);
	if (has)
		fprintf(f, "%lld", v);
	else
		fputs("null", f);
}

/* Plain text as Markdown: the text stays literal (every ASCII punctuation
 * Markdown could read as syntax is escaped, and so is what would start a list
 * or a heading underline) and a line break becomes a paragraph break. */
static void md_text(FILE *f, const char *s)
{
	int bol = 1;

	for (; *s != '\0'; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n') {
			fputs("\n\n", f);
			bol = 1;
			continue;
		}
		if (bol) {
			size_t d = strspn(s, "0123456789");
			if (d > 0 && (s[d] == '.' || s[d] == ')')) {
				fprintf(f, "%.*s\\%c", (int)d, s, s[d]);
				s += d;
				bol = 0;
				continue;
			}
		}
		if (strchr("\\`*_[]<>#|&!{}~", *s) != NULL || (bol && strchr("-+=", *s) != NULL))
			putc('\\', f);
		putc(*s, f);
		bol = 0;
	}
}

/* A section's page (_index.md): its URL when the section's pages have ugly
 * URLs (hugo.toml), build options, and the caller's extra fields. */
static void section_open(FILE *f[NLANG], const char *section, const char *url)
{
	pair_open(f, "%s/_index.md", section);
	both(f, "{\"section\":\"%s\"", section);
	if (url != NULL)
		both(f, ",\"url\":\"%s\"", url);
}

/* ---- what every page refers to: administrators, programs, documents ---- */

/* Each table is in id order, the id its first member (find()). */
struct admin {
	long long id;
	char code[4], *bin, *region;
};
struct program {
	long long id, admin_id;
	int fgroup;
	char code[4], *name[NLANG];
};
struct doc {
	long long id, program_id, rank, press_rank;
	long long report_len;  /* the final report's size, -1 when none */
	char *posted, reported[DATE_STRLEN];
	int year, press;       /* press: a passport or implementation report (P-12) */
};

static struct admin *admins;
static struct program *programs;
static struct doc *docs;
static size_t nadmins, nprograms, ndocs;

static int id_cmp(const void *key, const void *elem)
{
	long long a = *(const long long *)key, b = *(const long long *)elem;

	return (a > b) - (a < b);
}

static void *find(long long id, void *v, size_t n, size_t size)
{
	return n > 0 ? bsearch(&id, v, n, size, id_cmp) : NULL;
}

static const struct admin *admin_find(long long id)
{
	const struct admin *a = find(id, admins, nadmins, sizeof *admins);

	if (a == NULL)
		die("administrator not found");
	return a;
}

static const struct program *program_find(long long id)
{
	return find(id, programs, nprograms, sizeof *programs);
}

static int on_program(const struct site_program *p, void *arg)
{
	struct program *x;

	(void)arg;
	programs = grow(programs, nprograms, sizeof *programs);
	x = &programs[nprograms++];
	x->id = p->id;
	x->admin_id = p->admin_id;
	x->fgroup = p->fgroup;
	snprintf(x->code, sizeof x->code, "%s", p->code);
	for (int l = 0; l < NLANG; l++)
		x->name[l] = xstrdup(p->name[l]);
	return 0;
}

static int on_doc_row(const struct site_doc *d, void *arg)
{
	struct doc *x;

	(void)arg;
	docs = grow(docs, ndocs, sizeof *docs);
	x = &docs[ndocs++];
	memset(x, 0, sizeof *x);
	x->id = d->id;
	x->program_id = d->program_id;
	x->year = d->year;
	x->posted = xstrdup(d->posted);
	x->press = strcmp(d->kind, "passport") == 0 || strcmp(d->kind, "implementation-report") == 0;
	x->report_len = -1;
	return 0;
}

static int on_report_row(const struct final_report *r, void *arg)
{
	struct doc *d = find(r->doc_id, docs, ndocs, sizeof *docs);

	(void)arg;
	if (d != NULL) {
		d->report_len = (long long)r->len;
		snprintf(d->reported, sizeof d->reported, "%s", r->reported);
	}
	return 0;
}

/* Newest first, as obgen's lists: posting date, then id. */
static int recent_cmp(const void *pa, const void *pb)
{
	const struct doc *a = *(const struct doc *const *)pa, *b = *(const struct doc *const *)pb;
	int c = strcmp(b->posted, a->posted);

	return c != 0 ? c : (a->id < b->id) - (a->id > b->id);
}

/* The programs, the public documents with their final reports, and the
 * ranks that order the lists newest first (Hugo's default order of pages
 * is by weight): among all documents, and among the press releases or the
 * rest. */
static void tables_load(void)
{
	struct doc **by = NULL;
	long long n[2] = { 0, 0 };

	need(db_site_programs(site, on_program, NULL, &err), "programs");
	need(db_site_docs(site, on_doc_row, NULL, &err), "documents");
	need(db_final_report_list(st, on_report_row, NULL, &err), "final reports");
	by = xrealloc(by, (ndocs + 1) * sizeof *by);
	for (size_t i = 0; i < ndocs; i++)
		by[i] = &docs[i];
	if (ndocs > 0)
		qsort(by, ndocs, sizeof *by, recent_cmp);
	for (size_t i = 0; i < ndocs; i++) {
		by[i]->rank = (long long)i + 1;
		by[i]->press_rank = ++n[by[i]->press];
	}
	free(by);
}

/* ---- reference data: names for the templates ---- */

struct ref {
	FILE *f;
	int first;
};

/* "key":{ in an object of objects. */
static FILE *ref_open(struct ref *r, const char *key)
{
	jkey(r->f, r->first, key);
	r->first = 0;
	putc('{', r->f);
	return r->f;
}

/* An administrator with its budget programs, as its list page shows them. */
static int on_admin(const struct site_admin *a, void *arg)
{
	FILE *f = ref_open(arg, a->bin);
	struct admin *x;
	int first = 1;

	admins = grow(admins, nadmins, sizeof *admins);
	x = &admins[nadmins++];
	x->id = a->id;
	snprintf(x->code, sizeof x->code, "%s", a->code);
	x->bin = xstrdup(a->bin);
	x->region = a->region != NULL ? xstrdup(a->region) : NULL;
	jstr(f, 1, "code", a->code);
	jstr(f, 0, "region", a->region);
	jstr(f, 0, "level", a->level);
	jstr(f, 0, "kk", a->name[0]);
	jstr(f, 0, "ru", a->name[1]);
	fputs(",\"programs\":[", f);
	for (const struct program *p = programs; p < programs + nprograms; p++) {
		char path[64];

		if (p->admin_id != a->id)
			continue;
		fputs(first ? "{" : ",{", f);
		first = 0;
		snprintf(path, sizeof path, "program/%lld/%lld.html", p->id / SHARD, p->id);
		jstr(f, 1, "path", path);
		jstr(f, 0, "code", p->code);
		jstr(f, 0, "kk", p->name[0]);
		jstr(f, 0, "ru", p->name[1]);
		putc('}', f);
	}
	fputs("]}", f);
	return 0;
}

static int on_region(const struct site_region *g, void *arg)
{
	FILE *f = ref_open(arg, g->kato);

	jstr(f, 1, "kind", g->kind);
	jstr(f, 0, "kk", g->name[0]);
	jstr(f, 0, "ru", g->name[1]);
	putc('}', f);
	return 0;
}

static int on_fgroup(const struct site_fgroup *g, void *arg)
{
	char code[16];
	FILE *f;

	snprintf(code, sizeof code, "%d", g->code);
	f = ref_open(arg, code);
	jstr(f, 1, "kk", g->name[0]);
	jstr(f, 0, "ru", g->name[1]);
	putc('}', f);
	return 0;
}

static void ref_write(void)
{
	char path[4096];
	struct ref r = { NULL, 1 };

	snprintf(path, sizeof path, "%s/data/ref.json", root);
	r.f = create(path);
	fputs("{\"admins\":{", r.f);
	need(db_site_admins(site, on_admin, &r, &err), "administrators");
	fputs("},\"regions\":{", r.f);
	r.first = 1;
	need(db_site_regions(site, on_region, &r, &err), "regions");
	fputs("},\"fgroups\":{", r.f);
	r.first = 1;
	need(db_site_fgroups(site, on_fgroup, &r, &err), "functional groups");
	fputs("}}\n", r.f);
	if (fclose(r.f) != 0)
		die("write data/ref.json");
}

/* ---- one document, both languages at once ---- */

struct part {
	long long id, parent;
	char *title[NLANG], *text[NLANG];
};

struct parts {
	struct part *v;
	size_t n;
};

/* Copied: the tree is walked after the query has moved on. */
static int on_part(const struct site_part *p, void *arg)
{
	struct parts *ps = arg;
	struct part *x;

	ps->v = grow(ps->v, ps->n, sizeof *ps->v);
	x = &ps->v[ps->n++];
	x->id = p->id;
	x->parent = p->parent_id;
	for (int l = 0; l < NLANG; l++) {
		x->title[l] = xstrdup(p->title[l]);
		x->text[l] = p->text[l] != NULL ? xstrdup(p->text[l]) : NULL;
	}
	return 0;
}

static void parts_write(FILE *f[NLANG], struct part *p, size_t n, long long parent, int depth)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i].parent != parent)
			continue;
		for (int l = 0; l < NLANG; l++) {
			fprintf(f[l], "\n%.*s ", depth < 5 ? depth + 1 : 6, "######");
			md_text(f[l], p[i].title[l]);
			fprintf(f[l], " {#part-%lld}\n", p[i].id);
			if (p[i].text[l] != NULL) {
				putc('\n', f[l]);
				md_text(f[l], p[i].text[l]);
				putc('\n', f[l]);
			}
		}
		parts_write(f, p, n, p[i].id, depth + 1);
	}
}

/* The rows of the document's table: "rows":[{...}], names in each language. */
struct rows {
	FILE **f;
	int first, row;
};

static FILE *row_open(struct rows *o, int l)
{
	fputs(o->first ? "{" : ",{", o->f[l]);
	return o->f[l];
}

static int on_indicator(const struct site_indicator *r, void *arg)
{
	static const char *const keys[5] = { "actual", "plan", "plan1", "plan2", "plan3" };
	struct rows *o = arg;

	for (int l = 0; l < NLANG; l++) {
		FILE *f = row_open(o, l);

		jint(f, 1, "ord", r->ord);
		jstr(f, 0, "kind", r->kind);
		jstr(f, 0, "subprogram", r->subprogram);
		jint(f, 0, "total", r->total);
		jstr(f, 0, "name", r->name[l]);
		jstr(f, 0, "unit", r->unit[l]);
		for (int i = 0; i < 5; i++)
			jopt(f, keys[i], r->has[i], r->v[i]);
		putc('}', f);
	}
	o->first = 0;
	return 0;
}

static int on_exec(const struct site_exec *r, void *arg)
{
	struct rows *o = arg;

	for (int l = 0; l < NLANG; l++) {
		FILE *f = row_open(o, l);

		jint(f, 1, "ord", r->ord);
		jstr(f, 0, "subprogram", r->subprogram);
		jint(f, 0, "total", r->total);
		jstr(f, 0, "name", r->name[l]);
		jint(f, 0, "approved", r->approved);
		jint(f, 0, "specified", r->specified);
		jint(f, 0, "corrected", r->corrected);
		jint(f, 0, "executed", r->executed);
		jint(f, 0, "not_executed", r->not_executed);
		jint(f, 0, "savings", r->savings);
		jint(f, 0, "under_execution", r->under_execution);
		jstr(f, 0, "reason", r->reason[l]);
		putc('}', f);
	}
	o->first = 0;
	return 0;
}

/* fgroup and fsubgroup are never 0: db_site reads a NULL as 0. */
static int on_line(const struct site_line *r, void *arg)
{
	struct rows *o = arg;

	for (int l = 0; l < NLANG; l++) {
		FILE *f = row_open(o, l);

		jint(f, 1, "ord", r->ord);
		jint(f, 0, "total", r->total);
		jopt(f, "fgroup", r->fgroup != 0, r->fgroup);
		jopt(f, "fsubgroup", r->fsubgroup != 0, r->fsubgroup);
		jstr(f, 0, "admin_code", r->admin_code);
		jstr(f, 0, "program", r->program);
		jstr(f, 0, "subprogram", r->subprogram);
		jstr(f, 0, "name", r->name[l]);
		jint(f, 0, "plan", r->plan);
		jopt(f, "executed", r->has_executed, r->executed);
		putc('}', f);
	}
	o->first = 0;
	return 0;
}

/* The 26-column grant form: "rows":[[cell, ...], ...] by row then column. */
static int on_cell(const struct site_cell *c, void *arg)
{
	struct rows *o = arg;

	for (int l = 0; l < NLANG; l++) {
		if (c->row != o->row)
			fputs(o->first ? "[" : "],[", o->f[l]);
		else
			putc(',', o->f[l]);
		json_str(o->f[l], c->value);
	}
	o->row = c->row;
	o->first = 0;
	return 0;
}

static int on_attachment(const struct site_attachment *a, void *arg)
{
	struct rows *o = arg;

	for (int l = 0; l < NLANG; l++) {
		FILE *f = row_open(o, l);

		jstr(f, 1, "name", a->name);
		jstr(f, 0, "type", a->type);
		jstr(f, 0, "role", a->role);
		jstr(f, 0, "sha256", a->sha256);
		jint(f, 0, "size", a->size);
		putc('}', f);
	}
	o->first = 0;
	return 0;
}

/* The document's program: {"id","code","fgroup","name","path"}. */
static void program_ref(FILE *f, long long program_id, int l)
{
	const struct program *p = program_find(program_id);
	char path[64];

	if (p == NULL)
		return;
	fputs(",\"program\":{", f);
	jint(f, 1, "id", p->id);
	jstr(f, 0, "code", p->code);
	jint(f, 0, "fgroup", p->fgroup);
	jstr(f, 0, "name", p->name[l]);
	snprintf(path, sizeof path, "program/%lld/%lld.html", p->id / SHARD, p->id);
	jstr(f, 0, "path", path);
	putc('}', f);
}

/* A document's page.  The keys kinds, years, admins, regions and
 * discussions are the site's taxonomies (hugo.toml): only documents carry
 * them, and no other page may use these names. */
static void doc_write(const struct site_doc *d, const struct doc *x)
{
	const struct admin *a = admin_find(d->admin_id);
	struct rows o = { .first = 1, .row = -1 };
	struct parts ps = { NULL, 0 };
	FILE *f[NLANG];

	pair_open(f, "doc/%lld/%lld.md", d->id / SHARD, d->id);
	o.f = f;
	for (int l = 0; l < NLANG; l++) {
		fputs("{", f[l]);
		jstr(f[l], 1, "number", d->number);
		jstr(f[l], 0, "kind", d->kind);
		jint(f[l], 0, "year", d->year);
		jstr(f[l], 0, "date", d->posted);
		jstr(f[l], 0, "status", d->status);
		jstr(f[l], 0, "discussion_end", d->discussion_end);
		jstr(f[l], 0, "stage", d->stage);
		jstr(f[l], 0, "received", d->received);
		jstr(f[l], 0, "period", d->period);
		jint(f[l], 0, "version", d->version);
		jstr(f[l], 0, "title", d->title[l]);
		jstr(f[l], 0, "head", d->head[l]);
		/* the date of the final report, or null */
		jstr(f[l], 0, "report", x->report_len >= 0 ? x->reported : NULL);
		jint(f[l], 0, "shard", d->id / SHARD);
		jint(f[l], 0, "id", d->id);
		jint(f[l], 0, "weight", x->rank);
		jstr(f[l], 0, "admin", a->bin);
		jstr(f[l], 0, "region", a->region);
		fprintf(f[l], ",\"kinds\":[\"%s\"],\"years\":[\"%d\"],\"admins\":[\"%s\"]", d->kind,
		        d->year, a->bin);
		/* obgen lists republican bodies' documents as region "central" */
		fprintf(f[l], ",\"regions\":[\"%s\"]", a->region != NULL ? a->region : "central");
		if (strcmp(d->status, "in-discussion") == 0)
			fputs(",\"discussions\":[\"open\"]", f[l]);
		if (d->program_id != 0)
			program_ref(f[l], d->program_id, l);
	}

	if (strcmp(d->kind, "passport") == 0) {
		both(f, ",\"table\":\"indicators\",\"rows\":[");
		need(db_site_indicators(site, d->id, on_indicator, &o, &err), "indicators");
		both(f, "]");
	} else if (strcmp(d->kind, "implementation-report") == 0) {
		both(f, ",\"table\":\"execution\",\"rows\":[");
		need(db_site_execution(site, d->id, on_exec, &o, &err), "execution");
		both(f, "]");
	} else if (strcmp(d->kind, "grant-report") == 0) {
		both(f, ",\"table\":\"cells\",\"rows\":[");
		need(db_site_cells(site, d->id, on_cell, &o, &err), "grant cells");
		both(f, o.row < 0 ? "]" : "]]");
	} else if (strcmp(d->kind, "audit-result") != 0) {
		both(f, ",\"table\":\"lines\",\"rows\":[");
		need(db_site_lines(site, d->id, on_line, &o, &err), "budget lines");
		both(f, "]");
	}
	both(f, ",\"attachments\":[");
	o.first = 1;
	need(db_site_attachments(site, d->id, on_attachment, &o, &err), "attachments");
	both(f, "]}\n");

	/* Structural parts: the Markdown body. */
	need(db_site_parts(site, d->id, on_part, &ps, &err), "parts");
	parts_write(f, ps.v, ps.n, 0, 1);
	for (size_t i = 0; i < ps.n; i++)
		for (int l = 0; l < NLANG; l++) {
			free(ps.v[i].title[l]);
			free(ps.v[i].text[l]);
		}
	free(ps.v);
	pair_close(f);
}

/* P-12: the press release of a passport or an implementation report: the
 * document, its program, the discussion period.  A page of the press
 * section (its list pages paginate the section, newest first), published
 * beside the document's page as in obgen. */
static void press_write(const struct site_doc *d, const struct doc *x)
{
	const struct admin *a = admin_find(d->admin_id);
	long long id = d->id;
	char path[64];
	FILE *f[NLANG];

	snprintf(path, sizeof path, "doc/%lld/%lld.html", id / SHARD, id);
	pair_open(f, "press/%lld/%lld.md", id / SHARD, id);
	for (int l = 0; l < NLANG; l++) {
		fprintf(f[l], "{\"url\":\"doc/%lld/%lld-press.html\"", id / SHARD, id);
		jint(f[l], 0, "id", id);
		jint(f[l], 0, "weight", x->press_rank);
		jstr(f[l], 0, "doc", path);
		jstr(f[l], 0, "title", d->title[l]);
		jstr(f[l], 0, "number", d->number);
		jstr(f[l], 0, "kind", d->kind);
		jstr(f[l], 0, "date", d->posted);
		jstr(f[l], 0, "discussion_end", d->discussion_end);
		jstr(f[l], 0, "admin", a->bin);
		if (d->program_id != 0)
			program_ref(f[l], d->program_id, l);
		fputs("}\n", f[l]);
	}
	pair_close(f);
}

static int on_doc(const struct site_doc *d, void *arg)
{
	const struct doc *x = arg;

	doc_write(d, x);
	if (x->press)
		press_write(d, x);
	return 0;
}

static void docs_write(void)
{
	for (size_t i = 0; i < ndocs; i++)
		if (need(db_site_doc(site, docs[i].id, on_doc, &docs[i], &err), "document") != 1)
			die("a document went missing");
	printf("documents %zu\n", ndocs);
}

/* ---- final reports (P-17): the stored record, urn:obkz:report:1 ---- */

/* The first child element of n called name (its local name). */
static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

/* An attribute of n (NULL: no n or no such attribute) as a JSON string,
 * or as a number when it is one and num is set. */
static void jattr(FILE *f, int first, const char *key, xmlNodePtr n, const char *name, int num)
{
	xmlChar *x = n != NULL ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
	const char *v = (const char *)x;

	if (num && v != NULL && v[0] != '\0' && strspn(v, "0123456789") == strlen(v)) {
		jkey(f, first, key);
		fputs(v, f);
	} else {
		jstr(f, first, key, v);
	}
	xmlFree(x);
}

/* The text of n as a JSON string: absent when there is no n, empty when n
 * has no text. */
static void jtext(FILE *f, const char *key, xmlNodePtr n, const char *absent, const char *empty)
{
	xmlChar *x = n != NULL ? xmlNodeGetContent(n) : NULL;

	jstr(f, 0, key, n == NULL ? absent : x != NULL && x[0] != '\0' ? (const char *)x : empty);
	xmlFree(x);
}

/* The text of n's child in language l: <name><kk>...</kk><ru>...</ru></name>. */
static void jlang(FILE *f, const char *key, xmlNodePtr n, int l)
{
	jtext(f, key, child(n, lang[l]), NULL, "");
}

static void report_row(FILE *f, xmlNodePtr row, int l)
{
	xmlNodePtr part = child(row, "part"), tx = child(row, "text"), ans = child(row, "answer");
	xmlNodePtr votes = child(row, "votes");

	putc('{', f);
	jattr(f, 1, "n", row, "n", 1);
	jattr(f, 0, "posted", row, "posted", 0);
	jattr(f, 0, "status", row, "status", 0);
	jattr(f, 0, "part_id", part, "id", 1);
	jlang(f, "part", part, l);
	jattr(f, 0, "lang", tx, "lang", 0);
	jattr(f, 0, "withheld", tx, "withheld", 0);
	if (tx == NULL || xmlHasNsProp(tx, (const xmlChar *)"withheld", NULL) == NULL)
		jtext(f, "text", tx, "", "");
	jattr(f, 0, "reason", child(row, "refused"), "reason", 0);
	if (ans != NULL) {
		jattr(f, 0, "answer", ans, "decision", 0);
		jattr(f, 0, "answer_lang", ans, "lang", 0);
		jtext(f, "answer_text", ans, "", "");
	}
	if (child(row, "unanswered") != NULL)
		fputs(",\"unanswered\":true", f);
	jattr(f, 0, "for", votes, "for", 1);
	jattr(f, 0, "against", votes, "against", 1);
	putc('}', f);
}

/* The report page: every header field of the appendix's form and its table,
 * from the stored XML (what was reported that day), plus its data files. */
static void report_write(const struct doc *d, xmlNodePtr r)
{
	xmlNodePtr admin = child(r, "admin"), props = child(r, "proposals");
	xmlNodePtr dv = child(r, "document-votes"), pv = child(r, "proposal-votes");
	long long id = d->id;
	char path[64];
	FILE *f[NLANG];

	snprintf(path, sizeof path, "doc/%lld/%lld.html", id / SHARD, id);
	pair_open(f, "doc/%lld/%lld-report.md", id / SHARD, id);
	for (int l = 0; l < NLANG; l++) {
		int first = 1;

		fputs("{\"type\":\"report\"", f[l]);
		jint(f[l], 0, "id", id);
		jstr(f[l], 0, "doc", path);
		jlang(f[l], "title", child(r, "name"), l);
		jstr(f[l], 0, "date", d->reported);  /* final_reports.reported, as the record's */
		jattr(f[l], 0, "kind", r, "kind", 0);
		jattr(f[l], 0, "admin", admin, "bin", 0);
		jattr(f[l], 0, "appendix", r, "appendix", 1);
		jattr(f[l], 0, "number", r, "number", 0);
		jattr(f[l], 0, "posted", r, "posted", 0);
		jattr(f[l], 0, "discussion_end", r, "discussion-end", 0);
		jattr(f[l], 0, "votes_for", dv, "for", 1);
		jattr(f[l], 0, "votes_against", dv, "against", 1);
		jattr(f[l], 0, "proposals", props, "total", 1);
		jattr(f[l], 0, "unanswered", props, "unanswered", 1);
		jattr(f[l], 0, "pvotes_for", pv, "for", 1);
		jattr(f[l], 0, "pvotes_against", pv, "against", 1);
		jlang(f[l], "budget", child(r, "budget"), l);
		jattr(f[l], 0, "admin_code", admin, "code", 0);
		jlang(f[l], "admin_name", admin, l);
		jtext(f[l], "period", child(r, "period"), NULL, NULL);
		jlang(f[l], "head", child(r, "head"), l);
		fputs(",\"rows\":[", f[l]);
		for (xmlNodePtr row = child(r, "rows"), c = row ? row->children : NULL; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (!first)
				putc(',', f[l]);
			report_row(f[l], c, l);
			first = 0;
		}
		fprintf(f[l], "],\"files\":[{\"format\":\"xml\",\"href\":\"data/doc/%lld/%lld-report.xml\","
		        "\"size\":%lld},{\"format\":\"csv\",\"href\":\"data/doc/%lld/%lld-report.csv\"}]}\n",
		        id / SHARD, id, d->report_len, id / SHARD, id);
	}
	pair_close(f);
}

static void reports_write(void)
{
	long long n = 0;

	for (size_t i = 0; i < ndocs; i++) {
		struct final_report r;
		xmlDocPtr x;

		if (docs[i].report_len < 0)
			continue;
		if (need(db_final_report_get(st, docs[i].id, &r, &err), "final report") != 1)
			die("a final report went missing");
		/* hardened as everywhere: no DOCTYPE, no entities, no network */
		if ((x = xml_parse_limited(r.xml, r.len, OB_XML_MAX, &err)) == NULL)
			die("a final report is not well-formed XML");
		report_write(&docs[i], xmlDocGetRootElement(x));
		xmlFreeDoc(x);
		free(r.xml);
		n++;
	}
	printf("final reports %lld\n", n);
}

/* ---- budget programs (generator/page_program.c) ---- */

/* The indicator history of core/program_history.h (P-9): the years, and
 * per indicator the plan of the year (v[1]) in each of them, null when the
 * year's passport has none. */
static void history_json(FILE *f, const struct program_history *h, int l)
{
	fputs(",\"indicator_years\":[", f);
	for (size_t y = 0; y < h->nyears; y++)
		fprintf(f, "%s%d", y ? "," : "", h->years[y]);
	fputs("],\"indicators\":[", f);
	for (size_t i = 0; i < h->nids; i++) {
		const struct ph_indicator *id = &h->ids[i];
		size_t k = 0;

		fputs(i ? ",{" : "{", f);
		jstr(f, 1, "kind", id->kind);
		jstr(f, 0, "sub", id->subprogram != NULL && id->subprogram[0] ? id->subprogram : NULL);
		jstr(f, 0, "name", id->name[l]);
		jstr(f, 0, "unit", id->unit[l] != NULL ? id->unit[l] : "");
		fputs(",\"plan\":[", f);
		for (size_t y = 0; y < h->nyears; y++) {
			while (k < id->nvals && id->vals[k].year != h->years[y])
				k++;
			if (k < id->nvals && id->vals[k].has[1])
				fprintf(f, "%s%lld", y ? "," : "", id->vals[k].v[1]);
			else
				fprintf(f, "%snull", y ? "," : "");
		}
		fputs("]}", f);
	}
	putc(']', f);
}

/* Plan against execution (P-10): the total row of each year's latest
 * report; max scales the chart. */
static void execution_json(FILE *f[NLANG], const struct program_history *h)
{
	static const char *const keys[6] = { "y", "approved", "plan", "executed", "savings", "under" };

	both(f, ",\"execution\":[");
	for (size_t i = 0; i < h->nexec; i++) {
		const struct ph_execution *e = &h->exec[i];
		const long long v[6] = { e->year, e->approved, e->corrected, e->executed, e->savings,
		                         e->under_execution };

		for (int l = 0; l < NLANG; l++) {
			fputs(i ? ",{" : "{", f[l]);
			for (int c = 0; c < 6; c++)
				jint(f[l], c == 0, keys[c], v[c]);
			putc('}', f[l]);
		}
	}
	both(f, "],\"max\":%lld", h->max);
}

/* A program's page: its administrator and functional group, plan against
 * execution, indicator history and documents (newest first, as page paths
 * for Hugo's GetPage). */
static void program_write(const struct program *p)
{
	const struct admin *a = admin_find(p->admin_id);
	struct program_history h;
	FILE *f[NLANG];
	int first = 1;

	pair_open(f, "program/%lld/%lld.md", p->id / SHARD, p->id);
	for (int l = 0; l < NLANG; l++) {
		fputs("{\"type\":\"program\"", f[l]);
		jstr(f[l], 0, "title", p->name[l]);
		jint(f[l], 0, "weight", p->id);  /* lists in id order, as obgen's */
		jint(f[l], 0, "id", p->id);
		jstr(f[l], 0, "code", p->code);
		jint(f[l], 0, "fgroup", p->fgroup);
		jstr(f[l], 0, "admin", a->bin);
	}
	both(f, ",\"docs\":[");
	for (size_t i = ndocs; i-- > 0;)
		if (docs[i].program_id == p->id) {
			both(f, "%s\"/doc/%lld/%lld\"", first ? "" : ",", docs[i].id / SHARD, docs[i].id);
			first = 0;
		}
	both(f, "]");
	need(program_history_load(site, p->id, &h, &err), "program history");
	execution_json(f, &h);
	for (int l = 0; l < NLANG; l++)
		history_json(f[l], &h, l);
	program_history_free(&h);
	both(f, "}\n");
	pair_close(f);
}

/* Every program; the programs index (/L/program/) and a page per functional
 * group (/L/program/gN.html, 1..15 as obgen, even when empty). */
static void programs_write(void)
{
	FILE *f[NLANG];

	for (size_t i = 0; i < nprograms; i++)
		program_write(&programs[i]);

	section_open(f, "program", "program/");
	both(f, "}\n");
	pair_close(f);
	for (int g = 1; g <= 15; g++) {
		pair_open(f, "program/g%d.md", g);
		both(f, "{\"type\":\"fgroup\",\"group\":%d}\n", g);
		pair_close(f);
	}
	printf("programs %zu\n", nprograms);
}

/* ---- charts (generator/page_charts.c) ---- */

struct chart {
	FILE **f;
	int first;
	long long max;
};

static int on_fgroup_total(const struct site_total *t, void *arg)
{
	struct chart *c = arg;

	both(c->f, "%s{\"code\":%lld,\"plan\":%lld,\"executed\":%lld}", c->first ? "" : ",", t->id,
	     t->plan, t->executed);
	c->max = t->plan > c->max ? t->plan : c->max;
	c->max = t->executed > c->max ? t->executed : c->max;
	c->first = 0;
	return 0;
}

static int on_program_total(const struct site_total *t, void *arg)
{
	struct chart *c = arg;
	const struct program *p = program_find(t->id);

	if (p == NULL)
		die("a chart's program is missing");
	for (int l = 0; l < NLANG; l++) {
		fprintf(c->f[l], "%s{\"path\":\"program/%lld/%lld.html\"", c->first ? "" : ",",
		        p->id / SHARD, p->id);
		jstr(c->f[l], 0, "code", p->code);
		jstr(c->f[l], 0, "name", p->name[l]);
		jint(c->f[l], 0, "plan", t->plan);
		jint(c->f[l], 0, "executed", t->executed);
		putc('}', c->f[l]);
	}
	c->max = t->plan > c->max ? t->plan : c->max;
	c->max = t->executed > c->max ? t->executed : c->max;
	c->first = 0;
	return 0;
}

/* /L/charts/YEAR.html: spending by functional group (the latest budget
 * report of each administrator for the year) and the largest programs'
 * plan against execution (the latest implementation report of each). */
static void chart_write(int year)
{
	FILE *f[NLANG];
	struct chart c = { f, 1, 0 };

	pair_open(f, "charts/%d.md", year);
	both(f, "{\"year\":%d,\"fgroups\":[", year);
	need(db_site_fgroup_totals(site, year, on_fgroup_total, &c, &err), "group totals");
	both(f, "],\"fmax\":%lld,\"programs\":[", c.max);
	c = (struct chart){ f, 1, 0 };
	need(db_site_program_totals(site, year, CHART_PROGRAMS, on_program_total, &c, &err),
	     "program totals");
	both(f, "],\"pmax\":%lld}\n", c.max);
	pair_close(f);
}

/* The years with a public document, ascending; *n of them. */
static int *years_of_docs(size_t *n)
{
	int *v = xrealloc(NULL, (ndocs + 1) * sizeof *v);

	*n = 0;
	for (size_t i = 0; i < ndocs; i++) {
		size_t k = 0;

		while (k < *n && v[k] < docs[i].year)
			k++;
		if (k < *n && v[k] == docs[i].year)
			continue;
		memmove(v + k + 1, v + k, (*n - k) * sizeof *v);
		v[k] = docs[i].year;
		(*n)++;
	}
	return v;
}

/* The charts index lists the years (the years taxonomy: every year with a
 * public document, as obgen's index); a page per year. */
static void charts_write(void)
{
	size_t n;
	int *years = years_of_docs(&n);
	FILE *f[NLANG];

	section_open(f, "charts", "charts/");
	both(f, "}\n");
	pair_close(f);
	for (size_t i = 0; i < n; i++)
		chart_write(years[i]);
	free(years);
}

/* ---- the open data catalogue (generator/page_catalogue.c) ---- */

/* The XSDs obgen publishes under /schema/ (the .xsd files of the tree's schema/). */
static const char *const schemas[] = {
	"audit-result.xsd", "budget-report.xsd", "calendar.xsd", "citizen-budget.xsd", "common.xsd",
	"discussion.xsd", "financial-statements.xsd", "grant-report.xsd",
	"implementation-report.xsd", "passport.xsd", "reference.xsd", "submission.xsd",
};

struct files {
	FILE **f;
	int first;
	long long id;
};

/* One file of a document: {"name","href"[,"size"]}; size < 0 when it is
 * not known from the database (CSV and discussion files obgen generates). */
static void data_file(struct files *x, const char *suffix, long long size)
{
	long long id = x->id;

	both(x->f, "%s{\"name\":\"%lld%s\",\"href\":\"data/doc/%lld/%lld%s\"", x->first ? "" : ",", id,
	     suffix, id / SHARD, id, suffix);
	if (size >= 0)
		both(x->f, ",\"size\":%lld", size);
	both(x->f, "}");
	x->first = 0;
}

/* generator/csv.c (data_attachment_suffix): the name's extension when it is
 * short plain ASCII. */
static int on_data_attachment(const struct site_attachment *a, void *arg)
{
	const char *dot = strrchr(a->name, '.');
	size_t len = dot ? strlen(dot + 1) : 0;
	char suffix[64];

	if (len == 0 || len > 8 ||
	    strspn(dot + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != len)
		snprintf(suffix, sizeof suffix, ".att%d", a->ord);
	else
		snprintf(suffix, sizeof suffix, ".att%d.%s", a->ord, dot + 1);
	data_file(arg, suffix, a->size);
	return 0;
}

/* Stops at the first row: whether a document has rows in a table. */
static int any_exec(const struct site_exec *r, void *arg) { (void)r; (void)arg; return 1; }
static int any_cell(const struct site_cell *r, void *arg) { (void)r; (void)arg; return 1; }
static int any_indicator(const struct site_indicator *r, void *arg) { (void)r; (void)arg; return 1; }
static int any_line(const struct site_line *r, void *arg) { (void)r; (void)arg; return 1; }

/* obgen writes a data directory's files in name order: by id as text. */
static int text_id_cmp(const void *pa, const void *pb)
{
	char a[24], b[24];

	snprintf(a, sizeof a, "%lld", (*(const struct doc *const *)pa)->id);
	snprintf(b, sizeof b, "%lld", (*(const struct doc *const *)pb)->id);
	return strcmp(a, b);
}

/* The files of data/doc/SHARD/ as obgen writes them (generator/csv.c,
 * data_discussion.c, page_report.c), in obgen's order (by name); sizes of
 * stored bytes (the XML as imported, attachments, the report) are exact.
 * v[0..n) are the shard's documents. */
static void shard_write(long long shard, struct doc **v, size_t n)
{
	FILE *f[NLANG];

	qsort(v, n, sizeof *v, text_id_cmp);
	pair_open(f, "data/%lld.md", shard);
	both(f, "{\"shard\":%lld,\"from\":%lld,\"to\":%lld,\"docs\":[", shard, shard * SHARD,
	     shard * SHARD + SHARD - 1);
	for (size_t i = 0; i < n; i++) {
		struct files x = { f, 1, v[i]->id };
		struct disc_tally t;
		const void *xml;
		long long len;

		both(f, "%s{\"page\":\"/doc/%lld/%lld\",\"files\":[", i ? "," : "", shard, x.id);
		if (v[i]->report_len >= 0) {
			data_file(&x, "-report.csv", -1);
			data_file(&x, "-report.xml", v[i]->report_len);
		}
		need(db_site_attachments(site, x.id, on_data_attachment, &x, &err), "attachments");
		need(db_disc_tally(st, x.id, &t, &err), "discussion");
		if (t.published + t.refused + t.pending + t.doc_for + t.doc_against > 0) {
			data_file(&x, ".discussion.csv", -1);
			data_file(&x, ".discussion.xml", -1);
		}
		if (need(db_site_execution(site, x.id, any_exec, NULL, &err), "execution"))
			data_file(&x, ".execution.csv", -1);
		if (need(db_site_cells(site, x.id, any_cell, NULL, &err), "grant cells"))
			data_file(&x, ".grant.csv", -1);
		if (need(db_site_indicators(site, x.id, any_indicator, NULL, &err), "indicators"))
			data_file(&x, ".indicators.csv", -1);
		if (need(db_site_lines(site, x.id, any_line, NULL, &err), "budget lines"))
			data_file(&x, ".lines.csv", -1);
		if (need(db_site_doc_xml(site, x.id, &xml, &len, &err), "document XML"))
			data_file(&x, ".xml", len);
		both(f, "]}");
	}
	both(f, "]}\n");
	pair_close(f);
}

/* /L/data/: the Fiscal Data Package (one CSV per year with a public
 * document), the schemas, and a page per shard of documents. */
static void catalogue_write(void)
{
	struct doc **v = xrealloc(NULL, (ndocs + 1) * sizeof *v);
	size_t nyears;
	int *years = years_of_docs(&nyears);
	FILE *f[NLANG];

	section_open(f, "data", "data/");
	both(f, ",\"fdp\":[");
	for (size_t i = 0; i < nyears; i++)
		both(f, "\"budget-lines-%d.csv\",", years[i]);
	free(years);
	both(f, "\"datapackage.json\"],\"schemas\":[");
	for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++)
		both(f, "%s\"%s\"", i ? "," : "", schemas[i]);
	both(f, "],\"shards\":[");
	/* documents are in id order: a shard's are consecutive */
	for (size_t i = 0, j; i < ndocs; i = j) {
		long long s = docs[i].id / SHARD;

		for (j = i; j < ndocs && docs[j].id / SHARD == s; j++)
			v[j - i] = &docs[j];
		both(f, "%s{\"n\":%lld,\"from\":%lld,\"to\":%lld}", i ? "," : "", s, s * SHARD,
		     s * SHARD + SHARD - 1);
		shard_write(s, v, j - i);
	}
	free(v);
	both(f, "]}\n");
	pair_close(f);
}

/* ---- compliance with the publication deadlines (core/db_compliance.h) ---- */

/* The counts' keys, in the order written: deadline_state_name() with '_'. */
static const char *const count_key[DEADLINE_MISSING + 1] = {
	"unknown", "pending", "on_time", "late", "missing"
};

static void counts_json(FILE *f[NLANG], const int *c)
{
	for (int s = DEADLINE_PENDING; s <= DEADLINE_MISSING; s++)
		both(f, ",\"%s\":%d", count_key[s], c[s]);
	both(f, ",\"%s\":%d", count_key[DEADLINE_UNKNOWN], c[DEADLINE_UNKNOWN]);
}

static void on_field(const char *key, const char *value, int number, void *arg)
{
	both(arg, number ? ",\"%s\":%s" : ",\"%s\":\"%s\"", key, value);
}

static void crow_json(FILE *f[NLANG], const struct compliance *c, const struct compliance_row *r)
{
	both(f, "{\"admin\":\"%s\"", admin_find(c->admins[r->admin].id)->bin);
	/* a draft is not shown: it counts as not posted */
	if (r->doc_id != 0 && strcmp(r->doc_status, "draft") != 0)
		both(f, ",\"number\":\"%s\",\"doc\":\"doc/%lld/%lld.html\"", r->number, r->doc_id / SHARD,
		     r->doc_id);
	compliance_row_fields(r, on_field, f);
	both(f, "}");
}

/* A rule: its totals, and per administrator either its counts (the summary,
 * detail 0) or its exceptions (the rule's page: late, missing, unknown;
 * on-time and pending documents are counted on the summary). */
static void rule_json(FILE *f[NLANG], const struct compliance *c, int rule, int detail)
{
	int total[DEADLINE_MISSING + 1] = { 0 }, first = 1;

	both(f, "{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"detail\":%s,\"%s\":[",
	     deadline_rule_id(rule), compliance_page_name(rule), deadline_rule_kind(rule),
	     detail ? "true" : "false", detail ? "rows" : "admins");
	for (size_t a = 0; a < c->nadmins; a++) {
		const struct compliance_admin *ad = &c->admins[a];

		if (compliance_admin_add(ad, rule, total) == 0)
			continue;
		if (!detail) {
			both(f, "%s{\"admin\":\"%s\"", first ? "" : ",", admin_find(ad->id)->bin);
			counts_json(f, ad->count[rule]);
			both(f, "}");
			first = 0;
			continue;
		}
		for (size_t i = ad->first; i < ad->first + ad->nrows; i++)
			if (compliance_page_lists(&c->rows[i], rule)) {
				both(f, first ? "" : ",");
				crow_json(f, c, &c->rows[i]);
				first = 0;
			}
	}
	both(f, "]");
	counts_json(f, total);
	both(f, "}");
}

/* /L/compliance/ and /L/compliance/p-5.html, p-7, p-10, g, as of today. */
static void compliance_write(void)
{
	struct compliance *c = NULL;
	FILE *f[NLANG];

	need(db_compliance_load(st, cal, today, &c, &err), "compliance");
	section_open(f, "compliance", "compliance/");
	both(f, ",\"today\":\"%s\",\"rules\":[", today_s);
	for (int r = DEADLINE_P5; r <= DEADLINE_G; r++) {
		both(f, r > DEADLINE_P5 ? "," : "");
		rule_json(f, c, r, 0);
	}
	both(f, "]}\n");
	pair_close(f);
	for (int r = DEADLINE_P5; r <= DEADLINE_G; r++) {
		pair_open(f, "compliance/%s.md", compliance_page_name(r));
		both(f, "{\"rule\":\"%s\",\"today\":\"%s\",\"rules\":[", deadline_rule_id(r), today_s);
		rule_json(f, c, r, 1);
		both(f, "]}\n");
		pair_close(f);
	}
	printf("compliance rows %zu\n", c->nrows);
	compliance_free(c);
}

/* ---- statistics of the discussion (generator/page_stats.c) ---- */

/* The median with one decimal as a JSON number, or null (P-15,
 * modstats_median). */
static void jmedian(FILE *f, const char *key, struct modstats_series *s)
{
	char buf[32];
	const char *m = modstats_median(s, buf);

	jkey(f, 0, key);
	fputs(m != NULL ? m : "null", f);
}

/* P-15 per operator, and for all ("who" empty). */
static void op_json(FILE *f[NLANG], const char *key, struct modstats_op *o)
{
	for (int l = 0; l < NLANG; l++) {
		if (key != NULL)
			jkey(f[l], 0, key);
		putc('{', f[l]);
		jstr(f[l], 1, "who", o->who[0] ? o->who : NULL);
		jint(f[l], 0, "decisions", o->decisions);
		jint(f[l], 0, "published", o->published);
		jint(f[l], 0, "refused", o->refused);
		jmedian(f[l], "minutes", &o->minutes);
		jmedian(f[l], "workdays", &o->workdays);
		jint(f[l], 0, "overdue", o->overdue);
		jint(f[l], 0, "unknown", o->unknown);
		fputs(",\"reasons\":[", f[l]);
		for (int i = 0; i < MODSTATS_REASONS; i++)
			fprintf(f[l], "%s%lld", i ? "," : "", o->reason[i]);
		fputs("]}", f[l]);
	}
}

struct answers {
	struct stats_answers *v;
	size_t n;
};

static int on_answers(const struct stats_answers *a, void *arg)
{
	struct answers *x = arg;

	x->v = grow(x->v, x->n, sizeof *x->v);
	x->v[x->n++] = *a;
	return 0;
}

/* By administrator code, then BIN (db_stats_answers() gives them by id). */
static int answers_cmp(const void *pa, const void *pb)
{
	const struct admin *a = admin_find(((const struct stats_answers *)pa)->admin_id);
	const struct admin *b = admin_find(((const struct stats_answers *)pb)->admin_id);
	int c = strcmp(a->code, b->code);

	return c != 0 ? c : strcmp(a->bin, b->bin);
}

static void answers_json(FILE *f[NLANG], const struct stats_answers *a)
{
	both(f, "\"published\":%lld,\"answered\":%lld,\"accepted\":%lld,\"late\":%lld,"
	     "\"unanswered\":%lld,\"unanswered_ended\":%lld", a->published, a->answered, a->accepted,
	     a->late, a->unanswered, a->unanswered_ended);
}

/* /L/stats/: moderation per operator (P-15), answers per administrator
 * (P-16), as of today. */
static void stats_write(void)
{
	struct modstats m = { .cal = cal, .today = today };
	struct answers an = { NULL, 0 };
	struct stats_answers sum = { 0 };
	FILE *f[NLANG];

	/* no secret: the pseudonyms are those of a zero key */
	if (db_secret(st, "pseudonym", m.key, &err) != 0)
		memset(m.key, 0, sizeof m.key);
	need(modstats_load(st, &m, &err), "moderation");

	section_open(f, "stats", NULL);
	both(f, ",\"today\":\"%s\",\"incomplete\":%s,\"pending\":%lld,\"pending_overdue\":%lld,"
	     "\"pending_unknown\":%lld", today_s, m.incomplete ? "true" : "false", m.pending,
	     m.pending_overdue, m.pending_unknown);
	op_json(f, "total", &m.all);
	both(f, ",\"operators\":[");
	for (size_t i = 0; i < m.nops; i++) {
		both(f, i ? "," : "");
		op_json(f, NULL, &m.ops[i]);
	}
	modstats_free(&m);

	/* P-16: answered during the period when on or before its last day. */
	need(db_stats_answers(st, today_s, on_answers, &an, &err), "answers");
	if (an.n > 0)
		qsort(an.v, an.n, sizeof *an.v, answers_cmp);
	both(f, "],\"answers\":[");
	for (size_t i = 0; i < an.n; i++) {
		const struct stats_answers *a = &an.v[i];

		both(f, "%s{\"admin\":\"%s\",", i ? "," : "", admin_find(a->admin_id)->bin);
		answers_json(f, a);
		both(f, "}");
		sum.published += a->published;
		sum.answered += a->answered;
		sum.accepted += a->accepted;
		sum.late += a->late;
		sum.unanswered += a->unanswered;
		sum.unanswered_ended += a->unanswered_ended;
	}
	free(an.v);
	both(f, "],\"answers_total\":{");
	answers_json(f, &sum);
	both(f, "}}\n");
	pair_close(f);
}

/* ---- the remaining section pages, and main ---- */

static void sections_write(void)
{
	FILE *f[NLANG];

	/* obgen has no page /L/doc/: the section exists for its pages only. */
	section_open(f, "doc", NULL);
	both(f, ",\"_build\":{\"render\":\"never\"}}\n");
	pair_close(f);
	/* the press releases, newest first, paginated by Hugo */
	section_open(f, "press", NULL);
	both(f, "}\n");
	pair_close(f);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: hugo_export DB SITEDIR\n");
		return 2;
	}
	root = argv[2];
	if (ob_today(&today) != 0)
		die("OB_TODAY is not a date");
	date_format(today, today_s);
	if ((st = store_open(argv[1], STORE_RDONLY, &err)) == NULL || (site = db_site_open(st, &err)) == NULL)
		die(argv[1]);
	need(db_site_begin(site, &err), "begin");  /* one snapshot for every page */
	if ((cal = calendar_new()) == NULL || db_calendar_load(st, cal, &err) != 0)
		die("calendar");
	tables_load();
	ref_write();
	docs_write();
	reports_write();
	programs_write();
	charts_write();
	catalogue_write();
	compliance_write();
	stats_write();
	sections_write();
	db_site_end(site);
	calendar_free(cal);
	db_site_close(site);
	store_close(st);
	return 0;
}
