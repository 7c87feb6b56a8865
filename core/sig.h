/* Signature verification for every state-changing submission (P-13: a
 * proposal, a vote, an answer is sent with an EDS).  A submission is an XML
 * document with one enveloped XML-DSig as NCALayer's signXml makes it; the
 * signer is identified by the IIN (and for a legal entity the BIN) in the
 * subject of a certificate that chains to the trust directory.
 *
 * XML-DSig and C14N are xmlsec1's, X.509 is OpenSSL's; docs/signatures.md
 * lists every check in order and every error code. */
#ifndef OB_SIG_H
#define OB_SIG_H

#include <stddef.h>
#include <time.h>
#include <libxml/tree.h>

#include "err.h"

/* A directory of PEM files: CA certificates (self-signed ones are the roots,
 * the others are intermediates) and one CRL for each CA. */
struct sig_trust;

enum sig_purpose {
	SIG_PURPOSE_SIGN = 0, /* EKU 1.3.6.1.5.5.7.3.4: proposals, votes, answers */
	SIG_PURPOSE_AUTH = 1, /* EKU 1.3.6.1.5.5.7.3.2: log-in */
};

/* Who signed.  Strings are NUL-terminated; bin is "" for a person's own
 * certificate. */
struct sig_identity {
	char iin[13];
	char bin[13];
	char common_name[256];  /* UTF-8, as in the certificate's CN */
	char cert_serial[80];   /* upper-case hex, no separators */
	char cert_sha256[65];   /* lower-case hex of SHA-256 over the DER */
	time_t not_after;       /* end of the certificate's validity */
};

/* Verifies a signature made with algorithms OpenSSL does not have: NCA's
 * GOST 34.310/34.311 and GOST 34.10-2015/34.11-2015 (docs/signatures.md).
 * The verifier (e.g. an HTTP client of an NCA-compatible service) must
 * check everything: the XML signature over the whole document, the chain
 * to NCA's GOST roots, validity at now and revocation.  Return 0 and the
 * DER of the certificate whose key made the signature (malloc'd; the caller
 * frees it), or -1 with err filled using the codes of this module. */
typedef int (*sig_gost_fn)(void *arg, xmlDocPtr doc, time_t now,
                           unsigned char **cert_der, size_t *cert_len, struct ob_err *err);

struct sig_opts {
	enum sig_purpose purpose;
	time_t now;             /* verification time; 0 means time(NULL) */
	sig_gost_fn gost;       /* NULL: GOST algorithms are "unsupported-algorithm" */
	void *gost_arg;
	size_t max_bytes;       /* sig_verify_buf only; 0 means OB_XML_MAX */
};

/* Process-wide set-up and tear-down of xmlsec (and libxml2, OpenSSL);
 * call once from the main thread before any other function here. */
int sig_init(struct ob_err *err);
void sig_shutdown(void);

/* Loads every regular file of dir (PEM certificates and CRLs).  NULL with
 * err "trust-invalid" when the directory is unreadable, holds no root CA
 * or a file that is not PEM.  A trust is not for concurrent use: open one
 * per thread. */
struct sig_trust *sig_trust_open(const char *dir, struct ob_err *err);
void sig_trust_free(struct sig_trust *t);

/* Verifies the one enveloped signature of doc and fills out.  0 when valid;
 * -1 with err->code one of "signature-missing", "signature-invalid",
 * "signature-multiple", "reference-invalid", "unsupported-algorithm",
 * "certificate-missing", "certificate-untrusted", "certificate-expired",
 * "certificate-revoked", "certificate-usage", "identity-invalid", "doctype"
 * and, for failures of the machine itself, "internal".
 * On success the whole of doc is what was signed; comments (never covered
 * by a Reference URI="") are removed from it so that a reader cannot see
 * unsigned text.  out may be NULL. */
int sig_verify(struct sig_trust *t, xmlDocPtr doc, const struct sig_opts *opts,
               struct sig_identity *out, struct ob_err *err);

/* Parses buf with xml_parse_limited() (so "too-large", "doctype",
 * "malformed", "encoding" come first) and verifies it.  Returns the verified
 * document, which the caller frees, or NULL with err filled. */
xmlDocPtr sig_verify_buf(struct sig_trust *t, const char *buf, size_t len,
                         const struct sig_opts *opts, struct sig_identity *out,
                         struct ob_err *err);

/* 1 when s12 is exactly 12 ASCII digits followed by NUL and the control
 * digit of the Kazakh IIN/BIN algorithm matches; 0 otherwise (also for
 * NULL).  BINs use the same control digit. */
int iin_valid(const char *s12);

#endif
