/* Error paths: after a register succeeded, every failing return unregisters first. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/cdev.h>
#include <linux/device/class.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_driver e_driver = { .driver = { .name = "e" } };
static struct miscdevice e_misc = { .name = "e" };
static struct class *e_class;
static struct cdev e_cdev;
static dev_t e_devt;
int e_setup(void);

/* 'if (ret) return ret;' after the second register forgets the first. */
static int direct_return(void)
{
	int ret;

	ret = platform_driver_register(&e_driver);
	if (ret)
		return ret;
	ret = misc_register(&e_misc);
	if (ret)
		return ret;	/* expect: unbalanced-registration */
	return 0;
}

/* A goto chain that skips the label undoing the first register. */
static int wrong_label(void)
{
	int ret;

	ret = alloc_chrdev_region(&e_devt, 0, 1, "e");
	if (ret)
		return ret;
	e_class = class_create("e");
	if (IS_ERR(e_class)) {
		ret = PTR_ERR(e_class);
		goto err_region;
	}
	ret = cdev_add(&e_cdev, e_devt, 1);
	if (ret)
		goto err_region;
	return 0;

err_region:
	unregister_chrdev_region(e_devt, 1);
	return ret;	/* expect: unbalanced-registration */
}

/* The right chain: labels undo in reverse order, falling through. */
static int good_chain(void)
{
	int ret;

	ret = alloc_chrdev_region(&e_devt, 0, 1, "e");
	if (ret < 0)
		return ret;
	e_class = class_create("e");
	if (IS_ERR(e_class)) {
		ret = PTR_ERR(e_class);
		goto err_region;
	}
	ret = cdev_add(&e_cdev, e_devt, 1);
	if (ret)
		goto err_class;
	ret = e_setup();
	if (ret)
		goto err_cdev;
	return 0;

err_cdev:
	cdev_del(&e_cdev);
err_class:
	class_destroy(e_class);
err_region:
	unregister_chrdev_region(e_devt, 1);
	return ret;
}

/* A constant error after the register, and an error from another call. */
static int constant_error(void)
{
	int err;

	if (platform_driver_register(&e_driver))
		return -ENODEV;
	if (e_setup() < 0)
		return -EINVAL;	/* expect: unbalanced-registration */
	err = e_setup();
	if (err)
		return err;	/* expect: unbalanced-registration */
	return 0;
}

/* 'out: return ret;' shared by the success and the failure path. */
static int shared_exit(void)
{
	int ret;

	ret = misc_register(&e_misc);
	if (ret)
		goto out;
	ret = 0;
out:
	return ret;
}

/* The register's own failure path owes nothing. */
static int own_failure(void)
{
	int ret = misc_register(&e_misc);

	if (ret) {
		pr_err("e: cannot register\n");
		return ret;
	}
	return 0;
}

/* do { } while (0) bodies, switch and loops do not hide the unwind. */
static int macro_block(int mode)
{
	int ret;

	ret = misc_register(&e_misc);
	if (ret)
		return ret;
	do {
		ret = e_setup();
	} while (0);
	switch (mode) {
	case 0:
		break;
	case 1:
		ret = -EINVAL;
		goto err_misc;
	default:
		return -EIO;	/* expect: unbalanced-registration */
	}
	if (ret)
		goto err_misc;
	return 0;
err_misc:
	misc_deregister(&e_misc);
	return ret;
}

static int __init e_init(void)
{
	return direct_return() ?: wrong_label() ?: good_chain() ?:
	       constant_error() ?: shared_exit() ?: own_failure() ?:
	       macro_block(0);
}
module_init(e_init);
