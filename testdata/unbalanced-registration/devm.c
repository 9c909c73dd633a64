/* A devm_ registration is undone by the driver core when the driver detaches: undoing it by hand does it twice. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/err.h>
#include <linux/errno.h>

/* Stand-ins for include/linux/leds.h. */
struct led_classdev {
	const char *name;
};
int led_classdev_register(struct device *parent, struct led_classdev *led_cdev);
int devm_led_classdev_register(struct device *parent,
			       struct led_classdev *led_cdev);
void led_classdev_unregister(struct led_classdev *led_cdev);

struct m_priv {
	struct led_classdev led;
	struct led_classdev aux;
};

int m_setup(void);

/* Probe undoes a managed registration on its error path... */
static int m_probe(struct platform_device *pdev)
{
	struct m_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = devm_led_classdev_register(&pdev->dev, &priv->led);
	if (ret)
		return ret;
	ret = led_classdev_register(&pdev->dev, &priv->aux);
	if (ret)
		return ret;
	ret = m_setup();
	if (ret) {
		led_classdev_unregister(&priv->aux);
		led_classdev_unregister(&priv->led);	/* expect-clang: unbalanced-registration */
		return ret;
	}
	return 0;
}

/* ... and remove undoes it again; the unmanaged one is remove's to undo. */
static void m_remove(struct platform_device *pdev)
{
	struct m_priv *data = dev_get_drvdata(&pdev->dev);

	led_classdev_unregister(&data->aux);
	led_classdev_unregister(&data->led);	/* expect-clang: unbalanced-registration */
}

static struct platform_driver m_driver = {
	.probe = m_probe,
	.remove = m_remove,
	.driver = { .name = "m" },
};
module_platform_driver(m_driver);

/* All managed, nothing undone by hand: no finding. */
static int n_probe(struct platform_device *pdev)
{
	struct m_priv *priv = dev_get_drvdata(&pdev->dev);
	int ret;

	ret = devm_led_classdev_register(&pdev->dev, &priv->led);
	if (ret)
		return ret;
	return devm_led_classdev_register(&pdev->dev, &priv->aux);
}

static void n_remove(struct platform_device *pdev)
{
	(void)pdev;
}

static struct platform_driver n_driver = {
	.probe = n_probe,
	.remove = n_remove,
	.driver = { .name = "n" },
};
module_platform_driver(n_driver);
