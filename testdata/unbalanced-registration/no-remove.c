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

MODULE_LICENSE("GPL");
