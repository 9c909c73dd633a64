/*
 * Lost handles: a register that returns the object, kept in a local
 * that goes out of scope -- even on a path returning 0 -- without being
 * stored, handed over or unregistered.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/err.h>
#include <linux/errno.h>

int l_keep(struct platform_device *pdev);

static struct platform_device *l_kept;

/* Registered, tested, and forgotten on the success path. */
static int l_add_child(void)
{
	struct platform_device *child;

	child = platform_device_register_simple("l-child", -1, NULL, 0);
	if (IS_ERR(child))
		return PTR_ERR(child);
	pr_info("child added\n");
	return 0;				/* expect-clang: unbalanced-registration */
}

/* The same, in a function returning nothing. */
static void l_add_quiet(void)
{
	struct platform_device *child;

	child = platform_device_register_simple("l-quiet", -1, NULL, 0);
	if (IS_ERR(child))
		pr_err("no child\n");
}						/* expect-clang: unbalanced-registration */

/* Stored: exit unregisters it. */
static int l_store(void)
{
	struct platform_device *child;

	child = platform_device_register_simple("l-store", -1, NULL, 0);
	if (IS_ERR(child))
		return PTR_ERR(child);
	l_kept = child;
	return 0;
}

/* Handed to a call that may keep it. */
static int l_hand(void)
{
	struct platform_device *child;

	child = platform_device_register_simple("l-hand", -1, NULL, 0);
	if (IS_ERR(child))
		return PTR_ERR(child);
	return l_keep(child);
}

/* Returned to the caller. */
static struct platform_device *l_make(void)
{
	struct platform_device *child;

	child = platform_device_register_simple("l-make", -1, NULL, 0);
	return child;
}

static int __init l_init(void)
{
	int ret;

	ret = l_add_child();
	if (ret)
		return ret;
	l_add_quiet();
	ret = l_store();
	if (ret)
		return ret;
	ret = l_hand();
	if (ret)
		return ret;
	return IS_ERR(l_make()) ? -ENODEV : 0;
}

static void __exit l_exit(void)
{
	platform_device_unregister(l_kept);
}

module_init(l_init);
module_exit(l_exit);
MODULE_LICENSE("GPL");
