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

/*
 * An __init helper that another file's init calls, in a file built in
 * with no exit (drivers/tty/vt/keyboard.c's kbd_init() under vty_init()):
 * boot code as well.  init-helper-module.c is the same file as a module.
 */
static struct miscdevice bi_kbd_misc = { .name = "bi-kbd" };

int __init bi_kbd_init(void)
{
	int ret = misc_register(&bi_kbd_misc);

	if (ret)
		return ret;
	ret = bi_setup_hw();
	if (ret)
		return ret;
	return 0;
}
