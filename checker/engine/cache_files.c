// SPDX-License-Identifier: GPL-2.0-only
/* The stat model of the tree's files for the result cache (cache_files.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/cache_files.h"
#include "lib/hash.h"
#include "lib/util.h"

int64_t ns_of(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static struct file_state **table_find(struct file_table *t, const char *path)
{
	size_t mask = t->nslot - 1;
	size_t i = hash_string(0, path) & mask;

	while (t->slot[i] && strcmp(t->slot[i]->path, path))
		i = (i + 1) & mask;
	return &t->slot[i];
}

static void table_grow(struct file_table *t)
{
	struct file_state **old = t->slot;
	size_t nold = t->nslot;

	t->nslot = nold ? nold * 2 : 1024;
	t->slot = xcalloc(t->nslot, sizeof(*t->slot));
	for (size_t i = 0; i < nold; i++)
		if (old[i])
			*table_find(t, old[i]->path) = old[i];
	free(old);
}

void file_table_free(struct file_table *t)
{
	for (size_t i = 0; i < t->nslot; i++) {
		if (t->slot[i]) {
			free(t->slot[i]->path);
			free(t->slot[i]);
		}
	}
	free(t->slot);
	pthread_mutex_destroy(&t->lock);
}

/* Only a regular file is a source or a header: anything else is gone. */
static void state_from_stat(struct file_state *fs, const struct stat *st)
{
	fs->exists = S_ISREG(st->st_mode);
	fs->size = (uint64_t)st->st_size;
	fs->mtime = ns_of(&st->st_mtim);
	fs->ctime = ns_of(&st->st_ctim);
}

void file_state(struct file_table *t, const char *path, struct file_state *out)
{
	struct file_state **slot, *fs;
	struct stat st;

	pthread_mutex_lock(&t->lock);
	if ((t->n + 1) * 2 > t->nslot)
		table_grow(t);
	slot = table_find(t, path);
	if (!*slot) {
		fs = xcalloc(1, sizeof(*fs));
		fs->path = xstrdup(path);
		if (!stat(path, &st))
			state_from_stat(fs, &st);
		*slot = fs;
		t->n++;
	}
	*out = **slot;
	pthread_mutex_unlock(&t->lock);
}

bool file_hash(struct file_table *t, const char *path, uint64_t *hash)
{
	struct file_state **slot;
	uint64_t h = 0;
	bool known = false;

	pthread_mutex_lock(&t->lock);
	slot = table_find(t, path);
	if (*slot && (*slot)->hashed) {
		h = (*slot)->hash;
		known = true;
	}
	pthread_mutex_unlock(&t->lock);
	if (known) {
		*hash = h;
		return true;
	}
	/* Outside the lock: two threads may hash one file, never wait on it. */
	if (hash_file(path, &h))
		return false;
	pthread_mutex_lock(&t->lock);
	slot = table_find(t, path);
	if (*slot) {
		(*slot)->hashed = true;
		(*slot)->hash = h;
	}
	pthread_mutex_unlock(&t->lock);
	*hash = h;
	return true;
}

void file_table_init(struct file_table *t)
{
	memset(t, 0, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
}
