/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a run says while it runs: a line per unit with --verbose, else a
 * status line (redrawn on a terminal, every few seconds off one).
 */
#ifndef DRVLINT_PROGRESS_H
#define DRVLINT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct progress {
	bool verbose; /* a line per unit */
	bool show; /* the status line */
	bool tty; /* stderr is a terminal: redraw one line */
	size_t total, done, nfindings, ncached;
	double start, last;
};

/* How one unit ended, for its line. */
struct progress_unit {
	const char *file;
	const char *outcome; /* "parsed", "from the cache", ... */
	const char *cache_why; /* why the cache did not hold, or NULL */
	const char *passed_by; /* the prefilter's key, or NULL */
	size_t nfindings;
	bool cached;
};

void progress_start(struct progress *p, size_t total);

/* One more unit is done; the caller serialises the calls. */
void progress_unit(struct progress *p, const struct progress_unit *u);

#endif
