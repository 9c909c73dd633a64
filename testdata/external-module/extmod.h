/* SPDX-License-Identifier: GPL-2.0 */
/* What the two units of the module share. */
#ifndef EXTMOD_H
#define EXTMOD_H

#include <linux/device.h>

extern struct device_type extmod_type;
extern const struct attribute_group *extmod_groups[];

void extmod_set_type_name(const char *name);

#endif
