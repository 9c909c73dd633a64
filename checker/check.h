/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a check is.  Each check is one file in checks/ defining a
 * 'const struct check check_<name>' and one line in check_list.h.
 * A check reads its API knowledge from rules/ in init(), looks at one
 * parsed translation unit at a time in run(), and fills findings; it never
 * formats output.
 */
#ifndef DRVLINT_CHECK_H
#define DRVLINT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include <clang-c/Index.h>

#include "finding.h"

/* One translation unit, as a check sees it. */
struct check_unit {
	CXTranslationUnit tu;
	CXFile main_file;
	const char *path;	/* absolute path of the main file */
	const char *source;	/* its text, NUL-terminated */
	size_t source_len;
	struct finding_list *findings;
	unsigned long *stats;	/* the running check's counters */
};

struct check {
	const char *id;		/* the rule id, kebab-case */
	const char *summary;	/* one line for --list-checks and SARIF */
	/* Load data from rules_dir; returns the check's state or NULL with err. */
	void *(*init)(const char *rules_dir, char *err, size_t errlen);
	void (*fini)(void *state);
	/*
	 * Could this source produce a finding?  A cheap text scan that
	 * must never say no to a unit that could (false positives are fine).
	 */
	bool (*may_report)(const void *state, const char *source, size_t len);
	/*
	 * Extra CXTranslationUnit_* flags this source needs (e.g. a
	 * preprocessing record to see skipped #if branches); may be NULL.
	 * Only what a unit really needs is asked for: it costs time.
	 */
	unsigned int (*parse_options)(const void *state, const char *source,
				      size_t len);
	/* Names of the counters run() adds to in unit->stats; NULL-ended. */
	const char *const *stats;
	/* Examine one unit; state is shared by all workers, read-only. */
	void (*run)(const void *state, struct check_unit *unit);
};

/* All checks, in check_list.h order. */
extern const struct check *const all_checks[];
extern const size_t nr_all_checks;

/*
 * Select checks with a clang-tidy style list: comma-separated globs
 * applied in order, a leading '-' disables.  NULL selects all.
 * enabled[] has nr_all_checks entries.  Returns -1 with err if a
 * pattern matches no check.
 */
int checks_select(const char *list, bool *enabled, char *err, size_t errlen);

/* How many counters a check has. */
size_t check_nstats(const struct check *c);

#endif
