/* Idioms of real drivers whose error paths leak nothing: no finding from either engine (the script leaves alone the error paths of a register under a test). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device.h>
#include <linux/cdev.h>
#include <linux/err.h>
#include <linux/errno.h>

#ifndef WARN_ON
#define WARN_ON(condition) ({					\
	int __ret_warn_on = !!(condition);			\
	if (unlikely(__ret_warn_on))				\
		k_warn();					\
	unlikely(__ret_warn_on);				\
})
#endif

void k_warn(void);
int k_setup(void);
int k_add_action(struct device *dev, void (*fn)(void *), void *data);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);
int device_add(struct device *dev);

static struct platform_driver k_driver = { .driver = { .name = "k" } };
static struct miscdevice k_misc = { .name = "k" };
int k_ptr_err_or_zero(struct device *parent);
int k_dropped(void);
struct device *k_warn_on(struct device *dev);
int k_handed(struct device *dev);
int k_maybe_del(struct cdev *cdev, struct device *dev);
int k_bool_helper(void);
int k_device_add(struct device *dev);
int k_found(struct platform_device **pdevs, int n);
int k_param(void);
int k_modes(int ledmode, int wdtmode);
int k_status_twice(bool bound);
static bool k_nopnp;
int k_pci_probe(void);
static struct platform_driver k_kept_driver = { .driver = { .name = "k-kept" } };
static struct platform_device *k_led, *k_wdt;

/* 'ret = PTR_ERR_OR_ZERO(pdev)' tests the register's result. */
int k_ptr_err_or_zero(struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("k", -1, NULL, 0);
	ret = PTR_ERR_OR_ZERO(pdev);
	if (ret)
		return ret;
	platform_device_unregister(pdev);
	return 0;
}

/* A device registered and forgotten: its parent owns it, the code cannot undo it. */
int k_dropped(void)
{
	platform_device_register_simple("k-rtc", 0, NULL, 0);
	if (k_setup())
		return -EIO;
	return 0;
}

/* WARN_ON() is a statement expression around the test. */
struct device *k_warn_on(struct device *dev)
{
	int ret;

	ret = device_register(dev);
	if (WARN_ON(ret < 0))
		return NULL;
	if (k_setup()) {
		device_unregister(dev);
		return NULL;
	}
	return dev;
}

static void k_unregister_misc(void *data)
{
	misc_deregister(data);
}

/* A helper that hands its object to a release callback owes its caller nothing. */
static int k_register_misc(struct device *dev)
{
	int ret = misc_register(&k_misc);

	if (ret)
		return ret;
	return k_add_action(dev, k_unregister_misc, &k_misc);
}

int k_handed(struct device *dev)
{
	int ret = k_register_misc(dev);

	if (ret)
		return ret;
	if (k_setup())
		return -EIO;
	return 0;
}

/* The helper only unregisters when told to. */
static void k_put(struct cdev *cdev, struct device *dev, bool del)
{
	if (del)
		cdev_device_del(cdev, dev);
}

int k_maybe_del(struct cdev *cdev, struct device *dev)
{
	int ret = cdev_device_add(cdev, dev);

	if (ret) {
		k_put(cdev, dev, false);
		return ret;
	}
	return 0;
}

/* A bool helper is true when it registered. */
static bool k_probe_driver(void)
{
	if (!platform_driver_register(&k_driver))
		return true;
	return false;
}

int k_bool_helper(void)
{
	bool found = k_probe_driver();

	if (found)
		return 0;
	return -ENODEV;
}

/* device_add() is undone by device_unregister() as well as device_del(). */
int k_device_add(struct device *dev)
{
	int ret = device_add(dev);

	if (ret)
		return ret;
	if (k_setup()) {
		device_unregister(dev);
		return -EIO;
	}
	return 0;
}

/* A flag set where the loop registers, tested after it. */
int k_found(struct platform_device **pdevs, int n)
{
	bool found = false;
	int i, err = 0;

	for (i = 0; i < n; i++) {
		if (k_setup())
			continue;
		found = true;
		err = platform_device_add(pdevs[i]);
		if (err)
			goto exit_unregister;
	}
	if (!found)
		return -ENODEV;
	return 0;

exit_unregister:
	while (--i >= 0)
		platform_device_unregister(pdevs[i]);
	return err;
}

/* One parameter tested twice picks one of two registrations. */
int k_param(void)
{
	int ret;

	if (!k_nopnp) {
		ret = misc_register(&k_misc);
		if (ret < 0)
			return ret;
	}
	if (k_nopnp) {
		ret = platform_driver_register(&k_driver);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* Variables tested against the same constant twice. */
int k_modes(int ledmode, int wdtmode)
{
	if (ledmode != 0) {
		k_led = platform_device_register_simple("k-led", -1, NULL, 0);
		if (IS_ERR(k_led))
			return PTR_ERR(k_led);
	}
	if (wdtmode != 0) {
		k_wdt = platform_device_register_simple("k-wdt", -1, NULL, 0);
		if (IS_ERR(k_wdt)) {
			if (ledmode != 0)
				platform_device_unregister(k_led);
			return PTR_ERR(k_wdt);
		}
	}
	if (ledmode == 0 && wdtmode == 0)
		return -EINVAL;
	return 0;
}

/* The register's status tested twice: the second test cannot fail it. */
int k_status_twice(bool bound)
{
	int ret;

	ret = platform_driver_register(&k_driver);
	if (ret)
		return ret;
	if (!bound)
		ret = -EBUSY;
	if (ret)
		platform_driver_unregister(&k_driver);
	return ret;
}

/*
 * A PCI probe that registers a platform driver for the module's
 * lifetime and fails on purpose, so that other drivers may bind: module
 * exit unregisters it.
 */
int k_pci_probe(void)
{
	if (platform_driver_register(&k_kept_driver))
		return -EIO;
	return -ENODEV;
}

static int __init k_init(void)
{
	return 0;
}

static void __exit k_exit(void)
{
	platform_driver_unregister(&k_kept_driver);
}

module_init(k_init);
module_exit(k_exit);
