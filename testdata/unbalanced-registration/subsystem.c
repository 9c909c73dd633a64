/*
 * Subsystem pairs (input here) are reported as notes; an object from a
 * managed allocation that the driver core unregisters (input) needs no
 * unregister; one whose allocator frees only the memory (IIO) does.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/input.h>
#include <linux/err.h>
#include <linux/errno.h>

int s_setup(struct platform_device *pdev);

static int s_probe(struct platform_device *pdev)
{
	struct input_dev *input = input_allocate_device();
	int ret;

	if (!input)
		return -ENOMEM;
	ret = input_register_device(input);
	if (ret) {
		input_free_device(input);
		return ret;
	}
	ret = s_setup(pdev);
	if (ret)
		return ret;			/* expect-clang: unbalanced-registration */
	dev_set_drvdata(&pdev->dev, input);
	return 0;
}

static void s_remove(struct platform_device *pdev)
{
	input_unregister_device(dev_get_drvdata(&pdev->dev));
}

static struct platform_driver s_driver = {
	.probe = s_probe,
	.remove = s_remove,
	.driver = { .name = "s" },
};
module_platform_driver(s_driver);

/* Managed: devm_input_allocate_device() unregisters it on unbind. */
static int m_probe(struct platform_device *pdev)
{
	struct input_dev *input = devm_input_allocate_device(&pdev->dev);
	int ret;

	if (!input)
		return -ENOMEM;
	ret = input_register_device(input);
	if (ret)
		return ret;
	return s_setup(pdev);
}

static struct platform_driver m_driver = {
	.probe = m_probe,
	.driver = { .name = "m" },
};
module_platform_driver(m_driver);

/* Managed, and copied into a member before it is registered. */
struct c_priv {
	struct input_dev *input;
};

static int c_probe(struct platform_device *pdev)
{
	struct c_priv *priv = dev_get_drvdata(&pdev->dev);
	struct input_dev *input;
	int ret;

	input = devm_input_allocate_device(&pdev->dev);
	if (!input)
		return -ENOMEM;
	priv->input = input;
	ret = input_register_device(priv->input);
	if (ret)
		return ret;
	return s_setup(pdev);
}

static void c_remove(struct platform_device *pdev)
{
}

static struct platform_driver c_driver = {
	.probe = c_probe,
	.remove = c_remove,
	.driver = { .name = "c" },
};
module_platform_driver(c_driver);



/*
 * Most devm_ allocators free the memory only: an IIO device from
 * devm_iio_device_alloc() is still the driver's to unregister.
 */
struct iio_dev {
	int modes;
};

struct iio_dev *devm_iio_device_alloc(struct device *parent, int sizeof_priv);
int __iio_device_register(struct iio_dev *indio_dev, struct module *owner);
void iio_device_unregister(struct iio_dev *indio_dev);

static int d_probe(struct platform_device *pdev)
{
	struct iio_dev *indio = devm_iio_device_alloc(&pdev->dev, 0);

	if (!indio)
		return -ENOMEM;
	return __iio_device_register(indio, THIS_MODULE);	/* expect-clang: unbalanced-registration */
}

static void d_remove(struct platform_device *pdev)
{
}

static struct platform_driver d_driver = {
	.probe = d_probe,
	.remove = d_remove,
	.driver = { .name = "d" },
};
module_platform_driver(d_driver);
MODULE_LICENSE("GPL");
