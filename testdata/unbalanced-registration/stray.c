/* Unregister without register: an error path that undoes what it never registered. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device/class.h>
#include <linux/cdev.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_driver s_driver = { .driver = { .name = "s" } };
static struct miscdevice s_misc = { .name = "s" };
static struct class *s_class;
int s_setup(void);
int s_wrong_label(void);
int s_own_failure(void);
int s_reregister(void);
int s_right_label(void);
int s_cdev(dev_t devt);
struct cdev *cdev_alloc(void);

/* A failure before the misc device is registered jumps past its label's start. */
int s_wrong_label(void)
{
	int ret;

	ret = platform_driver_register(&s_driver);
	if (ret)
		return ret;
	ret = s_setup();
	if (ret)
		goto err_misc;
	ret = misc_register(&s_misc);
	if (ret)
		goto err_driver;
	return 0;

err_misc:
	misc_deregister(&s_misc);	/* expect-clang: unbalanced-registration */
err_driver:
	platform_driver_unregister(&s_driver);
	return ret;
}

/* The register's own failure path undoes it. */
int s_own_failure(void)
{
	int ret;

	s_class = class_create("s");
	if (IS_ERR(s_class))
		return PTR_ERR(s_class);
	ret = misc_register(&s_misc);
	if (ret) {
		misc_deregister(&s_misc);	/* expect-clang: unbalanced-registration */
		class_destroy(s_class);
		return ret;
	}
	return 0;
}

/* Undo the old registration, then register again: nothing registered before. */
int s_reregister(void)
{
	misc_deregister(&s_misc);
	return misc_register(&s_misc);
}

/* The same function with the labels right. */
int s_right_label(void)
{
	int ret;

	ret = platform_driver_register(&s_driver);
	if (ret)
		return ret;
	ret = s_setup();
	if (ret)
		goto err_driver;
	ret = misc_register(&s_misc);
	if (ret)
		goto err_driver;
	ret = s_setup();
	if (ret)
		goto err_misc;
	return 0;

err_misc:
	misc_deregister(&s_misc);
err_driver:
	platform_driver_unregister(&s_driver);
	return ret;
}

/* An object held by pointer: its unregister also releases it, registered or not. */
int s_cdev(dev_t devt)
{
	struct cdev *cdev;
	int ret;

	ret = platform_driver_register(&s_driver);
	if (ret)
		return ret;
	cdev = cdev_alloc();
	if (!cdev) {
		ret = -ENOMEM;
		goto err_driver;
	}
	ret = s_setup();
	if (ret)
		goto err_cdev;
	ret = cdev_add(cdev, devt, 1);
	if (ret)
		goto err_cdev;
	return 0;

err_cdev:
	cdev_del(cdev);
err_driver:
	platform_driver_unregister(&s_driver);
	return ret;
}
