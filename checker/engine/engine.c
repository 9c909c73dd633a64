// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run the checks over the units on the worker pool (engine/pool.h).
 * Results are kept per unit and merged in unit order, so the report does
 * not depend on which worker finished first.  A unit past --unit-timeout
 * is reported as not checked; the worker that still parses it drops
 * whatever it produces.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/cache.h"
#include "engine/cache_unit.h"
#include "engine/engine.h"
#include "engine/parse_failure.h"
#include "engine/pool.h"
#include "engine/progress.h"
#include "lib/cx.h"
#include "lib/regfile.h"
#include "lib/util.h"
#include "select/prefilter.h"

/* What the prefilter reads of a unit. */
static struct prefilter_unit prefilter_unit_of(const struct unit *u)
{
	return (struct prefilter_unit){ .file = u->file,
					.directory = u->directory,
					.argv = u->args.v,
					.argc = u->args.n };
}

enum unit_outcome {
	UNIT_SKIPPED, /* by the prefilter */
	UNIT_PARSED,
	UNIT_FAILED,
	UNIT_CACHED,
	UNIT_TIMED_OUT,
};

struct unit_result {
	struct unit_results r;
	enum unit_outcome how;
	const char *cache_miss; /* why the cache did not hold, if it said */
	char *passed_by; /* the prefilter's key, with --verbose */
};

/* Fewer units than this are all parsed (see engine_run). */
#define PREFILTER_MIN_UNITS 8

/* One run of the engine: what every worker shares. */
struct run {
	const struct unit_list *units;
	const struct engine_config *cfg;
	struct cache *cache;
	struct prefilter *prefilter; /* NULL: every unit is parsed */
	struct unit_result *results;
	const char *stall; /* DRVLINT_TEST_STALL: units that never finish */
	struct progress progress; /* under the pool's lock */
	struct pool_job job;
};

/*
 * A missing header is the one error that a file appearing later mends
 * without any file the parse read changing: such a failure is not cached.
 */
static bool missing_header(CXTranslationUnit tu)
{
	unsigned int n = clang_getNumDiagnostics(tu);
	bool missing = false;

	for (unsigned int i = 0; i < n && !missing; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			char *msg = cx_take(clang_getDiagnosticSpelling(d));

			missing = strstr(msg, "file not found") != NULL;
			free(msg);
		}
		clang_disposeDiagnostic(d);
	}
	return missing;
}

/* What the enabled checks need from the parse of this source. */
static unsigned int parse_options(const struct engine_config *cfg,
				  const char *src, size_t len)
{
	unsigned int opts = CXTranslationUnit_KeepGoing;

	for (size_t i = 0; i < cfg->nchecks; i++)
		if (cfg->checks[i]->parse_options)
			opts |= cfg->checks[i]->parse_options(cfg->states[i],
							      src, len);
	return opts;
}

/*
 * The parsed unit, also when it has errors (its first error is then in
 * failures, and the caller disposes of it); NULL if libclang gave none.
 */
static CXTranslationUnit parse_unit(CXIndex index, const struct unit *u,
				    unsigned int opts,
				    struct CXUnsavedFile *unsaved,
				    unsigned int nunsaved,
				    struct failure_list *failures)
{
	const char **args = xcalloc(u->args.n + 2, sizeof(char *));
	char *wd = xasprintf("-working-directory=%s", u->directory);
	CXTranslationUnit tu = NULL;
	enum CXErrorCode code;

#if CINDEX_VERSION_MINOR >= 59
	opts |= CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
#endif
	args[0] = wd;
	for (size_t i = 0; i < u->args.n; i++)
		args[i + 1] = u->args.v[i];
	code = clang_parseTranslationUnit2(index, u->file, args,
					   (int)u->args.n + 1, unsaved,
					   nunsaved, opts, &tu);
	free(args);
	free(wd);
	parse_failure_record(failures, u, code, tu);
	return code == CXError_Success ? tu : NULL;
}

/* '-DMODULE' or '-D MODULE' among the flags. */
static bool module_flags(const struct strvec *args)
{
	for (size_t i = 0; i < args->n; i++)
		if (!strcmp(args->v[i], "-DMODULE") ||
		    (!strcmp(args->v[i], "-D") && i + 1 < args->n &&
		     !strcmp(args->v[i + 1], "MODULE")))
			return true;
	return false;
}

void engine_run_checks(const struct engine_config *cfg, CXTranslationUnit tu,
		       const char *file, const struct strvec *args,
		       const char *source, size_t len, struct unit_results *res)
{
	struct check_unit cu = { .tu = tu,
				 .path = file,
				 .source = source,
				 .source_len = len,
				 .findings = &res->findings,
				 .module = module_flags(args) };
	size_t first = 0;

	res->parsed = true;
	res->stats =
		xcalloc(cfg->nstats ? cfg->nstats : 1, sizeof(unsigned long));
	res->facts = xcalloc(cfg->nchecks, sizeof(struct fact_list));
	cu.main_file = clang_getFile(tu, file);
	for (size_t k = 0; k < cfg->nchecks && cu.main_file; k++) {
		cu.stats = res->stats + first;
		cu.facts = &res->facts[k];
		cfg->checks[k]->run(cfg->states[k], &cu);
		first += check_nstats(cfg->checks[k]);
	}
}

CXTranslationUnit engine_check_unit(CXIndex index,
				    const struct engine_config *cfg,
				    const struct unit *u, const char *source,
				    size_t len, struct CXUnsavedFile *unsaved,
				    unsigned int nunsaved,
				    struct unit_results *res)
{
	CXTranslationUnit tu = parse_unit(index, u,
					  parse_options(cfg, source, len),
					  unsaved, nunsaved, &res->failures);

	if (tu && !res->failures.n)
		engine_run_checks(cfg, tu, u->file, &u->args, source, len, res);
	return tu;
}

/* A test hook: a unit named by DRVLINT_TEST_STALL hangs until abandoned. */
static bool stall(const struct run *run, struct pool_worker *w,
		  const struct unit *u)
{
	if (!run->stall || !strstr(u->file, run->stall))
		return false;
	for (int i = 0; i < 60000 && !pool_abandoned(w); i++)
		usleep(10000);
	return true;
}

static void check_unit(void *ctx, void *index, struct pool_worker *w, size_t i,
		       void *result)
{
	struct run *run = ctx;
	struct unit_result *res = result;
	const struct unit *u = &run->units->v[i];
	const struct engine_config *cfg = run->cfg;
	struct prefilter_unit pu = prefilter_unit_of(u);
	struct timespec parse_start;
	CXTranslationUnit tu;
	const char *why;
	size_t len;
	char *source;

	if (run->cache && cache_lookup(run->cache, u, &res->r,
				       &res->cache_miss) == CACHE_HIT) {
		res->how = UNIT_CACHED;
		return;
	}
	/* Only a regular file is a source: a FIFO would block the parse. */
	why = read_regular(u->file, 0, SIZE_MAX - 1, &source, &len);
	if (why) {
		failure_add(&res->r.failures, u->file, 0, 0, why);
		res->how = UNIT_FAILED;
		return;
	}
	res->how = UNIT_SKIPPED;
	if ((run->prefilter &&
	     !prefilter_pass(run->prefilter, &pu, source, len,
			     cfg->verbose ? &res->passed_by : NULL)) ||
	    stall(run, w, u)) {
		free(source);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &parse_start);
	tu = engine_check_unit(index, cfg, u, source, len, NULL, 0, &res->r);
	res->how = res->r.failures.n ? UNIT_FAILED : UNIT_PARSED;
	if (cfg->verbose && res->r.failures.n) {
		char *cmd = parse_failure_command(u);

		fprintf(stderr, "drvlint: note: %s: reproduce with: %s\n",
			u->file, cmd);
		free(cmd);
	}
	/* A failure without a parse (a crash) may not repeat: not cached. */
	if (tu && run->cache && !pool_abandoned(w) &&
	    (!res->r.failures.n || !missing_header(tu)))
		cache_unit_store(run->cache, tu, u, source, len, &parse_start,
				 &res->r);
	if (tu)
		clang_disposeTranslationUnit(tu);
	free(source);
}

static const char *outcome_text(const struct unit_result *res)
{
	switch (res->how) {
	case UNIT_CACHED:
		return "from the cache";
	case UNIT_FAILED:
		return "failed";
	case UNIT_TIMED_OUT:
		return "out of time";
	case UNIT_SKIPPED:
		return "skipped by prefilter";
	default:
		return "parsed";
	}
}

/* A unit is done: its progress line; under the pool's lock. */
static void unit_done(void *ctx, size_t i, void *result)
{
	struct run *run = ctx;
	const struct unit_result *res = result;
	bool why = res->cache_miss && res->how != UNIT_CACHED &&
		   strcmp(res->cache_miss, "no entry");
	struct progress_unit pu = {
		.file = run->units->v[i].file,
		.outcome = outcome_text(res),
		.cache_why = why ? res->cache_miss : NULL,
		.passed_by = res->passed_by,
		.nfindings = res->r.findings.n,
		.cached = res->how == UNIT_CACHED,
	};

	progress_unit(&run->progress, &pu);
}

/* The unit ran out of time: reported as not checked. */
static void unit_timed_out(void *ctx, size_t i, void *result)
{
	struct run *run = ctx;
	struct unit_result *res = result;
	char *msg = xasprintf(
		"not checked: parsing took longer than %g s (--unit-timeout)",
		run->cfg->unit_timeout);

	failure_add(&res->r.failures, run->units->v[i].file, 0, 0, msg);
	free(msg);
	res->how = UNIT_TIMED_OUT;
}

/* What an abandoned worker produced after all. */
static void unit_dropped(void *ctx, void *result)
{
	struct run *run = ctx;
	struct unit_result *res = result;

	unit_results_free(&res->r, run->cfg->nchecks);
	free(res->passed_by);
}

static void *index_new(void *ctx)
{
	(void)ctx;
	return clang_createIndex(0, 0);
}

static void index_free(void *ctx, void *index)
{
	(void)ctx;
	clang_disposeIndex(index);
}

void engine_finish(const struct engine_config *cfg,
		   const struct fact_list *facts, struct finding_list *out)
{
	for (size_t k = 0; k < cfg->nchecks; k++) {
		struct tree_scope scope = {
			.partial = cfg->partial_tree,
			.others = cfg->partial_tree && cfg->others ?
					  &cfg->others[k] :
					  NULL,
		};

		if (cfg->checks[k]->finish)
			cfg->checks[k]->finish(cfg->states[k], &facts[k],
					       &scope, out);
	}
}

static struct prefilter *make_prefilter(const struct engine_config *cfg,
					const struct unit_list *units)
{
	double start = pool_now();
	struct prefilter_unit *pu = xcalloc(units->n + 1, sizeof(*pu));
	struct prefilter *pf;
	size_t keys, headers;
	bool cached;

	for (size_t i = 0; i < units->n; i++)
		pu[i] = prefilter_unit_of(&units->v[i]);
	pf = prefilter_new(cfg->checks, cfg->states, cfg->nchecks, pu, units->n,
			   cfg->cache_dir);
	free(pu);

	if (pf && cfg->verbose) {
		prefilter_stats(pf, &keys, &headers, &cached);
		fprintf(stderr,
			"drvlint: prefilter: %zu keys, %s %zu shared headers (%.2f s)\n",
			keys,
			cached ? "from the cache after checking" :
				 "after reading",
			headers, pool_now() - start);
	}
	return pf;
}

static struct cache *open_cache(const struct engine_config *cfg,
				const struct check_stat *stats,
				const char **rules)
{
	struct cache_layout layout = { .rules = rules,
				       .nrules = cfg->nchecks,
				       .stats = stats,
				       .nstats = cfg->nstats };
	struct cache *cache;
	char err[4096];

	if (!cfg->cache_dir)
		return NULL;
	cache = cache_open(cfg->cache_dir, cfg->cache_config, &layout, err,
			   sizeof(err));
	if (!cache)
		fprintf(stderr, "drvlint: warning: not caching results: %s\n",
			err);
	return cache;
}

/* Every unit's results into the report, in unit order. */
static void collect(struct run *run, struct check_stat *stats,
		    struct fact_list *facts, struct report *r)
{
	const struct engine_config *cfg = run->cfg;

	for (size_t i = 0; i < run->units->n; i++) {
		struct unit_results *res = &run->results[i].r;

		if (cfg->record_unit)
			cfg->record_unit(cfg->record_ctx, &run->units->v[i],
					 res);
		for (size_t k = 0; res->stats && k < cfg->nstats; k++)
			stats[k].value += res->stats[k];
		for (size_t k = 0; res->facts && k < cfg->nchecks; k++)
			fact_list_append(&facts[k], &res->facts[k]);
		r->units++;
		r->units_parsed += res->parsed;
		/* A failure from the cache is counted as a failure. */
		r->units_cached += run->results[i].how == UNIT_CACHED &&
				   res->parsed;
		finding_list_append(&r->findings, &res->findings);
		failure_list_append(&r->failures, &res->failures);
		unit_results_free(res, cfg->nchecks);
		free(run->results[i].passed_by);
	}
}

/* The counters of the enabled checks, named, and their rule ids. */
static struct check_stat *named_stats(const struct engine_config *cfg,
				      const char **rules)
{
	struct check_stat *stats =
		xcalloc(cfg->nstats ? cfg->nstats : 1, sizeof(*stats));
	size_t s = 0;

	for (size_t k = 0; k < cfg->nchecks; k++) {
		rules[k] = cfg->checks[k]->id;
		for (size_t j = 0; j < check_nstats(cfg->checks[k]); j++) {
			stats[s].rule = cfg->checks[k]->id;
			stats[s++].name = cfg->checks[k]->stats[j];
		}
	}
	return stats;
}

/* The run's job for the pool: a unit per item, a CXIndex per thread. */
static struct run *run_new(const struct unit_list *units,
			   const struct engine_config *cfg)
{
	/* On the heap: an abandoned worker may outlive engine_run(). */
	struct run *run = xcalloc(1, sizeof(*run));

	run->units = units;
	run->cfg = cfg;
	run->stall = getenv("DRVLINT_TEST_STALL");
	run->results = xcalloc(units->n ? units->n : 1, sizeof(*run->results));
	run->progress.verbose = cfg->verbose;
	run->progress.show = cfg->progress;
	run->progress.tty = cfg->progress_tty;
	run->job = (struct pool_job){
		.n = units->n,
		.threads = pool_threads(cfg->jobs, units->n),
		/* libclang parses deep headers recursively: give it room. */
		.stack_size = 8u << 20,
		.timeout = cfg->unit_timeout,
		.ctx = run,
		.results = run->results,
		.result_size = sizeof(*run->results),
		.thread_init = index_new,
		.thread_exit = index_free,
		.run = check_unit,
		.done = unit_done,
		.timed_out = unit_timed_out,
		.drop = unit_dropped,
	};
	return run;
}

/* The tree-level step now, or the facts into the report (a shard). */
static void finish_facts(const struct engine_config *cfg, const char **rules,
			 struct fact_list *facts, struct report *r)
{
	if (cfg->defer_finish) {
		r->fact_rules = rules;
		r->facts = facts;
		r->nfact_lists = cfg->nchecks;
		return;
	}
	engine_finish(cfg, facts, &r->findings);
	for (size_t k = 0; k < cfg->nchecks; k++)
		fact_list_free(&facts[k]);
	free(facts);
}

bool engine_run(const struct unit_list *units, const struct engine_config *cfg,
		struct report *r)
{
	struct run *run = run_new(units, cfg);
	const char **rules = xcalloc(cfg->nchecks, sizeof(char *));
	struct check_stat *stats = named_stats(cfg, rules);
	struct fact_list *facts = xcalloc(cfg->nchecks, sizeof(*facts));
	bool stuck;

	r->stats = stats;
	r->nstats = cfg->nstats;
	run->cache = open_cache(cfg, stats, rules);
	/*
	 * Reading the shared headers costs more than parsing a few units: a
	 * handful (an editor's file, a kbuild call) is parsed as it is.
	 */
	if (cfg->prefilter && units->n >= PREFILTER_MIN_UNITS)
		run->prefilter = make_prefilter(cfg, units);
	progress_start(&run->progress, units->n);
	stuck = pool_run(&run->job);
	collect(run, stats, facts, r);
	finish_facts(cfg, rules, facts, r);
	if (stuck)
		return true; /* the run, the cache and the rules stay */
	if (!cfg->defer_finish)
		free(rules);
	cache_close(run->cache);
	prefilter_free(run->prefilter);
	free(run->results);
	free(run);
	return false;
}
