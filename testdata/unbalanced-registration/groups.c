/*
 * Files made one by one with device_create_file() and removed with the
 * attribute group that lists them: sysfs_remove_group() undoes each,
 * called directly or by a teardown helper.  A file the group does not
 * list is still owed its own removal.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sysfs.h>
#include <linux/errno.h>

static ssize_t gr_show(struct device *dev, struct device_attribute *attr,
		       char *buf)
{
	return 0;
}

static struct device_attribute gr_one = { { "one", 0444 }, gr_show };
static struct device_attribute gr_two = { { "two", 0444 }, gr_show };
static struct device_attribute gr_extra = { { "extra", 0444 }, gr_show };

static struct attribute *gr_attrs[] = {
	&gr_one.attr,
	&gr_two.attr,
	NULL,
};

static const struct attribute_group gr_group = {
	.attrs = gr_attrs,
};

int gr_hw_init(struct device *dev);

static void gr_remove_files(struct device *dev)
{
	sysfs_remove_group(&dev->kobj, &gr_group);
}

static int gr_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int err;

	err = device_create_file(dev, &gr_one);
	if (err)
		return err;
	err = device_create_file(dev, &gr_two);
	if (err)
		goto out;
	err = device_create_file(dev, &gr_extra);
	if (err)
		goto out;
	err = gr_hw_init(dev);
	if (err)
		goto out;
	return 0;
out:
	gr_remove_files(dev);
	return err;	/* expect-clang: unbalanced-registration */
}

static void gr_remove(struct platform_device *pdev)
{
	sysfs_remove_group(&pdev->dev.kobj, &gr_group);
	device_remove_file(&pdev->dev, &gr_extra);
}

static struct platform_driver gr_driver = {
	.probe = gr_probe,
	.remove = gr_remove,
	.driver = { .name = "gr" },
};
module_platform_driver(gr_driver);
MODULE_LICENSE("GPL");
