/* The lifecycle thread of obfcgi (P-9, P-10, P-17): at start-up and then
 * every minute it runs lifecycle_run (core/lifecycle.h) through the group
 * commit, so discussions close the day after their last day and their
 * final reports are stored, also for periods that ended while the server
 * was down.  The writer thread does the work inside its transaction; this
 * thread only asks and waits.  Stopping is cooperative: lifecycle_stop
 * wakes the timed wait and joins the thread (before committer_stop, which
 * would refuse the next run). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "lifecycle.h"
#include "server.h"

#define LIFECYCLE_PERIOD 60  /* seconds */

struct lifecycle {
	struct server *srv;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;   /* clock: CLOCK_MONOTONIC */
	int stopping;
};

static int job(struct store *st, void *arg, struct ob_err *err)
{
	struct server *srv = arg;
	struct ob_date today;
	char day[DATE_STRLEN];
	int n = 0;

	if (ob_today(&today) != 0)
		return ob_err_set(err, "internal", 0, "cannot tell today's date (OB_TODAY?)"), -1;
	if (lifecycle_run(st, srv->cal, today, &n, err) != 0)
		return -1;
	if (n > 0)
		fprintf(stderr, "obfcgi: lifecycle: %d discussion%s closed and reported as of %s\n", n,
		        n == 1 ? "" : "s", date_format(today, day));
	return 0;
}

static void *run(void *arg)
{
	struct lifecycle *lc = arg;
	struct timespec until;

	pthread_mutex_lock(&lc->lock);
	while (!lc->stopping) {
		struct ob_err err = { 0 };

		pthread_mutex_unlock(&lc->lock);
		if (committer_run(lc->srv->commit, job, lc->srv, &err) != 0 &&
		    strcmp(err.code, "unavailable") != 0)
			fprintf(stderr, "obfcgi: lifecycle: %s: %s\n", err.code, err.msg);
		pthread_mutex_lock(&lc->lock);
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += LIFECYCLE_PERIOD;
		while (!lc->stopping &&
		       pthread_cond_timedwait(&lc->wake, &lc->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&lc->lock);
	return NULL;
}

struct lifecycle *lifecycle_start(struct server *srv, struct ob_err *err)
{
	struct lifecycle *lc = calloc(1, sizeof *lc);
	pthread_condattr_t ca;

	if (lc == NULL)
		return ob_err_set(err, "internal", 0, "out of memory"), NULL;
	lc->srv = srv;
	pthread_mutex_init(&lc->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&lc->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&lc->thread, NULL, run, lc) != 0) {
		ob_err_set(err, "internal", 0, "cannot start the lifecycle thread");
		pthread_cond_destroy(&lc->wake);
		pthread_mutex_destroy(&lc->lock);
		free(lc);
		return NULL;
	}
	return lc;
}

void lifecycle_stop(struct lifecycle *lc)
{
	if (lc == NULL)
		return;
	pthread_mutex_lock(&lc->lock);
	lc->stopping = 1;
	pthread_cond_signal(&lc->wake);
	pthread_mutex_unlock(&lc->lock);
	pthread_join(lc->thread, NULL);
	pthread_cond_destroy(&lc->wake);
	pthread_mutex_destroy(&lc->lock);
	free(lc);
}
