/*
 * Nothing undoes it: a bus driver without a remove callback leaves what
 * its probe registered on every unbind, and the next bind registers it
 * again.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/err.h>

struct n_priv {
	struct miscdevice misc;
};

int n_add_action(void (*fn)(void *), void *data);

static int n_probe(struct platform_device *pdev)
{
	struct n_priv *priv = dev_get_drvdata(&pdev->dev);

	return misc_register(&priv->misc);	/* expect-clang: unbalanced-registration */
}

static struct platform_driver n_driver = {
	.probe = n_probe,
	.driver = { .name = "n" },
};
module_platform_driver(n_driver);

/* The same probe in a driver that cannot be unbound through sysfs. */
static int k_probe(struct platform_device *pdev)
{
	struct n_priv *priv = dev_get_drvdata(&pdev->dev);

	return misc_register(&priv->misc);
}

static struct platform_driver k_driver = {
	.probe = k_probe,
	.driver = { .name = "k", .suppress_bind_attrs = true },
};
module_platform_driver(k_driver);

/* Handed to a release callback: undone when the device goes. */
static void h_unregister(void *data)
{
	misc_deregister(data);
}

static int h_probe(struct platform_device *pdev)
{
	struct n_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = misc_register(&priv->misc);
	if (ret)
		return ret;
	return n_add_action(h_unregister, &priv->misc);
}

static struct platform_driver h_driver = {
	.probe = h_probe,
	.driver = { .name = "h" },
};
module_platform_driver(h_driver);

/*
 * remove_new, a member of an anonymous union as in struct
 * platform_driver of 6.12: the driver has a remove callback.
 */
struct u_bus_driver {
	int (*probe)(struct platform_device *);
	union {
		void (*remove)(struct platform_device *);
		void (*remove_new)(struct platform_device *);
	};
	struct device_driver driver;
};

int u_bus_register(struct u_bus_driver *drv);

static int u_probe(struct platform_device *pdev)
{
	struct n_priv *priv = dev_get_drvdata(&pdev->dev);

	return misc_register(&priv->misc);
}

static void u_remove(struct platform_device *pdev)
{
	struct n_priv *priv = dev_get_drvdata(&pdev->dev);

	misc_deregister(&priv->misc);
}

static struct u_bus_driver u_driver = {
	.probe = u_probe,
	.remove_new = u_remove,
	.driver = { .name = "u" },
};

/* The same, with a remove that forgets the device. */
static int v_probe(struct platform_device *pdev)
{
	struct n_priv *priv = dev_get_drvdata(&pdev->dev);

	return misc_register(&priv->misc);	/* expect-clang: unbalanced-registration */
}

static void v_remove(struct platform_device *pdev)
{
}

static struct u_bus_driver v_driver = {
	.probe = v_probe,
	.remove_new = v_remove,
	.driver = { .name = "v" },
};

static int __init u_init(void)
{
	return u_bus_register(&u_driver) ?: u_bus_register(&v_driver);
}
module_init(u_init);

MODULE_LICENSE("GPL");
