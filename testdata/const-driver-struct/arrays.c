/* Arrays of driver-model objects: an element written blocks the array. */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/sysfs.h>

/* Coccinelle cannot tell that sysfs_create_group() takes a const pointer. */
static struct attribute_group ar_groups[] = {	/* expect-clang: const-driver-struct */
	{ .name = "ar-a" },
	{ .name = "ar-b" },
};

static struct attribute_group ar_written[2] = {
	{ .name = "ar-c" },
	{ .name = "ar-d" },
};

static struct attribute_group ar_escaped[] = {
	{ .name = "ar-e" },
};

static const struct attribute_group ar_already[] = {
	{ .name = "ar-f" },
};

static int __init ar_init(void)
{
	int i, ret = 0;

	ar_written[1].name = "ar-changed";
	for (i = 0; i < 2; i++)
		ret += sysfs_create_group(NULL, &ar_groups[i]);
	ret += legacy_register_group(ar_escaped);
	return ret + sysfs_create_group(NULL, ar_already) +
	       sysfs_create_group(NULL, ar_groups + 1);
}
module_init(ar_init);
