/* What core/sig_gost.c (the verifier's address and the HTTP exchange) and
 * core/sig_gost_verdict.c (the document's certificates and the judgement
 * of the answer) share.  Not for other files: core/sig_gost.h is the
 * interface. */
#ifndef OB_SIG_GOST_IMPL_H
#define OB_SIG_GOST_IMPL_H

#include <stddef.h>
#include <time.h>
#include <libxml/tree.h>
#include <openssl/x509.h>

#include "err.h"

/* A certificate of X509Data with the bytes it came as. */
struct doc_cert {
	X509 *x;
	unsigned char *der;
	size_t len;
};

/* The verifier's answer, as received (NUL-terminated when not empty). */
struct answer {
	char *data;
	size_t len;
};

/* The X509Certificates of the Signature that core/sig.c has already found
 * to be the only one, a child of the root (steps 1-15): 0 with *n of them
 * in out (at most SIG_MAX_CERTS, core/sig_impl.h), or -1 with err and none. */
int sig_gost_doc_certs(xmlDocPtr doc, struct doc_cert *out, int *n, struct ob_err *err);
void sig_gost_doc_certs_free(struct doc_cert *c, int n);
/* The refusal (-1, err), or the index of the signer's certificate among
 * certs. */
int sig_gost_judge(const struct answer *a, long http, const struct doc_cert *certs, int ncerts,
                   time_t now, struct ob_err *err);

#endif
