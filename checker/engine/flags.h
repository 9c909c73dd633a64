/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compiler flags, as a compile database or kbuild hands them over, made
 * fit for libclang: options clang rejects (GCC-only code generation
 * options, sparse's own flags), options that would write files
 * (dependency output) and warning options that add warnings or make them
 * errors are dropped, never fatal.  Options that make the compiler accept
 * code (-Wno-X, -Wno-error=X, -std=) are kept.
 */
#ifndef DRVLINT_FLAGS_H
#define DRVLINT_FLAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strvec.h"

/* Does this option take the next argument as its value ("-I dir")? */
bool flag_takes_value(const char *arg);

/*
 * Append the usable flags of in[0..n) to out.  For each dropped option
 * (with its value, if any) 'dropped' is called when not NULL.
 */
void flags_filter(char *const *in, size_t n, struct strvec *out,
		  void (*dropped)(void *ctx, const char *opt), void *ctx);

#endif
