/* Challenge nonces and pseudonyms: HMAC-SHA256 from OpenSSL (nonce.h). */
#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "nonce.h"

void hex_encode(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static void mac(const unsigned char key[32], const char *msg, size_t len, char out[33])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	HMAC(EVP_sha256(), key, 32, (const unsigned char *)msg, len, md, &mdlen);
	hex_encode(md, 16, out);
}

int nonce_make(const unsigned char key[32], long long now, char out[NONCE_LEN + 1])
{
	unsigned char rnd[16];

	if (RAND_bytes(rnd, sizeof rnd) != 1)
		return -1;
	snprintf(out, 17, "%016llx", (unsigned long long)now);
	hex_encode(rnd, sizeof rnd, out + 16);
	mac(key, out, 48, out + 48);
	return 0;
}

int nonce_check(const unsigned char key[32], const char *nonce, long long now,
                long long *expires, struct ob_err *err)
{
	char want[33];
	unsigned long long issued = 0;

	if (strlen(nonce) != NONCE_LEN || strspn(nonce, "0123456789abcdef") != NONCE_LEN) {
		ob_err_set(err, "nonce-invalid", 0, "the nonce is not one of GET /api/challenge");
		return -1;
	}
	mac(key, nonce, 48, want);
	if (CRYPTO_memcmp(want, nonce + 48, 32) != 0) {
		ob_err_set(err, "nonce-invalid", 0, "the nonce was not issued by this portal");
		return -1;
	}
	sscanf(nonce, "%16llx", &issued);
	*expires = (long long)issued + NONCE_TTL;
	if ((long long)issued > now + 60 || now > *expires) {
		ob_err_set(err, "nonce-expired", 0, "the nonce expired; get a new one from GET /api/challenge");
		return -1;
	}
	return 0;
}

void pseudonym(const unsigned char key[32], const char *iin, char out[17])
{
	char full[33];

	mac(key, iin, strlen(iin), full);
	memcpy(out, full, 16);
	out[16] = '\0';
}
