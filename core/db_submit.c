/* Signed submissions in SQLite (issue 4).  The schema is
 * schema/003_submissions.sql; db_submit.h documents each function. */
#include <stdio.h>
#include <string.h>

#include "db_stmt.h"
#include "db_submit.h"
#include "db_util.h"

int db_secret(struct store *st, const char *name, unsigned char out[SECRET_LEN], struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SECRET_GET, "SELECT value FROM secrets WHERE name = ?1", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW && sqlite3_column_bytes(s, 0) == SECRET_LEN) {
		memcpy(out, sqlite3_column_blob(s, 0), SECRET_LEN);
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return ob_err_set(err, "storage", 0, "secret \"%s\" is missing", name), -1;
	return store_fail(st, err, "secrets");
}

int db_nonce_use(struct store *st, const char *nonce, long long expires, long long now,
                 struct ob_err *err)
{
	sqlite3_stmt *p = store_stmt(st, ST_NONCE_PRUNE, "DELETE FROM nonces_used WHERE expires < ?1", err);
	sqlite3_stmt *s;
	int rc;

	if (p == NULL)
		return -1;
	sqlite3_bind_int64(p, 1, now);
	if (run(st, p, "nonces", err) != 0)
		return -1;
	s = store_stmt(st, ST_NONCE_USE,
	        "INSERT INTO nonces_used (nonce, expires) VALUES (?1, ?2) ON CONFLICT DO NOTHING", err);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, nonce, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, expires);
	if ((rc = run(st, s, "nonces", err)) != 0)
		return rc;
	return sqlite3_changes(store_db(st)) == 0 ? 1 : 0;
}

int db_submission_insert(struct store *st, const struct submission *sub, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_SUBMISSION_INSERT,
	        "INSERT INTO submissions (id, kind, received, iin, bin, cert_sha256, sha256, doc_id, xml) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sub->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, sub->iin, -1, SQLITE_STATIC);
	bind_opt(s, 5, sub->bin);
	sqlite3_bind_text(s, 6, sub->cert_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, sub->sha256, -1, SQLITE_STATIC);
	if (sub->doc_id > 0)
		sqlite3_bind_int64(s, 8, sub->doc_id);
	sqlite3_bind_blob(s, 9, sub->xml, (int)sub->len, SQLITE_STATIC);
	return run(st, s, "submissions", err);
}

#define TARGET_COLS "d.id, d.admin_id, d.number, d.kind, d.status, d.posted, " \
                    "ifnull(d.discussion_end, ''), a.code, a.bin " \
                    "FROM documents d JOIN administrators a ON a.id = d.admin_id "

static int target_read(struct store *st, sqlite3_stmt *s, struct doc_target *t, struct ob_err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		t->id = sqlite3_column_int64(s, 0);
		t->admin_id = sqlite3_column_int64(s, 1);
		col_copy(s, 2, t->number, sizeof t->number);
		col_copy(s, 3, t->kind, sizeof t->kind);
		col_copy(s, 4, t->status, sizeof t->status);
		col_copy(s, 5, t->posted, sizeof t->posted);
		col_copy(s, 6, t->discussion_end, sizeof t->discussion_end);
		col_copy(s, 7, t->admin_code, sizeof t->admin_code);
		col_copy(s, 8, t->admin_bin, sizeof t->admin_bin);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "documents");
}

int db_target_doc(struct store *st, const char *number, struct doc_target *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_TARGET_DOC, "SELECT " TARGET_COLS "WHERE d.number = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, number, -1, SQLITE_STATIC);
	return target_read(st, s, out, err);
}

int db_target_doc_id(struct store *st, long long id, struct doc_target *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_TARGET_DOC_ID, "SELECT " TARGET_COLS "WHERE d.id = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return target_read(st, s, out, err);
}

int db_target_part(struct store *st, long long doc_id, long long part_id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_TARGET_PART,
	        "SELECT 1 FROM parts WHERE id = ?1 AND doc_id = ?2 AND removed_in IS NULL", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, part_id);
	sqlite3_bind_int64(s, 2, doc_id);
	return exists(st, s, "parts", err);
}

int db_target_proposal(struct store *st, long long id, struct proposal_target *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_TARGET_PROPOSAL,
	        "SELECT p.id, p.doc_id, p.status, m.proposal_id IS NOT NULL, a.proposal_id IS NOT NULL "
	        "FROM proposals p LEFT JOIN moderation m ON m.proposal_id = p.id "
	        "LEFT JOIN answers a ON a.proposal_id = p.id WHERE p.id = ?1", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->doc_id = sqlite3_column_int64(s, 1);
		col_copy(s, 2, out->status, sizeof out->status);
		out->moderated = sqlite3_column_int(s, 3);
		out->answered = sqlite3_column_int(s, 4);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "proposals");
}

int db_proposal_insert(struct store *st, const struct submission *sub, long long doc_id,
                       long long part_id, const char *lang, const char *text, long long *id,
                       struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PROPOSAL_INSERT,
	        "INSERT INTO proposals (submission, doc_id, part_id, iin, lang, text, received, day) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, doc_id);
	sqlite3_bind_int64(s, 3, part_id);
	sqlite3_bind_text(s, 4, sub->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, sub->day, -1, SQLITE_STATIC);
	if (run(st, s, "proposals", err) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int db_proposal_flag(struct store *st, long long proposal_id, const char *code, const char *detail,
                     struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PROPOSAL_FLAG,
	        "INSERT OR IGNORE INTO proposal_flags (proposal_id, code, detail) VALUES (?1, ?2, ?3)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, proposal_id);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, detail, -1, SQLITE_STATIC);
	return run(st, s, "proposal_flags", err);
}

int db_proposals_earlier(struct store *st, long long doc_id,
                         int (*fn)(long long, const char *, void *), void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PROPOSALS_EARLIER,
	        "SELECT id, text FROM proposals WHERE doc_id = ?1 ORDER BY id DESC", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1), arg) != 0)
			break;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "proposals");
}

long long db_proposals_by_person(struct store *st, long long doc_id, const char *iin, const char *since,
                                 struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_PROPOSALS_BY_PERSON,
	        "SELECT count(*) FROM proposals WHERE doc_id = ?1 AND iin = ?2 AND received >= ?3", err);
	long long n;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_text(s, 2, iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, since, -1, SQLITE_STATIC);
	n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : store_fail(st, err, "proposals");
	sqlite3_reset(s);
	return n;
}

int db_moderation_insert(struct store *st, const struct submission *sub, long long proposal_id,
                         const char *decision, const char *reason, const char *justification,
                         struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_MODERATION_INSERT,
	        "INSERT INTO moderation (proposal_id, submission, operator_iin, decision, reason, "
	        "justification, decided, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	sqlite3_stmt *u;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, proposal_id);
	sqlite3_bind_text(s, 2, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sub->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, decision, -1, SQLITE_STATIC);
	bind_opt(s, 5, reason);
	bind_opt(s, 6, justification);
	sqlite3_bind_text(s, 7, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, sub->day, -1, SQLITE_STATIC);
	if (run(st, s, "moderation", err) != 0)
		return -1;
	u = store_stmt(st, ST_PROPOSAL_STATUS, "UPDATE proposals SET status = ?2 WHERE id = ?1", err);
	if (u == NULL)
		return -1;
	sqlite3_bind_int64(u, 1, proposal_id);
	sqlite3_bind_text(u, 2, strcmp(decision, "publish") == 0 ? "published" : "refused", -1,
	                  SQLITE_STATIC);
	return run(st, u, "proposals", err);
}

int db_answer_insert(struct store *st, const struct submission *sub, long long proposal_id,
                     const char *decision, const char *lang, const char *justification,
                     struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_ANSWER_INSERT,
	        "INSERT INTO answers (proposal_id, submission, iin, decision, justification, lang, "
	        "answered, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, proposal_id);
	sqlite3_bind_text(s, 2, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sub->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, decision, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, justification, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, sub->day, -1, SQLITE_STATIC);
	return run(st, s, "answers", err);
}

int db_vote_put(struct store *st, const struct submission *sub, long long doc_id, long long proposal_id,
                const char *choice, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_VOTE_PUT,
	        "INSERT INTO votes (doc_id, proposal_id, iin, choice, submission, cast_at) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (doc_id, proposal_id, iin) DO UPDATE SET "
	        "choice = excluded.choice, submission = excluded.submission, cast_at = excluded.cast_at", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, proposal_id);
	sqlite3_bind_text(s, 3, sub->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, choice, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, sub->received, -1, SQLITE_STATIC);
	return run(st, s, "votes", err);
}

int db_doc_touch(struct store *st, long long doc_id, struct ob_err *err)
{
	long long seq = store_seq_bump(st, err);
	sqlite3_stmt *s;

	if (seq < 0)
		return -1;
	s = store_stmt(st, ST_DOC_TOUCH, "UPDATE documents SET seq = ?2 WHERE id = ?1", err);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, seq);
	return run(st, s, "documents", err);
}

int db_receipt(struct store *st, const char *id, struct receipt *out, struct ob_err *err)
{
	/* The status a submitter sees: a proposal's moderation and answer, a
	 * vote counted or replaced by a later one of the same person, an
	 * oversight access request's review and grant. */
	sqlite3_stmt *s = store_stmt(st, ST_RECEIPT,
	        "SELECT s.id, s.kind, s.received, s.sha256, ifnull(d.number, ''), ifnull(p.id, 0), "
	        "CASE s.kind "
	        " WHEN 'proposal' THEN CASE WHEN a.proposal_id IS NOT NULL THEN 'answered' ELSE p.status END "
	        " WHEN 'vote' THEN CASE WHEN EXISTS (SELECT 1 FROM votes v WHERE v.submission = s.id) "
	        "   THEN 'counted' ELSE 'replaced' END "
	        " WHEN 'oversight-request' THEN (SELECT CASE WHEN EXISTS (SELECT 1 FROM oversight_accounts x "
	        "   WHERE x.request_id = q.id) THEN 'granted' WHEN r.decision = 'approve' THEN 'approved' "
	        "   WHEN r.decision = 'refuse' THEN 'refused' ELSE 'pending' END FROM oversight_requests q "
	        "   LEFT JOIN oversight_reviews r ON r.request_id = q.id WHERE q.submission = s.id) "
	        " ELSE 'accepted' END, "
	        /* issue 7: the access request a signed request, decision or grant is about */
	        "coalesce((SELECT id FROM oversight_requests WHERE submission = s.id), "
	        " (SELECT request_id FROM oversight_reviews WHERE submission = s.id), "
	        " (SELECT request_id FROM oversight_accounts WHERE submission = s.id), 0) "
	        "FROM submissions s LEFT JOIN documents d ON d.id = s.doc_id "
	        "LEFT JOIN proposals p ON p.submission = s.id "
	        "LEFT JOIN answers a ON a.proposal_id = p.id WHERE s.id = ?1", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		col_copy(s, 0, out->id, sizeof out->id);
		col_copy(s, 1, out->kind, sizeof out->kind);
		col_copy(s, 2, out->received, sizeof out->received);
		col_copy(s, 3, out->sha256, sizeof out->sha256);
		col_copy(s, 4, out->document, sizeof out->document);
		out->proposal = sqlite3_column_int64(s, 5);
		col_copy(s, 6, out->status, sizeof out->status);
		out->request = sqlite3_column_int64(s, 7);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "submissions");
}

long long db_count(struct store *st, const char *table, struct ob_err *err)
{
	static const struct { const char *table; int id; const char *sql; } counts[] = {
		{ "submissions", ST_COUNT_SUBMISSIONS, "SELECT count(*) FROM submissions" },
		{ "proposals", ST_COUNT_PROPOSALS, "SELECT count(*) FROM proposals" },
		{ "votes", ST_COUNT_VOTES, "SELECT count(*) FROM votes" },
		{ "moderation", ST_COUNT_MODERATION, "SELECT count(*) FROM moderation" },
		{ "answers", ST_COUNT_ANSWERS, "SELECT count(*) FROM answers" },
		{ "documents", ST_COUNT_DOCUMENTS, "SELECT count(*) FROM documents" },
	};
	sqlite3_stmt *s;
	long long n;

	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		if (strcmp(counts[i].table, table) != 0)
			continue;
		if ((s = store_stmt(st, counts[i].id, counts[i].sql, err)) == NULL)
			return -1;
		n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : store_fail(st, err, table);
		sqlite3_reset(s);
		return n;
	}
	ob_err_set(err, "internal", 0, "no count for table %s", table);
	return -1;
}
