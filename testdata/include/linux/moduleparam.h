/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/moduleparam.h: a module parameter is a
 * variable the loader may set before init runs. */
#ifndef _LINUX_MODULE_PARAMS_H
#define _LINUX_MODULE_PARAMS_H

#include <linux/module.h>

#define module_param(name, type, perm)					\
	static void *__drvlint_param_##name __attribute__((used)) = &(name)
#define MODULE_PARM_DESC(_parm, desc) MODULE_INFO(parm, #_parm ":" desc)

#endif
