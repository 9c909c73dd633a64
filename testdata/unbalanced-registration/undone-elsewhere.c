/*
 * Registrations undone in ways the Coccinelle script used to miss: a
 * release callback handed to devm_add_action_or_reset() with the
 * structure around the object, a kref whose release unregisters, the
 * register retried in its own failure branch, register and unregister
 * under the same test, an object the caller cleans up, and a region
 * unregistered under another expression.  No finding from either engine.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/device.h>
#include <linux/errno.h>

#define MKDEV(ma, mi)	(((ma) << 20) | (mi))

struct kref {
	int refcount;
};

struct u_dev {
	struct device dev;
	struct miscdevice misc;
	struct kref ref;
};

int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
int device_add(struct device *dev);
void device_del(struct device *dev);
int u_setup(void);
int u_more(struct u_dev *u);

/* devm_add_action_or_reset() runs the action when it fails. */
static void u_unregister(void *data)
{
	struct u_dev *u = data;

	device_del(&u->dev);
}

int u_create(struct device *host, struct u_dev *u)
{
	int rc;

	rc = device_add(&u->dev);
	if (rc)
		return rc;
	rc = devm_add_action_or_reset(host, u_unregister, u);
	if (rc)
		return rc;
	return 0;
}

/* The last reference's release unregisters. */
static void u_release(struct kref *ref)
{
	misc_deregister(&((struct u_dev *)ref)->misc);
}

int u_kref(struct u_dev *u)
{
	int ret;

	ret = misc_register(&u->misc);
	if (ret)
		return ret;
	if (u_setup()) {
		kref_put(&u->ref, u_release);
		return -EIO;
	}
	return 0;
}

/* The register retried with another minor. */
static struct miscdevice u_retry_misc = { .name = "u" };

int u_retry(void)
{
	int err;

	err = misc_register(&u_retry_misc);
	if (err) {
		u_retry_misc.minor = 255;
		err = misc_register(&u_retry_misc);
	}
	if (err)
		return err;
	return 0;
}

/* Register and unregister under the same test. */
static struct miscdevice u_temp = { .name = "u-temp" };
static struct miscdevice u_main = { .name = "u-main" };
static int u_has_temp;

int u_same_test(void)
{
	int ret;

	if (u_has_temp) {
		ret = misc_register(&u_temp);
		if (ret)
			goto out;
	}
	ret = misc_register(&u_main);
	if (ret)
		goto err_temp;
	return 0;
err_temp:
	if (u_has_temp)
		misc_deregister(&u_temp);
out:
	return ret;
}

/* Module init and exit: the region under two expressions. */
static int u_major = 240;
static dev_t u_devid;

static int __init u_init(void)
{
	u_devid = MKDEV(u_major, 0);
	return register_chrdev_region(u_devid, 1, "u");
}

static void __exit u_exit(void)
{
	unregister_chrdev_region(MKDEV(u_major, 0), 1);
}

module_init(u_init);
module_exit(u_exit);
MODULE_LICENSE("GPL");
