/* SPDX-License-Identifier: GPL-2.0-only */
/* The suggested fixes: applied to the files (--fix) or as a patch (--patch). */
#ifndef DRVLINT_OUT_FIX_H
#define DRVLINT_OUT_FIX_H

#include <stdio.h>

#include "core/finding.h"

/*
 * Apply every edit of every finding to the files on disk.  Overlapping
 * edits in one file keep the first and drop the rest: a finding whose
 * edits collide with an earlier finding's loses all of its edits in that
 * file, and an edit identical to an earlier one is made once.  Every file
 * is read and checked before any is written; each is replaced atomically.
 * Returns the number of files written, or -1 with a message in errbuf.
 */
int fix_apply(const struct finding_list *list, char *errbuf, size_t errlen);
/*
 * The same edits as a unified diff (a/ b/ prefixes relative to root).
 * Returns the number of files in the diff, or -1 with a message in errbuf.
 */
int fix_write_patch(FILE *out, const struct finding_list *list,
		    const char *root, char *errbuf, size_t errlen);

#endif
