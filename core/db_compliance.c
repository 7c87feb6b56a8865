/* SQL and assembly of the compliance data (db_compliance.h): the documents
 * of P-5, P-7, P-10 and G with their due dates and statuses, plus the
 * documents the rules expect and nobody posted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_compliance.h"
#include "db_stmt.h"

/* A document a rule expects or a document present, as a comparable key. */
struct key {
	enum deadline_rule rule;
	size_t admin;
	int year, month;       /* P-5, P-10: the fiscal year; G: the period */
	long long program_id;  /* P-10 */
	char program[4];
};

struct keys {
	struct key *v;
	size_t n, cap;
};

struct build {
	struct compliance *c;
	const struct calendar *cal;
	int first_year;        /* the first loaded calendar year, 0 when none */
	int *g_first;          /* per administrator: first G month (y * 12 + m - 1), -1 none */
	struct keys have, want;
	size_t caprows;
};

static int nomem(struct ob_err *err)
{
	ob_err_set(err, "nomem", 0, "out of memory");
	return -1;
}

static const char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? (const char *)t : "";
}

static int key_cmp(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;

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

/* p with room for element n (cap allocated so far), or NULL. */
static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 64;

	if (n < *cap)
		return p;
	if ((p = realloc(p, ncap * size)) != NULL)
		*cap = ncap;
	return p;
}

static int key_push(struct keys *k, const struct key *v, struct ob_err *err)
{
	struct key *p = grow(k->v, &k->cap, k->n, sizeof *p);

	if (p == NULL)
		return nomem(err);
	k->v = p;
	k->v[k->n++] = *v;
	return 0;
}

static struct compliance_row *row_new(struct build *b, struct ob_err *err)
{
	struct compliance *c = b->c;
	struct compliance_row *p = grow(c->rows, &b->caprows, c->nrows, sizeof *p);

	if (p == NULL) {
		nomem(err);
		return NULL;
	}
	c->rows = p;
	memset(&c->rows[c->nrows], 0, sizeof c->rows[0]);
	return &c->rows[c->nrows++];
}

static void row_fail(struct compliance_row *r, const struct ob_err *e)
{
	size_t n;

	r->status.state = DEADLINE_UNKNOWN;
	r->status.late_days = 0;
	snprintf(r->err_code, sizeof r->err_code, "%s", e->code);
	/* Truncated when longer: the messages of deadline.h fit. */
	n = strnlen(e->msg, sizeof r->err_msg - 1);
	memcpy(r->err_msg, e->msg, n);
	r->err_msg[n] = '\0';
}

static int load_admins(struct store *st, struct build *b, struct ob_err *err)
{
	struct compliance *c = b->c;
	sqlite3_stmt *s = store_stmt(st, ST_COMPL_ADMINS,
	        "SELECT id, code, ifnull(region, ''), level, name_kk, name_ru FROM administrators "
	        "ORDER BY code, ifnull(region, '')", err);
	size_t cap = 0;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct compliance_admin *a = grow(c->admins, &cap, c->nadmins, sizeof *a);

		if (a == NULL) {
			nomem(err);
			goto fail;
		}
		c->admins = a;
		a = &c->admins[c->nadmins++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(s, 0);
		snprintf(a->code, sizeof a->code, "%s", col_text(s, 1));
		snprintf(a->region, sizeof a->region, "%s", col_text(s, 2));
		snprintf(a->level, sizeof a->level, "%s", col_text(s, 3));
		if ((a->name_kk = strdup(col_text(s, 4))) == NULL ||
		    (a->name_ru = strdup(col_text(s, 5))) == NULL) {
			nomem(err);
			goto fail;
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "administrators");
	if ((b->g_first = calloc(c->nadmins + 1, sizeof *b->g_first)) == NULL)
		return nomem(err);
	for (size_t i = 0; i < c->nadmins; i++)
		b->g_first[i] = -1;
	return 0;
fail:
	sqlite3_reset(s);
	return -1;
}

/* One document row of P-5, P-7, P-10 or G, and the key saying it exists. */
static int doc_row(struct build *b, sqlite3_stmt *s, enum deadline_rule rule, size_t admin,
                   struct ob_err *err)
{
	struct compliance_row *r = row_new(b, err);
	struct key k = { rule, admin, 0, 0, 0, "" };
	struct ob_err e = { 0 };
	const char *posted = col_text(s, 5), *received = col_text(s, 6), *period = col_text(s, 7);

	if (r == NULL)
		return -1;
	r->rule = rule;
	r->admin = admin;
	r->doc_id = sqlite3_column_int64(s, 0);
	snprintf(r->number, sizeof r->number, "%s", col_text(s, 3));
	snprintf(r->doc_status, sizeof r->doc_status, "%s", col_text(s, 4));
	r->year = sqlite3_column_int(s, 8);
	r->program_id = sqlite3_column_int64(s, 9);
	snprintf(r->program, sizeof r->program, "%s", col_text(s, 10));
	/* A draft is not published, whatever date it carries. */
	if (strcmp(r->doc_status, "draft") != 0 && date_parse(posted, &r->posted) != 0)
		ob_err_set(&e, "date-invalid", 0, "%s: posted \"%s\" is not a date", r->number, posted);
	if (rule == DEADLINE_P7 && date_parse(received, &r->received) != 0)
		ob_err_set(&e, "date-invalid", 0, "%s: received \"%s\" is not a date", r->number, received);
	if (rule == DEADLINE_G) {
		snprintf(r->period, sizeof r->period, "%s", period);
		if (deadline_period_parse(period, &k.year, &k.month, &e) == 0) {
			int m = k.year * 12 + k.month - 1;

			if (b->g_first[admin] < 0 || m < b->g_first[admin])
				b->g_first[admin] = m;
		}
	} else if (rule == DEADLINE_P5 || rule == DEADLINE_P10) {
		k.year = r->year;
	}
	if (rule == DEADLINE_P10) {
		k.program_id = r->program_id;
		memcpy(k.program, r->program, sizeof k.program);
	}
	if (e.code[0] != '\0')
		row_fail(r, &e);
	return key_push(&b->have, &k, err);
}

static int load_docs(struct store *st, struct build *b, struct ob_err *err)
{
	/* ad.idx: the administrator's index in the order of load_admins. */
	sqlite3_stmt *s = store_stmt(st, ST_COMPL_DOCS,
	        "WITH ad AS (SELECT id, row_number() OVER (ORDER BY code, ifnull(region, '')) - 1 AS idx "
	        "FROM administrators) "
	        "SELECT d.id, ad.idx, d.kind, d.number, d.status, d.posted, d.received, d.period, "
	        "d.year, ifnull(d.program_id, 0), ifnull(p.code, '') FROM documents d "
	        "JOIN ad ON ad.id = d.admin_id LEFT JOIN programs p ON p.id = d.program_id "
	        "WHERE d.kind IN ('financial-statements', 'audit-result', 'implementation-report', "
	        "'grant-report', 'passport')", err);
	int rc, today_y = b->c->today.y;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		enum deadline_rule rule = deadline_rule_of_kind(col_text(s, 2));
		long long admin = sqlite3_column_int64(s, 1);

		if (admin < 0 || (size_t)admin >= b->c->nadmins)
			continue;  /* not in load_admins: impossible in one snapshot */
		if (rule != 0) {
			if (doc_row(b, s, rule, admin, err) != 0)
				goto fail;
		} else if (sqlite3_column_int(s, 8) < today_y) {
			/* A passport of a closed year: the administrator ran the
			 * program that year, and owes its report (P-10) and, for a
			 * republican body, the year's consolidated statements (P-5). */
			struct key k = { DEADLINE_P10, admin, sqlite3_column_int(s, 8), 0,
			                 sqlite3_column_int64(s, 9), "" };
			struct key k5 = { DEADLINE_P5, admin, k.year, 0, 0, "" };

			snprintf(k.program, sizeof k.program, "%s", col_text(s, 10));
			if (key_push(&b->want, &k, err) != 0 ||
			    (strcmp(b->c->admins[admin].level, "republican") == 0 &&
			     key_push(&b->want, &k5, err) != 0))
				goto fail;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "documents");
fail:
	sqlite3_reset(s);
	return -1;
}

/* G: every month from an administrator's first report up to the last month
 * that has ended. */
static int want_g(struct build *b, struct ob_err *err)
{
	int last = b->c->today.y * 12 + b->c->today.m - 2;

	for (size_t a = 0; a < b->c->nadmins; a++)
		for (int m = b->g_first[a]; m >= 0 && m <= last; m++) {
			struct key k = { DEADLINE_G, a, m / 12, m % 12 + 1, 0, "" };

			if (key_push(&b->want, &k, err) != 0)
				return -1;
		}
	return 0;
}

/* The year in which an expected document's deadline falls. */
static int due_year(const struct key *k)
{
	return k->rule == DEADLINE_G ? k->year + k->month / 12 : k->year + 1;
}

/* A row for each expected document that is not in the database. */
static int add_missing(struct build *b, struct ob_err *err)
{
	/* An empty list has no array: qsort(NULL, 0) is undefined (UBSan). */
	if (b->have.n > 0)
		qsort(b->have.v, b->have.n, sizeof *b->have.v, key_cmp);
	if (b->want.n > 0)
		qsort(b->want.v, b->want.n, sizeof *b->want.v, key_cmp);
	for (size_t i = 0; i < b->want.n; i++) {
		const struct key *k = &b->want.v[i];
		struct compliance_row *r;

		if (i > 0 && key_cmp(k, &b->want.v[i - 1]) == 0)
			continue;
		if (b->first_year == 0 || due_year(k) < b->first_year)
			continue;
		if (b->have.n > 0 && bsearch(k, b->have.v, b->have.n, sizeof *b->have.v, key_cmp) != NULL)
			continue;
		if ((r = row_new(b, err)) == NULL)
			return -1;
		r->rule = k->rule;
		r->admin = k->admin;
		r->year = k->year;
		r->program_id = k->program_id;
		memcpy(r->program, k->program, sizeof r->program);
		if (k->rule == DEADLINE_G) {
			char ds[DATE_STRLEN];

			/* YYYY-MM of the first of the month: date_format's bounds. */
			memcpy(r->period, date_format((struct ob_date){ k->year, k->month, 1 }, ds), 7);
			r->period[7] = '\0';
		}
	}
	return 0;
}

static void row_status(const struct build *b, struct compliance_row *r)
{
	struct deadline_doc dd = { r->year, r->received, 0, 0 };
	struct ob_err e = { 0 };

	if (r->err_code[0] != '\0')
		return;
	if ((r->rule == DEADLINE_G &&
	     deadline_period_parse(r->period, &dd.period_year, &dd.period_month, &e) != 0) ||
	    deadline_due(b->cal, r->rule, &dd, &r->due, &e) != 0 ||
	    deadline_status(b->cal, r->due, r->posted.y != 0 ? &r->posted : NULL, b->c->today,
	                    &r->status, &e) != 0)
		row_fail(r, &e);
}

static int row_cmp(const void *pa, const void *pb)
{
	const struct compliance_row *a = pa, *b = pb;
	int c;

	if (a->admin != b->admin)
		return a->admin < b->admin ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if ((c = strcmp(a->period, b->period)) != 0)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if ((c = date_cmp(a->received, b->received)) != 0)
		return c;
	if ((c = strcmp(a->program, b->program)) != 0)
		return c;
	return strcmp(a->number, b->number);
}

/* Statuses, order, and each administrator's slice and counts. */
static void finish(struct build *b)
{
	struct compliance *c = b->c;

	for (size_t i = 0; i < c->nrows; i++)
		row_status(b, &c->rows[i]);
	if (c->nrows > 0)
		qsort(c->rows, c->nrows, sizeof *c->rows, row_cmp);
	for (size_t i = 0; i < c->nrows; i++) {
		const struct compliance_row *r = &c->rows[i];
		struct compliance_admin *a = &c->admins[r->admin];

		if (a->nrows++ == 0)
			a->first = i;
		a->count[r->rule][r->status.state]++;
	}
	for (size_t a = 0; a < c->nadmins; a++)
		if (c->admins[a].nrows == 0)
			c->admins[a].first = c->nrows;
}

int db_compliance_load(struct store *st, const struct calendar *cal, struct ob_date today,
                       struct compliance **out, struct ob_err *err)
{
	struct build b = { 0 };
	int rc = -1;

	*out = NULL;
	if (st == NULL || cal == NULL) {
		ob_err_set(err, "argument", 0, "no database or no calendar");
		return -1;
	}
	if (!date_valid(today)) {
		ob_err_set(err, "date-invalid", 0, "today is not a date");
		return -1;
	}
	if ((b.c = calloc(1, sizeof *b.c)) == NULL)
		return nomem(err);
	b.c->today = today;
	b.cal = cal;
	if (calendar_years(cal, &b.first_year, 1) == 0)
		b.first_year = 0;
	/* One snapshot for both reads: the documents query numbers the
	 * administrators as load_admins does.  A savepoint, because the caller
	 * may or may not be in a transaction already. */
	if (sqlite3_exec(store_db(st), "SAVEPOINT compliance", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(st, err, "savepoint");
		goto out;
	}
	rc = load_admins(st, &b, err) != 0 || load_docs(st, &b, err) != 0 ? -1 : 0;
	sqlite3_exec(store_db(st), "RELEASE compliance", NULL, NULL, NULL);
	if (rc != 0 || want_g(&b, err) != 0 || add_missing(&b, err) != 0) {
		rc = -1;
		goto out;
	}
	finish(&b);
	*out = b.c;
	b.c = NULL;
	rc = 0;
out:
	compliance_free(b.c);
	free(b.g_first);
	free(b.have.v);
	free(b.want.v);
	return rc;
}

void compliance_free(struct compliance *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nadmins; i++) {
		free(c->admins[i].name_kk);
		free(c->admins[i].name_ru);
	}
	free(c->admins);
	free(c->rows);
	free(c);
}
