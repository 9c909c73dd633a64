/* Ownership handed over: returned to the caller, stored for later, or given to a release callback. No finding. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/err.h>
#include <linux/errno.h>

int o_setup(void);
int o_add_action(void (*fn)(void *), void *data);

static struct platform_device *o_pdev;
static struct miscdevice o_misc = { .name = "o" };

/* The object is the function's result: the caller owns it. */
static struct platform_device *o_create(void)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple("o", -1, NULL, 0);
	if (IS_ERR(pdev))
		return pdev;
	return pdev;
}

/* Stored in a longer-lived place, released by whoever reads it there. */
static int o_store(void)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple("o", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	o_pdev = pdev;
	if (o_setup())
		return -EIO;
	return 0;
}

static void o_release(void *data)
{
	misc_deregister(data);
}

/* A release callback handed to a managed action undoes the register. */
static int o_action(void)
{
	int ret;

	ret = misc_register(&o_misc);
	if (ret)
		return ret;
	ret = o_add_action(o_release, &o_misc);
	if (ret)
		return ret;
	return o_setup();
}

static struct platform_device *o_created;

static int __init o_init(void)
{
	struct platform_device *p = o_create();

	if (IS_ERR(p))
		return PTR_ERR(p);
	o_created = p;
	return o_store() ?: o_action();
}
module_init(o_init);
