/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The data files in rules/: plain lines of whitespace-separated fields,
 * '#' starts a comment, blank lines are ignored (the form of the kernel's
 * scripts/const_structs.checkpatch).  Checks read them at start-up and
 * interpret the fields themselves.
 */
#ifndef DRVLINT_RULES_H
#define DRVLINT_RULES_H

#include <stdbool.h>
#include <stddef.h>

struct rules_line {
	char **field;
	size_t nfield;
	unsigned int lineno;
};

struct rules_file {
	char *path;
	struct rules_line *line;
	size_t nline;
};

/* Load dir/name.  On failure returns -1 with "path: reason" in err. */
int rules_load(struct rules_file *rf, const char *dir, const char *name,
	       char *err, size_t errlen);
/* Parse text already in memory (used by rules_load and the unit tests). */
void rules_parse(struct rules_file *rf, const char *text);
void rules_free(struct rules_file *rf);

#endif
