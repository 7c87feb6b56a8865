/* SQL of the discussion as the static site shows it (db_site_discussion.h):
 * schema/003_submissions.sql read by obgen.  Only published proposals
 * carry text out of here. */
#include <string.h>

#include "db_site_discussion.h"
#include "db_stmt.h"

/* Votes on the published proposals of document ?1. */
#define PROP_VOTES(choice)                                                          \
	"(SELECT count(*) FROM votes v JOIN proposals p ON p.id = v.proposal_id "   \
	"WHERE v.doc_id = ?1 AND v.proposal_id <> 0 AND p.status = 'published' "    \
	"AND v.choice = '" choice "')"

static const char *const sql_tally =
        "SELECT (SELECT count(*) FROM votes WHERE doc_id = ?1 AND proposal_id = 0 AND choice = 'for'), "
        "(SELECT count(*) FROM votes WHERE doc_id = ?1 AND proposal_id = 0 AND choice = 'against'), "
        PROP_VOTES("for") ", " PROP_VOTES("against") ", "
        "(SELECT count(*) FROM proposals WHERE doc_id = ?1 AND status = 'published'), "
        "(SELECT count(*) FROM proposals WHERE doc_id = ?1 AND status = 'refused'), "
        "(SELECT count(*) FROM proposals WHERE doc_id = ?1 AND status = 'pending'), "
        "(SELECT count(*) FROM proposals p JOIN answers a ON a.proposal_id = p.id "
        "WHERE p.doc_id = ?1 AND p.status = 'published'), "
        "(SELECT count(*) FROM proposals p JOIN answers a ON a.proposal_id = p.id "
        "WHERE p.doc_id = ?1 AND p.status = 'published' AND a.decision = 'accepted')";

static const char *const sql_proposals =
        "SELECT p.id, p.part_id, p.lang, p.text, p.received, p.day, p.iin, m.day, m.operator_iin, "
        "(SELECT count(*) FROM votes v WHERE v.doc_id = p.doc_id AND v.proposal_id = p.id "
        "AND v.choice = 'for'), "
        "(SELECT count(*) FROM votes v WHERE v.doc_id = p.doc_id AND v.proposal_id = p.id "
        "AND v.choice = 'against'), "
        "a.decision, a.lang, a.justification, a.day, a.iin "
        "FROM proposals p LEFT JOIN moderation m ON m.proposal_id = p.id "
        "LEFT JOIN answers a ON a.proposal_id = p.id "
        "WHERE p.doc_id = ?1 AND p.status = 'published' ORDER BY p.id";

static const char *const sql_decisions =
        "SELECT p.id, p.part_id, p.lang, p.received, p.day, m.operator_iin, m.decision, m.reason, "
        "m.decided, m.day FROM moderation m JOIN proposals p ON p.id = m.proposal_id "
        "WHERE p.doc_id = ?1 ORDER BY p.id";

static const char *const sql_votes =
        "SELECT v.proposal_id, v.iin, v.choice, v.cast_at FROM votes v "
        "WHERE v.doc_id = ?1 AND (v.proposal_id = 0 OR EXISTS (SELECT 1 FROM proposals p "
        "WHERE p.id = v.proposal_id AND p.doc_id = ?1 AND p.status = 'published')) "
        "ORDER BY v.proposal_id, v.cast_at, v.submission";

static const char *const sql_stats_decisions =
        "SELECT m.operator_iin, m.decision, m.reason, p.received, p.day, m.decided, m.day "
        "FROM moderation m JOIN proposals p ON p.id = m.proposal_id "
        "JOIN documents d ON d.id = p.doc_id WHERE d.status <> 'draft' "
        "ORDER BY m.decided, p.id";

static const char *const sql_stats_pending =
        "SELECT p.day FROM proposals p JOIN documents d ON d.id = p.doc_id "
        "WHERE p.status = 'pending' AND d.status <> 'draft' ORDER BY p.day, p.id";

/* P-16: answered during the period when on or before its last day. */
static const char *const sql_stats_answers =
        "SELECT d.admin_id, count(*), count(a.proposal_id), "
        "ifnull(sum(a.decision = 'accepted'), 0), "
        "ifnull(sum(a.proposal_id IS NOT NULL AND d.discussion_end IS NOT NULL "
        "AND a.day > d.discussion_end), 0), "
        "ifnull(sum(a.proposal_id IS NULL), 0), "
        "ifnull(sum(a.proposal_id IS NULL AND (d.status = 'discussion-closed' "
        "OR (d.discussion_end IS NOT NULL AND d.discussion_end < ?1))), 0) "
        "FROM proposals p JOIN documents d ON d.id = p.doc_id "
        "LEFT JOIN answers a ON a.proposal_id = p.id "
        "WHERE p.status = 'published' AND d.status <> 'draft' "
        "GROUP BY d.admin_id ORDER BY d.admin_id";

static const char *txt(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static long long i64(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int64(s, i);
}

/* The statement of slot id with ?1 bound to doc (when doc > 0). */
static sqlite3_stmt *prepare(struct store *st, int id, const char *sql, long long doc,
                             struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, id, sql, err);

	if (s != NULL && doc > 0)
		sqlite3_bind_int64(s, 1, doc);
	return s;
}

/* The end of a loop over rows: 0 when all were read, fn's value when it
 * stopped, -1 on a database error; the statement is reset either way. */
static int finish(struct store *st, sqlite3_stmt *s, int step, int stopped, const char *what,
                  struct ob_err *err)
{
	sqlite3_reset(s);
	if (stopped != 0)
		return stopped;
	return step == SQLITE_DONE ? 0 : store_fail(st, err, what);
}

int db_disc_tally(struct store *st, long long doc, struct disc_tally *out, struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_DISC_TALLY, sql_tally, doc, err);
	int rc;

	if (s == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->doc_for = i64(s, 0);
		out->doc_against = i64(s, 1);
		out->prop_for = i64(s, 2);
		out->prop_against = i64(s, 3);
		out->published = i64(s, 4);
		out->refused = i64(s, 5);
		out->pending = i64(s, 6);
		out->answered = i64(s, 7);
		out->accepted = i64(s, 8);
	}
	return finish(st, s, rc == SQLITE_ROW ? SQLITE_DONE : rc, 0, "discussion tally", err);
}

int db_disc_proposals(struct store *st, long long doc,
                      int (*fn)(const struct disc_proposal *, void *), void *arg,
                      struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_DISC_PROPOSALS, sql_proposals, doc, err);
	struct disc_proposal p;
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		p = (struct disc_proposal){
			.id = i64(s, 0), .part_id = i64(s, 1), .lang = txt(s, 2), .text = txt(s, 3),
			.received = txt(s, 4), .day = txt(s, 5), .iin = txt(s, 6),
			.published = txt(s, 7), .operator_iin = txt(s, 8),
			.votes_for = i64(s, 9), .votes_against = i64(s, 10),
			.answer = txt(s, 11), .answer_lang = txt(s, 12), .answer_text = txt(s, 13),
			.answer_day = txt(s, 14), .answer_iin = txt(s, 15),
		};
		stop = fn(&p, arg);
	}
	return finish(st, s, rc, stop, "proposals", err);
}

int db_disc_decisions(struct store *st, long long doc,
                      int (*fn)(const struct disc_decision *, void *), void *arg,
                      struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_DISC_DECISIONS, sql_decisions, doc, err);
	struct disc_decision d;
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		d = (struct disc_decision){
			.proposal_id = i64(s, 0), .part_id = i64(s, 1), .lang = txt(s, 2),
			.received = txt(s, 3), .day = txt(s, 4), .operator_iin = txt(s, 5),
			.decision = txt(s, 6), .reason = txt(s, 7), .decided = txt(s, 8),
			.decided_day = txt(s, 9),
		};
		stop = fn(&d, arg);
	}
	return finish(st, s, rc, stop, "moderation", err);
}

int db_disc_votes(struct store *st, long long doc, int (*fn)(const struct disc_vote *, void *),
                  void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_DISC_VOTES, sql_votes, doc, err);
	struct disc_vote v;
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = (struct disc_vote){
			.proposal_id = i64(s, 0), .iin = txt(s, 1), .choice = txt(s, 2),
			.cast_at = txt(s, 3),
		};
		stop = fn(&v, arg);
	}
	return finish(st, s, rc, stop, "votes", err);
}

int db_stats_decisions(struct store *st, int (*fn)(const struct stats_decision *, void *),
                       void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_STATS_DECISIONS, sql_stats_decisions, 0, err);
	struct stats_decision d;
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		d = (struct stats_decision){
			.operator_iin = txt(s, 0), .decision = txt(s, 1), .reason = txt(s, 2),
			.received = txt(s, 3), .day = txt(s, 4), .decided = txt(s, 5),
			.decided_day = txt(s, 6),
		};
		stop = fn(&d, arg);
	}
	return finish(st, s, rc, stop, "moderation", err);
}

int db_stats_pending(struct store *st, int (*fn)(const char *day, void *), void *arg,
                     struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_STATS_PENDING, sql_stats_pending, 0, err);
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fn(txt(s, 0), arg);
	return finish(st, s, rc, stop, "proposals", err);
}

int db_stats_answers(struct store *st, const char *today,
                     int (*fn)(const struct stats_answers *, void *), void *arg,
                     struct ob_err *err)
{
	sqlite3_stmt *s = prepare(st, ST_STATS_ANSWERS, sql_stats_answers, 0, err);
	struct stats_answers a;
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		a = (struct stats_answers){
			.admin_id = i64(s, 0), .published = i64(s, 1), .answered = i64(s, 2),
			.accepted = i64(s, 3), .late = i64(s, 4), .unanswered = i64(s, 5),
			.unanswered_ended = i64(s, 6),
		};
		stop = fn(&a, arg);
	}
	return finish(st, s, rc, stop, "answers", err);
}
