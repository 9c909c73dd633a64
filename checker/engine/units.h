/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Translation units to check and the flags to parse each with: from a
 * compile database (libclang's CXCompilationDatabase), or from files and
 * directories given on the command line with one set of flags.
 */
#ifndef DRVLINT_UNITS_H
#define DRVLINT_UNITS_H

#include <stdbool.h>

#include "engine/flags.h"
#include "lib/strvec.h"

struct unit {
	char *file; /* absolute */
	char *directory; /* the compiler's working directory */
	struct strvec args; /* filtered flags, without the file */
};

struct unit_list {
	struct unit *v;
	size_t n, cap;
	/* C units of the compile database that the paths left out */
	size_t left_out;
};

/* Called once per distinct dropped flag (for --verbose). */
typedef void (*dropped_fn)(void *ctx, const char *flag);

/*
 * Units of build_dir/compile_commands.json, restricted to paths (files
 * or directories, relative to cwd) when npaths > 0.  -1 with err on a
 * missing or malformed database or a path that matches no unit.
 */
int units_from_compdb(struct unit_list *ul, const char *build_dir,
		      const char *cwd, char *const *paths, size_t npaths,
		      dropped_fn dropped, void *ctx, char *err, size_t errlen);

/* Every path, and every .c file below each directory, with cflags. */

int units_from_paths(struct unit_list *ul, const char *cwd, char *const *paths,
		     size_t npaths, char *const *cflags, size_t ncflags,
		     dropped_fn dropped, void *ctx, char *err, size_t errlen);

void unit_free(struct unit *u);
void unit_list_free(struct unit_list *ul);

#endif
