/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in: the helpers every driver reaches through linux/kernel.h. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/stringify.h>
#include <linux/errno.h>

#define __must_be_array(a)	0
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#define container_of(ptr, type, member)					\
	((type *)((char *)(ptr) - offsetof(type, member)))

#define BIT(nr)			(1UL << (nr))

int printk(const char *fmt, ...) __printf(1, 2);
#define pr_info(fmt, ...)	printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(fmt, ##__VA_ARGS__)

int strcmp(const char *a, const char *b);
size_t strlen(const char *s);

#endif
