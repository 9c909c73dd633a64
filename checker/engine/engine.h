/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The libclang engine: on the worker pool (engine/pool.h), N workers,
 * each with its own CXIndex, take units in order, parse each once for
 * all enabled checks, run the checks, and dispose of the unit.  A unit that fails to parse or crashes libclang is
 * recorded as a failure and the run goes on.  With a cache, a unit whose
 * inputs did not change is not parsed: its results and facts come from
 * the cache, and the tree-level decisions are made afresh over all.
 */
#ifndef DRVLINT_ENGINE_H
#define DRVLINT_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include <clang-c/Index.h>

#include "core/check.h"
#include "core/report.h"
#include "engine/results.h"
#include "engine/units.h"

struct engine_config {
	const struct check *const *checks; /* the enabled ones */
	void *const *states; /* their init() results */
	size_t nchecks;
	size_t nstats; /* sum of check_nstats() */
	int jobs;
	bool prefilter; /* skip units no check may report on */
	bool verbose; /* a line per unit on stderr */
	bool progress; /* a status line on stderr */
	bool progress_tty; /* stderr is a terminal: redraw one line */
	/* A shard: hand the facts to the report instead of finish(). */
	bool defer_finish;
	/*
	 * The units are some of the build's (see struct tree_scope); others
	 * are then the other units' facts, one list per check, or NULL.
	 */
	bool partial_tree;
	const struct fact_list *others;
	/*
	 * Called in unit order with each unit's results before its facts
	 * join the tree-level step (for the tree's record); may be NULL.
	 */
	void (*record_unit)(void *ctx, const struct unit *u,
			    const struct unit_results *res);
	void *record_ctx;
	/* The result cache's directory, NULL for none (see cache.h). */
	const char *cache_dir;
	uint64_t cache_config; /* what besides the unit shapes its results */
	/* Give up on a unit after this many seconds; 0: never. */
	double unit_timeout;
};

/*
 * Fills r->findings, r->failures and the counts.  Returns true if a unit
 * that ran out of time is still being parsed by a thread nobody can stop:
 * the caller must then end the process with _exit() once the report is
 * out, without freeing what the checks and the units hold.
 */
bool engine_run(const struct unit_list *units, const struct engine_config *cfg,
		struct report *r);

/*
 * Parse one unit and run the enabled checks on it: the entry point for
 * a single unit (the engine's workers use it; so may an editor, with its
 * unsaved buffers, which replace the files of the same names).  The
 * parse's options come from the checks and source, the unit's own text
 * as the checks read it.  Findings, counters and facts go to res; a
 * unit that does not parse cleanly gets its first error in res->failures
 * and no check is run.  Returns the parsed unit (also one with errors)
 * for the caller to dispose of, or NULL when libclang gave none.
 */
CXTranslationUnit engine_check_unit(CXIndex index,
				    const struct engine_config *cfg,
				    const struct unit *u, const char *source,
				    size_t len, struct CXUnsavedFile *unsaved,
				    unsigned int nunsaved,
				    struct unit_results *res);

/*
 * Run cfg's checks on a parsed unit whose main file is file (its text
 * source[0..len), its compiler flags args): findings, counters and facts
 * into res.
 */
void engine_run_checks(const struct engine_config *cfg, CXTranslationUnit tu,
		       const char *file, const struct strvec *args,
		       const char *source, size_t len,
		       struct unit_results *res);

/*
 * The tree-level decisions over the units' facts (one list per check),
 * under cfg's partial_tree and others.
 */
void engine_finish(const struct engine_config *cfg,
		   const struct fact_list *facts, struct finding_list *out);

#endif
