/* Flags whose names say nothing about registration are still found by what they do. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

struct baz {
	struct platform_device *child;
	struct miscdevice misc;
	bool have_child;	/* expect: registration-flag */
	u8 ready;		/* optional: probe carries on */
};

static int baz_probe(struct platform_device *pdev)
{
	struct baz *b = dev_get_drvdata(&pdev->dev);
	int err;

	b->child = platform_device_alloc("baz-child", -1);
	if (!b->child)
		return -ENOMEM;
	err = platform_device_add(b->child);
	if (err) {
		platform_device_put(b->child);
		return err;
	}
	b->have_child = true;

	err = misc_register(&b->misc);
	if (!err)
		b->ready = 1;
	return 0;
}

static void baz_remove(struct platform_device *pdev)
{
	struct baz *b = dev_get_drvdata(&pdev->dev);

	if (b->ready)
		misc_deregister(&b->misc);
	if (!b->have_child)
		return;
	platform_device_unregister(b->child);
}

static struct platform_driver baz_driver = {
	.probe = baz_probe,
	.remove = baz_remove,
	.driver = { .name = "baz" },
};
module_platform_driver(baz_driver);
