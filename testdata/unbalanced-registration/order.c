/* Order: what uses another registration is undone first; a misordered pair is a note. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device/class.h>
#include <linux/cdev.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_driver o_driver = { .driver = { .name = "o" } };
static struct platform_driver o_other_driver = { .driver = { .name = "o2" } };
static struct miscdevice o_misc = { .name = "o" };
static struct class *o_class;
static struct device *o_dev;
static struct cdev o_cdev;
static dev_t o_devt;
static const struct bus_type o_bus = { .name = "o" };
static struct device_driver o_bus_driver = { .name = "o", .bus = &o_bus };
int o_setup(void);
int label_misordered(void);
int inline_misordered(void);
int well_ordered(void);
int temporary(void);
int independent(void);
int two_drivers(void);
int fixed_major(void);

#define O_MAJOR		240
#define O_DEVT		((O_MAJOR << 20) | 0)

/* The label undoing the cdev frees the region the cdev lives in first. */
int label_misordered(void)
{
	int ret;

	ret = alloc_chrdev_region(&o_devt, 0, 1, "o");
	if (ret)
		return ret;
	ret = cdev_add(&o_cdev, o_devt, 1);
	if (ret)
		goto err_region;
	ret = o_setup();
	if (ret)
		goto err_cdev;
	return 0;

err_cdev:
	unregister_chrdev_region(o_devt, 1);	/* expect-clang: unbalanced-registration */
	cdev_del(&o_cdev);
	return ret;
err_region:
	unregister_chrdev_region(o_devt, 1);
	return ret;
}

/* A fixed region named by a constant: the same text names it in both calls. */
int fixed_major(void)
{
	int ret;

	ret = register_chrdev_region(O_DEVT, 1, "o");
	if (ret)
		return ret;
	ret = cdev_add(&o_cdev, O_DEVT, 1);
	if (ret)
		goto err_region;
	ret = o_setup();
	if (ret) {
		unregister_chrdev_region(O_DEVT, 1);	/* expect-clang: unbalanced-registration */
		cdev_del(&o_cdev);
		return ret;
	}
	return 0;

err_region:
	unregister_chrdev_region(O_DEVT, 1);
	return ret;
}

/* Inline unwinding destroys the class before the device created in it. */
int inline_misordered(void)
{
	int ret;

	o_class = class_create("o");
	if (IS_ERR(o_class))
		return PTR_ERR(o_class);
	o_dev = device_create(o_class, NULL, o_devt, NULL, "o");
	if (IS_ERR(o_dev)) {
		class_destroy(o_class);
		return PTR_ERR(o_dev);
	}
	ret = o_setup();
	if (ret) {
		class_destroy(o_class);	/* expect-clang: unbalanced-registration */
		device_destroy(o_class, o_devt);
	}
	return ret;
}

/* Reverse order: no note. */
int well_ordered(void)
{
	int ret;

	ret = alloc_chrdev_region(&o_devt, 0, 1, "o");
	if (ret)
		return ret;
	ret = cdev_add(&o_cdev, o_devt, 1);
	if (ret)
		goto err_region;
	ret = o_setup();
	if (ret)
		goto err_cdev;
	return 0;

err_cdev:
	cdev_del(&o_cdev);
err_region:
	unregister_chrdev_region(o_devt, 1);
	return ret;
}

/* Needed only while registering: undone on success, with nothing after it. */
int temporary(void)
{
	int ret;

	o_class = class_create("o");
	if (IS_ERR(o_class))
		return PTR_ERR(o_class);
	o_dev = device_create(o_class, NULL, o_devt, NULL, "o");
	if (IS_ERR(o_dev))
		goto err_class;
	class_destroy(o_class);
	return 0;

err_class:
	class_destroy(o_class);
	return PTR_ERR(o_dev);
}

/* Objects that do not use each other may go in any order: no note. */
int independent(void)
{
	int ret;

	ret = misc_register(&o_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&o_driver);
	if (ret)
		goto err_misc;
	ret = o_setup();
	if (ret) {
		misc_deregister(&o_misc);
		platform_driver_unregister(&o_driver);
	}
	return ret;

err_misc:
	misc_deregister(&o_misc);
	return ret;
}

/* Two drivers do not use each other either. */
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
	struct class *class;
	struct device *dev;
	struct miscdevice misc;
	struct platform_device *child;
};

/* Remove destroys the class before the device created in it. */
static int o_probe(struct platform_device *pdev)
{
	struct o_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	priv->class = class_create("o-child");
	if (IS_ERR(priv->class))
		return PTR_ERR(priv->class);
	priv->dev = device_create(priv->class, &pdev->dev, 0, NULL, "o");
	if (IS_ERR(priv->dev)) {
		class_destroy(priv->class);
		return PTR_ERR(priv->dev);
	}
	ret = misc_register(&priv->misc);
	if (ret)
		goto err_dev;
	ret = platform_device_register(priv->child);
	if (ret)
		goto err_misc;
	return 0;

err_misc:
	misc_deregister(&priv->misc);
err_dev:
	device_unregister(priv->dev);
	class_destroy(priv->class);
	return ret;
}

/* The misc device and the child do not use each other: their order is free. */
static void o_remove(struct platform_device *pdev)
{
	struct o_priv *data = dev_get_drvdata(&pdev->dev);

	misc_deregister(&data->misc);
	platform_device_unregister(data->child);
	class_destroy(data->class);	/* expect-clang: unbalanced-registration */
	device_unregister(data->dev);
}

static struct platform_driver o_child_driver = {
	.probe = o_probe,
	.remove = o_remove,
	.driver = { .name = "o-child" },
};

static int __init o_init(void)
{
	int ret;

	ret = bus_register(&o_bus);
	if (ret)
		return ret;
	ret = driver_register(&o_bus_driver);
	if (ret)
		goto err_bus;
	ret = platform_driver_register(&o_child_driver);
	if (ret)
		goto err_driver;
	ret = misc_register(&o_misc);
	if (ret)
		goto err_child;
	return 0;

err_child:
	platform_driver_unregister(&o_child_driver);
err_driver:
	driver_unregister(&o_bus_driver);
err_bus:
	bus_unregister(&o_bus);
	return ret;
}

/* Exit unregisters the bus before the driver on it; the misc device is free. */
static void __exit o_exit(void)
{
	platform_driver_unregister(&o_child_driver);
	bus_unregister(&o_bus);	/* expect-clang: unbalanced-registration */
	driver_unregister(&o_bus_driver);
	misc_deregister(&o_misc);
}

module_init(o_init);
module_exit(o_exit);
