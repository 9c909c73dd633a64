// SPDX-License-Identifier: GPL-2.0-only
/*
 * 'drvlint pairs --mine', the run: the parse pool scans every unit with
 * the miner (mine.c) and rank.c counts the facts it left.  The one place
 * the miner meets the engine.
 */
#include <stdio.h>
#include <stdlib.h>

#include "checks/unbalanced-registration/pairs.h"
#include "engine/engine.h"

static void report_release(struct report *r)
{
	for (size_t k = 0; k < r->nfact_lists; k++)
		fact_list_free(&r->facts[k]);
	free(r->facts);
	free((char **)r->fact_rules);
	free((struct check_stat *)r->stats);
	finding_list_free(&r->findings);
	failure_list_free(&r->failures);
}

int pairs_mine(const struct unit_list *ul, const struct pairs_config *cfg,
	       FILE *out, bool *stuck, char *err, size_t errlen)
{
	const struct check *checks[1] = { &pairs_miner };
	void *states[1] = { NULL };
	struct engine_config ec = {
		.checks = checks,
		.states = states,
		.nchecks = 1,
		.jobs = cfg->jobs,
		.progress = cfg->progress,
		.progress_tty = cfg->progress_tty,
		.defer_finish = true,
		.unit_timeout = cfg->unit_timeout,
	};
	struct report r = { 0 };
	struct regpairs rp;
	int failed;

	if (regpairs_load(&rp, cfg->rules_dir, err, errlen))
		return -1;
	*stuck = engine_run(ul, &ec, &r);
	for (size_t i = 0; i < r.failures.n; i++)
		fprintf(stderr, "drvlint: %s: %s\n", r.failures.v[i].loc.file,
			r.failures.v[i].message);
	pairs_rank(&r.facts[0], &rp, cfg->root, r.units, out);
	failed = (int)r.failures.n;
	/* A unit still parsing uses all of it: the caller exits at once. */
	if (*stuck)
		return failed;
	report_release(&r);
	regpairs_free(&rp);
	return failed;
}
