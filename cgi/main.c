/* obfcgi: the FastCGI server of the signed submissions (issue 4).
 *
 *   obfcgi --db FILE --trust DIR [--socket PATH] [--threads N] [--user NAME]
 *
 * Without --socket it serves the socket on fd 0, as spawn-fcgi passes it.
 * Start-up opens everything it will need (database, trust store, schemas,
 * calendar, messages), then drops root and installs a seccomp filter
 * (sandbox.c).  Signals are blocked in every thread and taken by the main
 * thread with sigwait(): libfcgi's handlers never see SIGTERM.  On SIGTERM
 * or SIGINT the listening socket is shut down, in-flight requests finish,
 * the writer commits what it holds, and the process exits 0. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcgiapp.h>
#include <libxml/parser.h>

#include "db_calendar.h"
#include "db_settings.h"
#include "doc.h"
#include "screen.h"
#include "server.h"

static int listen_fd;

static void route(struct worker *w)
{
	static const struct { const char *path; void (*fn)(struct worker *); } routes[] = {
		{ "/api/challenge", handle_challenge },
		{ "/api/proposals", handle_proposals },
		{ "/api/votes", handle_votes },
		{ "/api/moderation", handle_moderation },
		{ "/api/answers", handle_answers },
		{ "/api/documents", handle_documents },
		{ "/api/documents/check", handle_document_check },
		{ "/api/session", handle_session },
		{ "/api/oversight/requests", handle_oversight_requests },
		{ "/api/oversight/decisions", handle_oversight_decisions },
		{ "/api/oversight/blocks", handle_oversight_blocks },
		{ "/console/logout", handle_logout },
	};
	const char *path = req_param(w, "DOCUMENT_URI");

	if (*path == '\0')
		path = req_param(w, "SCRIPT_NAME");
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (strcmp(path, routes[i].path) == 0) {
			routes[i].fn(w);
			return;
		}
	}
	if (strncmp(path, "/api/receipts/", 14) == 0)
		handle_receipts(w, path + 14);
	else if (strncmp(path, "/console/oversight/export/", 26) == 0)
		handle_oversight_export(w, path + 26);
	else if (strcmp(path, "/console/audit.csv") == 0)
		handle_audit_export(w);
	else if (strncmp(path, "/console/", 9) == 0)
		handle_console(w, path + 9);
	else
		reply_error(w, "not-found", path);
}

static void *work(void *arg)
{
	struct worker *w = arg;

	while (FCGX_Accept_r(&w->req) >= 0) {
		route(w);
		/* A statement a handler left on a row would keep this
		 * connection on its snapshot, and the next requests of this
		 * thread would not see new sessions, grants or blocks. */
		if (store_idle(w->ro) > 0)
			fprintf(stderr, "obfcgi: a read was left open (%s)\n", req_param(w, "DOCUMENT_URI"));
	}
	FCGX_Finish_r(&w->req);
	return NULL;
}

/* The GOST verifier, when `obctl trust gost-verifier` set one; a setting
 * that is no longer acceptable stops the start rather than being ignored. */
static int gost_start(struct server *srv, struct store *st, struct ob_err *err)
{
	char url[SIG_GOST_URL_MAX];
	int rc = db_setting_get(st, SETTING_GOST_VERIFIER, url, sizeof url, err);

	if (rc <= 0)
		return rc;
	if (sig_gost_global_init(err) != 0 || (srv->gost = sig_gost_new(url, err)) == NULL)
		return -1;
	fprintf(stderr, "obfcgi: GOST signatures go to the verifier at %s\n", url);
	return 0;
}

static int start(struct server *srv, struct ob_err *err)
{
	static const char *const extra[] = { "submission", NULL };
	struct store *st;
	char dir[4200];
	int rc;

	snprintf(dir, sizeof dir, "%s/data/screen", ob_share_dir());
	if (sig_init(err) != 0 || error_messages_load(err) != 0 || doc_schemas_load(extra, err) != 0 ||
	    (srv->screen = screen_lists_load(dir, err)) == NULL || render_init(ob_share_dir(), err) != 0)
		return -1;
	/* Migrations run here, before any worker reads.  The working-day
	 * calendar is the database's (obctl calendar); a change needs a
	 * restart. */
	if ((st = store_open(srv->db_path, 0, err)) == NULL)
		return -1;
	if ((srv->cal = calendar_new()) == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		rc = -1;
	} else
		rc = db_calendar_load(st, srv->cal, err) != 0 || db_secret(st, "nonce", srv->nonce_key, err) != 0 ? -1 : 0;
	if (rc == 0)
		rc = gost_start(srv, st, err);
	store_close(st);
	return rc;
}

static int open_socket(const char *path, const char *user, struct ob_err *err)
{
	struct passwd *pw;

	if (path == NULL)
		return 0;  /* fd 0, from spawn-fcgi */
	unlink(path);
	if ((listen_fd = FCGX_OpenSocket(path, 256)) < 0) {
		ob_err_set(err, "internal", 0, "%s: cannot listen: %s", path, strerror(errno));
		return -1;
	}
	/* nginx connects as root or as the unprivileged user. */
	if (geteuid() == 0 && (pw = getpwnam(user)) != NULL && chown(path, pw->pw_uid, pw->pw_gid) != 0)
		return ob_err_set(err, "internal", 0, "%s: chown: %s", path, strerror(errno)), -1;
	chmod(path, 0660);
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: obfcgi --db FILE --trust DIR [--socket PATH] [--threads N] [--user NAME]\n"
	           "       obfcgi --list-errors | --sandbox-selftest\n"
	           "The FastCGI server of signed submissions (docs/api.md).\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "trust", required_argument, NULL, 't' },
		{ "socket", required_argument, NULL, 's' }, { "threads", required_argument, NULL, 'n' },
		{ "user", required_argument, NULL, 'u' }, { "list-errors", no_argument, NULL, 'l' },
		{ "sandbox-selftest", no_argument, NULL, 'S' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct server srv = { .max_body = 64 * 1024, .max_document = 8 * 1024 * 1024 };
	const char *trust = NULL, *sock = NULL, *user = "nobody";
	struct ob_err err = { 0 };
	struct worker *workers;
	struct lifecycle *lc;
	pthread_t *threads;
	sigset_t set;
	int c, nthreads = 16, sig = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': srv.db_path = optarg; break;
		case 't': trust = optarg; break;
		case 's': sock = optarg; break;
		case 'n': nthreads = atoi(optarg); break;
		case 'u': user = optarg; break;
		case 'l': error_codes_print(stdout); return 0;
		case 'S': return sandbox_selftest(user);
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (srv.db_path == NULL || trust == NULL || nthreads < 1 || nthreads > 256) {
		usage(stderr);
		return 2;
	}
	/* Blocked before anything else (libfcgi installs handlers in
	 * FCGX_Init): a SIGTERM during start-up waits for sigwait below. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	xmlInitParser();
	if (start(&srv, &err) != 0 || FCGX_Init() != 0 || open_socket(sock, user, &err) != 0)
		goto fail;
	workers = calloc((size_t)nthreads, sizeof *workers);
	threads = calloc((size_t)nthreads, sizeof *threads);
	if (workers == NULL || threads == NULL)
		goto fail;
	for (int i = 0; i < nthreads; i++) {
		workers[i].srv = &srv;
		if ((workers[i].trust = sig_trust_open(trust, &err)) == NULL ||
		    (workers[i].ro = store_open(srv.db_path, STORE_RDONLY, &err)) == NULL ||
		    store_seq(workers[i].ro) < 0)
			goto fail;
		FCGX_InitRequest(&workers[i].req, listen_fd, 0);
	}
	if ((srv.commit = committer_start(srv.db_path, &err)) == NULL ||
	    sandbox_enter(user, sig_gost_needs_inet(srv.gost), &err) != 0)
		goto fail;
	if ((lc = lifecycle_start(&srv, &err)) == NULL)
		goto fail;
	for (int i = 0; i < nthreads; i++)
		pthread_create(&threads[i], NULL, work, &workers[i]);
	fprintf(stderr, "obfcgi: serving %s with %d threads\n", sock ? sock : "fd 0", nthreads);
	while (sigwait(&set, &sig) == 0 && sig == SIGHUP)
		;
	fprintf(stderr, "obfcgi: signal %d, finishing the requests in flight\n", sig);
	shutdown(listen_fd, SHUT_RDWR);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	lifecycle_stop(lc);
	committer_stop(srv.commit);
	for (int i = 0; i < nthreads; i++) {
		sig_trust_free(workers[i].trust);
		store_close(workers[i].ro);
	}
	free(workers);
	free(threads);
	calendar_free(srv.cal);
	if (srv.gost != NULL) {
		sig_gost_free(srv.gost);
		sig_gost_global_cleanup();
	}
	screen_lists_free(srv.screen);
	render_free();
	error_messages_free();
	doc_schemas_free();
	sig_shutdown();
	fprintf(stderr, "obfcgi: stopped\n");
	return 0;
fail:
	fprintf(stderr, "obfcgi: %s: %s\n", err.code[0] ? err.code : "internal", err.msg[0] ? err.msg : "start-up failed");
	return 1;
}
