/* Double unregister: the same object undone twice on one path of a function. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_driver d_driver = { .driver = { .name = "d" } };
static struct miscdevice d_misc = { .name = "d" };
static struct platform_device *d_pdevs[4];
int d_setup(void);
int d_unwinds_inline(void);
void d_guarded(bool have_misc, bool early);
int d_loop(void);
int d_other_object(void);

/* Inline unwinding, then a jump to the label that undoes the same again. */
int d_unwinds_inline(void)
{
	int ret;

	ret = misc_register(&d_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&d_driver);
	if (ret) {
		misc_deregister(&d_misc);
		goto err_misc;
	}
	return 0;

err_misc:
	misc_deregister(&d_misc);	/* expect-clang: unbalanced-registration */
	return ret;
}

/*
 * Under tests the check cannot follow: it walks a path through both ifs
 * that never runs, so such unregisters are never claimed twice.
 */
void d_guarded(bool have_misc, bool early)
{
	if (early && have_misc)
		misc_deregister(&d_misc);
	d_setup();
	if (!early && have_misc)
		misc_deregister(&d_misc);
}

/* An unwinding loop undoes one element per turn. */
int d_loop(void)
{
	int i, ret = 0;

	for (i = 0; i < 4; i++) {
		ret = platform_device_register(d_pdevs[i]);
		if (ret)
			break;
	}
	if (ret)
		while (--i >= 0)
			platform_device_unregister(d_pdevs[i]);
	return ret;
}

/* The variable names another object once reassigned. */
int d_other_object(void)
{
	struct platform_device *pdev = d_pdevs[0];

	platform_device_unregister(pdev);
	pdev = d_pdevs[1];
	platform_device_unregister(pdev);
	return 0;
}

static void d_teardown(void)
{
	misc_deregister(&d_misc);
}

static int __init d_init(void)
{
	int ret;

	ret = misc_register(&d_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&d_driver);
	if (ret)
		misc_deregister(&d_misc);
	return ret;
}

/* Exit undoes the misc device itself and through a helper that wraps the call. */
static void __exit d_exit(void)
{
	platform_driver_unregister(&d_driver);
	misc_deregister(&d_misc);
	d_teardown();	/* expect-clang: unbalanced-registration */
}

module_init(d_init);
module_exit(d_exit);
