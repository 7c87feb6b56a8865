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
 * skipped, as in obgen.  Where obgen computes a page from several tables
 * (program history, chart totals, compliance, statistics) the exporter
 * computes the same figures with the same SQL and rules, so that Hugo's
 * templates only lay them out, as obgen's stylesheets do.
 *
 *   hugo_export DB SITEDIR
 *
 * "Today" (compliance, statistics) is OB_TODAY=YYYY-MM-DD when set, else the
 * date in Almaty (UTC+5), as for obgen (core/clock.h).
 *
 * This is a benchmark tool, not part of the portal: its SQL reads the schema
 * directly (it must build with nothing but sqlite3 and libc), so it lives
 * here and not in core/db_*.c.  Untimed; the benchmark times Hugo only. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#define NLANG 2
static const char *const lang[NLANG] = { "kk", "ru" };

/* Documents and programs per content directory, as obgen shards its pages. */
#define SHARD 100
/* The largest programs on a charts page (GEN_CHART_PROGRAMS). */
#define CHART_PROGRAMS 15
/* Years a program's history can span. */
#define MAXYEARS 64

#define PUBLIC "d.status <> 'draft'"

static sqlite3 *db;
static const char *root;  /* SITEDIR */

/* ---- output helpers ---- */

static void die(const char *what)
{
	fprintf(stderr, "hugo_export: %s: %s\n", what, db != NULL ? sqlite3_errmsg(db) : "");
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s != NULL ? s : "");

	if (p == NULL)
		die("out of memory");
	return p;
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

static long long i64(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
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

/* A column as a JSON value: integer, null or string. */
static void jcol(FILE *f, int first, const char *key, sqlite3_stmt *st, int i)
{
	jkey(f, first, key);
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		fputs("null", f);
		break;
	case SQLITE_INTEGER:
		fprintf(f, "%lld", i64(st, i));
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

/* A section's page (_index.md): its URL when the section's pages have ugly
 * URLs (hugo.toml), build options, and the caller's extra fields. */
static void section_open(FILE *f[NLANG], const char *section, const char *url)
{
	pair_open(f, "%s/_index.md", section);
	both(f, "{\"section\":\"%s\"", section);
	if (url != NULL)
		both(f, ",\"url\":\"%s\"", url);
}

/* ---- dates and the working-day calendar (core/date.h, core/calendar.h) ---- */

#define NODATE (-1L)  /* no date: every date here is after 1970 */

/* Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
static long days_of(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_of(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int year_of(long z)
{
	int y, m, d;

	civil_of(z, &y, &m, &d);
	return y;
}

/* Strict YYYY-MM-DD (a real day of 2000..2100) as a day number, or NODATE. */
static long date_parse(const char *s)
{
	int y, m, d, yy, mm, dd;
	long z;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") != 2 ||
	    strspn(s + 8, "0123456789") != 2)
		return NODATE;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1)
		return NODATE;
	z = days_of(y, m, d);
	civil_of(z, &yy, &mm, &dd);
	return yy == y && mm == m && dd == d ? z : NODATE;
}

static char *date_str(long z, char buf[11])
{
	int y, m, d;

	civil_of(z, &y, &m, &d);
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return buf;
}

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC) as seconds since 1970, or -1. */
static long long utc_time(const char *s)
{
	char day[11];
	long z;

	if (s == NULL || strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    s[19] != 'Z')
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if ((z = date_parse(day)) == NODATE)
		return -1;
	return z * 86400LL + atoi(s + 11) * 3600LL + atoi(s + 14) * 60LL + atoi(s + 17);
}

/* ob_today(): OB_TODAY, else the date at UTC+5. */
static long today(void)
{
	const char *env = getenv("OB_TODAY");
	long z;

	if (env != NULL && env[0] != '\0') {
		if ((z = date_parse(env)) == NODATE) {
			fprintf(stderr, "hugo_export: OB_TODAY=%s is not a date\n", env);
			exit(1);
		}
		return z;
	}
	return (long)((time(NULL) + 5 * 3600) / 86400);
}

/* The loaded years and the days that differ from the five-day week
 * (schema/004_calendar.sql).  A year not loaded is an error for every
 * computation that touches it, never a guess. */
static struct {
	int years[MAXYEARS];
	size_t nyears;
	struct special { long day; int worked; } *days;
	size_t ndays;
} cal;

static void calendar_load(void)
{
	sqlite3_stmt *st = prep("SELECT year FROM calendar_years ORDER BY year");

	while (sqlite3_step(st) == SQLITE_ROW && cal.nyears < MAXYEARS)
		cal.years[cal.nyears++] = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = prep("SELECT date, kind FROM calendar_days ORDER BY date");
	while (sqlite3_step(st) == SQLITE_ROW) {
		cal.days = xrealloc(cal.days, (cal.ndays + 1) * sizeof *cal.days);
		cal.days[cal.ndays].day = date_parse(col(st, 0));
		cal.days[cal.ndays++].worked = strcmp(col(st, 1), "workday") == 0;
	}
	sqlite3_finalize(st);
}

/* 1 worked, 0 not, -1 the year is not loaded. */
static int worked(long z)
{
	int y = year_of(z), found = 0;
	size_t lo = 0, hi = cal.ndays;

	for (size_t i = 0; i < cal.nyears && !found; i++)
		found = cal.years[i] == y;
	if (!found)
		return -1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cal.days[mid].day == z)
			return cal.days[mid].worked;
		if (cal.days[mid].day < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (z + 3) % 7 < 5;  /* 1970-01-01 was a Thursday: Monday..Friday */
}

/* The n-th working day strictly after from (from never counts). */
static long add_workdays(long from, int n)
{
	if (worked(from) < 0)
		return NODATE;
	while (n > 0) {
		int w = worked(++from);

		if (w < 0)
			return NODATE;
		n -= w;
	}
	return from;
}

static long next_workday(long z)
{
	int w = worked(z);

	return w < 0 ? NODATE : w ? z : add_workdays(z, 1);
}

/* Working days in [from, to]; -1 when a year is not loaded. */
static int count_workdays(long from, long to)
{
	int n = 0;

	for (long z = from; z <= to; z++) {
		int w = worked(z);

		if (w < 0)
			return -1;
		n += w;
	}
	return worked(from) < 0 || worked(to) < 0 ? -1 : n;
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
	die("administrator not found");
	return NULL;
}

/* An administrator's budget programs, as its list page shows them. */
static void admin_programs(FILE *f, sqlite3_stmt *q, long long admin_id)
{
	int first = 1;

	sqlite3_bind_int64(q, 1, admin_id);
	fputs(",\"programs\":[", f);
	while (sqlite3_step(q) == SQLITE_ROW) {
		long long id = i64(q, 0);
		char path[64];

		fputs(first ? "{" : ",{", f);
		snprintf(path, sizeof path, "program/%lld/%lld.html", id / SHARD, id);
		jstr(f, 1, "path", path);
		jcol(f, 0, "code", q, 1);
		jcol(f, 0, "kk", q, 2);
		jcol(f, 0, "ru", q, 3);
		putc('}', f);
		first = 0;
	}
	sqlite3_reset(q);
	putc(']', f);
}

static void ref_write(void)
{
	char path[4096];
	sqlite3_stmt *st, *q;
	int first = 1;
	FILE *f;

	snprintf(path, sizeof path, "%s/data/ref.json", root);
	f = create(path);
	fputs("{\"admins\":{", f);
	st = prep("SELECT a.id, a.bin, a.code, a.region, a.level, a.name_kk, a.name_ru "
	          "FROM administrators a ORDER BY a.id");
	q = prep("SELECT id, code, name_kk, name_ru FROM programs WHERE admin_id = ? ORDER BY id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct admin *a;

		if ((nadmins & (nadmins - 1)) == 0)
			admins = xrealloc(admins, (nadmins ? 2 * nadmins : 64) * sizeof *admins);
		a = &admins[nadmins++];
		a->id = i64(st, 0);
		a->bin = xstrdup(col(st, 1));
		a->region = col(st, 3) != NULL ? xstrdup(col(st, 3)) : NULL;
		jkey(f, first, a->bin);
		putc('{', f);
		first = 0;
		jcol(f, 1, "code", st, 2);
		jcol(f, 0, "region", st, 3);
		jcol(f, 0, "level", st, 4);
		jcol(f, 0, "kk", st, 5);
		jcol(f, 0, "ru", st, 6);
		admin_programs(f, q, a->id);
		putc('}', f);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(q);

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

	fputs("},\"fgroups\":{", f);
	first = 1;
	st = prep("SELECT code, name_kk, name_ru FROM fgroups ORDER BY code");
	while (sqlite3_step(st) == SQLITE_ROW) {
		jkey(f, first, col(st, 0));
		putc('{', f);
		first = 0;
		jcol(f, 1, "kk", st, 1);
		jcol(f, 0, "ru", st, 2);
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
	both(f, ",\"table\":\"%s\",\"rows\":[", table);
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
	both(f, "]");
}

/* The 26-column grant form: "rows":[[cell, ...], ...] by row then column. */
static void cells_write(FILE *f[NLANG], long long id)
{
	int row = -1;

	sqlite3_bind_int64(q_cells, 1, id);
	both(f, ",\"table\":\"cells\",\"rows\":[");
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
	both(f, row < 0 ? "]" : "]]");
}

/* Columns of the documents query (main). */
enum { D_ID, D_NUMBER, D_KIND, D_YEAR, D_ADMIN, D_STATUS, D_POSTED, D_END, D_STAGE, D_RECEIVED,
       D_PERIOD, D_TITLE, D_HEAD = D_TITLE + 2, D_VERSION = D_HEAD + 2, D_PROGRAM, D_REPORT, D_RANK,
       D_PRESS_RANK };

/* The document's program: {"id","code","fgroup","name","path"}. */
static void program_ref(FILE *f, long long program_id, int l)
{
	char path[64];

	sqlite3_bind_int64(q_prog, 1, program_id);
	if (sqlite3_step(q_prog) == SQLITE_ROW) {
		fputs(",\"program\":{", f);
		jcol(f, 1, "id", q_prog, 0);
		jcol(f, 0, "code", q_prog, 1);
		jcol(f, 0, "fgroup", q_prog, 2);
		jcol(f, 0, "name", q_prog, 3 + l);
		snprintf(path, sizeof path, "program/%lld/%lld.html", program_id / SHARD, program_id);
		jstr(f, 0, "path", path);
		putc('}', f);
	}
	sqlite3_reset(q_prog);
}

/* A document's page.  The keys kinds, years, admins, regions and
 * discussions are the site's taxonomies (hugo.toml): only documents carry
 * them, and no other page may use these names. */
static void doc_write(sqlite3_stmt *d)
{
	long long id = i64(d, D_ID);
	const char *kind = col(d, D_KIND), *status = col(d, D_STATUS);
	const struct admin *a = admin_find(i64(d, D_ADMIN));
	int has_program = sqlite3_column_type(d, D_PROGRAM) != SQLITE_NULL;
	FILE *f[NLANG];
	struct part *parts = NULL;
	size_t nparts = 0, cap = 0;

	pair_open(f, "doc/%lld/%lld.md", id / SHARD, id);
	for (int l = 0; l < NLANG; l++) {
		fputs("{", f[l]);
		jcol(f[l], 1, "number", d, D_NUMBER);
		jcol(f[l], 0, "kind", d, D_KIND);
		jcol(f[l], 0, "year", d, D_YEAR);
		jcol(f[l], 0, "date", d, D_POSTED);
		jcol(f[l], 0, "status", d, D_STATUS);
		jcol(f[l], 0, "discussion_end", d, D_END);
		jcol(f[l], 0, "stage", d, D_STAGE);
		jcol(f[l], 0, "received", d, D_RECEIVED);
		jcol(f[l], 0, "period", d, D_PERIOD);
		jcol(f[l], 0, "version", d, D_VERSION);
		jcol(f[l], 0, "title", d, D_TITLE + l);
		jcol(f[l], 0, "head", d, D_HEAD + l);
		jcol(f[l], 0, "report", d, D_REPORT);  /* date of the final report, or null */
		jint(f[l], 0, "shard", id / SHARD);
		jint(f[l], 0, "id", id);
		jcol(f[l], 0, "weight", d, D_RANK);
		jstr(f[l], 0, "admin", a->bin);
		jstr(f[l], 0, "region", a->region);
		fprintf(f[l], ",\"kinds\":[\"%s\"],\"years\":[\"%d\"],\"admins\":[\"%s\"]", kind,
		        sqlite3_column_int(d, D_YEAR), a->bin);
		/* obgen lists republican bodies' documents as region "central" */
		fprintf(f[l], ",\"regions\":[\"%s\"]", a->region != NULL ? a->region : "central");
		if (strcmp(status, "in-discussion") == 0)
			fputs(",\"discussions\":[\"open\"]", f[l]);
		if (has_program)
			program_ref(f[l], i64(d, D_PROGRAM), l);
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
	both(f, ",\"attachments\":[");
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
	both(f, "]}\n");

	/* Structural parts: the Markdown body.  Strings are copied because the
	 * tree is walked after the statement has moved on. */
	sqlite3_bind_int64(q_parts, 1, id);
	while (sqlite3_step(q_parts) == SQLITE_ROW) {
		if (nparts == cap)
			parts = xrealloc(parts, (cap = cap ? 2 * cap : 32) * sizeof *parts);
		struct part *p = &parts[nparts++];
		p->id = i64(q_parts, 0);
		p->parent = i64(q_parts, 1);  /* NULL reads as 0: top level */
		for (int l = 0; l < NLANG; l++) {
			p->title[l] = xstrdup(col(q_parts, 2 + l));
			p->text[l] = col(q_parts, 4 + l) != NULL ? xstrdup(col(q_parts, 4 + l)) : NULL;
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
	pair_close(f);
}

/* P-12: the press release of a passport or an implementation report: the
 * document, its program, the discussion period.  A page of the press
 * section (its list pages paginate the section, newest first), published
 * beside the document's page as in obgen. */
static void press_write(sqlite3_stmt *d)
{
	long long id = i64(d, D_ID);
	const struct admin *a = admin_find(i64(d, D_ADMIN));
	char doc[64];
	FILE *f[NLANG];

	snprintf(doc, sizeof doc, "doc/%lld/%lld.html", id / SHARD, id);
	pair_open(f, "press/%lld/%lld.md", id / SHARD, id);
	for (int l = 0; l < NLANG; l++) {
		fprintf(f[l], "{\"url\":\"doc/%lld/%lld-press.html\"", id / SHARD, id);
		jint(f[l], 0, "id", id);
		jcol(f[l], 0, "weight", d, D_PRESS_RANK);
		jstr(f[l], 0, "doc", doc);
		jcol(f[l], 0, "title", d, D_TITLE + l);
		jcol(f[l], 0, "number", d, D_NUMBER);
		jcol(f[l], 0, "kind", d, D_KIND);
		jcol(f[l], 0, "date", d, D_POSTED);
		jcol(f[l], 0, "discussion_end", d, D_END);
		jstr(f[l], 0, "admin", a->bin);
		if (sqlite3_column_type(d, D_PROGRAM) != SQLITE_NULL)
			program_ref(f[l], i64(d, D_PROGRAM), l);
		fputs("}\n", f[l]);
	}
	pair_close(f);
}

static void docs_write(void)
{
	sqlite3_stmt *d;
	long long n = 0;

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

	/* The ranks order the lists newest first as obgen does (posting date,
	 * then id): Hugo's default order of pages is by weight. */
	d = prep("SELECT d.id, d.number, d.kind, d.year, d.admin_id, d.status, d.posted, "
	         "d.discussion_end, d.stage, d.received, d.period, d.title_kk, d.title_ru, "
	         "d.head_kk, d.head_ru, d.version, d.program_id, r.reported, "
	         "row_number() OVER (ORDER BY d.posted DESC, d.id DESC), "
	         "row_number() OVER (PARTITION BY d.kind IN ('passport', 'implementation-report') "
	         "ORDER BY d.posted DESC, d.id DESC) "
	         "FROM documents d LEFT JOIN final_reports r ON r.doc_id = d.id "
	         "WHERE " PUBLIC " ORDER BY d.id");
	while (sqlite3_step(d) == SQLITE_ROW) {
		const char *kind = col(d, D_KIND);

		doc_write(d);
		if (strcmp(kind, "passport") == 0 || strcmp(kind, "implementation-report") == 0)
			press_write(d);
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
	printf("documents %lld\n", n);
}

/* ---- final reports (P-17): the stored record, urn:obkz:report:1 ---- */

/* A small reader for the report's XML (docs/lifecycle.md), which obgen
 * parses with libxml2: elements (namespace prefixes dropped), attributes,
 * character data with the predefined and numeric references decoded;
 * comments, processing instructions and CDATA handled; no DTD. */
struct xnode {
	char *name, *text;
	char **attr;  /* name, value, ..., NULL */
	size_t nattr;
	struct xnode *child, *last, *next;
};

static const char *xp;  /* the parse position */

static void xml_fail(void)
{
	fprintf(stderr, "hugo_export: a final report is not well-formed XML\n");
	exit(1);
}

static void put_utf8(char **w, unsigned long c)
{
	unsigned char *p = (unsigned char *)*w;

	if (c < 0x80) {
		*p++ = (unsigned char)c;
	} else if (c < 0x800) {
		*p++ = (unsigned char)(0xC0 | c >> 6);
		*p++ = (unsigned char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*p++ = (unsigned char)(0xE0 | c >> 12);
		*p++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		*p++ = (unsigned char)(0x80 | (c & 0x3F));
	} else {
		*p++ = (unsigned char)(0xF0 | c >> 18);
		*p++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
		*p++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		*p++ = (unsigned char)(0x80 | (c & 0x3F));
	}
	*w = (char *)p;
}

/* s[0..n) with references decoded, appended to *buf (NUL-terminated). */
static void xml_append(char **buf, const char *s, size_t n)
{
	size_t old = *buf != NULL ? strlen(*buf) : 0;
	char *w;

	*buf = xrealloc(*buf, old + n + 1);
	w = *buf + old;
	for (size_t i = 0; i < n;) {
		static const struct { const char *ref; char c; } named[] = {
			{ "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' }, { "&quot;", '"' }, { "&apos;", '\'' },
		};
		const char *semi = s[i] == '&' ? memchr(s + i, ';', n - i) : NULL;
		unsigned long c = 0;

		if (semi == NULL) {
			*w++ = s[i++];
			continue;
		}
		if (s[i + 1] == '#')
			c = s[i + 2] == 'x' ? strtoul(s + i + 3, NULL, 16) : strtoul(s + i + 2, NULL, 10);
		for (size_t k = 0; k < sizeof named / sizeof named[0] && c == 0; k++)
			if ((size_t)(semi - (s + i)) + 1 == strlen(named[k].ref) &&
			    strncmp(s + i, named[k].ref, strlen(named[k].ref)) == 0)
				c = (unsigned char)named[k].c;
		if (c == 0 || c > 0x10FFFF)
			xml_fail();
		put_utf8(&w, c);  /* never longer than the reference */
		i = (size_t)(semi - s) + 1;
	}
	*w = '\0';
}

/* Skips what is not an element or text: <?...?>, <!--...-->, <!DOCTYPE>. */
static int xml_skip(void)
{
	const char *e;

	if (strncmp(xp, "<?", 2) == 0)
		e = strstr(xp, "?>");
	else if (strncmp(xp, "<!--", 4) == 0)
		e = strstr(xp, "-->");
	else if (strncmp(xp, "<!", 2) == 0 && strncmp(xp, "<![CDATA[", 9) != 0)
		e = strchr(xp, '>');
	else
		return 0;
	if (e == NULL)
		xml_fail();
	xp = strchr(e, '>') + 1;
	return 1;
}

static struct xnode *xml_element(void)
{
	struct xnode *n = calloc(1, sizeof *n);
	size_t len;

	if (n == NULL)
		die("out of memory");
	len = strcspn(++xp, " \t\r\n/>");
	n->name = strndup(xp, len);
	xp += len;
	for (;;) {  /* attributes */
		char q;

		xp += strspn(xp, " \t\r\n");
		if (*xp == '/' && xp[1] == '>') {
			xp += 2;
			return n;
		}
		if (*xp == '>')
			break;
		if (*xp == '\0' || (len = strcspn(xp, " \t\r\n=")) == 0)
			xml_fail();
		n->attr = xrealloc(n->attr, (n->nattr + 3) * sizeof *n->attr);
		n->attr[n->nattr] = strndup(xp, len);
		n->attr[n->nattr + 1] = NULL;
		xp += len;
		xp += strspn(xp, " \t\r\n");
		if (*xp++ != '=')
			xml_fail();
		xp += strspn(xp, " \t\r\n");
		if ((q = *xp++) != '"' && q != '\'')
			xml_fail();
		len = strcspn(xp, q == '"' ? "\"" : "'");
		if (xp[len] == '\0')
			xml_fail();
		xml_append(&n->attr[n->nattr + 1], xp, len);
		n->nattr += 2;
		n->attr[n->nattr] = NULL;
		xp += len + 1;
	}
	xp++;
	for (;;) {  /* content */
		len = strcspn(xp, "<");
		if (len > 0)
			xml_append(&n->text, xp, len);
		xp += len;
		if (*xp == '\0')
			xml_fail();
		if (xp[1] == '/') {
			xp = strchr(xp, '>');
			if (xp == NULL)
				xml_fail();
			xp++;
			return n;
		}
		if (strncmp(xp, "<![CDATA[", 9) == 0) {
			const char *e = strstr(xp, "]]>");

			if (e == NULL)
				xml_fail();
			size_t old = n->text != NULL ? strlen(n->text) : 0, add = (size_t)(e - xp) - 9;

			n->text = xrealloc(n->text, old + add + 1);
			memcpy(n->text + old, xp + 9, add);
			n->text[old + add] = '\0';
			xp = e + 3;
		} else if (!xml_skip()) {
			struct xnode *c = xml_element();

			if (n->last != NULL)
				n->last->next = c;
			else
				n->child = c;
			n->last = c;
		}
	}
}

static struct xnode *xml_parse(const char *s)
{
	xp = s;
	for (;;) {
		xp += strspn(xp, " \t\r\n");
		if (*xp != '<')
			xml_fail();
		if (!xml_skip())
			return xml_element();
	}
}

static void xml_free(struct xnode *n)
{
	while (n != NULL) {
		struct xnode *next = n->next;

		xml_free(n->child);
		for (size_t i = 0; i < n->nattr; i++)
			free(n->attr[i]);
		free(n->attr);
		free(n->name);
		free(n->text);
		free(n);
		n = next;
	}
}

static const char *local(const char *name)
{
	const char *c = strchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static const struct xnode *xc(const struct xnode *n, const char *name)
{
	for (n = n != NULL ? n->child : NULL; n != NULL; n = n->next)
		if (strcmp(local(n->name), name) == 0)
			return n;
	return NULL;
}

static const char *xa(const struct xnode *n, const char *name)
{
	for (size_t i = 0; n != NULL && i < n->nattr; i += 2)
		if (strcmp(n->attr[i], name) == 0)
			return n->attr[i + 1];
	return NULL;
}

/* The text of n's child in language l: <name><kk>...</kk><ru>...</ru></name>. */
static const char *xl(const struct xnode *n, int l)
{
	const struct xnode *c = xc(n, lang[l]);

	return c != NULL ? (c->text != NULL ? c->text : "") : NULL;
}

/* An attribute as a JSON number when it is one, else as a string. */
static void jnum(FILE *f, int first, const char *key, const char *v)
{
	if (v != NULL && v[0] != '\0' && strspn(v, "0123456789") == strlen(v)) {
		jkey(f, first, key);
		fputs(v, f);
	} else {
		jstr(f, first, key, v);
	}
}

static void report_row(FILE *f, const struct xnode *row, int l)
{
	const struct xnode *part = xc(row, "part"), *tx = xc(row, "text"), *ans = xc(row, "answer");
	const struct xnode *votes = xc(row, "votes");

	putc('{', f);
	jnum(f, 1, "n", xa(row, "n"));
	jstr(f, 0, "posted", xa(row, "posted"));
	jstr(f, 0, "status", xa(row, "status"));
	jnum(f, 0, "part_id", xa(part, "id"));
	jstr(f, 0, "part", xl(part, l));
	jstr(f, 0, "lang", xa(tx, "lang"));
	jstr(f, 0, "withheld", xa(tx, "withheld"));
	if (xa(tx, "withheld") == NULL)
		jstr(f, 0, "text", tx != NULL && tx->text != NULL ? tx->text : "");
	jstr(f, 0, "reason", xa(xc(row, "refused"), "reason"));
	if (ans != NULL) {
		jstr(f, 0, "answer", xa(ans, "decision"));
		jstr(f, 0, "answer_lang", xa(ans, "lang"));
		jstr(f, 0, "answer_text", ans->text != NULL ? ans->text : "");
	}
	if (xc(row, "unanswered") != NULL)
		fputs(",\"unanswered\":true", f);
	jnum(f, 0, "for", xa(votes, "for"));
	jnum(f, 0, "against", xa(votes, "against"));
	putc('}', f);
}

/* The report page: every header field of the appendix's form and its table,
 * from the stored XML (what was reported that day), plus its data files. */
static void report_write(long long id, const char *reported, const char *xml, long long len)
{
	struct xnode *r = xml_parse(xml);
	const struct xnode *rows = xc(r, "rows");
	FILE *f[NLANG];

	pair_open(f, "doc/%lld/%lld-report.md", id / SHARD, id);
	for (int l = 0; l < NLANG; l++) {
		const struct xnode *admin = xc(r, "admin"), *period = xc(r, "period");
		char doc[64];
		int first = 1;

		fputs("{\"type\":\"report\"", f[l]);
		jint(f[l], 0, "id", id);
		snprintf(doc, sizeof doc, "doc/%lld/%lld.html", id / SHARD, id);
		jstr(f[l], 0, "doc", doc);
		jstr(f[l], 0, "title", xl(xc(r, "name"), l));
		jstr(f[l], 0, "date", reported);  /* final_reports.reported, as the record's */
		jstr(f[l], 0, "kind", xa(r, "kind"));
		jstr(f[l], 0, "admin", xa(admin, "bin"));
		jnum(f[l], 0, "appendix", xa(r, "appendix"));
		jstr(f[l], 0, "number", xa(r, "number"));
		jstr(f[l], 0, "posted", xa(r, "posted"));
		jstr(f[l], 0, "discussion_end", xa(r, "discussion-end"));
		jnum(f[l], 0, "votes_for", xa(xc(r, "document-votes"), "for"));
		jnum(f[l], 0, "votes_against", xa(xc(r, "document-votes"), "against"));
		jnum(f[l], 0, "proposals", xa(xc(r, "proposals"), "total"));
		jnum(f[l], 0, "unanswered", xa(xc(r, "proposals"), "unanswered"));
		jnum(f[l], 0, "pvotes_for", xa(xc(r, "proposal-votes"), "for"));
		jnum(f[l], 0, "pvotes_against", xa(xc(r, "proposal-votes"), "against"));
		jstr(f[l], 0, "budget", xl(xc(r, "budget"), l));
		jstr(f[l], 0, "admin_code", xa(admin, "code"));
		jstr(f[l], 0, "admin_name", xl(admin, l));
		jstr(f[l], 0, "period", period != NULL ? period->text : NULL);
		jstr(f[l], 0, "head", xl(xc(r, "head"), l));
		fputs(",\"rows\":[", f[l]);
		for (const struct xnode *row = rows != NULL ? rows->child : NULL; row != NULL; row = row->next) {
			if (!first)
				putc(',', f[l]);
			report_row(f[l], row, l);
			first = 0;
		}
		fprintf(f[l], "],\"files\":[{\"format\":\"xml\",\"href\":\"data/doc/%lld/%lld-report.xml\","
		        "\"size\":%lld},{\"format\":\"csv\",\"href\":\"data/doc/%lld/%lld-report.csv\"}]}\n",
		        id / SHARD, id, len, id / SHARD, id);
	}
	pair_close(f);
	xml_free(r);
}

static void reports_write(void)
{
	sqlite3_stmt *st = prep("SELECT r.doc_id, r.xml, length(r.xml), r.reported FROM final_reports r "
	                        "JOIN documents d ON d.id = r.doc_id WHERE " PUBLIC " ORDER BY r.doc_id");
	long long n = 0;

	while (sqlite3_step(st) == SQLITE_ROW) {
		/* The blob as a NUL-terminated string for the reader. */
		char *xml = strndup(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1));

		if (xml == NULL)
			die("out of memory");
		report_write(i64(st, 0), col(st, 3), xml, i64(st, 2));
		free(xml);
		n++;
	}
	sqlite3_finalize(st);
	printf("final reports %lld\n", n);
}

/* ---- budget programs (generator/page_program.c) ---- */

/* A passport indicator across years, matched by kind, subprogram and both
 * names; the plan of the current year per year of the program's history. */
struct ident {
	char *kind, *sub, *name[NLANG], *unit[NLANG];
	long long plan[MAXYEARS];
	unsigned char has[MAXYEARS];
};

struct history {
	int years[MAXYEARS];
	size_t nyears;
	struct ident *ids;
	size_t nids;
};

static sqlite3_stmt *q_pdocs, *q_pind, *q_pexec;

static void history_free(struct history *h)
{
	for (size_t i = 0; i < h->nids; i++) {
		free(h->ids[i].kind);
		free(h->ids[i].sub);
		for (int l = 0; l < NLANG; l++) {
			free(h->ids[i].name[l]);
			free(h->ids[i].unit[l]);
		}
	}
	free(h->ids);
}

/* Rows by year, posting date, document: a later passport of the same year
 * replaces the earlier one's values, as on obgen's page. */
static void history_read(struct history *h, long long program)
{
	sqlite3_bind_int64(q_pind, 1, program);
	while (sqlite3_step(q_pind) == SQLITE_ROW) {
		const char *kind = col(q_pind, 1), *sub = col(q_pind, 2) ? col(q_pind, 2) : "";
		const char *name[NLANG] = { col(q_pind, 3), col(q_pind, 4) };
		int year = sqlite3_column_int(q_pind, 0);
		struct ident *id = NULL;
		size_t y;

		if (h->nyears == 0 || h->years[h->nyears - 1] != year) {
			if (h->nyears == MAXYEARS)
				die("a program's history spans too many years");
			h->years[h->nyears++] = year;
		}
		y = h->nyears - 1;
		for (size_t k = 0; k < h->nids && id == NULL; k++)
			if (strcmp(h->ids[k].kind, kind) == 0 && strcmp(h->ids[k].sub, sub) == 0 &&
			    strcmp(h->ids[k].name[0], name[0]) == 0 && strcmp(h->ids[k].name[1], name[1]) == 0)
				id = &h->ids[k];
		if (id == NULL) {
			h->ids = xrealloc(h->ids, (h->nids + 1) * sizeof *h->ids);
			id = &h->ids[h->nids++];
			memset(id, 0, sizeof *id);
			id->kind = xstrdup(kind);
			id->sub = xstrdup(sub);
			for (int l = 0; l < NLANG; l++) {
				id->name[l] = xstrdup(name[l]);
				id->unit[l] = xstrdup(col(q_pind, 5 + l));
			}
		}
		id->has[y] = sqlite3_column_type(q_pind, 7) != SQLITE_NULL;
		id->plan[y] = i64(q_pind, 7);
	}
	sqlite3_reset(q_pind);
}

static void history_json(FILE *f, const struct history *h, int l)
{
	fputs(",\"indicator_years\":[", f);
	for (size_t y = 0; y < h->nyears; y++)
		fprintf(f, "%s%d", y ? "," : "", h->years[y]);
	fputs("],\"indicators\":[", f);
	for (size_t i = 0; i < h->nids; i++) {
		const struct ident *id = &h->ids[i];

		fputs(i ? ",{" : "{", f);
		jstr(f, 1, "kind", id->kind);
		jstr(f, 0, "sub", id->sub[0] ? id->sub : NULL);
		jstr(f, 0, "name", id->name[l]);
		jstr(f, 0, "unit", id->unit[l]);
		fputs(",\"plan\":[", f);
		for (size_t y = 0; y < h->nyears; y++)
			if (id->has[y])
				fprintf(f, "%s%lld", y ? "," : "", id->plan[y]);
			else
				fprintf(f, "%snull", y ? "," : "");
		fputs("]}", f);
	}
	putc(']', f);
}

/* Plan against execution: the total row of the latest report of each year
 * (the later report of a year replaces the earlier); max scales the chart. */
static void execution_json(FILE *f[NLANG], long long program)
{
	struct { long long v[6]; } *rows = NULL;  /* year, approved, plan, executed, savings, under */
	static const char *const keys[6] = { "y", "approved", "plan", "executed", "savings", "under" };
	size_t n = 0;
	long long max = 0;

	sqlite3_bind_int64(q_pexec, 1, program);
	while (sqlite3_step(q_pexec) == SQLITE_ROW) {
		if (n == 0 || rows[n - 1].v[0] != i64(q_pexec, 0))
			rows = xrealloc(rows, ++n * sizeof *rows);
		for (int c = 0; c < 6; c++)
			rows[n - 1].v[c] = i64(q_pexec, c);
		if (rows[n - 1].v[2] > max)
			max = rows[n - 1].v[2];
		if (rows[n - 1].v[3] > max)
			max = rows[n - 1].v[3];
	}
	sqlite3_reset(q_pexec);
	both(f, ",\"execution\":[");
	for (size_t i = 0; i < n; i++)
		for (int l = 0; l < NLANG; l++) {
			fputs(i ? ",{" : "{", f[l]);
			for (int c = 0; c < 6; c++)
				jint(f[l], c == 0, keys[c], rows[i].v[c]);
			putc('}', f[l]);
		}
	both(f, "],\"max\":%lld", max);
	free(rows);
}

/* A program's page: its administrator and functional group, plan against
 * execution, indicator history and documents (newest first, as page paths
 * for Hugo's GetPage). */
static void program_write(sqlite3_stmt *p)
{
	long long id = i64(p, 0);
	const struct admin *a = admin_find(i64(p, 1));
	struct history h = { .nyears = 0 };
	FILE *f[NLANG];
	int first = 1;

	pair_open(f, "program/%lld/%lld.md", id / SHARD, id);
	for (int l = 0; l < NLANG; l++) {
		fputs("{\"type\":\"program\"", f[l]);
		jcol(f[l], 0, "title", p, 4 + l);
		jint(f[l], 0, "weight", id);  /* lists in id order, as obgen's */
		jint(f[l], 0, "id", id);
		jcol(f[l], 0, "code", p, 2);
		jcol(f[l], 0, "fgroup", p, 3);
		jstr(f[l], 0, "admin", a->bin);
	}
	both(f, ",\"docs\":[");
	sqlite3_bind_int64(q_pdocs, 1, id);
	while (sqlite3_step(q_pdocs) == SQLITE_ROW) {
		long long d = i64(q_pdocs, 0);

		both(f, "%s\"/doc/%lld/%lld\"", first ? "" : ",", d / SHARD, d);
		first = 0;
	}
	sqlite3_reset(q_pdocs);
	both(f, "]");
	execution_json(f, id);
	history_read(&h, id);
	for (int l = 0; l < NLANG; l++)
		history_json(f[l], &h, l);
	history_free(&h);
	both(f, "}\n");
	pair_close(f);
}

/* Every program; the programs index (/L/program/) and a page per functional
 * group (/L/program/gN.html, 1..15 as obgen, even when empty). */
static void programs_write(void)
{
	sqlite3_stmt *p;
	FILE *f[NLANG];
	long long n = 0;

	q_pdocs = prep("SELECT id FROM documents d WHERE program_id = ? AND " PUBLIC " ORDER BY id DESC");
	q_pind = prep("SELECT d.year, i.kind, i.subprogram, i.name_kk, i.name_ru, i.unit_kk, i.unit_ru, "
	              "i.plan FROM indicators i JOIN documents d ON d.id = i.doc_id "
	              "WHERE d.program_id = ?1 AND d.kind = 'passport' AND " PUBLIC
	              " ORDER BY d.year, d.posted, d.id, i.ord");
	q_pexec = prep("SELECT d.year, e.approved, e.corrected, e.executed, e.savings, e.under_execution "
	               "FROM execution e JOIN documents d ON d.id = e.doc_id "
	               "WHERE d.program_id = ?1 AND d.kind = 'implementation-report' AND e.total = 1 "
	               "AND " PUBLIC " ORDER BY d.year, d.posted, d.id, e.ord");
	p = prep("SELECT id, admin_id, code, fgroup, name_kk, name_ru FROM programs ORDER BY id");
	while (sqlite3_step(p) == SQLITE_ROW) {
		program_write(p);
		n++;
	}
	sqlite3_finalize(p);
	sqlite3_finalize(q_pdocs);
	sqlite3_finalize(q_pind);
	sqlite3_finalize(q_pexec);

	section_open(f, "program", "program/");
	both(f, "}\n");
	pair_close(f);
	for (int g = 1; g <= 15; g++) {
		pair_open(f, "program/g%d.md", g);
		both(f, "{\"type\":\"fgroup\",\"group\":%d}\n", g);
		pair_close(f);
	}
	printf("programs %lld\n", n);
}

/* ---- charts (generator/page_charts.c) ---- */

/* /L/charts/YEAR.html: spending by functional group (the latest budget
 * report of each administrator for the year) and the largest programs'
 * plan against execution (the latest implementation report of each). */
static void chart_write(int year)
{
	sqlite3_stmt *g = prep(
	        "SELECT l.fgroup, sum(l.plan), sum(ifnull(l.executed, 0)) "
	        "FROM budget_lines l JOIN documents d ON d.id = l.doc_id "
	        "WHERE d.year = ?1 AND d.kind = 'budget-report' AND " PUBLIC " AND l.total = 0 "
	        "AND l.fgroup IS NOT NULL AND d.id = (SELECT d2.id FROM documents d2 "
	        "WHERE d2.kind = 'budget-report' AND d2.status <> 'draft' AND d2.year = d.year "
	        "AND d2.admin_id = d.admin_id "
	        "ORDER BY ifnull(d2.period, '') DESC, d2.posted DESC, d2.id DESC LIMIT 1) "
	        "GROUP BY l.fgroup ORDER BY l.fgroup");
	sqlite3_stmt *p = prep(
	        "SELECT d.program_id, e.corrected, e.executed, p.code, p.name_kk, p.name_ru "
	        "FROM execution e JOIN documents d ON d.id = e.doc_id "
	        "JOIN programs p ON p.id = d.program_id "
	        "WHERE d.year = ?1 AND d.kind = 'implementation-report' AND " PUBLIC
	        " AND e.total = 1 AND d.program_id IS NOT NULL AND d.id = (SELECT d2.id "
	        "FROM documents d2 WHERE d2.kind = 'implementation-report' AND "
	        "d2.status <> 'draft' AND d2.year = d.year AND d2.program_id = d.program_id "
	        "ORDER BY d2.posted DESC, d2.id DESC LIMIT 1) "
	        "ORDER BY e.corrected DESC, d.program_id LIMIT ?2");
	long long max = 0;
	FILE *f[NLANG];
	int first = 1;

	pair_open(f, "charts/%d.md", year);
	both(f, "{\"year\":%d,\"fgroups\":[", year);
	sqlite3_bind_int(g, 1, year);
	while (sqlite3_step(g) == SQLITE_ROW) {
		both(f, "%s{\"code\":%lld,\"plan\":%lld,\"executed\":%lld}", first ? "" : ",",
		     i64(g, 0), i64(g, 1), i64(g, 2));
		max = i64(g, 1) > max ? i64(g, 1) : max;
		max = i64(g, 2) > max ? i64(g, 2) : max;
		first = 0;
	}
	both(f, "],\"fmax\":%lld,\"programs\":[", max);
	max = 0;
	first = 1;
	sqlite3_bind_int(p, 1, year);
	sqlite3_bind_int(p, 2, CHART_PROGRAMS);
	while (sqlite3_step(p) == SQLITE_ROW) {
		long long id = i64(p, 0);

		for (int l = 0; l < NLANG; l++) {
			fprintf(f[l], "%s{\"path\":\"program/%lld/%lld.html\"", first ? "" : ",", id / SHARD, id);
			jcol(f[l], 0, "code", p, 3);
			jcol(f[l], 0, "name", p, 4 + l);
			jint(f[l], 0, "plan", i64(p, 1));
			jint(f[l], 0, "executed", i64(p, 2));
			putc('}', f[l]);
		}
		max = i64(p, 1) > max ? i64(p, 1) : max;
		max = i64(p, 2) > max ? i64(p, 2) : max;
		first = 0;
	}
	both(f, "],\"pmax\":%lld}\n", max);
	pair_close(f);
	sqlite3_finalize(g);
	sqlite3_finalize(p);
}

/* The charts index lists the years (the years taxonomy: every year with a
 * public document, as obgen's index); a page per year. */
static void charts_write(void)
{
	sqlite3_stmt *st = prep("SELECT DISTINCT year FROM documents d WHERE " PUBLIC " ORDER BY year");
	FILE *f[NLANG];

	section_open(f, "charts", "charts/");
	both(f, "}\n");
	pair_close(f);
	while (sqlite3_step(st) == SQLITE_ROW)
		chart_write(sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
}

/* ---- the open data catalogue (generator/page_catalogue.c) ---- */

/* The XSDs obgen publishes under /schema/ (the .xsd files of the tree's schema/). */
static const char *const schemas[] = {
	"audit-result.xsd", "budget-report.xsd", "calendar.xsd", "citizen-budget.xsd", "common.xsd",
	"discussion.xsd", "financial-statements.xsd", "grant-report.xsd",
	"implementation-report.xsd", "passport.xsd", "reference.xsd", "submission.xsd",
};

/* One file of a document: {"name","href"[,"size"]}; size < 0 when it is
 * not known from the database (CSV and discussion files obgen generates). */
static void data_file(FILE *f[NLANG], int *first, long long id, const char *suffix, long long size)
{
	both(f, "%s{\"name\":\"%lld%s\",\"href\":\"data/doc/%lld/%lld%s\"", *first ? "" : ",", id,
	     suffix, id / SHARD, id, suffix);
	if (size >= 0)
		both(f, ",\"size\":%lld", size);
	both(f, "}");
	*first = 0;
}

/* The files of data/doc/SHARD/ as obgen writes them (generator/csv.c,
 * data_discussion.c, page_report.c), in obgen's order (by name); sizes of
 * stored bytes (the XML as imported, attachments, the report) are exact. */
static void shard_write(long long shard)
{
	static const char *const tables[] = { "execution", "grant", "indicators", "lines" };
	sqlite3_stmt *d = prep(
	        "SELECT d.id, (SELECT length(xml) FROM final_reports WHERE doc_id = d.id), "
	        "(SELECT count(*) FROM proposals WHERE doc_id = d.id) + "
	        "(SELECT count(*) FROM votes WHERE doc_id = d.id AND proposal_id = 0), "
	        "EXISTS (SELECT 1 FROM execution WHERE doc_id = d.id), "
	        "EXISTS (SELECT 1 FROM grant_cells WHERE doc_id = d.id), "
	        "EXISTS (SELECT 1 FROM indicators WHERE doc_id = d.id), "
	        "EXISTS (SELECT 1 FROM budget_lines WHERE doc_id = d.id), "
	        "(SELECT length(xml) FROM document_versions WHERE doc_id = d.id "
	        "ORDER BY version DESC LIMIT 1) "
	        "FROM documents d WHERE d.id BETWEEN ?1 AND ?2 AND " PUBLIC " ORDER BY CAST(d.id AS TEXT)");
	sqlite3_stmt *a = prep("SELECT t.ord, t.name, b.size FROM attachments t JOIN blobs b "
	                       "ON b.sha256 = t.sha256 WHERE t.doc_id = ? ORDER BY t.ord");
	FILE *f[NLANG];
	int firstdoc = 1;

	pair_open(f, "data/%lld.md", shard);
	both(f, "{\"shard\":%lld,\"from\":%lld,\"to\":%lld,\"docs\":[", shard, shard * SHARD,
	     shard * SHARD + SHARD - 1);
	sqlite3_bind_int64(d, 1, shard * SHARD);
	sqlite3_bind_int64(d, 2, shard * SHARD + SHARD - 1);
	while (sqlite3_step(d) == SQLITE_ROW) {
		long long id = i64(d, 0);
		int first = 1;

		both(f, "%s{\"page\":\"/doc/%lld/%lld\",\"files\":[", firstdoc ? "" : ",", shard, id);
		firstdoc = 0;
		if (sqlite3_column_type(d, 1) != SQLITE_NULL) {
			data_file(f, &first, id, "-report.csv", -1);
			data_file(f, &first, id, "-report.xml", i64(d, 1));
		}
		sqlite3_bind_int64(a, 1, id);
		while (sqlite3_step(a) == SQLITE_ROW) {
			/* generator/csv.c: the name's extension when it is short plain ASCII */
			const char *name = col(a, 1), *dot = strrchr(name, '.');
			size_t len = dot ? strlen(dot + 1) : 0;
			char suffix[64];

			if (len == 0 || len > 8 ||
			    strspn(dot + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != len)
				snprintf(suffix, sizeof suffix, ".att%d", sqlite3_column_int(a, 0));
			else
				snprintf(suffix, sizeof suffix, ".att%d.%s", sqlite3_column_int(a, 0), dot + 1);
			data_file(f, &first, id, suffix, i64(a, 2));
		}
		sqlite3_reset(a);
		if (i64(d, 2) > 0) {
			data_file(f, &first, id, ".discussion.csv", -1);
			data_file(f, &first, id, ".discussion.xml", -1);
		}
		for (int t = 0; t < 4; t++)
			if (i64(d, 3 + t)) {
				char suffix[32];

				snprintf(suffix, sizeof suffix, ".%s.csv", tables[t]);
				data_file(f, &first, id, suffix, -1);
			}
		if (sqlite3_column_type(d, 7) != SQLITE_NULL)
			data_file(f, &first, id, ".xml", i64(d, 7));
		both(f, "]}");
	}
	both(f, "]}\n");
	pair_close(f);
	sqlite3_finalize(d);
	sqlite3_finalize(a);
}

/* /L/data/: the Fiscal Data Package (one CSV per year with a public
 * document), the schemas, and a page per shard of documents. */
static void catalogue_write(void)
{
	sqlite3_stmt *st;
	FILE *f[NLANG];
	int first = 1;

	section_open(f, "data", "data/");
	both(f, ",\"fdp\":[");
	st = prep("SELECT DISTINCT year FROM documents d WHERE " PUBLIC " ORDER BY year");
	while (sqlite3_step(st) == SQLITE_ROW) {
		both(f, "%s\"budget-lines-%d.csv\"", first ? "" : ",", sqlite3_column_int(st, 0));
		first = 0;
	}
	sqlite3_finalize(st);
	both(f, "%s\"datapackage.json\"],\"schemas\":[", first ? "" : ",");
	for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++)
		both(f, "%s\"%s\"", i ? "," : "", schemas[i]);
	both(f, "],\"shards\":[");
	first = 1;
	st = prep("SELECT DISTINCT id / ?1 FROM documents d WHERE " PUBLIC " ORDER BY 1");
	sqlite3_bind_int(st, 1, SHARD);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long s = i64(st, 0);

		both(f, "%s{\"n\":%lld,\"from\":%lld,\"to\":%lld}", first ? "" : ",", s, s * SHARD,
		     s * SHARD + SHARD - 1);
		shard_write(s);
		first = 0;
	}
	sqlite3_finalize(st);
	both(f, "]}\n");
	pair_close(f);
}

/* ---- compliance with the publication deadlines (core/db_compliance.c) ---- */

enum { P5 = 1, P7, P10, G, RULES = 4 };
enum { S_UNKNOWN, S_PENDING, S_ON_TIME, S_LATE, S_MISSING, STATES };
static const char *const rule_id[RULES + 1] = { "", "P-5", "P-7", "P-10", "G" };
static const char *const rule_page[RULES + 1] = { "", "p-5", "p-7", "p-10", "g" };
static const char *const rule_kind[RULES + 1] = {
	"", "financial-statements", "audit-result", "implementation-report", "grant-report"
};
static const char *const state_key[STATES] = { "unknown", "pending", "on_time", "late", "missing" };
static const char *const state_name[STATES] = { "unknown", "pending", "on-time", "late", "missing" };

/* A document a rule expects, or one present. */
struct ckey {
	int rule;
	size_t admin;
	int year, month;       /* P-5, P-10: the fiscal year; G: the period */
	long long program_id;  /* P-10 */
	char program[4];
};

struct crow {
	int rule;
	size_t admin;
	long long doc_id;  /* 0: expected, not in the database */
	int public_doc;    /* its number and link are shown (not a draft) */
	char number[65], program[4], period[8];
	int year;
	long received, posted, due;
	int state, days;
};

static struct {
	long today;
	int first_year;  /* the first loaded calendar year, 0 when none */
	struct cadmin {
		long long id;
		char *bin, *level;
		int g_first;  /* the first G month (y * 12 + m - 1), -1 none */
		int count[RULES + 1][STATES];
	} *admins;
	size_t nadmins;
	struct crow *rows;
	size_t nrows;
	struct ckey *have, *want;
	size_t nhave, nwant;
} cp;

static int key_cmp(const void *pa, const void *pb)
{
	const struct ckey *a = pa, *b = pb;

	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->admin != b->admin)
		return a->admin < b->admin ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->program_id < b->program_id ? -1 : a->program_id > b->program_id;
}

static void key_push(struct ckey **v, size_t *n, const struct ckey *k)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = *k;
}

static struct crow *row_new(void)
{
	cp.rows = xrealloc(cp.rows, (cp.nrows + 1) * sizeof *cp.rows);
	memset(&cp.rows[cp.nrows], 0, sizeof cp.rows[0]);
	cp.rows[cp.nrows].received = cp.rows[cp.nrows].posted = cp.rows[cp.nrows].due = NODATE;
	return &cp.rows[cp.nrows++];
}

/* Strict YYYY-MM: *y, *m; -1 otherwise. */
static int period_parse(const char *s, int *y, int *m)
{
	char buf[16];
	int yy, mm, dd;
	long z;

	if (s == NULL || strlen(s) != 7)
		return -1;
	snprintf(buf, sizeof buf, "%s-01", s);
	if ((z = date_parse(buf)) == NODATE)
		return -1;
	civil_of(z, &yy, &mm, &dd);
	*y = yy;
	*m = mm;
	return 0;
}

/* Columns of the documents query of compliance_load. */
enum { C_ID, C_ADMIN, C_KIND, C_NUMBER, C_STATUS, C_POSTED, C_RECEIVED, C_PERIOD, C_YEAR,
       C_PROGRAM_ID, C_PROGRAM };

/* A document of P-5, P-7, P-10 or G, and the key saying it exists. */
static void doc_row(sqlite3_stmt *s, int rule, size_t admin)
{
	struct crow *r = row_new();
	struct ckey k = { rule, admin, 0, 0, 0, "" };
	int bad = 0;

	r->rule = rule;
	r->admin = admin;
	r->doc_id = i64(s, C_ID);
	r->public_doc = strcmp(col(s, C_STATUS), "draft") != 0;
	snprintf(r->number, sizeof r->number, "%s", col(s, C_NUMBER));
	r->year = sqlite3_column_int(s, C_YEAR);
	snprintf(r->program, sizeof r->program, "%s", col(s, C_PROGRAM));
	/* A draft is not published, whatever date it carries. */
	if (r->public_doc && (r->posted = date_parse(col(s, C_POSTED))) == NODATE)
		bad = 1;
	if (rule == P7 && (r->received = date_parse(col(s, C_RECEIVED))) == NODATE)
		bad = 1;
	if (rule == G) {
		snprintf(r->period, sizeof r->period, "%s", col(s, C_PERIOD) ? col(s, C_PERIOD) : "");
		if (period_parse(col(s, C_PERIOD), &k.year, &k.month) == 0) {
			int m = k.year * 12 + k.month - 1;

			if (cp.admins[admin].g_first < 0 || m < cp.admins[admin].g_first)
				cp.admins[admin].g_first = m;
		} else {
			bad = 1;
		}
	} else if (rule == P5 || rule == P10) {
		k.year = r->year;
	}
	if (rule == P10) {
		k.program_id = i64(s, C_PROGRAM_ID);
		memcpy(k.program, r->program, sizeof k.program);
	}
	r->state = bad ? S_UNKNOWN : -1;  /* -1: to be computed */
	key_push(&cp.have, &cp.nhave, &k);
}

static void compliance_load(void)
{
	sqlite3_stmt *s = prep("SELECT id, bin, level FROM administrators ORDER BY code, ifnull(region, '')");
	int today_y = year_of(cp.today);

	while (sqlite3_step(s) == SQLITE_ROW) {
		struct cadmin *a;

		cp.admins = xrealloc(cp.admins, (cp.nadmins + 1) * sizeof *cp.admins);
		a = &cp.admins[cp.nadmins++];
		memset(a, 0, sizeof *a);
		a->id = i64(s, 0);
		a->bin = xstrdup(col(s, 1));
		a->level = xstrdup(col(s, 2));
		a->g_first = -1;
	}
	sqlite3_finalize(s);
	/* ad.idx: the administrator's index in the order above. */
	s = prep("WITH ad AS (SELECT id, row_number() OVER (ORDER BY code, ifnull(region, '')) - 1 AS idx "
	         "FROM administrators) "
	         "SELECT d.id, ad.idx, d.kind, d.number, d.status, d.posted, d.received, d.period, "
	         "d.year, ifnull(d.program_id, 0), ifnull(p.code, '') FROM documents d "
	         "JOIN ad ON ad.id = d.admin_id LEFT JOIN programs p ON p.id = d.program_id "
	         "WHERE d.kind IN ('financial-statements', 'audit-result', 'implementation-report', "
	         "'grant-report', 'passport')");
	while (sqlite3_step(s) == SQLITE_ROW) {
		size_t admin = (size_t)i64(s, C_ADMIN);
		int rule = 0;

		for (int r = 1; r <= RULES; r++)
			if (strcmp(col(s, C_KIND), rule_kind[r]) == 0)
				rule = r;
		if (rule != 0) {
			doc_row(s, rule, admin);
		} else if (sqlite3_column_int(s, C_YEAR) < today_y) {
			/* A passport of a closed year: the administrator ran the
			 * program that year, and owes its report (P-10) and, for a
			 * republican body, the year's consolidated statements (P-5). */
			struct ckey k = { P10, admin, sqlite3_column_int(s, C_YEAR), 0, i64(s, C_PROGRAM_ID), "" };
			struct ckey k5 = { P5, admin, k.year, 0, 0, "" };

			snprintf(k.program, sizeof k.program, "%s", col(s, C_PROGRAM));
			key_push(&cp.want, &cp.nwant, &k);
			if (strcmp(cp.admins[admin].level, "republican") == 0)
				key_push(&cp.want, &cp.nwant, &k5);
		}
	}
	sqlite3_finalize(s);
}

/* G: every month from an administrator's first report up to the last
 * month that has ended; then a row for each expected document that is not
 * in the database (not judged when its deadline falls before the first
 * loaded calendar year). */
static void compliance_missing(void)
{
	int y, m, d, last;

	civil_of(cp.today, &y, &m, &d);
	last = y * 12 + m - 2;
	for (size_t a = 0; a < cp.nadmins; a++)
		for (int mo = cp.admins[a].g_first; mo >= 0 && mo <= last; mo++) {
			struct ckey k = { G, a, mo / 12, mo % 12 + 1, 0, "" };

			key_push(&cp.want, &cp.nwant, &k);
		}
	if (cp.nhave > 0)
		qsort(cp.have, cp.nhave, sizeof *cp.have, key_cmp);
	if (cp.nwant > 0)
		qsort(cp.want, cp.nwant, sizeof *cp.want, key_cmp);
	for (size_t i = 0; i < cp.nwant; i++) {
		const struct ckey *k = &cp.want[i];
		int due_year = k->rule == G ? k->year + k->month / 12 : k->year + 1;
		struct crow *r;

		if (i > 0 && key_cmp(k, &cp.want[i - 1]) == 0)
			continue;
		if (cp.first_year == 0 || due_year < cp.first_year)
			continue;
		if (cp.nhave > 0 && bsearch(k, cp.have, cp.nhave, sizeof *cp.have, key_cmp) != NULL)
			continue;
		r = row_new();
		r->rule = k->rule;
		r->admin = k->admin;
		r->year = k->year;
		memcpy(r->program, k->program, sizeof r->program);
		if (k->rule == G)
			snprintf(r->period, sizeof r->period, "%04u-%02u", (unsigned)k->year % 10000u, (unsigned)k->month % 100u);
		r->state = -1;
	}
}

/* A deadline fixed as a date: that day when worked, else the next working day. */
static long fixed_date(int y, int m, int d)
{
	return y < 2000 || y > 2100 ? NODATE : next_workday(days_of(y, m, d));
}

/* core/deadline.h: the due date and the state, late or overdue working
 * days (at least 1) counted from the day after the due date. */
static void row_status(struct crow *r)
{
	long until;
	int y, m, n;

	if (r->state == S_UNKNOWN)
		return;
	switch (r->rule) {
	case P5:
		r->due = fixed_date(r->year + 1, 7, 5);
		break;
	case P7:
		r->due = add_workdays(r->received, 15);
		break;
	case P10:
		r->due = fixed_date(r->year + 1, 4, 1);
		break;
	default:
		r->due = period_parse(r->period, &y, &m) != 0 ? NODATE : fixed_date(y + m / 12, m % 12 + 1, 20);
	}
	if (r->due == NODATE) {
		r->state = S_UNKNOWN;
		return;
	}
	if (r->posted != NODATE && r->posted <= r->due) {
		r->state = S_ON_TIME;
		return;
	}
	if (r->posted == NODATE && cp.today <= r->due) {
		r->state = S_PENDING;
		return;
	}
	r->state = r->posted != NODATE ? S_LATE : S_MISSING;
	until = r->posted != NODATE ? r->posted : cp.today;
	if ((n = count_workdays(r->due + 1, until)) < 0)
		r->state = S_UNKNOWN;
	else
		r->days = n > 0 ? n : 1;
}

static int row_cmp(const void *pa, const void *pb)
{
	const struct crow *a = pa, *b = pb;
	int c;

	if (a->admin != b->admin)
		return a->admin < b->admin ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if ((c = strcmp(a->period, b->period)) != 0)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->received != b->received)
		return a->received < b->received ? -1 : 1;
	if ((c = strcmp(a->program, b->program)) != 0)
		return c;
	return strcmp(a->number, b->number);
}

static void counts_json(FILE *f[NLANG], const int *c)
{
	for (int s = S_PENDING; s < STATES; s++)
		both(f, ",\"%s\":%d", state_key[s], c[s]);
	both(f, ",\"%s\":%d", state_key[S_UNKNOWN], c[S_UNKNOWN]);
}

static void crow_json(FILE *f[NLANG], const struct crow *r)
{
	char buf[11];

	both(f, "{\"admin\":\"%s\"", cp.admins[r->admin].bin);
	if (r->doc_id != 0 && r->public_doc)
		both(f, ",\"number\":\"%s\",\"doc\":\"doc/%lld/%lld.html\"", r->number, r->doc_id / SHARD,
		     r->doc_id);
	if (r->year)
		both(f, ",\"year\":%d", r->year);
	if (r->program[0])
		both(f, ",\"program\":\"%s\"", r->program);
	if (r->period[0])
		both(f, ",\"period\":\"%s\"", r->period);
	if (r->received != NODATE)
		both(f, ",\"received\":\"%s\"", date_str(r->received, buf));
	if (r->due != NODATE)
		both(f, ",\"due\":\"%s\"", date_str(r->due, buf));
	if (r->posted != NODATE)
		both(f, ",\"posted\":\"%s\"", date_str(r->posted, buf));
	both(f, ",\"state\":\"%s\"", state_name[r->state]);
	if (r->days > 0)
		both(f, ",\"days\":%d", r->days);
	both(f, "}");
}

/* A rule: its totals, and per administrator either its counts (the summary,
 * detail 0) or its exceptions (the rule's page: late, missing, unknown;
 * on-time and pending documents are counted on the summary). */
static void rule_json(FILE *f[NLANG], int rule, int detail)
{
	int total[STATES] = { 0 }, first = 1;

	both(f, "{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"detail\":%s,\"%s\":[", rule_id[rule],
	     rule_page[rule], rule_kind[rule], detail ? "true" : "false", detail ? "rows" : "admins");
	for (size_t a = 0; a < cp.nadmins; a++) {
		const int *k = cp.admins[a].count[rule];
		int any = 0;

		for (int s = 0; s < STATES; s++) {
			total[s] += k[s];
			any += k[s];
		}
		if (any == 0)
			continue;
		if (!detail) {
			both(f, "%s{\"admin\":\"%s\"", first ? "" : ",", cp.admins[a].bin);
			counts_json(f, k);
			both(f, "}");
			first = 0;
			continue;
		}
		for (size_t i = 0; i < cp.nrows; i++)
			if (cp.rows[i].admin == a && cp.rows[i].rule == rule && cp.rows[i].state != S_ON_TIME &&
			    cp.rows[i].state != S_PENDING) {
				both(f, first ? "" : ",");
				crow_json(f, &cp.rows[i]);
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
	char day[11];
	FILE *f[NLANG];

	cp.first_year = cal.nyears > 0 ? cal.years[0] : 0;
	compliance_load();
	compliance_missing();
	for (size_t i = 0; i < cp.nrows; i++)
		row_status(&cp.rows[i]);
	if (cp.nrows > 0)
		qsort(cp.rows, cp.nrows, sizeof *cp.rows, row_cmp);
	for (size_t i = 0; i < cp.nrows; i++)
		cp.admins[cp.rows[i].admin].count[cp.rows[i].rule][cp.rows[i].state]++;

	section_open(f, "compliance", "compliance/");
	both(f, ",\"today\":\"%s\",\"rules\":[", date_str(cp.today, day));
	for (int r = 1; r <= RULES; r++) {
		both(f, r > 1 ? "," : "");
		rule_json(f, r, 0);
	}
	both(f, "]}\n");
	pair_close(f);
	for (int r = 1; r <= RULES; r++) {
		pair_open(f, "compliance/%s.md", rule_page[r]);
		both(f, "{\"rule\":\"%s\",\"today\":\"%s\",\"rules\":[", rule_id[r], day);
		rule_json(f, r, 1);
		both(f, "]}\n");
		pair_close(f);
	}
	printf("compliance rows %zu\n", cp.nrows);
}

/* ---- statistics of the discussion (generator/page_stats.c) ---- */

/* HMAC-SHA256 (FIPS 180-4, RFC 2104) for the operators' pseudonyms: obgen
 * shows an operator as 16 hex digits of HMAC-SHA256(pseudonym secret, IIN)
 * (core/nonce.h); this tool has no crypto library. */
struct sha256 {
	uint32_t h[8];
	unsigned char buf[64];
	uint64_t len;
};

static void sha256_block(struct sha256 *s, const unsigned char *p)
{
	static const uint32_t k[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
		0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
		0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
		0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
		0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
		0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
		0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
		0xc67178f2,
	};
#define ROR(x, n) ((x) >> (n) | (x) << (32 - (n)))
	uint32_t w[64], v[8];

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++)
		w[i] = w[i - 16] + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ w[i - 15] >> 3) + w[i - 7] +
		       (ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ w[i - 2] >> 10);
	memcpy(v, s->h, sizeof v);
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = v[7] + (ROR(v[4], 6) ^ ROR(v[4], 11) ^ ROR(v[4], 25)) +
		              ((v[4] & v[5]) ^ (~v[4] & v[6])) + k[i] + w[i];
		uint32_t t2 = (ROR(v[0], 2) ^ ROR(v[0], 13) ^ ROR(v[0], 22)) +
		              ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));

		memmove(v + 1, v, 7 * sizeof *v);
		v[4] += t1;
		v[0] = t1 + t2;
	}
#undef ROR
	for (int i = 0; i < 8; i++)
		s->h[i] += v[i];
}

static void sha256_init(struct sha256 *s)
{
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

	memcpy(s->h, h0, sizeof h0);
	s->len = 0;
}

static void sha256_add(struct sha256 *s, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++) {
		s->buf[s->len++ % 64] = p[i];
		if (s->len % 64 == 0)
			sha256_block(s, s->buf);
	}
}

static void sha256_end(struct sha256 *s, unsigned char out[32])
{
	uint64_t bits = s->len * 8;
	unsigned char pad = 0x80, len[8];

	sha256_add(s, &pad, 1);
	pad = 0;
	while (s->len % 64 != 56)
		sha256_add(s, &pad, 1);
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_add(s, len, 8);
	for (int i = 0; i < 32; i++)
		out[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

/* 16 hex digits of HMAC-SHA256(key[32], msg). */
static void pseudonym(const unsigned char key[32], const char *msg, char out[17])
{
	unsigned char pad[64], inner[32], mac[32];
	struct sha256 s;

	for (int pass = 0; pass < 2; pass++) {
		memset(pad, pass ? 0x5c : 0x36, sizeof pad);
		for (int i = 0; i < 32; i++)
			pad[i] ^= key[i];
		sha256_init(&s);
		sha256_add(&s, pad, sizeof pad);
		if (pass == 0)
			sha256_add(&s, msg, strlen(msg));
		else
			sha256_add(&s, inner, sizeof inner);
		sha256_end(&s, pass ? mac : inner);
	}
	for (int i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", mac[i]);
}

#define REASONS 7
static const char *const reasons[REASONS] = {
	"obscene", "insulting", "advertising", "spam", "off-topic", "duplicate", "other"
};

struct series {
	double *v;
	size_t n;
};

/* P-15 per operator, and for all ("who" empty). */
struct op {
	char iin[13], who[17];
	long long decisions, published, refused, reason[REASONS], overdue, unknown;
	struct series minutes, workdays;
};

static void series_add(struct series *s, double v)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = v;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median with one decimal as a JSON number, or null. */
static void jmedian(FILE *f, const char *key, struct series *s)
{
	jkey(f, 0, key);
	if (s->n == 0) {
		fputs("null", f);
		return;
	}
	qsort(s->v, s->n, sizeof *s->v, by_value);
	fprintf(f, "%.1f", s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2);
}

static void op_json(FILE *f[NLANG], const char *key, struct op *o)
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
		for (int i = 0; i < REASONS; i++)
			fprintf(f[l], "%s%lld", i ? "," : "", o->reason[i]);
		fputs("]}", f[l]);
	}
}

static int by_pseudonym(const void *a, const void *b)
{
	return strcmp(((const struct op *)a)->who, ((const struct op *)b)->who);
}

/* One moderation decision, counted for its operator and for all. */
static void on_decision(sqlite3_stmt *s, struct op *o, struct op *all, int *incomplete)
{
	long long t0 = utc_time(col(s, 3)), t1 = utc_time(col(s, 5));
	long r = date_parse(col(s, 4)), d = date_parse(col(s, 6)), due = NODATE;
	int wd = 0, known;

	/* P-15: due by the 2nd working day after the day of receipt; working
	 * days from the day after receipt to the decision day. */
	if (r != NODATE && d != NODATE)
		due = add_workdays(r, 2);
	if (due != NODATE && d > r)
		wd = count_workdays(r + 1, d);
	known = due != NODATE && wd >= 0;
	*incomplete |= !known;
	for (struct op *p = o; p != NULL; p = p == o ? all : NULL) {
		p->decisions++;
		if (strcmp(col(s, 1), "publish") == 0)
			p->published++;
		else
			p->refused++;
		for (int i = 0; i < REASONS; i++)
			if (col(s, 2) != NULL && strcmp(col(s, 2), reasons[i]) == 0)
				p->reason[i]++;
		if (t0 >= 0 && t1 >= t0)
			series_add(&p->minutes, (double)(t1 - t0) / 60);
		if (known)
			series_add(&p->workdays, wd);
		p->overdue += known && d > due;
		p->unknown += !known;
	}
}

/* /L/stats/: moderation per operator (P-15), answers per administrator
 * (P-16), as of today. */
static void stats_write(void)
{
	sqlite3_stmt *s;
	struct op *ops = NULL, all = { .decisions = 0 };
	size_t nops = 0;
	unsigned char key[32] = { 0 };
	long long pending = 0, overdue = 0, unknown = 0;
	int incomplete = 0, first = 1;
	char day[11];
	FILE *f[NLANG];

	s = prep("SELECT value FROM secrets WHERE name = 'pseudonym'");
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_bytes(s, 0) == 32)
		memcpy(key, sqlite3_column_blob(s, 0), 32);
	sqlite3_finalize(s);
	s = prep("SELECT m.operator_iin, m.decision, m.reason, p.received, p.day, m.decided, m.day "
	         "FROM moderation m JOIN proposals p ON p.id = m.proposal_id "
	         "JOIN documents d ON d.id = p.doc_id WHERE " PUBLIC " ORDER BY m.decided, p.id");
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *iin = col(s, 0) ? col(s, 0) : "";
		size_t i = 0;

		while (i < nops && strcmp(ops[i].iin, iin) != 0)
			i++;
		if (i == nops) {
			ops = xrealloc(ops, ++nops * sizeof *ops);
			memset(&ops[i], 0, sizeof ops[i]);
			snprintf(ops[i].iin, sizeof ops[i].iin, "%s", iin);
			pseudonym(key, iin, ops[i].who);
		}
		on_decision(s, &ops[i], &all, &incomplete);
	}
	sqlite3_finalize(s);
	s = prep("SELECT p.day FROM proposals p JOIN documents d ON d.id = p.doc_id "
	         "WHERE p.status = 'pending' AND " PUBLIC " ORDER BY p.day, p.id");
	while (sqlite3_step(s) == SQLITE_ROW) {
		long r = date_parse(col(s, 0)), due = r != NODATE ? add_workdays(r, 2) : NODATE;

		pending++;
		if (due == NODATE) {
			unknown++;
			incomplete = 1;
		} else if (cp.today > due) {
			overdue++;
		}
	}
	sqlite3_finalize(s);
	if (nops > 0)
		qsort(ops, nops, sizeof *ops, by_pseudonym);

	section_open(f, "stats", NULL);
	both(f, ",\"today\":\"%s\",\"incomplete\":%s,\"pending\":%lld,\"pending_overdue\":%lld,"
	     "\"pending_unknown\":%lld", date_str(cp.today, day), incomplete ? "true" : "false",
	     pending, overdue, unknown);
	op_json(f, "total", &all);
	both(f, ",\"operators\":[");
	for (size_t i = 0; i < nops; i++) {
		both(f, i ? "," : "");
		op_json(f, NULL, &ops[i]);
		free(ops[i].minutes.v);
		free(ops[i].workdays.v);
	}
	free(ops);
	free(all.minutes.v);
	free(all.workdays.v);

	/* P-16: answered during the period when on or before its last day. */
	both(f, "],\"answers\":[");
	s = prep("SELECT a.bin, x.* FROM (SELECT d.admin_id, count(*), count(a.proposal_id), "
	         "ifnull(sum(a.decision = 'accepted'), 0), "
	         "ifnull(sum(a.proposal_id IS NOT NULL AND d.discussion_end IS NOT NULL "
	         "AND a.day > d.discussion_end), 0), "
	         "ifnull(sum(a.proposal_id IS NULL), 0), "
	         "ifnull(sum(a.proposal_id IS NULL AND (d.status = 'discussion-closed' "
	         "OR (d.discussion_end IS NOT NULL AND d.discussion_end < ?1))), 0) "
	         "FROM proposals p JOIN documents d ON d.id = p.doc_id "
	         "LEFT JOIN answers a ON a.proposal_id = p.id "
	         "WHERE p.status = 'published' AND " PUBLIC " GROUP BY d.admin_id) x "
	         "JOIN administrators a ON a.id = x.admin_id ORDER BY a.code, a.bin");
	sqlite3_bind_text(s, 1, day, -1, SQLITE_STATIC);
	{
		static const char *const keys[6] = { "published", "answered", "accepted", "late",
		                                     "unanswered", "unanswered_ended" };
		long long sum[6] = { 0 };

		while (sqlite3_step(s) == SQLITE_ROW) {
			both(f, "%s{\"admin\":\"%s\"", first ? "" : ",", col(s, 0));
			for (int k = 0; k < 6; k++) {
				both(f, ",\"%s\":%lld", keys[k], i64(s, 2 + k));
				sum[k] += i64(s, 2 + k);
			}
			both(f, "}");
			first = 0;
		}
		both(f, "],\"answers_total\":{");
		for (int k = 0; k < 6; k++)
			both(f, "%s\"%s\":%lld", k ? "," : "", keys[k], sum[k]);
	}
	sqlite3_finalize(s);
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
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(argv[1]);
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);  /* one snapshot for every page */
	cp.today = today();
	calendar_load();
	ref_write();
	docs_write();
	reports_write();
	programs_write();
	charts_write();
	catalogue_write();
	compliance_write();
	stats_write();
	sections_write();
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}
