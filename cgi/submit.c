/* The common path of every signed POST (issue 4.2, 4.3): method, content
 * type and size are checked before a byte is parsed; the signature is
 * verified by core/sig.c (xmlsec1), then taken out of the tree so that the
 * schema and the handlers see only what was signed; the nonce must be ours
 * and fresh.  Nothing is stored here. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <libxml/xmlstring.h>

#include "clock.h"
#include "doc.h"
#include "nonce.h"
#include "server.h"
#include "text.h"

#define DSIG_NS "http://www.w3.org/2000/09/xmldsig#"

/* application/xml, optionally with parameters (charset=utf-8). */
int xml_content_type(const char *ct)
{
	size_t n = strlen("application/xml");

	return strncasecmp(ct, "application/xml", n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Reads the body: at most max bytes; -1 (answered) when larger. */
int read_body(struct worker *w, size_t max, char **out, size_t *len)
{
	const char *cl = req_param(w, "CONTENT_LENGTH");
	char *end = NULL;
	unsigned long long want = strtoull(cl, &end, 10);
	size_t cap, n = 0;
	char *buf;
	int got;

	if (*cl != '\0' && (*end != '\0' || want > max)) {
		reply_error(w, "too-large", NULL);
		return -1;
	}
	cap = *cl != '\0' ? (size_t)want : max;
	if ((buf = malloc(cap + 1)) == NULL) {
		reply_error(w, "internal", "out of memory");
		return -1;
	}
	while (n < cap && (got = FCGX_GetStr(buf + n, (int)(cap - n < 65536 ? cap - n : 65536), w->req.in)) > 0)
		n += (size_t)got;
	if (*cl == '\0' && n == cap && FCGX_GetChar(w->req.in) != EOF) {
		free(buf);
		reply_error(w, "too-large", NULL);
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

static xmlNodePtr find_signature(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		xmlNodePtr s;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns != NULL && xmlStrEqual(c->ns->href, (const xmlChar *)DSIG_NS) &&
		    xmlStrEqual(c->name, (const xmlChar *)"Signature"))
			return c;
		if ((s = find_signature(c)) != NULL)
			return s;
	}
	return NULL;
}

static void sha256_hex(const char *buf, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	EVP_Digest(buf, len, md, &n, EVP_sha256(), NULL);
	hex_encode(md, 32, out);
}

static int fail(struct worker *w, struct signed_req *r, const struct ob_err *err)
{
	reply_err(w, err);
	signed_req_free(r);
	return -1;
}

int signed_req_read(struct worker *w, struct signed_req *r, const char *root_name, size_t max)
{
	/* Signing in takes an authentication certificate (issue 6.2, A-11);
	 * every decision a signing one (P-13). */
	int login = root_name != NULL && strcmp(root_name, "login") == 0;
	struct sig_opts opts = { .purpose = login ? SIG_PURPOSE_AUTH : SIG_PURPOSE_SIGN, .max_bytes = max };
	struct ob_err err = { 0 };
	xmlNodePtr sig;
	unsigned char rnd[RECEIPT_ID_LEN / 2];
	long long now = ob_now();
	enum doc_kind kind;

	memset(r, 0, sizeof *r);
	if (strcmp(req_param(w, "REQUEST_METHOD"), "POST") != 0) {
		reply_error(w, "method", "use POST");
		return -1;
	}
	if (!xml_content_type(req_param(w, "CONTENT_TYPE"))) {
		reply_error(w, "content-type", "Content-Type must be application/xml");
		return -1;
	}
	if (read_body(w, max, &r->body, &r->len) != 0)
		return -1;
	if (r->len == 0) {
		ob_err_set(&err, "malformed", 0, "the body is empty");
		return fail(w, r, &err);
	}
	opts.now = (time_t)now;
	if (w->srv->gost != NULL) {
		opts.gost = sig_gost_verify;
		opts.gost_arg = w->srv->gost;
	}
	if ((r->doc = sig_verify_buf(w->trust, r->body, r->len, &opts, &r->who, &err)) == NULL)
		return fail(w, r, &err);
	r->root = xmlDocGetRootElement(r->doc);
	if ((sig = find_signature(r->root)) != NULL) {
		xmlUnlinkNode(sig);
		xmlFreeNode(sig);
	}
	if (root_name != NULL ? strcmp((const char *)r->root->name, root_name) != 0
	                      : doc_kind_parse((const char *)r->root->name, &kind) != 0) {
		ob_err_set(&err, "schema", r->root->line, "the root element <%s> is not %s", r->root->name,
		           root_name ? root_name : "a document kind");
		return fail(w, r, &err);
	}
	if ((root_name != NULL ? xsd_validate(r->doc, "submission", &err) : doc_validate_schema(r->doc, &err)) != 0)
		return fail(w, r, &err);
	signed_attr(r, "nonce", r->nonce, sizeof r->nonce);
	if (r->nonce[0] == '\0') {
		ob_err_set(&err, "nonce-invalid", r->root->line, "the document carries no nonce");
		return fail(w, r, &err);
	}
	if (nonce_check(w->srv->nonce_key, r->nonce, now, &r->nonce_expires, &err) != 0)
		return fail(w, r, &err);
	if (RAND_bytes(rnd, sizeof rnd) != 1) {
		ob_err_set(&err, "internal", 0, "no randomness");
		return fail(w, r, &err);
	}
	hex_encode(rnd, sizeof rnd, r->sub.id);
	r->sub.kind = root_name ? root_name : "document";
	ob_time_format(now, r->sub.received);
	date_format(ob_date_of(now), r->sub.day);
	memcpy(r->sub.iin, r->who.iin, sizeof r->sub.iin);
	memcpy(r->sub.bin, r->who.bin, sizeof r->sub.bin);
	memcpy(r->sub.cert_sha256, r->who.cert_sha256, sizeof r->sub.cert_sha256);
	sha256_hex(r->body, r->len, r->sub.sha256);
	r->sub.xml = r->body;
	r->sub.len = r->len;
	return 0;
}

void signed_req_free(struct signed_req *r)
{
	xmlFreeDoc(r->doc);
	free(r->body);
	r->doc = NULL;
	r->body = NULL;
}

const char *signed_attr(struct signed_req *r, const char *name, char *buf, size_t size)
{
	xmlChar *v = xmlGetProp(r->root, (const xmlChar *)name);

	snprintf(buf, size, "%s", v ? (const char *)v : "");
	xmlFree(v);
	return buf;
}

char *signed_child_text(struct signed_req *r, const char *name)
{
	for (xmlNodePtr c = r->root->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)name)) {
			xmlChar *t = xmlNodeGetContent(c);
			char *s = strdup(t ? (const char *)t : "");

			xmlFree(t);
			return s;
		}
	}
	return NULL;
}

int signed_store(struct store *st, struct signed_req *r, struct ob_err *err)
{
	int rc = db_nonce_use(st, r->nonce, r->nonce_expires, ob_now(), err);

	if (rc < 0)
		return -1;
	if (rc == 1) {
		ob_err_set(err, "nonce-reused", 0, "this nonce was already used; get a new one");
		return -1;
	}
	return db_submission_insert(st, &r->sub, err);
}

int target_in_discussion(struct store *st, const char *number, struct doc_target *t, struct ob_err *err)
{
	int rc = db_target_doc(st, number, t, err);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		ob_err_set(err, "document-unknown", 0, "no document %s", number);
		return -1;
	}
	return discussion_open(t, err) ? 0 : -1;
}

int discussion_open(const struct doc_target *t, struct ob_err *err)
{
	struct ob_date today;
	char d[DATE_STRLEN];

	if (strcmp(t->status, "in-discussion") != 0) {
		ob_err_set(err, "discussion-not-open", 0, "document %s is %s, not in discussion",
		           t->number, t->status);
		return 0;
	}
	if (ob_today(&today) != 0) {
		ob_err_set(err, "internal", 0, "no valid today");
		return 0;
	}
	date_format(today, d);
	if (t->discussion_end[0] != '\0' && strcmp(d, t->discussion_end) > 0) {
		ob_err_set(err, "discussion-closed", 0, "the discussion of %s ended on %s",
		           t->number, t->discussion_end);
		return 0;
	}
	return 1;
}

int text_rules(const char *lang, const char *text, size_t max_chars, struct ob_err *err)
{
	size_t n;

	if (lang != NULL && strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0) {
		ob_err_set(err, "language-invalid", 0, "lang \"%s\" is neither kk nor ru", lang);
		return -1;
	}
	if (text == NULL || text_blank(text)) {
		ob_err_set(err, "text-empty", 0, "the text is empty");
		return -1;
	}
	if ((n = utf8_count(text)) > max_chars) {
		ob_err_set(err, "text-too-long", 0, "the text has %zu characters; at most %zu are allowed",
		           n, max_chars);
		return -1;
	}
	return 0;
}

void signed_finish(struct worker *w, struct signed_req *r, job_fn fn, void *arg, struct receipt *out)
{
	struct ob_err err = { 0 };

	if (committer_run(w->srv->commit, fn, arg, &err) != 0) {
		reply_err(w, &err);
	} else {
		memcpy(out->id, r->sub.id, sizeof out->id);
		snprintf(out->kind, sizeof out->kind, "%s", r->sub.kind);
		memcpy(out->received, r->sub.received, sizeof out->received);
		memcpy(out->sha256, r->sub.sha256, sizeof out->sha256);
		reply_receipt(w, 201, out);
	}
	signed_req_free(r);
}
