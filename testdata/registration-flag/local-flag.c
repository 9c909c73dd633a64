/*
 * A local flag that unwinds an error path instead of goto labels, in the
 * same function: not reported, since the flag is false where the first
 * registration failed (goto labels would be neater, but the flag is not
 * redundant).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static struct platform_driver q_driver = { .driver = { .name = "q" } };
static struct miscdevice q_misc = { .name = "q" };

static int __init q_init(void)
{
	bool drv_done = false;
	int ret;

	ret = platform_driver_register(&q_driver);
	if (ret)
		goto err;
	drv_done = true;
	ret = misc_register(&q_misc);
	if (ret)
		goto err;
	return 0;
err:
	if (drv_done)
		platform_driver_unregister(&q_driver);
	return ret;
}
