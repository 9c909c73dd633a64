/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in: the fixed-size and kernel types the id structures use. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/kconfig.h>
#include <linux/compiler.h>
#include <linux/stddef.h>

typedef unsigned char		__u8;
typedef signed char		__s8;
typedef unsigned short		__u16;
typedef signed short		__s16;
typedef unsigned int		__u32;
typedef signed int		__s32;
typedef unsigned long long	__u64;
typedef signed long long	__s64;

typedef __u8	u8;
typedef __s8	s8;
typedef __u16	u16;
typedef __s16	s16;
typedef __u32	u32;
typedef __s32	s32;
typedef __u64	u64;
typedef __s64	s64;

typedef u32	dev_t;

typedef _Bool			bool;
typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ssize_t;
typedef unsigned long		uintptr_t;
typedef u64			phys_addr_t;
typedef unsigned int		gfp_t;
typedef unsigned short		umode_t;

#define BITS_PER_LONG		(__SIZEOF_LONG__ * 8)

#endif
