#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "sig_cert.h"

/* The Kazakh IIN/BIN control digit: weights 1..11 mod 11; a result of 10
 * means a second pass with weights 3..11,1,2; 10 again means no valid
 * number ends this way (P-13 users are identified by their IIN). */
int iin_valid(const char *s12)
{
	static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int sum1 = 0, sum2 = 0, c, i;

	if (s12 == NULL)
		return 0;
	for (i = 0; i < 12; i++)
		if (s12[i] < '0' || s12[i] > '9')
			return 0;
	if (s12[12] != '\0')
		return 0;
	for (i = 0; i < 11; i++) {
		sum1 += (s12[i] - '0') * (i + 1);
		sum2 += (s12[i] - '0') * w2[i];
	}
	c = sum1 % 11;
	if (c == 10)
		c = sum2 % 11;
	return c != 10 && c == s12[11] - '0';
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* One PEM file: certificates and CRLs, nothing else (a private key in a
 * trust directory is a mistake worth stopping for). */
static int load_file(const char *path, STACK_OF(X509) *certs, STACK_OF(X509_CRL) *crls,
                     struct ob_err *err)
{
	int rc = -1, i, n = 0;
	BIO *bio = NULL;
	STACK_OF(X509_INFO) *infos = NULL;

	if ((bio = BIO_new_file(path, "r")) == NULL ||
	    (infos = PEM_X509_INFO_read_bio(bio, NULL, NULL, NULL)) == NULL) {
		ob_err_set(err, "trust-invalid", 0, "%s: not a PEM file", path);
		goto out;
	}
	for (i = 0; i < sk_X509_INFO_num(infos); i++) {
		X509_INFO *xi = sk_X509_INFO_value(infos, i);

		if (xi->x_pkey != NULL) {
			ob_err_set(err, "trust-invalid", 0, "%s: holds a private key", path);
			goto out;
		}
		if (xi->x509 != NULL) {
			if (X509_check_ca(xi->x509) <= 0) {
				ob_err_set(err, "trust-invalid", 0, "%s: a certificate is not a CA", path);
				goto out;
			}
			if (!sk_X509_push(certs, xi->x509))
				goto nomem;
			xi->x509 = NULL;
			n++;
		}
		if (xi->crl != NULL) {
			if (!sk_X509_CRL_push(crls, xi->crl))
				goto nomem;
			xi->crl = NULL;
			n++;
		}
	}
	if (n == 0) {
		ob_err_set(err, "trust-invalid", 0, "%s: no certificate or CRL", path);
		goto out;
	}
	rc = 0;
	goto out;
nomem:
	ob_err_set(err, "internal", 0, "out of memory");
out:
	sk_X509_INFO_pop_free(infos, X509_INFO_free);
	BIO_free(bio);
	return rc;
}

int sig_cert_load_dir(const char *dir, STACK_OF(X509) **certs, STACK_OF(X509_CRL) **crls,
                      struct ob_err *err)
{
	int rc = -1, i, roots = 0;
	DIR *d = NULL;
	struct dirent *de;
	char path[4096];
	struct stat st;

	*certs = sk_X509_new_null();
	*crls = sk_X509_CRL_new_null();
	if (*certs == NULL || *crls == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		goto out;
	}
	if ((d = opendir(dir)) == NULL) {
		ob_err_set(err, "trust-invalid", 0, "%s: cannot open directory", dir);
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' ||
		    !(has_suffix(de->d_name, ".pem") || has_suffix(de->d_name, ".crt") ||
		      has_suffix(de->d_name, ".cer") || has_suffix(de->d_name, ".crl")))
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path) {
			ob_err_set(err, "trust-invalid", 0, "%s: path too long", de->d_name);
			goto out;
		}
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (load_file(path, *certs, *crls, err) != 0)
			goto out;
	}
	for (i = 0; i < sk_X509_num(*certs); i++)
		if (X509_get_extension_flags(sk_X509_value(*certs, i)) & EXFLAG_SS)
			roots++;
	if (roots == 0) {
		ob_err_set(err, "trust-invalid", 0, "%s: no self-signed root CA", dir);
		goto out;
	}
	rc = 0;
out:
	if (d != NULL)
		closedir(d);
	if (rc != 0) {
		sk_X509_pop_free(*certs, X509_free);
		sk_X509_CRL_pop_free(*crls, X509_CRL_free);
		*certs = NULL;
		*crls = NULL;
	}
	return rc;
}

X509_STORE *sig_cert_store_new(STACK_OF(X509) *certs, STACK_OF(X509_CRL) *crls)
{
	X509_STORE *store;
	int i;

	if ((store = X509_STORE_new()) == NULL)
		return NULL;
	for (i = 0; i < sk_X509_num(certs); i++)
		if (!X509_STORE_add_cert(store, sk_X509_value(certs, i)))
			goto fail;
	for (i = 0; i < sk_X509_CRL_num(crls); i++)
		if (!X509_STORE_add_crl(store, sk_X509_CRL_value(crls, i)))
			goto fail;
	/* A revoked key must not sign: no CRL for a CA of the chain is an
	 * error, not a pass (docs/signatures.md). */
	X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
	return store;
fail:
	X509_STORE_free(store);
	return NULL;
}

X509 *sig_cert_pick_leaf(STACK_OF(X509) *certs, struct ob_err *err)
{
	X509 *leaf = NULL;
	int i, j, n = 0;

	for (i = 0; i < sk_X509_num(certs); i++) {
		X509 *c = sk_X509_value(certs, i);
		int issues_other = 0;

		for (j = 0; j < sk_X509_num(certs); j++)
			if (j != i && X509_check_issued(c, sk_X509_value(certs, j)) == X509_V_OK)
				issues_other = 1;
		if (!issues_other) {
			leaf = c;
			n++;
		}
	}
	if (n != 1) {
		/* Two unrelated certificates: nothing says which one signed. */
		ob_err_set(err, "certificate-untrusted", 0,
		           "X509Data must hold the signer's certificate and its issuers only");
		return NULL;
	}
	return leaf;
}

/* Every error OpenSSL finds, not just the first: a certificate that is
 * both revoked and expired must be reported as revoked whatever order
 * OpenSSL checks in. */
enum { VF_UNTRUSTED = 1, VF_REVOKED = 2, VF_EXPIRED = 4, VF_CRL = 8 };

struct vfy {
	int flags;
	int first;          /* first X509_V_ERR_ seen, for the message */
	int first_depth;
};

static int verify_cb(int ok, X509_STORE_CTX *ctx)
{
	struct vfy *v = X509_STORE_CTX_get_app_data(ctx);
	int e = X509_STORE_CTX_get_error(ctx);

	if (ok)
		return 1;
	switch (e) {
	case X509_V_ERR_CERT_REVOKED:
		v->flags |= VF_REVOKED;
		break;
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CERT_NOT_YET_VALID:
	case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
	case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
		v->flags |= VF_EXPIRED;
		break;
	case X509_V_ERR_UNABLE_TO_GET_CRL:
	case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
	case X509_V_ERR_CRL_HAS_EXPIRED:
	case X509_V_ERR_CRL_NOT_YET_VALID:
	case X509_V_ERR_CRL_SIGNATURE_FAILURE:
	case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
	case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
	case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
	case X509_V_ERR_KEYUSAGE_NO_CRL_SIGN:
	case X509_V_ERR_DIFFERENT_CRL_SCOPE:
	case X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION:
		v->flags |= VF_CRL;
		break;
	default:
		v->flags |= VF_UNTRUSTED;
		break;
	}
	if (v->first == 0) {
		v->first = e;
		v->first_depth = X509_STORE_CTX_get_error_depth(ctx);
	}
	/* Go on so that the later checks run too; any recorded error fails
	 * the certificate in sig_cert_verify. */
	return 1;
}

int sig_cert_verify(X509_STORE *store, X509 *leaf, STACK_OF(X509) *untrusted, time_t now,
                    struct ob_err *err)
{
	int rc = -1, ret;
	X509_STORE_CTX *ctx = NULL;
	X509_VERIFY_PARAM *vp;
	struct vfy v = { 0, 0, 0 };
	const char *why;

	if ((ctx = X509_STORE_CTX_new()) == NULL || !X509_STORE_CTX_init(ctx, store, leaf, untrusted)) {
		ob_err_set(err, "internal", 0, "cannot set up certificate verification");
		goto out;
	}
	vp = X509_STORE_CTX_get0_param(ctx);
	X509_VERIFY_PARAM_set_flags(vp, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
	X509_VERIFY_PARAM_set_time(vp, now);
	/* Level 2: RSA keys of 2048 bits or more, no SHA-1 in the chain. */
	X509_VERIFY_PARAM_set_auth_level(vp, 2);
	/* At most 9 intermediates: the limit xmlsec's own chain check set
	 * before sig.c stopped asking it for one (docs/signatures.md). */
	X509_VERIFY_PARAM_set_depth(vp, 9);
	X509_STORE_CTX_set_app_data(ctx, &v);
	X509_STORE_CTX_set_verify_cb(ctx, verify_cb);
	ret = X509_verify_cert(ctx);
	if (ret <= 0 && v.flags == 0)
		v.flags = VF_UNTRUSTED;
	why = v.first ? X509_verify_cert_error_string(v.first) : "verification failed";
	if (v.flags & VF_UNTRUSTED) {
		ob_err_set(err, "certificate-untrusted", 0, "certificate chain (depth %d): %s",
		           v.first_depth, why);
		goto out;
	}
	if (v.flags & VF_REVOKED) {
		ob_err_set(err, "certificate-revoked", 0, "a certificate of the chain is revoked");
		goto out;
	}
	if (v.flags & VF_EXPIRED) {
		ob_err_set(err, "certificate-expired", 0,
		           "a certificate of the chain is not valid at the verification time");
		goto out;
	}
	if (v.flags & VF_CRL) {
		ob_err_set(err, "certificate-untrusted", 0, "revocation status unknown: %s", why);
		goto out;
	}
	rc = 0;
out:
	X509_STORE_CTX_free(ctx);
	return rc;
}

int sig_cert_usage(X509 *leaf, enum sig_purpose purpose, struct ob_err *err)
{
	int rc = -1, i, found = 0;
	uint32_t flags = X509_get_extension_flags(leaf);
	EXTENDED_KEY_USAGE *eku = NULL;
	/* 1.3.6.1.5.5.7.3.4 emailProtection is what NCA puts in signing
	 * certificates, 1.3.6.1.5.5.7.3.2 clientAuth in authentication ones. */
	int want = purpose == SIG_PURPOSE_AUTH ? NID_client_auth : NID_email_protect;

	if (flags & EXFLAG_CA) {
		ob_err_set(err, "certificate-usage", 0, "a CA certificate cannot sign submissions");
		goto out;
	}
	if (!(flags & EXFLAG_KUSAGE) || !(X509_get_key_usage(leaf) & KU_DIGITAL_SIGNATURE)) {
		ob_err_set(err, "certificate-usage", 0, "key usage lacks digitalSignature");
		goto out;
	}
	if ((eku = X509_get_ext_d2i(leaf, NID_ext_key_usage, NULL, NULL)) != NULL)
		for (i = 0; i < sk_ASN1_OBJECT_num(eku); i++)
			if (OBJ_obj2nid(sk_ASN1_OBJECT_value(eku, i)) == want)
				found = 1;
	if (!found) {
		ob_err_set(err, "certificate-usage", 0, "extended key usage lacks %s",
		           purpose == SIG_PURPOSE_AUTH ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.4");
		goto out;
	}
	rc = 0;
out:
	EXTENDED_KEY_USAGE_free(eku);
	return rc;
}

/* Copies entry e of name as UTF-8 into buf, cutting on a character
 * boundary.  -1 when it cannot be converted. */
static int entry_utf8(X509_NAME_ENTRY *e, char *buf, size_t size)
{
	unsigned char *s = NULL;
	int n = ASN1_STRING_to_UTF8(&s, X509_NAME_ENTRY_get_data(e));
	size_t len;

	if (n < 0)
		return -1;
	len = (size_t)n;
	if (len >= size) {
		len = size - 1;
		while (len > 0 && (s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	OPENSSL_free(s);
	return 0;
}

/* The one entry of nid whose value starts with prefix ("IIN", "BIN"):
 * 1 found (number copied to num), 0 none, -1 malformed or repeated. */
static int name_number(X509_NAME *name, int nid, const char *prefix, char num[13])
{
	char v[64];
	int pos = -1, found = 0;

	while ((pos = X509_NAME_get_index_by_NID(name, nid, pos)) >= 0) {
		if (entry_utf8(X509_NAME_get_entry(name, pos), v, sizeof v) != 0)
			return -1;
		if (strncmp(v, prefix, 3) != 0)
			continue;
		if (found || strlen(v) != 15 || !iin_valid(v + 3))
			return -1;
		memcpy(num, v + 3, 13);
		found = 1;
	}
	return found;
}

int sig_cert_identity(X509 *leaf, struct sig_identity *out, struct ob_err *err)
{
	int rc = -1, pos;
	X509_NAME *name = X509_get_subject_name(leaf);
	BIGNUM *bn = NULL;
	char *hex = NULL;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	struct tm tm;

	memset(out, 0, sizeof *out);
	/* P-13: the user is the IIN in serialNumber=IIN<12 digits>. */
	if (name_number(name, NID_serialNumber, "IIN", out->iin) != 1) {
		ob_err_set(err, "identity-invalid", 0, "subject has no valid serialNumber=IIN");
		goto out;
	}
	/* A legal entity's staff certificate adds OU=BIN<12 digits>. */
	if (name_number(name, NID_organizationalUnitName, "BIN", out->bin) < 0) {
		ob_err_set(err, "identity-invalid", 0, "subject has an invalid OU=BIN");
		goto out;
	}
	if ((pos = X509_NAME_get_index_by_NID(name, NID_commonName, -1)) >= 0 &&
	    entry_utf8(X509_NAME_get_entry(name, pos), out->common_name, sizeof out->common_name) != 0) {
		ob_err_set(err, "identity-invalid", 0, "subject CN is not a string");
		goto out;
	}
	if ((bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(leaf), NULL)) == NULL ||
	    (hex = BN_bn2hex(bn)) == NULL || strlen(hex) >= sizeof out->cert_serial ||
	    !X509_digest(leaf, EVP_sha256(), md, &mdlen) ||
	    !ASN1_TIME_to_tm(X509_get0_notAfter(leaf), &tm)) {
		ob_err_set(err, "internal", 0, "cannot read the certificate's serial or digest");
		goto out;
	}
	memcpy(out->cert_serial, hex, strlen(hex) + 1);
	for (i = 0; i < mdlen && 2 * i + 2 < sizeof out->cert_sha256; i++)
		snprintf(out->cert_sha256 + 2 * i, 3, "%02x", md[i]);
	out->not_after = timegm(&tm);
	rc = 0;
out:
	OPENSSL_free(hex);
	BN_free(bn);
	return rc;
}
