/* Tables passed as the walked argument of a matching function: of_match_node(), pci_match_id(), acpi_match_device_ids(), dmi_check_system(), ... */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/of_platform.h>
#include <linux/acpi.h>
#include <linux/i2c.h>
#include <linux/usb.h>
#include <linux/hid.h>
#include <linux/dmi.h>
#include <asm/cpu_device_id.h>

/* Device tree */
static const struct of_device_id mc_of_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,mc-a" },
	{ .compatible = "acme,mc-b" },
};

static const struct of_device_id mc_of_match_ok[] = {
	{ .compatible = "acme,mc-c" },
	{ }
};

static const struct of_device_id mc_bus_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "simple-bus" },
};

static const struct of_device_id mc_irq_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,mc-intc" },
};

/* ACPI: the table is the second argument of acpi_match_device_ids() */
static const struct acpi_device_id mc_acpi_ids[] = {	/* expect: id-table-sentinel */
	{ "ACME00C1", 0 },
};

static const struct acpi_device_id mc_acpi_ids_ok[] = {
	{ "ACME00C2", 0 },
	{ }
};

/* PCI */
static const struct pci_device_id mc_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_VDEVICE(AMD, 0x1480) },
};

static const struct pci_device_id mc_bridge_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x8086, 0x7190) },
	{ PCI_DEVICE(0x8086, 0x7192) },
};

/* I2C, USB, HID */
static const struct i2c_device_id mc_i2c_ids[] = {
	{ "mc-codec", 0 },
	{ }
};

static const struct usb_device_id mc_usb_ids[] = {	/* expect: id-table-sentinel */
	{ USB_DEVICE(0x05ac, 0x12a8) },
};

static const struct hid_device_id mc_hid_ids[] = {	/* expect: id-table-sentinel */
	{ HID_I2C_DEVICE(0x04f3, 0x3057) },
};

/* DMI quirks and CPU models */
static const struct dmi_system_id mc_dmi_quirks[] = {	/* expect: id-table-sentinel */
	{
		.ident = "Acme Book 13",
		.matches = {
			DMI_MATCH(DMI_SYS_VENDOR, "Acme"),
			DMI_MATCH(DMI_PRODUCT_NAME, "Book 13"),
		},
	},
};

static const struct dmi_system_id mc_dmi_quirks_ok[] = {
	{
		.ident = "Acme Book 14",
		.matches = {
			DMI_EXACT_MATCH(DMI_BOARD_NAME, "B14"),
		},
	},
	{ }
};

static const struct x86_cpu_id mc_cpu_ids[] = {	/* expect: id-table-sentinel */
	X86_MATCH_VENDOR_FAM(AMD, 0x19, NULL),
	X86_MATCH_VENDOR_FAM(INTEL, 6, NULL),
};

static int mc_probe_of(struct device *dev, struct device_node *np)
{
	struct device_node *child;
	const struct of_device_id *match;

	match = of_match_node(mc_of_match, np);
	if (!match)
		match = of_match_device(mc_of_match_ok, dev);
	if (!match)
		return -ENODEV;

	for_each_matching_node(child, mc_irq_match)
		of_node_put(child);

	return of_platform_populate(np, mc_bus_match, NULL, dev);
}

static int mc_probe_acpi(struct acpi_device *adev, struct device *dev)
{
	if (!acpi_match_device_ids(adev, mc_acpi_ids))
		return 0;
	return acpi_match_device(mc_acpi_ids_ok, dev) ? 0 : -ENODEV;
}

static int mc_probe_bus(struct pci_dev *pdev, struct i2c_client *client,
			struct usb_interface *intf, struct hid_device *hdev)
{
	if (pci_match_id(mc_pci_ids, pdev))
		return 1;
	if (pci_dev_present(mc_bridge_ids))
		return 2;
	if (i2c_match_id(mc_i2c_ids, client))
		return 3;
	if (usb_match_id(intf, mc_usb_ids))
		return 4;
	if (hid_match_id(hdev, mc_hid_ids))
		return 5;
	return 0;
}

/*
 * usb_match_one_id() looks at the one entry it is given: a table used
 * that way needs no sentinel.
 */
static const struct usb_device_id mc_usb_single[] = {
	{ USB_DEVICE(0x05ac, 0x12ab) },
};

static int mc_probe_one(struct usb_interface *intf)
{
	return usb_match_one_id(intf, &mc_usb_single[0]);
}

static int __init mc_init(void)
{
	if (dmi_check_system(mc_dmi_quirks))
		pr_info("quirk\n");
	if (dmi_first_match(mc_dmi_quirks_ok))
		pr_info("quirk ok\n");
	if (!x86_match_cpu(mc_cpu_ids))
		return -ENODEV;
	return mc_probe_of(NULL, NULL) + mc_probe_acpi(NULL, NULL) +
	       mc_probe_bus(NULL, NULL, NULL, NULL) + mc_probe_one(NULL);
}
module_init(mc_init);

MODULE_LICENSE("GPL");
