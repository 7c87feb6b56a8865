/* Staff sessions: tokens and their checks (session.h says why). */
#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "nonce.h"
#include "session.h"

static int random_hex(char out[SESSION_TOKEN_LEN + 1])
{
	unsigned char raw[SESSION_TOKEN_LEN / 2];

	if (RAND_bytes(raw, sizeof raw) != 1)
		return -1;
	hex_encode(raw, sizeof raw, out);
	OPENSSL_cleanse(raw, sizeof raw);
	return 0;
}

int session_new(const struct principal *who, long long now, long long not_after, struct session *s,
                char token[SESSION_TOKEN_LEN + 1], struct ob_err *err)
{
	memset(s, 0, sizeof *s);
	if (random_hex(token) != 0 || random_hex(s->csrf) != 0)
		return ob_err_set(err, "internal", 0, "no randomness"), -1;
	s->who = *who;
	s->created = s->last_seen = now;
	s->expires = now + SESSION_MAX;
	if (not_after > 0 && not_after < s->expires)
		s->expires = not_after;
	return 0;
}

void session_token_hash(const char *token, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	EVP_Digest(token, strlen(token), md, &n, EVP_sha256(), NULL);
	hex_encode(md, n, out);
}

int session_token_valid(const char *token)
{
	size_t i;

	if (token == NULL)
		return 0;
	for (i = 0; i < SESSION_TOKEN_LEN; i++)
		if (!((token[i] >= '0' && token[i] <= '9') || (token[i] >= 'a' && token[i] <= 'f')))
			return 0;
	return token[i] == '\0';
}

int session_csrf_ok(const struct session *s, const char *csrf)
{
	return csrf != NULL && strlen(csrf) == SESSION_TOKEN_LEN &&
	       CRYPTO_memcmp(s->csrf, csrf, SESSION_TOKEN_LEN) == 0;
}

int session_needs_touch(const struct session *s, long long now)
{
	return now - s->last_seen >= SESSION_TOUCH_EVERY;
}
