/*
 * A helper that fails may leave what it registered to its caller's
 * cleanup.  Its failing return is then no finding when every caller
 * undoes the object, itself or through its own callers; when one fails
 * without undoing it, the helper's return is the finding.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/input.h>
#include <linux/miscdevice.h>
#include <linux/errno.h>

struct cc_priv {
	struct miscdevice misc;
	struct input_dev *input;
	int irq;
};

int cc_request_irq(struct cc_priv *priv);

/*
 * Leaves priv->misc registered when the input fails: a finding, since
 * one caller (cc_attach()) fails without undoing it.
 */
static int cc_setup(struct cc_priv *priv)
{
	int ret;

	ret = misc_register(&priv->misc);
	if (ret)
		return ret;
	ret = input_register_device(priv->input);
	if (ret)
		return ret;	/* expect-clang: unbalanced-registration */
	return 0;
}

static void cc_teardown(struct cc_priv *priv)
{
	input_unregister_device(priv->input);
	misc_deregister(&priv->misc);
}

/* The caller's cleanup undoes what the helper left: no finding. */
static int cc_probe(struct platform_device *pdev)
{
	struct cc_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = cc_setup(priv);
	if (ret)
		goto err;
	ret = cc_request_irq(priv);
	if (ret)
		goto err;
	return 0;
err:
	cc_teardown(priv);
	return ret;
}

static void cc_remove(struct platform_device *pdev)
{
	cc_teardown(dev_get_drvdata(&pdev->dev));
}

static struct platform_driver cc_driver = {
	.probe = cc_probe,
	.remove = cc_remove,
	.driver = { .name = "cc" },
};

/* A second caller fails without undoing it. */
static int cc_attach(struct cc_priv *priv)
{
	int ret;

	ret = cc_setup(priv);
	if (ret)
		return ret;
	ret = cc_request_irq(priv);
	if (ret)
		goto err;
	return 0;
err:
	cc_teardown(priv);
	return ret;
}

/* A helper whose only caller ignores how it failed: the helper's own. */
static int cc_setup_alone(struct cc_priv *priv)
{
	int ret;

	ret = misc_register(&priv->misc);
	if (ret)
		return ret;
	ret = cc_request_irq(priv);
	if (ret)
		return ret;	/* expect-clang: unbalanced-registration */
	return 0;
}

/* Left two callers up: cc_mid() fails with it, cc_top() undoes it. */
static int cc_setup_deep(struct cc_priv *priv)
{
	int ret;

	ret = misc_register(&priv->misc);
	if (ret)
		return ret;
	if (cc_request_irq(priv))
		return -EIO;
	return 0;
}

static int cc_mid(struct cc_priv *priv)
{
	int ret = cc_setup_deep(priv);

	if (ret)
		return ret;
	return 0;
}

int cc_top(struct cc_priv *priv)
{
	int ret = cc_mid(priv);

	if (ret)
		cc_teardown(priv);
	return ret;
}

/* Its caller's returns say nothing of failure: the helpers judge. */
int cc_bind(struct cc_priv *priv)
{
	return cc_attach(priv) ?: cc_setup_alone(priv);
}

/*
 * Registered through a local pointing at a member of the parameter
 * (drivers/media/test-drivers/vivid/vivid-core.c: 'vfd =
 * &dev->radio_rx_dev'): the caller reaches it by the member and undoes
 * it on its failure.  Neither engine summarises the local under the
 * member's name for the caller: both report the return (a limit, in
 * the rule document).  Naming it so lost a real bug on Debian's tree
 * (drivers/net/ethernet/cavium/liquidio/lio_main.c), whose caller's
 * teardown does not reach the devices a later port left.
 */
struct cc_nodes {
	struct miscdevice rx;
	struct miscdevice tx;
};

static int cc_create_nodes(struct cc_nodes *n)
{
	struct miscdevice *m;
	int ret;

	m = &n->rx;
	ret = misc_register(m);
	if (ret)
		return ret;
	if (cc_request_irq(NULL))
		return -EIO;		/* expect: unbalanced-registration */
	return misc_register(&n->tx);
}

int cc_create_instance(struct cc_nodes *n)
{
	int ret;

	ret = cc_create_nodes(n);
	if (ret)
		goto unreg;
	return 0;
unreg:
	misc_deregister(&n->tx);
	misc_deregister(&n->rx);
	return ret;
}

/* A local reused for each node names none of them for the callers. */
static int cc_create_reused(struct cc_nodes *n)
{
	struct miscdevice *m;
	int ret;

	m = &n->rx;
	ret = misc_register(m);
	if (ret)
		return ret;
	m = &n->tx;
	if (cc_request_irq(NULL))
		return -EIO;		/* expect: unbalanced-registration */
	return misc_register(m);
}

int cc_create_reused_instance(struct cc_nodes *n)
{
	int ret = cc_create_reused(n);

	if (ret)
		misc_deregister(&n->tx);
	return ret;
}

static int __init cc_init(void)
{
	return platform_driver_register(&cc_driver);
}
module_init(cc_init);

static void __exit cc_exit(void)
{
	platform_driver_unregister(&cc_driver);
}
module_exit(cc_exit);
MODULE_LICENSE("GPL");
