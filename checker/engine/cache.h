/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The result cache: what the checks found in one translation unit
 * (findings, a parse failure, the checks' counters and facts), kept on
 * disk so that a re-run parses only the units whose inputs changed.
 *
 * An entry is two files named after the unit (a hash of its file,
 * directory and flags):
 *
 *   NAME.json  the unit's results as a drvlint JSON report with facts,
 *              the form 'drvlint merge' reads;
 *   NAME.deps  the manifest, written last: under which configuration the
 *              results hold (drvlint's build, the checks and options, the
 *              rules files), which unit they belong to, the hash of
 *              NAME.json, and every file the parse read with its size,
 *              times and a hash of its contents; a checksum covers it.
 *
 * A lookup reads the manifest and stats every file in it; only a file
 * whose size and times differ from the record is read and hashed, so an
 * unchanged tree costs one stat per header.  Anything that does not
 * check out (another format, a checksum or hash that does not match, a
 * truncated file, another configuration) is a miss: the unit is parsed
 * and its entry rewritten.  Both files are replaced atomically.
 */
#ifndef DRVLINT_CACHE_H
#define DRVLINT_CACHE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "lib/hash.h"
#include "core/fact.h"
#include "core/finding.h"
#include "core/report.h"
#include "engine/results.h"
#include "engine/units.h"

/* The shape of every entry of one run: the checks and their counters. */
struct cache_layout {
	const char *const *rules; /* check ids, static strings */
	size_t nrules;
	const struct check_stat *stats; /* counter names; values unused */
	size_t nstats;
};

/* A file the parse read: absolute path, size and hash of what was read. */
struct cache_dep {
	char *path;
	uint64_t size;
	uint64_t hash; /* hash_bytes(contents, size, 0) */
};

enum cache_outcome {
	CACHE_HIT,
	CACHE_ABSENT, /* no entry for this unit */
	CACHE_CHANGED, /* an input or the configuration changed */
	CACHE_DAMAGED, /* corrupt, truncated or of another format */
};

struct cache;

/*
 * Open (and create) the cache directory.  config identifies everything
 * that shapes results besides the unit itself.  NULL with err on failure.
 */
struct cache *cache_open(const char *dir, uint64_t config,
			 const struct cache_layout *layout, char *err,
			 size_t errlen);
void cache_close(struct cache *c);

/*
 * Fill res from the unit's entry if it holds; *why says what failed
 * otherwise (a static string).  Safe to call from several threads.
 */
enum cache_outcome cache_lookup(struct cache *c, const struct unit *u,
				struct unit_results *res, const char **why);

/*
 * Write the unit's entry: its results and the files its parse read
 * (sorted or not, duplicates allowed), as of a parse that started at
 * parse_start (CLOCK_REALTIME).  A file changed since cannot be trusted
 * by its times and is hashed at the next lookup.  Errors are not fatal:
 * -1 means the entry was not written.
 */
int cache_store(struct cache *c, const struct unit *u, struct cache_dep *deps,
		size_t ndeps, const struct timespec *parse_start,
		const struct unit_results *res);

/*
 * The cache's directory when none is given: $XDG_CACHE_HOME/drvlint/units
 * or ~/.cache/drvlint/units; malloc'ed, or NULL with neither set.
 */
char *cache_default_dir(void);

#endif
