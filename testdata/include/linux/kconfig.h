/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stand-in for the kernel's configuration: the options the corpus is
 * checked with, as include/generated/autoconf.h would define them.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#define CONFIG_OF 1
#define CONFIG_ACPI 1
#define CONFIG_PCI 1
#define CONFIG_USB 1
#define CONFIG_X86 1

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option)		__is_defined(option)

#endif
