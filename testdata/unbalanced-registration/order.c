/* Order: unwinding undoes registrations in the reverse order; a misordered pair is a note. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device/class.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_driver o_driver = { .driver = { .name = "o" } };
static struct miscdevice o_misc = { .name = "o" };
static struct class *o_class;
static dev_t o_devt;
int o_setup(void);
int label_misordered(void);
int inline_misordered(void);
int well_ordered(void);
int temporary(void);
int two_drivers(void);

/* The label undoing the class frees the region under it first. */
int label_misordered(void)
{
	int ret;

	ret = alloc_chrdev_region(&o_devt, 0, 1, "o");
	if (ret)
		return ret;
	o_class = class_create("o");
	if (IS_ERR(o_class)) {
		ret = PTR_ERR(o_class);
		goto err_region;
	}
	ret = o_setup();
	if (ret)
		goto err_class;
	return 0;

err_class:
	unregister_chrdev_region(o_devt, 1);	/* expect-clang: unbalanced-registration */
	class_destroy(o_class);
	return ret;
err_region:
	unregister_chrdev_region(o_devt, 1);
	return ret;
}

/* Inline unwinding in the wrong order. */
int inline_misordered(void)
{
	int ret;

	ret = misc_register(&o_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&o_driver);
	if (ret) {
		misc_deregister(&o_misc);
		return ret;
	}
	ret = o_setup();
	if (ret) {
		misc_deregister(&o_misc);	/* expect-clang: unbalanced-registration */
		platform_driver_unregister(&o_driver);
	}
	return ret;
}

/* Reverse order: no note. */
int well_ordered(void)
{
	int ret;

	ret = misc_register(&o_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&o_driver);
	if (ret)
		goto err_misc;
	ret = o_setup();
	if (ret)
		goto err_driver;
	return 0;

err_driver:
	platform_driver_unregister(&o_driver);
err_misc:
	misc_deregister(&o_misc);
	return ret;
}

/* Only needed while the driver registers: undone on success, never after the driver. */
int temporary(void)
{
	int ret;

	ret = misc_register(&o_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&o_driver);
	if (ret)
		goto err_misc;
	misc_deregister(&o_misc);
	return 0;

err_misc:
	misc_deregister(&o_misc);
	return ret;
}

static struct platform_driver o_other_driver = { .driver = { .name = "o2" } };

/* Two drivers are peers: undone in any order, no note. */
int two_drivers(void)
{
	int ret;

	ret = platform_driver_register(&o_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&o_other_driver);
	if (ret)
		goto err_driver;
	ret = o_setup();
	if (ret) {
		platform_driver_unregister(&o_driver);
		platform_driver_unregister(&o_other_driver);
	}
	return ret;

err_driver:
	platform_driver_unregister(&o_driver);
	return ret;
}

struct o_priv {
	struct miscdevice misc;
	struct platform_device *child;
};

/* Remove undoes probe in the order probe registered. */
static int o_probe(struct platform_device *pdev)
{
	struct o_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = misc_register(&priv->misc);
	if (ret)
		return ret;
	ret = platform_device_register(priv->child);
	if (ret)
		misc_deregister(&priv->misc);
	return ret;
}

static void o_remove(struct platform_device *pdev)
{
	struct o_priv *data = dev_get_drvdata(&pdev->dev);

	misc_deregister(&data->misc);	/* expect-clang: unbalanced-registration */
	platform_device_unregister(data->child);
}

static struct platform_driver o_child_driver = {
	.probe = o_probe,
	.remove = o_remove,
	.driver = { .name = "o-child" },
};

static int __init o_init(void)
{
	int ret;

	ret = platform_driver_register(&o_driver);
	if (ret)
		return ret;
	ret = misc_register(&o_misc);
	if (ret)
		goto err_driver;
	ret = platform_driver_register(&o_child_driver);
	if (ret)
		goto err_misc;
	return 0;

err_misc:
	misc_deregister(&o_misc);
err_driver:
	platform_driver_unregister(&o_driver);
	return ret;
}

/* Exit undoes init in the order init registered. */
static void __exit o_exit(void)
{
	platform_driver_unregister(&o_child_driver);
	platform_driver_unregister(&o_driver);	/* expect-clang: unbalanced-registration */
	misc_deregister(&o_misc);
}

module_init(o_init);
module_exit(o_exit);
