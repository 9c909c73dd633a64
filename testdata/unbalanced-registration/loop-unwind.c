/*
 * Unwinding that both engines follow or leave alone: a loop that
 * unregisters what a loop registered, and platform_device_del() then
 * platform_device_put(), which is platform_device_unregister() spelled
 * out (drivers/media/platform/ti/davinci/vpif.c).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/device/class.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct platform_device *lu_pdev[4];
static struct platform_device lu_capture = { .name = "lu-capture" };

int lu_check(void);

static int lu_add_all(void)
{
	int i, ret;

	for (i = 0; i < 4; i++) {
		lu_pdev[i] = platform_device_register_simple("lu", i, NULL, 0);
		if (IS_ERR(lu_pdev[i])) {
			ret = PTR_ERR(lu_pdev[i]);
			goto err;
		}
	}
	return 0;
err:
	while (--i >= 0)
		platform_device_unregister(lu_pdev[i]);
	return ret;
}

static int lu_add_capture(void)
{
	int ret;

	ret = platform_device_register(&lu_capture);
	if (ret)
		goto err_put;
	ret = lu_check();
	if (ret)
		goto err_del;
	return 0;

err_del:
	platform_device_del(&lu_capture);
err_put:
	platform_device_put(&lu_capture);
	return ret;
}

#define LU_DEVT(ma, mi) (((ma) << 20) | (mi))

static const struct class lu_class = { .name = "lu" };

/* Device nodes made in a loop and destroyed in a loop (xillybus). */
static int lu_nodes(int major, int n)
{
	struct device *device;
	int i, rc;

	for (i = 0; i < n; i++) {
		device = device_create(&lu_class, NULL, LU_DEVT(major, i), NULL,
				       "lu%d", i);
		if (IS_ERR(device)) {
			rc = -ENODEV;
			goto unroll;
		}
	}
	if (lu_check()) {
		rc = -ENODEV;
		goto unroll;
	}
	return 0;

unroll:
	for (i--; i >= 0; i--)
		device_destroy(&lu_class, LU_DEVT(major, i));
	return rc;
}

static int __init lu_init(void)
{
	return lu_add_all() ?: lu_add_capture() ?: lu_nodes(10, 4);
}
module_init(lu_init);
MODULE_LICENSE("GPL");
