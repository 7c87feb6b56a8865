#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
#include "xmlin.h"

#define DSIG_NS "http://www.w3.org/2000/09/xmldsig#"
#define EXC_C14N_NS "http://www.w3.org/2001/10/xml-exc-c14n#"
#define SIG_MAX_CERTS 8

struct sig_trust {
	X509_STORE *store;       /* our roots, our CRLs: the chain check (step 16) */
};

/* The only algorithms a submission may use (docs/signatures.md).  The
 * same table feeds the DOM check and xmlsec's own whitelists. */
enum alg_kind { ALG_C14N, ALG_ENVELOPED, ALG_DIGEST, ALG_SIGN };

static const struct {
	const char *uri;
	enum alg_kind kind;
} algs[] = {
	{ "http://www.w3.org/2001/10/xml-exc-c14n#", ALG_C14N },
	{ "http://www.w3.org/2001/10/xml-exc-c14n#WithComments", ALG_C14N },
	{ "http://www.w3.org/TR/2001/REC-xml-c14n-20010315", ALG_C14N },
	{ "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", ALG_C14N },
	{ "http://www.w3.org/2006/12/xml-c14n11", ALG_C14N },
	{ "http://www.w3.org/2006/12/xml-c14n11#WithComments", ALG_C14N },
	{ "http://www.w3.org/2000/09/xmldsig#enveloped-signature", ALG_ENVELOPED },
	{ "http://www.w3.org/2001/04/xmlenc#sha256", ALG_DIGEST },
	{ "http://www.w3.org/2001/04/xmldsig-more#sha384", ALG_DIGEST },
	{ "http://www.w3.org/2001/04/xmlenc#sha512", ALG_DIGEST },
	{ "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", ALG_SIGN },
	{ "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", ALG_SIGN },
	{ "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", ALG_SIGN },
	{ "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", ALG_SIGN },
	{ "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", ALG_SIGN },
	{ "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", ALG_SIGN },
};

/* xmlsec's first error since xmlsec_verify() began, for the message. */
static _Thread_local char xmlsec_last[256];
static int initialized;

/* Nodes of the one Signature, found by check_structure(). */
struct sig_parts {
	xmlNodePtr signature;
	xmlNodePtr x509data;
	int gost;
};

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

static int is_ds(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST DSIG_NS) && xmlStrEqual(n->name, BAD_CAST name);
}

/* Next element child, skipping white space and comments; anything else
 * (text, a processing instruction, an entity) has no place inside a
 * signature and sets *bad. */
static xmlNodePtr next_elem(xmlNodePtr n, int *bad)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
		if (n->type == XML_COMMENT_NODE || (n->type == XML_TEXT_NODE && xmlIsBlankNode(n)))
			continue;
		*bad = 1;
	}
	return NULL;
}

/* Document order, not descending into attributes or entities. */
static xmlNodePtr node_next(xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	for (; n != NULL; n = n->parent) {
		if (n->next != NULL)
			return n->next;
		if (n->parent == NULL || n->parent->type == XML_DOCUMENT_NODE)
			return NULL;
	}
	return NULL;
}

/* GOST 34.310/34.311 (NCA 2004) and 34.10/34.11-2015 URIs, and any other
 * GOST flavour: these go to the external verifier or nowhere. */
static int alg_is_gost(const char *uri)
{
	return strcasestr(uri, "gost") != NULL;
}

static int alg_known(const char *uri, enum alg_kind kind)
{
	size_t i;

	for (i = 0; i < sizeof algs / sizeof algs[0]; i++)
		if (algs[i].kind == kind && strcmp(algs[i].uri, uri) == 0)
			return 1;
	return 0;
}

/* The attribute name of n, which must be there once and without a
 * namespace: xmlsec reads attributes whatever their namespace, so
 * Algorithm="a" beside x:Algorithm="b" could mean b to xmlsec and a to
 * us.  -1 when absent, repeated or longer than size. */
static int attr_get(xmlNodePtr n, const char *name, char *buf, size_t size)
{
	xmlAttrPtr a, found = NULL;
	xmlChar *v;
	int rc = -1;

	for (a = n->properties; a != NULL; a = a->next) {
		if (!xmlStrEqual(a->name, BAD_CAST name))
			continue;
		if (found != NULL || a->ns != NULL)
			return -1;
		found = a;
	}
	if (found == NULL)
		return -1;
	v = xmlNodeGetContent((xmlNodePtr)found);
	if (v != NULL && (size_t)xmlStrlen(v) < size) {
		memcpy(buf, v, (size_t)xmlStrlen(v) + 1);
		rc = 0;
	}
	xmlFree(v);
	return rc;
}

/* n's Algorithm; "" (unknown to every table) when it is not usable. */
static const char *alg_of(xmlNodePtr n, char *buf, size_t size)
{
	if (attr_get(n, "Algorithm", buf, size) != 0)
		buf[0] = '\0';
	return buf;
}

static const char *alg_shown(const char *alg)
{
	return alg[0] != '\0' ? alg : "(no single Algorithm attribute)";
}

/* Only exc-c14n may carry a child: its InclusiveNamespaces list. */
static int alg_children_ok(xmlNodePtr n, const char *uri)
{
	int bad = 0;
	xmlNodePtr c = next_elem(n->children, &bad);

	if (c != NULL && strncmp(uri, EXC_C14N_NS, strlen(EXC_C14N_NS)) == 0 && c->ns != NULL &&
	    xmlStrEqual(c->ns->href, BAD_CAST EXC_C14N_NS) &&
	    xmlStrEqual(c->name, BAD_CAST "InclusiveNamespaces"))
		c = next_elem(c->next, &bad);
	return c == NULL && !bad;
}

/* Everything but the cryptography, before any of it runs: exactly one
 * Signature, enveloped in the root, NCALayer's shape, whitelisted
 * algorithms, a certificate.  Each refusal names its code. */
static int check_reference(xmlNodePtr ref, struct sig_parts *p, int gost_ok, struct ob_err *err)
{
	xmlNodePtr c, tr;
	int bad = 0, i = 0;
	char alg[256], uri[2];

	/* URI="" and nothing else: the whole document is signed.  An absent
	 * URI is not the same (xmlsec would call it "empty" too). */
	if (attr_get(ref, "URI", uri, sizeof uri) != 0 || uri[0] != '\0') {
		ob_err_set(err, "reference-invalid", 0, "Reference URI must be \"\"");
		return -1;
	}
	c = next_elem(ref->children, &bad);
	if (!is_ds(c, "Transforms")) {
		ob_err_set(err, "reference-invalid", 0, "Reference has no Transforms");
		return -1;
	}
	for (tr = next_elem(c->children, &bad); tr != NULL; tr = next_elem(tr->next, &bad), i++) {
		if (!is_ds(tr, "Transform")) {
			ob_err_set(err, "signature-invalid", 0, "unexpected element in Transforms");
			return -1;
		}
		alg_of(tr, alg, sizeof alg);
		if (!alg_known(alg, ALG_ENVELOPED) && !alg_known(alg, ALG_C14N)) {
			ob_err_set(err, "unsupported-algorithm", 0, "transform %.200s", alg_shown(alg));
			return -1;
		}
		/* enveloped-signature first, then at most one C14N. */
		if (i > 1 || alg_known(alg, ALG_ENVELOPED) != (i == 0) || !alg_children_ok(tr, alg)) {
			ob_err_set(err, "reference-invalid", 0,
			           "transforms must be enveloped-signature then C14N");
			return -1;
		}
	}
	if (i == 0) {
		ob_err_set(err, "reference-invalid", 0, "no enveloped-signature transform");
		return -1;
	}
	c = next_elem(c->next, &bad);
	if (!is_ds(c, "DigestMethod")) {
		ob_err_set(err, "signature-invalid", 0, "Reference has no DigestMethod");
		return -1;
	}
	alg_of(c, alg, sizeof alg);
	if (alg_is_gost(alg) != p->gost || (!p->gost && !alg_known(alg, ALG_DIGEST)) ||
	    (p->gost && !gost_ok)) {
		ob_err_set(err, "unsupported-algorithm", 0, "digest %.200s", alg_shown(alg));
		return -1;
	}
	c = next_elem(c->next, &bad);
	if (!is_ds(c, "DigestValue") || next_elem(c->next, &bad) != NULL || bad) {
		ob_err_set(err, "signature-invalid", 0, "Reference is not Transforms, DigestMethod, DigestValue");
		return -1;
	}
	return 0;
}

static int check_signed_info(xmlNodePtr si, struct sig_parts *p, int gost_ok, struct ob_err *err)
{
	xmlNodePtr c14n, sm, ref, c;
	int bad = 0, nref = 0;
	char alg[256];

	c14n = next_elem(si->children, &bad);
	sm = c14n ? next_elem(c14n->next, &bad) : NULL;
	if (!is_ds(c14n, "CanonicalizationMethod") || !is_ds(sm, "SignatureMethod")) {
		ob_err_set(err, "signature-invalid", 0, "SignedInfo must start with "
		           "CanonicalizationMethod, SignatureMethod");
		return -1;
	}
	if (!alg_known(alg_of(c14n, alg, sizeof alg), ALG_C14N)) {
		ob_err_set(err, "unsupported-algorithm", 0, "canonicalization %.200s", alg_shown(alg));
		return -1;
	}
	if (!alg_children_ok(c14n, alg)) {
		ob_err_set(err, "signature-invalid", 0, "unexpected content in CanonicalizationMethod");
		return -1;
	}
	alg_of(sm, alg, sizeof alg);
	p->gost = alg_is_gost(alg);
	/* No SHA-1, no HMAC, nothing unknown; GOST only through the
	 * external verifier. */
	if ((p->gost && !gost_ok) || (!p->gost && !alg_known(alg, ALG_SIGN))) {
		ob_err_set(err, "unsupported-algorithm", 0, "signature method %.200s", alg_shown(alg));
		return -1;
	}
	if (next_elem(sm->children, &bad) != NULL || bad) {
		ob_err_set(err, "signature-invalid", 0, "unexpected content in SignatureMethod");
		return -1;
	}
	ref = next_elem(sm->next, &bad);
	for (c = ref; c != NULL; c = next_elem(c->next, &bad), nref++) {
		if (!is_ds(c, "Reference")) {
			ob_err_set(err, "signature-invalid", 0, "unexpected element in SignedInfo");
			return -1;
		}
	}
	if (nref != 1) {
		ob_err_set(err, "reference-invalid", 0, "%d References, exactly 1 expected", nref);
		return -1;
	}
	if (bad) {
		ob_err_set(err, "signature-invalid", 0, "text in SignedInfo");
		return -1;
	}
	return check_reference(ref, p, gost_ok, err);
}

static int check_key_info(xmlNodePtr ki, struct sig_parts *p, struct ob_err *err)
{
	xmlNodePtr c, x509 = NULL;
	int bad = 0, other = 0, ncert = 0;

	for (c = next_elem(ki ? ki->children : NULL, &bad); c != NULL; c = next_elem(c->next, &bad)) {
		if (is_ds(c, "X509Data") && x509 == NULL)
			x509 = c;
		else
			other = 1;
	}
	/* A bare KeyValue proves only that someone had a key. */
	if (x509 == NULL) {
		ob_err_set(err, "certificate-missing", 0, "KeyInfo has no X509Data");
		return -1;
	}
	if (other || bad) {
		ob_err_set(err, "signature-invalid", 0, "KeyInfo must hold one X509Data only");
		return -1;
	}
	for (c = next_elem(x509->children, &bad); c != NULL; c = next_elem(c->next, &bad), ncert++) {
		if (!is_ds(c, "X509Certificate")) {
			ob_err_set(err, "signature-invalid", 0, "X509Data must hold X509Certificate only");
			return -1;
		}
	}
	if (ncert == 0) {
		ob_err_set(err, "certificate-missing", 0, "X509Data has no certificate");
		return -1;
	}
	if (ncert > SIG_MAX_CERTS) {
		ob_err_set(err, "signature-invalid", 0, "X509Data holds %d certificates", ncert);
		return -1;
	}
	if (bad) {
		ob_err_set(err, "signature-invalid", 0, "text in X509Data");
		return -1;
	}
	p->x509data = x509;
	return 0;
}

static int check_structure(xmlDocPtr doc, struct sig_parts *p, int gost_ok, struct ob_err *err)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n, si, sv, ki;
	int nsig = 0, nroot = 0, bad = 0;

	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		ob_err_set(err, "doctype", 0, "DOCTYPE is not allowed");
		return -1;
	}
	for (n = doc->children; n != NULL; n = n->next)
		nroot += n->type == XML_ELEMENT_NODE;
	if (root == NULL) {
		ob_err_set(err, "signature-missing", 0, "empty document");
		return -1;
	}
	if (nroot != 1) {
		ob_err_set(err, "signature-invalid", 0, "%d root elements", nroot);
		return -1;
	}
	/* Every Signature anywhere, Objects and foreign wrappers included. */
	for (n = root; n != NULL; n = node_next(n)) {
		if (n->type == XML_ENTITY_REF_NODE || n->type == XML_XINCLUDE_START) {
			ob_err_set(err, "doctype", 0, "entity or XInclude node");
			return -1;
		}
		if (is_ds(n, "Signature")) {
			p->signature = n;
			nsig++;
		}
	}
	if (nsig == 0) {
		ob_err_set(err, "signature-missing", 0, "no ds:Signature");
		return -1;
	}
	if (nsig > 1) {
		ob_err_set(err, "signature-multiple", 0, "%d ds:Signature elements, 1 expected", nsig);
		return -1;
	}
	/* Enveloped in the root itself: a Signature deeper down, or one that
	 * is the root, signs something other than what the caller reads. */
	if (p->signature->parent != root) {
		ob_err_set(err, "signature-invalid", 0, "ds:Signature must be a child of the root");
		return -1;
	}
	si = next_elem(p->signature->children, &bad);
	sv = si ? next_elem(si->next, &bad) : NULL;
	ki = sv ? next_elem(sv->next, &bad) : NULL;
	if (!is_ds(si, "SignedInfo") || !is_ds(sv, "SignatureValue")) {
		ob_err_set(err, "signature-invalid", 0, "Signature must start with SignedInfo, SignatureValue");
		return -1;
	}
	/* No Object: it is where wrapped content hides, and NCALayer never
	 * writes one. */
	if ((ki != NULL && !is_ds(ki, "KeyInfo")) || (ki != NULL && next_elem(ki->next, &bad) != NULL) ||
	    bad) {
		ob_err_set(err, "signature-invalid", 0, "Signature holds more than SignedInfo, "
		           "SignatureValue, KeyInfo");
		return -1;
	}
	if (check_signed_info(si, p, gost_ok, err) != 0)
		return -1;
	return check_key_info(ki, p, err);
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
	for (c = next_elem(x509->children, &bad); c != NULL; c = next_elem(c->next, &bad)) {
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
	for (i = 0; i < sizeof algs / sizeof algs[0]; i++) {
		xmlSecTransformId id = xmlSecTransformIdListFindByHref(xmlSecTransformIdsGet(),
		                                                       BAD_CAST algs[i].uri,
		                                                       xmlSecTransformUsageAny);
		if (id == xmlSecTransformIdUnknown)
			goto fail;
		if (algs[i].kind != ALG_SIGN && xmlSecDSigCtxEnableReferenceTransform(ds, id) < 0)
			goto fail;
		if ((algs[i].kind == ALG_C14N || algs[i].kind == ALG_SIGN) &&
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
		next = node_next(n);
		if (n->type != XML_COMMENT_NODE)
			continue;
		prev = n->prev;
		after = n->next;
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		if (prev != NULL && after != NULL && prev->type == XML_TEXT_NODE &&
		    after->type == XML_TEXT_NODE) {
			xmlTextMerge(prev, after);
			next = node_next(prev);
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
	if (check_structure(doc, &p, opts->gost != NULL, err) != 0 ||
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
