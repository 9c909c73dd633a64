/* drvlint-flags: -DMODULE */
/* As a module: module_init() and module_exit() leave __ADDRESSABLE() variables for their init_module() and cleanup_module() aliases, and so does EXPORT_SYMBOL(); the init is the one __inittest() returns. */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/miscdevice.h>

/* The kernel's forms: include/linux/export.h and module.h. */
#define __ADDRESSABLE(sym)						\
	static void *__used __UNIQUE_ID(__PASTE(__addressable_, sym)) =	\
		(void *)&sym;
#undef EXPORT_SYMBOL
#define EXPORT_SYMBOL(sym)	extern typeof(sym) sym; __ADDRESSABLE(sym)
#undef module_init
#define module_init(initfn)						\
	static inline initcall_t __maybe_unused __inittest(void)	\
	{ return initfn; }						\
	int init_module(void) __attribute__((alias(#initfn)));		\
	__ADDRESSABLE(init_module)
#undef module_exit
#define module_exit(exitfn)						\
	static inline exitcall_t __maybe_unused __exittest(void)	\
	{ return exitfn; }						\
	void cleanup_module(void) __attribute__((alias(#exitfn)));	\
	__ADDRESSABLE(cleanup_module)
static struct device_driver x_driver = { .name = "x" };
static struct miscdevice x_misc = { .name = "x" };
static bool x_registered;	/* lazy: no registration-flag finding */
static bool x_ready;

int x_setup(void);

/* Registered once, by whichever of x_init() and x_start() comes first. */
static int x_register_driver(void)
{
	int ret;

	if (x_registered)
		return 0;
	ret = driver_register(&x_driver);
	if (!ret)
		x_registered = true;
	return ret;
}

/* Failing, it leaves x_driver registered until module exit. */
int x_start(void)
{
	int ret;

	ret = x_register_driver();
	if (ret)
		return ret;
	if (x_ready)
		return 0;
	ret = x_setup();
	if (ret)
		return ret;
	x_ready = true;
	return 0;
}
EXPORT_SYMBOL(x_start);

static int __init x_init(void)
{
	int ret;

	ret = x_register_driver();
	if (ret)
		return ret;
	ret = misc_register(&x_misc);	/* expect: unbalanced-registration */
	if (ret)
		goto err_driver;
	return 0;

err_driver:
	driver_unregister(&x_driver);
	x_registered = false;
	return ret;
}

static void __exit x_exit(void)
{
	if (x_registered)
		driver_unregister(&x_driver);
}

module_init(x_init);
module_exit(x_exit);
