/* Flags that are bit-fields of a state word, for a driver-model and a subsystem registration. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/miscdevice.h>

struct bar_priv {
	struct net_device *ndev;
	struct miscdevice misc;
	unsigned int irq_on:1;
	unsigned int netdev_up:1;	/* expect: registration-flag */
	unsigned int misc_up:1;		/* expect: registration-flag */
	unsigned int flags:5;
};

static int bar_probe(struct platform_device *pdev)
{
	struct bar_priv *priv = dev_get_drvdata(&pdev->dev);
	int err;

	err = register_netdev(priv->ndev);
	if (err)
		return err;
	priv->netdev_up = 1;
	err = misc_register(&priv->misc);
	if (err)
		goto out;
	priv->misc_up = 1;
	return 0;
out:
	if (priv->netdev_up)
		unregister_netdev(priv->ndev);
	return err;
}

static void bar_remove(struct platform_device *pdev)
{
	struct bar_priv *priv = dev_get_drvdata(&pdev->dev);

	if (priv->misc_up)
		misc_deregister(&priv->misc);
	if (priv->netdev_up)
		unregister_netdev(priv->ndev);
}

static struct platform_driver bar_driver = {
	.probe = bar_probe,
	.remove = bar_remove,
	.driver = { .name = "bar" },
};
module_platform_driver(bar_driver);
