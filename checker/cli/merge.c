// SPDX-License-Identifier: GPL-2.0-only
/*
 * drvlint merge SHARD.json...: the shards' reports joined into one, with
 * the tree-level decisions made over the facts of every shard.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"
#include "lib/util.h"

/* The counters of the enabled checks, named, at zero. */
static void zero_stats(struct run *run, struct report *r)
{
	struct check_stat *stats;
	size_t n = 0, s = 0;

	for (size_t k = 0; k < run->nchecks; k++)
		n += check_nstats(run->checks[k]);
	stats = xcalloc(n, sizeof(*stats));
	for (size_t k = 0; k < run->nchecks; k++)
		for (size_t j = 0; j < check_nstats(run->checks[k]); j++) {
			stats[s].rule = run->checks[k]->id;
			stats[s++].name = run->checks[k]->stats[j];
		}
	r->stats = stats;
	r->nstats = n;
}

/* Read every shard into r and facts: 0, or an exit status. */
static int read_shards(struct run *run, struct report *r,
		       struct fact_list *facts)
{
	const char **ids = xcalloc(run->nchecks, sizeof(*ids));
	char err[PATH_MAX + 512];
	int ret = 0;

	for (size_t i = 0; i < run->nchecks; i++)
		ids[i] = run->checks[i]->id;
	for (size_t i = 0; i < run->opt.paths.n && !ret; i++)
		if (report_read_json(run->opt.paths.v[i], r, ids, run->nchecks,
				     facts, err, sizeof(err)))
			ret = run_fail(err);
	free(ids);
	return ret;
}

int run_merge_shards(struct run *run)
{
	struct report r = { .tool_version = DRVLINT_VERSION };
	struct engine_config cfg;
	struct fact_list *facts;
	struct timespec t0;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!run->opt.paths.n)
		return run_usage_error("merge: give the shards' JSON reports");
	ret = run_init_checks(run);
	if (ret)
		return ret;
	run_load_rule_info(run);
	run_engine_config(run, &cfg);
	zero_stats(run, &r);
	facts = xcalloc(run->nchecks, sizeof(*facts));
	ret = read_shards(run, &r, facts);
	if (!ret) {
		engine_finish(&cfg, facts, &r.findings);
		ret = run_finish_report(run, &r, &t0);
	}
	for (size_t k = 0; k < run->nchecks; k++)
		fact_list_free(&facts[k]);
	free(facts);
	report_release(&r);
	return ret;
}
