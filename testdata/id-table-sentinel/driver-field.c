/* Tables stored by designated initialiser in a field the core walks: .id_table, .of_match_table, .acpi_match_table, .ids. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/acpi.h>
#include <linux/i2c.h>
#include <linux/spi/spi.h>
#include <linux/usb.h>
#include <linux/hid.h>
#include <linux/input.h>

/* pci_driver.id_table */
static const struct pci_device_id df_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x8086, 0x0f00) },
	{ PCI_DEVICE_CLASS(PCI_CLASS_STORAGE_EXPRESS, 0xffffff) },
};

static int df_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return 0;
}

static struct pci_driver df_pci_driver = {
	.name		= "df_pci",
	.id_table	= df_pci_ids,
	.probe		= df_pci_probe,
};
module_pci_driver(df_pci_driver);

/* device_driver.of_match_table through of_match_ptr(), nested in .driver */
static const struct of_device_id df_of_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,df-a", .data = (void *)1 },
	{ .compatible = "acme,df-b", .data = (void *)2 },
};

/* device_driver.acpi_match_table through ACPI_PTR() */
static const struct acpi_device_id df_acpi_match[] = {	/* expect: id-table-sentinel */
	{ "ACME00DF", 0 },
};

/* platform_driver.id_table, terminated */
static const struct platform_device_id df_platform_ids[] = {
	{ .name = "df-a", .driver_data = 1 },
	{ .name = "df-b", .driver_data = 2 },
	{ }
};

static int df_platform_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver df_platform_driver = {
	.probe		= df_platform_probe,
	.id_table	= df_platform_ids,
	.driver		= {
		.name			= "df-platform",
		.of_match_table		= of_match_ptr(df_of_match),
		.acpi_match_table	= ACPI_PTR(df_acpi_match),
	},
};

/* i2c_driver.id_table as &table[0]; the driver's of table is terminated */
static const struct i2c_device_id df_i2c_ids[] = {	/* expect: id-table-sentinel */
	{ "df-sensor", 0 },
};

static const struct of_device_id df_i2c_of_match[] = {
	{ .compatible = "acme,df-sensor" },
	{ }
};

static int df_i2c_probe(struct i2c_client *client)
{
	return 0;
}

static struct i2c_driver df_i2c_driver = {
	.driver = {
		.name		= "df-sensor",
		.of_match_table	= df_i2c_of_match,
	},
	.probe		= df_i2c_probe,
	.id_table	= &df_i2c_ids[0],
};

/* spi_driver.id_table */
static const struct spi_device_id df_spi_ids[] = {	/* expect: id-table-sentinel */
	{ "df-adc", 0 },
	{ "df-dac", 1 },
};

static int df_spi_probe(struct spi_device *spi)
{
	return 0;
}

static struct spi_driver df_spi_driver = {
	.driver.name	= "df-spi",
	.id_table	= df_spi_ids,
	.probe		= df_spi_probe,
};

/* usb_driver.id_table, terminated */
static const struct usb_device_id df_usb_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x0104) },
	{ USB_INTERFACE_INFO(0xff, 0x01, 0x01) },
	{ }
};

static int df_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	return 0;
}

static void df_usb_disconnect(struct usb_interface *intf)
{
}

static struct usb_driver df_usb_driver = {
	.name		= "df_usb",
	.probe		= df_usb_probe,
	.disconnect	= df_usb_disconnect,
	.id_table	= df_usb_ids,
};

/* hid_driver.id_table */
static const struct hid_device_id df_hid_ids[] = {	/* expect: id-table-sentinel */
	{ HID_USB_DEVICE(0x046d, 0xc52b) },
	{ HID_BLUETOOTH_DEVICE(0x046d, 0xb01a) },
};

static struct hid_driver df_hid_driver = {
	.name		= "df-hid",
	.id_table	= df_hid_ids,
};

/* input_handler.id_table */
static const struct input_device_id df_input_ids[] = {	/* expect: id-table-sentinel */
	{
		.flags = INPUT_DEVICE_ID_MATCH_EVBIT,
		.evbit = { BIT_MASK(EV_KEY) },
	},
};

static struct input_handler df_input_handler = {
	.name		= "df-input",
	.id_table	= df_input_ids,
};

/* acpi_driver.ids */
static const struct acpi_device_id df_acpi_driver_ids[] = {	/* expect: id-table-sentinel */
	{ "ACME00D1", 0 },
	{ "ACME00D2", 0 },
};

static struct acpi_driver df_acpi_driver = {
	.name	= "df-acpi",
	.class	= "df",
	.ids	= df_acpi_driver_ids,
};

/*
 * Fields nobody walks: a driver's private variant data and the single
 * entry of a platform device.  No sentinel needed.
 */
struct df_variant {
	const char *name;
	const struct of_device_id *parent_match;
};

static const struct of_device_id df_parent_match[] = {
	{ .compatible = "acme,df-bus" },
};

static const struct df_variant df_variant_a = {
	.name		= "a",
	.parent_match	= df_parent_match,
};

static const struct platform_device_id df_single_id[] = {
	{ .name = "df-single" },
};

static struct platform_device df_single_device = {
	.name		= "df-single",
	.id_entry	= &df_single_id[0],
};

static int __init df_init(void)
{
	int ret;

	ret = platform_driver_register(&df_platform_driver);
	if (ret)
		return ret;
	ret = i2c_add_driver(&df_i2c_driver);
	if (ret)
		goto err_platform;
	ret = spi_register_driver(&df_spi_driver);
	if (ret)
		goto err_i2c;
	ret = usb_register(&df_usb_driver);
	if (ret)
		goto err_spi;
	ret = hid_register_driver(&df_hid_driver);
	if (ret)
		goto err_usb;
	ret = input_register_handler(&df_input_handler);
	if (ret)
		goto err_hid;
	ret = acpi_bus_register_driver(&df_acpi_driver);
	if (ret)
		goto err_input;
	if (df_variant_a.name[0])
		platform_device_register(&df_single_device);
	return 0;

err_input:
	input_unregister_handler(&df_input_handler);
err_hid:
	hid_unregister_driver(&df_hid_driver);
err_usb:
	usb_deregister(&df_usb_driver);
err_spi:
	spi_unregister_driver(&df_spi_driver);
err_i2c:
	i2c_del_driver(&df_i2c_driver);
err_platform:
	platform_driver_unregister(&df_platform_driver);
	return ret;
}
module_init(df_init);

MODULE_LICENSE("GPL");
