/* obgen --db FILE --out DIR [--base-url /] [--full] [--watch] [--synthetic]
 *       [--jobs N]
 * Renders the public site from the database, read-only (issue 3.6-3.8). */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "gen.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: obgen --db FILE --out DIR [--base-url /] [--full] [--watch] [--synthetic] [--quiet]\n"
	           "             [--jobs N] [--dump-xml DIR]\n"
	           "Renders the portal's public site (kk, ru, open data) into DIR/current.\n"
	           "  --full       render every page, reusing nothing\n"
	           "  --watch      poll the change sequence and rebuild within 2 seconds\n"
	           "  --synthetic  mark every page as showing synthetic data\n"
	           "  --jobs N     render on N threads (default: one per CPU)\n"
	           "  --dump-xml DIR  also write each rendered page's XML to DIR/PATH.xml\n"
	           "See docs/generator.md.\n");
}

/* Whatever changes the output besides the database: obgen itself, the
 * templates, public/, the XSDs and the options.  A new value rebuilds all. */
static uint64_t code_hash(const struct gen *g)
{
	uint64_t h = SIG_INIT;
	char dir[4200];

	sig_file(&h, "/proc/self/exe");
	snprintf(dir, sizeof dir, "%s/templates", g->share);
	sig_tree(&h, dir);
	snprintf(dir, sizeof dir, "%s/public", g->share);
	sig_tree(&h, dir);
	snprintf(dir, sizeof dir, "%s/schema", g->share);
	sig_tree(&h, dir);
	h = sig_str(h, g->opt.base);
	return sig_int(h, g->opt.synthetic);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "out", required_argument, NULL, 'o' },
		{ "base-url", required_argument, NULL, 'b' }, { "full", no_argument, NULL, 'f' },
		{ "watch", no_argument, NULL, 'w' }, { "synthetic", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' }, { "dump-xml", required_argument, NULL, 'x' },
		{ "jobs", required_argument, NULL, 'j' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct gen g = { .opt = { .base = "/" } };
	struct ob_err err = { 0 };
	char dir[4200];
	int c, rc = 1;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'd': g.opt.db = optarg; break;
		case 'o': g.opt.out = optarg; break;
		case 'b': g.opt.base = optarg; break;
		case 'f': g.opt.full = 1; break;
		case 'w': g.opt.watch = 1; break;
		case 's': g.opt.synthetic = 1; break;
		case 'q': g.opt.quiet = 1; break;
		case 'x': g.opt.dump = optarg; break;
		case 'j':
			if ((g.opt.jobs = atoi(optarg)) < 1) {
				usage(stderr);
				return 2;
			}
			break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	if (g.opt.db == NULL || g.opt.out == NULL || optind != argc ||
	    g.opt.base[0] == '\0' || g.opt.base[strlen(g.opt.base) - 1] != '/') {
		usage(stderr);
		return 2;
	}
	snprintf(g.share, sizeof g.share, "%s", ob_share_dir());
	snprintf(dir, sizeof dir, "%s/templates", g.share);
	xmlInitParser();
	if ((g.st = store_open(g.opt.db, STORE_RDONLY, &err)) == NULL ||
	    (g.db = db_site_open(g.st, &err)) == NULL || (g.xsl = xsl_open(dir, &err)) == NULL)
		goto out;
	if (g.opt.dump != NULL && mkdir(g.opt.dump, 0755) != 0 && errno != EEXIST) {
		ob_err_set(&err, "io", 0, "%s: %s", g.opt.dump, strerror(errno));
		goto out;
	}
	g.code_hash = code_hash(&g);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (gen_build(&g, &err) != 0)
		goto out;
	g.opt.full = 0;
	while (g.opt.watch && !stop) {
		/* Polling meta.seq is one indexed read: 4 times a second keeps a
		 * change visible within 2 s (issue 3.8) at no measurable cost. */
		struct timespec ts = { 0, 250 * 1000 * 1000 };
		long long seq;

		nanosleep(&ts, NULL);
		seq = db_site_seq(g.db);
		if (seq >= 0 && seq != g.seq && gen_build(&g, &err) != 0)
			goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		fprintf(stderr, "obgen: %s: %s\n", err.code[0] ? err.code : "error",
		        err.msg[0] ? err.msg : "failed");
	gen_close(&g);
	xsl_close(g.xsl);
	db_site_close(g.db);
	store_close(g.st);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
