/* Open data beside each document page (issue 3.7): the document's XML as
 * stored, a CSV of each of its tables (UTF-8, RFC 4180: CRLF line ends,
 * quotes doubled), its attachments; and the static files of the site.
 * Money columns are integer tenge (exact); indicator values are decimals
 * in the row's own unit. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "discussion.h"
#include "gen.h"

/* O_EXCL: files of earlier generations are hard-linked, never rewritten. */
FILE *data_open(struct gen *g, const char *rel, struct ob_err *err)
{
	char path[4600];
	int fd;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", g->newdir, rel);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0 ||
	    (f = fdopen(fd, "w")) == NULL) {
		ob_err_set(err, "io", 0, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	return f;
}

int data_close(FILE *f, const char *rel, struct ob_err *err)
{
	int bad = ferror(f);

	if (fclose(f) != 0 || bad) {
		ob_err_set(err, "io", 0, "%s: cannot write", rel);
		return -1;
	}
	return 0;
}

/* v thousandths as an exact decimal: 1000500 -> "1000.5". */
static void csv_milli(FILE *f, long long v)
{
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char frac[8];
	int n;

	n = snprintf(frac, sizeof frac, "%03llu", a % 1000);
	while (n > 0 && frac[n - 1] == '0')
		frac[--n] = '\0';
	fprintf(f, ",%s%llu%s%s", v < 0 ? "-" : "", a / 1000, n ? "." : "", frac);
}

struct table {
	FILE *f;
	struct gen *g;
	long long id;
	const char *name;
	int row;
	struct ob_err *err;
};

static FILE *table_file(struct table *t, const char *const *cols)
{
	char rel[256], suffix[64];

	if (t->f == NULL) {
		snprintf(suffix, sizeof suffix, ".%s.csv", t->name);
		path_doc_data(rel, sizeof rel, t->id, suffix);
		if ((t->f = data_open(t->g, rel, t->err)) != NULL)
			csv_header(t->f, cols);
	}
	return t->f;
}

static int on_indicator(const struct site_indicator *i, void *arg)
{
	static const char *const cols[] = { "ord", "kind", "subprogram", "total", "name_kk",
		"name_ru", "unit_kk", "unit_ru", "actual", "plan", "plan1", "plan2", "plan3", NULL };
	FILE *f = table_file(arg, cols);

	if (f == NULL)
		return -1;
	csv_int(f, 1, i->ord);
	csv_field(f, 0, i->kind);
	csv_field(f, 0, i->subprogram);
	csv_int(f, 0, i->total);
	csv_field(f, 0, i->name[0]), csv_field(f, 0, i->name[1]);
	csv_field(f, 0, i->unit[0]), csv_field(f, 0, i->unit[1]);
	for (int k = 0; k < 5; k++)
		if (i->has[k])
			csv_milli(f, i->v[k]);
		else
			csv_field(f, 0, NULL);
	csv_end(f);
	return 0;
}

static int on_exec(const struct site_exec *e, void *arg)
{
	static const char *const cols[] = { "ord", "subprogram", "total", "name_kk", "name_ru",
		"approved_tenge", "specified_tenge", "corrected_tenge", "executed_tenge",
		"not_executed_tenge", "savings_tenge", "under_execution_tenge", "reason_kk",
		"reason_ru", NULL };
	FILE *f = table_file(arg, cols);

	if (f == NULL)
		return -1;
	csv_int(f, 1, e->ord);
	csv_field(f, 0, e->subprogram);
	csv_int(f, 0, e->total);
	csv_field(f, 0, e->name[0]), csv_field(f, 0, e->name[1]);
	csv_int(f, 0, e->approved), csv_int(f, 0, e->specified), csv_int(f, 0, e->corrected);
	csv_int(f, 0, e->executed), csv_int(f, 0, e->not_executed);
	csv_int(f, 0, e->savings), csv_int(f, 0, e->under_execution);
	csv_field(f, 0, e->reason[0]), csv_field(f, 0, e->reason[1]);
	csv_end(f);
	return 0;
}

static int on_line(const struct site_line *l, void *arg)
{
	static const char *const cols[] = { "ord", "total", "fgroup", "fsubgroup", "admin",
		"program", "subprogram", "name_kk", "name_ru", "plan_tenge", "executed_tenge", NULL };
	FILE *f = table_file(arg, cols);

	if (f == NULL)
		return -1;
	csv_int(f, 1, l->ord);
	csv_int(f, 0, l->total);
	csv_code(f, l->fgroup);
	csv_code(f, l->fsubgroup);
	csv_field(f, 0, l->admin_code), csv_field(f, 0, l->program), csv_field(f, 0, l->subprogram);
	csv_field(f, 0, l->name[0]), csv_field(f, 0, l->name[1]);
	csv_int(f, 0, l->plan);
	csv_int_if(f, l->has_executed, l->executed);
	csv_end(f);
	return 0;
}

/* G: the 26 columns of the form, one CSV row per form row. */
static int on_cell(const struct site_cell *c, void *arg)
{
	static const char *const cols[] = { "row", "col01", "col02", "col03", "col04", "col05",
		"col06", "col07", "col08", "col09", "col10", "col11", "col12", "col13", "col14",
		"col15", "col16", "col17", "col18", "col19", "col20", "col21", "col22", "col23",
		"col24", "col25", "col26", NULL };
	struct table *t = arg;
	FILE *f = table_file(t, cols);

	if (f == NULL)
		return -1;
	if (c->row != t->row) {
		if (t->row != 0)
			csv_end(f);
		csv_int(f, 1, c->row);
		t->row = c->row;
	}
	csv_field(f, 0, c->value);
	return 0;
}

/* The stored name may be any text (Cyrillic, spaces): the file keeps only
 * its extension when that is plain ASCII; the page shows the real name. */
void data_attachment_suffix(char *buf, size_t n, int ord, const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t len = dot ? strlen(dot + 1) : 0;

	if (len == 0 || len > 8 || strspn(dot + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != len)
		snprintf(buf, n, ".att%d", ord);
	else
		snprintf(buf, n, ".att%d.%s", ord, dot + 1);
}

struct attach {
	struct gen *g;
	long long id;
	struct ob_err *err;
};

static int on_attach(const struct site_attachment *a, void *arg)
{
	struct attach *x = arg;
	char suffix[256], rel[300];
	const void *data;
	long long len;
	FILE *f;

	if (db_site_blob(x->g->db, a->sha256, &data, &len, x->err) != 1)
		return -1;
	data_attachment_suffix(suffix, sizeof suffix, a->ord, a->name);
	path_doc_data(rel, sizeof rel, x->id, suffix);
	if ((f = data_open(x->g, rel, x->err)) == NULL)
		return -1;
	fwrite(data, 1, (size_t)len, f);
	return data_close(f, rel, x->err);
}

static int table_close(struct table *t)
{
	if (t->f == NULL)
		return 0;
	if (t->row != 0)
		csv_end(t->f);
	return data_close(t->f, t->name, t->err);
}

int data_doc(struct gen *g, long long id, struct ob_err *err)
{
	struct table t[4] = {
		{ .g = g, .id = id, .name = "indicators", .err = err },
		{ .g = g, .id = id, .name = "execution", .err = err },
		{ .g = g, .id = id, .name = "lines", .err = err },
		{ .g = g, .id = id, .name = "grant", .err = err },
	};
	struct attach at = { g, id, err };
	char rel[256];
	const void *xml;
	long long len;
	FILE *f;
	int rc = -1;

	if (db_site_doc_xml(g->db, id, &xml, &len, err) == 1) {
		path_doc_data(rel, sizeof rel, id, ".xml");
		if ((f = data_open(g, rel, err)) == NULL)
			goto out;
		fwrite(xml, 1, (size_t)len, f);
		if (data_close(f, rel, err) != 0)
			goto out;
	}
	if (db_site_indicators(g->db, id, on_indicator, &t[0], err) != 0 ||
	    db_site_execution(g->db, id, on_exec, &t[1], err) != 0 ||
	    db_site_lines(g->db, id, on_line, &t[2], err) != 0 ||
	    db_site_cells(g->db, id, on_cell, &t[3], err) != 0 ||
	    db_site_attachments(g->db, id, on_attach, &at, err) != 0 ||
	    data_discussion(g, id, err) != 0)
		goto out;
	rc = 0;
out:
	for (int i = 0; i < 4; i++)
		if (table_close(&t[i]) != 0)
			rc = -1;
	return rc;
}

static int copy_file(struct gen *g, const char *from, const char *rel, struct ob_err *err)
{
	char buf[65536];
	size_t n;
	FILE *in = fopen(from, "rb"), *out;

	if (in == NULL) {
		ob_err_set(err, "io", 0, "%s: %s", from, strerror(errno));
		return -1;
	}
	if ((out = data_open(g, rel, err)) == NULL) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	return data_close(out, rel, err);
}

/* /static/ is public/ of the source tree; /schema/ its schema/ XSDs (issue 3.5). */
int data_static(struct gen *g, const char *bucket, struct ob_err *err)
{
	int schema = strcmp(bucket, "schema") == 0;
	char dir[4200], from[4600], rel[512];
	struct dirent *e;
	DIR *d;
	int rc = 0;

	snprintf(dir, sizeof dir, "%s/%s", g->share, schema ? "schema" : "public");
	if ((d = opendir(dir)) == NULL)
		return 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.' || e->d_type != DT_REG ||
		    (schema && (n < 4 || strcmp(e->d_name + n - 4, ".xsd") != 0)))
			continue;
		snprintf(from, sizeof from, "%s/%s", dir, e->d_name);
		snprintf(rel, sizeof rel, "%s/%s", bucket, e->d_name);
		rc = copy_file(g, from, rel, err);
	}
	closedir(d);
	return rc;
}
