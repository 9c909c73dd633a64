/* Objects placed in a section of their own are left alone. */
#include <linux/device.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/sysfs.h>

#define __read_mostly	__section(".data..read_mostly")

/* Read-only after boot already. */
static struct class se_late_class __ro_after_init = {
	.name = "se-late",
};

/* const data in a writable section is a section type conflict. */
static struct class se_hot_class __read_mostly = {
	.name = "se-hot",
};

/* Coccinelle cannot tell that class_register() takes a const pointer. */
static struct class se_plain_class __maybe_unused = {	/* expect-clang: const-driver-struct */
	.name = "se-plain",
};

static int __init se_init(void)
{
	return class_register(&se_late_class) + class_register(&se_hot_class) +
	       class_register(&se_plain_class);
}
module_init(se_init);
