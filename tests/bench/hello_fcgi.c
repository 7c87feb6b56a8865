/* hello_fcgi: the ceiling of `make bench-api` (issue 4.6).  A libfcgi
 * responder of obfcgi's shape -- THREADS threads, each in its own
 * FCGX_Accept_r loop on one listening unix socket -- that reads the body
 * and answers every request with the same small XML receipt, status 201.
 * Behind the same nginx as obfcgi, its rate is what nginx, libfcgi and the
 * machine allow before any signature, schema or database work.
 *
 *   hello_fcgi SOCKET [THREADS]
 *
 * Runs until SIGTERM or SIGINT. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcgiapp.h>

/* About the size of obfcgi's receipt for a vote. */
static const char body[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<receipt xmlns=\"urn:obkz:doc:1\" id=\"00000000000000000000000000000000\" kind=\"vote\" "
	"status=\"counted\" received=\"2026-01-01T00:00:00Z\" "
	"sha256=\"0000000000000000000000000000000000000000000000000000000000000000\" "
	"document=\"BP-2026-000-000\" href=\"/api/receipts/00000000000000000000000000000000\"/>\n";

static int listen_fd;

static void *work(void *arg)
{
	FCGX_Request req;
	char buf[16384];

	(void)arg;
	FCGX_InitRequest(&req, listen_fd, 0);
	while (FCGX_Accept_r(&req) >= 0) {
		while (FCGX_GetStr(buf, sizeof buf, req.in) > 0)
			;
		FCGX_FPrintF(req.out, "Status: 201 Created\r\nContent-Type: application/xml; charset=utf-8\r\n"
		             "Cache-Control: no-store\r\nContent-Length: %d\r\n\r\n", (int)sizeof body - 1);
		FCGX_PutStr(body, (int)sizeof body - 1, req.out);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 16;
	pthread_t *threads;
	sigset_t set;
	int sig;

	if (argc < 2 || argc > 3 || n < 1 || n > 256) {
		fprintf(stderr, "usage: hello_fcgi SOCKET [THREADS]\n");
		return 2;
	}
	unlink(argv[1]);
	if (FCGX_Init() != 0 || (listen_fd = FCGX_OpenSocket(argv[1], 256)) < 0) {
		fprintf(stderr, "hello_fcgi: cannot listen on %s\n", argv[1]);
		return 1;
	}
	/* nginx's workers may run as nobody. */
	chmod(argv[1], 0666);
	if ((threads = calloc((size_t)n, sizeof *threads)) == NULL)
		return 1;
	/* As obfcgi: libfcgi's own SIGTERM handler would leave the threads
	 * in accept(); the main thread takes the signal and exits. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < n; i++)
		pthread_create(&threads[i], NULL, work, NULL);
	fprintf(stderr, "hello_fcgi: serving %s with %d threads\n", argv[1], n);
	sigwait(&set, &sig);
	unlink(argv[1]);
	return 0;
}
