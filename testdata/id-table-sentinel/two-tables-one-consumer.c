/* Several tables, several consumers: each table that needs a sentinel and lacks one is reported once. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/i2c.h>
#include <linux/of.h>

/* Of two tables of one type only the consumed one needs a sentinel. */
static const struct pci_device_id tt_driver_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x8086, 0x2922) },
	{ PCI_DEVICE(0x8086, 0x2829) },
};

static const struct pci_device_id tt_quirk_ids[] = {
	{ PCI_DEVICE(0x8086, 0x2829) },
};

static int tt_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	if (pdev->device == tt_quirk_ids[0].device)
		dev_info(&pdev->dev, "quirk\n");
	return 0;
}

static struct pci_driver tt_pci_driver = {
	.name		= "tt_pci",
	.id_table	= tt_driver_ids,
	.probe		= tt_probe,
};

/* Exported, stored in a driver and passed to a matcher: still one finding. */
static const struct i2c_device_id tt_i2c_ids[] = {	/* expect: id-table-sentinel */
	{ "tt-rtc", 0 },
	{ "tt-rtc2", 1 },
};
MODULE_DEVICE_TABLE(i2c, tt_i2c_ids);

static int tt_i2c_probe(struct i2c_client *client)
{
	const struct i2c_device_id *id = i2c_match_id(tt_i2c_ids, client);

	return id ? 0 : -ENODEV;
}

static struct i2c_driver tt_i2c_driver = {
	.driver.name	= "tt-rtc",
	.probe		= tt_i2c_probe,
	.id_table	= tt_i2c_ids,
};

/* One table shared by two drivers. */
static const struct of_device_id tt_shared_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,tt-shared" },
};

static struct i2c_driver tt_i2c_driver_b = {
	.driver = {
		.name		= "tt-b",
		.of_match_table	= tt_shared_match,
	},
	.probe		= tt_i2c_probe,
};

static struct i2c_driver tt_i2c_driver_c = {
	.driver = {
		.name		= "tt-c",
		.of_match_table	= tt_shared_match,
	},
	.probe		= tt_i2c_probe,
};

/* Two declarators in one declaration: each is judged, and reported, on its own line. */
static const struct of_device_id tt_first_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,tt-first" },
}, tt_second_match[] = {
	{ .compatible = "acme,tt-second" },
	{ }
};

static int tt_match_nodes(struct device_node *np)
{
	return of_match_node(tt_first_match, np) || of_match_node(tt_second_match, np);
}

static int __init tt_init(void)
{
	int ret;

	if (tt_match_nodes(NULL))
		return -ENODEV;
	ret = pci_register_driver(&tt_pci_driver);
	if (ret)
		return ret;
	ret = i2c_add_driver(&tt_i2c_driver);
	if (ret)
		goto err_pci;
	ret = i2c_add_driver(&tt_i2c_driver_b);
	if (ret)
		goto err_i2c;
	ret = i2c_add_driver(&tt_i2c_driver_c);
	if (ret)
		goto err_i2c_b;
	return 0;

err_i2c_b:
	i2c_del_driver(&tt_i2c_driver_b);
err_i2c:
	i2c_del_driver(&tt_i2c_driver);
err_pci:
	pci_unregister_driver(&tt_pci_driver);
	return ret;
}
module_init(tt_init);

MODULE_LICENSE("GPL");
