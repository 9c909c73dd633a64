/* A file-scope flag set after a driver registered and tested before it is unregistered in module exit: redundant, since init fails without the driver. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static struct platform_driver foo_driver = {
	.driver = { .name = "foo" },
};

static struct miscdevice foo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "foo",
};

static bool foo_driver_registered;	/* expect: registration-flag */
/* The misc device is optional: init carries on without it. */
static int foo_misc_registered;

static int __init foo_init(void)
{
	int ret;

	ret = platform_driver_register(&foo_driver);
	if (ret)
		return ret;
	foo_driver_registered = true;

	ret = misc_register(&foo_misc);
	if (ret)
		pr_err("foo: no misc device, carrying on\n");
	else
		foo_misc_registered = 1;
	return 0;
}

static void __exit foo_exit(void)
{
	if (foo_misc_registered)
		misc_deregister(&foo_misc);
	if (foo_driver_registered)
		platform_driver_unregister(&foo_driver);
}
