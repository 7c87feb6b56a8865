/* The external verifier of GOST signatures (issue 4.3): NCA keys made for
 * GOST 34.310/34.311 or 34.10/34.11-2015 cannot be verified by OpenSSL and
 * xmlsec here, so core/sig.c hands them to a sig_gost_fn.  This is one: an
 * HTTP client (libcurl, json-c) of an NCANode 3.x-compatible service,
 * `POST {url}/xml/verify`.  docs/signatures.md, "GOST keys and an external
 * verifier", says what is sent, what answer is accepted and why.
 *
 * The verifier's address is an operator setting (`obctl trust
 * gost-verifier URL`, core/db_settings.h); only local addresses or https
 * are accepted (sig_gost_url_check). */
#ifndef OB_SIG_GOST_H
#define OB_SIG_GOST_H

#include <stddef.h>
#include <time.h>
#include <libxml/tree.h>

#include "err.h"

#define SIG_GOST_URL_MAX 1024        /* bytes of the base URL, NUL included */
#define SIG_GOST_TIMEOUT_MS 2000     /* the whole exchange, connection included */

struct sig_gost;

/* libcurl's process-wide set-up: once, from the main thread, before any
 * other thread runs; cleanup after the last one has stopped. */
int sig_gost_global_init(struct ob_err *err);
void sig_gost_global_cleanup(void);

/* 0 when url is an address a verifier may have: http to 127.0.0.1, [::1]
 * or localhost (any port, any path), https to any host, or unix:/PATH (a
 * unix socket, spoken to as http://localhost).  No user, query or
 * fragment, nothing but printable ASCII.  -1 with "url-invalid". */
int sig_gost_url_check(const char *url, struct ob_err *err);

/* A client of the verifier at url (checked with sig_gost_url_check).  The
 * client is read-only once made: threads may share it. */
struct sig_gost *sig_gost_new(const char *url, struct ob_err *err);
void sig_gost_free(struct sig_gost *g);
/* The base URL it was made with. */
const char *sig_gost_url(const struct sig_gost *g);
/* 1 when reaching the verifier needs an inet or inet6 socket (http,
 * https), 0 for a unix socket: obfcgi's sandbox allows no more. */
int sig_gost_needs_inet(const struct sig_gost *g);

/* A sig_gost_fn (core/sig.h); arg is a struct sig_gost.  Sends doc to the
 * verifier and accepts only an HTTP 200 whose JSON says valid: true for the
 * document and for exactly one signer, that signer being one of the
 * certificates of the document's own X509Data (same serial number and same
 * signature bytes, or the same DER when the answer carries the
 * certificate), valid at now.  Then 0 and that certificate's DER
 * (malloc'd).  Otherwise -1 with err:
 *   signature-invalid      the verifier said no, or said yes about
 *                          something else (another certificate, two
 *                          signers, "valid" that is not the boolean true)
 *   certificate-revoked    the verifier reports the signer revoked
 *   certificate-expired    the signer's certificate is not valid at now
 *   certificate-untrusted  the verifier did not accept the certificate
 *   internal               no answer in SIG_GOST_TIMEOUT_MS, no connection,
 *                          an HTTP error other than 4xx, an answer that is
 *                          not the JSON expected */
int sig_gost_verify(void *arg, xmlDocPtr doc, time_t now, unsigned char **cert_der,
                    size_t *cert_len, struct ob_err *err);

#endif
