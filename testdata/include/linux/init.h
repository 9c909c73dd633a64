/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in: section markers and initcalls. */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init			__section(".init.text")
#define __exit			__section(".exit.text")
#define __initdata		__section(".init.data")
#define __initconst		__section(".init.rodata")
#define __ro_after_init		__section(".data..ro_after_init")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __define_initcall(fn, id)					\
	static initcall_t __initcall_##fn##id __used			\
		__section(".initcall" #id ".init") = fn

#define core_initcall(fn)		__define_initcall(fn, 1)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define late_initcall(fn)		__define_initcall(fn, 7)

/* As in the kernel: THIS_MODULE comes with the section markers. */
struct module;
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#endif
