/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The manifest of a result-cache entry (NAME.deps, see cache.h), as text:
 *
 *   drvlint-cache FORMAT
 *   sum HASH                     of everything below
 *   config HASH                  what besides the unit shapes its results
 *   unit HASH                    which unit it is
 *   report HASH SIZE             NAME.json
 *   dep HASH SIZE MTIME CTIME /PATH   a file the parse read, any number
 *   end
 */
#ifndef DRVLINT_CACHE_MANIFEST_H
#define DRVLINT_CACHE_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

#define CACHE_FORMAT 1
/* A time that does not prove the file unchanged: hash it at the lookup. */
#define NOT_TRUSTED (-1)

/* One file of a manifest: what the parse read and how it looked then. */
struct dep_record {
	char *path;
	uint64_t hash, size;
	int64_t mtime, ctime; /* NOT_TRUSTED: hash it at the next lookup */
};

struct manifest {
	uint64_t config, unit;
	uint64_t report_hash, report_size;
	struct dep_record *deps;
	size_t ndeps, cap;
};

void manifest_free(struct manifest *m);

/* The manifest as text (malloc'ed, *len bytes). */
char *manifest_text(const struct manifest *m, size_t *len);

/*
 * Parse text (len bytes, NUL-terminated, modified in place) into m:
 * NULL, or a reason it is not a manifest of this format (a static
 * string).  m is to be freed either way.
 */
const char *manifest_parse(char *text, size_t len, struct manifest *m);

#endif
