/* Verifying a submission's signature (core/sig.h, docs/signatures.md):
 * its shape first (sig_structure.c), then the certificates of X509Data,
 * the chain and CRLs (sig_cert.c), the XML signature with xmlsec1 and the
 * key the chain check accepted, or GOST through the external verifier
 * (sig_gost.c); the signer's identity last. */
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>
#include <openssl/x509v3.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/base64.h>
#include <xmlsec/errors.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>

#include "sig.h"
#include "sig_cert.h"
#include "sig_impl.h"
#include "xmlin.h"

struct sig_trust {
	X509_STORE *store;       /* our roots, our CRLs: the chain check (step 16) */
};

/* xmlsec's first error since xmlsec_verify() began, for the message. */
static _Thread_local char xmlsec_last[256];
static int initialized;

static void on_xmlsec_error(const char *file, int line, const char *func, const char *obj,
                            const char *subj, int reason, const char *msg)
{
	(void)file;
	(void)line;
	(void)obj;
	(void)subj;
	/* The first error is the cause; the ones after it are the unwinding. */
	if (xmlsec_last[0] != '\0')
		return;
	snprintf(xmlsec_last, sizeof xmlsec_last, "%s: %s (reason %d)", func ? func : "xmlsec",
	         msg ? msg : "", reason);
}

int sig_init(struct ob_err *err)
{
	if (initialized)
		return 0;
	xmlInitParser();
	if (xmlSecInit() < 0 || xmlSecCheckVersion() != 1 || xmlSecOpenSSLAppInit(NULL) < 0 ||
	    xmlSecOpenSSLInit() < 0) {
		ob_err_set(err, "internal", 0, "cannot initialize xmlsec");
		return -1;
	}
	/* A server has no terminal: keep xmlsec's reasons for our messages. */
	xmlSecErrorsSetCallback(on_xmlsec_error);
	initialized = 1;
	return 0;
}

void sig_shutdown(void)
{
	if (!initialized)
		return;
	xmlSecOpenSSLShutdown();
	xmlSecOpenSSLAppShutdown();
	xmlSecShutdown();
	initialized = 0;
}

struct sig_trust *sig_trust_open(const char *dir, struct ob_err *err)
{
	struct sig_trust *t = NULL;
	STACK_OF(X509) *certs = NULL;
	STACK_OF(X509_CRL) *crls = NULL;
	int ok = 0;

	if (sig_cert_load_dir(dir, &certs, &crls, err) != 0)
		goto out;
	if ((t = calloc(1, sizeof *t)) == NULL || (t->store = sig_cert_store_new(certs, crls)) == NULL) {
		ob_err_set(err, "internal", 0, "cannot create the certificate store");
		goto out;
	}
	ok = 1;
out:
	sk_X509_pop_free(certs, X509_free);
	sk_X509_CRL_pop_free(crls, X509_CRL_free);
	if (!ok) {
		sig_trust_free(t);
		t = NULL;
	}
	return t;
}

void sig_trust_free(struct sig_trust *t)
{
	if (t == NULL)
		return;
	X509_STORE_free(t->store);
	free(t);
}

/* The DER certificates of X509Data, in document order. */
static int x509data_certs(xmlNodePtr x509, STACK_OF(X509) **out, struct ob_err *err)
{
	int rc = -1, bad = 0;
	xmlNodePtr c;
	xmlChar *b64 = NULL;
	STACK_OF(X509) *certs = sk_X509_new_null();

	if (certs == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		goto out;
	}
	for (c = sig_next_elem(x509->children, &bad); c != NULL; c = sig_next_elem(c->next, &bad)) {
		xmlSecSize len = 0;
		const unsigned char *q;
		X509 *x;

		b64 = xmlNodeGetContent(c);
		if (b64 == NULL || xmlSecBase64DecodeInPlace(b64, &len) < 0) {
			ob_err_set(err, "certificate-missing", 0, "X509Certificate is not base64");
			goto out;
		}
		q = b64;
		if ((x = d2i_X509(NULL, &q, (long)len)) == NULL || q != b64 + len) {
			X509_free(x);
			ob_err_set(err, "certificate-missing", 0, "X509Certificate is not a DER certificate");
			goto out;
		}
		if (!sk_X509_push(certs, x)) {
			X509_free(x);
			ob_err_set(err, "internal", 0, "out of memory");
			goto out;
		}
		xmlFree(b64);
		b64 = NULL;
	}
	*out = certs;
	certs = NULL;
	rc = 0;
out:
	xmlFree(b64);
	sk_X509_pop_free(certs, X509_free);
	return rc;
}

/* xmlsec with every restriction it offers: Reference URI "" only, our
 * algorithms only, no Manifests.  The key is the public key of the
 * certificate that steps 15-17 accepted, handed to xmlsec before it starts:
 * xmlsec then never reads KeyInfo (xmldsig.c takes KeyInfo only when no
 * key is set), so it can use no other key, and it does not decode, copy and
 * verify the certificate a second time against its own, weaker store (the
 * system's CAs, CRLs optional) -- work that was a third of obfcgi's time
 * for a vote (docs/benchmarks.md, "API: signed votes"). */
static int xmlsec_verify(xmlNodePtr signature, X509 *leaf, struct ob_err *err)
{
	int rc = -1;
	size_t i;
	xmlSecDSigCtxPtr ds = NULL;
	xmlSecDSigReferenceCtxPtr ref;
	xmlSecKeyDataPtr kd;
	xmlSecKeyPtr key = NULL;
	EVP_PKEY *pub;

	xmlsec_last[0] = '\0';
	if ((ds = xmlSecDSigCtxCreate(NULL)) == NULL)
		goto fail;
	ds->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
	ds->enabledReferenceUris = xmlSecTransformUriTypeEmpty;
	for (i = 0; i < sig_nalgs; i++) {
		xmlSecTransformId id = xmlSecTransformIdListFindByHref(xmlSecTransformIdsGet(),
		                                                       BAD_CAST sig_algs[i].uri,
		                                                       xmlSecTransformUsageAny);
		if (id == xmlSecTransformIdUnknown)
			goto fail;
		if (sig_algs[i].kind != ALG_SIGN && xmlSecDSigCtxEnableReferenceTransform(ds, id) < 0)
			goto fail;
		if ((sig_algs[i].kind == ALG_C14N || sig_algs[i].kind == ALG_SIGN) &&
		    xmlSecDSigCtxEnableSignatureTransform(ds, id) < 0)
			goto fail;
	}
	/* A key xmlsec has no algorithm for (Ed25519, GOST without the
	 * verifier) cannot have made the signature; a key of the wrong type
	 * for the SignatureMethod (RSA with ecdsa-sha256) xmlsec refuses
	 * itself.  Both are "signature-invalid", as when xmlsec read KeyInfo. */
	if ((key = xmlSecKeyCreate()) == NULL)
		goto fail;
	if ((pub = X509_get0_pubkey(leaf)) == NULL || !EVP_PKEY_up_ref(pub)) {
		ob_err_set(err, "signature-invalid", 0, "the certificate's public key cannot be read");
		goto out;
	}
	if ((kd = xmlSecOpenSSLEvpKeyAdopt(pub)) == NULL) {
		EVP_PKEY_free(pub);
		ob_err_set(err, "signature-invalid", 0, "the certificate's key type cannot sign%s%s",
		           xmlsec_last[0] ? ": " : "", xmlsec_last);
		goto out;
	}
	if (xmlSecKeySetValue(key, kd) < 0) {
		xmlSecKeyDataDestroy(kd);
		goto fail;
	}
	ds->signKey = key;  /* the context owns it now */
	key = NULL;
	if (xmlSecDSigCtxVerify(ds, signature) < 0 || ds->status != xmlSecDSigStatusSucceeded) {
		ob_err_set(err, "signature-invalid", 0, "signature does not verify%s%s",
		           xmlsec_last[0] ? ": " : "", xmlsec_last);
		goto out;
	}
	/* Trust xmlsec's verdict only about what we checked ourselves: one
	 * Reference, URI "". */
	if (xmlSecPtrListGetSize(&ds->signedInfoReferences) != 1 ||
	    (ref = xmlSecPtrListGetItem(&ds->signedInfoReferences, 0)) == NULL ||
	    ref->status != xmlSecDSigStatusSucceeded || ref->uri == NULL || ref->uri[0] != '\0') {
		ob_err_set(err, "signature-invalid", 0, "xmlsec verified something else");
		goto out;
	}
	rc = 0;
	goto out;
fail:
	ob_err_set(err, "internal", 0, "cannot set up xmlsec%s%s", xmlsec_last[0] ? ": " : "",
	           xmlsec_last);
out:
	if (key != NULL)
		xmlSecKeyDestroy(key);
	if (ds != NULL)
		xmlSecDSigCtxDestroy(ds);
	return rc;
}

/* The external verifier decides the signature and the chain; it must name
 * the certificate of X509Data as the signer's. */
static int gost_verify(const struct sig_opts *opts, xmlDocPtr doc, X509 *leaf, time_t now,
                       struct ob_err *err)
{
	int rc = -1;
	unsigned char *der = NULL;
	size_t len = 0;
	const unsigned char *q;
	X509 *x = NULL;
	struct ob_err e;

	ob_err_clear(&e);
	if (opts->gost(opts->gost_arg, doc, now, &der, &len, &e) != 0) {
		if (e.code[0] == '\0')
			ob_err_set(&e, "signature-invalid", 0, "GOST verifier refused the signature");
		ob_err_set(err, e.code, e.line, "%s", e.msg);
		goto out;
	}
	q = der;
	if (der == NULL || (x = d2i_X509(NULL, &q, (long)len)) == NULL || q != der + len ||
	    X509_cmp(x, leaf) != 0) {
		ob_err_set(err, "signature-invalid", 0, "GOST verifier named another certificate");
		goto out;
	}
	rc = 0;
out:
	X509_free(x);
	free(der);
	return rc;
}

/* Comments are outside every Reference URI="": remove them, and join the
 * text they split, so that "ab<!---->cd" reads as the signed "abcd". */
static void strip_comments(xmlDocPtr doc)
{
	xmlNodePtr n, next, prev, after;

	for (n = doc->children; n != NULL; n = next) {
		next = sig_node_next(n);
		if (n->type != XML_COMMENT_NODE)
			continue;
		prev = n->prev;
		after = n->next;
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		if (prev != NULL && after != NULL && prev->type == XML_TEXT_NODE &&
		    after->type == XML_TEXT_NODE) {
			xmlTextMerge(prev, after);
			next = sig_node_next(prev);
		}
	}
}

int sig_verify(struct sig_trust *t, xmlDocPtr doc, const struct sig_opts *opts,
               struct sig_identity *out, struct ob_err *err)
{
	int rc = -1;
	struct sig_parts p = { NULL, NULL, 0 };
	STACK_OF(X509) *certs = NULL;
	X509 *leaf;
	struct sig_identity id;
	time_t now;

	if (!initialized || t == NULL || doc == NULL || opts == NULL) {
		ob_err_set(err, "internal", 0, "sig_verify: not initialized or no input");
		return -1;
	}
	now = opts->now ? opts->now : time(NULL);
	if (sig_check_structure(doc, &p, opts->gost != NULL, err) != 0 ||
	    x509data_certs(p.x509data, &certs, err) != 0 ||
	    (leaf = sig_cert_pick_leaf(certs, err)) == NULL)
		goto out;
	if (p.gost) {
		if (gost_verify(opts, doc, leaf, now, err) != 0)
			goto out;
	} else if (sig_cert_verify(t->store, leaf, certs, now, err) != 0) {
		goto out;
	}
	if (sig_cert_usage(leaf, opts->purpose, err) != 0)
		goto out;
	if (!p.gost && xmlsec_verify(p.signature, leaf, err) != 0)
		goto out;
	if (sig_cert_identity(leaf, &id, err) != 0)
		goto out;
	strip_comments(doc);
	if (out != NULL)
		*out = id;
	rc = 0;
out:
	sk_X509_pop_free(certs, X509_free);
	return rc;
}

xmlDocPtr sig_verify_buf(struct sig_trust *t, const char *buf, size_t len,
                         const struct sig_opts *opts, struct sig_identity *out,
                         struct ob_err *err)
{
	xmlDocPtr doc;
	size_t max = opts != NULL && opts->max_bytes ? opts->max_bytes : OB_XML_MAX;

	if ((doc = xml_parse_limited(buf, len, max, err)) == NULL)
		return NULL;
	if (sig_verify(t, doc, opts, out, err) != 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}
