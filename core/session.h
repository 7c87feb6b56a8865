/* Staff sessions (issue 6.2; A-11 for the oversight readers of issue 7).
 * A person signs a fresh challenge with an authentication certificate; the
 * server answers with a random token in an HttpOnly, SameSite=Strict cookie
 * and keeps only the token's SHA-256.  A session ends after SESSION_IDLE
 * seconds without a request, after SESSION_MAX in all (never after the
 * certificate's end), or at logout.  Forms that change a session (logout,
 * the document check) carry the session's CSRF token.
 *
 * A session only names a person; what the person may see is decided at each
 * request by core/access.h from the roles of that moment. */
#ifndef OB_SESSION_H
#define OB_SESSION_H

#include "err.h"
#include "store.h"

#define SESSION_TOKEN_LEN 64   /* hex of 32 random bytes */
#define SESSION_IDLE (30 * 60)
#define SESSION_MAX (12 * 60 * 60)
/* last_seen is written at most this often (each write is a commit). */
#define SESSION_TOUCH_EVERY 60

/* The person behind a session, from the certificate that signed in. */
struct principal {
	char iin[13];
	char bin[13];           /* "" for a person's own certificate */
	char name[256];         /* the certificate's CN */
	char cert_sha256[65];
};

struct session {
	long long id;
	struct principal who;
	char csrf[SESSION_TOKEN_LEN + 1];
	long long created, last_seen, expires;
};

/* A new session for who at now, ending no later than not_after: fills s and
 * the cookie value token (to hand out once).  -1 without randomness. */
int session_new(const struct principal *who, long long now, long long not_after, struct session *s,
                char token[SESSION_TOKEN_LEN + 1], struct ob_err *err);
/* The stored form of a token. */
void session_token_hash(const char *token, char out[65]);
/* 1 when token has the shape of one of ours (64 lower-case hex digits). */
int session_token_valid(const char *token);
/* Constant-time comparison of CSRF tokens; 1 when equal. */
int session_csrf_ok(const struct session *s, const char *csrf);
/* 1 when last_seen should be written again at now. */
int session_needs_touch(const struct session *s, long long now);

/* ---- storage (core/db_session.c) ---- */
/* Sign-in (s->created is now); also prunes sessions that expired before
 * now - SESSION_MAX, as logout does. */
int db_session_insert(struct store *st, const struct session *s, const char token_hash[65],
                      struct ob_err *err);
/* The live session of a token hash at now (not ended, not idle, not past
 * its end): 1 found, 0 none, -1 error. */
int db_session_find(struct store *st, const char *token_hash, long long now, struct session *out,
                    struct ob_err *err);
int db_session_touch(struct store *st, long long id, long long now, struct ob_err *err);
/* Logout; also prunes sessions that ended before now - SESSION_MAX. */
int db_session_end(struct store *st, long long id, long long now, struct ob_err *err);

#endif
