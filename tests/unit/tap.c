// SPDX-License-Identifier: GPL-2.0-only
#include <stdio.h>

#include "tap.h"

int tap_failures;
int tap_count;

void tap_ok(int cond, const char *expr, const char *file, int line)
{
	tap_count++;
	if (cond)
		return;
	tap_failures++;
	printf("not ok %d - %s:%d: %s\n", tap_count, file, line, expr);
}

void tap_streq(const char *got, const char *want, const char *expr,
	       const char *file, int line)
{
	int same = (got && want) ? strcmp(got, want) == 0 : got == want;

	tap_count++;
	if (same)
		return;
	tap_failures++;
	printf("not ok %d - %s:%d: %s\n  got:  \"%s\"\n  want: \"%s\"\n",
	       tap_count, file, line, expr, got ? got : "(null)",
	       want ? want : "(null)");
}

int tap_done(void)
{
	printf("%d checks, %d failed\n", tap_count, tap_failures);
	return tap_failures ? 1 : 0;
}
