/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/miscdevice.h. */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H
#include <linux/device.h>
#include <linux/fs.h>

#define MISC_DYNAMIC_MINOR	255

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct device *this_device;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif
