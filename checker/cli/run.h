/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One run of drvlint, from parsed options to an exit status: a check of
 * units (run.c), its report's last steps (finish.c), the join of shards
 * (merge.c) and a check's own subcommand (subcommand.c).  These are the
 * edge: they print errors and pick the exit status (0 no findings, 1
 * findings, 2 usage or tool failure).
 */
#ifndef DRVLINT_CLI_RUN_H
#define DRVLINT_CLI_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "cli/options.h"
#include "core/check.h"
#include "core/report.h"
#include "engine/engine.h"
#include "engine/units.h"
#include "lib/strset.h"
#include "lib/strvec.h"
#include "out/tree_facts.h"

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

struct run {
	struct options opt;
	char *cwd;
	bool *enabled; /* nr_all_checks entries */
	/* The enabled checks, their states and rule documents. */
	const struct check **checks;
	void **states;
	struct rule_info *rules;
	size_t nchecks;
	struct strset dropped;
	struct strvec dropped_kbuild; /* said on one line, in kbuild mode */
	struct strset switches; /* check switches, "rule:name" */
	struct check_config config;
};

/* "drvlint: error: msg" on stderr; EXIT_TROUBLE. */
int run_fail(const char *msg);
/* The same, with a pointer to --help. */
int run_usage_error(const char *msg);

/* 0 with run->cwd set, or an exit status. */
int run_start(struct run *run);
void run_release(struct run *run);

const char *run_rules_dir(const struct run *run);
/* The enabled checks' rule ids, in their order; free the array. */
const char **run_rule_ids(const struct run *run);
/* --cache-dir, else the default (cache_default_dir()); NULL for none. */
char *run_cache_dir(const struct run *run);
/*
 * Leave in notes only what this make run did not say yet, and record
 * them (said.c); without make or a cache, all of them.
 */
void said_filter(const char *cache_dir, struct strvec *notes);
/* Enable the checks --checks selects and init() them: 0 or exit status. */
int run_init_checks(struct run *run);
void run_load_rule_info(struct run *run);
int run_collect_units(struct run *run, struct unit_list *ul);
/* The directory report paths are relative to; caller frees. */
char *run_report_root(const struct run *run);
void run_engine_config(struct run *run, struct engine_config *cfg);
/*
 * What shapes a shard's findings besides its units: this version, the
 * enabled checks, their switches, the engines and the rules files.
 * Shards joined by 'drvlint merge' must agree on it.
 */
uint64_t run_fingerprint(const struct run *run);

double run_seconds_since(const struct timespec *t0);
/* Sort, filter, write and summarise a report; the exit status. */
int run_finish_report(struct run *run, struct report *r,
		      const struct timespec *t0);

/* The tree around a run (tree.c). */
struct run_tree {
	const char *cache_dir;
	uint64_t config; /* the record's fingerprint */
	const char **rules; /* the enabled checks' ids */
	struct tree_record *record; /* a run over the whole build writes */
	struct tree_facts *known; /* a run over some units reads */
	struct fact_list *others; /* its facts of the other units */
};

/*
 * Before the engine: is the run over some of the build's units only
 * (cfg->partial_tree), and then what do the others' facts say
 * (cfg->others); or does it record the tree for later runs?  Both only
 * with a cache (cfg->cache_dir), under the run's fingerprint.
 */
void run_tree_prepare(struct run *run, const struct unit_list *ul,
		      struct engine_config *cfg, uint64_t fingerprint,
		      struct run_tree *t);
/* After it: write the record (not for a run that got stuck); free. */
void run_tree_finish(struct run *run, struct run_tree *t, bool stuck);

/* drvlint [OPTION]... [FILE|DIR]...: the exit status. */
int run_check_units(struct run *run);
/* drvlint merge SHARD.json... */
int run_merge_shards(struct run *run);
/* drvlint pairs --mine ...: a check's subcommand. */
int run_subcommand(struct run *run);

#endif
