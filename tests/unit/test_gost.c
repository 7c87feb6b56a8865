/* core/sig_gost.c through core/sig.c: GOST signatures sent to an external
 * verifier, here the fake NCANode of tests/fake/ncanode.c run in a forked
 * child on 127.0.0.1 (or a unix socket).  Documents are signed by the test
 * CA (tests/pki) with RSA and then given GOST algorithm URIs: the fake
 * verifier verifies nothing, it says what its --mode tells it to, so each
 * case checks what the client makes of one answer.  No answer but "valid,
 * one signer, the document's certificate" may let a document through. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <json-c/json.h>
#include <libxml/tree.h>

#include "pki_helpers.h"
#include "sig.h"
#include "sig_gost.h"

#define FAKE_NCANODE_NO_MAIN
#include "../fake/ncanode.c"

#define GOST2015_SIG "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512"
#define GOST2015_DIGEST "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512"
#define GOST2004_SIG "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311"
#define GOST2004_DIGEST "http://www.w3.org/2001/04/xmldsig-more#gost34311"

static char log_path[128], sock_path[128];
static struct sig_trust *trust;
static time_t NOW;  /* 2026-06-01: the test certificates are in force */

static const char FIXTURE[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Proposal id=\"p1\" doc=\"passport-2026-001\">\n"
	"  <Part>3.1</Part>\n"
	"  <Text>Мектептерге көбірек қаражат бөлу керек</Text>\n"
	"</Proposal>\n";

enum doc_kind { DOC_GOST2015, DOC_GOST2004, DOC_RSA, DOC_GOST_SHA256 };
enum url_form { URL_IP, URL_LOCALHOST_SLASH, URL_UNIX };

/* FIXTURE signed by users/USER with RSA-SHA256 (tests/pki/sign.sh), then
 * given the algorithm URIs of kind. */
static char *signed_doc(const char *user, enum doc_kind kind)
{
	char *xml = pki_sign(NULL, user, NULL);

	if (kind == DOC_GOST2015 || kind == DOC_GOST2004 || kind == DOC_GOST_SHA256)
		subst(&xml, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
		      kind == DOC_GOST2015 ? GOST2015_SIG : GOST2004_SIG);
	if (kind == DOC_GOST2015 || kind == DOC_GOST2004)
		subst(&xml, "http://www.w3.org/2001/04/xmlenc#sha256",
		      kind == DOC_GOST2015 ? GOST2015_DIGEST : GOST2004_DIGEST);
	return xml;
}

/* The fake verifier in a child, answering as mode, naming users/USER.pem. */
static pid_t fake_start(const char *mode, const char *user, enum url_form form, int *port)
{
	static char cert[128];
	struct fake_opts o = { mode, cert, log_path };
	int fd;
	pid_t pid;

	snprintf(cert, sizeof cert, "%s/users/%s.pem", pki_dir, user);
	fd = fake_listen(0, form == URL_UNIX ? sock_path : NULL, port);
	assert_true(fd >= 0);
	if ((pid = fork()) == 0) {
		fake_serve(fd, &o);
		_exit(1);
	}
	assert_true(pid > 0);
	close(fd);
	return pid;
}

static void fake_stop(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

struct gost_case {
	const char *name;
	const char *mode;      /* the fake's answer; NULL: no verifier; "down": nothing listens */
	const char *signer;    /* who signed; NULL: citizen */
	const char *named;     /* whom the verifier names; NULL: the signer */
	enum doc_kind doc;
	enum url_form url;
	time_t now;            /* 0: NOW */
	enum sig_purpose purpose;
	int asked;             /* 1: the verifier must get the document, 0: must not, -1: either */
	const char *code;      /* NULL: accepted */
	const char *iin;
};

static const struct gost_case cases[] = {
	{ .name = "GOST 2015, no verifier", .asked = 0, .code = "unsupported-algorithm" },
	{ .name = "GOST 34.310, no verifier", .doc = DOC_GOST2004, .asked = 0, .code = "unsupported-algorithm" },
	{ .name = "GOST 2015, valid", .mode = "valid", .asked = 1, .iin = "900101300017" },
	{ .name = "GOST 34.310, valid", .mode = "valid", .doc = DOC_GOST2004, .asked = 1, .iin = "900101300017" },
	{ .name = "valid, http://localhost:PORT/", .mode = "valid", .url = URL_LOCALHOST_SLASH, .asked = 1,
	  .iin = "900101300017" },
	{ .name = "valid, unix socket", .mode = "valid", .url = URL_UNIX, .asked = 1, .iin = "900101300017" },
	{ .name = "valid, signer named by its DER", .mode = "cert-der", .asked = 1, .iin = "900101300017" },
	{ .name = "valid, BIN staff", .mode = "valid", .signer = "staff", .asked = 1, .iin = "851202400023" },
	{ .name = "RSA with a verifier: not asked", .mode = "valid", .doc = DOC_RSA, .asked = 0,
	  .iin = "900101300017" },
	{ .name = "GOST signature, SHA-256 digest: not asked", .mode = "valid", .doc = DOC_GOST_SHA256,
	  .asked = 0, .code = "unsupported-algorithm" },
	{ .name = "verifier: invalid", .mode = "invalid", .asked = 1, .code = "signature-invalid" },
	{ .name = "verifier: signer invalid", .mode = "signer-invalid", .asked = 1, .code = "certificate-untrusted" },
	{ .name = "verifier: revoked", .mode = "revoked", .asked = 1, .code = "certificate-revoked" },
	{ .name = "verifier: two signers", .mode = "two-signers", .asked = 1, .code = "signature-invalid" },
	{ .name = "verifier names another certificate", .mode = "valid", .named = "staff", .asked = 1,
	  .code = "signature-invalid" },
	{ .name = "verifier: \"valid\": \"true\"", .mode = "string-true", .asked = 1, .code = "signature-invalid" },
	{ .name = "verifier: no serial number", .mode = "no-serial", .asked = 1, .code = "signature-invalid" },
	{ .name = "verifier: HTTP 400", .mode = "http400", .asked = 1, .code = "signature-invalid" },
	{ .name = "verifier: HTTP 500", .mode = "http500", .asked = 1, .code = "internal" },
	{ .name = "verifier: malformed JSON", .mode = "malformed", .asked = 1, .code = "internal" },
	{ .name = "verifier: JSON and trailing bytes", .mode = "trailing", .asked = 1, .code = "internal" },
	{ .name = "verifier: 2 MB answer", .mode = "huge", .asked = 1, .code = "internal" },
	{ .name = "verifier: too slow (timeout)", .mode = "slow", .asked = 1, .code = "internal" },
	{ .name = "verifier down", .mode = "down", .asked = -1, .code = "internal" },
	{ .name = "valid verdict, certificate past its end at now", .mode = "valid", .now = 2366841600 /* 2045 */,
	  .asked = 1, .code = "certificate-expired" },
	{ .name = "valid verdict, signing certificate to log in", .mode = "valid", .purpose = SIG_PURPOSE_AUTH,
	  .asked = 1, .code = "certificate-usage" },
	{ .name = "valid verdict, bad IIN checksum", .mode = "valid", .signer = "badiin", .asked = 1,
	  .code = "identity-invalid" },
};
#define N_CASES (sizeof cases / sizeof cases[0])

static long ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void run_case(void **state)
{
	const struct gost_case *c = *state;
	const char *signer = c->signer ? c->signer : "citizen";
	struct sig_opts opts = { .purpose = c->purpose, .now = c->now ? c->now : NOW };
	struct sig_gost *g = NULL;
	struct sig_identity id;
	struct ob_err err;
	struct timespec t0;
	char url[256], *xml = signed_doc(signer, c->doc), *sent;
	int port = 0, fd;
	pid_t pid = 0;
	xmlDocPtr doc;
	long ms;

	unlink(log_path);
	if (c->mode != NULL && strcmp(c->mode, "down") == 0) {
		/* A port that was free a moment ago and where nothing listens. */
		fd = fake_listen(0, NULL, &port);
		assert_true(fd >= 0);
		close(fd);
	} else if (c->mode != NULL) {
		pid = fake_start(c->mode, c->named ? c->named : signer, c->url, &port);
	}
	if (c->mode != NULL) {
		if (c->url == URL_UNIX)
			snprintf(url, sizeof url, "unix:%s", sock_path);
		else
			snprintf(url, sizeof url, c->url == URL_IP ? "http://127.0.0.1:%d" : "http://localhost:%d/",
			         port);
		g = sig_gost_new(url, &err);
		if (g == NULL)
			fail_msg("%s: %s %s", url, err.code, err.msg);
		opts.gost = sig_gost_verify;
		opts.gost_arg = g;
	}
	ob_err_clear(&err);
	memset(&id, 0x55, sizeof id);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	doc = sig_verify_buf(trust, xml, strlen(xml), &opts, &id, &err);
	ms = ms_since(&t0);
	if (pid > 0)
		fake_stop(pid);
	if (getenv("OB_TEST_VERBOSE") != NULL)
		fprintf(stderr, "    %s: %s %s (%ld ms)\n", c->name, doc ? "ok" : err.code, doc ? "" : err.msg, ms);
	pki_expect(c->name, c->code, doc, &err);
	if (c->code == NULL) {
		assert_string_equal(id.iin, c->iin);
		assert_int_equal(strlen(id.cert_sha256), 64);
		xmlFreeDoc(doc);
	}
	/* Everything is refused within the timeout, and a little more. */
	assert_true(ms < SIG_GOST_TIMEOUT_MS + 1000);
	if (strcmp(c->mode ? c->mode : "", "slow") == 0)
		assert_true(ms >= SIG_GOST_TIMEOUT_MS - 100);
	sent = slurp(log_path);
	if (c->asked >= 0 && (sent != NULL) != c->asked)
		fail_msg("%s: the verifier was %sasked", c->name, sent ? "" : "not ");
	free(sent);
	sig_gost_free(g);
	free(xml);
}

/* What the verifier gets: NCANode's XmlVerifyRequest, the document whole
 * (the signed text, the signature value) in "xml", CRL checking asked. */
static void test_request_body(void **state)
{
	char url[64], *xml = signed_doc("citizen", DOC_GOST2015), *sent, *sv_b, *sv_e;
	struct sig_opts opts = { .now = NOW, .gost = sig_gost_verify };
	struct ob_err err;
	json_object *j, *x, *rc;
	xmlDocPtr doc;
	int port;
	pid_t pid = fake_start("valid", "citizen", URL_IP, &port);

	(void)state;
	snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
	opts.gost_arg = sig_gost_new(url, &err);
	assert_non_null(opts.gost_arg);
	doc = sig_verify_buf(trust, xml, strlen(xml), &opts, NULL, &err);
	fake_stop(pid);
	if (doc == NULL)
		fail_msg("%s %s", err.code, err.msg);
	xmlFreeDoc(doc);
	sig_gost_free(opts.gost_arg);
	sent = slurp(log_path);
	assert_non_null(sent);
	j = json_tokener_parse(sent);
	assert_non_null(j);
	assert_true(json_object_object_get_ex(j, "xml", &x));
	assert_true(json_object_object_get_ex(j, "revocationCheck", &rc));
	assert_int_equal(json_object_array_length(rc), 1);
	assert_string_equal(json_object_get_string(json_object_array_get_idx(rc, 0)), "CRL");
	assert_non_null(strstr(json_object_get_string(x), "Мектептерге көбірек қаражат бөлу керек"));
	assert_non_null(strstr(json_object_get_string(x), GOST2015_SIG));
	sv_b = strstr(xml, "<ds:SignatureValue>");
	sv_e = strstr(xml, "</ds:SignatureValue>");
	assert_true(sv_b != NULL && sv_e != NULL);
	*sv_e = '\0';
	assert_non_null(strstr(json_object_get_string(x), sv_b));
	json_object_put(j);
	free(sent);
	free(xml);
}

/* Only local http, https, or a unix socket; nothing that could be read
 * as another host by a different parser. */
static void test_url_check(void **state)
{
	static const char *const good[] = {
		"http://127.0.0.1:14579", "http://127.0.0.1:14579/", "http://localhost:14579/ncanode/",
		"http://LOCALHOST", "http://[::1]:8080", "https://ncanode.example.kz",
		"https://10.0.0.5:8443/nca/", "unix:/run/ncanode.sock",
	};
	static const char *const bad[] = {
		"", "127.0.0.1:14579", "ftp://127.0.0.1/", "file:///etc/passwd", "http://10.0.0.5:14579",
		"http://ncanode.example.kz", "http://127.0.0.1@evil.example/", "http://user:pw@127.0.0.1/",
		"http://127.0.0.1.evil.example/", "http://localhost.evil.example/", "http://127.0.0.1/?x=1",
		"http://127.0.0.1/#f", "http://127.0.0.1 /", "http://127.0.0.1/\n", "https://", "unix:",
		"unix:run/ncanode.sock", "unix:/run/ncanode.sock?x", "http://[::1%25lo]/",
		"https://user@ncanode.example.kz/",
	};
	struct ob_err err;
	struct sig_gost *g;
	char longurl[SIG_GOST_URL_MAX + 8];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (sig_gost_url_check(good[i], &err) != 0)
			fail_msg("refused %s: %s", good[i], err.msg);
		assert_non_null(g = sig_gost_new(good[i], &err));
		assert_string_equal(sig_gost_url(g), good[i]);
		assert_int_equal(sig_gost_needs_inet(g), strncmp(good[i], "unix:", 5) != 0);
		sig_gost_free(g);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ob_err_clear(&err);
		if (sig_gost_url_check(bad[i], &err) == 0)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_string_equal(err.code, "url-invalid");
		assert_null(sig_gost_new(bad[i], &err));
	}
	memset(longurl, 'a', sizeof longurl);
	memcpy(longurl, "https://", 8);
	longurl[sizeof longurl - 1] = '\0';
	assert_int_equal(sig_gost_url_check(longurl, &err), -1);
	assert_int_equal(sig_gost_url_check(NULL, &err), -1);
	assert_int_equal(sig_gost_needs_inet(NULL), 0);
}

static int group_setup(void **state)
{
	struct ob_err err;

	(void)state;
	NOW = utc(2026, 6, 1);
	if (pki_make("gost", FIXTURE) != 0 || sig_gost_global_init(&err) != 0)
		return -1;
	snprintf(log_path, sizeof log_path, "%s/request.json", pki_dir);
	snprintf(sock_path, sizeof sock_path, "%s/ncanode.sock", pki_dir);
	return (trust = pki_trust("trust")) != NULL ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	sig_trust_free(trust);
	sig_gost_global_cleanup();
	return pki_remove();
}

int main(void)
{
	struct CMUnitTest tests[N_CASES + 2];
	size_t i;

	for (i = 0; i < N_CASES; i++)
		tests[i] = case_test(cases[i].name, run_case, &cases[i]);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_request_body);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_url_check);
	return cmocka_run_group_tests_name("gost", tests, group_setup, group_teardown);
}
