/*
 * Attribute files and groups live in their device's directory: deleting
 * the device removes them (block/partitions/core.c deletes the partition
 * on the error path; drivers/platform/x86/dell/alienware-wmi.c's exit
 * unregisters the platform device its group sits on).  A file on a
 * device that stays is still the driver's to remove.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sysfs.h>
#include <linux/errno.h>

static struct attribute *h_attrs[] = { NULL };
static const struct attribute_group h_group = { .attrs = h_attrs };
static struct device_attribute h_attr_mode = { .attr = { .name = "mode" } };
static struct device_attribute h_attr_size = { .attr = { .name = "size" } };

static struct platform_device *h_pdev;
int h_more(void);

/* The error path deletes the device the file is on. */
int h_add_part(struct platform_device *pdev)
{
	int err;

	err = platform_device_add(pdev);
	if (err)
		return err;
	err = device_create_file(&pdev->dev, &h_attr_size);
	if (err)
		goto out_del;
	if (h_more()) {
		err = -EIO;
		goto out_del;
	}
	return 0;
out_del:
	platform_device_del(pdev);
	return err;
}

/* A file on a device that stays: its error path must remove it. */
int h_add_file(struct device *parent)
{
	int err;

	err = device_create_file(parent, &h_attr_mode);
	if (err)
		return err;
	if (h_more())
		return -EIO;		/* expect-clang: unbalanced-registration */
	return 0;
}

/* Module exit unregisters the device the group sits on. */
static int __init h_init(void)
{
	int err;

	h_pdev = platform_device_alloc("h", -1);
	if (!h_pdev)
		return -ENOMEM;
	err = platform_device_add(h_pdev);
	if (err)
		goto err_put;
	err = sysfs_create_group(&h_pdev->dev.kobj, &h_group);
	if (err)
		goto err_del;
	return 0;
err_del:
	platform_device_del(h_pdev);
err_put:
	platform_device_put(h_pdev);
	return err;
}

static void __exit h_exit(void)
{
	platform_device_unregister(h_pdev);
}
module_init(h_init);
module_exit(h_exit);
MODULE_LICENSE("GPL");
