/* drvlint-libclang: 17 */
/* Operators written inside macros: WRITE_ONCE() writes, READ_ONCE() reads (libclang 17 names them). */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/sysfs.h>

static struct class mo_written_class = {
	.name = "mo-written",
};

static struct class mo_read_class = {	/* expect: const-driver-struct */
	.name = "mo-read",
};

static int __init mo_init(void)
{
	WRITE_ONCE(mo_written_class.name, "changed");
	return READ_ONCE(mo_read_class.name) != NULL;
}
module_init(mo_init);
