/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CI gate: what a run may leave out of its report.  A baseline holds
 * the findings a project has accepted (matched by rule, file, object and
 * message, so that lines may move); --diff keeps the findings on lines a
 * change touches.
 */
#ifndef DRVLINT_GATE_H
#define DRVLINT_GATE_H

#include <stddef.h>

#include "core/finding.h"

/* Write the findings as a baseline file; -1 with err. */
int baseline_write(const char *path, const struct finding_list *findings,
		   const char *root, char *err, size_t errlen);

/*
 * Drop every finding the baseline holds (each baseline entry absorbs one
 * finding); *dropped counts them.  -1 with err on an unreadable or
 * malformed baseline.
 */
int baseline_filter(const char *path, struct finding_list *findings,
		    const char *root, size_t *dropped, char *err,
		    size_t errlen);

/*
 * Keep only the findings on lines that 'git diff REV' adds or changes in
 * the work tree that holds root.  -1 with err if git fails.
 */
int diff_filter(const char *rev, struct finding_list *findings,
		const char *root, size_t *dropped, char *err, size_t errlen);

/* The changed lines of a unified diff with -U0, for tests. */
struct diff_range {
	char *file; /* as the diff names it, without b/ */
	unsigned int first, last;
};

struct diff_ranges {
	struct diff_range *v;
	size_t n, cap;
};

void diff_parse(const char *text, struct diff_ranges *out);
void diff_ranges_free(struct diff_ranges *r);

#endif
