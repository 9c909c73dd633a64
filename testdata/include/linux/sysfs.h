/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/sysfs.h and kobject.h: what takes const, what not. */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/device.h>

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr,
			char *buf);
};

int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev,
			const struct device_attribute *attr);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int kobject_add(struct kobject *kobj, struct kobject *parent,
		const char *fmt, ...);
void kobject_del(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...);
/* An API that has not learned const yet. */
int legacy_register_group(struct attribute_group *grp);
int device_add_groups(struct device *dev, const struct attribute_group **groups);

#define ATTRIBUTE_GROUPS_OF(_name)					\\
	static const struct attribute_group *_name##_groups[] = {	\\
		&_name##_group,						\\
		NULL,							\\
	}

#define WRITE_ONCE(x, val)	(*(volatile typeof(x) *)&(x) = (val))
#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))

#define EXPORT_SYMBOL(sym)	extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym)	extern typeof(sym) sym

#endif
