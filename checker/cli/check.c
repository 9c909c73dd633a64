// SPDX-License-Identifier: GPL-2.0-only
/*
 * drvlint [OPTION]... [FILE|DIR]...: the options turned into units,
 * checks and a report, by the libclang engine, Coccinelle, or both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/run.h"
#include "cocci/cocci.h"
#include "engine/cache.h"
#include "engine/fingerprint.h"
#include "lib/hash.h"
#include "lib/path.h"
#include "lib/util.h"

static int run_cocci(struct run *run, const struct unit_list *ul,
		     struct report *r)
{
	const char **ids = run_rule_ids(run);
	struct cocci_config cfg = {
		.spatch = run->opt.spatch ? run->opt.spatch : "spatch",
		.cocci_dir = run->opt.cocci_dir ? run->opt.cocci_dir :
						  DRVLINT_COCCI_DIR,
		.rules = ids,
		.nrules = run->nchecks,
		.paths = run->opt.build_dir ? NULL : run->opt.paths.v,
		.npaths = run->opt.build_dir ? 0 : run->opt.paths.n,
		.jobs = run->opt.jobs,
		.select = !run->opt.no_prefilter,
		.verbose = run->opt.verbose,
	};
	char err[4096];
	int ret = 0;

	if (cocci_run(ul, &cfg, r, err, sizeof(err)))
		ret = run_fail(err);
	else
		cocci_merge(&r->findings);
	free(ids);
	return ret;
}

/*
 * Everything besides the unit itself that shapes a unit's results: the
 * run's fingerprint (engine/fingerprint.h), the checks and the prefilter.
 */
static uint64_t cache_config(const struct run *run,
			     const struct engine_config *cfg,
			     uint64_t fingerprint)
{
	uint64_t h = fingerprint;

	for (size_t i = 0; i < run->nchecks; i++)
		h = hash_string(h, run->checks[i]->id);
	return hash_string(h, cfg->prefilter ? "prefilter" : "no-prefilter");
}

static int compare_units(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	return c ? c : strcmp(x->directory, y->directory);
}

/* --shard K/N: every N-th unit in file order, from the K-th. */
static void keep_shard(const struct options *o, struct unit_list *ul)
{
	size_t n = 0;

	if (!o->shard_n)
		return;
	qsort(ul->v, ul->n, sizeof(*ul->v), compare_units);
	for (size_t i = 0; i < ul->n; i++) {
		if (i % o->shard_n == (size_t)(o->shard_k - 1)) {
			ul->v[n++] = ul->v[i];
		} else {
			unit_free(&ul->v[i]);
		}
	}
	ul->n = n;
}

/* The engines over the units, then the report's last steps. */
static int check_and_report(struct run *run, struct unit_list *ul,
			    struct report *r, const struct timespec *t0)
{
	struct engine_config cfg;
	struct run_tree tree;
	uint64_t fingerprint = 0;
	char *cache;
	bool stuck = false;
	int ret;

	run_engine_config(run, &cfg);
	cache = run_cache_dir(run);
	/* A build that cannot be identified caches and records nothing. */
	if (cache && engine_fingerprint(run_rules_dir(run), run->opt.switches.v,
					run->opt.switches.n, &fingerprint)) {
		cfg.cache_dir = cache;
		cfg.cache_config = cache_config(run, &cfg, fingerprint);
	}
	run_tree_prepare(run, ul, &cfg, fingerprint, &tree);
	if (run->opt.engine & ENGINE_CLANG) {
		stuck = engine_run(ul, &cfg, r);
		run_tree_finish(run, &tree, stuck);
	} else {
		r->units = ul->n;
		r->cocci_only = true;
	}
	if ((run->opt.engine & ENGINE_COCCI) && run_cocci(run, ul, r))
		ret = EXIT_TROUBLE;
	else
		ret = run_finish_report(run, r, t0);
	if (run->opt.kbuild && r->failures.n && ul->n)
		fprintf(stderr, "drvlint: error: %s: not checked: %s\n",
			path_relative(run->cwd, ul->v[0].file),
			r->failures.v[0].message);
	if (stuck) {
		/* A parse that ran out of time still uses the units and checks. */
		fflush(stdout);
		fflush(stderr);
		_exit(ret);
	}
	free(cache);
	return ret;
}

int run_check_units(struct run *run)
{
	struct report r = { .tool_version = DRVLINT_VERSION };
	struct unit_list ul = { 0 };
	struct timespec t0;
	char shard[32];
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = run_init_checks(run);
	if (!ret)
		ret = run_collect_units(run, &ul);
	if (ret)
		goto out;
	run_load_rule_info(run);
	keep_shard(&run->opt, &ul);
	if (run->opt.shard_n) {
		snprintf(shard, sizeof(shard), "%d/%d", run->opt.shard_k,
			 run->opt.shard_n);
		r.shard = shard;
		r.config = run_fingerprint(run);
	}
	ret = check_and_report(run, &ul, &r, &t0);
	report_release(&r);
out:
	unit_list_free(&ul);
	return ret;
}
