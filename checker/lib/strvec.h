/* SPDX-License-Identifier: GPL-2.0-only */
/* A growing array of strings, always NULL-terminated: an argv. */
#ifndef DRVLINT_LIB_STRVEC_H
#define DRVLINT_LIB_STRVEC_H

#include <stddef.h>

struct strvec {
	char **v;
	size_t n, cap;
};

void strvec_push(struct strvec *a, const char *arg);
void strvec_free(struct strvec *a);

#endif
