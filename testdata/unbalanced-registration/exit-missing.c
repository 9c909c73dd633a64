/* An exit that forgets one of several objects, including a class from class_create() and a device created at init. */
#include <linux/module.h>
#include <linux/device/class.h>
#include <linux/fs.h>
#include <linux/err.h>

static struct class *x_class;
static int x_major;
static const struct file_operations x_fops;

static int __init x_init(void)
{
	x_major = register_chrdev(0, "x", &x_fops);
	if (x_major < 0)
		return x_major;
	x_class = class_create("x");	/* expect: unbalanced-registration */
	if (IS_ERR(x_class)) {
		unregister_chrdev(x_major, "x");
		return PTR_ERR(x_class);
	}
	return 0;
}

static void __exit x_exit(void)
{
	unregister_chrdev(x_major, "x");
}

module_init(x_init);
module_exit(x_exit);
