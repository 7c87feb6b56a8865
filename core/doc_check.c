/* Business checks of a document that the XSD cannot express, one function
 * per rule, run in table order; the first failure is reported with the line
 * it comes from.  Checks that need the database (known codes, unique
 * number) are in db_documents.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"

typedef int (*check_fn)(const struct doc *d, struct ob_err *err);

static int bi_check(const struct bi *b, const char *what, struct ob_err *err)
{
	if (b->kk == NULL && b->ru == NULL)
		return 0;  /* an optional text that is absent */
	if (text_blank(b->kk) || text_blank(b->ru)) {
		ob_err_set(err, "missing-language", b->line, "%s has no %s text", what,
		           text_blank(b->kk) ? "Kazakh (kk)" : "Russian (ru)");
		return -1;
	}
	return 0;
}

/* P-3: everything is published in Kazakh and Russian. */
static int check_bilingual(const struct doc *d, struct ob_err *err)
{
	if (bi_check(&d->title, "the title", err) || bi_check(&d->head, "the head of the program", err))
		return -1;
	for (size_t i = 0; i < d->nparts; i++)
		if (bi_check(&d->parts[i].title, "a part title", err) ||
		    bi_check(&d->parts[i].text, "a part text", err))
			return -1;
	for (size_t i = 0; i < d->nrows; i++)
		if (bi_check(&d->rows[i].name, "a row name", err) ||
		    bi_check(&d->rows[i].extra, "a row unit or reason", err))
			return -1;
	return 0;
}

/* Structural parts carry stable ids: their keys must be unique. */
static int check_part_keys(const struct doc *d, struct ob_err *err)
{
	for (size_t i = 0; i < d->nparts; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->parts[i].key, d->parts[j].key) == 0) {
				ob_err_set(err, "duplicate-part", d->parts[i].line,
				           "part key \"%s\" is used twice", d->parts[i].key);
				return -1;
			}
	return 0;
}

/* Only expense indicators add up; result indicators have units. */
static int summable(const struct doc *d, const struct doc_row *r)
{
	return d->table != TBL_INDICATORS || strcmp(r->kind, "expense") == 0;
}

/* A total row equals the sum of the other rows, column by column, exactly. */
static int check_totals(const struct doc *d, struct ob_err *err)
{
	const struct doc_row *total = NULL;

	for (size_t i = 0; i < d->nrows; i++) {
		if (!d->rows[i].total)
			continue;
		if (total != NULL) {
			ob_err_set(err, "totals", d->rows[i].line, "a table has one total row at most");
			return -1;
		}
		total = &d->rows[i];
	}
	if (total == NULL)
		return 0;
	for (int c = 0; doc_table_col(d->table, c) != NULL; c++) {
		long long sum = 0;

		if (!(total->have & (1u << c)))
			continue;
		for (size_t i = 0; i < d->nrows; i++) {
			const struct doc_row *r = &d->rows[i];

			if (r->total || !summable(d, r))
				continue;
			if (__builtin_add_overflow(sum, r->v[c], &sum)) {
				ob_err_set(err, "totals", r->line, "the sum of %s overflows", doc_table_col(d->table, c));
				return -1;
			}
		}
		if (sum != total->v[c]) {
			ob_err_set(err, "totals", total->line,
			           "total %s is %lld.%03lld but the rows add up to %lld.%03lld",
			           doc_table_col(d->table, c), total->v[c] / 1000, llabs(total->v[c] % 1000),
			           sum / 1000, llabs(sum % 1000));
			return -1;
		}
	}
	return 0;
}

/* P-10: not executed = corrected plan - executed, and it splits into
 * savings and under-execution, which the report keeps apart. */
static int check_execution(const struct doc *d, struct ob_err *err)
{
	enum { APPROVED, SPECIFIED, CORRECTED, EXECUTED, NOT_EXECUTED, SAVINGS, UNDER };

	if (d->table != TBL_EXECUTION)
		return 0;
	for (size_t i = 0; i < d->nrows; i++) {
		const long long *v = d->rows[i].v;

		if (v[NOT_EXECUTED] != v[CORRECTED] - v[EXECUTED]) {
			ob_err_set(err, "execution-balance", d->rows[i].line,
			           "not-executed must equal corrected minus executed");
			return -1;
		}
		if (v[SAVINGS] + v[UNDER] != v[NOT_EXECUTED]) {
			ob_err_set(err, "execution-balance", d->rows[i].line,
			           "savings plus under-execution must equal not-executed");
			return -1;
		}
	}
	return 0;
}

/* P-10: a report on a program with budget investment projects comes with
 * the materials that confirm them. */
static int check_evidence(const struct doc *d, struct ob_err *err)
{
	if (d->kind != DK_IMPL_REPORT || !d->investment)
		return 0;
	for (size_t i = 0; i < d->natt; i++)
		if (strcmp(d->att[i].role, "investment-evidence") == 0)
			return 0;
	ob_err_set(err, "evidence-missing", d->line,
	           "a report with budget investment projects needs an attachment with role=\"investment-evidence\" (P-10)");
	return -1;
}

/* P-9, P-10: a document in (or after) discussion has its end date, after
 * the posting day.  The 10-working-day minimum is checked against the
 * calendar when the discussion is opened. */
static int check_discussion(const struct doc *d, struct ob_err *err)
{
	int discussed = strcmp(d->status, "in-discussion") == 0 ||
	                strcmp(d->status, "discussion-closed") == 0;

	if (d->kind != DK_PASSPORT && d->kind != DK_IMPL_REPORT) {
		if (discussed || d->discussion_end[0] != '\0') {
			ob_err_set(err, "discussion", d->line, "only passports and implementation reports are discussed (P-9, P-10)");
			return -1;
		}
		return 0;
	}
	if (discussed && d->discussion_end[0] == '\0') {
		ob_err_set(err, "discussion", d->line, "status %s needs discussion-end", d->status);
		return -1;
	}
	if (d->discussion_end[0] != '\0' && strcmp(d->discussion_end, d->posted) <= 0) {
		ob_err_set(err, "discussion", d->line, "discussion-end %s is not after posted %s",
		           d->discussion_end, d->posted);
		return -1;
	}
	return 0;
}

/* The document's dates belong to its fiscal year's neighbourhood. */
static int check_dates(const struct doc *d, struct ob_err *err)
{
	int posted = atoi(d->posted);

	if (posted < d->year - 1 || posted > d->year + 2) {
		ob_err_set(err, "date", d->line, "posted %s is far from fiscal year %d", d->posted, d->year);
		return -1;
	}
	if (d->kind == DK_AUDIT_RESULT && strcmp(d->received, d->posted) > 0) {
		ob_err_set(err, "date", d->line, "posted %s is before received %s", d->posted, d->received);
		return -1;
	}
	return 0;
}

static const struct {
	const char *name;
	check_fn fn;
} checks[] = {
	{ "bilingual", check_bilingual },
	{ "part-keys", check_part_keys },
	{ "execution", check_execution },  /* rows first: their totals then mean something */
	{ "totals", check_totals },
	{ "evidence", check_evidence },
	{ "discussion", check_discussion },
	{ "dates", check_dates },
};

int doc_check(const struct doc *d, struct ob_err *err)
{
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if (checks[i].fn(d, err) != 0)
			return -1;
	return 0;
}
