/* The external GOST verifier's client: core/sig_gost.h, docs/signatures.md.
 *
 * Fail closed: the only answer that lets a signature through is HTTP 200
 * with JSON whose "valid" is the boolean true, whose one signer is valid
 * and is a certificate of the document's own X509Data.  Everything else is
 * a refusal; a verifier that cannot be reached is "internal" (HTTP 500 to
 * the client), never a pass. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/un.h>
#include <curl/curl.h>
#include <json-c/json.h>
#include <libxml/tree.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "sig_gost.h"

#define DSIG_NS "http://www.w3.org/2000/09/xmldsig#"
#define VERIFY_PATH "/xml/verify"
#define ANSWER_MAX (1024 * 1024)   /* one signer's answer is a few KB */
#define DOC_CERTS_MAX 8            /* as core/sig.c allows in X509Data */

struct sig_gost {
	char base[SIG_GOST_URL_MAX];
	char request[SIG_GOST_URL_MAX + sizeof VERIFY_PATH];
	char unix_path[sizeof ((struct sockaddr_un *)0)->sun_path];  /* "" for http(s) */
};

/* A certificate of X509Data with the bytes it came as. */
struct doc_cert {
	X509 *x;
	unsigned char *der;
	size_t len;
};

struct answer {
	char *data;
	size_t len;
};

int sig_gost_global_init(struct ob_err *err)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		ob_err_set(err, "internal", 0, "cannot initialize libcurl");
		return -1;
	}
	return 0;
}

void sig_gost_global_cleanup(void)
{
	curl_global_cleanup();
}

/* ---- the address ---- */

static int printable_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/* A part of u that must be absent: 1 when it is there. */
static int has_part(CURLU *u, CURLUPart part)
{
	char *v = NULL;
	int there = curl_url_get(u, part, &v, 0) == CURLUE_OK && v != NULL && *v != '\0';

	curl_free(v);
	return there;
}

/* Parses url into g (when g is not NULL).  The same parser as the one
 * libcurl connects with, so that what is checked is what is reached:
 * "http://127.0.0.1@evil.example/" has a user and is refused, and a host
 * is compared after libcurl's normalisation. */
static int url_parse(const char *url, struct sig_gost *g, struct ob_err *err)
{
	CURLU *u = NULL;
	char *scheme = NULL, *host = NULL, *path = NULL, *full = NULL, *p;
	int rc = -1, ok;
	size_t n;

	if (url == NULL || *url == '\0' || strlen(url) >= SIG_GOST_URL_MAX || !printable_ascii(url)) {
		ob_err_set(err, "url-invalid", 0, "the URL must be 1 to %d printable ASCII characters "
		           "without spaces", SIG_GOST_URL_MAX - 1);
		return -1;
	}
	if (strncmp(url, "unix:", 5) == 0) {
		const char *sock = url + 5;

		if (sock[0] != '/' || strlen(sock) >= sizeof g->unix_path || strpbrk(sock, "?#") != NULL) {
			ob_err_set(err, "url-invalid", 0, "unix:PATH needs an absolute socket path of at most "
			           "%zu bytes", sizeof g->unix_path - 1);
			return -1;
		}
		if (g != NULL) {
			snprintf(g->unix_path, sizeof g->unix_path, "%s", sock);
			snprintf(g->request, sizeof g->request, "http://localhost%s", VERIFY_PATH);
		}
		rc = 0;
		goto out;
	}
	if ((u = curl_url()) == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		goto out;
	}
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || *host == '\0') {
		ob_err_set(err, "url-invalid", 0, "%s is not an absolute http:// or https:// URL", url);
		goto out;
	}
	if (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD) ||
	    has_part(u, CURLUPART_OPTIONS) || has_part(u, CURLUPART_QUERY) ||
	    has_part(u, CURLUPART_FRAGMENT) || has_part(u, CURLUPART_ZONEID)) {
		ob_err_set(err, "url-invalid", 0, "the URL may not carry a user, password, query or fragment");
		goto out;
	}
	/* Plain http only on this machine: the signed document (with the
	 * signer's IIN) and the verdict would otherwise cross the network in
	 * clear, and a verdict is what lets a signature through. */
	if (strcmp(scheme, "https") != 0 &&
	    !(strcmp(scheme, "http") == 0 && (strcasecmp(host, "localhost") == 0 ||
	                                      strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0))) {
		ob_err_set(err, "url-invalid", 0, "%s://%s: only http://127.0.0.1, http://[::1], "
		           "http://localhost, https:// or unix:/PATH", scheme, host);
		goto out;
	}
	if (g != NULL) {
		/* {url}/xml/verify, whatever the base path's trailing slashes. */
		if (curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK) {
			ob_err_set(err, "internal", 0, "out of memory");
			goto out;
		}
		for (n = strlen(path); n > 0 && path[n - 1] == '/'; n--)
			path[n - 1] = '\0';
		if ((p = malloc(n + sizeof VERIFY_PATH)) == NULL) {
			ob_err_set(err, "internal", 0, "out of memory");
			goto out;
		}
		memcpy(p, path, n);
		memcpy(p + n, VERIFY_PATH, sizeof VERIFY_PATH);
		ok = curl_url_set(u, CURLUPART_PATH, p, 0) == CURLUE_OK &&
		     curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK && strlen(full) < sizeof g->request;
		free(p);
		if (!ok) {
			ob_err_set(err, "url-invalid", 0, "%s: cannot append %s", url, VERIFY_PATH);
			goto out;
		}
		snprintf(g->request, sizeof g->request, "%s", full);
		g->unix_path[0] = '\0';
	}
	rc = 0;
out:
	if (rc == 0 && g != NULL)
		snprintf(g->base, sizeof g->base, "%s", url);
	curl_free(scheme);
	curl_free(host);
	curl_free(path);
	curl_free(full);
	curl_url_cleanup(u);
	return rc;
}

int sig_gost_url_check(const char *url, struct ob_err *err)
{
	return url_parse(url, NULL, err);
}

struct sig_gost *sig_gost_new(const char *url, struct ob_err *err)
{
	struct sig_gost *g = calloc(1, sizeof *g);

	if (g == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		return NULL;
	}
	if (url_parse(url, g, err) != 0) {
		free(g);
		return NULL;
	}
	return g;
}

void sig_gost_free(struct sig_gost *g)
{
	free(g);
}

const char *sig_gost_url(const struct sig_gost *g)
{
	return g->base;
}

int sig_gost_needs_inet(const struct sig_gost *g)
{
	return g != NULL && g->unix_path[0] == '\0';
}

/* ---- the document's certificates ---- */

/* Base64 with white space (line breaks in X509Certificate); -1 when it is
 * not base64. */
static int b64_decode(const char *s, size_t n, unsigned char **out, size_t *len)
{
	EVP_ENCODE_CTX *ctx = EVP_ENCODE_CTX_new();
	unsigned char *buf = malloc(n / 4 * 3 + 4);
	int a = 0, b = 0, ok;

	ok = ctx != NULL && buf != NULL && n <= INT_MAX;
	if (ok) {
		EVP_DecodeInit(ctx);
		ok = EVP_DecodeUpdate(ctx, buf, &a, (const unsigned char *)s, (int)n) >= 0 &&
		     EVP_DecodeFinal(ctx, buf + a, &b) == 1 && a + b > 0;
	}
	EVP_ENCODE_CTX_free(ctx);
	if (!ok) {
		free(buf);
		return -1;
	}
	*out = buf;
	*len = (size_t)(a + b);
	return 0;
}

static int is_ds(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST DSIG_NS) && xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNodePtr ds_child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c != NULL; c = c->next)
		if (is_ds(c, name))
			return c;
	return NULL;
}

static void doc_certs_free(struct doc_cert *c, int n)
{
	for (int i = 0; i < n; i++) {
		X509_free(c[i].x);
		free(c[i].der);
	}
}

/* The X509Certificates of the Signature that core/sig.c has already found
 * to be the only one, a child of the root (steps 1-15). */
static int doc_certs(xmlDocPtr doc, struct doc_cert *out, int *n, struct ob_err *err)
{
	xmlNodePtr x509 = ds_child(ds_child(ds_child(xmlDocGetRootElement(doc), "Signature"), "KeyInfo"),
	                           "X509Data");

	*n = 0;
	for (xmlNodePtr c = x509 ? x509->children : NULL; c != NULL; c = c->next) {
		xmlChar *b64;
		const unsigned char *q;
		struct doc_cert *d = &out[*n];
		int bad;

		if (!is_ds(c, "X509Certificate"))
			continue;
		if (*n == DOC_CERTS_MAX) {
			ob_err_set(err, "signature-invalid", 0, "more than %d certificates in X509Data",
			           DOC_CERTS_MAX);
			goto fail;
		}
		b64 = xmlNodeGetContent(c);
		bad = b64 == NULL ||
		      b64_decode((const char *)b64, (size_t)xmlStrlen(b64), &d->der, &d->len) != 0;
		xmlFree(b64);
		if (bad) {
			ob_err_set(err, "certificate-missing", 0, "X509Certificate is not base64");
			goto fail;
		}
		q = d->der;
		(*n)++;
		if ((d->x = d2i_X509(NULL, &q, (long)d->len)) == NULL || q != d->der + d->len) {
			ob_err_set(err, "certificate-missing", 0, "X509Certificate is not a DER certificate");
			goto fail;
		}
	}
	if (*n == 0) {
		ob_err_set(err, "certificate-missing", 0, "no X509Certificate in the Signature");
		return -1;
	}
	return 0;
fail:
	doc_certs_free(out, *n);
	*n = 0;
	return -1;
}

/* ---- the exchange ---- */

static size_t on_answer(char *data, size_t size, size_t nmemb, void *arg)
{
	struct answer *a = arg;
	size_t n = size * nmemb;
	char *p;

	if (n > ANSWER_MAX - a->len || (p = realloc(a->data, a->len + n + 1)) == NULL)
		return 0;  /* curl stops with CURLE_WRITE_ERROR */
	memcpy(p + a->len, data, n);
	a->data = p;
	a->len += n;
	a->data[a->len] = '\0';
	return n;
}

/* {"xml": the document, "revocationCheck": ["CRL"]}, NCANode 3.x's
 * XmlVerifyRequest.  The tree is serialized again: it is what core/sig.c
 * checked, and C14N gives it the same bytes to digest as the original. */
static char *request_body(xmlDocPtr doc, size_t *len, struct ob_err *err)
{
	xmlChar *xml = NULL;
	int xml_len = 0;
	json_object *o = json_object_new_object(), *rc = json_object_new_array();
	json_object *x = NULL, *crl = json_object_new_string("CRL");
	const char *s;
	char *body = NULL;
	size_t n = 0;

	xmlDocDumpMemoryEnc(doc, &xml, &xml_len, "UTF-8");
	if (xml != NULL)
		x = json_object_new_string_len((const char *)xml, xml_len);
	if (o == NULL || rc == NULL || crl == NULL || x == NULL || json_object_array_add(rc, crl) != 0) {
		json_object_put(crl);
		json_object_put(rc);
		json_object_put(x);
		goto out;
	}
	json_object_object_add(o, "xml", x);
	json_object_object_add(o, "revocationCheck", rc);
	s = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	if (s != NULL && (body = malloc(n + 1)) != NULL) {
		memcpy(body, s, n + 1);
		*len = n;
	}
out:
	if (body == NULL)
		ob_err_set(err, "internal", 0, "out of memory");
	json_object_put(o);
	xmlFree(xml);
	return body;
}

static int exchange(const struct sig_gost *g, const char *body, size_t len, struct answer *a,
                    long *http, struct ob_err *err)
{
	CURL *c = curl_easy_init();
	struct curl_slist *h = NULL, *t;
	CURLcode res = CURLE_OUT_OF_MEMORY;
	int rc = -1;

	/* No "Expect: 100-continue" pause, JSON both ways. */
	if (c == NULL || (h = curl_slist_append(NULL, "Content-Type: application/json")) == NULL ||
	    (t = curl_slist_append(h, "Accept: application/json")) == NULL ||
	    (t = curl_slist_append(t, "Expect:")) == NULL)
		goto out;
	curl_easy_setopt(c, CURLOPT_URL, g->request);
	if (g->unix_path[0] != '\0')
		curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, g->unix_path);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	/* The address is the operator's, not the environment's: no proxy. */
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)SIG_GOST_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)SIG_GOST_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "obfcgi");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POST, 1L);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_answer);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
	if ((res = curl_easy_perform(c)) != CURLE_OK)
		goto out;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, http);
	rc = 0;
out:
	if (rc != 0)
		ob_err_set(err, "internal", 0, "GOST verifier %s: %s%s", g->base, curl_easy_strerror(res),
		           res == CURLE_WRITE_ERROR ? " (answer too large)" : "");
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc;
}

/* ---- the verdict ---- */

static json_object *member(json_object *o, const char *key, json_type type)
{
	json_object *v = NULL;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, type))
		return NULL;
	return v;
}

/* Only the JSON boolean true; not "true", not 1. */
static int is_true(json_object *o, const char *key)
{
	json_object *v = member(o, key, json_type_boolean);

	return v != NULL && json_object_get_boolean(v);
}

/* Hex without sign, leading zeros or case: "0A1b" and "a1b" are equal. */
static void hex_norm(const char *in, char *out, size_t size)
{
	size_t i = 0;

	if (*in == '-' && i + 1 < size)
		out[i++] = *in++;
	while (in[0] == '0' && in[1] != '\0')
		in++;
	for (; *in != '\0' && i + 1 < size; in++)
		out[i++] = (char)(*in >= 'A' && *in <= 'F' ? *in - 'A' + 'a' : *in);
	out[i] = '\0';
}

/* The signer is c when the answer names c: by its DER ("certificate",
 * from a service that returns it), else by serial number and the
 * certificate's own signature bytes (NCANode's CertificateInfo
 * "serialNumber", hex, and "signature", base64), which together name one
 * certificate.  The public key is not compared: NCANode returns the key
 * as its provider encodes it, which need not be the certificate's bytes. */
static int names_cert(json_object *signer, const struct doc_cert *c)
{
	json_object *der = member(signer, "certificate", json_type_string);
	json_object *serial = member(signer, "serialNumber", json_type_string);
	json_object *sig = member(signer, "signature", json_type_string);
	const ASN1_BIT_STRING *bits = NULL;
	BIGNUM *bn = NULL;
	char *hex = NULL, ours[160], theirs[160];
	unsigned char *raw = NULL;
	size_t len = 0;
	int same = 0;

	if (der != NULL) {
		same = b64_decode(json_object_get_string(der), (size_t)json_object_get_string_len(der), &raw,
		                  &len) == 0 && len == c->len && memcmp(raw, c->der, len) == 0;
		free(raw);
		return same;
	}
	if (serial == NULL || sig == NULL ||
	    (bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(c->x), NULL)) == NULL ||
	    (hex = BN_bn2hex(bn)) == NULL)
		goto out;
	hex_norm(hex, ours, sizeof ours);
	hex_norm(json_object_get_string(serial), theirs, sizeof theirs);
	X509_get0_signature(&bits, NULL, c->x);
	same = strcmp(ours, theirs) == 0 && bits != NULL &&
	       b64_decode(json_object_get_string(sig), (size_t)json_object_get_string_len(sig), &raw,
	                  &len) == 0 &&
	       len == (size_t)ASN1_STRING_length(bits) && memcmp(raw, ASN1_STRING_get0_data(bits), len) == 0;
out:
	free(raw);
	OPENSSL_free(hex);
	BN_free(bn);
	return same;
}

static int revoked(json_object *signer)
{
	json_object *list = member(signer, "revocations", json_type_array);

	for (size_t i = 0; list != NULL && i < json_object_array_length(list); i++)
		if (is_true(json_object_array_get_idx(list, i), "revoked"))
			return 1;
	return 0;
}

/* The refusal, or the index of the signer's certificate among certs. */
static int judge(const struct answer *a, long http, const struct doc_cert *certs, int ncerts, time_t now,
                 struct ob_err *err)
{
	json_tokener *tok = json_tokener_new();
	json_object *top = NULL, *status, *msg, *signers, *signer;
	int found = -1, i;
	size_t end;

	if (tok != NULL) {
		top = json_tokener_parse_ex(tok, a->data ? a->data : "", (int)a->len);
		end = json_tokener_get_parse_end(tok);
		while (top != NULL && end < a->len && strchr(" \t\r\n", a->data[end]) != NULL)
			end++;
		if (json_tokener_get_error(tok) != json_tokener_success || end != a->len) {
			json_object_put(top);
			top = NULL;
		}
		json_tokener_free(tok);
	}
	status = member(top, "status", json_type_int);
	msg = member(top, "message", json_type_string);
	if (http != 200 || (status != NULL && json_object_get_int(status) != 200)) {
		long code = http != 200 ? http : json_object_get_int(status);

		/* 4xx: the verifier read the document and refused it. */
		ob_err_set(err, code >= 400 && code < 500 ? "signature-invalid" : "internal", 0,
		           "GOST verifier answered %ld: %.200s", code, msg ? json_object_get_string(msg) : "");
		goto out;
	}
	if (!json_object_is_type(top, json_type_object)) {
		ob_err_set(err, "internal", 0, "GOST verifier's answer is not a JSON object");
		goto out;
	}
	signers = member(top, "signers", json_type_array);
	if (signers == NULL || json_object_array_length(signers) != 1 ||
	    !json_object_is_type(signer = json_object_array_get_idx(signers, 0), json_type_object)) {
		ob_err_set(err, "signature-invalid", 0, "GOST verifier names %zu signers, exactly 1 expected",
		           signers ? json_object_array_length(signers) : (size_t)0);
		goto out;
	}
	if (revoked(signer)) {
		ob_err_set(err, "certificate-revoked", 0, "GOST verifier: the certificate is revoked");
		goto out;
	}
	for (i = 0; i < ncerts && found < 0; i++)
		if (names_cert(signer, &certs[i]))
			found = i;
	if (found < 0) {
		ob_err_set(err, "signature-invalid", 0, "GOST verifier's signer is no certificate of X509Data");
		goto out;
	}
	/* The verifier judged validity at its own clock; ours decides. */
	if (X509_cmp_time(X509_get0_notBefore(certs[found].x), &now) != -1 ||
	    X509_cmp_time(X509_get0_notAfter(certs[found].x), &now) != 1) {
		ob_err_set(err, "certificate-expired", 0, "the GOST certificate is not valid at this time");
		found = -1;
		goto out;
	}
	if (!is_true(signer, "valid")) {
		ob_err_set(err, "certificate-untrusted", 0, "GOST verifier did not accept the certificate");
		found = -1;
		goto out;
	}
	if (!is_true(top, "valid")) {
		ob_err_set(err, "signature-invalid", 0, "GOST verifier: the signature is not valid");
		found = -1;
		goto out;
	}
out:
	json_object_put(top);
	return found;
}

int sig_gost_verify(void *arg, xmlDocPtr doc, time_t now, unsigned char **cert_der, size_t *cert_len,
                    struct ob_err *err)
{
	const struct sig_gost *g = arg;
	struct doc_cert certs[DOC_CERTS_MAX];
	struct answer a = { NULL, 0 };
	char *body = NULL;
	size_t len = 0;
	long http = 0;
	int n = 0, i, rc = -1;

	*cert_der = NULL;
	*cert_len = 0;
	if (g == NULL || doc == NULL) {
		ob_err_set(err, "internal", 0, "no GOST verifier");
		return -1;
	}
	if (doc_certs(doc, certs, &n, err) != 0 || (body = request_body(doc, &len, err)) == NULL ||
	    exchange(g, body, len, &a, &http, err) != 0 || (i = judge(&a, http, certs, n, now, err)) < 0)
		goto out;
	if ((*cert_der = malloc(certs[i].len)) == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		goto out;
	}
	memcpy(*cert_der, certs[i].der, certs[i].len);
	*cert_len = certs[i].len;
	rc = 0;
out:
	doc_certs_free(certs, n);
	free(body);
	free(a.data);
	return rc;
}
