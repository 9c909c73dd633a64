/* Objects used only through const pointers, by value or by size can be const. */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/sysfs.h>

/* Passed to calls: only libclang knows that their parameters are const. */
static struct attribute_group cu_param_group = {	/* expect-clang: const-driver-struct */
	.name = "cu-param",
};

static struct attribute_group cu_array_group = {	/* expect: const-driver-struct */
	.name = "cu-array",
};

/* A const array of pointers to it keeps it read-only (ATTRIBUTE_GROUPS()). */
static const struct attribute_group *cu_groups[] = {
	&cu_array_group,
	NULL,
};

/* Passed to kobject_init_and_add(). */
static struct kobj_type cu_ktype = {	/* expect-clang: const-driver-struct */
	.default_groups = cu_groups,
};

/* Passed to memcmp(). */
static struct class cu_ptr_class = {	/* expect-clang: const-driver-struct */
	.name = "cu-ptr",
};

static struct bus_type cu_cmp_bus = {	/* expect: const-driver-struct */
	.name = "cu-cmp",
};

/* Stored in a member: only libclang knows that the member points to const. */
static struct dev_pm_ops cu_pm = {	/* expect-clang: const-driver-struct */
	.suspend = NULL,
};

static struct device_type cu_type = {	/* expect: const-driver-struct */
	.name = "cu-type",
	.pm = &cu_pm,
};

static int cu_check(struct kobject *kobj, struct device *dev)
{
	const struct class *c = &cu_ptr_class;
	struct attribute_group copy = cu_param_group;
	int ret;

	ret = sysfs_create_group(kobj, &cu_param_group);
	ret += kobject_init_and_add(kobj, &cu_ktype, NULL, "%s", copy.name);
	ret += device_add_groups(dev, (const struct attribute_group **)cu_groups);
	if (dev->bus == &cu_cmp_bus || dev->type == &cu_type)
		ret++;
	ret += memcmp(&cu_ptr_class, c, sizeof(cu_ptr_class));
	return ret + (int)sizeof(cu_cmp_bus);
}

static int __init cu_init(void)
{
	return cu_check(NULL, NULL);
}
module_init(cu_init);
