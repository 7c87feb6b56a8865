/* verify_votes: the signature check of `make bench-api`'s votes alone, in
 * process, with nothing else around it (issue 4.6).  It runs
 * core/sig.c's sig_verify_buf (parse with the size and DOCTYPE limits,
 * X509Data, chain and CRL check with OpenSSL, key usage, XML-DSig with
 * xmlsec1, identity) over the pre-signed votes of tests/bench/mkvotes.c on
 * THREADS threads, each with its own trust as obfcgi's workers have.  No
 * HTTP, no FastCGI, no database: the rate it prints is an upper bound for
 * signed votes per second on this machine, whatever the server around the
 * check does.
 *
 *   verify_votes TRUST_DIR VOTES_BIN THREADS
 *
 * Prints "verified N", "failed N", "ms X" (wall time of the loop), one a
 * line; exit status 1 when any vote fails to verify. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sig.h"

struct body {
	const char *p;
	size_t len;
};

struct worker {
	pthread_t thread;
	const char *trust_dir;
	const struct body *bodies;
	size_t from, n, step;
	size_t ok, failed;
	struct ob_err err;
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)n + 1)) == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	} else {
		*len = (size_t)n;
	}
	if (f != NULL)
		fclose(f);
	return buf;
}

/* Records "LENGTH\n" + LENGTH bytes, as votes.lua reads them. */
static struct body *split(const char *data, size_t len, size_t *count)
{
	struct body *b = NULL;
	size_t n = 0, cap = 0, pos = 0;

	while (pos < len) {
		char *end;
		unsigned long l = strtoul(data + pos, &end, 10);

		if (*end != '\n' || (size_t)(end + 1 - data) + l > len)
			break;
		if (n == cap) {
			struct body *g = realloc(b, (cap = cap ? cap * 2 : 1024) * sizeof *b);

			if (g == NULL)
				break;
			b = g;
		}
		b[n].p = end + 1;
		b[n++].len = l;
		pos = (size_t)(end + 1 - data) + l;
	}
	*count = n;
	return b;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct sig_opts opts = { .purpose = SIG_PURPOSE_SIGN };
	struct sig_trust *t = sig_trust_open(w->trust_dir, &w->err);

	if (t == NULL) {
		w->failed = w->n;
		return NULL;
	}
	for (size_t i = w->from; i < w->n; i += w->step) {
		struct ob_err err = { 0 };
		xmlDocPtr doc = sig_verify_buf(t, w->bodies[i].p, w->bodies[i].len, &opts, NULL, &err);

		if (doc == NULL) {
			if (w->failed++ == 0)
				w->err = err;
		} else {
			w->ok++;
			xmlFreeDoc(doc);
		}
	}
	sig_trust_free(t);
	return NULL;
}

int main(int argc, char **argv)
{
	struct ob_err err = { 0 };
	struct timespec t0, t1;
	size_t len, count, ok = 0, failed = 0;
	char *data;
	struct body *bodies;
	struct worker *w;
	int threads;

	if (argc != 4 || (threads = atoi(argv[3])) < 1 || threads > 64) {
		fprintf(stderr, "usage: verify_votes TRUST_DIR VOTES_BIN THREADS\n");
		return 2;
	}
	if ((data = slurp(argv[2], &len)) == NULL || (bodies = split(data, len, &count)) == NULL) {
		fprintf(stderr, "verify_votes: %s: cannot read the votes\n", argv[2]);
		return 1;
	}
	if (sig_init(&err) != 0) {
		fprintf(stderr, "verify_votes: %s: %s\n", err.code, err.msg);
		return 1;
	}
	w = calloc((size_t)threads, sizeof *w);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < threads; i++) {
		w[i] = (struct worker){ .trust_dir = argv[1], .bodies = bodies, .from = (size_t)i,
		                        .n = count, .step = (size_t)threads };
		pthread_create(&w[i].thread, NULL, work, &w[i]);
	}
	for (int i = 0; i < threads; i++) {
		pthread_join(w[i].thread, NULL);
		ok += w[i].ok;
		if (w[i].failed > 0 && failed == 0)
			fprintf(stderr, "verify_votes: %s: %s\n", w[i].err.code, w[i].err.msg);
		failed += w[i].failed;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("verified %zu\nfailed %zu\nms %.1f\n", ok, failed,
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	free(w);
	free(bodies);
	free(data);
	sig_shutdown();
	return failed ? 1 : 0;
}
