/*
 * An array the file names only through ARRAY_SIZE(): no expression of
 * its element type appears anywhere, and both engines still see it.
 */
#include <linux/kernel.h>
#include <linux/sysfs.h>

static struct attribute_group aso_groups[] = {	/* expect: const-driver-struct */
	{ .name = "aso-a" },
	{ .name = "aso-b" },
};

int aso_count(void)
{
	return ARRAY_SIZE(aso_groups);
}
