// SPDX-License-Identifier: GPL-2.0-only
/*
 * drvlint merge SHARD.json...: the shards' reports joined into one, with
 * the tree-level decisions made over the facts of every shard.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Where a report sits in its set of shards. */
struct shard {
	const char *path;
	unsigned int k, n;
	uint64_t config;
};

static int by_place(const void *pa, const void *pb)
{
	const struct shard *a = pa, *b = pb;

	return (a->k > b->k) - (a->k < b->k);
}

/*
 * "shard 2/3 is missing", "shards 2/4, 3/4 are missing": the first eight.
 * v is sorted by K, each K once and within 1..N.
 */
static int missing_shards(const struct shard *v, size_t n)
{
	size_t absent = v[0].n - n, shown = 0, len = 0, i = 0;
	char list[256] = "", msg[512];

	if (!absent)
		return 0;
	for (unsigned int k = 1; k <= v[0].n && shown < 8; k++) {
		while (i < n && v[i].k < k)
			i++;
		if (i < n && v[i].k == k)
			continue;
		len += (size_t)snprintf(list + len, sizeof(list) - len,
					"%s%u/%u", shown++ ? ", " : "", k,
					v[0].n);
	}
	if (absent > shown)
		snprintf(msg, sizeof(msg),
			 "merge: shards %s and %zu more are missing", list,
			 absent - shown);
	else
		snprintf(msg, sizeof(msg), "merge: shard%s %s %s missing",
			 absent > 1 ? "s" : "", list,
			 absent > 1 ? "are" : "is");
	return run_fail(msg);
}

/*
 * The reports must be one complete set of shards: the same N, each K
 * once, and one configuration.  0, or an exit status naming the fault.
 */
static int check_shard_set(struct shard *v, size_t n)
{
	char msg[2 * PATH_MAX + 256];

	for (size_t i = 0; i < n; i++) {
		if (!v[i].n) {
			snprintf(
				msg, sizeof(msg),
				"merge: %s is not a shard's report (write the shards with --shard K/N --format=json)",
				v[i].path);
			return run_fail(msg);
		}
		if (v[i].n != v[0].n) {
			snprintf(
				msg, sizeof(msg),
				"merge: %s is shard %u/%u but %s is shard %u/%u: not one set of shards",
				v[0].path, v[0].k, v[0].n, v[i].path, v[i].k,
				v[i].n);
			return run_fail(msg);
		}
		if (v[i].config != v[0].config) {
			snprintf(
				msg, sizeof(msg),
				"merge: %s and %s were written with different checks, switches, engines or rules files",
				v[0].path, v[i].path);
			return run_fail(msg);
		}
	}
	qsort(v, n, sizeof(*v), by_place);
	for (size_t i = 1; i < n; i++) {
		if (v[i].k == v[i - 1].k) {
			snprintf(msg, sizeof(msg),
				 "merge: shard %u/%u is given twice: %s and %s",
				 v[i].k, v[i].n, v[i - 1].path, v[i].path);
			return run_fail(msg);
		}
	}
	return missing_shards(v, n);
}

/* Read every shard into r and facts: 0, or an exit status. */
static int read_shards(struct run *run, struct report *r,
		       struct fact_list *facts)
{
	const char **ids = run_rule_ids(run);
	size_t n = run->opt.paths.n;
	struct shard *v = xcalloc(n, sizeof(*v));
	char err[PATH_MAX + 512];
	int ret = 0;

	for (size_t i = 0; i < n && !ret; i++) {
		if (report_read_json(run->opt.paths.v[i], r, ids, run->nchecks,
				     facts, err, sizeof(err)))
			ret = run_fail(err);
		v[i] = (struct shard){ run->opt.paths.v[i], r->read_shard_k,
				       r->read_shard_n, r->read_config };
	}
	if (!ret)
		ret = check_shard_set(v, n);
	free(v);
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
