/* what the oversight console lists, filtered by the body's scope in
 * the query (core/scope.h, scope_sql_params), read-only.  Oversight users
 * read everything of the budgets in their competence, drafts and proposals
 * awaiting moderation included (Order No. 270, p. 5: read mode).  Rows are
 * valid during the callback only; fn returning non-zero stops the list. */
#ifndef OB_DB_SCOPE_H
#define OB_DB_SCOPE_H

#include "scope.h"
#include "store.h"

struct scope_doc {
	long long id;
	const char *number, *kind, *status, *posted, *discussion_end;  /* discussion_end "" if none */
	int year, version;
	const char *admin_code, *level, *region;  /* region "" for a central body */
	const char *title_kk, *title_ru;
};
/* Every document in scope, newest posting first. */
int db_scope_documents(struct store *st, const struct scope *sc,
                       int (*fn)(const struct scope_doc *, void *), void *arg, struct ob_err *err);
/* 1 when document doc_id exists and is in scope, 0 when not (or absent). */
int db_scope_document_in(struct store *st, const struct scope *sc, long long doc_id,
                         struct ob_err *err);

/* A proposal with its moderation decision (P-15) and answer (P-16). */
struct scope_proposal {
	long long id, doc_id, part_id;
	const char *number, *part_key, *lang, *text, *received, *day;
	const char *status;                       /* pending, published, refused */
	const char *decision, *reason, *justification, *decided_day, *operator_iin;  /* "" if none */
	const char *answer, *answer_lang, *answer_text, *answer_day;  /* "" if none */
	long long votes_for, votes_against;
};
/* The proposals of the documents in scope (doc_id 0) or of one document in
 * scope, by document then id. */
int db_scope_proposals(struct store *st, const struct scope *sc, long long doc_id,
                       int (*fn)(const struct scope_proposal *, void *), void *arg,
                       struct ob_err *err);

/* Votes counted per document and Almaty day (the current vote of each
 * person: a replaced vote moves to the day of the vote that replaced it). */
struct scope_votes_day {
	long long doc_id;
	const char *number, *day;
	long long doc_for, doc_against;           /* on the document (P-11) */
	long long prop_for, prop_against;         /* on its proposals */
};
int db_scope_votes_by_day(struct store *st, const struct scope *sc, long long doc_id,
                          int (*fn)(const struct scope_votes_day *, void *), void *arg,
                          struct ob_err *err);

#endif
