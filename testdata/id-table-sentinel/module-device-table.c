/* Tables named by MODULE_DEVICE_TABLE() need a sentinel, even where MODULE is undefined and the macro expands to nothing. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>
#include <linux/usb.h>
#include <linux/acpi.h>
#include <linux/i2c.h>

static const struct pci_device_id __maybe_unused mdt_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x8086, 0x1234) },
	{ PCI_DEVICE(0x8086, 0x1235) },
};
MODULE_DEVICE_TABLE(pci, mdt_pci_ids);

static const struct pci_device_id __maybe_unused mdt_pci_ids_ok[] = {
	{ PCI_DEVICE(0x8086, 0x1234) },
	{ PCI_DEVICE(0x8086, 0x1235) },
	{ }
};
MODULE_DEVICE_TABLE(pci, mdt_pci_ids_ok);

/* The type and the name on different lines: the finding is on the name. */
static const struct of_device_id __maybe_unused
mdt_of_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,widget" },
	{ .compatible = "acme,widget-v2" },
};
MODULE_DEVICE_TABLE(of, mdt_of_match);

static const struct of_device_id mdt_of_match_ok[] __maybe_unused = {
	{ .compatible = "acme,widget" },
	{ /* sentinel */ }
};
MODULE_DEVICE_TABLE(of, mdt_of_match_ok);

/* Not const, and the macro written with unusual spacing. */
static struct usb_device_id mdt_usb_ids[] __maybe_unused = {	/* expect: id-table-sentinel */
	{ USB_DEVICE(0x0bda, 0x8153) },
};
MODULE_DEVICE_TABLE( usb , mdt_usb_ids );

/* A global table, visible to other files. */
const struct acpi_device_id mdt_acpi_ids[] = {	/* expect: id-table-sentinel */
	{ "ACME0001", 0 },
	{ "ACME0002", 1 },
};
MODULE_DEVICE_TABLE(acpi, mdt_acpi_ids);

/* The table of one kind exported under another's name still counts. */
static const struct i2c_device_id __maybe_unused mdt_i2c_ids[] = {	/* expect: id-table-sentinel */
	{ "widget", 0 },
};
MODULE_DEVICE_TABLE(i2c, mdt_i2c_ids);

/* A MODULE_DEVICE_TABLE() inside a comment is no use of the table. */
static const struct i2c_device_id __maybe_unused mdt_commented_ids[] = {
	{ "gadget", 0 },
};
/* MODULE_DEVICE_TABLE(i2c, mdt_commented_ids); */

MODULE_LICENSE("GPL");
