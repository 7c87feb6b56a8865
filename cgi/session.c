/* Staff sign-in and sessions (issue 6.2; core/session.h says why).
 *
 *   POST /api/session     <login nonce="..."/> signed with an authentication
 *                         certificate -> 201 <session expires csrf> and the
 *                         cookie; only a person holding a role gets one.
 *   POST /console/logout  a plain form with the session's CSRF token ->
 *                         303 to the sign-in page, the cookie cleared.
 *
 * The cookie is HttpOnly and SameSite=Strict, Secure behind TLS; its value
 * is never stored (only its SHA-256). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "clock.h"
#include "db_submit.h"
#include "oversight.h"
#include "server.h"

#define COOKIE "ob_session"

static int behind_tls(struct worker *w)
{
	return strcmp(req_param(w, "HTTPS"), "on") == 0;
}

/* The token of the request's cookie into out; 0, or -1 when there is none
 * of the right shape. */
static int cookie_token(struct worker *w, char out[SESSION_TOKEN_LEN + 1])
{
	const char *c = req_param(w, "HTTP_COOKIE");

	while (*c != '\0') {
		while (*c == ' ' || *c == ';')
			c++;
		if (strncmp(c, COOKIE "=", sizeof COOKIE) == 0) {
			const char *v = c + sizeof COOKIE;
			size_t n = strcspn(v, "; ");

			if (n != SESSION_TOKEN_LEN)
				return -1;
			memcpy(out, v, n);
			out[n] = '\0';
			return session_token_valid(out) ? 0 : -1;
		}
		c += strcspn(c, ";");
	}
	return -1;
}

/* A change to one session, in the writer thread. */
struct session_job {
	long long id, now;
};

static int store_touch(struct store *st, void *arg, struct ob_err *err)
{
	struct session_job *j = arg;

	return db_session_touch(st, j->id, j->now, err);
}

int session_current(struct worker *w, struct session *s, struct ob_err *err)
{
	char token[SESSION_TOKEN_LEN + 1], hash[65];
	long long now = ob_now();
	int rc;

	if (cookie_token(w, token) != 0)
		return 0;
	session_token_hash(token, hash);
	if ((rc = db_session_find(w->ro, hash, now, s, err)) != 1)
		return rc;
	if (session_needs_touch(s, now)) {
		struct session_job j = { s->id, now };

		if (committer_run(w->srv->commit, store_touch, &j, err) != 0)
			return -1;
		s->last_seen = now;
	}
	return 1;
}

struct login_job {
	struct signed_req *r;
	struct session s;
	char hash[65];
};

/* In the writer's transaction: the nonce used once, the role checked at
 * this moment, the session stored. */
static int store_login(struct store *st, void *arg, struct ob_err *err)
{
	struct login_job *j = arg;
	struct access a;
	int rc;

	if (access_load(st, &j->s.who, &a, err) != 0)
		return -1;
	if (!access_any(&a))
		return ob_err_set(err, "role-missing", 0, "the signer holds no role on the portal"), -1;
	if ((rc = db_nonce_use(st, j->r->nonce, j->r->nonce_expires, ob_now(), err)) != 0)
		return rc < 0 ? -1 : (ob_err_set(err, "nonce-reused", 0, "this nonce was already used"), -1);
	if (db_session_insert(st, &j->s, j->hash, err) != 0)
		return -1;
	/* An oversight reader's sign-in is in the audit log (issue 7.5), in
	 * the same transaction as the session: no session without its line. */
	return a.oversight ? oversight_audit(st, &a.ov, "sign-in", "session", err) : 0;
}

void handle_session(struct worker *w)
{
	struct signed_req r;
	struct login_job j = { .r = &r };
	struct principal who;
	char token[SESSION_TOKEN_LEN + 1], headers[256], when[21];
	struct ob_err err = { 0 };
	long long now = ob_now();
	xmlDocPtr doc;
	xmlNodePtr root;

	if (signed_req_read(w, &r, "login", w->srv->max_body) != 0)
		return;
	memset(&who, 0, sizeof who);
	memcpy(who.iin, r.who.iin, sizeof who.iin);
	memcpy(who.bin, r.who.bin, sizeof who.bin);
	snprintf(who.name, sizeof who.name, "%s", r.who.common_name);
	memcpy(who.cert_sha256, r.who.cert_sha256, sizeof who.cert_sha256);
	if (session_new(&who, now, (long long)r.who.not_after, &j.s, token, &err) != 0) {
		reply_err(w, &err);
		signed_req_free(&r);
		return;
	}
	session_token_hash(token, j.hash);
	if (committer_run(w->srv->commit, store_login, &j, &err) != 0) {
		reply_err(w, &err);
		signed_req_free(&r);
		return;
	}
	snprintf(headers, sizeof headers,
	         "Set-Cookie: " COOKIE "=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Strict%s\r\n",
	         token, j.s.expires - now, behind_tls(w) ? "; Secure" : "");
	root = new_root(&doc, "session");
	set_attr(root, "expires", ob_time_format(j.s.expires, when));
	set_attr(root, "idle", "1800");
	reply_xml_headers(w, 201, doc, headers);
	xmlFreeDoc(doc);
	signed_req_free(&r);
}

int form_field(const char *body, const char *name, char *out, size_t size)
{
	size_t nl = strlen(name), n;
	const char *p = body;

	/* The forms that reach us carry tokens and language codes only, so a
	 * value with anything to decode (%XX, +) is refused, not decoded. */
	while (p != NULL && *p != '\0') {
		if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
			p += nl + 1;
			n = strcspn(p, "&");
			if (n >= size || strspn(p, "0123456789abcdefghijklmnopqrstuvwxyz"
			                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ-") < n)
				return -1;
			memcpy(out, p, n);
			out[n] = '\0';
			return 0;
		}
		if ((p = strchr(p, '&')) != NULL)
			p++;
	}
	return -1;
}

static int store_logout(struct store *st, void *arg, struct ob_err *err)
{
	struct session_job *j = arg;

	return db_session_end(st, j->id, j->now, err);
}

void handle_logout(struct worker *w)
{
	char csrf[SESSION_TOKEN_LEN + 1], lang[4] = "kk", headers[256], *body = NULL;
	struct session s;
	struct ob_err err = { 0 };
	size_t len;
	int rc;

	if (strcmp(req_param(w, "REQUEST_METHOD"), "POST") != 0) {
		reply_error(w, "method", "use POST");
		return;
	}
	if (read_body(w, 1024, &body, &len) != 0)
		return;
	if (form_field(body, "lang", lang, sizeof lang) != 0 || (strcmp(lang, "kk") && strcmp(lang, "ru")))
		snprintf(lang, sizeof lang, "kk");
	if ((rc = session_current(w, &s, &err)) < 0)
		goto fail;
	if (rc == 1) {
		struct session_job j = { s.id, ob_now() };

		/* A cross-site form cannot know the token (issue 6.2: CSRF-safe). */
		if (form_field(body, "csrf", csrf, sizeof csrf) != 0 || !session_csrf_ok(&s, csrf)) {
			ob_err_set(&err, "csrf-invalid", 0, "the form's token is not this session's");
			goto fail;
		}
		if (committer_run(w->srv->commit, store_logout, &j, &err) != 0)
			goto fail;
	}
	snprintf(headers, sizeof headers,
	         "Set-Cookie: " COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict%s\r\n",
	         behind_tls(w) ? "; Secure" : "");
	FCGX_FPrintF(w->req.out, "Status: 303 See Other\r\nLocation: /console/%s/\r\n%s"
	             "Cache-Control: no-store\r\nContent-Length: 0\r\n\r\n", lang, headers);
	free(body);
	return;
fail:
	reply_err(w, &err);
	free(body);
}
