/* A member of the driver's private structure set in probe and tested in remove. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/input.h>

struct foo_priv {
	struct miscdevice misc;
	struct input_dev *input;
	bool misc_registered;		/* expect: registration-flag */
	bool input_registered;		/* optional: probe carries on */
};

static struct foo_priv foo_state;

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv = &foo_state;
	int ret;

	priv->misc.minor = MISC_DYNAMIC_MINOR;
	ret = misc_register(&priv->misc);
	if (ret)
		return ret;
	priv->misc_registered = true;

	priv->input = input_allocate_device();
	if (!priv->input)
		return -ENOMEM;	/* expect: unbalanced-registration */
	if (input_register_device(priv->input) == 0)
		priv->input_registered = true;
	dev_set_drvdata(&pdev->dev, priv);
	return 0;
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *p = dev_get_drvdata(&pdev->dev);

	if (p->input_registered)
		input_unregister_device(p->input);
	if (p->misc_registered)
		misc_deregister(&p->misc);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = { .name = "foo" },
};
module_platform_driver(foo_driver);
