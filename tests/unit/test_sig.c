/* core/sig.c: a table of signed submissions, each with the exact error code
 * it must get (P-13).  The PKI is made at test time by tests/pki/make-ca.sh
 * in a temporary directory and documents are signed with the xmlsec1 CLI by
 * tests/pki/sign.sh, so every refusal below is of a signature that some
 * tool really produced, not of a broken one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <libxml/tree.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "pki_helpers.h"
#include "sig.h"

static struct sig_trust *trust[3]; /* trust, trust-rootonly, trust-nocrl */
static time_t NOW;                 /* 2026-06-01: every test certificate is in force */

static const char FIXTURE[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Proposal id=\"p1\" doc=\"passport-2026-001\">\n"
	"  <Part>3.1</Part>\n"
	"  <Text>Мектептерге көбірек қаражат бөлу керек</Text>\n"
	"  <Note>n</Note>\n"
	"</Proposal>\n";

/* The ds:Signature element of s, as a new string. */
static char *sig_text(const char *s)
{
	const char *b = strstr(s, "<ds:Signature"), *e = strstr(s, "</ds:Signature>");

	assert_non_null(b);
	assert_non_null(e);
	e += strlen("</ds:Signature>");
	return strndup(b, (size_t)(e - b));
}

/* s with its ds:Signature removed: the unsigned document. */
static char *without_sig(const char *s)
{
	char *sig = sig_text(s), *r = strdup(s);

	subst(&r, sig, "");
	free(sig);
	return r;
}

/* Element `name` of s (first start tag to first end tag). */
static char *element(const char *s, const char *name)
{
	char open[64], close[64];
	const char *b, *e;

	snprintf(open, sizeof open, "<%s", name);
	snprintf(close, sizeof close, "</%s>", name);
	b = strstr(s, open);
	e = strstr(s, close);
	assert_non_null(b);
	assert_non_null(e);
	return strndup(b, (size_t)(e + strlen(close) - b));
}

static void m_tamper_text(char **s) { subst(s, "көбірек", "азырақ"); }
static void m_tamper_attr(char **s) { subst(s, "passport-2026-001", "passport-2026-002"); }
static void m_tamper_value(char **s) { subst(s, "<ds:SignatureValue>", "<ds:SignatureValue>AAAA"); }
static void m_append(char **s) { subst(s, "<ds:Signature", "<Text>evil</Text><ds:Signature"); }
static void m_second_root(char **s) { subst(s, "</Proposal>\n", "</Proposal>\n<Proposal><Text>evil</Text></Proposal>\n"); }
static void m_no_uri(char **s) { subst(s, "<ds:Reference URI=\"\">", "<ds:Reference>"); }
static void m_ns_uri(char **s) { subst(s, "<ds:Reference URI=\"\">", "<ds:Reference xmlns:x=\"urn:x\" x:URI=\"#p1\" URI=\"\">"); }
static void m_ns_alg(char **s) { subst(s, "<ds:SignatureMethod ", "<ds:SignatureMethod xmlns:x=\"urn:x\" x:Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\" "); }
static void m_hmac(char **s) { subst(s, "xmldsig-more#rsa-sha256", "xmldsig-more#hmac-sha256"); }
static void m_unknown_sig(char **s) { subst(s, "xmldsig-more#rsa-sha256", "xmldsig-more#rsa-whirlpool"); }
static void m_unknown_c14n(char **s) { subst(s, "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"", "<ds:CanonicalizationMethod Algorithm=\"http://example.org/c14n\""); }
static void m_doctype(char **s) { subst(s, "?>", "?><!DOCTYPE Proposal [<!ENTITY x \"y\">]>"); }

static void m_gost2004(char **s)
{
	subst(s, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
	      "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311");
	subst(s, "http://www.w3.org/2001/04/xmlenc#sha256",
	      "http://www.w3.org/2001/04/xmldsig-more#gost34311");
}

static void m_gost2015(char **s)
{
	subst(s, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
	      "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512");
	subst(s, "http://www.w3.org/2001/04/xmlenc#sha256",
	      "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512");
}

static void m_gost_mixed(char **s)
{
	subst(s, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
	      "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311");
}

/* A copy of the Signature next to it. */
static void m_second_sig(char **s)
{
	char *sig = sig_text(*s), *two = malloc(2 * strlen(sig) + 1);

	strcpy(two, sig);
	strcat(two, sig);
	subst(s, sig, two);
	free(sig);
	free(two);
}

/* Wrapping: new content in the root, the Signature moved there, the signed
 * original inside its ds:Object. */
static void m_wrap_object(char **s)
{
	char *sig = sig_text(*s), *orig = without_sig(*s), *root = element(orig, "Proposal");
	char *doc = malloc(strlen(sig) + strlen(root) + 256);

	sig[strlen(sig) - strlen("</ds:Signature>")] = '\0';
	strcpy(doc, "<Proposal id=\"p1\" doc=\"passport-2026-001\"><Text>evil</Text>");
	strcat(doc, sig);
	strcat(doc, "<ds:Object>");
	strcat(doc, root);
	strcat(doc, "</ds:Object></ds:Signature></Proposal>");
	free(*s);
	*s = doc;
	free(sig);
	free(orig);
	free(root);
}

/* Wrapping: the signed document, untouched, with unsigned content smuggled
 * inside the Signature, which the enveloped transform leaves out. */
static void m_smuggle_object(char **s)
{
	subst(s, "</ds:Signature>", "<ds:Object><Text>evil</Text></ds:Object></ds:Signature>");
}

static void m_smuggle_keyinfo(char **s)
{
	subst(s, "</ds:X509Data>", "</ds:X509Data><Text>evil</Text>");
}

/* Wrapping: the signed document inside a new root next to new content. */
static void m_wrap_nested(char **s)
{
	char *root = element(*s, "Proposal"), *doc = malloc(strlen(root) + 64);

	strcpy(doc, "<Wrapper><Text>evil</Text>");
	strcat(doc, root);
	strcat(doc, "</Wrapper>");
	free(*s);
	*s = doc;
	free(root);
}

/* Wrapping: a new root with a copy of the Signature, the signed original
 * kept whole inside it. */
static void m_wrap_copy(char **s)
{
	char *sig = sig_text(*s), *root = element(*s, "Proposal");
	char *doc = malloc(strlen(sig) + strlen(root) + 128);

	strcpy(doc, "<Proposal><Text>evil</Text>");
	strcat(doc, sig);
	strcat(doc, "<Orig>");
	strcat(doc, root);
	strcat(doc, "</Orig></Proposal>");
	free(*s);
	*s = doc;
	free(sig);
	free(root);
}

/* Wrapping: the Signature moved down into a child element. */
static void m_sig_deeper(char **s)
{
	char *sig = sig_text(*s), *to = malloc(strlen(sig) + 32);

	subst(s, sig, "");
	strcpy(to, "<Note>n");
	strcat(to, sig);
	subst(s, "<Note>n", to);
	free(sig);
	free(to);
}

/* Another person's certificate in place of the signer's. */
static void m_swap_cert(char **s)
{
	char *other = pki_sign(NULL, "staff", NULL), *mine = element(*s, "ds:X509Certificate");
	char *theirs = element(other, "ds:X509Certificate");

	subst(s, mine, theirs);
	free(other);
	free(mine);
	free(theirs);
}

struct gost_fake {
	const char *user;       /* whose certificate the verifier names */
	const char *fail_code;  /* non-NULL: the verifier refuses with this */
};

static int fake_gost(void *arg, xmlDocPtr doc, time_t now, unsigned char **der, size_t *len,
                     struct ob_err *err)
{
	const struct gost_fake *g = arg;
	char path[128];
	FILE *f;
	X509 *x;
	unsigned char *p = NULL;
	int n;

	(void)doc;
	(void)now;
	if (g->fail_code != NULL) {
		ob_err_set(err, g->fail_code, 0, "fake GOST verifier says no");
		return -1;
	}
	snprintf(path, sizeof path, "%s/users/%s.pem", pki_dir, g->user);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	if (x == NULL || (n = i2d_X509(x, &p)) <= 0) {
		X509_free(x);
		return -1;
	}
	*der = malloc((size_t)n);
	memcpy(*der, p, (size_t)n);
	*len = (size_t)n;
	OPENSSL_free(p);
	X509_free(x);
	return 0;
}

static const struct gost_fake gost_ok = { "citizen", NULL };
static const struct gost_fake gost_revoked = { "citizen", "certificate-revoked" };
static const struct gost_fake gost_other = { "staff", NULL };

struct sig_case {
	const char *name;
	const char *user;          /* NULL: the unsigned fixture */
	const char *env;           /* sign.sh knobs */
	const char *chain;         /* extra X509Data certificate, relative to the PKI */
	void (*mutate)(char **xml);
	int trust;                 /* index into trust[] */
	time_t now;                /* 0: NOW; -1: time(NULL) */
	enum sig_purpose purpose;
	const struct gost_fake *gost;
	size_t max_bytes;
	const char *code;          /* NULL: must verify */
	const char *iin, *bin;
};

static const struct sig_case cases[] = {
	{ .name = "good citizen", .user = "citizen", .iin = "900101300017", .bin = "" },
	{ .name = "good citizen, real clock", .user = "citizen", .now = -1, .iin = "900101300017", .bin = "" },
	{ .name = "good BIN staff", .user = "staff", .iin = "851202400023", .bin = "080140001233" },
	{ .name = "good ecdsa-sha256", .user = "citizen-ec", .env = "SIG_ALG=ecdsa-sha256",
	  .iin = "900101300811", .bin = "" },
	{ .name = "good rsa-sha512 sha512 inclusive c14n", .user = "citizen",
	  .env = "SIG_ALG=rsa-sha512 DIGEST_ALG=sha512 C14N_ALG=incl", .iin = "900101300017", .bin = "" },
	{ .name = "good sha384", .user = "citizen", .env = "SIG_ALG=rsa-sha384 DIGEST_ALG=sha384",
	  .iin = "900101300017", .bin = "" },
	{ .name = "good intermediate from X509Data", .user = "citizen", .chain = "/inter/cert.pem",
	  .trust = 1, .iin = "900101300017", .bin = "" },
	{ .name = "good auth certificate for log-in", .user = "citizen-auth",
	  .purpose = SIG_PURPOSE_AUTH, .iin = "900101300017", .bin = "" },
	{ .name = "tampered text", .user = "citizen", .mutate = m_tamper_text, .code = "signature-invalid" },
	{ .name = "tampered attribute", .user = "citizen", .mutate = m_tamper_attr, .code = "signature-invalid" },
	{ .name = "tampered SignatureValue", .user = "citizen", .mutate = m_tamper_value, .code = "signature-invalid" },
	{ .name = "another person's certificate", .user = "citizen", .mutate = m_swap_cert, .code = "signature-invalid" },
	{ .name = "wrap: element appended to root", .user = "citizen", .mutate = m_append, .code = "signature-invalid" },
	{ .name = "wrap: original in ds:Object", .user = "citizen", .mutate = m_wrap_object, .code = "signature-invalid" },
	{ .name = "wrap: unsigned ds:Object smuggled", .user = "citizen", .mutate = m_smuggle_object, .code = "signature-invalid" },
	{ .name = "wrap: unsigned content in KeyInfo", .user = "citizen", .mutate = m_smuggle_keyinfo, .code = "signature-invalid" },
	{ .name = "wrap: signed root nested in new root", .user = "citizen", .mutate = m_wrap_nested, .code = "signature-invalid" },
	{ .name = "wrap: signature copied, original kept", .user = "citizen", .mutate = m_wrap_copy, .code = "signature-multiple" },
	{ .name = "wrap: signature moved into a child", .user = "citizen", .mutate = m_sig_deeper, .code = "signature-invalid" },
	{ .name = "wrap: second root element", .user = "citizen", .mutate = m_second_root, .code = "malformed" },
	{ .name = "second signature", .user = "citizen", .mutate = m_second_sig, .code = "signature-multiple" },
	{ .name = "SHA-1 digest", .user = "citizen", .env = "DIGEST_ALG=sha1", .code = "unsupported-algorithm" },
	{ .name = "SHA-1 signature (rsa-sha1)", .user = "citizen", .env = "SIG_ALG=rsa-sha1", .code = "unsupported-algorithm" },
	{ .name = "HMAC signature method", .user = "citizen", .mutate = m_hmac, .code = "unsupported-algorithm" },
	{ .name = "Reference URI=#id", .user = "citizen", .env = "REF_URI=#p1 REF_ID_NODE=Proposal", .code = "reference-invalid" },
	{ .name = "Reference without URI", .user = "citizen", .mutate = m_no_uri, .code = "reference-invalid" },
	{ .name = "second URI attribute in a namespace", .user = "citizen", .mutate = m_ns_uri, .code = "reference-invalid" },
	{ .name = "second Algorithm attribute in a namespace", .user = "citizen", .mutate = m_ns_alg, .code = "unsupported-algorithm" },
	{ .name = "two References", .user = "citizen", .env = "EXTRA_REF=1", .code = "reference-invalid" },
	{ .name = "extra XPath transform", .user = "citizen", .env = "XPATH='not(ancestor-or-self::Note)'", .code = "unsupported-algorithm" },
	{ .name = "bare KeyValue, no certificate", .user = "citizen", .env = "KEYINFO=keyvalue", .code = "certificate-missing" },
	{ .name = "no KeyInfo", .user = "citizen", .env = "KEYINFO=none", .code = "certificate-missing" },
	{ .name = "no signature", .code = "signature-missing" },
	{ .name = "expired certificate", .user = "expired", .code = "certificate-expired" },
	{ .name = "not yet valid (now 2023)", .user = "citizen", .now = 1685577600 /* 2023-06-01 */, .code = "certificate-expired" },
	{ .name = "past its end (now 2045)", .user = "citizen", .now = 2366841600 /* 2045-01-01 */, .code = "certificate-expired" },
	{ .name = "revoked", .user = "revoked", .code = "certificate-revoked" },
	{ .name = "no CRL for the intermediate", .user = "citizen", .trust = 2, .code = "certificate-untrusted" },
	{ .name = "wrong EKU", .user = "wrongeku", .code = "certificate-usage" },
	{ .name = "wrong KU", .user = "wrongku", .code = "certificate-usage" },
	{ .name = "auth certificate used to sign", .user = "citizen-auth", .code = "certificate-usage" },
	{ .name = "signing certificate used to log in", .user = "citizen", .purpose = SIG_PURPOSE_AUTH, .code = "certificate-usage" },
	{ .name = "self-signed", .user = "selfsigned", .code = "certificate-untrusted" },
	{ .name = "untrusted CA", .user = "untrusted", .code = "certificate-untrusted" },
	{ .name = "unrelated second certificate in X509Data", .user = "citizen", .chain = "/users/staff.pem",
	  .code = "certificate-untrusted" },
	{ .name = "intermediate nowhere", .user = "citizen", .trust = 1, .code = "certificate-untrusted" },
	{ .name = "bad IIN checksum", .user = "badiin", .code = "identity-invalid" },
	{ .name = "no IIN", .user = "noiin", .code = "identity-invalid" },
	{ .name = "GOST 34.310 without verifier", .user = "citizen", .mutate = m_gost2004, .code = "unsupported-algorithm" },
	{ .name = "GOST 2015 without verifier", .user = "citizen", .mutate = m_gost2015, .code = "unsupported-algorithm" },
	{ .name = "GOST with verifier", .user = "citizen", .mutate = m_gost2015, .gost = &gost_ok,
	  .iin = "900101300017", .bin = "" },
	{ .name = "GOST verifier refuses", .user = "citizen", .mutate = m_gost2004, .gost = &gost_revoked,
	  .code = "certificate-revoked" },
	{ .name = "GOST verifier names another cert", .user = "citizen", .mutate = m_gost2004,
	  .gost = &gost_other, .code = "signature-invalid" },
	{ .name = "GOST signature, SHA-256 digest", .user = "citizen", .mutate = m_gost_mixed,
	  .gost = &gost_ok, .code = "unsupported-algorithm" },
	{ .name = "DOCTYPE", .user = "citizen", .mutate = m_doctype, .code = "doctype" },
	{ .name = "oversize", .user = "citizen", .max_bytes = 1024, .code = "too-large" },
	{ .name = "unknown signature algorithm URI", .user = "citizen", .mutate = m_unknown_sig, .code = "unsupported-algorithm" },
	{ .name = "unknown C14N URI", .user = "citizen", .mutate = m_unknown_c14n, .code = "unsupported-algorithm" },
};
#define N_CASES (sizeof cases / sizeof cases[0])

static void run_case(void **state)
{
	const struct sig_case *c = *state;
	struct sig_opts opts = { 0 };
	struct sig_identity id;
	struct ob_err err;
	char *xml = c->user ? pki_sign(c->env, c->user, c->chain) : strdup(FIXTURE);
	xmlDocPtr doc;

	if (c->mutate != NULL)
		c->mutate(&xml);
	opts.purpose = c->purpose;
	opts.now = c->now == 0 ? NOW : c->now == -1 ? 0 : c->now;
	opts.max_bytes = c->max_bytes;
	if (c->gost != NULL) {
		opts.gost = fake_gost;
		opts.gost_arg = (void *)c->gost;
	}
	ob_err_clear(&err);
	memset(&id, 0x55, sizeof id);
	doc = sig_verify_buf(trust[c->trust], xml, strlen(xml), &opts, &id, &err);
	if (getenv("OB_TEST_VERBOSE") != NULL)
		fprintf(stderr, "    %s: %s %s\n", c->name, doc ? "ok" : err.code, doc ? "" : err.msg);
	pki_expect(c->name, c->code, doc, &err);
	if (c->code == NULL) {
		assert_string_equal(id.iin, c->iin);
		assert_string_equal(id.bin, c->bin);
		assert_true(id.common_name[0] != '\0');
		assert_int_equal(strlen(id.cert_sha256), 64);
		assert_true(id.cert_serial[0] != '\0');
		assert_true(id.not_after > NOW);
		xmlFreeDoc(doc);
	}
	free(xml);
}

/* What the caller reads is what was signed: a comment splitting a text
 * node (unsigned under URI="") is gone and the text is whole again. */
static void test_comment_injection(void **state)
{
	char *xml = pki_sign(NULL, "citizen", NULL);
	struct sig_opts opts = { .now = NOW };
	struct ob_err err;
	xmlDocPtr doc;
	xmlNodePtr n;
	int texts = 0;

	(void)state;
	subst(&xml, "көбірек қаражат", "көбірек <!-- аз -->қаражат");
	subst(&xml, "<Part>", "<!-- top --><Part>");
	doc = sig_verify_buf(trust[0], xml, strlen(xml), &opts, NULL, &err);
	if (doc == NULL)
		fail_msg("got %s (%s)", err.code, err.msg);
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		assert_int_not_equal(n->type, XML_COMMENT_NODE);
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "Text")) {
			assert_non_null(n->children);
			assert_null(n->children->next);
			assert_string_equal((const char *)n->children->content,
			                    "Мектептерге көбірек қаражат бөлу керек");
			texts++;
		}
	}
	assert_int_equal(texts, 1);
	xmlFreeDoc(doc);
	free(xml);
}

/* The identity of the first certificate the intermediate issued. */
static void test_identity_fields(void **state)
{
	char *xml = pki_sign(NULL, "citizen", NULL), cmd[256], *fp;
	struct sig_opts opts = { .now = NOW };
	struct sig_identity id;
	struct ob_err err;
	xmlDocPtr doc;
	size_t i, j = 0;
	char want[65];

	(void)state;
	doc = sig_verify_buf(trust[0], xml, strlen(xml), &opts, &id, &err);
	if (doc == NULL)
		fail_msg("got %s (%s)", err.code, err.msg);
	assert_string_equal(id.common_name, "ТЕСТОВ АЙДАР");
	assert_string_equal(id.cert_serial, "1000");
	assert_int_equal(id.not_after, utc(2044, 1, 1));
	snprintf(cmd, sizeof cmd, "openssl x509 -in %s/users/citizen.pem -noout -fingerprint "
	         "-sha256 >%s/fp.txt", pki_dir, pki_dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s/fp.txt", pki_dir);
	assert_non_null(fp = slurp(cmd));
	for (i = strlen("sha256 Fingerprint="); fp[i] != '\0' && j < 64; i++)
		if (fp[i] != ':' && fp[i] != '\n')
			want[j++] = (char)(fp[i] >= 'A' && fp[i] <= 'F' ? fp[i] - 'A' + 'a' : fp[i]);
	want[j] = '\0';
	assert_string_equal(id.cert_sha256, want);
	free(fp);
	xmlFreeDoc(doc);
	free(xml);
}

static void test_iin_valid(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} t[] = {
		{ "900101300017", 1 }, { "851202400023", 1 }, { "080140001233", 1 },
		{ "900101300811", 1 }, /* control digit from the second pass */
		{ "000000000000", 1 },
		{ "900101300018", 0 }, { "900101300016", 0 },
		{ "900101300800", 0 }, { "900101300801", 0 }, /* 10 on both passes */
		{ "90010130001", 0 }, { "9001013000170", 0 }, { "90010130001a", 0 },
		{ " 90010130001", 0 }, { "", 0 }, { "IIN900101300", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (iin_valid(t[i].s) != t[i].ok)
			fail_msg("iin_valid(\"%s\") != %d", t[i].s, t[i].ok);
	assert_int_equal(iin_valid(NULL), 0);
}

static void test_trust_open(void **state)
{
	struct ob_err err;
	char path[128], cmd[1024];
	struct sig_trust *t;

	(void)state;
	assert_null(sig_trust_open("/nonexistent/trust", &err));
	assert_string_equal(err.code, "trust-invalid");
	/* A private key, an intermediate without its root, nothing at all. */
	snprintf(path, sizeof path, "%s/bad1", pki_dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s && cp %s/trust/* %s/ && cp %s/users/citizen.key %s/k.pem",
	         path, pki_dir, path, pki_dir, path);
	assert_int_equal(system(cmd), 0);
	assert_null(sig_trust_open(path, &err));
	assert_string_equal(err.code, "trust-invalid");
	snprintf(path, sizeof path, "%s/bad2", pki_dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s && cp %s/inter/cert.pem %s/", path, pki_dir, path);
	assert_int_equal(system(cmd), 0);
	assert_null(sig_trust_open(path, &err));
	assert_string_equal(err.code, "trust-invalid");
	snprintf(path, sizeof path, "%s/bad3", pki_dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s && cp %s/users/citizen.pem %s/ && cp %s/trust/* %s/",
	         path, pki_dir, path, pki_dir, path);
	assert_int_equal(system(cmd), 0);
	assert_null(sig_trust_open(path, &err));
	assert_string_equal(err.code, "trust-invalid");
	snprintf(path, sizeof path, "%s/empty", pki_dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s && echo hi >%s/README", path, path);
	assert_int_equal(system(cmd), 0);
	assert_null(sig_trust_open(path, &err));
	assert_string_equal(err.code, "trust-invalid");
	/* The real one again, with a README beside it. */
	snprintf(cmd, sizeof cmd, "cp %s/trust/* %s/", pki_dir, path);
	assert_int_equal(system(cmd), 0);
	t = sig_trust_open(path, &err);
	assert_non_null(t);
	sig_trust_free(t);
}

static int group_setup(void **state)
{
	static const char *names[3] = { "trust", "trust-rootonly", "trust-nocrl" };
	int i;

	(void)state;
	NOW = utc(2026, 6, 1);
	if (pki_make("sig", FIXTURE) != 0)
		return -1;
	for (i = 0; i < 3; i++)
		if ((trust[i] = pki_trust(names[i])) == NULL)
			return -1;
	return 0;
}

static int group_teardown(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < 3; i++)
		sig_trust_free(trust[i]);
	return pki_remove();
}

int main(void)
{
	struct CMUnitTest tests[N_CASES + 4];
	size_t i;

	for (i = 0; i < N_CASES; i++)
		tests[i] = case_test(cases[i].name, run_case, &cases[i]);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_comment_injection);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_identity_fields);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_iin_valid);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_trust_open);
	return cmocka_run_group_tests_name("sig", tests, group_setup, group_teardown);
}
