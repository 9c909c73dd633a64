// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run the checks over the units with a pool of threads.  Results are kept
 * per unit and merged in unit order, so the report does not depend on
 * which worker finished first.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cx.h"
#include "engine.h"
#include "util.h"

struct unit_result {
	struct finding_list findings;
	struct failure_list failures;
	unsigned long *stats;	/* every check's counters, in order */
	struct fact_list *facts;	/* one list per check */
	bool parsed;
};

struct pool {
	const struct unit_list *units;
	const struct engine_config *cfg;
	struct unit_result *results;
	atomic_size_t next;
	atomic_size_t done;
	atomic_size_t nfindings;
	pthread_mutex_t lock;	/* stderr lines */
	double start, last_progress;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool any_check_may_report(const struct engine_config *cfg,
				 const char *src, size_t len)
{
	for (size_t i = 0; i < cfg->nchecks; i++)
		if (!cfg->checks[i]->may_report ||
		    cfg->checks[i]->may_report(cfg->states[i], src, len))
			return true;
	return false;
}

/* The first error libclang reported, as a failure; false if none. */
static bool first_error(CXTranslationUnit tu, struct failure_list *out)
{
	unsigned int n = clang_getNumDiagnostics(tu);

	for (unsigned int i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			struct cx_pos p = cx_expansion(clang_getDiagnosticLocation(d));
			char *file = p.file ? cx_take(clang_getFileName(p.file)) :
					      xstrdup("");
			char *msg = cx_take(clang_getDiagnosticSpelling(d));

			failure_add(out, file, p.line, p.column, msg);
			free(msg);
			free(file);
			clang_disposeDiagnostic(d);
			return true;
		}
		clang_disposeDiagnostic(d);
	}
	return false;
}

static const char *parse_error_text(enum CXErrorCode code)
{
	switch (code) {
	case CXError_Crashed:
		return "libclang crashed while parsing this unit";
	case CXError_InvalidArguments:
		return "libclang rejected the arguments for this unit";
	case CXError_ASTReadError:
		return "libclang could not read the unit";
	default:
		return "libclang could not parse this unit (check its compiler flags)";
	}
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

static CXTranslationUnit parse_unit(CXIndex index, const struct unit *u,
				    unsigned int opts, struct unit_result *res)
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
					   (int)u->args.n + 1, NULL, 0, opts,
					   &tu);
	free(args);
	free(wd);
	if (code != CXError_Success) {
		failure_add(&res->failures, u->file, 0, 0,
			    parse_error_text(code));
		return NULL;
	}
	if (first_error(tu, &res->failures)) {
		clang_disposeTranslationUnit(tu);
		return NULL;
	}
	return tu;
}

static void check_unit(struct pool *pool, CXIndex index, size_t i)
{
	const struct unit *u = &pool->units->v[i];
	const struct engine_config *cfg = pool->cfg;
	struct unit_result *res = &pool->results[i];
	struct check_unit cu = { .path = u->file,
				 .findings = &res->findings };
	char *source = read_file(u->file, &cu.source_len);

	if (!source) {
		failure_add(&res->failures, u->file, 0, 0, strerror(errno));
		return;
	}
	cu.source = source;
	if (cfg->prefilter && !any_check_may_report(cfg, source, cu.source_len)) {
		free(source);
		return;
	}
	cu.tu = parse_unit(index, u, parse_options(cfg, source, cu.source_len),
			   res);
	if (cu.tu) {
		size_t first = 0;

		res->parsed = true;
		res->stats = xcalloc(cfg->nstats, sizeof(unsigned long));
		res->facts = xcalloc(cfg->nchecks, sizeof(struct fact_list));
		cu.main_file = clang_getFile(cu.tu, u->file);
		for (size_t k = 0; k < cfg->nchecks && cu.main_file; k++) {
			cu.stats = res->stats + first;
			cu.facts = &res->facts[k];
			cfg->checks[k]->run(cfg->states[k], &cu);
			first += check_nstats(cfg->checks[k]);
		}
		clang_disposeTranslationUnit(cu.tu);
	}
	free(source);
}

static void show_progress(struct pool *pool, const struct unit *u,
			  const struct unit_result *res)
{
	const struct engine_config *cfg = pool->cfg;
	size_t done = pool->done, total = pool->units->n;
	double t = now(), elapsed = t - pool->start;

	pthread_mutex_lock(&pool->lock);
	if (cfg->verbose) {
		fprintf(stderr, "drvlint: [%zu/%zu] %s: %s, %zu findings\n",
			done, total, u->file,
			res->failures.n ? "failed" :
			res->parsed ? "parsed" : "skipped by prefilter",
			res->findings.n);
	} else if (cfg->progress &&
		   (t - pool->last_progress > (cfg->progress_tty ? 0.2 : 5) ||
		    done == total)) {
		double rate = elapsed > 0 ? done / elapsed : 0;
		double left = rate > 0 ? (total - done) / rate : 0;

		fprintf(stderr, "%s[%zu/%zu] %.1f units/s, %.0fs left, %zu findings%s",
			cfg->progress_tty ? "\r\033[K" : "drvlint: ", done,
			total, rate, left, (size_t)pool->nfindings,
			cfg->progress_tty && done < total ? "" : "\n");
		pool->last_progress = t;
	}
	pthread_mutex_unlock(&pool->lock);
}

static void *worker(void *arg)
{
	struct pool *pool = arg;
	CXIndex index = clang_createIndex(0, 0);
	size_t i;

	while ((i = atomic_fetch_add(&pool->next, 1)) < pool->units->n) {
		check_unit(pool, index, i);
		atomic_fetch_add(&pool->nfindings, pool->results[i].findings.n);
		atomic_fetch_add(&pool->done, 1);
		show_progress(pool, &pool->units->v[i], &pool->results[i]);
	}
	clang_disposeIndex(index);
	return NULL;
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

void engine_run(const struct unit_list *units, const struct engine_config *cfg,
		struct report *r)
{
	struct pool pool = { .units = units, .cfg = cfg };
	int nthreads = worker_count(cfg, units->n);
	pthread_t *threads = xcalloc(nthreads, sizeof(pthread_t));
	int started = 0;

	struct check_stat *stats = xcalloc(cfg->nstats, sizeof(*stats));
	struct fact_list *facts = xcalloc(cfg->nchecks, sizeof(*facts));
	size_t s = 0;

	for (size_t k = 0; k < cfg->nchecks; k++)
		for (size_t j = 0; j < check_nstats(cfg->checks[k]); j++) {
			stats[s].rule = cfg->checks[k]->id;
			stats[s++].name = cfg->checks[k]->stats[j];
		}
	r->stats = stats;
	r->nstats = cfg->nstats;
	pool.results = xcalloc(units->n, sizeof(*pool.results));
	pthread_mutex_init(&pool.lock, NULL);
	pool.start = now();
	for (int t = 0; t < nthreads; t++) {
		/* libclang parses deep headers recursively: give it room. */
		pthread_attr_t attr;

		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, 8u << 20);
		if (!pthread_create(&threads[t], &attr, worker, &pool))
			started++;
		pthread_attr_destroy(&attr);
	}
	if (!started)
		worker(&pool);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	for (size_t i = 0; i < units->n; i++) {
		for (size_t k = 0; pool.results[i].stats && k < cfg->nstats; k++)
			stats[k].value += pool.results[i].stats[k];
		for (size_t k = 0; pool.results[i].facts && k < cfg->nchecks; k++)
			fact_list_append(&facts[k], &pool.results[i].facts[k]);
		free(pool.results[i].facts);
		free(pool.results[i].stats);
		r->units++;
		r->units_parsed += pool.results[i].parsed;
		finding_list_append(&r->findings, &pool.results[i].findings);
		failure_list_append(&r->failures, &pool.results[i].failures);
	}
	if (cfg->defer_finish) {
		const char **rules = xcalloc(cfg->nchecks, sizeof(char *));

		for (size_t k = 0; k < cfg->nchecks; k++)
			rules[k] = cfg->checks[k]->id;
		r->fact_rules = rules;
		r->facts = facts;
		r->nfact_lists = cfg->nchecks;
	} else {
		engine_finish(cfg, facts, &r->findings);
		for (size_t k = 0; k < cfg->nchecks; k++)
			fact_list_free(&facts[k]);
		free(facts);
	}
	pthread_mutex_destroy(&pool.lock);
	free(pool.results);
	free(threads);
}
