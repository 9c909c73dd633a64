/* drvlint-flags: -DMODULE */
/* Flags named 'registered' that record something else, or lack half of the evidence: no finding. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

int request_irq(unsigned int irq, void (*handler)(void), unsigned long flags,
		const char *name, void *dev);
void free_irq(unsigned int irq, void *dev);

static struct miscdevice a_misc = { .name = "a" };
static struct miscdevice b_misc = { .name = "b" };
static struct miscdevice c_misc = { .name = "c" };
static struct platform_driver d_driver = { .driver = { .name = "d" } };
static void handler(void) { }

/* The interrupt handler is 'registered': not a registration of the list. */
static bool irq_registered;
/* A count of clients that registered with us. */
static int registered;
/* Set after the registration, but the unregister does not test it. */
static bool a_registered;
/* Set before the register call, on no success path. */
static bool b_registered;
/* Set only when the registration failed. */
static bool c_failed_registered;
/* Guards the unregister of another object than the one registered. */
static bool d_registered;
static struct platform_driver other_driver = { .driver = { .name = "o" } };

int client_register(void)
{
	registered++;
	return 0;
}

static int __init other_init(void)
{
	int ret;

	if (!request_irq(1, handler, 0, "x", NULL))
		irq_registered = true;

	ret = misc_register(&a_misc);
	if (ret)
		return ret;
	a_registered = true;

	b_registered = true;
	ret = misc_register(&b_misc);

	ret = misc_register(&c_misc);
	if (ret) {
		c_failed_registered = true;
		return ret;	/* expect: unbalanced-registration */
	}

	ret = platform_driver_register(&d_driver);
	if (ret)
		return ret;	/* expect: unbalanced-registration */
	d_registered = true;
	return 0;
}

static void __exit other_exit(void)
{
	if (d_registered)
		platform_driver_unregister(&other_driver);
	if (c_failed_registered)
		misc_deregister(&c_misc);
	misc_deregister(&a_misc);
	if (irq_registered)
		free_irq(1, NULL);
	if (registered)
		pr_info("clients left\n");
	platform_driver_unregister(&d_driver);
}
