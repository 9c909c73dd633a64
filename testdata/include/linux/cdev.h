/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/cdev.h: character devices. */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H
#include <linux/fs.h>
#include <linux/types.h>

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	dev_t dev;
	unsigned int count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);

#endif
