/* A fake NCANode 3.x for the tests of core/sig_gost.c: a single-threaded
 * HTTP/1.1 server that answers POST .../xml/verify with a canned JSON
 * chosen by --mode, in the shape of NCANode's VerificationResponse
 * (status, message, valid, signers[] of CertificateInfo).  It verifies
 * nothing: the signer it reports is the certificate of --cert (its serial
 * number and signature bytes, as NCANode reports them).
 *
 *   cc -o ncanode tests/fake/ncanode.c -lcrypto
 *   ncanode --mode MODE --cert PEM [--port N | --unix PATH] [--port-file F] [--log F]
 *
 * --port 0 (the default) takes a free port on 127.0.0.1 and prints it (or
 * writes it to --port-file).  --log gets the body of the last request.
 * Modes:
 *   valid          200, valid, one valid signer: the certificate of --cert
 *   cert-der       as valid, but the signer is named by "certificate" (DER)
 *   invalid        200, valid false (the signature does not verify)
 *   signer-invalid 200, valid false, the signer's valid false (no chain)
 *   revoked        200, valid false, the signer revoked by CRL
 *   two-signers    200, valid, two signers
 *   string-true    200, "valid": "true" (a string)
 *   no-serial      200, valid, the signer without serialNumber
 *   http400        400 {"status":400,"message":...}, NCANode's ClientException
 *   http500        500
 *   malformed      200, JSON cut short
 *   trailing       200, valid JSON followed by more
 *   huge           200, 2 MB of JSON
 *   slow           the valid answer after 3 s
 * A request that is not a POST to .../xml/verify with a JSON body holding
 * "xml" and "revocationCheck" gets 400 whatever the mode.
 *
 * tests/unit/test_gost.c includes this file with FAKE_NCANODE_NO_MAIN and
 * runs fake_serve() in a forked child. */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#define FAKE_REQ_MAX (16 * 1024 * 1024)

struct fake_opts {
	const char *mode;
	const char *cert;   /* PEM of the signer to report */
	const char *log;    /* NULL: no log */
};

/* "IIN900101300017" in the subject's serialNumber, without "IIN". */
static void fake_subject_iin(X509 *x, char *out, size_t size)
{
	X509_NAME *n = X509_get_subject_name(x);
	int i = X509_NAME_get_index_by_NID(n, NID_serialNumber, -1);
	ASN1_STRING *v = i >= 0 ? X509_NAME_ENTRY_get_data(X509_NAME_get_entry(n, i)) : NULL;
	const char *s = v ? (const char *)ASN1_STRING_get0_data(v) : "";

	snprintf(out, size, "%s", strncmp(s, "IIN", 3) == 0 ? s + 3 : s);
}

static char *fake_b64(const unsigned char *data, int len)
{
	char *out = malloc((size_t)(4 * ((len + 2) / 3) + 1));

	if (out != NULL)
		EVP_EncodeBlock((unsigned char *)out, data, len);
	return out;
}

/* One CertificateInfo of the certificate in PEM file path, as NCANode
 * writes it: serialNumber is BigInteger.toString(16) (lower case, no
 * leading zeros), signature and publicKey base64. */
static char *fake_signer(const char *path, const char *mode)
{
	FILE *f = fopen(path, "r");
	X509 *x = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
	const ASN1_BIT_STRING *sig = NULL;
	BIGNUM *bn = NULL;
	char *hex = NULL, *sig64 = NULL, *key64 = NULL, *der64 = NULL, *out = NULL, iin[64], *h;
	unsigned char *key = NULL, *der = NULL;
	int keylen, derlen;
	size_t size = 65536;
	int valid = strcmp(mode, "signer-invalid") != 0 && strcmp(mode, "revoked") != 0;

	if (f != NULL)
		fclose(f);
	if (x == NULL || (bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL)) == NULL ||
	    (hex = BN_bn2hex(bn)) == NULL)
		goto out;
	for (h = hex; *h != '\0'; h++)
		*h = (char)(*h >= 'A' && *h <= 'F' ? *h - 'A' + 'a' : *h);
	for (h = hex; h[0] == '0' && h[1] != '\0'; h++)
		;
	X509_get0_signature(&sig, NULL, x);
	keylen = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &key);
	derlen = i2d_X509(x, &der);
	sig64 = fake_b64(ASN1_STRING_get0_data(sig), ASN1_STRING_length(sig));
	key64 = keylen > 0 ? fake_b64(key, keylen) : NULL;
	der64 = derlen > 0 ? fake_b64(der, derlen) : NULL;
	fake_subject_iin(x, iin, sizeof iin);
	if (sig64 == NULL || key64 == NULL || der64 == NULL || (out = malloc(size)) == NULL)
		goto out;
	if (strcmp(mode, "cert-der") == 0)
		snprintf(out, size, "{\"valid\":true,\"certificate\":\"%s\",\"subject\":{\"iin\":\"%s\"}}",
		         der64, iin);
	else
		snprintf(out, size,
		         "{\"valid\":%s,\"revocations\":[{\"revoked\":%s,\"by\":\"CRL\",\"revocationTime\":%s,"
		         "\"reason\":null}],\"notBefore\":\"2024-01-01T00:00:00.000+00:00\","
		         "\"notAfter\":\"2044-01-01T00:00:00.000+00:00\",\"keyUsage\":\"SIGN\","
		         "%s%s%s\"signAlg\":\"ECGOST34310\",\"keyUser\":[\"INDIVIDUAL\"],"
		         "\"publicKey\":\"%s\",\"signature\":\"%s\","
		         "\"subject\":{\"commonName\":\"TEST\",\"iin\":\"%s\",\"country\":\"KZ\"},"
		         "\"issuer\":{\"commonName\":\"TEST CA\"}}",
		         valid ? "true" : "false", strcmp(mode, "revoked") == 0 ? "true" : "false",
		         strcmp(mode, "revoked") == 0 ? "\"2026-01-01T00:00:00.000+00:00\"" : "null",
		         strcmp(mode, "no-serial") == 0 ? "" : "\"serialNumber\":\"",
		         strcmp(mode, "no-serial") == 0 ? "" : h,
		         strcmp(mode, "no-serial") == 0 ? "" : "\",", key64, sig64, iin);
out:
	OPENSSL_free(key);
	OPENSSL_free(der);
	OPENSSL_free(hex);
	BN_free(bn);
	X509_free(x);
	free(sig64);
	free(key64);
	free(der64);
	return out;
}

/* The answer of mode: HTTP status and body (malloc'd). */
static char *fake_answer(const struct fake_opts *o, int *status)
{
	const char *m = o->mode;
	char *signer = NULL, *body = NULL;
	size_t size;
	int ok;

	*status = 200;
	if (strcmp(m, "http400") == 0 || strcmp(m, "http500") == 0) {
		*status = strcmp(m, "http400") == 0 ? 400 : 500;
		body = malloc(128);
		if (body != NULL)
			snprintf(body, 128, "{\"status\":%d,\"message\":\"Bad signature: fake says no\"}", *status);
		return body;
	}
	if (strcmp(m, "malformed") == 0)
		return strdup("{\"status\":200,\"message\":\"OK\",\"valid\":true,\"signers\":[{\"valid\":tr");
	if ((signer = fake_signer(o->cert, m)) == NULL)
		return NULL;
	size = 2 * strlen(signer) + 512 + (strcmp(m, "huge") == 0 ? 2u * 1024 * 1024 : 0);
	if ((body = malloc(size)) == NULL)
		goto out;
	ok = strcmp(m, "invalid") != 0 && strcmp(m, "signer-invalid") != 0 && strcmp(m, "revoked") != 0;
	snprintf(body, size, "{\"status\":200,\"message\":\"OK\",\"valid\":%s,\"signers\":[%s%s%s]}%s",
	         strcmp(m, "string-true") == 0 ? "\"true\"" : ok ? "true" : "false", signer,
	         strcmp(m, "two-signers") == 0 ? "," : "", strcmp(m, "two-signers") == 0 ? signer : "",
	         strcmp(m, "trailing") == 0 ? "{}" : "");
	if (strcmp(m, "huge") == 0) {
		/* White space inside the object: well-formed, only too large. */
		size_t n = strlen(body);

		memmove(body + 1 + 2u * 1024 * 1024, body + 1, n);
		memset(body + 1, ' ', 2u * 1024 * 1024);
	}
out:
	free(signer);
	return body;
}

static int fake_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads one request: headers, then Content-Length bytes of body.  The body
 * is NUL-terminated; -1 when the request is not one we can read. */
static int fake_read_request(int fd, char **req, char **body, size_t *body_len)
{
	size_t cap = 65536, len = 0, want = 0;
	char *buf = malloc(cap + 1), *end = NULL, *cl;
	ssize_t r;

	if (buf != NULL)
		buf[0] = '\0';  /* a fork's heap holds old requests */
	while (buf != NULL) {
		if (end == NULL && (end = strstr(buf, "\r\n\r\n")) != NULL) {
			if ((cl = strcasestr(buf, "\r\nContent-Length:")) == NULL || cl > end)
				break;
			want = (size_t)(end + 4 - buf) + strtoul(cl + 17, NULL, 10);
			if (want > FAKE_REQ_MAX)
				break;
		}
		if (end != NULL && len >= want) {
			*req = buf;
			*body = end + 4;
			*body_len = want - (size_t)(end + 4 - buf);
			(*body)[*body_len] = '\0';
			return 0;
		}
		if (len == cap) {
			ptrdiff_t at = end ? end - buf : -1;
			char *p = realloc(buf, 2 * cap + 1);

			if (p == NULL)
				break;
			end = at >= 0 ? p + at : NULL;
			buf = p;
			cap *= 2;
		}
		if ((r = read(fd, buf + len, cap - len)) < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			fprintf(stderr, "ncanode: the connection ended after %zu bytes of the request\n", len);
			break;
		}
		len += (size_t)r;
		buf[len] = '\0';
	}
	free(buf);
	return -1;
}

static void fake_handle(int fd, const struct fake_opts *o)
{
	char *req = NULL, *body = NULL, *answer = NULL, head[256], *line_end;
	size_t body_len = 0;
	int status = 400, json;
	FILE *log;

	if (fake_read_request(fd, &req, &body, &body_len) == 0) {
		if (o->log != NULL && (log = fopen(o->log, "wb")) != NULL) {
			fwrite(body, 1, body_len, log);
			fclose(log);
		}
		json = strcasestr(req, "\r\nContent-Type: application/json") != NULL;
		line_end = strstr(req, "\r\n");
		*line_end = '\0';
		if (strncmp(req, "POST /", 6) == 0 && strstr(req, "/xml/verify HTTP/1.") != NULL && json &&
		    body[0] == '{' && strstr(body, "\"xml\":\"") != NULL &&
		    strstr(body, "\"revocationCheck\":[\"CRL\"]") != NULL) {
			if (strcmp(o->mode, "slow") == 0)
				sleep(3);
			answer = fake_answer(o, &status);
		}
	}
	if (answer == NULL) {
		/* Say why: a 400 here fails a test that expected another answer. */
		fprintf(stderr, "ncanode: 400 for %s\n", req == NULL ? "an unreadable request" :
		        status == 200 ? "want of memory or an unreadable --cert" :
		        "a request that is not NCANode's XmlVerifyRequest");
		status = 400;
		answer = strdup("{\"status\":400,\"message\":\"bad request\"}");
	}
	snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\n"
	         "Content-Length: %zu\r\nConnection: close\r\n\r\n", status,
	         status == 200 ? "OK" : status == 400 ? "Bad Request" : "Internal Server Error",
	         answer ? strlen(answer) : 0);
	if (fake_write_all(fd, head, strlen(head)) == 0 && answer != NULL)
		fake_write_all(fd, answer, strlen(answer));
	free(answer);
	free(req);
}

/* Serves lfd, one connection at a time, until killed. */
static int fake_serve(int lfd, const struct fake_opts *o)
{
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		int fd = accept(lfd, NULL, NULL);

		if (fd < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		fake_handle(fd, o);
		shutdown(fd, SHUT_WR);
		close(fd);
	}
}

/* A listening socket on 127.0.0.1:port (0: any free port, returned in
 * *bound), or on the unix socket path when it is not NULL. */
static int fake_listen(int port, const char *path, int *bound)
{
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	socklen_t len = sizeof in;
	int fd = socket(path ? AF_UNIX : AF_INET, SOCK_STREAM, 0), one = 1;

	if (fd < 0)
		return -1;
	if (path != NULL) {
		snprintf(un.sun_path, sizeof un.sun_path, "%s", path);
		unlink(path);
		if (bind(fd, (struct sockaddr *)&un, sizeof un) != 0 || listen(fd, 16) != 0)
			goto fail;
		*bound = 0;
		return fd;
	}
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&in, sizeof in) != 0 || listen(fd, 16) != 0 ||
	    getsockname(fd, (struct sockaddr *)&in, &len) != 0)
		goto fail;
	*bound = ntohs(in.sin_port);
	return fd;
fail:
	close(fd);
	return -1;
}

#ifndef FAKE_NCANODE_NO_MAIN
int main(int argc, char **argv)
{
	struct fake_opts o = { "valid", NULL, NULL };
	const char *port_file = NULL, *unix_path = NULL;
	int port = 0, bound = 0, fd;
	FILE *f;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--mode") == 0)
			o.mode = argv[i + 1];
		else if (strcmp(argv[i], "--cert") == 0)
			o.cert = argv[i + 1];
		else if (strcmp(argv[i], "--log") == 0)
			o.log = argv[i + 1];
		else if (strcmp(argv[i], "--port") == 0)
			port = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--unix") == 0)
			unix_path = argv[i + 1];
		else if (strcmp(argv[i], "--port-file") == 0)
			port_file = argv[i + 1];
		else
			argc = 0;
	}
	if (argc % 2 != 1 || (o.cert == NULL && strcmp(o.mode, "http400") != 0 &&
	                      strcmp(o.mode, "http500") != 0 && strcmp(o.mode, "malformed") != 0)) {
		fprintf(stderr, "usage: ncanode --mode MODE --cert PEM [--port N | --unix PATH] "
		                "[--port-file F] [--log F]\n");
		return 2;
	}
	if ((fd = fake_listen(port, unix_path, &bound)) < 0) {
		perror("ncanode: listen");
		return 1;
	}
	if (port_file != NULL) {
		/* Whole or absent: a script polls for it. */
		char tmp[4096];

		snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
		if ((f = fopen(tmp, "w")) == NULL || fprintf(f, "%d\n", bound) < 0 || fclose(f) != 0 ||
		    rename(tmp, port_file) != 0) {
			perror(port_file);
			return 1;
		}
	} else {
		printf("%d\n", bound);
		fflush(stdout);
	}
	return fake_serve(fd, &o) == 0 ? 0 : 1;
}
#endif
