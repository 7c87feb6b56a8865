/* The external GOST verifier's client: core/sig_gost.h, docs/signatures.md.
 * This file holds the verifier's address and the HTTP exchange (libcurl,
 * json-c); core/sig_gost_verdict.c reads the document's certificates and
 * judges the answer.
 *
 * Fail closed: the only answer that lets a signature through is HTTP 200
 * with JSON whose "valid" is the boolean true, whose one signer is valid
 * and is a certificate of the document's own X509Data.  Everything else is
 * a refusal; a verifier that cannot be reached is "internal" (HTTP 500 to
 * the client), never a pass. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/un.h>
#include <curl/curl.h>
#include <json-c/json.h>
#include <libxml/tree.h>

#include "sig_gost.h"
#include "sig_gost_impl.h"
#include "sig_impl.h"

#define VERIFY_PATH "/xml/verify"
#define ANSWER_MAX (1024 * 1024)   /* one signer's answer is a few KB */

struct sig_gost {
	char base[SIG_GOST_URL_MAX];
	char request[SIG_GOST_URL_MAX + sizeof VERIFY_PATH];
	char unix_path[sizeof ((struct sockaddr_un *)0)->sun_path];  /* "" for http(s) */
};

int sig_gost_global_init(struct ob_err *err)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		ob_err_set(err, "internal", 0, "cannot initialize libcurl");
		return -1;
	}
	return 0;
}

void sig_gost_global_cleanup(void)
{
	curl_global_cleanup();
}

/* ---- the address ---- */

static int printable_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/* A part of u that must be absent: 1 when it is there. */
static int has_part(CURLU *u, CURLUPart part)
{
	char *v = NULL;
	int there = curl_url_get(u, part, &v, 0) == CURLUE_OK && v != NULL && *v != '\0';

	curl_free(v);
	return there;
}

/* Parses url into g (when g is not NULL).  The same parser as the one
 * libcurl connects with, so that what is checked is what is reached:
 * "http://127.0.0.1@evil.example/" has a user and is refused, and a host
 * is compared after libcurl's normalisation. */
static int url_parse(const char *url, struct sig_gost *g, struct ob_err *err)
{
	CURLU *u = NULL;
	char *scheme = NULL, *host = NULL, *path = NULL, *full = NULL, *p;
	int rc = -1, ok;
	size_t n;

	if (url == NULL || *url == '\0' || strlen(url) >= SIG_GOST_URL_MAX || !printable_ascii(url)) {
		ob_err_set(err, "url-invalid", 0, "the URL must be 1 to %d printable ASCII characters "
		           "without spaces", SIG_GOST_URL_MAX - 1);
		return -1;
	}
	if (strncmp(url, "unix:", 5) == 0) {
		const char *sock = url + 5;

		if (sock[0] != '/' || strlen(sock) >= sizeof g->unix_path || strpbrk(sock, "?#") != NULL) {
			ob_err_set(err, "url-invalid", 0, "unix:PATH needs an absolute socket path of at most "
			           "%zu bytes", sizeof g->unix_path - 1);
			return -1;
		}
		if (g != NULL) {
			snprintf(g->unix_path, sizeof g->unix_path, "%s", sock);
			snprintf(g->request, sizeof g->request, "http://localhost%s", VERIFY_PATH);
		}
		rc = 0;
		goto out;
	}
	if ((u = curl_url()) == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		goto out;
	}
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || *host == '\0') {
		ob_err_set(err, "url-invalid", 0, "%s is not an absolute http:// or https:// URL", url);
		goto out;
	}
	if (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD) ||
	    has_part(u, CURLUPART_OPTIONS) || has_part(u, CURLUPART_QUERY) ||
	    has_part(u, CURLUPART_FRAGMENT) || has_part(u, CURLUPART_ZONEID)) {
		ob_err_set(err, "url-invalid", 0, "the URL may not carry a user, password, query or fragment");
		goto out;
	}
	/* Plain http only on this machine: the signed document (with the
	 * signer's IIN) and the verdict would otherwise cross the network in
	 * clear, and a verdict is what lets a signature through. */
	if (strcmp(scheme, "https") != 0 &&
	    !(strcmp(scheme, "http") == 0 && (strcasecmp(host, "localhost") == 0 ||
	                                      strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0))) {
		ob_err_set(err, "url-invalid", 0, "%s://%s: only http://127.0.0.1, http://[::1], "
		           "http://localhost, https:// or unix:/PATH", scheme, host);
		goto out;
	}
	if (g != NULL) {
		/* {url}/xml/verify, whatever the base path's trailing slashes. */
		if (curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK) {
			ob_err_set(err, "internal", 0, "out of memory");
			goto out;
		}
		for (n = strlen(path); n > 0 && path[n - 1] == '/'; n--)
			path[n - 1] = '\0';
		if ((p = malloc(n + sizeof VERIFY_PATH)) == NULL) {
			ob_err_set(err, "internal", 0, "out of memory");
			goto out;
		}
		memcpy(p, path, n);
		memcpy(p + n, VERIFY_PATH, sizeof VERIFY_PATH);
		ok = curl_url_set(u, CURLUPART_PATH, p, 0) == CURLUE_OK &&
		     curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK && strlen(full) < sizeof g->request;
		free(p);
		if (!ok) {
			ob_err_set(err, "url-invalid", 0, "%s: cannot append %s", url, VERIFY_PATH);
			goto out;
		}
		snprintf(g->request, sizeof g->request, "%s", full);
		g->unix_path[0] = '\0';
	}
	rc = 0;
out:
	if (rc == 0 && g != NULL)
		snprintf(g->base, sizeof g->base, "%s", url);
	curl_free(scheme);
	curl_free(host);
	curl_free(path);
	curl_free(full);
	curl_url_cleanup(u);
	return rc;
}

int sig_gost_url_check(const char *url, struct ob_err *err)
{
	return url_parse(url, NULL, err);
}

struct sig_gost *sig_gost_new(const char *url, struct ob_err *err)
{
	struct sig_gost *g = calloc(1, sizeof *g);

	if (g == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		return NULL;
	}
	if (url_parse(url, g, err) != 0) {
		free(g);
		return NULL;
	}
	return g;
}

void sig_gost_free(struct sig_gost *g)
{
	free(g);
}

const char *sig_gost_url(const struct sig_gost *g)
{
	return g->base;
}

int sig_gost_needs_inet(const struct sig_gost *g)
{
	return g != NULL && g->unix_path[0] == '\0';
}

/* ---- the exchange ---- */

static size_t on_answer(char *data, size_t size, size_t nmemb, void *arg)
{
	struct answer *a = arg;
	size_t n = size * nmemb;
	char *p;

	if (n > ANSWER_MAX - a->len || (p = realloc(a->data, a->len + n + 1)) == NULL)
		return 0;  /* curl stops with CURLE_WRITE_ERROR */
	memcpy(p + a->len, data, n);
	a->data = p;
	a->len += n;
	a->data[a->len] = '\0';
	return n;
}

/* {"xml": the document, "revocationCheck": ["CRL"]}, NCANode 3.x's
 * XmlVerifyRequest.  The tree is serialized again: it is what core/sig.c
 * checked, and C14N gives it the same bytes to digest as the original. */
static char *request_body(xmlDocPtr doc, size_t *len, struct ob_err *err)
{
	xmlChar *xml = NULL;
	int xml_len = 0;
	json_object *o = json_object_new_object(), *rc = json_object_new_array();
	json_object *x = NULL, *crl = json_object_new_string("CRL");
	const char *s;
	char *body = NULL;
	size_t n = 0;

	xmlDocDumpMemoryEnc(doc, &xml, &xml_len, "UTF-8");
	if (xml != NULL)
		x = json_object_new_string_len((const char *)xml, xml_len);
	if (o == NULL || rc == NULL || crl == NULL || x == NULL || json_object_array_add(rc, crl) != 0) {
		json_object_put(crl);
		json_object_put(rc);
		json_object_put(x);
		goto out;
	}
	json_object_object_add(o, "xml", x);
	json_object_object_add(o, "revocationCheck", rc);
	s = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	if (s != NULL && (body = malloc(n + 1)) != NULL) {
		memcpy(body, s, n + 1);
		*len = n;
	}
out:
	if (body == NULL)
		ob_err_set(err, "internal", 0, "out of memory");
	json_object_put(o);
	xmlFree(xml);
	return body;
}

static int exchange(const struct sig_gost *g, const char *body, size_t len, struct answer *a,
                    long *http, struct ob_err *err)
{
	CURL *c = curl_easy_init();
	struct curl_slist *h = NULL, *t;
	CURLcode res = CURLE_OUT_OF_MEMORY;
	int rc = -1;

	/* No "Expect: 100-continue" pause, JSON both ways. */
	if (c == NULL || (h = curl_slist_append(NULL, "Content-Type: application/json")) == NULL ||
	    (t = curl_slist_append(h, "Accept: application/json")) == NULL ||
	    (t = curl_slist_append(t, "Expect:")) == NULL)
		goto out;
	curl_easy_setopt(c, CURLOPT_URL, g->request);
	if (g->unix_path[0] != '\0')
		curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, g->unix_path);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	/* The address is the operator's, not the environment's: no proxy. */
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)SIG_GOST_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)SIG_GOST_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "obfcgi");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POST, 1L);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_answer);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
	if ((res = curl_easy_perform(c)) != CURLE_OK)
		goto out;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, http);
	rc = 0;
out:
	if (rc != 0)
		ob_err_set(err, "internal", 0, "GOST verifier %s: %s%s", g->base, curl_easy_strerror(res),
		           res == CURLE_WRITE_ERROR ? " (answer too large)" : "");
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc;
}

int sig_gost_verify(void *arg, xmlDocPtr doc, time_t now, unsigned char **cert_der, size_t *cert_len,
                    struct ob_err *err)
{
	const struct sig_gost *g = arg;
	struct doc_cert certs[SIG_MAX_CERTS];
	struct answer a = { NULL, 0 };
	char *body = NULL;
	size_t len = 0;
	long http = 0;
	int n = 0, i, rc = -1;

	*cert_der = NULL;
	*cert_len = 0;
	if (g == NULL || doc == NULL) {
		ob_err_set(err, "internal", 0, "no GOST verifier");
		return -1;
	}
	if (sig_gost_doc_certs(doc, certs, &n, err) != 0 || (body = request_body(doc, &len, err)) == NULL ||
	    exchange(g, body, len, &a, &http, err) != 0 || (i = sig_gost_judge(&a, http, certs, n, now, err)) < 0)
		goto out;
	if ((*cert_der = malloc(certs[i].len)) == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		goto out;
	}
	memcpy(*cert_der, certs[i].der, certs[i].len);
	*cert_len = certs[i].len;
	rc = 0;
out:
	sig_gost_doc_certs_free(certs, n);
	free(body);
	free(a.data);
	return rc;
}
