/* The GOST verifier's verdict (core/sig_gost.h, docs/signatures.md): the
 * certificates of the document's own X509Data, and the judgement of the
 * verifier's answer against them.  Fail closed: only HTTP 200 with JSON
 * whose "valid" is the boolean true, whose one signer is valid and is one
 * of those certificates, lets a signature through.  core/sig_gost.c
 * reaches the verifier. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>
#include <libxml/tree.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "sig_gost_impl.h"
#include "sig_impl.h"

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

static xmlNodePtr ds_child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c != NULL; c = c->next)
		if (sig_is_ds(c, name))
			return c;
	return NULL;
}

void sig_gost_doc_certs_free(struct doc_cert *c, int n)
{
	for (int i = 0; i < n; i++) {
		X509_free(c[i].x);
		free(c[i].der);
	}
}

/* The X509Certificates of the Signature that core/sig.c has already found
 * to be the only one, a child of the root (steps 1-15). */
int sig_gost_doc_certs(xmlDocPtr doc, struct doc_cert *out, int *n, struct ob_err *err)
{
	xmlNodePtr x509 = ds_child(ds_child(ds_child(xmlDocGetRootElement(doc), "Signature"), "KeyInfo"),
	                           "X509Data");

	*n = 0;
	for (xmlNodePtr c = x509 ? x509->children : NULL; c != NULL; c = c->next) {
		xmlChar *b64;
		const unsigned char *q;
		struct doc_cert *d = &out[*n];
		int bad;

		if (!sig_is_ds(c, "X509Certificate"))
			continue;
		if (*n == SIG_MAX_CERTS) {
			ob_err_set(err, "signature-invalid", 0, "more than %d certificates in X509Data",
			           SIG_MAX_CERTS);
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
	sig_gost_doc_certs_free(out, *n);
	*n = 0;
	return -1;
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
int sig_gost_judge(const struct answer *a, long http, const struct doc_cert *certs, int ncerts, time_t now,
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
