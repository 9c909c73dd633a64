/*
 * Built-in init code of a file with no exit (an initcall of code that is
 * never a module): what it registers is there for good, by design, even
 * when a later step fails (drivers/char/mem.c, arch/x86/kernel/pcspeaker.c).
 */
#include <linux/init.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/err.h>
#include <linux/errno.h>

static struct miscdevice bi_misc = { .name = "bi" };

int bi_setup_hw(void);

static int __init bi_add_device(void)
{
	struct platform_device *pd;

	pd = platform_device_register_simple("bi", -1, NULL, 0);
	return PTR_ERR_OR_ZERO(pd);
}
device_initcall(bi_add_device);

static int __init bi_chr_init(void)
{
	int ret;

	ret = misc_register(&bi_misc);
	if (ret)
		return ret;
	return bi_setup_hw();
}
subsys_initcall(bi_chr_init);
