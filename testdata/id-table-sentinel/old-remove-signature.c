/* drvlint-flags: -Wno-error=incompatible-function-pointer-types */
/*
 * A driver written for kernels before 6.11, whose platform remove()
 * returned int.  clang rejects the assignment (an error by default), the
 * build that passes -Wno-error=incompatible-function-pointer-types (as
 * out-of-tree modules do through KCFLAGS) accepts it: so must drvlint,
 * and the table's missing sentinel is still found.
 */
#include <linux/module.h>
#include <linux/platform_device.h>

static const struct platform_device_id ors_ids[] = {	/* expect: id-table-sentinel */
	{ .name = "ors-a" },
	{ .name = "ors-b" },
};

static int ors_probe(struct platform_device *pdev)
{
	return 0;
}

static int ors_remove(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver ors_driver = {
	.probe		= ors_probe,
	.remove		= ors_remove,
	.id_table	= ors_ids,
	.driver		= {
		.name	= "ors",
	},
};
module_platform_driver(ors_driver);
