/* Helpers of the file that wrap a register or an unregister count as the call, one level. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static struct platform_driver h_driver = { .driver = { .name = "h" } };
static struct platform_driver h2_driver = { .driver = { .name = "h2" } };
static struct miscdevice h_misc = { .name = "h" };

static int h_register(struct platform_driver *drv)
{
	return platform_driver_register(drv);
}

static void h_unregister(struct platform_driver *drv)
{
	platform_driver_unregister(drv);
}

int h_setup(void);

/* Wrapped on both sides: the object comes from the caller's argument. */
static int h_start(void)
{
	int ret;

	ret = h_register(&h_driver);
	if (ret)
		return ret;
	ret = h_register(&h2_driver);	/* expect-clang: unbalanced-registration */
	if (ret)
		goto err;
	ret = h_setup();
	if (ret)
		goto err2;
	return 0;
err2:
	h_unregister(&h2_driver);
err:
	h_unregister(&h_driver);
	return ret;
}

static int __init h_init(void)
{
	int ret = h_start();

	if (ret)
		return ret;
	ret = misc_register(&h_misc);
	if (ret)
		h_unregister(&h_driver);
	return ret;
}

static void __exit h_exit(void)
{
	misc_deregister(&h_misc);
	h_unregister(&h_driver);
}

module_init(h_init);
module_exit(h_exit);

/* A teardown function of the file undoes several things on an error path. */
static void h_teardown(void)
{
	platform_driver_unregister(&h2_driver);
	misc_deregister(&h_misc);
}

int h_start_all(void);
int h_start_all(void)
{
	int ret;

	ret = misc_register(&h_misc);
	if (ret)
		return ret;
	ret = platform_driver_register(&h2_driver);
	if (ret)
		goto err_misc;
	ret = h_setup();
	if (ret) {
		h_teardown();
		return ret;
	}
	return 0;
err_misc:
	misc_deregister(&h_misc);
	return ret;
}

/* The file implements a listed pair: its own unregister undoes the parts. */
struct isa_driver {
	struct device_driver driver;
	struct device *devices;
};

int isa_register_driver(struct isa_driver *isa_driver, unsigned int ndev);
void isa_unregister_driver(struct isa_driver *isa_driver);

void isa_unregister_driver(struct isa_driver *isa_driver)
{
	if (isa_driver->devices)
		device_unregister(isa_driver->devices);
	driver_unregister(&isa_driver->driver);
}

int isa_register_driver(struct isa_driver *isa_driver, unsigned int ndev)
{
	int error;

	error = driver_register(&isa_driver->driver);
	if (error)
		return error;
	if (!ndev)
		error = -ENODEV;
	if (error)
		isa_unregister_driver(isa_driver);
	return error;
}
