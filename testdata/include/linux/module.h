/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in: module entry points, module information and device tables. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/mod_devicetable.h>

struct module;

#ifdef MODULE
/*
 * As in the kernel: an alias of the table under a name modpost looks for
 * (scripts/mod/file2alias.c), which reads the table up to its last entry.
 */
#define MODULE_DEVICE_TABLE(type, name)					\
extern typeof(name) __mod_##type##__##name##_device_table		\
	__attribute__ ((unused, alias(__stringify(name))))
#else
#define MODULE_DEVICE_TABLE(type, name)
#endif

#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[] __used			\
		__section(".modinfo") __aligned(1) = __stringify(tag) "=" info

#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)

#define module_init(fn)		device_initcall(fn)
#define module_exit(fn)							\
	static exitcall_t __exitcall_##fn __used			\
		__section(".exitcall.exit") = fn

#endif
