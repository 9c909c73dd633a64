/* Tables assigned to a walked field at run time: drv.id_table = tbl, p->driver.of_match_table = tbl. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/acpi.h>
#include <linux/usb.h>

static const struct pci_device_id fa_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_VDEVICE(INTEL, 0x1533) },
	{ PCI_VDEVICE(INTEL, 0x1539) },
};

static const struct of_device_id fa_of_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,fa" },
};

static const struct acpi_device_id fa_acpi_match[] = {
	{ "ACME00FA", 0 },
	{ }
};

static const struct usb_device_id fa_usb_ids[] = {	/* expect: id-table-sentinel */
	{ USB_DEVICE(0x0403, 0x6001) },
};

/* A private field that is not walked. */
static const struct of_device_id fa_private_match[] = {
	{ .compatible = "acme,fa-companion" },
};

struct fa_priv {
	const struct of_device_id *companion;
};

static struct fa_priv fa_priv;

static struct pci_driver fa_pci_driver = {
	.name = "fa_pci",
};

static struct platform_driver fa_platform_driver;

static struct usb_driver fa_usb_driver = {
	.name = "fa_usb",
};

static void fa_setup_platform(struct platform_driver *pdrv)
{
	pdrv->driver.name = "fa";
	pdrv->driver.of_match_table = of_match_ptr(fa_of_match);
	pdrv->driver.acpi_match_table = fa_acpi_match;
}

static int __init fa_init(void)
{
	int ret;

	fa_pci_driver.id_table = fa_pci_ids;
	fa_usb_driver.id_table = &fa_usb_ids[0];
	fa_priv.companion = fa_private_match;
	fa_setup_platform(&fa_platform_driver);

	ret = pci_register_driver(&fa_pci_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&fa_platform_driver);
	if (ret)
		goto err_pci;
	ret = usb_register(&fa_usb_driver);
	if (ret)
		goto err_platform;
	return 0;

err_platform:
	platform_driver_unregister(&fa_platform_driver);
err_pci:
	pci_unregister_driver(&fa_pci_driver);
	return ret;
}
module_init(fa_init);

MODULE_LICENSE("GPL");
