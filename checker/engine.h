/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The parse pool: N workers, each with its own CXIndex, take units in
 * order, parse each once for all enabled checks, run the checks, and
 * dispose of the unit.  A unit that fails to parse or crashes libclang is
 * recorded as a failure and the run goes on.
 */
#ifndef DRVLINT_ENGINE_H
#define DRVLINT_ENGINE_H

#include <stdbool.h>

#include "check.h"
#include "report.h"
#include "units.h"

struct engine_config {
	const struct check *const *checks;	/* the enabled ones */
	void *const *states;			/* their init() results */
	size_t nchecks;
	size_t nstats;		/* sum of check_nstats() */
	int jobs;
	bool prefilter;		/* skip units no check may report on */
	bool verbose;		/* a line per unit on stderr */
	bool progress;		/* a status line on stderr */
	bool progress_tty;	/* stderr is a terminal: redraw one line */
	/* A shard: hand the facts to the report instead of finish(). */
	bool defer_finish;
};

/* Fills r->findings, r->failures, r->units, r->units_parsed. */
void engine_run(const struct unit_list *units, const struct engine_config *cfg,
		struct report *r);

/* The tree-level decisions over every unit's facts (one list per check). */
void engine_finish(const struct engine_config *cfg, struct fact_list *facts,
		   struct finding_list *out);

#endif
