// SPDX-License-Identifier: GPL-2.0-only
/*
 * drvlint: check Linux drivers for driver-model misuse.
 *
 * main() is the edge: it turns the options into units, checks and a
 * report, and is the one place that prints errors and picks the exit
 * status (0 no findings, 1 findings, 2 usage or tool failure).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checks/unbalanced-registration/pairs.h"
#include "cli/options.h"
#include "cocci/cocci.h"
#include "core/check.h"
#include "core/report.h"
#include "core/rules.h"
#include "engine/cache.h"
#include "engine/engine.h"
#include "engine/units.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "lib/path.h"
#include "lib/strset.h"
#include "lib/util.h"
#include "lsp/lsp.h"
#include "out/fix.h"
#include "out/gate.h"

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

struct run {
	struct options opt;
	char cwd[PATH_MAX];
	bool enabled[64];
	const struct check *checks[64];
	void *states[64];
	size_t nchecks;
	struct rule_info rules[64];
	struct strset dropped;
	struct strset switches; /* check switches, "rule:name" */
	struct check_config config;
};

static int fail(const char *msg)
{
	fprintf(stderr, "drvlint: error: %s\n", msg);
	return EXIT_TROUBLE;
}

static int usage_error(const char *msg)
{
	fprintf(stderr,
		"drvlint: error: %s\nTry 'drvlint --help' for more information.\n",
		msg);
	return EXIT_TROUBLE;
}

static void note_dropped(void *ctx, const char *flag)
{
	struct run *run = ctx;

	if (!run->opt.verbose || strset_has(&run->dropped, flag))
		return;
	strset_add(&run->dropped, flag);
	fprintf(stderr, "drvlint: note: dropping compiler option '%s'\n", flag);
}

static const char *rules_dir(const struct run *run)
{
	return run->opt.rules_dir ? run->opt.rules_dir : DRVLINT_RULES_DIR;
}

static int list_checks(void)
{
	for (size_t i = 0; i < nr_all_checks; i++)
		printf("%-28s %s\n", all_checks[i]->id, all_checks[i]->summary);
	return 0;
}

static int init_checks(struct run *run)
{
	char err[512];

	if (nr_all_checks > 64)
		return fail("too many checks for this build");
	if (checks_select(run->opt.checks, run->enabled, err, sizeof(err)))
		return usage_error(err);
	for (size_t i = 0; i < run->opt.switches.n; i++)
		strset_add(&run->switches, run->opt.switches.v[i]);
	run->config.rules_dir = rules_dir(run);
	run->config.switches = &run->switches;
	for (size_t i = 0; i < nr_all_checks; i++) {
		const struct check *c = all_checks[i];
		void *state;

		if (!run->enabled[i])
			continue;
		state = c->init(&run->config, err, sizeof(err));
		if (!state)
			return fail(err);
		run->checks[run->nchecks] = c;
		run->states[run->nchecks++] = state;
	}
	if (!run->nchecks)
		return usage_error("--checks leaves no check enabled");
	return 0;
}

/* Rule documents for SARIF's help text: rules/<id>.md, if present. */
static void load_rule_info(struct run *run)
{
	for (size_t i = 0; i < run->nchecks; i++) {
		char *path = xasprintf("%s/%s.md", rules_dir(run),
				       run->checks[i]->id);

		run->rules[i].id = run->checks[i]->id;
		run->rules[i].summary = run->checks[i]->summary;
		run->rules[i].help = read_file(path, NULL);
		free(path);
	}
}

static int collect_units(struct run *run, struct unit_list *ul)
{
	struct options *o = &run->opt;
	char err[PATH_MAX + 512];
	int r;

	if (o->build_dir)
		r = units_from_compdb(ul, o->build_dir, run->cwd, o->paths.v,
				      o->paths.n, note_dropped, run, err,
				      sizeof(err));
	else if (!o->paths.n)
		return usage_error(
			"no input: give files or directories, or -p BUILD_DIR");
	else
		r = units_from_paths(ul, run->cwd, o->paths.v, o->paths.n,
				     o->cflags.v, o->cflags.n, note_dropped,
				     run, err, sizeof(err));
	return r ? fail(err) : 0;
}

static char *report_root(const struct run *run)
{
	const char *root = run->opt.root      ? run->opt.root :
			   run->opt.build_dir ? run->opt.build_dir :
						".";
	char buf[PATH_MAX];

	if (realpath(root, buf))
		return xstrdup(buf);
	return path_absolute(run->cwd, root);
}

static int write_report(struct run *run, struct report *r)
{
	struct options *o = &run->opt;
	FILE *out = o->kbuild ? stderr : stdout;
	char err[PATH_MAX + 256];
	int ret = 0;

	if (o->output && !(out = fopen(o->output, "w"))) {
		snprintf(err, sizeof(err), "%s: %s", o->output,
			 strerror(errno));
		return fail(err);
	}
	if (o->patch) {
		if (fix_write_patch(out, &r->findings, r->root, err,
				    sizeof(err)) < 0)
			ret = fail(err);
	} else if (report_write(out, r, o->format)) {
		ret = fail("could not write the report");
	}
	if (o->output && fclose(out))
		ret = fail("could not write the report");
	if (!ret && o->fix && fix_apply(&r->findings, err, sizeof(err)) < 0)
		ret = fail(err);
	return ret;
}

static int run_cocci(struct run *run, const struct unit_list *ul,
		     struct report *r)
{
	const char *ids[64];
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

	for (size_t i = 0; i < run->nchecks; i++)
		ids[i] = run->checks[i]->id;
	if (cocci_run(ul, &cfg, &r->findings, err, sizeof(err)))
		return fail(err);
	cocci_merge(&r->findings);
	return 0;
}

/* --write-baseline, --baseline, --diff: 0, or an exit status. */
static int apply_gate(struct run *run, struct report *r, bool *done)
{
	struct options *o = &run->opt;
	char err[PATH_MAX + 4096];

	*done = false;
	if (o->write_baseline) {
		if (baseline_write(o->write_baseline, &r->findings, r->root,
				   err, sizeof(err)))
			return fail(err);
		if (!o->quiet)
			fprintf(stderr, "drvlint: wrote %zu findings to %s\n",
				r->findings.n, o->write_baseline);
		*done = true;
		return r->failures.n ? EXIT_TROUBLE : 0;
	}
	if (o->baseline && baseline_filter(o->baseline, &r->findings, r->root,
					   &r->baselined, err, sizeof(err)))
		return fail(err);
	if (o->diff_rev && diff_filter(o->diff_rev, &r->findings, r->root,
				       &r->outside_diff, err, sizeof(err)))
		return fail(err);
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int exit_status(const struct run *run, const struct report *r)
{
	if (run->opt.kbuild)
		return 0; /* as sparse: findings go into the build log */
	if (r->failures.n)
		return EXIT_TROUBLE;
	return r->findings.n ? EXIT_FINDINGS : 0;
}

/*
 * Everything besides the unit itself that shapes a unit's results: this
 * very build of drvlint (a rebuilt one may check differently), libclang,
 * the checks with their switches, the prefilter and the rules files.
 * false if the build cannot be identified: then nothing is cached.
 */
static bool cache_config(const struct run *run, const struct engine_config *cfg,
			 uint64_t *out)
{
	uint64_t h = hash_string(0, "drvlint " DRVLINT_VERSION);
	char *clang = cx_take(clang_getClangVersion());

	h = hash_string(h, clang);
	free(clang);
	if (hash_file("/proc/self/exe", &h))
		return false;
	for (size_t i = 0; i < run->nchecks; i++)
		h = hash_string(h, run->checks[i]->id);
	for (size_t i = 0; i < run->opt.switches.n; i++)
		h = hash_string(h, run->opt.switches.v[i]);
	h = hash_string(h, cfg->prefilter ? "prefilter" : "no-prefilter");
	if (hash_directory(rules_dir(run), &h))
		return false;
	*out = h;
	return true;
}

/* --cache-dir, else $XDG_CACHE_HOME/drvlint/units or ~/.cache/drvlint/units. */
static char *cache_dir(const struct run *run)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (run->opt.no_cache)
		return NULL;
	if (run->opt.cache_dir)
		return path_absolute(run->cwd, run->opt.cache_dir);
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/drvlint/units", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/drvlint/units", home);
	return NULL;
}

static void engine_config_for(struct run *run, struct engine_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->checks = run->checks;
	cfg->states = run->states;
	cfg->nchecks = run->nchecks;
	for (size_t i = 0; i < run->nchecks; i++)
		cfg->nstats += check_nstats(run->checks[i]);
	cfg->jobs = run->opt.jobs;
	cfg->prefilter = !run->opt.no_prefilter;
	cfg->verbose = run->opt.verbose;
	cfg->progress_tty = isatty(2);
	cfg->progress = !run->opt.quiet && !run->opt.kbuild &&
			(cfg->progress_tty || run->opt.progress);
	cfg->defer_finish = run->opt.shard_n > 0;
	cfg->unit_timeout = run->opt.unit_timeout;
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

/* Sort, filter, write and summarise a report; the exit status. */
static int finish_report(struct run *run, struct report *r,
			 const struct timespec *t0)
{
	bool done;
	int ret;

	/* The road map and the inventory are ordered by count, not place. */
	if (!strset_has(&run->switches, "const-driver-struct:roadmap") &&
	    !strset_has(&run->switches, "const-driver-struct:inventory"))
		finding_list_sort_unique(&r->findings);
	r->root = report_root(run);
	r->rules = run->rules;
	r->nrules = run->nchecks;
	r->seconds = seconds_since(t0);
	ret = apply_gate(run, r, &done);
	if (ret || done)
		return ret;
	ret = write_report(run, r);
	/* Off a terminal, nothing but the findings unless asked. */
	if (!run->opt.quiet &&
	    (run->opt.verbose ||
	     (!run->opt.kbuild && (isatty(2) || run->opt.progress))))
		report_summary(stderr, r);
	return ret ? ret : exit_status(run, r);
}

static void report_free(struct report *r)
{
	for (size_t k = 0; k < r->nfact_lists; k++)
		fact_list_free(&r->facts[k]);
	free(r->facts);
	free((char **)r->fact_rules);
	free((struct check_stat *)r->stats);
	free((char *)r->root);
	finding_list_free(&r->findings);
	failure_list_free(&r->failures);
}

static int check_units(struct run *run)
{
	struct report r = { .tool_version = DRVLINT_VERSION };
	struct engine_config cfg;
	struct unit_list ul = { 0 };
	struct timespec t0;
	char shard[32], *cache = NULL;
	bool stuck = false;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = init_checks(run);
	if (!ret)
		ret = collect_units(run, &ul);
	if (ret)
		goto out;
	load_rule_info(run);
	keep_shard(&run->opt, &ul);
	engine_config_for(run, &cfg);
	if (run->opt.shard_n) {
		snprintf(shard, sizeof(shard), "%d/%d", run->opt.shard_k,
			 run->opt.shard_n);
		r.shard = shard;
	}
	cache = cache_dir(run);
	if (cache && cache_config(run, &cfg, &cfg.cache_config))
		cfg.cache_dir = cache;
	if (run->opt.engine & ENGINE_CLANG)
		stuck = engine_run(&ul, &cfg, &r);
	else
		r.units = ul.n;
	if ((run->opt.engine & ENGINE_COCCI) && run_cocci(run, &ul, &r))
		ret = EXIT_TROUBLE;
	else
		ret = finish_report(run, &r, &t0);
	if (stuck) {
		/* A parse that ran out of time still uses the units and checks. */
		fflush(stdout);
		fflush(stderr);
		_exit(ret);
	}
	report_free(&r);
	free(cache);
out:
	unit_list_free(&ul);
	return ret;
}

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

/* drvlint merge SHARD.json...: one report, tree-level checks decided over all. */
static int merge_shards(struct run *run)
{
	struct report r = { .tool_version = DRVLINT_VERSION };
	struct engine_config cfg;
	struct fact_list *facts;
	const char *ids[64];
	struct timespec t0;
	char err[PATH_MAX + 512];
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!run->opt.paths.n)
		return usage_error("merge: give the shards' JSON reports");
	ret = init_checks(run);
	if (ret)
		return ret;
	load_rule_info(run);
	engine_config_for(run, &cfg);
	zero_stats(run, &r);
	facts = xcalloc(run->nchecks, sizeof(*facts));
	for (size_t i = 0; i < run->nchecks; i++)
		ids[i] = run->checks[i]->id;
	for (size_t i = 0; i < run->opt.paths.n && !ret; i++)
		if (report_read_json(run->opt.paths.v[i], &r, ids, run->nchecks,
				     facts, err, sizeof(err)))
			ret = fail(err);
	if (!ret) {
		engine_finish(&cfg, facts, &r.findings);
		ret = finish_report(run, &r, &t0);
	}
	for (size_t k = 0; k < run->nchecks; k++)
		fact_list_free(&facts[k]);
	free(facts);
	report_free(&r);
	return ret;
}

/* drvlint pairs --mine: candidate pairs for rules/register-pairs.list. */
static int mine_pairs(struct run *run)
{
	struct unit_list ul = { 0 };
	struct pairs_config cfg = {
		.rules_dir = rules_dir(run),
		.jobs = run->opt.jobs,
		.progress_tty = isatty(2),
		.unit_timeout = run->opt.unit_timeout,
	};
	FILE *out = stdout;
	char err[PATH_MAX + 512], *root;
	bool stuck = false;
	int ret = collect_units(run, &ul), failed;

	cfg.progress = !run->opt.quiet &&
		       (cfg.progress_tty || run->opt.progress);
	if (ret)
		goto out;
	if (run->opt.output && !(out = fopen(run->opt.output, "w"))) {
		snprintf(err, sizeof(err), "%s: %s", run->opt.output,
			 strerror(errno));
		ret = fail(err);
		goto out;
	}
	cfg.root = root = report_root(run);
	failed = pairs_mine(&ul, &cfg, out, &stuck, err, sizeof(err));
	ret = failed < 0 ? fail(err) : failed ? EXIT_TROUBLE : 0;
	if (out != stdout && fclose(out) && !ret)
		ret = fail("could not write the candidate pairs");
	if (stuck) {
		fflush(stdout);
		_exit(ret);
	}
	free(root);
out:
	unit_list_free(&ul);
	return ret;
}

int main(int argc, char **argv)
{
	struct run *run;
	char err[512];
	int ret;

	if (argc > 1 && !strcmp(argv[1], "lsp"))
		return lsp_main(argc - 1, argv + 1);
	run = xcalloc(1, sizeof(*run));
	if (options_parse(&run->opt, argc, argv, err, sizeof(err))) {
		ret = usage_error(err);
	} else if (!getcwd(run->cwd, sizeof(run->cwd))) {
		ret = fail("cannot read the current directory");
	} else {
		switch (run->opt.command) {
		case CMD_HELP:
			options_usage(stdout);
			ret = 0;
			break;
		case CMD_VERSION: {
			char *v = cx_take(clang_getClangVersion());

			printf("drvlint %s (%s)\n", DRVLINT_VERSION, v);
			free(v);
		}
			ret = 0;
			break;
		case CMD_LIST_CHECKS:
			ret = list_checks();
			break;
		case CMD_MERGE:
			ret = merge_shards(run);
			break;
		case CMD_PAIRS:
			ret = mine_pairs(run);
			break;
		default:
			ret = check_units(run);
			break;
		}
	}
	for (size_t i = 0; i < run->nchecks; i++) {
		run->checks[i]->fini(run->states[i]);
		free((char *)run->rules[i].help);
	}
	strset_free(&run->dropped);
	strset_free(&run->switches);
	options_free(&run->opt);
	free(run);
	return ret;
}
