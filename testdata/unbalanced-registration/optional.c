/*
 * Optional registrations and teardown handed to a callback.
 *
 * - A register under a module parameter's test, and later failures
 *   under the opposite test (drivers/mmc/host/wbsd.c): no path fails
 *   with it registered.  The libclang engine keeps the two tests apart;
 *   the Coccinelle script does not follow them and leaves the register's
 *   error paths alone.
 * - A teardown through device_for_each_child() with a callback that
 *   unregisters each child (drivers/mfd/tps6586x.c).
 * - A devm action that unregisters the children, added by the probe
 *   before it registers one (drivers/platform/x86/asus-tf103c-dock.c).
 * - Module exit unregistering a local copy of the global init registered
 *   (drivers/tty/serial/8250/8250_platform.c), or the global init stored
 *   its local in (drivers/platform/surface/surface_gpe.c).
 *
 * No finding from either engine, but the one a plain register with no
 * unwind gives.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/errno.h>

static bool o_nopnp;
module_param(o_nopnp, bool, 0444);

static struct miscdevice o_pnp_misc = { .name = "o-pnp" };
static struct miscdevice o_isa_misc = { .name = "o-isa" };

static struct platform_device *o_isa_dev;
static struct platform_device *o_kept;
static struct platform_device o_second;
struct device *o_parent;

int device_for_each_child(struct device *parent, void *data,
			  int (*fn)(struct device *dev, void *data));
int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);
int o_probe_more(void);

static int o_remove_one(struct device *dev, void *data)
{
	platform_device_unregister(to_platform_device(dev));
	return 0;
}

static void o_remove_children(struct device *parent)
{
	device_for_each_child(parent, NULL, o_remove_one);
}

/* Two children; a failure removes those already there. */
static int o_add_children(struct device *parent, struct platform_device *second)
{
	struct platform_device *first;
	int ret;

	first = platform_device_alloc("o-first", -1);
	if (!first)
		return -ENOMEM;
	first->dev.parent = parent;
	ret = platform_device_add(first);
	if (ret) {
		platform_device_put(first);
		return ret;
	}
	second->dev.parent = parent;
	ret = platform_device_add(second);
	if (ret)
		goto failed;
	return 0;
failed:
	o_remove_children(parent);
	return ret;
}

/* The devm action removes every child, whatever the helper added. */
static void o_children_action(void *data)
{
	struct device *parent = data;

	device_for_each_child(parent, NULL, o_remove_one);
}

/* The action is added first; a later failure leaves the child to it. */
static int o_probe(struct platform_device *op)
{
	struct platform_device *pdev;
	int ret;

	ret = devm_add_action_or_reset(&op->dev, o_children_action, &op->dev);
	if (ret)
		return ret;
	pdev = platform_device_alloc("o-managed", -1);
	if (!pdev)
		return -ENOMEM;
	pdev->dev.parent = &op->dev;
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	if (o_probe_more())
		return -EIO;
	return o_add_children(&op->dev, &o_second);
}

static struct platform_driver o_driver = {
	.probe = o_probe,
	.driver = { .name = "o" },
};

static int __init o_init(void)
{
	struct platform_device *pdev;
	int ret;

	o_isa_dev = platform_device_alloc("o-isa", -1);
	if (!o_isa_dev)
		return -ENOMEM;
	ret = platform_device_add(o_isa_dev);
	if (ret)
		goto err_put;

	pdev = platform_device_alloc("o-kept", -1);
	if (!pdev) {
		ret = -ENOMEM;
		goto err_del;
	}
	ret = platform_device_add(pdev);
	if (ret)
		goto err_put_kept;
	o_kept = pdev;

	ret = platform_driver_register(&o_driver);
	if (ret)
		goto err_kept;

	if (!o_nopnp) {
		ret = misc_register(&o_pnp_misc);
		if (ret < 0)
			goto err_driver;
	}
	if (o_nopnp) {
		ret = misc_register(&o_isa_misc);
		if (ret < 0)
			goto err_driver;
		if (o_probe_more()) {
			misc_deregister(&o_isa_misc);
			ret = -ENODEV;
			goto err_driver;
		}
	}
	return 0;

err_driver:
	platform_driver_unregister(&o_driver);
err_kept:
	platform_device_unregister(o_kept);
	goto err_del;
err_put_kept:
	platform_device_put(pdev);
err_del:
	platform_device_del(o_isa_dev);
err_put:
	platform_device_put(o_isa_dev);
	return ret;
}

static void __exit o_exit(void)
{
	struct platform_device *isa = o_isa_dev;

	o_isa_dev = NULL;
	platform_driver_unregister(&o_driver);
	platform_device_unregister(o_kept);
	platform_device_unregister(isa);
	if (!o_nopnp)
		misc_deregister(&o_pnp_misc);
	if (o_nopnp)
		misc_deregister(&o_isa_misc);
}
module_init(o_init);
module_exit(o_exit);
MODULE_LICENSE("GPL");
