/* obctl demo: the word lists of data/demo/.  Plain UTF-8 text, one row a
 * line, fields separated by '|', '#' starts a comment line.  Every Kazakh
 * and Russian word the generator writes comes from here; the C code holds
 * only template keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"
#include "text.h"
#include "xmlin.h"

static const struct {
	const char *file;
	int nf;
} lists[L_COUNT] = {
	[L_CENTRAL] = { "central.txt", 7 },
	[L_LOCAL] = { "local.txt", 6 },
	[L_FGROUPS] = { "fgroups.txt", 2 },
	[L_PROGRAMS] = { "programs.txt", 5 },
	[L_QUALIFIERS] = { "qualifiers.txt", 3 },
	[L_SUBPROGRAMS] = { "subprograms.txt", 3 },
	[L_GOALS] = { "goals.txt", 3 },
	[L_TASKS] = { "tasks.txt", 3 },
	[L_EXPECTED] = { "expected.txt", 3 },
	[L_FINAL] = { "final.txt", 8 },
	[L_DIRECT] = { "direct.txt", 8 },
	[L_BASIS] = { "basis.txt", 3 },
	[L_REASONS] = { "reasons.txt", 3 },
	[L_AUDIT] = { "audit.txt", 3 },
	[L_AUDITORS] = { "auditors.txt", 3 },
	[L_SYSTEMS] = { "systems.txt", 4 },
	[L_INVEST] = { "invest.txt", 3 },
	[L_NAMES] = { "names.txt", 2 },
	[L_POSITIONS] = { "positions.txt", 3 },
	[L_TEMPLATES] = { "templates.txt", 3 },
};

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int list_load(struct demo_list *l, const char *dir, const char *file, int nf)
{
	struct ob_err err = { 0 };
	char path[4096], *line, *next;
	size_t len, bad, cap = 0;
	int lineno = 0;

	l->file = file;
	l->nf = nf;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((l->text = file_read_all(path, 4u << 20, &len, &err)) == NULL) {
		fprintf(stderr, "obctl demo: %s: %s\n", path, err.msg);
		return -1;
	}
	if (utf8_validate(l->text, len, &bad) != 0) {
		fprintf(stderr, "obctl demo: %s:%d: invalid UTF-8\n", path, text_line_at(l->text, bad));
		return -1;
	}
	for (line = l->text; line != NULL; line = next) {
		char *s, *field;
		int k = 0;

		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (l->n == cap) {
			char **f;
			int *ln;

			cap = cap ? cap * 2 : 64;
			if ((f = realloc(l->f, cap * (size_t)nf * sizeof *f)) == NULL)
				return -1;
			l->f = f;
			if ((ln = realloc(l->line, cap * sizeof *ln)) == NULL)
				return -1;
			l->line = ln;
		}
		for (field = s; field != NULL; k++) {
			char *bar = strchr(field, '|');

			if (bar != NULL)
				*bar++ = '\0';
			if (k < nf)
				DEMO_F(l, l->n, k) = trim(field);
			field = bar;
		}
		if (k != nf) {
			fprintf(stderr, "obctl demo: %s:%d: %d fields, expected %d\n", path, lineno, k, nf);
			return -1;
		}
		for (k = 0; k < nf; k++)
			if (*DEMO_F(l, l->n, k) == '\0') {
				fprintf(stderr, "obctl demo: %s:%d: field %d is empty\n", path, lineno, k + 1);
				return -1;
			}
		l->line[l->n++] = lineno;
	}
	if (l->n == 0) {
		fprintf(stderr, "obctl demo: %s: no rows\n", path);
		return -1;
	}
	return 0;
}

struct tpl_row {
	char *f[3];
	int line;
};

static int tpl_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tpl_row *)a)->f[0], ((const struct tpl_row *)b)->f[0]);
}

/* Templates sorted by key for bsearch; a key given twice is an error. */
static int templates_sort(struct demo_list *l, const char *dir)
{
	struct tpl_row *rows = malloc(l->n * sizeof *rows);

	if (rows == NULL)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		for (int k = 0; k < 3; k++)
			rows[i].f[k] = DEMO_F(l, i, k);
		rows[i].line = l->line[i];
	}
	qsort(rows, l->n, sizeof *rows, tpl_cmp);
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0 && strcmp(rows[i].f[0], rows[i - 1].f[0]) == 0) {
			fprintf(stderr, "obctl demo: %s/%s:%d: key %s is given twice\n", dir, l->file,
			        rows[i].line, rows[i].f[0]);
			free(rows);
			return -1;
		}
		for (int k = 0; k < 3; k++)
			DEMO_F(l, i, k) = rows[i].f[k];
		l->line[i] = rows[i].line;
	}
	free(rows);
	return 0;
}

int demo_words_load(struct demo *d, const char *dir)
{
	for (int i = 0; i < L_COUNT; i++)
		if (list_load(&d->l[i], dir, lists[i].file, lists[i].nf) != 0)
			return -1;
	return templates_sort(&d->l[L_TEMPLATES], dir);
}

void demo_words_free(struct demo *d)
{
	for (int i = 0; i < L_COUNT; i++) {
		free(d->l[i].f);
		free(d->l[i].line);
		free(d->l[i].text);
		memset(&d->l[i], 0, sizeof d->l[i]);
	}
}

static int key_cmp(const void *key, const void *row)
{
	return strcmp(key, *(char *const *)row);
}

const char *demo_tpl(struct demo *d, const char *key, int lang)
{
	const struct demo_list *l = &d->l[L_TEMPLATES];
	char **row = bsearch(key, l->f, l->n, 3 * sizeof *l->f, key_cmp);

	if (row == NULL) {
		if (d->missing == NULL)
			d->missing = key;
		return "";
	}
	return row[lang == DEMO_RU ? 2 : 1];
}

size_t demo_rows_for(const struct demo *d, int id, const char *sel, size_t *out, size_t max)
{
	const struct demo_list *l = &d->l[id];
	size_t n = 0;

	for (size_t i = 0; i < l->n && n < max; i++) {
		const char *f0 = DEMO_F(l, i, 0);

		if (strcmp(f0, "*") == 0 || strcmp(f0, sel) == 0)
			out[n++] = i;
	}
	return n;
}
