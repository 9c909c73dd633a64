// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run the checks over the units with a pool of threads.  Results are kept
 * per unit and merged in unit order, so the report does not depend on
 * which worker finished first.
 *
 * libclang cannot be interrupted inside a parse, so the per-unit time
 * limit is kept by the main thread as a watchdog: a worker past its
 * deadline is abandoned (its unit is reported as not checked), a fresh
 * worker takes its place, and the abandoned one drops whatever it
 * produces when its parse ends.  The normal path pays two lock round
 * trips per unit for it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/cache.h"
#include "engine/engine.h"
#include "engine/parse_failure.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "lib/path.h"
#include "lib/util.h"
#include "select/prefilter.h"

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

#define NO_UNIT SIZE_MAX

/* Fewer units than this are all parsed (see engine_run). */
#define PREFILTER_MIN_UNITS 8

struct pool;

struct worker {
	pthread_t thread;
	struct pool *pool;
	size_t unit; /* being checked, or NO_UNIT; under the lock */
	double started; /* when, under the lock */
	atomic_bool abandoned;
	bool finished; /* left its loop; under the lock */
};

struct pool {
	const struct unit_list *units;
	const struct engine_config *cfg;
	struct cache *cache;
	struct prefilter *prefilter; /* NULL: every unit is parsed */
	struct unit_result *results;
	atomic_size_t next;
	const char *stall; /* DRVLINT_TEST_STALL: units that never finish */
	pthread_mutex_t lock; /* everything below, and stderr lines */
	pthread_cond_t wake; /* a unit is done or a worker left */
	size_t done, nfindings, ncached;
	struct worker **workers;
	size_t nworkers, cap;
	size_t live; /* workers neither abandoned nor finished */
	size_t stuck; /* abandoned workers still in a parse */
	double start, last_progress;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

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
	code = clang_parseTranslationUnit2(
		index, u->file, args, (int)u->args.n + 1, NULL, 0, opts, &tu);
	free(args);
	free(wd);
	parse_failure_record(failures, u, code, tu);
	return code == CXError_Success ? tu : NULL;
}

static void run_checks(const struct engine_config *cfg, CXTranslationUnit tu,
		       const struct unit *u, const char *source, size_t len,
		       struct unit_results *res)
{
	struct check_unit cu = { .tu = tu,
				 .path = u->file,
				 .source = source,
				 .source_len = len,
				 .findings = &res->findings };
	size_t first = 0;

	res->parsed = true;
	res->stats =
		xcalloc(cfg->nstats ? cfg->nstats : 1, sizeof(unsigned long));
	res->facts = xcalloc(cfg->nchecks, sizeof(struct fact_list));
	cu.main_file = clang_getFile(tu, u->file);
	for (size_t k = 0; k < cfg->nchecks && cu.main_file; k++) {
		cu.stats = res->stats + first;
		cu.facts = &res->facts[k];
		cfg->checks[k]->run(cfg->states[k], &cu);
		first += check_nstats(cfg->checks[k]);
	}
}

struct dep_list {
	CXTranslationUnit tu;
	const char *directory;
	struct cache_dep *v;
	size_t n, cap;
	bool complete;
};

/* clang_getInclusions() visits the main file and every file it read. */
static void add_dep(CXFile file, CXSourceLocation *stack, unsigned int depth,
		    CXClientData data)
{
	struct dep_list *deps = data;
	const char *text;
	struct cache_dep *d;
	size_t size;
	char *name;

	(void)stack;
	(void)depth;
	text = clang_getFileContents(deps->tu, file, &size);
	if (!text) {
		deps->complete = false;
		return;
	}
	name = cx_take(clang_getFileName(file));
	GROW(deps->v, deps->cap, deps->n);
	d = &deps->v[deps->n++];
	d->path = path_absolute(deps->directory, name);
	d->size = size;
	d->hash = hash_bytes(text, size, 0);
	free(name);
}

/*
 * Cache what the unit produced, with every file the parse read as libclang
 * read it.  The checks also read the main file's text themselves: if that
 * is not what libclang parsed (the file changed in between), nothing is
 * cached.
 */
static void store_unit(struct cache *cache, CXTranslationUnit tu,
		       const struct unit *u, const char *source, size_t len,
		       const struct timespec *parse_start,
		       const struct unit_results *res)
{
	struct dep_list deps = { .tu = tu,
				 .directory = u->directory,
				 .complete = true };
	bool main_seen = false;

	clang_getInclusions(tu, add_dep, &deps);
	for (size_t i = 0; i < deps.n && deps.complete; i++) {
		if (strcmp(deps.v[i].path, u->file))
			continue;
		main_seen = true;
		if (deps.v[i].size != len ||
		    deps.v[i].hash != hash_bytes(source, len, 0))
			deps.complete = false;
	}
	if (deps.complete && main_seen)
		cache_store(cache, u, deps.v, deps.n, parse_start, res);
	for (size_t i = 0; i < deps.n; i++)
		free(deps.v[i].path);
	free(deps.v);
}

/* A test hook: a unit named by DRVLINT_TEST_STALL hangs until abandoned. */
static bool stall(const struct pool *pool, struct worker *w,
		  const struct unit *u)
{
	if (!pool->stall || !strstr(u->file, pool->stall))
		return false;
	for (int i = 0; i < 60000 && !atomic_load(&w->abandoned); i++)
		usleep(10000);
	return true;
}

static void check_unit(struct pool *pool, struct worker *w, CXIndex index,
		       size_t i, struct unit_result *res)
{
	const struct unit *u = &pool->units->v[i];
	const struct engine_config *cfg = pool->cfg;
	struct timespec parse_start;
	CXTranslationUnit tu;
	size_t len;
	char *source;

	if (pool->cache && cache_lookup(pool->cache, u, &res->r,
					&res->cache_miss) == CACHE_HIT) {
		res->how = UNIT_CACHED;
		return;
	}
	source = read_file(u->file, &len);
	if (!source) {
		failure_add(&res->r.failures, u->file, 0, 0, strerror(errno));
		res->how = UNIT_FAILED;
		return;
	}
	res->how = UNIT_SKIPPED;
	if ((pool->prefilter &&
	     !prefilter_pass(pool->prefilter, u, source, len,
			     cfg->verbose ? &res->passed_by : NULL)) ||
	    stall(pool, w, u)) {
		free(source);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &parse_start);
	tu = parse_unit(index, u, parse_options(cfg, source, len),
			&res->r.failures);
	if (tu && !res->r.failures.n)
		run_checks(cfg, tu, u, source, len, &res->r);
	res->how = res->r.failures.n ? UNIT_FAILED : UNIT_PARSED;
	if (cfg->verbose && res->r.failures.n) {
		char *cmd = parse_failure_command(u);

		fprintf(stderr, "drvlint: note: %s: reproduce with: %s\n",
			u->file, cmd);
		free(cmd);
	}
	/* A failure without a parse (a crash) may not repeat: not cached. */
	if (tu && pool->cache && !atomic_load(&w->abandoned) &&
	    (!res->r.failures.n || !missing_header(tu)))
		store_unit(pool->cache, tu, u, source, len, &parse_start,
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

/* A line per unit (--verbose) or the status line; under the lock. */
static void show_progress(struct pool *pool, size_t i)
{
	const struct engine_config *cfg = pool->cfg;
	const struct unit_result *res = &pool->results[i];
	size_t done = pool->done, total = pool->units->n;
	double t = now(), elapsed = t - pool->start;

	if (cfg->verbose) {
		bool why = res->cache_miss && res->how != UNIT_CACHED &&
			   strcmp(res->cache_miss, "no entry");

		fprintf(stderr,
			"drvlint: [%zu/%zu] %s: %s%s%s%s%s%s%s, %zu findings\n",
			done, total, pool->units->v[i].file, outcome_text(res),
			why ? " (cache: " : "", why ? res->cache_miss : "",
			why ? ")" : "", res->passed_by ? " (prefilter: " : "",
			res->passed_by ? res->passed_by : "",
			res->passed_by ? ")" : "", res->r.findings.n);
	} else if (cfg->progress &&
		   (t - pool->last_progress > (cfg->progress_tty ? 0.2 : 5) ||
		    done == total)) {
		double rate = elapsed > 0 ? done / elapsed : 0;
		double left = rate > 0 ? (total - done) / rate : 0;

		fprintf(stderr,
			"%s[%zu/%zu] %.1f units/s, %.0fs left, %zu findings",
			cfg->progress_tty ? "\r\033[K" : "drvlint: ", done,
			total, rate, left, pool->nfindings);
		if (pool->ncached)
			fprintf(stderr, ", %zu from the cache", pool->ncached);
		fputs(cfg->progress_tty && done < total ? "" : "\n", stderr);
		pool->last_progress = t;
	}
}

static void unit_done(struct pool *pool, size_t i)
{
	pool->done++;
	pool->nfindings += pool->results[i].r.findings.n;
	pool->ncached += pool->results[i].how == UNIT_CACHED;
	show_progress(pool, i);
	pthread_cond_signal(&pool->wake);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *pool = w->pool;
	CXIndex index = clang_createIndex(0, 0);
	bool abandoned = false;
	size_t i;

	while (!abandoned &&
	       (i = atomic_fetch_add(&pool->next, 1)) < pool->units->n) {
		struct unit_result res = { 0 };

		pthread_mutex_lock(&pool->lock);
		w->unit = i;
		w->started = now();
		/* The watch sets its next wake-up by this unit's deadline. */
		if (pool->cfg->unit_timeout > 0)
			pthread_cond_signal(&pool->wake);
		pthread_mutex_unlock(&pool->lock);
		check_unit(pool, w, index, i, &res);
		pthread_mutex_lock(&pool->lock);
		abandoned = atomic_load(&w->abandoned);
		if (!abandoned) {
			pool->results[i] = res;
			w->unit = NO_UNIT;
			unit_done(pool, i);
		}
		pthread_mutex_unlock(&pool->lock);
		if (abandoned) {
			unit_results_free(&res.r, pool->cfg->nchecks);
			free(res.passed_by);
		}
	}
	clang_disposeIndex(index);
	pthread_mutex_lock(&pool->lock);
	w->finished = true;
	if (abandoned)
		pool->stuck--;
	else
		pool->live--;
	pthread_cond_signal(&pool->wake);
	pthread_mutex_unlock(&pool->lock);
	return NULL;
}

/* A new worker; false if no thread could be made.  Under the lock. */
static bool start_worker(struct pool *pool)
{
	struct worker *w = xcalloc(1, sizeof(*w));
	pthread_attr_t attr;
	int err;

	w->pool = pool;
	w->unit = NO_UNIT;
	/* libclang parses deep headers recursively: give it room. */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 8u << 20);
	err = pthread_create(&w->thread, &attr, worker_main, w);
	pthread_attr_destroy(&attr);
	if (err) {
		free(w);
		return false;
	}
	GROW(pool->workers, pool->cap, pool->nworkers);
	pool->workers[pool->nworkers++] = w;
	pool->live++;
	return true;
}

/* The worker's unit ran out of time: report it, carry on without it. */
static void abandon(struct pool *pool, struct worker *w)
{
	struct unit_result *res = &pool->results[w->unit];
	char *msg = xasprintf(
		"not checked: parsing took longer than %g s (--unit-timeout)",
		pool->cfg->unit_timeout);

	atomic_store(&w->abandoned, true);
	pool->live--;
	pool->stuck++;
	failure_add(&res->r.failures, pool->units->v[w->unit].file, 0, 0, msg);
	free(msg);
	res->how = UNIT_TIMED_OUT;
	unit_done(pool, w->unit);
	w->unit = NO_UNIT;
	start_worker(pool);
}

static void wait_until(struct pool *pool, double deadline)
{
	double left = deadline - now();
	struct timespec ts;

	if (left <= 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += (time_t)left;
	ts.tv_nsec += (long)((left - (time_t)left) * 1e9);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(&pool->wake, &pool->lock, &ts);
}

/* The main thread's watch over the workers until every unit is done. */
static void watch(struct pool *pool)
{
	double limit = pool->cfg->unit_timeout;

	pthread_mutex_lock(&pool->lock);
	while (pool->done < pool->units->n) {
		double t = now(), next = t + 1;

		for (size_t k = 0; limit > 0 && k < pool->nworkers; k++) {
			struct worker *w = pool->workers[k];
			double deadline = w->started + limit;

			if (w->finished || w->unit == NO_UNIT ||
			    atomic_load(&w->abandoned))
				continue;
			if (deadline <= t)
				abandon(pool, w);
			else if (deadline < next)
				next = deadline;
		}
		if (!pool->live && pool->done < pool->units->n) {
			/* No thread to be had: the rest here, without a limit. */
			struct worker *w = xcalloc(1, sizeof(*w));

			w->pool = pool;
			w->unit = NO_UNIT;
			pool->live++;
			pthread_mutex_unlock(&pool->lock);
			worker_main(w);
			free(w);
			pthread_mutex_lock(&pool->lock);
			continue;
		}
		if (pool->done < pool->units->n)
			wait_until(pool, next);
	}
	pthread_mutex_unlock(&pool->lock);
}

static int worker_count(const struct engine_config *cfg, size_t nunits)
{
	long n = cfg->jobs > 0 ? cfg->jobs : sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	if ((size_t)n > nunits)
		n = nunits ? (long)nunits : 1;
	return (int)n;
}

void engine_finish(const struct engine_config *cfg, struct fact_list *facts,
		   struct finding_list *out)
{
	for (size_t k = 0; k < cfg->nchecks; k++)
		if (cfg->checks[k]->finish)
			cfg->checks[k]->finish(cfg->states[k], &facts[k], out);
}

static struct prefilter *make_prefilter(const struct engine_config *cfg,
					const struct unit_list *units)
{
	double start = now();
	struct prefilter *pf = prefilter_new(
		cfg->checks, cfg->states, cfg->nchecks, units, cfg->cache_dir);
	size_t keys, headers;
	bool cached;

	if (pf && cfg->verbose) {
		prefilter_stats(pf, &keys, &headers, &cached);
		fprintf(stderr,
			"drvlint: prefilter: %zu keys, %s %zu shared headers (%.2f s)\n",
			keys,
			cached ? "from the cache after checking" :
				 "after reading",
			headers, now() - start);
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
static void collect(struct pool *pool, struct check_stat *stats,
		    struct fact_list *facts, struct report *r)
{
	const struct engine_config *cfg = pool->cfg;

	for (size_t i = 0; i < pool->units->n; i++) {
		struct unit_results *res = &pool->results[i].r;

		for (size_t k = 0; res->stats && k < cfg->nstats; k++)
			stats[k].value += res->stats[k];
		for (size_t k = 0; res->facts && k < cfg->nchecks; k++)
			fact_list_append(&facts[k], &res->facts[k]);
		r->units++;
		r->units_parsed += res->parsed;
		r->units_cached += pool->results[i].how == UNIT_CACHED;
		finding_list_append(&r->findings, &res->findings);
		failure_list_append(&r->failures, &res->failures);
		unit_results_free(res, cfg->nchecks);
		free(pool->results[i].passed_by);
	}
}

bool engine_run(const struct unit_list *units, const struct engine_config *cfg,
		struct report *r)
{
	/* On the heap: an abandoned worker may outlive this function. */
	struct pool *pool = xcalloc(1, sizeof(*pool));
	int nthreads = worker_count(cfg, units->n);
	struct check_stat *stats =
		xcalloc(cfg->nstats ? cfg->nstats : 1, sizeof(*stats));
	struct fact_list *facts = xcalloc(cfg->nchecks, sizeof(*facts));
	const char **rules = xcalloc(cfg->nchecks, sizeof(char *));
	pthread_condattr_t attr;
	bool stuck;
	size_t s = 0;

	for (size_t k = 0; k < cfg->nchecks; k++) {
		rules[k] = cfg->checks[k]->id;
		for (size_t j = 0; j < check_nstats(cfg->checks[k]); j++) {
			stats[s].rule = cfg->checks[k]->id;
			stats[s++].name = cfg->checks[k]->stats[j];
		}
	}
	r->stats = stats;
	r->nstats = cfg->nstats;
	pool->units = units;
	pool->cfg = cfg;
	pool->cache = open_cache(cfg, stats, rules);
	/*
	 * Reading the shared headers costs more than parsing a few units: a
	 * handful (an editor's file, a kbuild call) is parsed as it is.
	 */
	if (cfg->prefilter && units->n >= PREFILTER_MIN_UNITS)
		pool->prefilter = make_prefilter(cfg, units);
	pool->stall = getenv("DRVLINT_TEST_STALL");
	pool->results =
		xcalloc(units->n ? units->n : 1, sizeof(*pool->results));
	pthread_mutex_init(&pool->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&pool->wake, &attr);
	pthread_condattr_destroy(&attr);
	pool->start = now();
	pthread_mutex_lock(&pool->lock);
	for (int t = 0; t < nthreads; t++)
		start_worker(pool);
	pthread_mutex_unlock(&pool->lock);
	watch(pool);

	pthread_mutex_lock(&pool->lock);
	stuck = pool->stuck > 0;
	pthread_mutex_unlock(&pool->lock);
	for (size_t k = 0; k < pool->nworkers; k++) {
		if (stuck && atomic_load(&pool->workers[k]->abandoned))
			pthread_detach(pool->workers[k]->thread);
		else
			pthread_join(pool->workers[k]->thread, NULL);
	}
	collect(pool, stats, facts, r);
	if (cfg->defer_finish) {
		r->fact_rules = rules;
		r->facts = facts;
		r->nfact_lists = cfg->nchecks;
	} else {
		engine_finish(cfg, facts, &r->findings);
		for (size_t k = 0; k < cfg->nchecks; k++)
			fact_list_free(&facts[k]);
		free(facts);
	}
	if (stuck)
		return true; /* the pool, the cache and the rules stay */
	if (!cfg->defer_finish)
		free(rules);
	cache_close(pool->cache);
	prefilter_free(pool->prefilter);
	for (size_t k = 0; k < pool->nworkers; k++)
		free(pool->workers[k]);
	free(pool->workers);
	pthread_cond_destroy(&pool->wake);
	pthread_mutex_destroy(&pool->lock);
	free(pool->results);
	free(pool);
	return false;
}
