/* The right structure: goto labels on the error path, unconditional unregisters in exit. No finding. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static struct platform_driver g_driver = { .driver = { .name = "g" } };
static struct miscdevice g_misc = { .name = "g" };
static bool g_debug;

static int __init g_init(void)
{
	int ret;

	ret = platform_driver_register(&g_driver);
	if (ret)
		return ret;
	ret = misc_register(&g_misc);
	if (ret)
		goto err_driver;
	g_debug = true;
	return 0;

err_driver:
	platform_driver_unregister(&g_driver);
	return ret;
}

static void __exit g_exit(void)
{
	if (g_debug)
		pr_info("g: exit\n");
	misc_deregister(&g_misc);
	platform_driver_unregister(&g_driver);
}
