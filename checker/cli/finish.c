// SPDX-License-Identifier: GPL-2.0-only
/*
 * A report's last steps: the order of its findings, the CI gate
 * (baseline, --diff), the report itself or the patch, the fixes, the
 * summary line, and the exit status.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/run.h"
#include "out/fix.h"
#include "out/gate.h"

/* Once, with the file and the reason. */
static int write_failed(const char *path, int err)
{
	char msg[PATH_MAX + 256];

	snprintf(msg, sizeof(msg), "could not write the report to %s: %s",
		 path ? path : "standard output", strerror(err ? err : EIO));
	return run_fail(msg);
}

/* --fix: one error line for each file refused or not written. */
static int apply_fixes(struct report *r)
{
	char err[8192];

	if (fix_apply(&r->findings, err, sizeof(err)) >= 0)
		return 0;
	for (char *line = err, *nl; line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		run_fail(line);
	}
	return EXIT_TROUBLE;
}

/* The report (or the patch) to -o's file or standard output, flushed. */
static int write_report(struct run *run, struct report *r)
{
	struct options *o = &run->opt;
	FILE *out = o->kbuild ? stderr : stdout;
	char err[PATH_MAX + 256];
	int ret = 0;

	if (o->output && !(out = fopen(o->output, "w"))) {
		snprintf(err, sizeof(err), "%s: %s", o->output,
			 strerror(errno));
		return run_fail(err);
	}
	errno = 0;
	if (o->patch) {
		if (fix_write_patch(out, &r->findings, r->root, err,
				    sizeof(err)) < 0)
			ret = run_fail(err);
	} else if (report_write(out, r, o->format)) {
		ret = write_failed(o->output, errno);
	}
	if (!ret && fflush(out))
		ret = write_failed(o->output, errno);
	if (o->output && fclose(out) && !ret)
		ret = write_failed(o->output, errno);
	if (!ret && o->fix)
		ret = apply_fixes(r);
	return ret;
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
			return run_fail(err);
		if (!o->quiet)
			fprintf(stderr, "drvlint: wrote %zu findings to %s\n",
				r->findings.n, o->write_baseline);
		*done = true;
		return r->failures.n ? EXIT_TROUBLE : 0;
	}
	if (o->baseline && baseline_filter(o->baseline, &r->findings, r->root,
					   &r->baselined, err, sizeof(err)))
		return run_fail(err);
	if (o->diff_rev && diff_filter(o->diff_rev, &r->findings, r->root,
				       &r->outside_diff, err, sizeof(err)))
		return run_fail(err);
	return 0;
}

double run_seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/*
 * The exit status; kbuild's checker mode is decided here, and only here.
 * As kbuild's checker, findings exit 0 as sparse's do: they go into the
 * build log.  A unit that could not be checked is no finding but a tool
 * failure, 2 there too: the build stops on it as on a compiler error
 * ('make -k' goes on), rather than pass as checked.
 */
static int exit_status(const struct run *run, const struct report *r)
{
	if (r->failures.n)
		return EXIT_TROUBLE;
	if (run->opt.kbuild)
		return 0;
	return r->findings.n ? EXIT_FINDINGS : 0;
}

int run_finish_report(struct run *run, struct report *r,
		      const struct timespec *t0)
{
	bool done;
	int ret;

	/* A check's own output (a road map, an inventory) keeps its order. */
	if (!checks_own_output(&run->switches))
		finding_list_sort_unique(&r->findings);
	r->root = run_report_root(run);
	r->rules = run->rules;
	r->nrules = run->nchecks;
	r->seconds = run_seconds_since(t0);
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
