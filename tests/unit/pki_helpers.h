/* The test PKI of the signature tests (test_sig.c, test_gost.c; cmocka must
 * be included first): a temporary directory, pki_dir, in which
 * tests/pki/make-ca.sh makes the CAs, the users' keys and certificates and
 * the trust stores at test time (none of it is committed), with the fixture
 * to sign written next to them and documents signed there by
 * tests/pki/sign.sh; OB_KEEP_PKI in the environment keeps it after the
 * test.  Also what else those tests share: small text helpers, the check of
 * a verdict of sig_verify_buf against the error code a case expects, and
 * the cmocka test of one row of a table of cases. */
#ifndef OB_TEST_PKI_HELPERS_H
#define OB_TEST_PKI_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/tree.h>

#include "err.h"
#include "sig.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

static char pki_dir[64];  /* made by pki_make() */

/* Midnight UTC of y-m-d. */
static inline time_t utc(int y, int m, int d)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return timegm(&tm);
}

/* The whole file at path, NUL-terminated (NULL when it does not exist). */
static inline char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Replaces the first `from` in *s by `to`; the test fails when absent. */
static inline void subst(char **s, const char *from, const char *to)
{
	char *at = strstr(*s, from), *n;
	size_t a, fl = strlen(from), tl = strlen(to), sl = strlen(*s);

	assert_non_null(at);
	a = (size_t)(at - *s);
	n = malloc(sl - fl + tl + 1);
	assert_non_null(n);
	memcpy(n, *s, a);
	memcpy(n + a, to, tl);
	memcpy(n + a + tl, at + fl, sl - a - fl + 1);
	free(*s);
	*s = n;
}

/* A new PKI in /tmp/ob-test-NAME-XXXXXX with fixture as fixture.xml, and
 * sig_init(); 0, or -1 when any of it fails. */
static inline int pki_make(const char *name, const char *fixture)
{
	char cmd[512], path[128];
	struct ob_err err;
	FILE *f;

	snprintf(pki_dir, sizeof pki_dir, "/tmp/ob-test-%s-XXXXXX", name);
	if (mkdtemp(pki_dir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "sh %s/tests/pki/make-ca.sh %s", OB_SHARE_DIR, pki_dir);
	if (system(cmd) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/fixture.xml", pki_dir);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs(fixture, f);
	fclose(f);
	return sig_init(&err) == 0 ? 0 : -1;
}

/* The trust store pki_dir/NAME, or NULL (said on stderr). */
static inline struct sig_trust *pki_trust(const char *name)
{
	char path[128];
	struct ob_err err;
	struct sig_trust *t;

	snprintf(path, sizeof path, "%s/%s", pki_dir, name);
	if ((t = sig_trust_open(path, &err)) == NULL)
		fprintf(stderr, "%s: %s %s\n", path, err.code, err.msg);
	return t;
}

/* sig_shutdown() and the PKI removed, unless OB_KEEP_PKI is set. */
static inline int pki_remove(void)
{
	char cmd[128];

	sig_shutdown();
	if (getenv("OB_KEEP_PKI") == NULL && pki_dir[0] != '\0') {
		snprintf(cmd, sizeof cmd, "rm -rf %s", pki_dir);
		if (system(cmd) != 0)
			return -1;
	}
	return 0;
}

/* The fixture signed by users/USER (.key, .pem) with the sign.sh knobs env
 * (NULL: none) and chain, a certificate relative to the PKI, added to
 * X509Data (NULL: none). */
static inline char *pki_sign(const char *env, const char *user, const char *chain)
{
	char cmd[1024], out[128], *xml;

	snprintf(out, sizeof out, "%s/signed.xml", pki_dir);
	snprintf(cmd, sizeof cmd, "%s sh %s/tests/pki/sign.sh %s/fixture.xml %s/users/%s.key "
	         "%s/users/%s.pem %s%s >%s", env ? env : "", OB_SHARE_DIR, pki_dir, pki_dir, user,
	         pki_dir, user, chain ? pki_dir : "", chain ? chain : "", out);
	assert_int_equal(system(cmd), 0);
	xml = slurp(out);
	assert_non_null(xml);
	return xml;
}

/* Fails the case called name unless sig_verify_buf gave doc and err as it
 * must: the error code, or success when code is NULL. */
static inline void pki_expect(const char *name, const char *code, xmlDocPtr doc,
                              const struct ob_err *err)
{
	if (code != NULL) {
		if (doc != NULL || strcmp(err->code, code) != 0)
			fail_msg("%s: expected %s, got %s (%s)", name, code,
			         doc ? "success" : err->code, err->msg);
	} else if (doc == NULL) {
		fail_msg("%s: expected success, got %s (%s)", name, err->code, err->msg);
	}
}

/* The cmocka test of one row of a table of cases, run by fn with the row as
 * its state. */
static inline struct CMUnitTest case_test(const char *name, CMUnitTestFunction fn, const void *row)
{
	struct CMUnitTest t = { .name = name, .test_func = fn, .initial_state = (void *)row };

	return t;
}

#endif
