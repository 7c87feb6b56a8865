/* obfcgi: the FastCGI server of the signed submissions (issue 4).
 *
 * Worker threads each run an FCGX_Accept_r loop.  A worker does what needs
 * no shared state (read the body, verify the signature, validate the schema,
 * check the rules of P-14) and hands the storing to the one writer thread
 * (commit.c), which runs the jobs of all waiting workers in one transaction
 * (group commit) and answers each only once that transaction is on disk.
 * docs/api.md is the wire format; docs/ARCHITECTURE.md the picture. */
#ifndef OB_SERVER_H
#define OB_SERVER_H

#include <stddef.h>
#include <stdio.h>
#include <fcgiapp.h>
#include <libxml/tree.h>

#include "calendar.h"
#include "db_submit.h"
#include "doc.h"
#include "err.h"
#include "sig.h"
#include "session.h"
#include "sig_gost.h"
#include "store.h"

struct committer;
struct screen_lists;

/* A job runs in the writer thread inside the batch's transaction; it
 * returns 0 or -1 with err (its own changes are rolled back, the batch's
 * are not). */
typedef int (*job_fn)(struct store *st, void *arg, struct ob_err *err);

/* Shared by all threads; read-only after start-up. */
struct server {
	const char *db_path;
	unsigned char nonce_key[SECRET_LEN];
	struct committer *commit;
	struct calendar *cal;       /* working days (P-9, P-10 discussion ends) */
	struct screen_lists *screen;/* P-14 word lists (read-only, shared) */
	size_t max_body;            /* bytes; larger bodies are 413 */
	size_t max_document;        /* POST /api/documents */
	struct sig_gost *gost;      /* NULL: GOST signatures are refused (obctl trust gost-verifier) */
};

/* One per worker thread. */
struct worker {
	struct server *srv;
	struct sig_trust *trust;    /* not thread-safe: one per worker */
	struct store *ro;           /* read-only connection (receipts) */
	FCGX_Request req;
};

/* A verified, schema-valid signed submission. */
struct signed_req {
	xmlDocPtr doc;              /* the submission, ds:Signature taken out */
	xmlNodePtr root;
	struct sig_identity who;
	struct submission sub;      /* evidence to store; xml points into body */
	char nonce[96];
	long long nonce_expires;
	char *body;
	size_t len;
};

/* ---- http.c: requests and answers ---- */
const char *req_param(struct worker *w, const char *name);
/* Answers 201 with a <receipt> for sub (status as given). */
void reply_receipt(struct worker *w, int http, const struct receipt *r);
/* Answers with <error code> and the kk and ru messages of code; detail is
 * the technical reason (may be NULL). */
void reply_error(struct worker *w, const char *code, const char *detail);
void reply_err(struct worker *w, const struct ob_err *err);
/* Writes an XML document as the body with the given status. */
void reply_xml(struct worker *w, int http, xmlDocPtr doc);
/* The same with more header lines ("Name: value\r\n" each), or NULL. */
void reply_xml_headers(struct worker *w, int http, xmlDocPtr doc, const char *headers);
/* A new document whose root is name in the namespace of the answers. */
xmlNodePtr new_root(xmlDocPtr *doc, const char *name);
/* Sets the attribute unless value is NULL or "". */
void set_attr(xmlNodePtr n, const char *name, const char *value);
void set_attr_int(xmlNodePtr n, const char *name, long long value);
/* <message xml:lang="kk"> and "ru" of an error code under n. */
void add_messages(xmlNodePtr n, const char *code);
/* "OK", "Not Found", ...: the reason phrase of an HTTP status. */
const char *http_reason(int status);
/* The HTTP status of an error code (errors.c); 500 for an unknown one. */
int error_status(const char *code);
/* Loads the kk and ru messages of every error code; -1 if one is missing. */
int error_messages_load(struct ob_err *err);
const char *error_message(const char *code, const char *lang);
void error_codes_print(FILE *f);
void error_messages_free(void);

/* ---- submit.c: the common path of every signed POST ---- */
/* 1 for application/xml, with or without parameters. */
int xml_content_type(const char *ct);
/* Reads the request body, at most max bytes: 0, or -1 after answering 413. */
int read_body(struct worker *w, size_t max, char **out, size_t *len);
/* Reads and checks the request (method, content type, size), verifies the
 * signature, takes it out, validates schema/submission.xsd (or the
 * document's schema when root_is_document), checks the nonce's MAC and
 * age.  0 with *r filled (free with signed_req_free), or -1 after having
 * answered the error. */
int signed_req_read(struct worker *w, struct signed_req *r, const char *root_name, size_t max);
void signed_req_free(struct signed_req *r);
/* An attribute of the submission's root as a C string ("" if absent). */
const char *signed_attr(struct signed_req *r, const char *name, char *buf, size_t size);
/* The text of the root's child element name, malloc'd; NULL if absent. */
char *signed_child_text(struct signed_req *r, const char *name);
/* The common start of every storing job: the nonce used once, the evidence
 * stored.  Runs inside the writer's transaction. */
int signed_store(struct store *st, struct signed_req *r, struct ob_err *err);
/* P-14 and the like: lang kk or ru (unless NULL), text not blank and at most
 * max_chars Unicode characters; 0 or -1 with a 422 code. */
int text_rules(const char *lang, const char *text, size_t max_chars, struct ob_err *err);
/* Runs fn in the group commit; answers 201 with the receipt (the job fills
 * out's status, document and proposal) or the error; frees r. */
void signed_finish(struct worker *w, struct signed_req *r, job_fn fn, void *arg, struct receipt *out);

/* ---- commit.c: group commit ---- */
struct committer *committer_start(const char *db_path, struct ob_err *err);
/* Runs fn in the next batch and waits until that batch is durable.  0, or -1
 * with err from fn, or "internal" when the commit failed, or "unavailable"
 * while stopping. */
int committer_run(struct committer *c, job_fn fn, void *arg, struct ob_err *err);
/* Drains the queue, commits, stops the thread and closes the database. */
void committer_stop(struct committer *c);

/* ---- lifecycle.c: closing discussions, final reports (P-9, P-10, P-17) ---- */
struct lifecycle;
/* Runs lifecycle_run in the group commit now and every minute after. */
struct lifecycle *lifecycle_start(struct server *srv, struct ob_err *err);
/* Wakes the thread, waits for it to end; before committer_stop. */
void lifecycle_stop(struct lifecycle *lc);

/* ---- sandbox.c ---- */
/* Drops root for user (when root) and installs the seccomp filter; inet
 * and inet6 sockets stay allowed only with allow_inet (a GOST verifier
 * reached over http or https). */
int sandbox_enter(const char *user, int allow_inet, struct ob_err *err);
int sandbox_selftest(const char *user);

/* ---- render.c: the consoles' HTML (templates/console.xsl) ---- */
/* Loads the UI strings and compiles the stylesheet; before the sandbox. */
int render_init(const char *share, struct ob_err *err);
void render_free(void);
/* A console page's XML: <page lang other base path alt console>; page is
 * the part of the path after /console/LANG/. */
xmlNodePtr console_page_new(xmlDocPtr *doc, const char *lang, const char *page, const char *console);
/* Answers with the page as HTML (headers: more header lines, or NULL). */
void reply_page(struct worker *w, int http, xmlDocPtr page, const char *headers);

/* ---- session.c: staff sessions (issue 6.2, core/session.h) ---- */
/* The request's live session: 1 with *s (last_seen written when due), 0
 * when there is none, -1 with err. */
int session_current(struct worker *w, struct session *s, struct ob_err *err);
/* The value of one application/x-www-form-urlencoded field of body into
 * out; 0, or -1 when absent, too long, or not plain letters, digits and
 * '-' (tokens and language codes: nothing to decode). */
int form_field(const char *body, const char *name, char *out, size_t size);

/* ---- one handler per endpoint ---- */
void handle_challenge(struct worker *w);
void handle_proposals(struct worker *w);
void handle_votes(struct worker *w);
void handle_moderation(struct worker *w);
void handle_answers(struct worker *w);
void handle_documents(struct worker *w);
/* What posting does to a document (P-9, P-10; documents.c): posted today
 * and, for the kinds discussed, in discussion until the end it asks for or
 * the earliest allowed; in the tree root and in d alike.  The check before
 * signing (check.c) applies it too, so it judges what will be stored. */
int document_as_posted(struct server *srv, xmlNodePtr root, struct doc *d, struct ob_err *err);
void handle_receipts(struct worker *w, const char *id);
/* cgi/oversight.c (issue 7, A-8, A-9): POST /api/oversight/{requests,decisions,blocks} */
void handle_oversight_requests(struct worker *w);
void handle_oversight_decisions(struct worker *w);
void handle_oversight_blocks(struct worker *w);
void handle_session(struct worker *w);         /* POST /api/session: sign in */
void handle_logout(struct worker *w);          /* POST /console/logout */
void handle_console(struct worker *w, const char *rest); /* GET /console/LANG/PAGE */
void handle_document_check(struct worker *w);  /* POST /api/documents/check */
/* GET /console/oversight/export/NAME.EXT; GET /console/audit.csv */
void handle_oversight_export(struct worker *w, const char *rest);
void handle_audit_export(struct worker *w);

/* ---- oversight_console.c: the oversight readers (issue 7, A-6) ---- */
struct access;
struct ov_account;
/* Adds the account and the lists of page ("oversight" or
 * "oversight/doc/ID") under root, logging the visit; 0 or -1 with err
 * (document-unknown for a document outside the scope). */
int oversight_view(struct worker *w, const struct access *a, const char *page, xmlNodePtr root,
                   struct ob_err *err);
/* The rows of list name (documents, proposals, votes, compliance) in a's
 * scope under list, of one document or all (doc_id 0); not-found for
 * another name. */
int oversight_rows(struct worker *w, const struct ov_account *a, const char *name, long long doc_id,
                   xmlNodePtr list, struct ob_err *err);
/* Issue 7.5: logs that a opened object, before it is answered. */
int oversight_log(struct worker *w, const struct ov_account *a, const char *action, const char *object,
                  struct ob_err *err);
/* The whole audit log as rows under list. */
int audit_rows(struct worker *w, xmlNodePtr list, struct ob_err *err);
/* the access requests with their deadlines, for the operator. */
int requests_view(struct worker *w, const char *lang, xmlNodePtr root, struct ob_err *err);
/* The audit log for the operator's page. */
int audit_view(struct worker *w, xmlNodePtr root, struct ob_err *err);

/* Date checks shared by the handlers: 1 when the document's discussion is
 * open today (status in-discussion and today <= discussion_end). */
int discussion_open(const struct doc_target *t, struct ob_err *err);
/* The document numbered number, which must exist (404 document-unknown)
 * and be in discussion today (409); 0 or -1 with err. */
int target_in_discussion(struct store *st, const char *number, struct doc_target *t, struct ob_err *err);

#endif
