/*
 * Driver-local wrappers compose: a function that registers through a
 * wrapper of a wrapper is a register function for its callers, and one
 * that unregisters through one is its unregister.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/errno.h>

struct w_adapter {
	struct miscdevice misc;
	int irq;
};

int w_alloc_irq(struct w_adapter *a);

static int w_register_misc(struct miscdevice *m)
{
	return misc_register(m);
}

/* A wrapper of the wrapper, on a field reachable from its parameter. */
static int w_register_adapter(struct w_adapter *a)
{
	return w_register_misc(&a->misc);
}

static void w_unregister_misc(struct miscdevice *m)
{
	misc_deregister(m);
}

static void w_unregister_adapter(struct w_adapter *a)
{
	w_unregister_misc(&a->misc);
}

/* The adapter stays registered when the interrupt cannot be had. */
static int w_init_one(struct w_adapter *a)
{
	int ret;

	ret = w_register_adapter(a);
	if (ret)
		return ret;
	ret = w_alloc_irq(a);
	if (ret)
		return ret;	/* expect-clang: unbalanced-registration */
	return 0;
}

/* The same, unwound through the composed unregister: no finding. */
static int w_init_two(struct w_adapter *a)
{
	int ret;

	ret = w_register_adapter(a);
	if (ret)
		return ret;
	ret = w_alloc_irq(a);
	if (ret) {
		w_unregister_adapter(a);
		return ret;
	}
	return 0;
}

int w_start(struct w_adapter *a, struct w_adapter *b)
{
	int ret = w_init_one(a);

	if (ret)
		return ret;
	ret = w_init_two(b);
	if (ret)
		w_unregister_adapter(a);
	return ret;
}
