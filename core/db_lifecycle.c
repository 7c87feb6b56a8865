/* SQL of the end of public discussions (db_lifecycle.h): the discussions
 * due to close, the figures of their final reports (P-17), the frozen
 * reports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_lifecycle.h"
#include "db_stmt.h"

static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static void copy(char *dst, size_t n, sqlite3_stmt *s, int i)
{
	const char *v = col(s, i);

	snprintf(dst, n, "%s", v != NULL ? v : "");
}

int db_lifecycle_due(struct store *st, const char *today, struct lc_due **out, size_t *n,
                     struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_DUE,
	        "SELECT d.id, d.kind, d.status, d.posted, ifnull(d.discussion_end, '') FROM documents d "
	        "WHERE d.kind IN ('passport', 'implementation-report') "
	        "AND d.status IN ('in-discussion', 'discussion-closed') "
	        "AND (d.discussion_end IS NULL OR d.discussion_end < ?1) "
	        "AND NOT EXISTS (SELECT 1 FROM final_reports f WHERE f.doc_id = d.id) ORDER BY d.id", err);
	struct lc_due *v = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, today, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			struct lc_due *p = realloc(v, (cap = cap ? cap * 2 : 16) * sizeof *p);

			if (p == NULL) {
				sqlite3_reset(s);
				free(v);
				return ob_err_set(err, "nomem", 0, "out of memory"), -1;
			}
			v = p;
		}
		v[*n].id = sqlite3_column_int64(s, 0);
		copy(v[*n].kind, sizeof v[*n].kind, s, 1);
		copy(v[*n].status, sizeof v[*n].status, s, 2);
		copy(v[*n].posted, sizeof v[*n].posted, s, 3);
		copy(v[*n].discussion_end, sizeof v[*n].discussion_end, s, 4);
		(*n)++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return store_fail(st, err, "documents");
	}
	*out = v;
	return 0;
}

int db_lifecycle_close(struct store *st, long long id, const char *end, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_CLOSE,
	        "UPDATE documents SET status = 'discussion-closed', "
	        "discussion_end = ifnull(discussion_end, ?2) WHERE id = ?1 AND status = 'in-discussion'",
	        err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, end, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "documents");
	return sqlite3_changes(store_db(st)) > 0;
}

static int doc_votes(struct store *st, long long id, struct lc_header *h, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_VOTES,
	        "SELECT ifnull(sum(choice = 'for'), 0), ifnull(sum(choice = 'against'), 0) FROM votes "
	        "WHERE doc_id = ?1 AND proposal_id = 0", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		h->votes_for = sqlite3_column_int64(s, 0);
		h->votes_against = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, err, "votes");
}

int db_lifecycle_header(struct store *st, long long id,
                        int (*fn)(const struct lc_header *, void *), void *arg, struct ob_err *err)
{
	sqlite3_stmt *s;
	struct lc_header h = { .id = id };
	int rc;

	if (doc_votes(st, id, &h, err) != 0)
		return -1;
	s = store_stmt(st, ST_LC_HEADER,
	        "SELECT d.number, d.kind, d.posted, d.discussion_end, d.year, d.title_kk, d.title_ru, "
	        "d.head_kk, d.head_ru, a.code, a.bin, a.level, a.region, a.name_kk, a.name_ru, "
	        "ifnull(l.name_kk, a.level), ifnull(l.name_ru, a.level), p.code, p.name_kk, p.name_ru "
	        "FROM documents d JOIN administrators a ON a.id = d.admin_id "
	        "LEFT JOIN levels l ON l.code = a.level LEFT JOIN programs p ON p.id = d.program_id "
	        "WHERE d.id = ?1", err);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		h.number = col(s, 0);
		h.kind = col(s, 1);
		h.posted = col(s, 2);
		h.discussion_end = col(s, 3);
		h.year = sqlite3_column_int(s, 4);
		for (int l = 0; l < 2; l++) {
			h.title[l] = col(s, 5 + l);
			h.head[l] = col(s, 7 + l);
			h.admin_name[l] = col(s, 13 + l);
			h.level_name[l] = col(s, 15 + l);
			h.program_name[l] = col(s, 18 + l);
		}
		h.admin_code = col(s, 9);
		h.admin_bin = col(s, 10);
		h.level = col(s, 11);
		h.region = col(s, 12);
		h.program_code = col(s, 17);
		rc = fn(&h, arg);
		sqlite3_reset(s);
		return rc != 0 ? -1 : 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "documents");
}

int db_lifecycle_rows(struct store *st, long long id, int (*fn)(const struct lc_row *, void *),
                      void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_ROWS,
	        "SELECT p.id, p.part_id, p.day, t.key, t.title_kk, t.title_ru, p.lang, p.text, p.status, "
	        "m.reason, m.justification, m.day, a.decision, a.lang, a.justification, a.day, "
	        "(SELECT count(*) FROM votes v WHERE v.doc_id = p.doc_id AND v.proposal_id = p.id "
	        " AND v.choice = 'for'), "
	        "(SELECT count(*) FROM votes v WHERE v.doc_id = p.doc_id AND v.proposal_id = p.id "
	        " AND v.choice = 'against') "
	        "FROM proposals p LEFT JOIN parts t ON t.id = p.part_id "
	        "LEFT JOIN moderation m ON m.proposal_id = p.id "
	        "LEFT JOIN answers a ON a.proposal_id = p.id "
	        "WHERE p.doc_id = ?1 ORDER BY p.received, p.id", err);
	struct lc_row r;
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.proposal_id = sqlite3_column_int64(s, 0);
		r.part_id = sqlite3_column_int64(s, 1);
		r.day = col(s, 2);
		r.part_key = col(s, 3);
		r.part_title[0] = col(s, 4);
		r.part_title[1] = col(s, 5);
		r.lang = col(s, 6);
		r.text = col(s, 7);
		r.status = col(s, 8);
		r.mod_reason = col(s, 9);
		r.mod_justification = col(s, 10);
		r.mod_day = col(s, 11);
		r.answer_decision = col(s, 12);
		r.answer_lang = col(s, 13);
		r.answer_text = col(s, 14);
		r.answer_day = col(s, 15);
		r.votes_for = sqlite3_column_int64(s, 16);
		r.votes_against = sqlite3_column_int64(s, 17);
		stop = fn(&r, arg);
	}
	sqlite3_reset(s);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "proposals");
}

int db_final_report_insert(struct store *st, long long doc_id, int appendix, const char *reported,
                           const char *xml, size_t len, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_REPORT_INSERT,
	        "INSERT INTO final_reports (doc_id, appendix, reported, xml) VALUES (?1, ?2, ?3, ?4) "
	        "ON CONFLICT (doc_id) DO NOTHING", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int(s, 2, appendix);
	sqlite3_bind_text(s, 3, reported, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 4, xml, (int)len, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "final_reports");
	return sqlite3_changes(store_db(st)) > 0;
}

int db_final_report_get(struct store *st, long long doc_id, struct final_report *out,
                        struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_REPORT_GET,
	        "SELECT appendix, reported, xml FROM final_reports WHERE doc_id = ?1", err);
	int rc;

	out->xml = NULL;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->doc_id = doc_id;
		out->appendix = sqlite3_column_int(s, 0);
		copy(out->reported, sizeof out->reported, s, 1);
		out->len = (size_t)sqlite3_column_bytes(s, 2);
		if ((out->xml = malloc(out->len + 1)) == NULL) {
			sqlite3_reset(s);
			return ob_err_set(err, "nomem", 0, "out of memory"), -1;
		}
		if (out->len > 0)
			memcpy(out->xml, sqlite3_column_blob(s, 2), out->len);
		out->xml[out->len] = '\0';
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "final_reports");
}

int db_final_report_list(struct store *st, int (*fn)(const struct final_report *, void *),
                         void *arg, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_REPORT_LIST,
	        "SELECT f.doc_id, f.appendix, f.reported, length(f.xml) FROM final_reports f "
	        "JOIN documents d ON d.id = f.doc_id WHERE d.status <> 'draft' ORDER BY f.doc_id", err);
	struct final_report r = { 0 };
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.doc_id = sqlite3_column_int64(s, 0);
		r.appendix = sqlite3_column_int(s, 1);
		copy(r.reported, sizeof r.reported, s, 2);
		r.len = (size_t)sqlite3_column_int64(s, 3);
		stop = fn(&r, arg);
	}
	sqlite3_reset(s);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "final_reports");
}

int db_lifecycle_day(struct store *st, long day, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_LC_DAY,
	        "INSERT INTO meta (key, value) VALUES ('lifecycle_day', ?1) ON CONFLICT (key) "
	        "DO UPDATE SET value = excluded.value WHERE value <> excluded.value", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, day);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "meta");
	return sqlite3_changes(store_db(st)) > 0;
}
