/* Challenge nonces and pseudonyms (core/nonce.c, issue 4.2, 4.4): a nonce
 * is ours, unaltered and at most NONCE_TTL seconds old; a pseudonym is
 * stable for one IIN and tells nothing about it.  Time is fixed with
 * ob_clock_set_now(): no test waits for the clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "clock.h"
#include "nonce.h"

/* 2026-11-29T09:33:17Z */
#define T0 1795944797LL

static const unsigned char key[32] = "0123456789abcdef0123456789abcde";
static const unsigned char other_key[32] = "another key, another portal....";

static int setup(void **state)
{
	(void)state;
	ob_clock_set_now(T0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ob_clock_set_now(0);
	return 0;
}

/* nonce_check at now; returns the error code, "" when accepted. */
static const char *check_at(const unsigned char *k, const char *nonce, long long now, long long *expires)
{
	static struct ob_err err;
	long long exp = 0;

	memset(&err, 0, sizeof err);
	if (nonce_check(k, nonce, now, expires ? expires : &exp, &err) == 0) {
		assert_string_equal(err.code, "");
		return "";
	}
	assert_true(err.msg[0] != '\0');
	return err.code;
}

static void test_make_then_check(void **state)
{
	char n[NONCE_LEN + 1], time_hex[17];
	long long expires = 0;

	(void)state;
	assert_int_equal(nonce_make(key, ob_now(), n), 0);
	assert_int_equal(strlen(n), NONCE_LEN);
	assert_int_equal(strspn(n, "0123456789abcdef"), NONCE_LEN);
	/* The first 16 digits are the issue time. */
	snprintf(time_hex, sizeof time_hex, "%016llx", T0);
	assert_memory_equal(n, time_hex, 16);
	assert_string_equal(check_at(key, n, ob_now(), &expires), "");
	assert_int_equal(expires, T0 + NONCE_TTL);
	assert_int_equal(NONCE_TTL, 300);  /* issue 4.2: valid 5 minutes */
}

static void test_two_nonces_differ(void **state)
{
	char a[NONCE_LEN + 1], b[NONCE_LEN + 1];

	(void)state;
	assert_int_equal(nonce_make(key, ob_now(), a), 0);
	assert_int_equal(nonce_make(key, ob_now(), b), 0);
	assert_memory_equal(a, b, 16);          /* same second */
	assert_memory_not_equal(a + 16, b + 16, 32);  /* 16 random bytes */
	assert_string_not_equal(a, b);
}

/* Any one digit changed, in the time, the random part or the MAC. */
static void test_altered_digit(void **state)
{
	char n[NONCE_LEN + 1], bad[NONCE_LEN + 1];

	(void)state;
	assert_int_equal(nonce_make(key, ob_now(), n), 0);
	for (int i = 0; i < NONCE_LEN; i++) {
		memcpy(bad, n, sizeof bad);
		bad[i] = bad[i] == 'f' ? '0' : bad[i] == '9' ? 'a' : (char)(bad[i] + 1);
		assert_string_equal(check_at(key, bad, ob_now(), NULL), "nonce-invalid");
	}
	assert_string_equal(check_at(key, n, ob_now(), NULL), "");
}

static void test_other_key(void **state)
{
	char n[NONCE_LEN + 1];

	(void)state;
	assert_int_equal(nonce_make(other_key, ob_now(), n), 0);
	assert_string_equal(check_at(key, n, ob_now(), NULL), "nonce-invalid");
	assert_string_equal(check_at(other_key, n, ob_now(), NULL), "");
}

static void test_malformed(void **state)
{
	static const char *const cases[] = {
		"",
		"00",
		/* 79 and 81 digits */
		"0000000000000000000000000000000000000000000000000000000000000000000000000000000",
		"000000000000000000000000000000000000000000000000000000000000000000000000000000000",
		/* upper case, a space, a letter that is not hex */
		"0000000000000000000000000000000000000000000000000000000000000000000000000000000A",
		"0000000000000000000000000000000000000000000000000000000000000000000000000000000 ",
		"000000000000000000000000000000000000000000000000000000000000000000000000000000g0",
	};
	char n[NONCE_LEN + 1], upper[NONCE_LEN + 1];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(check_at(key, cases[i], ob_now(), NULL), "nonce-invalid");
	/* The same nonce in upper case is not ours either. */
	assert_int_equal(nonce_make(key, ob_now(), n), 0);
	for (int i = 0; i <= NONCE_LEN; i++)
		upper[i] = (char)(n[i] >= 'a' && n[i] <= 'f' ? n[i] - 32 : n[i]);
	if (strcmp(upper, n) != 0)
		assert_string_equal(check_at(key, upper, ob_now(), NULL), "nonce-invalid");
}

/* Valid through T0 + TTL, expired one second later. */
static void test_expiry(void **state)
{
	char n[NONCE_LEN + 1];

	(void)state;
	assert_int_equal(nonce_make(key, T0, n), 0);
	ob_clock_set_now(T0 + NONCE_TTL);
	assert_string_equal(check_at(key, n, ob_now(), NULL), "");
	ob_clock_set_now(T0 + NONCE_TTL + 1);
	assert_string_equal(check_at(key, n, ob_now(), NULL), "nonce-expired");
	ob_clock_set_now(T0 + 86400);
	assert_string_equal(check_at(key, n, ob_now(), NULL), "nonce-expired");
}

/* A nonce from the future: a minute of clock skew is tolerated, no more. */
static void test_future_issue_time(void **state)
{
	char n[NONCE_LEN + 1];

	(void)state;
	assert_int_equal(nonce_make(key, T0 + 60, n), 0);
	assert_string_equal(check_at(key, n, T0, NULL), "");
	assert_int_equal(nonce_make(key, T0 + 61, n), 0);
	assert_string_equal(check_at(key, n, T0, NULL), "nonce-expired");
	assert_int_equal(nonce_make(key, T0 + 3600, n), 0);
	assert_string_equal(check_at(key, n, T0, NULL), "nonce-expired");
}

static void test_pseudonym(void **state)
{
	static const char *const iins[] = { "900101300017", "900101300811", "851202400023", "010203600044" };
	char a[17], b[17], c[17];

	(void)state;
	for (size_t i = 0; i < sizeof iins / sizeof iins[0]; i++) {
		pseudonym(key, iins[i], a);
		pseudonym(key, iins[i], b);
		assert_string_equal(a, b);                   /* stable */
		assert_int_equal(strlen(a), 16);
		assert_int_equal(strspn(a, "0123456789abcdef"), 16);
		assert_null(strstr(a, iins[i] + 6));         /* no digits of the IIN shown */
		pseudonym(other_key, iins[i], c);
		assert_string_not_equal(a, c);               /* keyed by the server's secret */
		for (size_t j = 0; j < i; j++) {
			pseudonym(key, iins[j], c);
			assert_string_not_equal(a, c);           /* one per person */
		}
	}
}

static void test_hex_encode(void **state)
{
	static const unsigned char in[] = { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff };
	char out[2 * sizeof in + 1];

	(void)state;
	hex_encode(in, sizeof in, out);
	assert_string_equal(out, "00017f80abff");
	hex_encode(in, 0, out);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_make_then_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_nonces_differ, setup, teardown),
		cmocka_unit_test_setup_teardown(test_altered_digit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_expiry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_future_issue_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pseudonym, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hex_encode, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
