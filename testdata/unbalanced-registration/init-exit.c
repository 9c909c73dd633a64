/* Module init and exit: what init registers, exit must unregister. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static struct platform_driver a_driver = { .driver = { .name = "a" } };
static struct miscdevice a_misc = { .name = "a" };

static int __init a_init(void)
{
	int ret;

	ret = platform_driver_register(&a_driver);
	if (ret)
		return ret;
	ret = misc_register(&a_misc);	/* expect: unbalanced-registration */
	if (ret)
		goto err_driver;
	return 0;

err_driver:
	platform_driver_unregister(&a_driver);
	return ret;
}

static void __exit a_exit(void)
{
	platform_driver_unregister(&a_driver);
}

module_init(a_init);
module_exit(a_exit);
