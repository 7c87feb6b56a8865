/* obctl role and obctl trust (issue 4.3, 4.4): who may moderate, answer
 * and post, which certification authorities the signatures chain to, and
 * which service verifies GOST signatures. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "clock.h"
#include "ctl.h"
#include "db_settings.h"
#include "db_submit.h"
#include "nonce.h"
#include "sig.h"
#include "sig_gost.h"
#include "xmlin.h"

/* --iin X, --bin B, --admin-code C after the role name. */
struct role_args {
	const char *role, *iin, *bin, *code;
};

static int role_args(int argc, char **argv, struct role_args *a)
{
	memset(a, 0, sizeof *a);
	if (argc < 3)
		return -1;
	a->role = argv[2];
	for (int i = 3; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--iin") == 0)
			a->iin = argv[i + 1];
		else if (strcmp(argv[i], "--bin") == 0)
			a->bin = argv[i + 1];
		else if (strcmp(argv[i], "--admin-code") == 0)
			a->code = argv[i + 1];
		else
			return -1;
	}
	if (argc % 2 == 0)
		return -1;  /* a flag without its value */
	if (a->iin != NULL && !iin_valid(a->iin)) {
		fprintf(stderr, "obctl role: --iin %s is not a valid IIN (12 digits, control digit)\n", a->iin);
		return -2;
	}
	if (strcmp(a->role, "operator") == 0)
		return a->iin != NULL && a->bin == NULL && a->code == NULL ? 0 : -1;
	if (strcmp(a->role, "administrator") == 0) {
		if (a->bin == NULL || a->code == NULL)
			return -1;
		if (!iin_valid(a->bin)) {
			fprintf(stderr, "obctl role: --bin %s is not a valid BIN\n", a->bin);
			return -2;
		}
		return 0;
	}
	return -1;
}

struct role_match {
	struct role_args a;
	long long id;
	int found;
};

static int match_role(const struct role_row *r, void *arg)
{
	struct role_match *m = arg;

	if (r->revoked[0] != '\0' || strcmp(r->role, m->a.role) != 0 ||
	    strcmp(r->iin, m->a.iin ? m->a.iin : "") != 0 ||
	    (m->a.bin != NULL && (strcmp(r->admin_bin, m->a.bin) != 0 || strcmp(r->admin_code, m->a.code) != 0)))
		return 0;
	m->id = r->id;
	m->found++;
	return 0;
}

static int print_role(const struct role_row *r, void *arg)
{
	(void)arg;
	printf("%-4lld %-13s iin=%-12s", r->id, r->role, r->iin[0] ? r->iin : "any");
	if (r->admin_code[0] != '\0')
		printf(" admin=%s bin=%s%s%s", r->admin_code, r->admin_bin, r->region[0] ? " region=" : "", r->region);
	printf(" granted=%s%s%s\n", r->granted, r->revoked[0] ? " revoked=" : "", r->revoked);
	return 0;
}

static int role_change(struct store *st, int grant, const struct role_args *a, struct ob_err *err)
{
	struct role_match m = { .a = *a };
	long long admin_id = 0, id;
	char now[21];
	int rc;

	ob_time_format(ob_now(), now);
	if (a->bin != NULL && (rc = db_admin_by_bin(st, a->bin, a->code, &admin_id, err)) <= 0)
		return rc < 0 ? -1 : (ob_err_set(err, "not-found", 0, "no administrator %s with BIN %s",
		                                 a->code, a->bin), -1);
	if (db_role_list(st, match_role, &m, err) != 0)
		return -1;
	if (grant) {
		if (m.found)
			return ob_err_set(err, "exists", 0, "the role is already granted (id %lld)", m.id), -1;
		if (db_role_grant(st, a->role, a->iin, admin_id, now, &id, err) != 0)
			return -1;
		printf("granted %s (id %lld)\n", a->role, id);
		return 0;
	}
	if (!m.found)
		return ob_err_set(err, "not-found", 0, "no such active role"), -1;
	if (db_role_revoke(st, m.id, now, err) != 0)
		return -1;
	printf("revoked %s (id %lld)\n", a->role, m.id);
	return 0;
}

int cmd_role(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct role_args a;
	struct store *st;
	int rc = -1, args;

	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((st = ctl_open(0)) == NULL)
			return 1;
		rc = db_role_list(st, print_role, NULL, &err);
		goto out;
	}
	if (argc < 2 || (strcmp(argv[1], "grant") != 0 && strcmp(argv[1], "revoke") != 0) ||
	    (args = role_args(argc, argv, &a)) != 0) {
		if (argc < 2 || args != -2)
			fprintf(stderr, "usage: obctl role grant|revoke operator --iin IIN\n"
			                "       obctl role grant|revoke administrator --bin BIN --admin-code CODE [--iin IIN]\n"
			                "       obctl role list\n");
		return 2;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if (store_begin(st, &err) == 0) {
		rc = role_change(st, strcmp(argv[1], "grant") == 0, &a, &err);
		if (rc == 0)
			rc = store_commit(st, &err);
		if (rc != 0)
			store_rollback(st);
	}
out:
	if (rc != 0)
		ctl_report("obctl role", &err);
	store_close(st);
	return rc == 0 ? 0 : 1;
}

/* ---- trust ---- */

/* The trust directory: --trust DIR, else $OB_TRUST, else "trust" beside
 * the database. */
static const char *trust_dir(char *buf, size_t size)
{
	char db[4096];

	if (getenv("OB_TRUST") != NULL && *getenv("OB_TRUST") != '\0')
		return getenv("OB_TRUST");
	snprintf(db, sizeof db, "%s", ctl_db_path);
	snprintf(buf, size, "%s/trust", dirname(db));
	return buf;
}

/* Counts the certificates and CRLs of a PEM file; -1 when it holds
 * anything else or nothing. */
static int pem_objects(const char *data, size_t len, int *certs, int *crls)
{
	BIO *b = BIO_new_mem_buf(data, (int)len);
	STACK_OF(X509_INFO) *info = b ? PEM_X509_INFO_read_bio(b, NULL, NULL, NULL) : NULL;

	*certs = *crls = 0;
	for (int i = 0; info != NULL && i < sk_X509_INFO_num(info); i++) {
		X509_INFO *x = sk_X509_INFO_value(info, i);

		*certs += x->x509 != NULL;
		*crls += x->crl != NULL;
		if (x->x_pkey != NULL)
			*certs = -1000;  /* a private key has no place here */
	}
	sk_X509_INFO_pop_free(info, X509_INFO_free);
	BIO_free(b);
	return *certs >= 0 && *certs + *crls > 0 ? 0 : -1;
}

static int trust_add(const char *dir, const char *path, struct ob_err *err)
{
	char dst[8200], base[4096], hash[17];
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	size_t len = 0;
	char *data = file_read_all(path, 16 * 1024 * 1024, &len, err);
	struct sig_trust *t;
	int certs, crls;
	FILE *f;

	if (data == NULL)
		return -1;
	if (pem_objects(data, len, &certs, &crls) != 0) {
		free(data);
		return ob_err_set(err, "trust-invalid", 0, "%s: not PEM certificates or CRLs (or holds a key)", path), -1;
	}
	/* Named by content: CA files are all "cert.pem" where they come from. */
	EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL);
	hex_encode(md, 8, hash);
	snprintf(base, sizeof base, "%s", path);
	snprintf(dst, sizeof dst, "%s/%s-%s", dir, hash, basename(base));
	if ((mkdir(dir, 0755) != 0 && errno != EEXIST) || (f = fopen(dst, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		free(data);
		return ob_err_set(err, "io", 0, "%s: %s", dst, strerror(errno)), -1;
	}
	free(data);
	/* The whole directory must still load, as obfcgi will load it. */
	if ((t = sig_trust_open(dir, err)) == NULL) {
		remove(dst);
		return -1;
	}
	sig_trust_free(t);
	printf("%s: %d certificate%s, %d CRL%s added to %s\n", path, certs, certs == 1 ? "" : "s",
	       crls, crls == 1 ? "" : "s", dir);
	return 0;
}

/* obctl trust gost-verifier [URL | --off]: where obfcgi sends GOST
 * signatures (core/sig_gost.h); without an argument, shows it.  obfcgi
 * reads it at start-up. */
static int gost_verifier(int argc, char **argv)
{
	struct ob_err err = { 0 };
	char url[SIG_GOST_URL_MAX];
	struct store *st;
	int rc = -1;

	if (argc > 1 || (argc == 1 && argv[0][0] == '-' && strcmp(argv[0], "--off") != 0)) {
		fprintf(stderr, "usage: obctl trust gost-verifier [URL | --off]\n");
		return 2;
	}
	if (argc == 1 && strcmp(argv[0], "--off") != 0 && sig_gost_url_check(argv[0], &err) != 0) {
		ctl_report("obctl trust gost-verifier", &err);
		return 1;
	}
	if ((st = ctl_open(0)) == NULL)
		return 1;
	if (argc == 0) {
		if ((rc = db_setting_get(st, SETTING_GOST_VERIFIER, url, sizeof url, &err)) >= 0)
			printf("%s\n", rc == 1 ? url : "off (GOST signatures are refused: unsupported-algorithm)");
	} else if (strcmp(argv[0], "--off") == 0) {
		if ((rc = db_setting_unset(st, SETTING_GOST_VERIFIER, &err)) >= 0)
			printf("GOST verifier %s; restart obfcgi to apply\n", rc == 1 ? "removed" : "was not set");
	} else if ((rc = db_setting_set(st, SETTING_GOST_VERIFIER, argv[0], &err)) == 0) {
		printf("GOST verifier: %s; restart obfcgi to apply\n", argv[0]);
	}
	if (rc < 0)
		ctl_report("obctl trust gost-verifier", &err);
	store_close(st);
	return rc < 0 ? 1 : 0;
}

int cmd_trust(int argc, char **argv)
{
	struct ob_err err = { 0 };
	char buf[4200];
	const char *dir = trust_dir(buf, sizeof buf);
	int i = 1, rc = 0;

	if (argc >= 2 && strcmp(argv[1], "gost-verifier") == 0)
		return gost_verifier(argc - 2, argv + 2);
	if (i + 1 < argc && strcmp(argv[i], "--trust") == 0) {
		dir = argv[i + 1];
		i += 2;
	}
	if (i + 1 >= argc || strcmp(argv[i], "add") != 0) {
		fprintf(stderr, "usage: obctl trust [--trust DIR] add FILE...\n"
		                "       obctl trust gost-verifier [URL | --off]\n");
		return 2;
	}
	if (sig_init(&err) != 0) {
		ctl_report("obctl trust", &err);
		return 1;
	}
	for (i++; i < argc && rc == 0; i++)
		if ((rc = trust_add(dir, argv[i], &err)) != 0)
			ctl_report(argv[i], &err);
	sig_shutdown();
	return rc == 0 ? 0 : 1;
}

/* obctl stats: how many submissions of each kind are stored (operations,
 * and the tests' "nothing was stored" checks). */
int cmd_stats(int argc, char **argv)
{
	static const char *const tables[] = { "documents", "submissions", "proposals", "moderation",
	                                      "answers", "votes" };
	struct ob_err err = { 0 };
	struct store *st;
	long long n;

	(void)argc;
	(void)argv;
	if ((st = ctl_open(0)) == NULL)
		return 1;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		if ((n = db_count(st, tables[i], &err)) < 0) {
			ctl_report("obctl stats", &err);
			store_close(st);
			return 1;
		}
		printf("%s\t%lld\n", tables[i], n);
	}
	store_close(st);
	return 0;
}
