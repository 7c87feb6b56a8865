/* A budget program's history across years, P-9 and P-10
 * (program_history.h). */
#include <stdlib.h>
#include <string.h>

#include "db_site.h"
#include "program_history.h"

struct load {
	struct program_history *h;
	struct ob_err *err;
};

static int nomem(struct ob_err *err)
{
	ob_err_set(err, "io", 0, "out of memory");
	return -1;
}

/* v (n elements of size, room for *cap) with room for one more: v itself,
 * or a larger copy; NULL when out of memory (v is left as it was). */
static void *grow(void *v, size_t n, size_t *cap, size_t size)
{
	size_t c = *cap ? *cap * 2 : 8;

	if (n < *cap)
		return v;
	if ((v = realloc(v, c * size)) != NULL)
		*cap = c;
	return v;
}

/* A copy of s; NULL stays NULL. */
static int copy(char **out, const char *s)
{
	*out = NULL;
	return s != NULL && (*out = strdup(s)) == NULL ? -1 : 0;
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* P-9: indicators are matched across years by kind, subprogram (none is
 * the same as empty) and both names.  Rows arrive by year, then posting
 * date and document: a year is new unless it is the last one added, and a
 * later passport of the same year replaces the earlier one's values (it can
 * only be the last value). */
static int on_indicator(const struct site_indicator *r, void *arg)
{
	struct load *ld = arg;
	struct program_history *h = ld->h;
	struct ph_indicator *id = NULL;
	struct ph_value *v;

	for (size_t k = 0; k < h->nids && id == NULL; k++)
		if (same(h->ids[k].kind, r->kind) && same(h->ids[k].subprogram, r->subprogram) &&
		    same(h->ids[k].name[0], r->name[0]) && same(h->ids[k].name[1], r->name[1]))
			id = &h->ids[k];
	if (id == NULL) {
		if ((id = grow(h->ids, h->nids, &h->icap, sizeof *id)) == NULL)
			return nomem(ld->err);
		h->ids = id;
		id = &h->ids[h->nids++];
		memset(id, 0, sizeof *id);
		if (copy(&id->kind, r->kind) != 0 || copy(&id->subprogram, r->subprogram) != 0 ||
		    copy(&id->name[0], r->name[0]) != 0 || copy(&id->name[1], r->name[1]) != 0 ||
		    copy(&id->unit[0], r->unit[0]) != 0 || copy(&id->unit[1], r->unit[1]) != 0)
			return nomem(ld->err);
	}
	if (h->nyears == 0 || h->years[h->nyears - 1] != r->year) {
		int *y = grow(h->years, h->nyears, &h->ycap, sizeof *y);

		if (y == NULL)
			return nomem(ld->err);
		h->years = y;
		h->years[h->nyears++] = r->year;
	}
	if (id->nvals == 0 || id->vals[id->nvals - 1].year != r->year) {
		if ((v = grow(id->vals, id->nvals, &id->cap, sizeof *v)) == NULL)
			return nomem(ld->err);
		id->vals = v;
		id->nvals++;
	}
	v = &id->vals[id->nvals - 1];
	v->year = r->year;
	for (int k = 0; k < 5; k++) {
		v->has[k] = r->has[k];
		v->v[k] = r->v[k];
	}
	return 0;
}

/* P-10: plan against execution, the total row of each year's latest
 * implementation report (rows arrive by year: the later report of a year
 * replaces the last row).  max covers every row read. */
static int on_exec(const struct site_exec *r, void *arg)
{
	struct load *ld = arg;
	struct program_history *h = ld->h;

	if (h->nexec == 0 || h->exec[h->nexec - 1].year != r->year) {
		struct ph_execution *e = grow(h->exec, h->nexec, &h->ecap, sizeof *e);

		if (e == NULL)
			return nomem(ld->err);
		h->exec = e;
		h->nexec++;
	}
	h->exec[h->nexec - 1] = (struct ph_execution){ r->year, r->approved, r->corrected, r->executed,
	                                               r->savings, r->under_execution };
	if (r->corrected > h->max)
		h->max = r->corrected;
	if (r->executed > h->max)
		h->max = r->executed;
	return 0;
}

int program_history_load(struct db_site *s, long long program, struct program_history *h,
                         struct ob_err *err)
{
	struct load ld = { h, err };

	memset(h, 0, sizeof *h);
	if (db_site_program_indicators(s, program, on_indicator, &ld, err) != 0 ||
	    db_site_program_execution(s, program, on_exec, &ld, err) != 0)
		return -1;
	return 0;
}

void program_history_free(struct program_history *h)
{
	for (size_t i = 0; i < h->nids; i++) {
		struct ph_indicator *id = &h->ids[i];

		free(id->kind);
		free(id->subprogram);
		for (int l = 0; l < 2; l++) {
			free(id->name[l]);
			free(id->unit[l]);
		}
		free(id->vals);
	}
	free(h->ids);
	free(h->years);
	free(h->exec);
	memset(h, 0, sizeof *h);
}
