/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_OF_PLATFORM_H
#define _LINUX_OF_PLATFORM_H

#include <linux/of_device.h>

struct of_dev_auxdata {
	char *compatible;
	phys_addr_t phys_addr;
	char *name;
	void *platform_data;
};

extern int of_platform_bus_probe(struct device_node *root,
	const struct of_device_id *matches, struct device *parent);
extern int of_platform_populate(struct device_node *root,
	const struct of_device_id *matches,
	const struct of_dev_auxdata *lookup, struct device *parent);

#endif
