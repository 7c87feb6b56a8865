/* The shape of a signature (issue 4.3, docs/signatures.md steps 1-13):
 * exactly one enveloped ds:Signature as the root's child, one Reference to
 * the whole document, only the transforms and algorithms of sig_algs, the
 * signer's certificates in X509Data and nothing else in KeyInfo.  Checked
 * on the DOM before any cryptography; core/sig.c then verifies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/tree.h>
#include <xmlsec/strings.h>
#include <xmlsec/xmltree.h>

#include "sig_impl.h"

/* The only algorithms a submission may use (docs/signatures.md). */
const struct sig_alg sig_algs[] = {
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

const size_t sig_nalgs = sizeof sig_algs / sizeof sig_algs[0];

int sig_is_ds(xmlNodePtr n, const char *name)
{
	/* NULL is checked here: xmlsec reports it as a failed assertion. */
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	       xmlSecCheckNodeName(n, BAD_CAST name, xmlSecDSigNs);
}

/* Next element child, skipping white space and comments; anything else
 * (text, a processing instruction, an entity) has no place inside a
 * signature and sets *bad. */
xmlNodePtr sig_next_elem(xmlNodePtr n, int *bad)
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
xmlNodePtr sig_node_next(xmlNodePtr n)
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

	for (i = 0; i < sig_nalgs; i++)
		if (sig_algs[i].kind == kind && strcmp(sig_algs[i].uri, uri) == 0)
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
	xmlNodePtr c = sig_next_elem(n->children, &bad);

	if (c != NULL && strncmp(uri, EXC_C14N_NS, strlen(EXC_C14N_NS)) == 0 && c->ns != NULL &&
	    xmlStrEqual(c->ns->href, BAD_CAST EXC_C14N_NS) &&
	    xmlStrEqual(c->name, BAD_CAST "InclusiveNamespaces"))
		c = sig_next_elem(c->next, &bad);
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
	c = sig_next_elem(ref->children, &bad);
	if (!sig_is_ds(c, "Transforms")) {
		ob_err_set(err, "reference-invalid", 0, "Reference has no Transforms");
		return -1;
	}
	for (tr = sig_next_elem(c->children, &bad); tr != NULL; tr = sig_next_elem(tr->next, &bad), i++) {
		if (!sig_is_ds(tr, "Transform")) {
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
	c = sig_next_elem(c->next, &bad);
	if (!sig_is_ds(c, "DigestMethod")) {
		ob_err_set(err, "signature-invalid", 0, "Reference has no DigestMethod");
		return -1;
	}
	alg_of(c, alg, sizeof alg);
	if (alg_is_gost(alg) != p->gost || (!p->gost && !alg_known(alg, ALG_DIGEST)) ||
	    (p->gost && !gost_ok)) {
		ob_err_set(err, "unsupported-algorithm", 0, "digest %.200s", alg_shown(alg));
		return -1;
	}
	c = sig_next_elem(c->next, &bad);
	if (!sig_is_ds(c, "DigestValue") || sig_next_elem(c->next, &bad) != NULL || bad) {
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

	c14n = sig_next_elem(si->children, &bad);
	sm = c14n ? sig_next_elem(c14n->next, &bad) : NULL;
	if (!sig_is_ds(c14n, "CanonicalizationMethod") || !sig_is_ds(sm, "SignatureMethod")) {
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
	if (sig_next_elem(sm->children, &bad) != NULL || bad) {
		ob_err_set(err, "signature-invalid", 0, "unexpected content in SignatureMethod");
		return -1;
	}
	ref = sig_next_elem(sm->next, &bad);
	for (c = ref; c != NULL; c = sig_next_elem(c->next, &bad), nref++) {
		if (!sig_is_ds(c, "Reference")) {
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

	for (c = sig_next_elem(ki ? ki->children : NULL, &bad); c != NULL; c = sig_next_elem(c->next, &bad)) {
		if (sig_is_ds(c, "X509Data") && x509 == NULL)
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
	for (c = sig_next_elem(x509->children, &bad); c != NULL; c = sig_next_elem(c->next, &bad), ncert++) {
		if (!sig_is_ds(c, "X509Certificate")) {
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

int sig_check_structure(xmlDocPtr doc, struct sig_parts *p, int gost_ok, struct ob_err *err)
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
	for (n = root; n != NULL; n = sig_node_next(n)) {
		if (n->type == XML_ENTITY_REF_NODE || n->type == XML_XINCLUDE_START) {
			ob_err_set(err, "doctype", 0, "entity or XInclude node");
			return -1;
		}
		if (sig_is_ds(n, "Signature")) {
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
	si = sig_next_elem(p->signature->children, &bad);
	sv = si ? sig_next_elem(si->next, &bad) : NULL;
	ki = sv ? sig_next_elem(sv->next, &bad) : NULL;
	if (!sig_is_ds(si, "SignedInfo") || !sig_is_ds(sv, "SignatureValue")) {
		ob_err_set(err, "signature-invalid", 0, "Signature must start with SignedInfo, SignatureValue");
		return -1;
	}
	/* No Object: it is where wrapped content hides, and NCALayer never
	 * writes one. */
	if ((ki != NULL && !sig_is_ds(ki, "KeyInfo")) || (ki != NULL && sig_next_elem(ki->next, &bad) != NULL) ||
	    bad) {
		ob_err_set(err, "signature-invalid", 0, "Signature holds more than SignedInfo, "
		           "SignatureValue, KeyInfo");
		return -1;
	}
	if (check_signed_info(si, p, gost_ok, err) != 0)
		return -1;
	return check_key_info(ki, p, err);
}
