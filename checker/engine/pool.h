/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one worker pool: N threads take items 0..n-1 in order, each item
 * once, and the calling thread watches them.  Both engines use it (the
 * libclang engine for its units, the Coccinelle engine to read its files).
 *
 * A job may have a time limit per item.  Nothing can interrupt a thread
 * inside a library call (libclang's parse), so the watch abandons a
 * worker past its deadline: the item is reported timed out, a fresh
 * worker takes the place of the old one, and whatever the abandoned one
 * produces when its call returns is dropped.  Each item's result goes
 * to its own slot, so the results do not depend on which worker finished
 * first.
 */
#ifndef DRVLINT_POOL_H
#define DRVLINT_POOL_H

#include <stdbool.h>
#include <stddef.h>

/* A thread of the pool, as a job sees it. */
struct pool_worker;

struct pool_job {
	size_t n; /* items */
	int threads; /* at most; fewer when there are fewer items */
	size_t stack_size; /* per thread; 0: the system's default */
	double timeout; /* seconds per item; 0: none */
	void *ctx; /* handed to every callback */
	/*
	 * Each item's result: a slot of result_size bytes in results[],
	 * filled through a private copy (what an abandoned worker makes
	 * never reaches the slot).  results may be NULL with size 0.
	 */
	void *results;
	size_t result_size;
	/* Per-thread state (a CXIndex); both may be NULL. */
	void *(*thread_init)(void *ctx);
	void (*thread_exit)(void *ctx, void *state);
	/* Do item i into result (zeroed); w tells whether it was abandoned. */
	void (*run)(void *ctx, void *state, struct pool_worker *w, size_t i,
		    void *result);
	/* Under the pool's lock, in the order items end: progress lines. */
	void (*done)(void *ctx, size_t i, void *result);
	/* Under the lock: item i ran out of time; fill its slot. */
	void (*timed_out)(void *ctx, size_t i, void *result);
	/* The result of an abandoned worker, to free. */
	void (*drop)(void *ctx, void *result);
};

/*
 * Run every item of the job.  Returns true if an abandoned worker is
 * still inside its call: the job's ctx and the pool itself then stay
 * allocated, and the caller must end the process with _exit() rather
 * than free what that worker may still touch.
 */
bool pool_run(const struct pool_job *job);

/* Has the watch given up on this worker's item? */
bool pool_abandoned(const struct pool_worker *w);

/* The threads to use for n items when the user asked for jobs (0: all). */
int pool_threads(int jobs, size_t n);

/* Seconds on a monotonic clock. */
double pool_now(void);

#endif
