/* obgen's layout (generator/layout.c): every unit key maps to its buckets,
 * every file name in a bucket maps back to its unit, and the buckets that
 * are pooled are the leaves.  The incremental build relies on these being
 * exact inverses (issue 3.8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "../../generator/layout.c"
#include "../../generator/map.c"
#include "../../generator/sig.c"

const char *const gen_lang[GEN_LANGS] = { "kk", "ru" };

static const struct {
	const char *key;
	int n;
	const char *buckets[UNIT_BUCKETS];
	const char *file; /* a file of the unit in its first bucket */
} cases[] = {
	{ "root/index", 1, { "" }, "index.html" },
	{ "static/all", 1, { "static" }, "site.css" },
	{ "schema/all", 1, { "schema" }, "budget-report.xsd" },
	{ "home/index", 2, { "kk", "ru" }, "index.html" },
	{ "kind/index", 2, { "kk/kind", "ru/kind" }, "index.html" },
	{ "kind/passport/index", 2, { "kk/kind/passport", "ru/kind/passport" }, "index.html" },
	{ "year/2026/3", 2, { "kk/year/2026", "ru/year/2026" }, "3.html" },
	{ "admin/000000000225/index", 2, { "kk/admin/000000000225", "ru/admin/000000000225" }, "index.html" },
	{ "region/central/2", 2, { "kk/region/central", "ru/region/central" }, "2.html" },
	{ "discussion/index", 2, { "kk/discussion", "ru/discussion" }, "index.html" },
	{ "doc/12345", 3, { "kk/doc/123", "ru/doc/123", "data/doc/123" }, "12345.html" },
	{ "program/7", 2, { "kk/program/0", "ru/program/0" }, "7.html" },
	{ "program/g4", 2, { "kk/program", "ru/program" }, "g4.html" },
	{ "charts/2025", 2, { "kk/charts", "ru/charts" }, "2025.html" },
	{ "catalogue/3", 2, { "kk/data", "ru/data" }, "3.html" },
	{ "fdp/budget-lines-2025", 1, { "data/fdp" }, "budget-lines-2025.csv" },
};

static void test_key_to_buckets(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[UNIT_BUCKETS][BUCKET_MAX];
		int n = unit_buckets(cases[i].key, out);

		assert_int_equal(n, cases[i].n);
		for (int j = 0; j < n; j++)
			assert_string_equal(out[j], cases[i].buckets[j]);
	}
}

static void test_file_to_key(void **state)
{
	char key[256];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (int j = 0; j < cases[i].n; j++) {
			bucket_unit_key(cases[i].buckets[j], cases[i].file, key, sizeof key);
			assert_string_equal(key, cases[i].key);
		}
	/* Every file of a document shares its stem. */
	bucket_unit_key("data/doc/123", "12345.indicators.csv", key, sizeof key);
	assert_string_equal(key, "doc/12345");
	bucket_unit_key("data/doc/123", "12345.att2.pdf", key, sizeof key);
	assert_string_equal(key, "doc/12345");
}

static void test_leaves(void **state)
{
	(void)state;
	assert_false(bucket_leaf(""));
	assert_false(bucket_leaf("kk"));
	assert_false(bucket_leaf("ru/kind"));
	assert_false(bucket_leaf("kk/program"));
	assert_false(bucket_leaf("data/doc"));
	assert_true(bucket_leaf("kk/kind/passport"));
	assert_true(bucket_leaf("kk/doc/0"));
	assert_true(bucket_leaf("data/doc/12"));
	assert_true(bucket_leaf("data/fdp"));
	assert_true(bucket_leaf("static"));
	assert_true(bucket_leaf("ru/charts"));
}

static void test_map(void **state)
{
	struct map m = { 0 };
	char k[32];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "doc/%d", i);
		assert_non_null(map_get(&m, k, 1));
		map_get(&m, k, 0)->u = (uint64_t)i;
	}
	assert_int_equal(m.n, 5000);
	for (int i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "doc/%d", i);
		assert_int_equal(map_get(&m, k, 0)->u, i);
	}
	assert_null(map_get(&m, "doc/5000", 0));
	map_free(&m);
}

static void test_sig(void **state)
{
	(void)state;
	assert_true(sig_str(sig_str(SIG_INIT, "ab"), "c") != sig_str(sig_str(SIG_INIT, "a"), "bc"));
	assert_true(sig_int(SIG_INIT, 1) != sig_int(SIG_INIT, 2));
	assert_true(sig_str(SIG_INIT, NULL) != sig_str(SIG_INIT, ""));
	/* Words and tails: the length counts, and so does every byte. */
	static const char z[16] = { 0 };
	uint64_t by_len[17];

	for (size_t n = 0; n <= 16; n++) {
		by_len[n] = sig_bytes(SIG_INIT, z, n);
		for (size_t k = 0; k < n; k++)
			assert_true(by_len[k] != by_len[n]);
	}
	assert_true(sig_bytes(SIG_INIT, "abcdefghijk", 11) != sig_bytes(SIG_INIT, "abcdefghijK", 11));
	assert_true(sig_bytes(SIG_INIT, "abcdefghijk", 11) != sig_bytes(SIG_INIT, "Abcdefghijk", 11));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_to_buckets), cmocka_unit_test(test_file_to_key),
		cmocka_unit_test(test_leaves), cmocka_unit_test(test_map), cmocka_unit_test(test_sig),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
