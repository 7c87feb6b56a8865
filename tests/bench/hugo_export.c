/* hugo_export: the benchmark's Hugo input (issue 3.10).  Reads the portal's
 * SQLite database and writes the same public content obgen renders as Hugo
 * content: one Markdown file per document and language, with JSON front
 * matter (header, taxonomies, the document's table as rows) and the
 * structural parts as the Markdown body; plus data/ref.json with the names
 * of administrators, regions and programs.  Drafts are not public and are
 * skipped, as in obgen.
 *
 *   hugo_export DB SITEDIR
 *
 * This is a benchmark tool, not part of the portal: its SQL reads the schema
 * directly (it must build with nothing but sqlite3), so it lives here and not
 * in core/db_*.c.  Untimed; the benchmark times Hugo only. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#define NLANG 2
static const char *const lang[NLANG] = { "kk", "ru" };

/* Documents per content directory, as obgen shards its pages. */
#define SHARD 100

static sqlite3 *db;

static void die(const char *what)
{
	fprintf(stderr, "hugo_export: %s: %s\n", what, db != NULL ? sqlite3_errmsg(db) : "");
	exit(1);
}

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql);
	return st;
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
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

/* A column as a JSON value: integer, null or string. */
static void jcol(FILE *f, int first, const char *key, sqlite3_stmt *st, int i)
{
	jkey(f, first, key);
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		fputs("null", f);
		break;
	case SQLITE_INTEGER:
		fprintf(f, "%lld", (long long)sqlite3_column_int64(st, i));
		break;
	default:
		json_str(f, col(st, i));
	}
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

/* ---- reference data: names for the templates, ids to keys for the docs ---- */

struct admin {
	long long id;
	char *bin, *region;
};
static struct admin *admins;
static size_t nadmins;

static const struct admin *admin_find(long long id)
{
	size_t lo = 0, hi = nadmins;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (admins[mid].id == id)
			return &admins[mid];
		if (admins[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void ref_write(const char *root)
{
	char path[4096];
	sqlite3_stmt *st;
	int first = 1;
	FILE *f;

	snprintf(path, sizeof path, "%s/data/ref.json", root);
	f = create(path);
	fputs("{\"admins\":{", f);
	st = prep("SELECT a.id, a.bin, a.code, a.region, a.level, a.name_kk, a.name_ru "
	          "FROM administrators a ORDER BY a.id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct admin *a;
		if ((nadmins & (nadmins - 1)) == 0 &&
		    (admins = realloc(admins, (nadmins ? 2 * nadmins : 64) * sizeof *admins)) == NULL)
			die("out of memory");
		a = &admins[nadmins++];
		a->id = sqlite3_column_int64(st, 0);
		a->bin = strdup(col(st, 1));
		a->region = col(st, 3) != NULL ? strdup(col(st, 3)) : NULL;
		jkey(f, first, a->bin);
		putc('{', f);
		first = 0;
		jcol(f, 1, "code", st, 2);
		jcol(f, 0, "region", st, 3);
		jcol(f, 0, "level", st, 4);
		jcol(f, 0, "kk", st, 5);
		jcol(f, 0, "ru", st, 6);
		putc('}', f);
	}
	sqlite3_finalize(st);

	fputs("},\"regions\":{", f);
	first = 1;
	st = prep("SELECT kato, kind, name_kk, name_ru FROM regions ORDER BY ord");
	while (sqlite3_step(st) == SQLITE_ROW) {
		jkey(f, first, col(st, 0));
		putc('{', f);
		first = 0;
		jcol(f, 1, "kind", st, 1);
		jcol(f, 0, "kk", st, 2);
		jcol(f, 0, "ru", st, 3);
		putc('}', f);
	}
	sqlite3_finalize(st);
	fputs("}}\n", f);
	if (fclose(f) != 0)
		die("write data/ref.json");
}

/* ---- one document, both languages at once ---- */

struct part {
	long long id, parent;
	const char *title[NLANG], *text[NLANG];
};

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

static sqlite3_stmt *q_parts, *q_ind, *q_exec, *q_lines, *q_cells, *q_att, *q_prog;

/* Rows of the document's table as "rows":[{...}], names in each language. */
static void rows_write(FILE *f[NLANG], sqlite3_stmt *st, long long id, const char *table)
{
	int ncol, first = 1;

	sqlite3_bind_int64(st, 1, id);
	ncol = sqlite3_column_count(st);
	for (int l = 0; l < NLANG; l++)
		fprintf(f[l], ",\"table\":\"%s\",\"rows\":[", table);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int l = 0; l < NLANG; l++) {
			int firstcol = 1;
			fputs(first ? "{" : ",{", f[l]);
			for (int c = 0; c < ncol; c++) {
				const char *name = sqlite3_column_name(st, c);
				size_t len = strlen(name);
				/* name_kk, name_ru: only this page's language, as "name" */
				if (len > 3 && name[len - 3] == '_' && (name[len - 2] == 'k' || name[len - 2] == 'r')) {
					if (strcmp(name + len - 2, lang[l]) != 0)
						continue;
					char key[64];
					snprintf(key, sizeof key, "%.*s", (int)(len - 3), name);
					jcol(f[l], firstcol, key, st, c);
				} else {
					jcol(f[l], firstcol, name, st, c);
				}
				firstcol = 0;
			}
			putc('}', f[l]);
		}
		first = 0;
	}
	sqlite3_reset(st);
	for (int l = 0; l < NLANG; l++)
		putc(']', f[l]);
}

/* The 26-column grant form: "rows":[[cell, ...], ...] by row then column. */
static void cells_write(FILE *f[NLANG], long long id)
{
	int row = -1;

	sqlite3_bind_int64(q_cells, 1, id);
	for (int l = 0; l < NLANG; l++)
		fputs(",\"table\":\"cells\",\"rows\":[", f[l]);
	while (sqlite3_step(q_cells) == SQLITE_ROW) {
		int r = sqlite3_column_int(q_cells, 0);
		for (int l = 0; l < NLANG; l++) {
			if (r != row)
				fputs(row < 0 ? "[" : "],[", f[l]);
			else
				putc(',', f[l]);
			json_str(f[l], col(q_cells, 2));
		}
		row = r;
	}
	sqlite3_reset(q_cells);
	for (int l = 0; l < NLANG; l++)
		fputs(row < 0 ? "]" : "]]", f[l]);
}

static void doc_write(const char *root, sqlite3_stmt *d)
{
	long long id = sqlite3_column_int64(d, 0);
	const char *kind = col(d, 2), *status = col(d, 5);
	const struct admin *a = admin_find(sqlite3_column_int64(d, 4));
	FILE *f[NLANG];
	struct part *parts = NULL;
	size_t nparts = 0, cap = 0;

	for (int l = 0; l < NLANG; l++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/content/%s/doc/%lld/%lld.md", root, lang[l], id / SHARD, id);
		f[l] = create(path);
		fputs("{", f[l]);
		jcol(f[l], 1, "number", d, 1);
		jcol(f[l], 0, "kind", d, 2);
		jcol(f[l], 0, "year", d, 3);
		jcol(f[l], 0, "date", d, 6);
		jcol(f[l], 0, "status", d, 5);
		jcol(f[l], 0, "discussion_end", d, 7);
		jcol(f[l], 0, "stage", d, 8);
		jcol(f[l], 0, "received", d, 9);
		jcol(f[l], 0, "period", d, 10);
		jcol(f[l], 0, "version", d, 15);
		jcol(f[l], 0, "title", d, 11 + l);
		jcol(f[l], 0, "head", d, 13 + l);
		jstr(f[l], 0, "admin", a->bin);
		jstr(f[l], 0, "region", a->region);
		fprintf(f[l], ",\"kinds\":[\"%s\"],\"years\":[\"%d\"],\"admins\":[\"%s\"]", kind,
		        sqlite3_column_int(d, 3), a->bin);
		if (a->region != NULL)
			fprintf(f[l], ",\"regions\":[\"%s\"]", a->region);
		if (strcmp(status, "in-discussion") == 0)
			fputs(",\"discussions\":[\"open\"]", f[l]);
	}

	if (sqlite3_column_type(d, 16) != SQLITE_NULL) {
		sqlite3_bind_int64(q_prog, 1, sqlite3_column_int64(d, 16));
		if (sqlite3_step(q_prog) == SQLITE_ROW)
			for (int l = 0; l < NLANG; l++) {
				fputs(",\"program\":{", f[l]);
				jcol(f[l], 1, "id", q_prog, 0);
				jcol(f[l], 0, "code", q_prog, 1);
				jcol(f[l], 0, "fgroup", q_prog, 2);
				jcol(f[l], 0, "name", q_prog, 3 + l);
				putc('}', f[l]);
			}
		sqlite3_reset(q_prog);
	}

	if (strcmp(kind, "passport") == 0)
		rows_write(f, q_ind, id, "indicators");
	else if (strcmp(kind, "implementation-report") == 0)
		rows_write(f, q_exec, id, "execution");
	else if (strcmp(kind, "grant-report") == 0)
		cells_write(f, id);
	else if (strcmp(kind, "audit-result") != 0)
		rows_write(f, q_lines, id, "lines");

	sqlite3_bind_int64(q_att, 1, id);
	for (int l = 0; l < NLANG; l++)
		fputs(",\"attachments\":[", f[l]);
	for (int first = 1; sqlite3_step(q_att) == SQLITE_ROW; first = 0)
		for (int l = 0; l < NLANG; l++) {
			fputs(first ? "{" : ",{", f[l]);
			jcol(f[l], 1, "name", q_att, 0);
			jcol(f[l], 0, "type", q_att, 1);
			jcol(f[l], 0, "role", q_att, 2);
			jcol(f[l], 0, "sha256", q_att, 3);
			jcol(f[l], 0, "size", q_att, 4);
			putc('}', f[l]);
		}
	sqlite3_reset(q_att);
	for (int l = 0; l < NLANG; l++)
		fputs("]}\n", f[l]);

	/* Structural parts: the Markdown body.  Strings are copied because the
	 * tree is walked after the statement has moved on. */
	sqlite3_bind_int64(q_parts, 1, id);
	while (sqlite3_step(q_parts) == SQLITE_ROW) {
		if (nparts == cap && (parts = realloc(parts, (cap = cap ? 2 * cap : 32) * sizeof *parts)) == NULL)
			die("out of memory");
		struct part *p = &parts[nparts++];
		p->id = sqlite3_column_int64(q_parts, 0);
		p->parent = sqlite3_column_int64(q_parts, 1);  /* NULL reads as 0: top level */
		for (int l = 0; l < NLANG; l++) {
			p->title[l] = strdup(col(q_parts, 2 + l));
			p->text[l] = col(q_parts, 4 + l) != NULL ? strdup(col(q_parts, 4 + l)) : NULL;
		}
	}
	sqlite3_reset(q_parts);
	parts_write(f, parts, nparts, 0, 1);
	for (size_t i = 0; i < nparts; i++)
		for (int l = 0; l < NLANG; l++) {
			free((char *)parts[i].title[l]);
			free((char *)parts[i].text[l]);
		}
	free(parts);

	for (int l = 0; l < NLANG; l++)
		if (fclose(f[l]) != 0)
			die("write");
}

int main(int argc, char **argv)
{
	sqlite3_stmt *d;
	long long n = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: hugo_export DB SITEDIR\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(argv[1]);
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	ref_write(argv[2]);

	q_parts = prep("SELECT id, parent_id, title_kk, title_ru, text_kk, text_ru FROM parts "
	               "WHERE doc_id = ? AND removed_in IS NULL ORDER BY parent_id, ord");
	q_ind = prep("SELECT ord, kind, subprogram, total, name_kk, name_ru, unit_kk, unit_ru, "
	             "actual, plan, plan1, plan2, plan3 FROM indicators WHERE doc_id = ? ORDER BY ord");
	q_exec = prep("SELECT ord, subprogram, total, name_kk, name_ru, approved, specified, "
	              "corrected, executed, not_executed, savings, under_execution, reason_kk, "
	              "reason_ru FROM execution WHERE doc_id = ? ORDER BY ord");
	q_lines = prep("SELECT ord, total, fgroup, fsubgroup, admin_code, program, subprogram, "
	               "name_kk, name_ru, plan, executed FROM budget_lines WHERE doc_id = ? ORDER BY ord");
	q_cells = prep("SELECT row, col, value FROM grant_cells WHERE doc_id = ? ORDER BY row, col");
	q_att = prep("SELECT a.name, a.type, a.role, a.sha256, b.size FROM attachments a "
	             "JOIN blobs b ON b.sha256 = a.sha256 WHERE a.doc_id = ? ORDER BY a.ord");
	q_prog = prep("SELECT id, code, fgroup, name_kk, name_ru FROM programs WHERE id = ?");

	d = prep("SELECT id, number, kind, year, admin_id, status, posted, discussion_end, stage, "
	         "received, period, title_kk, title_ru, head_kk, head_ru, version, program_id "
	         "FROM documents WHERE status <> 'draft' ORDER BY id");
	while (sqlite3_step(d) == SQLITE_ROW) {
		doc_write(argv[2], d);
		n++;
	}
	sqlite3_finalize(d);
	sqlite3_finalize(q_parts);
	sqlite3_finalize(q_ind);
	sqlite3_finalize(q_exec);
	sqlite3_finalize(q_lines);
	sqlite3_finalize(q_cells);
	sqlite3_finalize(q_att);
	sqlite3_finalize(q_prog);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	printf("%lld\n", n);
	return 0;
}
