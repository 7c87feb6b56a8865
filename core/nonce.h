/* Challenges for signed submissions (issue 4): GET /api/challenge hands out
 * a nonce that a submission must carry; it is valid NONCE_TTL seconds and
 * used once.  A nonce is 80 lower-case hex digits: the issue time (16), 16
 * random bytes (32) and the first 16 bytes of an HMAC-SHA256 over both
 * under the server's secret (32), so issuing one writes nothing and a
 * forged or altered one is recognised without a lookup.  Single use is
 * recorded by db_nonce_use() in the transaction that stores the
 * submission, so a refused submission does not burn its nonce. */
#ifndef OB_NONCE_H
#define OB_NONCE_H

#include "err.h"

#define NONCE_LEN 80
#define NONCE_TTL 300

/* Writes a fresh nonce issued at now; -1 when the OS has no randomness. */
int nonce_make(const unsigned char key[32], long long now, char out[NONCE_LEN + 1]);

/* 0 when nonce is one of ours and not expired at now, with *expires set;
 * -1 with err "nonce-invalid" (not ours, altered, malformed) or
 * "nonce-expired". */
int nonce_check(const unsigned char key[32], const char *nonce, long long now,
                long long *expires, struct ob_err *err);

/* A stable pseudonym of an IIN for open data (issue 4.4): 16 hex digits of
 * an HMAC-SHA256 under the server's "pseudonym" secret. */
void pseudonym(const unsigned char key[32], const char *iin, char out[17]);

/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void hex_encode(const unsigned char *in, size_t n, char *out);

#endif
