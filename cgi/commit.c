/* Group commit (issue 4.5).  SQLite in WAL mode with synchronous=FULL makes
 * each COMMIT wait for an fsync; one writer thread takes every job waiting
 * at that moment, runs each in its own SAVEPOINT inside one transaction and
 * commits once, so N concurrent requests cost one fsync.  A worker is
 * answered only after the COMMIT that holds its job has returned: a 201 is
 * on disk. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

struct job {
	job_fn fn;
	void *arg;
	struct ob_err *err;
	int rc, done;
	struct job *next;
};

struct committer {
	struct store *st;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more;      /* writer: jobs arrived or stop */
	pthread_cond_t finished;  /* workers: a batch is durable */
	struct job *head, **tail;
	int stopping;
};

static int exec(struct store *st, const char *sql, struct ob_err *err)
{
	if (sqlite3_exec(store_db(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, sql);
	return 0;
}

static void run_batch(struct committer *c, struct job *batch)
{
	struct ob_err err = { 0 };
	int ok = store_begin(c->st, &err) == 0;

	for (struct job *j = batch; j != NULL; j = j->next) {
		if (!ok) {
			j->rc = -1;
			*j->err = err;
			continue;
		}
		if (exec(c->st, "SAVEPOINT job", j->err) != 0) {
			j->rc = -1;
			continue;
		}
		j->rc = j->fn(c->st, j->arg, j->err);
		if (j->rc != 0)
			exec(c->st, "ROLLBACK TO job", &err);
		exec(c->st, "RELEASE job", &err);
	}
	if (ok && store_commit(c->st, &err) != 0) {
		store_rollback(c->st);
		for (struct job *j = batch; j != NULL; j = j->next) {
			if (j->rc == 0) {
				j->rc = -1;
				ob_err_set(j->err, "internal", 0, "commit failed: %s", err.msg);
			}
		}
	}
	/* As for the workers' read connections (main.c): no statement of a
	 * job may keep this connection on the batch's snapshot. */
	if (store_idle(c->st) > 0)
		fprintf(stderr, "obfcgi: a read was left open by a job of the batch\n");
}

static void *writer(void *arg)
{
	struct committer *c = arg;
	struct job *batch;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (c->head == NULL && !c->stopping)
			pthread_cond_wait(&c->more, &c->lock);
		if (c->head == NULL)
			break;  /* stopping and drained */
		batch = c->head;
		c->head = NULL;
		c->tail = &c->head;
		pthread_mutex_unlock(&c->lock);
		run_batch(c, batch);
		pthread_mutex_lock(&c->lock);
		for (struct job *j = batch; j != NULL; j = j->next)
			j->done = 1;
		pthread_cond_broadcast(&c->finished);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

struct committer *committer_start(const char *db_path, struct ob_err *err)
{
	struct committer *c = calloc(1, sizeof *c);

	if (c == NULL) {
		ob_err_set(err, "internal", 0, "out of memory");
		return NULL;
	}
	if ((c->st = store_open(db_path, 0, err)) == NULL) {
		free(c);
		return NULL;
	}
	c->tail = &c->head;
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->more, NULL);
	pthread_cond_init(&c->finished, NULL);
	if (pthread_create(&c->thread, NULL, writer, c) != 0) {
		ob_err_set(err, "internal", 0, "cannot start the writer thread");
		store_close(c->st);
		free(c);
		return NULL;
	}
	return c;
}

int committer_run(struct committer *c, job_fn fn, void *arg, struct ob_err *err)
{
	struct job j = { .fn = fn, .arg = arg, .err = err };

	pthread_mutex_lock(&c->lock);
	if (c->stopping) {
		pthread_mutex_unlock(&c->lock);
		ob_err_set(err, "unavailable", 0, "the server is stopping");
		return -1;
	}
	*c->tail = &j;
	c->tail = &j.next;
	pthread_cond_signal(&c->more);
	while (!j.done)
		pthread_cond_wait(&c->finished, &c->lock);
	pthread_mutex_unlock(&c->lock);
	return j.rc;
}

void committer_stop(struct committer *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	c->stopping = 1;
	pthread_cond_signal(&c->more);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	store_close(c->st);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->more);
	pthread_cond_destroy(&c->finished);
	free(c);
}
