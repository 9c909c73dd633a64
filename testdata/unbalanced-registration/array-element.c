/* Probe and remove: an element of a global array, reached in probe through a pointer to it and in remove by its index, is one object. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/errno.h>

struct v_subdev {
	const char *name;
	struct platform_device *platdev;
};

static struct v_subdev v_subdevs[] = {
	{ .name = "v-gpio" },
	{ .name = "v-i2c" },
};

/* As drivers/video/fbdev/via/via-core.c: remove tears down what probe added. */
static int v_create_subdev(struct device *parent, struct v_subdev *info)
{
	int ret;

	info->platdev = platform_device_alloc(info->name, -1);
	if (!info->platdev)
		return -ENOMEM;
	info->platdev->dev.parent = parent;
	ret = platform_device_add(info->platdev);
	if (ret) {
		platform_device_put(info->platdev);
		info->platdev = NULL;
	}
	return ret;
}

static int v_probe(struct platform_device *pdev)
{
	for (int i = 0; i < 2; i++)
		v_create_subdev(&pdev->dev, v_subdevs + i);
	return 0;
}

static void v_remove(struct platform_device *pdev)
{
	for (int i = 0; i < 2; i++)
		if (v_subdevs[i].platdev)
			platform_device_unregister(v_subdevs[i].platdev);
}

static struct platform_driver v_driver = {
	.probe = v_probe,
	.remove = v_remove,
	.driver = { .name = "v" },
};

/* The same table added by a second driver whose remove forgets it. */
static int w_create_subdev(struct device *parent, struct v_subdev *info)
{
	info->platdev = platform_device_alloc(info->name, -1);
	if (!info->platdev)
		return -ENOMEM;
	info->platdev->dev.parent = parent;
	return platform_device_add(info->platdev);
}

static int w_probe(struct platform_device *pdev)
{
	return w_create_subdev(&pdev->dev, &v_subdevs[0]);	/* expect-clang: unbalanced-registration */
}

static void w_remove(struct platform_device *pdev)
{
}

static struct platform_driver w_driver = {
	.probe = w_probe,
	.remove = w_remove,
	.driver = { .name = "w" },
};

static int __init v_init(void)
{
	int ret;

	ret = platform_driver_register(&v_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&w_driver);
	if (ret)
		platform_driver_unregister(&v_driver);
	return ret;
}

static void __exit v_exit(void)
{
	platform_driver_unregister(&w_driver);
	platform_driver_unregister(&v_driver);
}

module_init(v_init);
module_exit(v_exit);
