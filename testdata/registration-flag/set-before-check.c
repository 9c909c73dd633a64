/* drvlint-flags: -DMODULE */
/*
 * The flag is set from the register call's result itself, before or while
 * that result is checked.  Only c_misc is mandatory (its failure fails
 * init); the others are tolerated failures, whose flags are real state.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/netdevice.h>

static struct platform_driver a_driver = { .driver = { .name = "a" } };
static struct platform_driver b_driver = { .driver = { .name = "b" } };
static struct miscdevice c_misc = { .name = "c" };
static struct notifier_block d_nb;
static struct miscdevice e_misc = { .name = "e" };

static bool a_registered;
static bool b_registered;
static bool c_registered;	/* expect: registration-flag */
static bool d_registered;
static bool e_registered;

static int __init multi_init(void)
{
	int ret;

	a_registered = !platform_driver_register(&a_driver);

	ret = platform_driver_register(&b_driver);
	b_registered = (ret == 0);

	ret = misc_register(&c_misc);
	c_registered = true;
	if (ret) {
		c_registered = false;
		return ret;	/* expect-clang: unbalanced-registration */
	}

	if (!(ret = register_netdevice_notifier(&d_nb)))
		d_registered = true;

	if (!misc_register(&e_misc))
		e_registered = 1;
	return 0;
}

static void __exit multi_exit(void)
{
	if (e_registered)
		misc_deregister(&e_misc);
	if (d_registered)
		unregister_netdevice_notifier(&d_nb);
	if (c_registered)
		misc_deregister(&c_misc);
	if (b_registered)
		platform_driver_unregister(&b_driver);
	if (a_registered)
		platform_driver_unregister(&a_driver);
}

/* The result is returned: init fails with the call, so the flag is set
 * whenever exit runs. */
static struct platform_driver f_driver = { .driver = { .name = "f" } };
static bool f_initialized;	/* expect: registration-flag */

static int __init f_init(void)
{
	int rv = platform_driver_register(&f_driver);

	if (!rv)
		f_initialized = true;
	return rv;
}

static void __exit f_exit(void)
{
	if (!f_initialized)
		return;
	platform_driver_unregister(&f_driver);
	f_initialized = false;
}
