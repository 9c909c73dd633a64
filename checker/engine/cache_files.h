/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The result cache's view of the tree's files in one run: each file a
 * manifest names is stat'ed (and, if need be, hashed) once per run,
 * whatever the number of units that read it.  Safe from several threads.
 */
#ifndef DRVLINT_CACHE_FILES_H
#define DRVLINT_CACHE_FILES_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* A file as this run first saw it. */
struct file_state {
	char *path;
	bool exists; /* as a regular file */
	uint64_t size;
	int64_t mtime, ctime; /* nanoseconds */
	bool hashed;
	uint64_t hash;
};

struct file_table {
	struct file_state **slot;
	size_t nslot, n;
	pthread_mutex_t lock;
};

void file_table_init(struct file_table *t);
void file_table_free(struct file_table *t);

/* The file as this run first saw it; *out is a copy. */
void file_state(struct file_table *t, const char *path, struct file_state *out);

/* The hash of the file's contents now; false if it cannot be read. */
bool file_hash(struct file_table *t, const char *path, uint64_t *hash);

/* A time in nanoseconds. */
int64_t ns_of(const struct timespec *ts);

#endif
