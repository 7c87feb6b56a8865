/* The X.509 half of core/sig.c: trust directory, chain, revocation, key
 * usage, identity.  Only sig.c includes this; callers use sig.h. */
#ifndef OB_SIG_CERT_H
#define OB_SIG_CERT_H

#include <time.h>
#include <openssl/x509.h>

#include "err.h"
#include "sig.h"

/* Reads every *.pem, *.crt, *.cer, *.crl file of dir.  Every certificate
 * must be a CA; at least one must be self-signed (a root).  err code
 * "trust-invalid". */
int sig_cert_load_dir(const char *dir, STACK_OF(X509) **certs, STACK_OF(X509_CRL) **crls,
                      struct ob_err *err);

/* An X509_STORE holding certs and crls, CRL checking on for every link. */
X509_STORE *sig_cert_store_new(STACK_OF(X509) *certs, STACK_OF(X509_CRL) *crls);

/* The signer among the certificates of X509Data: the one that issued none
 * of the others.  Borrowed pointer; NULL with "certificate-untrusted" when
 * there is not exactly one. */
X509 *sig_cert_pick_leaf(STACK_OF(X509) *certs, struct ob_err *err);

/* Chain to a root of store at time now, with a CRL for every CA in it.
 * Codes "certificate-untrusted", "certificate-revoked",
 * "certificate-expired". */
int sig_cert_verify(X509_STORE *store, X509 *leaf, STACK_OF(X509) *untrusted, time_t now,
                    struct ob_err *err);

/* KU digitalSignature and the EKU of purpose; "certificate-usage". */
int sig_cert_usage(X509 *leaf, enum sig_purpose purpose, struct ob_err *err);

/* IIN (and BIN), CN, serial, SHA-256; "identity-invalid". */
int sig_cert_identity(X509 *leaf, struct sig_identity *out, struct ob_err *err);

#endif
