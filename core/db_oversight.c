/* Oversight bodies, access requests and reviews in SQLite (issue 7;
 * schema/008_oversight.sql).  db_oversight.h documents each function;
 * accounts and blocks are in db_oversight_account.c, the audit log in
 * db_oversight_audit.c. */
#include <string.h>

#include "db_oversight.h"
#include "db_stmt.h"
#include "db_util.h"

/* ---- bodies ------------------------------------------------------------- */

#define BODY_COLS "id, kind, bin, ifnull(region, ''), admin_codes, name_kk, name_ru, added " \
                  "FROM oversight_bodies "

static void body_read(sqlite3_stmt *s, struct ov_body *b)
{
	struct ob_err ignore = { 0 };
	char kind[32], region[10], codes[SCOPE_CODES_LEN];

	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(s, 0);
	col_copy(s, 1, kind, sizeof kind);
	col_copy(s, 2, b->bin, sizeof b->bin);
	col_copy(s, 3, region, sizeof region);
	col_copy(s, 4, codes, sizeof codes);
	col_copy(s, 5, b->name_kk, sizeof b->name_kk);
	col_copy(s, 6, b->name_ru, sizeof b->name_ru);
	col_copy(s, 7, b->added, sizeof b->added);
	/* The table's CHECKs keep rows well formed; a row that is not anyway
	 * gets SCOPE_NONE, which covers nothing (scope.h). */
	if (scope_make(&b->scope, scope_kind_parse(kind), region, codes, &ignore) != 0)
		b->scope.kind = SCOPE_NONE;
}

static int body_one(struct store *st, sqlite3_stmt *s, struct ov_body *out, struct ob_err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		body_read(s, out);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_bodies");
}

int db_ov_body_add(struct store *st, const struct ov_body *b, long long *id, struct ob_err *err)
{
	struct ov_body old;
	sqlite3_stmt *s;
	int rc;

	if ((rc = db_ov_body_by_bin(st, b->bin, &old, err)) != 0)
		return rc < 0 ? -1 : (ob_err_set(err, "body-exists", 0, "BIN %s is oversight body %lld already",
		                                 b->bin, old.id), -1);
	s = store_stmt(st, ST_OV_BODY_ADD,
	        "INSERT INTO oversight_bodies (kind, bin, region, admin_codes, name_kk, name_ru, added) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, scope_kind_name(b->scope.kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, b->bin, -1, SQLITE_STATIC);
	bind_opt(s, 3, b->scope.region);
	sqlite3_bind_text(s, 4, b->scope.codes, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, b->name_kk, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, b->name_ru, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, b->added, -1, SQLITE_STATIC);
	if (run(st, s, "oversight_bodies", err) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int db_ov_body_by_bin(struct store *st, const char *bin, struct ov_body *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_BODY_BY_BIN, "SELECT " BODY_COLS "WHERE bin = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, bin, -1, SQLITE_STATIC);
	return body_one(st, s, out, err);
}

int db_ov_body_get(struct store *st, long long id, struct ov_body *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_BODY_GET, "SELECT " BODY_COLS "WHERE id = ?1", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return body_one(st, s, out, err);
}

int db_ov_body_list(struct store *st, int (*fn)(const struct ov_body *, void *), void *arg,
                    struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_BODY_LIST, "SELECT " BODY_COLS "ORDER BY id", err);
	struct ov_body b;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		body_read(s, &b);
		if (fn(&b, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_bodies");
}

/* ---- requests and reviews ----------------------------------------------- */

int db_ov_request_insert(struct store *st, const struct submission *sub, long long body_id,
                         const struct ov_person *p, long long *id, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_REQUEST_INSERT,
	        "INSERT INTO oversight_requests (submission, body_id, full_name, iin, position, unit, qr, "
	        "phone, email, purpose, received, day) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, body_id);
	sqlite3_bind_text(s, 3, p->full_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, p->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, p->position, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, p->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, p->qr, -1, SQLITE_STATIC);
	bind_opt(s, 8, p->phone);
	bind_opt(s, 9, p->email);
	sqlite3_bind_text(s, 10, p->purpose, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, sub->day, -1, SQLITE_STATIC);
	if (run(st, s, "oversight_requests", err) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

#define REQUEST_COLS "q.id, q.body_id, b.bin, b.kind, b.name_kk, b.name_ru, q.full_name, q.iin, " \
	"q.position, q.unit, q.qr, ifnull(q.phone, ''), ifnull(q.email, ''), q.purpose, q.submission, " \
	"q.received, q.day, ifnull(r.decision, ''), ifnull(r.justification, ''), " \
	"ifnull(r.operator_iin, ''), ifnull(r.day, ''), ifnull(a.id, 0), ifnull(a.granted_day, '') " \
	"FROM oversight_requests q JOIN oversight_bodies b ON b.id = q.body_id " \
	"LEFT JOIN oversight_reviews r ON r.request_id = q.id " \
	"LEFT JOIN oversight_accounts a ON a.request_id = q.id "

static void request_read(sqlite3_stmt *s, struct ov_request *r)
{
	int c = 0;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, c++);
	r->body_id = sqlite3_column_int64(s, c++);
	col_copy(s, c++, r->body_bin, sizeof r->body_bin);
	col_copy(s, c++, r->body_kind, sizeof r->body_kind);
	col_copy(s, c++, r->body_name_kk, sizeof r->body_name_kk);
	col_copy(s, c++, r->body_name_ru, sizeof r->body_name_ru);
	col_copy(s, c++, r->full_name, sizeof r->full_name);
	col_copy(s, c++, r->iin, sizeof r->iin);
	col_copy(s, c++, r->position, sizeof r->position);
	col_copy(s, c++, r->unit, sizeof r->unit);
	col_copy(s, c++, r->qr, sizeof r->qr);
	col_copy(s, c++, r->phone, sizeof r->phone);
	col_copy(s, c++, r->email, sizeof r->email);
	col_copy(s, c++, r->purpose, sizeof r->purpose);
	col_copy(s, c++, r->submission, sizeof r->submission);
	col_copy(s, c++, r->received, sizeof r->received);
	col_copy(s, c++, r->day, sizeof r->day);
	col_copy(s, c++, r->decision, sizeof r->decision);
	col_copy(s, c++, r->justification, sizeof r->justification);
	col_copy(s, c++, r->operator_iin, sizeof r->operator_iin);
	col_copy(s, c++, r->decided_day, sizeof r->decided_day);
	r->account_id = sqlite3_column_int64(s, c++);
	col_copy(s, c++, r->granted_day, sizeof r->granted_day);
}

int db_ov_request_get(struct store *st, long long id, struct ov_request *out, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_REQUEST_GET, "SELECT " REQUEST_COLS "WHERE q.id = ?1", err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		request_read(s, out);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_requests");
}

int db_ov_request_list(struct store *st, int (*fn)(const struct ov_request *, void *), void *arg,
                       struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_REQUEST_LIST, "SELECT " REQUEST_COLS "ORDER BY q.id", err);
	struct ov_request r;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		request_read(s, &r);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, err, "oversight_requests");
}

int db_ov_review_insert(struct store *st, const struct submission *sub, long long request_id,
                        const char *decision, const char *justification, struct ob_err *err)
{
	sqlite3_stmt *s = store_stmt(st, ST_OV_REVIEW_INSERT,
	        "INSERT INTO oversight_reviews (request_id, submission, operator_iin, decision, "
	        "justification, decided, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, request_id);
	sqlite3_bind_text(s, 2, sub->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sub->iin, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, decision, -1, SQLITE_STATIC);
	bind_opt(s, 5, justification);
	sqlite3_bind_text(s, 6, sub->received, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, sub->day, -1, SQLITE_STATIC);
	return run(st, s, "oversight_reviews", err);
}
