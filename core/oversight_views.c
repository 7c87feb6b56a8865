/* What the oversight console lists, each in the signed-in account's scope
 * documents (drafts too), proposals with their moderation and
 * answers, votes by day (core/db_scope.c filters in SQL), and the
 * publication deadlines of the administrators in scope (core/db_compliance.c
 * computes them for all; scope_covers keeps those in scope). */
#include "db_compliance.h"
#include "oversight.h"

int oversight_documents(struct store *st, const struct ov_account *a,
                        int (*fn)(const struct scope_doc *, void *), void *arg, struct ob_err *err)
{
	return db_scope_documents(st, &a->scope, fn, arg, err);
}

int oversight_proposals(struct store *st, const struct ov_account *a, long long doc_id,
                        int (*fn)(const struct scope_proposal *, void *), void *arg,
                        struct ob_err *err)
{
	return db_scope_proposals(st, &a->scope, doc_id, fn, arg, err);
}

int oversight_votes_by_day(struct store *st, const struct ov_account *a, long long doc_id,
                           int (*fn)(const struct scope_votes_day *, void *), void *arg,
                           struct ob_err *err)
{
	return db_scope_votes_by_day(st, &a->scope, doc_id, fn, arg, err);
}

int oversight_compliance(struct store *st, const struct calendar *cal, const struct ov_account *a,
                         struct ob_date today,
                         int (*fn)(const struct compliance_admin *, const struct compliance_row *, void *),
                         void *arg, struct ob_err *err)
{
	struct compliance *c = NULL;

	if (db_compliance_load(st, cal, today, &c, err) != 0)
		return -1;
	for (size_t i = 0; i < c->nadmins; i++) {
		const struct compliance_admin *ad = &c->admins[i];

		if (!scope_covers(&a->scope, ad->code, ad->level, ad->region))
			continue;
		for (size_t k = ad->first; k < ad->first + ad->nrows; k++)
			if (fn(ad, &c->rows[k], arg) != 0)
				goto out;
	}
out:
	compliance_free(c);
	return 0;
}
