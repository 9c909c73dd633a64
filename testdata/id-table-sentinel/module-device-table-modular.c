/* drvlint-flags: -DMODULE */
/* MODULE_DEVICE_TABLE() in a modular build, where it expands to an alias declaration of the table. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>
#include <linux/i2c.h>
#include <linux/spi/spi.h>

static const struct pci_device_id mod_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x1b36, 0x0005) },
};
MODULE_DEVICE_TABLE(pci, mod_pci_ids);

static const struct pci_device_id mod_pci_ids_ok[] = {
	{ PCI_DEVICE(0x1b36, 0x0005) },
	{ }
};
MODULE_DEVICE_TABLE(pci, mod_pci_ids_ok);

static const struct of_device_id mod_of_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,bridge" },
};
MODULE_DEVICE_TABLE(of, mod_of_match);

static const struct i2c_device_id mod_i2c_ids[] = {
	{ "bridge" },
	{ }
};
MODULE_DEVICE_TABLE(i2c, mod_i2c_ids);

static const struct spi_device_id mod_spi_ids[] = {	/* expect: id-table-sentinel */
	{ "bridge-spi", 0 },
	{ "bridge-spi2", 1 },
};
MODULE_DEVICE_TABLE(spi, mod_spi_ids);

MODULE_LICENSE("GPL");
