// SPDX-License-Identifier: GPL-2.0
/* The sysfs half of the external module: an attribute group. */
#include <linux/device.h>
#include <linux/sysfs.h>

#include "extmod.h"

static int extmod_level;

static ssize_t level_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%d\n", extmod_level);
}
static DEVICE_ATTR_RO(level);

static struct attribute *extmod_attrs[] = {
	&dev_attr_level.attr,
	NULL,
};

static struct attribute_group extmod_group = {	/* expect: const-driver-struct */
	.attrs = extmod_attrs,
};

const struct attribute_group *extmod_groups[] = {
	&extmod_group,
	NULL,
};

/* Writes extmod_main.c's extmod_type: that object cannot be const. */
void extmod_set_type_name(const char *name)
{
	extmod_type.name = name;
}
