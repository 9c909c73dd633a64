/*
 * A major kept in another variable than the register's result: module
 * exit unregisters it under that name.  No finding from either engine.
 */
#include <linux/module.h>
#include <linux/fs.h>

/* A major kept in another variable than the register's result. */
static int u_chr_major;

static int __init u_chr_init(void)
{
	int ret;

	ret = register_chrdev(0, "u-chr", NULL);
	if (ret < 0)
		return ret;
	u_chr_major = ret;
	return 0;
}

static void __exit u_chr_exit(void)
{
	unregister_chrdev(u_chr_major, "u-chr");
}

module_init(u_chr_init);
module_exit(u_chr_exit);
MODULE_LICENSE("GPL");
