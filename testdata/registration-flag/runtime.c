/*
 * Flags that record a registration made and undone at run time: a port
 * that comes and goes with the hardware, an interface other modules call
 * (and may call again), a notifier set up on first use.  The flag is the
 * state itself: not reported.  And a flag whose registration probe makes
 * unconditionally, but which a run-time path also clears.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/netdevice.h>
#include <linux/sysfs.h>

struct rt_port {
	struct platform_device *pdev;
	bool present;
};

static struct rt_port rt_ports[4];

/* Called from the hot-plug interrupt's thread when a port appears. */
static int rt_port_arrived(int i)
{
	int ret;

	rt_ports[i].pdev = platform_device_alloc("rt-port", i);
	if (!rt_ports[i].pdev)
		return -ENOMEM;
	ret = platform_device_add(rt_ports[i].pdev);
	if (ret) {
		platform_device_put(rt_ports[i].pdev);
		return ret;
	}
	rt_ports[i].present = true;
	return 0;
}

/* ... and when it goes. */
static void rt_port_left(int i)
{
	if (!rt_ports[i].present)
		return;
	platform_device_unregister(rt_ports[i].pdev);
	rt_ports[i].present = false;
}

void rt_hotplug_event(int i, bool up)
{
	if (up)
		rt_port_arrived(i);
	else
		rt_port_left(i);
}

/* An interface of the module that its users call, and may call again. */
static struct miscdevice rt_ctl = { .name = "rt-ctl" };
static bool rt_ctl_registered;

int rt_ctl_enable(void)
{
	int ret = misc_register(&rt_ctl);

	if (ret)
		return ret;
	rt_ctl_registered = true;
	return 0;
}
EXPORT_SYMBOL_GPL(rt_ctl_enable);

void rt_ctl_disable(void)
{
	if (rt_ctl_registered)
		misc_deregister(&rt_ctl);
	rt_ctl_registered = false;
}
EXPORT_SYMBOL_GPL(rt_ctl_disable);

/* Set up on first use. */
static struct notifier_block rt_nb;
static bool rt_nb_ready;

int rt_first_use(void)
{
	int ret;

	if (rt_nb_ready)
		return 0;
	ret = register_netdevice_notifier(&rt_nb);
	if (ret)
		return ret;
	rt_nb_ready = true;
	return 0;
}

/* Mandatory in probe, but a sysfs store undoes it at run time. */
struct rt_priv {
	struct miscdevice misc;
	bool misc_on;
};

static struct rt_priv rt_state;

static int rt_probe(struct platform_device *pdev)
{
	int ret = misc_register(&rt_state.misc);

	if (ret)
		return ret;
	rt_state.misc_on = true;
	return 0;
}

ssize_t rt_off_store(struct device *dev, struct device_attribute *attr,
		     const char *buf, size_t count)
{
	if (rt_state.misc_on) {
		misc_deregister(&rt_state.misc);
		rt_state.misc_on = false;
	}
	return count;
}

static void rt_remove(struct platform_device *pdev)
{
	if (rt_state.misc_on)
		misc_deregister(&rt_state.misc);
}

static struct platform_driver rt_driver = {
	.probe = rt_probe,
	.remove = rt_remove,
	.driver = { .name = "rt" },
};

void __exit rt_exit(void)
{
	int i;

	for (i = 0; i < 4; i++)
		rt_port_left(i);
	rt_ctl_disable();
	if (rt_nb_ready)
		unregister_netdevice_notifier(&rt_nb);
	platform_driver_unregister(&rt_driver);
}

int __init rt_init(void)
{
	return platform_driver_register(&rt_driver);
}

/*
 * An exit function that init also calls to unwind its own failure: there
 * the flag is false when the registration failed, so it is not redundant.
 */
static struct platform_driver rt_two_driver = { .driver = { .name = "rt2" } };
static bool rt_two_registered;

int rt_two_setup_hw(int stage);

static void rt_two_exit(void)
{
	if (rt_two_registered)
		platform_driver_unregister(&rt_two_driver);
}

static int __init rt_two_init(void)
{
	int ret;

	ret = rt_two_setup_hw(0);
	if (ret) {
		rt_two_exit();
		return ret;
	}
	ret = platform_driver_register(&rt_two_driver);
	if (ret)
		return ret;
	rt_two_registered = true;
	ret = rt_two_setup_hw(1);
	if (ret) {
		platform_driver_unregister(&rt_two_driver);
		return ret;
	}
	return 0;
}

module_init(rt_two_init);
module_exit(rt_two_exit);
