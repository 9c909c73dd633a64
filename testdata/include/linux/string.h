/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/string.h: the copies that write memory. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
