/* the oversight console's lists, filtered by scope in SQL.  The
 * filter is one WHERE fragment on the administrator row `a`, whose
 * parameters ?11..?15 scope_sql_params() fills (core/scope.c decides, this
 * file only applies); tests/unit/test_scope.c checks it agrees with
 * scope_covers() for every kind. */
#include <string.h>

#include "db_scope.h"
#include "db_stmt.h"
#include "db_util.h"

#define SCOPE_WHERE \
	"(?11 = 1" \
	" OR (?12 = 1 AND a.level = 'republican' AND instr(?15, ',' || a.code || ',') > 0)" \
	" OR (?13 = 1 AND a.level <> 'republican' AND substr(ifnull(a.region, ''), 1, 2) = ?14" \
	"     AND (?15 = '' OR instr(?15, ',' || a.code || ',') > 0))) "

static void bind_scope(sqlite3_stmt *s, const struct scope *sc, struct scope_sql *p)
{
	scope_sql_params(sc, p);
	sqlite3_bind_int(s, 11, p->all);
	sqlite3_bind_int(s, 12, p->central);
	sqlite3_bind_int(s, 13, p->local);
	sqlite3_bind_text(s, 14, p->region2, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 15, p->codes, -1, SQLITE_STATIC);
}

static const char *txt(sqlite3_stmt *s, int col)
{
	const unsigned char *v = sqlite3_column_text(s, col);

	return v ? (const char *)v : "";
}

static int done(struct store *st, sqlite3_stmt *s, int rc, const char *what, struct ob_err *err)
{
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, what);
}

int db_scope_documents(struct store *st, const struct scope *sc,
                       int (*fn)(const struct scope_doc *, void *), void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SCOPE_DOCS,
	        "SELECT d.id, d.number, d.kind, d.status, d.posted, ifnull(d.discussion_end, ''), d.year, "
	        "d.version, a.code, a.level, ifnull(a.region, ''), d.title_kk, d.title_ru "
	        "FROM documents d JOIN administrators a ON a.id = d.admin_id WHERE " SCOPE_WHERE
	        "ORDER BY d.posted DESC, d.id DESC", err);
	struct scope_sql p;
	struct scope_doc d;
	int rc;

	if (s == NULL)
		return -1;
	bind_scope(s, sc, &p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		d.id = sqlite3_column_int64(s, 0);
		d.number = txt(s, 1);
		d.kind = txt(s, 2);
		d.status = txt(s, 3);
		d.posted = txt(s, 4);
		d.discussion_end = txt(s, 5);
		d.year = sqlite3_column_int(s, 6);
		d.version = sqlite3_column_int(s, 7);
		d.admin_code = txt(s, 8);
		d.level = txt(s, 9);
		d.region = txt(s, 10);
		d.title_kk = txt(s, 11);
		d.title_ru = txt(s, 12);
		if (fn(&d, arg) != 0)
			break;
	}
	return done(st, s, rc, "documents", err);
}

int db_scope_document_in(struct store *st, const struct scope *sc, long long doc_id,
                         struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SCOPE_DOC_IN,
	        "SELECT 1 FROM documents d JOIN administrators a ON a.id = d.admin_id "
	        "WHERE d.id = ?1 AND " SCOPE_WHERE, err);
	struct scope_sql p;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	bind_scope(s, sc, &p);
	return exists(st, s, "documents", err);
}

int db_scope_proposals(struct store *st, const struct scope *sc, long long doc_id,
                       int (*fn)(const struct scope_proposal *, void *), void *arg,
                       struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SCOPE_PROPOSALS,
	        "SELECT p.id, p.doc_id, p.part_id, d.number, pt.key, p.lang, p.text, p.received, p.day, "
	        "p.status, ifnull(m.decision, ''), ifnull(m.reason, ''), ifnull(m.justification, ''), "
	        "ifnull(m.day, ''), ifnull(m.operator_iin, ''), ifnull(x.decision, ''), "
	        "ifnull(x.lang, ''), ifnull(x.justification, ''), ifnull(x.day, ''), "
	        "(SELECT count(*) FROM votes v WHERE v.doc_id = p.doc_id AND v.proposal_id = p.id "
	        " AND v.choice = 'for'), "
	        "(SELECT count(*) FROM votes v WHERE v.doc_id = p.doc_id AND v.proposal_id = p.id "
	        " AND v.choice = 'against') "
	        "FROM proposals p JOIN documents d ON d.id = p.doc_id "
	        "JOIN administrators a ON a.id = d.admin_id JOIN parts pt ON pt.id = p.part_id "
	        "LEFT JOIN moderation m ON m.proposal_id = p.id "
	        "LEFT JOIN answers x ON x.proposal_id = p.id "
	        "WHERE (?1 = 0 OR p.doc_id = ?1) AND " SCOPE_WHERE "ORDER BY p.doc_id, p.id", err);
	struct scope_sql sp;
	struct scope_proposal r;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	bind_scope(s, sc, &sp);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.doc_id = sqlite3_column_int64(s, 1);
		r.part_id = sqlite3_column_int64(s, 2);
		r.number = txt(s, 3);
		r.part_key = txt(s, 4);
		r.lang = txt(s, 5);
		r.text = txt(s, 6);
		r.received = txt(s, 7);
		r.day = txt(s, 8);
		r.status = txt(s, 9);
		r.decision = txt(s, 10);
		r.reason = txt(s, 11);
		r.justification = txt(s, 12);
		r.decided_day = txt(s, 13);
		r.operator_iin = txt(s, 14);
		r.answer = txt(s, 15);
		r.answer_lang = txt(s, 16);
		r.answer_text = txt(s, 17);
		r.answer_day = txt(s, 18);
		r.votes_for = sqlite3_column_int64(s, 19);
		r.votes_against = sqlite3_column_int64(s, 20);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(st, s, rc, "proposals", err);
}

int db_scope_votes_by_day(struct store *st, const struct scope *sc, long long doc_id,
                          int (*fn)(const struct scope_votes_day *, void *), void *arg,
                          struct ob_err *err)
{
	/* cast_at is UTC; the day is Asia/Almaty's (UTC+5, core/clock.h). */
	sqlite3_stmt *s = store_stmt(st, ST_SCOPE_VOTES_DAY,
	        "SELECT d.id, d.number, date(v.cast_at, '+5 hours') AS day, "
	        "sum(v.proposal_id = 0 AND v.choice = 'for'), sum(v.proposal_id = 0 AND v.choice = 'against'), "
	        "sum(v.proposal_id <> 0 AND v.choice = 'for'), sum(v.proposal_id <> 0 AND v.choice = 'against') "
	        "FROM votes v JOIN documents d ON d.id = v.doc_id "
	        "JOIN administrators a ON a.id = d.admin_id "
	        "WHERE (?1 = 0 OR v.doc_id = ?1) AND " SCOPE_WHERE
	        "GROUP BY d.id, day ORDER BY d.id, day", err);
	struct scope_sql sp;
	struct scope_votes_day r;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	bind_scope(s, sc, &sp);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.doc_id = sqlite3_column_int64(s, 0);
		r.number = txt(s, 1);
		r.day = txt(s, 2);
		r.doc_for = sqlite3_column_int64(s, 3);
		r.doc_against = sqlite3_column_int64(s, 4);
		r.prop_for = sqlite3_column_int64(s, 5);
		r.prop_against = sqlite3_column_int64(s, 6);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(st, s, rc, "votes", err);
}
