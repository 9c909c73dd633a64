/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The files spatch could not parse.  Run with --parse-error-msg and
 * --verbose-parsing, spatch says on stderr, for each top-level piece of
 * a file it could not parse (and so did not check):
 *
 *    = File "drivers/x.c", line 526, column 44, charpos = 19613
 *     around = '{',
 *
 * It still checks the rest of the file and may report findings there.
 * Such a file is a failure of the Coccinelle engine, as a unit libclang
 * cannot parse is one of the libclang engine, with one exception: an
 * error inside a macro definition (spatch tries to parse the bodies of
 * #define as code, libclang never does) loses nothing a check could see.
 */
#ifndef DRVLINT_SPATCH_ERRORS_H
#define DRVLINT_SPATCH_ERRORS_H

#include <stddef.h>

/* The first parse error of each file, by file name. */
struct spatch_errors {
	struct spatch_error {
		char *file;
		unsigned int line, column;
		char *around; /* the token spatch stopped at */
	} *v;
	size_t n, cap;
};

/* Add what spatch's stderr (len bytes) says to errs. */
void spatch_errors_read(struct spatch_errors *errs, const char *text,
			size_t len);

/* The error of file, or NULL. */
const struct spatch_error *spatch_error_of(const struct spatch_errors *errs,
					   const char *file);

void spatch_errors_free(struct spatch_errors *errs);

#endif
