/*
 * The flag is set on the success path of a mandatory registration (its
 * failure fails init): after an early exit, in the success branch of a
 * test whose other branch fails, pointer results.
 */
#include <linux/module.h>
#include <linux/err.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/device/class.h>

static struct miscdevice m1 = { .name = "m1" };
static struct miscdevice m2 = { .name = "m2" };
static struct miscdevice m3 = { .name = "m3" };
static struct platform_device *pdev;
static struct class *cls;

static bool m1_ok;		/* expect: registration-flag */
static bool m2_ok;		/* expect: registration-flag */
static bool m3_ok;		/* expect: registration-flag */
static bool pdev_ok;		/* expect: registration-flag */
static bool cls_ok;		/* expect: registration-flag */

static int __init after_init(void)
{
	int ret;

	ret = misc_register(&m1);
	if (unlikely(ret))
		return ret;
	m1_ok = true;

	ret = misc_register(&m2);
	if (ret == 0) {
		pr_info("m2 up\n");
		m2_ok = true;
	} else {
		goto err_m1;
	}

	ret = misc_register(&m3);
	if (ret < 0)
		goto err_m2;
	else
		m3_ok = true;

	pdev = platform_device_register_simple("after", -1, NULL, 0);
	if (IS_ERR(pdev)) {
		ret = PTR_ERR(pdev);
		goto err_m3;
	}
	pdev_ok = true;

	cls = class_create("after");
	if (!IS_ERR(cls)) {
		cls_ok = true;
	} else {
		ret = PTR_ERR(cls);
		goto err_pdev;
	}
	return 0;

err_pdev:
	platform_device_unregister(pdev);
err_m3:
	misc_deregister(&m3);
err_m2:
	misc_deregister(&m2);
err_m1:
	misc_deregister(&m1);
	return ret;
}

static void __exit after_exit(void)
{
	if (cls_ok)
		class_destroy(cls);
	if (pdev_ok)
		platform_device_unregister(pdev);
	if (m3_ok)
		misc_deregister(&m3);
	if (m2_ok)
		misc_deregister(&m2);
	if (m1_ok)
		misc_deregister(&m1);
}

module_init(after_init);
module_exit(after_exit);
