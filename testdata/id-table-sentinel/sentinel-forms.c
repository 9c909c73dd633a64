/* drvlint-flags: -DMODULE */
/* The spellings of an all-zero last entry, and last entries that look empty but are not all zero. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>
#include <linux/acpi.h>
#include <linux/i2c.h>
#include <linux/dmi.h>
#include <linux/input.h>

/* Sentinels */

static const struct of_device_id sf_braces[] = {
	{ .compatible = "acme,sf-1" },
	{ }
};
MODULE_DEVICE_TABLE(of, sf_braces);

static const struct of_device_id sf_braces_tight[] = {
	{ .compatible = "acme,sf-2" },
	{}
};
MODULE_DEVICE_TABLE(of, sf_braces_tight);

static const struct of_device_id sf_braces_comment[] = {
	{ .compatible = "acme,sf-3" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, sf_braces_comment);

static const struct pci_device_id sf_zero[] = {
	{ PCI_DEVICE(0x14e4, 0x1639) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, sf_zero);

static const struct pci_device_id sf_zero_comma[] = {
	{ PCI_DEVICE(0x14e4, 0x163a) },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, sf_zero_comma);

static const struct pci_device_id sf_zeros[] = {
	{ PCI_DEVICE(0x14e4, 0x163b) },
	{ 0, 0, 0, 0, 0, 0, 0 }
};
MODULE_DEVICE_TABLE(pci, sf_zeros);

static const struct pci_device_id sf_vendor_zero[] = {
	{ PCI_DEVICE(0x14e4, 0x163c) },
	{ .vendor = 0 }
};
MODULE_DEVICE_TABLE(pci, sf_vendor_zero);

static const struct of_device_id sf_empty_compatible[] = {
	{ .compatible = "acme,sf-4" },
	{ .compatible = "" }
};
MODULE_DEVICE_TABLE(of, sf_empty_compatible);

static const struct of_device_id sf_empty_and_null[] = {
	{ .compatible = "acme,sf-5", .data = (void *)5 },
	{ .compatible = "", .data = NULL }
};
MODULE_DEVICE_TABLE(of, sf_empty_and_null);

static const struct i2c_device_id sf_empty_string[] = {
	{ "sf-6", 6 },
	{ "" }
};
MODULE_DEVICE_TABLE(i2c, sf_empty_string);

static const struct acpi_device_id sf_empty_string_zero[] = {
	{ "ACME0SF7", 7 },
	{ "", 0 }
};
MODULE_DEVICE_TABLE(acpi, sf_empty_string_zero);

static int sf_dmi_callback(const struct dmi_system_id *id)
{
	return 1;
}

static const struct dmi_system_id sf_null[] = {
	{
		.callback = sf_dmi_callback,
		.ident = "Acme SF",
		.matches = { DMI_MATCH(DMI_SYS_VENDOR, "Acme") },
	},
	{ NULL }
};
MODULE_DEVICE_TABLE(dmi, sf_null);

static const struct of_device_id sf_nested_zero[] = {
	{ .compatible = "acme,sf-8" },
	{ .name = { 0 }, .compatible = { 0 } }
};
MODULE_DEVICE_TABLE(of, sf_nested_zero);

/* Not sentinels */

static const struct of_device_id sf_missing[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,sf-9" },
};
MODULE_DEVICE_TABLE(of, sf_missing);

/*
 * The device-tree loop would stop here (name, type and compatible are
 * empty) but the entry is not all zero: the check asks for an entry that
 * ends every walker and every reader of the table.
 */
static const struct of_device_id sf_empty_with_data[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,sf-10" },
	{ .compatible = "", .data = (void *)10 }
};
MODULE_DEVICE_TABLE(of, sf_empty_with_data);

static const struct i2c_device_id sf_data_only[] = {	/* expect: id-table-sentinel */
	{ "sf-11", 0 },
	{ .driver_data = 11 }
};
MODULE_DEVICE_TABLE(i2c, sf_data_only);

static const struct pci_device_id sf_one[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x14e4, 0x163d) },
	{ 1 }
};
MODULE_DEVICE_TABLE(pci, sf_one);

static const struct pci_device_id sf_any[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x14e4, 0x163e) },
	{ .vendor = PCI_ANY_ID }
};
MODULE_DEVICE_TABLE(pci, sf_any);

static const struct input_device_id sf_input_info[] = {	/* expect: id-table-sentinel */
	{ .flags = INPUT_DEVICE_ID_MATCH_EVBIT, .evbit = { BIT_MASK(EV_ABS) } },
	{ .flags = 0, .driver_info = 1 }
};
MODULE_DEVICE_TABLE(input, sf_input_info);

MODULE_LICENSE("GPL");
