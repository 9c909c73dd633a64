// SPDX-License-Identifier: GPL-2.0
/*
 * An out-of-tree platform driver, as DKMS packages and vendor drivers are
 * written, with one defect per rule of drvlint (each marked 'expect:' on
 * its line).  extmod_type is defined here and written by the other unit,
 * extmod_sysfs.c: it must not be reported as "never modified".
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#include "extmod.h"

/* Renamed by extmod_set_type_name(), in extmod_sysfs.c. */
struct device_type extmod_type = {
	.name = "extmod",
};

static const struct platform_device_id extmod_ids[] = {	/* expect: id-table-sentinel */
	{ .name = "extmod-a" },
	{ .name = "extmod-b" },
};

static int extmod_probe(struct platform_device *pdev)
{
	extmod_set_type_name(pdev->name);
	pdev->dev.type = &extmod_type;
	return 0;
}

static void extmod_remove(struct platform_device *pdev)
{
	pdev->dev.type = NULL;
}

static struct platform_driver extmod_driver = {
	.probe = extmod_probe,
	.remove = extmod_remove,
	.id_table = extmod_ids,
	.driver = {
		.name = "extmod",
		.dev_groups = extmod_groups,
	},
};

static const struct file_operations extmod_fops = {
	.owner = THIS_MODULE,
};

static struct miscdevice extmod_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "extmod",
	.fops = &extmod_fops,
};

static bool extmod_registered;	/* expect: registration-flag */

static int __init extmod_init(void)
{
	int ret;

	ret = platform_driver_register(&extmod_driver);
	if (ret)
		return ret;
	extmod_registered = true;
	ret = misc_register(&extmod_misc);	/* expect: unbalanced-registration */
	if (ret) {
		platform_driver_unregister(&extmod_driver);
		return ret;
	}
	return 0;
}

static void __exit extmod_exit(void)
{
	if (extmod_registered)
		platform_driver_unregister(&extmod_driver);
}

module_init(extmod_init);
module_exit(extmod_exit);
MODULE_DESCRIPTION("drvlint's external module fixture");
MODULE_LICENSE("GPL");
