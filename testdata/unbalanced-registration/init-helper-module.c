/* drvlint-flags: -DMODULE */
/*
 * builtin-init.c's __init helper in a unit built as a module: when the
 * module's init fails the module goes, and the misc device left
 * registered points into freed memory.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>

static struct miscdevice ih_kbd_misc = { .name = "ih-kbd" };

int ih_setup_hw(void);

int __init ih_kbd_init(void)
{
	int ret = misc_register(&ih_kbd_misc);

	if (ret)
		return ret;
	ret = ih_setup_hw();
	if (ret)
		return ret;		/* expect-clang: unbalanced-registration */
	return 0;
}
