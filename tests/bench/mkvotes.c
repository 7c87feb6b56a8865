/* mkvotes: pre-signed votes for `make bench-api` (issue 4.6).  Makes COUNT
 * test citizens, each with a distinct valid IIN and a certificate issued by
 * the test CA's intermediate with the extensions of make-ca.sh's v3_sign,
 * and signs one vote per citizen the way tests/pki/sign.sh does (enveloped
 * ds:Signature as the root's last child, Reference URI="",
 * enveloped-signature + exc-c14n, SHA-256, the signer's certificate in
 * X509Data), with xmlsec1.
 *
 *   mkvotes CA_KEY CA_CERT COUNT NONCES DOCS OUT [ec|rsa] [THREADS]
 *
 * NONCES has one nonce of GET /api/challenge per line (at least COUNT);
 * DOCS one document number per line, vote i is for DOCS[i mod ndocs], "for"
 * or "against".  ec (the default): every citizen has a fresh P-256 key,
 * ecdsa-sha256.  rsa: one RSA-2048 key shared by all citizens, a distinct
 * certificate each, rsa-sha256 (NCALayer's usual RSA keys; making 10,000
 * RSA keys would take minutes).  OUT holds the bodies as records
 * "LENGTH\n" followed by LENGTH bytes, in citizen order, for votes.lua.
 *
 * Prints, one per line: "citizens N", "ms X" (keys, certificates and
 * signatures). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/openssl/x509.h>

#define DS "http://www.w3.org/2000/09/xmldsig#"
#define MORE "http://www.w3.org/2001/04/xmldsig-more#"

static EVP_PKEY *ca_key, *shared_key;
static X509 *ca_cert;
static char **nonces, **docs;
static size_t ndocs;
static int use_rsa;

struct vote {
	char iin[13];
	xmlChar *body;
	int len;
};
static struct vote *votes;

struct slice {
	size_t from, to;
	int failed;
};

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The Kazakh control digit (core/sig_cert.c's iin_valid): weights 1..11
 * mod 11; 10 means a second pass with 3..11,1,2; 10 again means no number
 * ends this way, and the candidate is skipped.  -1 then. */
static int iin_control(const char *s11)
{
	static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int sum1 = 0, sum2 = 0, c;

	for (int i = 0; i < 11; i++) {
		sum1 += (s11[i] - '0') * (i + 1);
		sum2 += (s11[i] - '0') * w2[i];
	}
	if ((c = sum1 % 11) == 10)
		c = sum2 % 11;
	return c == 10 ? -1 : c;
}

/* Distinct IINs shaped like real ones: a birth date (YYMMDD, 1960..1999,
 * day 1..28), the century-and-sex digit 3 or 4, a four-digit serial
 * starting with 7 (none of tests/pki's people), the control digit. */
static void iins_make(size_t count)
{
	unsigned long k = 0;
	size_t n = 0;
	char s[13];
	int c;

	while (n < count) {
		unsigned long serial = k % 1000, day = k / 1000;

		snprintf(s, sizeof s, "%02lu%02lu%02lu%c7%03lu", 60 + day / (12 * 28) % 40,
		         1 + day / 28 % 12, 1 + day % 28, k % 2 ? '4' : '3', serial);
		k++;
		if ((c = iin_control(s)) < 0)
			continue;
		s[11] = (char)('0' + c);
		s[12] = '\0';
		memcpy(votes[n++].iin, s, 13);
	}
}

static int add_ext(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
	X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, ctx, nid, value);
	int ok = e != NULL && X509_add_ext(x, e, -1);

	X509_EXTENSION_free(e);
	return ok ? 0 : -1;
}

/* A certificate like make-ca.sh's v3_sign ones: issued by the
 * intermediate, 2024..2044, keyUsage digitalSignature + nonRepudiation
 * (critical), EKU 1.3.6.1.5.5.7.3.4, subject serialNumber=IIN..., CN. */
static X509 *cert_make(EVP_PKEY *key, const char *iin, size_t i)
{
	X509 *x = X509_new();
	X509_NAME *name = X509_NAME_new();
	BIGNUM *bn = BN_new();
	X509V3_CTX ctx;
	char cn[64], sn[16];
	int ok = 0;

	snprintf(cn, sizeof cn, "САЙЛАУШЫ ТЕСТ %06zu", i);
	snprintf(sn, sizeof sn, "IIN%s", iin);
	if (x == NULL || name == NULL || bn == NULL || !X509_set_version(x, 2) ||
	    !BN_rand(bn, 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
	    !BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x)) ||
	    !X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)cn, -1, -1, 0) ||
	    !X509_NAME_add_entry_by_txt(name, "serialNumber", MBSTRING_UTF8, (const unsigned char *)sn, -1, -1, 0) ||
	    !X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, (const unsigned char *)"KZ", -1, -1, 0) ||
	    !X509_set_subject_name(x, name) || !X509_set_issuer_name(x, X509_get_subject_name(ca_cert)) ||
	    !ASN1_TIME_set_string(X509_getm_notBefore(x), "20240101000000Z") ||
	    !ASN1_TIME_set_string(X509_getm_notAfter(x), "20440101000000Z") || !X509_set_pubkey(x, key))
		goto out;
	X509V3_set_ctx(&ctx, ca_cert, x, NULL, NULL, 0);
	if (add_ext(x, &ctx, NID_basic_constraints, "CA:false") != 0 ||
	    add_ext(x, &ctx, NID_key_usage, "critical, digitalSignature, nonRepudiation") != 0 ||
	    add_ext(x, &ctx, NID_ext_key_usage, "1.3.6.1.5.5.7.3.4") != 0 ||
	    add_ext(x, &ctx, NID_subject_key_identifier, "hash") != 0 ||
	    add_ext(x, &ctx, NID_authority_key_identifier, "keyid") != 0 ||
	    !X509_sign(x, ca_key, EVP_sha256()))
		goto out;
	ok = 1;
out:
	BN_free(bn);
	X509_NAME_free(name);
	if (!ok) {
		X509_free(x);
		x = NULL;
	}
	return x;
}

/* The vote with sign.sh's template before the root's end tag; xmlsec
 * fills in DigestValue, SignatureValue and X509Certificate. */
static xmlDocPtr template_make(size_t i)
{
	char buf[2048];
	int n;

	n = snprintf(buf, sizeof buf,
	        "<vote xmlns=\"urn:obkz:doc:1\" nonce=\"%s\" document=\"%s\" choice=\"%s\">"
	        "<ds:Signature xmlns:ds=\"" DS "\"><ds:SignedInfo>"
	        "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
	        "<ds:SignatureMethod Algorithm=\"" MORE "%s\"/>"
	        "<ds:Reference URI=\"\"><ds:Transforms>"
	        "<ds:Transform Algorithm=\"" DS "enveloped-signature\"/>"
	        "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
	        "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
	        "<ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>"
	        "<ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data>"
	        "<ds:X509Certificate></ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
	        "</ds:Signature></vote>\n",
	        nonces[i], docs[i % ndocs], i % 3 == 2 ? "against" : "for",
	        use_rsa ? "rsa-sha256" : "ecdsa-sha256");
	if (n < 0 || (size_t)n >= sizeof buf)
		return NULL;
	return xmlReadMemory(buf, n, NULL, NULL, XML_PARSE_NONET);
}

/* xmlsec's key: the private key and, as in `xmlsec1 --privkey-pem
 * KEY,CERT`, the certificate that X509Data is to carry. */
static xmlSecKeyPtr key_make(EVP_PKEY *pkey, X509 *cert)
{
	xmlSecKeyPtr key = xmlSecKeyCreate();
	xmlSecKeyDataPtr val, x509;
	X509 *c1, *c2;

	if (key == NULL)
		return NULL;
	EVP_PKEY_up_ref(pkey);
	if ((val = xmlSecOpenSSLEvpKeyAdopt(pkey)) == NULL) {
		EVP_PKEY_free(pkey);
		goto fail;
	}
	if (xmlSecKeySetValue(key, val) < 0) {
		xmlSecKeyDataDestroy(val);
		goto fail;
	}
	if ((x509 = xmlSecKeyEnsureData(key, xmlSecOpenSSLKeyDataX509Id)) == NULL)
		goto fail;
	c1 = X509_dup(cert);
	if (c1 == NULL || xmlSecOpenSSLKeyDataX509AdoptKeyCert(x509, c1) < 0) {
		X509_free(c1);
		goto fail;
	}
	c2 = X509_dup(cert);
	if (c2 == NULL || xmlSecOpenSSLKeyDataX509AdoptCert(x509, c2) < 0) {
		X509_free(c2);
		goto fail;
	}
	return key;
fail:
	xmlSecKeyDestroy(key);
	return NULL;
}

static int vote_make(size_t i)
{
	int rc = -1;
	EVP_PKEY *pkey = NULL;
	X509 *cert = NULL;
	xmlDocPtr doc = NULL;
	xmlNodePtr sig;
	xmlSecDSigCtxPtr ds = NULL;

	if (use_rsa) {
		EVP_PKEY_up_ref(shared_key);
		pkey = shared_key;
	} else if ((pkey = EVP_EC_gen("P-256")) == NULL) {
		goto out;
	}
	if ((cert = cert_make(pkey, votes[i].iin, i)) == NULL || (doc = template_make(i)) == NULL ||
	    (sig = xmlSecFindNode(xmlDocGetRootElement(doc), xmlSecNodeSignature, xmlSecDSigNs)) == NULL ||
	    (ds = xmlSecDSigCtxCreate(NULL)) == NULL || (ds->signKey = key_make(pkey, cert)) == NULL ||
	    xmlSecDSigCtxSign(ds, sig) < 0)
		goto out;
	xmlDocDumpMemory(doc, &votes[i].body, &votes[i].len);
	rc = votes[i].body != NULL ? 0 : -1;
out:
	if (ds != NULL)
		xmlSecDSigCtxDestroy(ds);
	xmlFreeDoc(doc);
	X509_free(cert);
	EVP_PKEY_free(pkey);
	return rc;
}

static void *work(void *arg)
{
	struct slice *s = arg;

	for (size_t i = s->from; i < s->to && !s->failed; i++)
		if (vote_make(i) != 0) {
			fprintf(stderr, "mkvotes: vote %zu could not be made\n", i);
			s->failed = 1;
		}
	return NULL;
}

/* The non-empty lines of path, at most max (0: all). */
static char **lines_read(const char *path, size_t max, size_t *n)
{
	FILE *f = fopen(path, "r");
	char **v = NULL, *line = NULL;
	size_t cap = 0, size = 0;
	ssize_t len;

	*n = 0;
	if (f == NULL)
		return NULL;
	while ((max == 0 || *n < max) && (len = getline(&line, &size, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (*n == cap) {
			char **nv = realloc(v, (cap = cap ? 2 * cap : 1024) * sizeof *v);

			if (nv == NULL)
				break;
			v = nv;
		}
		v[(*n)++] = strdup(line);
	}
	free(line);
	fclose(f);
	return v;
}

static void *pem_read(const char *path, int key)
{
	FILE *f = fopen(path, "r");
	void *p;

	if (f == NULL)
		return NULL;
	p = key ? (void *)PEM_read_PrivateKey(f, NULL, NULL, NULL) : (void *)PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	return p;
}

int main(int argc, char **argv)
{
	size_t count, nn, nthreads = 2;
	struct slice *slices = NULL;
	pthread_t *threads = NULL;
	struct timespec t0;
	FILE *out = NULL;
	int rc = 1;

	if (argc < 7 || argc > 9) {
		fprintf(stderr, "usage: mkvotes CA_KEY CA_CERT COUNT NONCES DOCS OUT [ec|rsa] [THREADS]\n");
		return 2;
	}
	count = strtoul(argv[3], NULL, 10);
	use_rsa = argc > 7 && strcmp(argv[7], "rsa") == 0;
	if (argc > 8)
		nthreads = strtoul(argv[8], NULL, 10);
	if (count == 0 || nthreads == 0 || nthreads > 64)
		return fprintf(stderr, "mkvotes: COUNT and THREADS must be positive\n"), 2;
	if ((ca_key = pem_read(argv[1], 1)) == NULL || (ca_cert = pem_read(argv[2], 0)) == NULL)
		return fprintf(stderr, "mkvotes: cannot read %s or %s\n", argv[1], argv[2]), 1;
	if ((nonces = lines_read(argv[4], count, &nn)) == NULL || nn < count)
		return fprintf(stderr, "mkvotes: %s has %zu nonces, %zu needed\n", argv[4], nn, count), 1;
	if ((docs = lines_read(argv[5], 0, &ndocs)) == NULL || ndocs == 0)
		return fprintf(stderr, "mkvotes: %s names no document\n", argv[5]), 1;

	xmlInitParser();
	if (xmlSecInit() < 0 || xmlSecCheckVersion() != 1 || xmlSecOpenSSLAppInit(NULL) < 0 ||
	    xmlSecOpenSSLInit() < 0)
		return fprintf(stderr, "mkvotes: cannot initialize xmlsec\n"), 1;
	if ((votes = calloc(count, sizeof *votes)) == NULL || (slices = calloc(nthreads, sizeof *slices)) == NULL ||
	    (threads = calloc(nthreads, sizeof *threads)) == NULL)
		goto out;
	iins_make(count);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (use_rsa && (shared_key = EVP_RSA_gen(2048)) == NULL)
		goto out;
	for (size_t t = 0; t < nthreads; t++) {
		slices[t].from = count * t / nthreads;
		slices[t].to = count * (t + 1) / nthreads;
		if (pthread_create(&threads[t], NULL, work, &slices[t]) != 0)
			goto out;
	}
	for (size_t t = 0; t < nthreads; t++)
		pthread_join(threads[t], NULL);
	for (size_t t = 0; t < nthreads; t++)
		if (slices[t].failed)
			goto out;
	printf("citizens %zu\nms %.0f\n", count, ms_since(&t0));
	if ((out = fopen(argv[6], "w")) == NULL)
		goto out;
	for (size_t i = 0; i < count; i++)
		if (fprintf(out, "%d\n", votes[i].len) < 0 || fwrite(votes[i].body, 1, (size_t)votes[i].len, out) != (size_t)votes[i].len)
			goto out;
	if (fclose(out) != 0) {
		out = NULL;
		goto out;
	}
	out = NULL;
	rc = 0;
out:
	if (out != NULL)
		fclose(out);
	if (rc != 0)
		fprintf(stderr, "mkvotes: failed\n");
	for (size_t i = 0; votes != NULL && i < count; i++)
		xmlFree(votes[i].body);
	free(votes);
	free(slices);
	free(threads);
	EVP_PKEY_free(shared_key);
	EVP_PKEY_free(ca_key);
	X509_free(ca_cert);
	xmlSecOpenSSLShutdown();
	xmlSecOpenSSLAppShutdown();
	xmlSecShutdown();
	xmlCleanupParser();
	return rc;
}
