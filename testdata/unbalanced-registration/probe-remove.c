/* Probe and remove: a registration in probe needs its unregister in remove. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/err.h>

struct p_priv {
	struct miscdevice misc;
	struct platform_device *child;
};

static int p_probe(struct platform_device *pdev)
{
	struct p_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = misc_register(&priv->misc);	/* expect-clang: unbalanced-registration */
	if (ret)
		return ret;
	priv->child = platform_device_register_simple("p-child", -1, NULL, 0);
	if (IS_ERR(priv->child)) {
		misc_deregister(&priv->misc);
		return PTR_ERR(priv->child);
	}
	return 0;
}

static void p_remove(struct platform_device *pdev)
{
	struct p_priv *data = dev_get_drvdata(&pdev->dev);

	platform_device_unregister(data->child);
}

static struct platform_driver p_driver = {
	.probe = p_probe,
	.remove = p_remove,
	.driver = { .name = "p" },
};
module_platform_driver(p_driver);

/* The same driver, balanced: remove names the member through another local. */
static int q_probe(struct platform_device *pdev)
{
	struct p_priv *priv = dev_get_drvdata(&pdev->dev);

	return misc_register(&priv->misc);
}

static void q_remove(struct platform_device *pdev)
{
	struct p_priv *other = dev_get_drvdata(&pdev->dev);

	misc_deregister(&other->misc);
}

static struct platform_driver q_driver = {
	.probe = q_probe,
	.remove = q_remove,
	.driver = { .name = "q" },
};
module_platform_driver(q_driver);
