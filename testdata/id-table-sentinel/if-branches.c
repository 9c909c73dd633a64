/* Only the active preprocessor branch counts, for the sentinel and for the consumers (CONFIG_OF and CONFIG_PCI are set, CONFIG_ACME_LEGACY is not). */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/i2c.h>

/* A sentinel under #if 0 does not exist. */
static const struct of_device_id __maybe_unused ib_disabled_end[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,ib-a" },
#if 0
	{ }
#endif
};
MODULE_DEVICE_TABLE(of, ib_disabled_end);

/* Nor one under an option that is not set. */
static const struct of_device_id __maybe_unused ib_unset_end[] = {	/* expect-clang: id-table-sentinel */
	{ .compatible = "acme,ib-b" },
#ifdef CONFIG_ACME_LEGACY
	{ .compatible = "acme,ib-b-legacy" },
	{ }
#endif
};
MODULE_DEVICE_TABLE(of, ib_unset_end);

/* A sentinel under an option that is set exists. */
static const struct of_device_id __maybe_unused ib_set_end[] = {
	{ .compatible = "acme,ib-c" },
#ifdef CONFIG_OF
	{ }
#endif
};
MODULE_DEVICE_TABLE(of, ib_set_end);

/* The #else branch is the active one here. */
static const struct i2c_device_id __maybe_unused ib_else_end[] = {
	{ "ib-d", 0 },
#ifdef CONFIG_ACME_LEGACY
	{ "ib-d-legacy", 1 },
#else
	{ }
#endif
};
MODULE_DEVICE_TABLE(i2c, ib_else_end);

/* Entries that vanish leave the sentinel last. */
static const struct i2c_device_id __maybe_unused ib_optional_entries[] = {
	{ "ib-e", 0 },
#if IS_ENABLED(CONFIG_ACME_LEGACY)
	{ "ib-e-legacy", 1 },
#endif
	{ }
};
MODULE_DEVICE_TABLE(i2c, ib_optional_entries);

/* A MODULE_DEVICE_TABLE() in an inactive branch exports nothing. */
static const struct pci_device_id __maybe_unused ib_legacy_ids[] = {	/* expect-cocci: id-table-sentinel */
	{ PCI_DEVICE(0x1234, 0x0001) },
};
#ifdef CONFIG_ACME_LEGACY
MODULE_DEVICE_TABLE(pci, ib_legacy_ids);
#endif

/* One in an active branch does. */
static const struct pci_device_id __maybe_unused ib_pci_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x1234, 0x0002) },
};
#ifdef CONFIG_PCI
MODULE_DEVICE_TABLE(pci, ib_pci_ids);
#endif

/* A driver compiled out: its table is not consumed in this configuration. */
static const struct platform_device_id __maybe_unused ib_legacy_platform_ids[] = {	/* expect-cocci: id-table-sentinel */
	{ "ib-legacy" },
};

#ifdef CONFIG_ACME_LEGACY
static struct platform_driver ib_legacy_driver = {
	.driver.name	= "ib-legacy",
	.id_table	= ib_legacy_platform_ids,
};
module_platform_driver(ib_legacy_driver);
#endif

MODULE_LICENSE("GPL");
