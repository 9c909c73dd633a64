/*
 * A probe that registers a platform driver for the device it found and
 * fails on purpose, so that its bus driver never binds; module exit
 * unregisters what it registered (drivers/hwmon/via686a.c).  The bus
 * driver has no remove callback and needs none.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/errno.h>

static struct platform_driver pf_platform_driver = {
	.driver = { .name = "pf" },
};

static int pf_probe(struct platform_device *pdev)
{
	if (platform_driver_register(&pf_platform_driver))
		return -ENODEV;
	return -ENODEV;
}

static struct platform_driver pf_finder = {
	.probe = pf_probe,
	.driver = { .name = "pf-finder" },
};

static int __init pf_init(void)
{
	return platform_driver_register(&pf_finder);
}
module_init(pf_init);

static void __exit pf_exit(void)
{
	platform_driver_unregister(&pf_finder);
	platform_driver_unregister(&pf_platform_driver);
}
module_exit(pf_exit);
MODULE_LICENSE("GPL");
