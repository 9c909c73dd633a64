/* SPDX-License-Identifier: GPL-2.0-only */
/* A few assertion helpers for the unit tests; output is TAP-like. */
#ifndef DRVLINT_TAP_H
#define DRVLINT_TAP_H

#include <string.h>

extern int tap_failures;
extern int tap_count;

void tap_ok(int cond, const char *expr, const char *file, int line);
void tap_streq(const char *got, const char *want, const char *expr,
	       const char *file, int line);
int tap_done(void);

#define OK(cond) tap_ok(!!(cond), #cond, __FILE__, __LINE__)
#define STREQ(got, want) tap_streq((got), (want), #got, __FILE__, __LINE__)
#define INTEQ(got, want)                                                 \
	tap_ok((long)(got) == (long)(want), #got " == " #want, __FILE__, \
	       __LINE__)

#endif
