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
 * file, and an edit identical to an earlier one is made once.  Each file
 * is checked just before it is written, and refused (left as it is) when
 * it changed since the checks read it (struct edit's source_hash), an
 * edit lies outside it, or this user may not write it (as root: it has no
 * write bit at all); a written file is replaced atomically and keeps its
 * mode and owner.  Returns the number of files written, or -1 when a file
 * was refused or could not be written, with one line per such file
 * ("FILE: why") in errbuf; the other files are written all the same.
 */
int fix_apply(const struct finding_list *list, char *errbuf, size_t errlen);
/*
 * The text --fix writes for one file, without touching any file: old
 * (len bytes: the file's text as the findings' offsets see it) with the
 * edits the findings of list make in file, selected as fix_apply()
 * selects them.  Returns the new text, malloc'ed and NUL-terminated
 * (*newlen its length; a copy of old when no edit is for file), or NULL
 * with err when an edit lies outside old.
 */
char *fix_text(const struct finding_list *list, const char *file,
	       const char *old, size_t len, size_t *newlen, char *err,
	       size_t errlen);
/*
 * The same edits as a unified diff (a/ b/ prefixes relative to root).
 * Returns the number of files in the diff, or -1 with a message in errbuf.
 */
int fix_write_patch(FILE *out, const struct finding_list *list,
		    const char *root, char *errbuf, size_t errlen);

#endif
