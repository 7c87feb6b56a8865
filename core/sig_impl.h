/* What core/sig.c (verification) and core/sig_structure.c (the shape of
 * a signature) share.  Not for other files: core/sig.h is the interface. */
#ifndef OB_SIG_IMPL_H
#define OB_SIG_IMPL_H

#include <stddef.h>
#include <libxml/tree.h>

#include "err.h"

#define EXC_C14N_NS "http://www.w3.org/2001/10/xml-exc-c14n#"
#define SIG_MAX_CERTS 8

/* The only algorithms a submission may use: the same table feeds the DOM
 * check and xmlsec's own whitelists (xmlsec_verify). */
enum alg_kind { ALG_C14N, ALG_ENVELOPED, ALG_DIGEST, ALG_SIGN };
struct sig_alg {
	const char *uri;
	enum alg_kind kind;
};
extern const struct sig_alg sig_algs[];
extern const size_t sig_nalgs;

/* Nodes of the one Signature, found by sig_check_structure(). */
struct sig_parts {
	xmlNodePtr signature;
	xmlNodePtr x509data;
	int gost;
};

/* 1 when n is the element ds:NAME (xmlsec's namespace and name check). */
int sig_is_ds(xmlNodePtr n, const char *name);
/* Next element child, skipping white space and comments; anything else
 * sets *bad. */
xmlNodePtr sig_next_elem(xmlNodePtr n, int *bad);
/* Document order, not descending into attributes or entities. */
xmlNodePtr sig_node_next(xmlNodePtr n);
/* 0 when doc holds one Signature of the allowed shape (p filled); -1 with
 * err (the codes of sig.h) otherwise.  gost_ok: GOST algorithms may pass,
 * for the external verifier. */
int sig_check_structure(xmlDocPtr doc, struct sig_parts *p, int gost_ok, struct ob_err *err);

#endif
