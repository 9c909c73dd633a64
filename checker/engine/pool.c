// SPDX-License-Identifier: GPL-2.0-only
/*
 * The worker pool and its watch (see pool.h).  The normal path pays two
 * lock round trips per item for the watch.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/pool.h"
#include "lib/util.h"

#define NO_ITEM SIZE_MAX

struct pool;

struct pool_worker {
	pthread_t thread;
	struct pool *pool;
	size_t item; /* being done, or NO_ITEM; under the lock */
	double started; /* when, under the lock */
	atomic_bool abandoned;
	bool finished; /* left its loop; under the lock */
};

struct pool {
	const struct pool_job *job;
	atomic_size_t next;
	pthread_mutex_t lock; /* everything below */
	pthread_cond_t wake; /* an item is done or a worker left */
	size_t done;
	struct pool_worker **workers;
	size_t nworkers, cap;
	size_t live; /* workers neither abandoned nor finished */
	size_t stuck; /* abandoned workers still in a call */
};

double pool_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

bool pool_abandoned(const struct pool_worker *w)
{
	return atomic_load(&w->abandoned);
}

int pool_threads(int jobs, size_t n)
{
	long t = jobs > 0 ? jobs : sysconf(_SC_NPROCESSORS_ONLN);

	if (t < 1)
		t = 1;
	if ((size_t)t > n)
		t = n ? (long)n : 1;
	return (int)t;
}

static void *slot(const struct pool_job *job, size_t i)
{
	return job->results ? (char *)job->results + i * job->result_size :
			      NULL;
}

/* Item i is done (or given up); under the lock. */
static void item_done(struct pool *pool, size_t i)
{
	const struct pool_job *job = pool->job;

	pool->done++;
	if (job->done)
		job->done(job->ctx, i, slot(job, i));
	/* The watch wakes for deadlines on its own, and for the end. */
	if (pool->done == job->n)
		pthread_cond_signal(&pool->wake);
}

/* Do item i; false if the watch abandoned this worker meanwhile. */
static bool do_item(struct pool_worker *w, void *state, size_t i, void *res)
{
	struct pool *pool = w->pool;
	const struct pool_job *job = pool->job;
	bool abandoned;

	pthread_mutex_lock(&pool->lock);
	w->item = i;
	w->started = pool_now();
	/* The watch sets its next wake-up by this item's deadline. */
	if (job->timeout > 0)
		pthread_cond_signal(&pool->wake);
	pthread_mutex_unlock(&pool->lock);
	if (res)
		memset(res, 0, job->result_size);
	job->run(job->ctx, state, w, i, res);
	pthread_mutex_lock(&pool->lock);
	abandoned = atomic_load(&w->abandoned);
	if (!abandoned) {
		if (res)
			memcpy(slot(job, i), res, job->result_size);
		w->item = NO_ITEM;
		item_done(pool, i);
	}
	pthread_mutex_unlock(&pool->lock);
	if (abandoned && res && job->drop)
		job->drop(job->ctx, res);
	return !abandoned;
}

static void *worker_main(void *arg)
{
	struct pool_worker *w = arg;
	struct pool *pool = w->pool;
	const struct pool_job *job = pool->job;
	void *state = job->thread_init ? job->thread_init(job->ctx) : NULL;
	void *res = job->results ? xmalloc(job->result_size) : NULL;
	bool abandoned = false;
	size_t i;

	while (!abandoned && (i = atomic_fetch_add(&pool->next, 1)) < job->n)
		abandoned = !do_item(w, state, i, res);
	free(res);
	if (job->thread_exit)
		job->thread_exit(job->ctx, state);
	pthread_mutex_lock(&pool->lock);
	w->finished = true;
	if (abandoned)
		pool->stuck--;
	else
		pool->live--;
	pthread_cond_signal(&pool->wake);
	pthread_mutex_unlock(&pool->lock);
	return NULL;
}

/* A new worker; false if no thread could be made.  Under the lock. */
static bool start_worker(struct pool *pool)
{
	struct pool_worker *w = xcalloc(1, sizeof(*w));
	pthread_attr_t attr;
	int err;

	w->pool = pool;
	w->item = NO_ITEM;
	pthread_attr_init(&attr);
	if (pool->job->stack_size)
		pthread_attr_setstacksize(&attr, pool->job->stack_size);
	err = pthread_create(&w->thread, &attr, worker_main, w);
	pthread_attr_destroy(&attr);
	if (err) {
		free(w);
		return false;
	}
	GROW(pool->workers, pool->cap, pool->nworkers);
	pool->workers[pool->nworkers++] = w;
	pool->live++;
	return true;
}

/* The worker's item ran out of time: report it, carry on without it. */
static void abandon(struct pool *pool, struct pool_worker *w)
{
	const struct pool_job *job = pool->job;

	atomic_store(&w->abandoned, true);
	pool->live--;
	pool->stuck++;
	if (job->timed_out)
		job->timed_out(job->ctx, w->item, slot(job, w->item));
	item_done(pool, w->item);
	w->item = NO_ITEM;
	start_worker(pool);
}

static void wait_until(struct pool *pool, double deadline)
{
	double left = deadline - pool_now();
	struct timespec ts;

	if (left <= 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += (time_t)left;
	ts.tv_nsec += (long)((left - (time_t)left) * 1e9);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(&pool->wake, &pool->lock, &ts);
}

/* Abandon the workers past their deadline; the next deadline.  Locked. */
static double check_deadlines(struct pool *pool)
{
	double limit = pool->job->timeout, t = pool_now(), next = t + 1;

	for (size_t k = 0; limit > 0 && k < pool->nworkers; k++) {
		struct pool_worker *w = pool->workers[k];
		double deadline = w->started + limit;

		if (w->finished || w->item == NO_ITEM ||
		    atomic_load(&w->abandoned))
			continue;
		if (deadline <= t)
			abandon(pool, w);
		else if (deadline < next)
			next = deadline;
	}
	return next;
}

/* The calling thread's watch over the workers until every item is done. */
static void watch(struct pool *pool)
{
	size_t n = pool->job->n;

	pthread_mutex_lock(&pool->lock);
	while (pool->done < n) {
		double next = check_deadlines(pool);

		if (!pool->live && pool->done < n) {
			/* No thread to be had: the rest here, without a limit. */
			struct pool_worker *w = xcalloc(1, sizeof(*w));

			w->pool = pool;
			w->item = NO_ITEM;
			pool->live++;
			pthread_mutex_unlock(&pool->lock);
			worker_main(w);
			free(w);
			pthread_mutex_lock(&pool->lock);
			continue;
		}
		if (pool->done < n)
			wait_until(pool, next);
	}
	pthread_mutex_unlock(&pool->lock);
}

static struct pool *pool_new(const struct pool_job *job)
{
	/* On the heap: an abandoned worker may outlive pool_run(). */
	struct pool *pool = xcalloc(1, sizeof(*pool));
	pthread_condattr_t attr;

	pool->job = job;
	pthread_mutex_init(&pool->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&pool->wake, &attr);
	pthread_condattr_destroy(&attr);
	return pool;
}

bool pool_run(const struct pool_job *job)
{
	struct pool *pool = pool_new(job);
	bool stuck;

	pthread_mutex_lock(&pool->lock);
	for (int t = 0; t < job->threads; t++)
		start_worker(pool);
	pthread_mutex_unlock(&pool->lock);
	watch(pool);

	pthread_mutex_lock(&pool->lock);
	stuck = pool->stuck > 0;
	pthread_mutex_unlock(&pool->lock);
	for (size_t k = 0; k < pool->nworkers; k++) {
		if (stuck && atomic_load(&pool->workers[k]->abandoned))
			pthread_detach(pool->workers[k]->thread);
		else
			pthread_join(pool->workers[k]->thread, NULL);
	}
	if (stuck)
		return true; /* the pool stays: its abandoned workers use it */
	for (size_t k = 0; k < pool->nworkers; k++)
		free(pool->workers[k]);
	free(pool->workers);
	pthread_cond_destroy(&pool->wake);
	pthread_mutex_destroy(&pool->lock);
	free(pool);
	return false;
}
