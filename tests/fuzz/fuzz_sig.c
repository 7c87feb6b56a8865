/* libFuzzer harness for core/sig.c: any bytes as a signed submission.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_DEFAULT_SOURCE \
 *     -D_GNU_SOURCE -Icore -DOB_SHARE_DIR='"'$PWD'"' \
 *     $(pkg-config --cflags libxml-2.0 xmlsec1-openssl openssl) \
 *     tests/fuzz/fuzz_sig.c core/sig.c core/sig_structure.c core/sig_cert.c \
 *     core/xmlin.c core/err.c core/text.c \
 *     $(pkg-config --libs libxml-2.0 xmlsec1-openssl openssl) -o build/fuzz_sig
 *   build/fuzz_sig corpus/
 *
 * Trust: $OB_FUZZ_TRUST, or else the trust/ directory of a test PKI made
 * once by tests/pki/make-ca.sh in /tmp/ob-fuzz-pki.  Seeds: documents
 * signed by tests/pki/sign.sh (see docs/signatures.md), one per file.
 *
 * The first byte picks the options (purpose, a GOST verifier that always
 * refuses) so that every branch of sig_verify() is reachable; the rest is
 * the document. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <libxml/tree.h>

#include "sig.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

static struct sig_trust *trust;

static int refuse_gost(void *arg, xmlDocPtr doc, time_t now, unsigned char **der, size_t *len,
                       struct ob_err *err)
{
	(void)arg;
	(void)doc;
	(void)now;
	(void)der;
	(void)len;
	(void)err;
	return -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("OB_FUZZ_TRUST");
	struct ob_err err;

	(void)argc;
	(void)argv;
	if (dir == NULL) {
		if (system("sh " OB_SHARE_DIR "/tests/pki/make-ca.sh /tmp/ob-fuzz-pki") != 0) {
			fprintf(stderr, "fuzz_sig: cannot make the test PKI; set OB_FUZZ_TRUST\n");
			exit(1);
		}
		dir = "/tmp/ob-fuzz-pki/trust";
	}
	if (sig_init(&err) != 0 || (trust = sig_trust_open(dir, &err)) == NULL) {
		fprintf(stderr, "fuzz_sig: %s: %s %s\n", dir, err.code, err.msg);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sig_opts opts = { 0 };
	struct sig_identity id;
	struct ob_err err;
	xmlDocPtr doc;

	if (size < 1)
		return 0;
	opts.purpose = (data[0] & 1) ? SIG_PURPOSE_AUTH : SIG_PURPOSE_SIGN;
	if (data[0] & 2)
		opts.gost = refuse_gost;
	opts.now = 1780272000; /* 2026-06-01, inside the test PKI's dates */
	opts.max_bytes = 1u << 20;
	doc = sig_verify_buf(trust, (const char *)data + 1, size - 1, &opts, &id, &err);
	xmlFreeDoc(doc);
	return 0;
}
