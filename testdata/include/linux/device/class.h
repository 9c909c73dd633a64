/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/device/class.h: classes created at run time. */
#ifndef _DEVICE_CLASS_H_
#define _DEVICE_CLASS_H_
#include <linux/device.h>

typedef u32 dev_t;

struct class *class_create(const char *name);
void class_destroy(const struct class *cls);
struct device *device_create(const struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...);
void device_destroy(const struct class *cls, dev_t devt);

#endif
