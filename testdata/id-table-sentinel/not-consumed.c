/* Tables that nothing walks to the end and nothing exports need no sentinel. */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/pci.h>
#include <linux/acpi.h>

/* Defined and never used. */
static const struct pci_device_id __maybe_unused nc_unused_ids[] = {
	{ PCI_DEVICE(0x15ad, 0x0405) },
};

/* Indexed by a known position, shaped like mdp_probe_infra in drivers/media/platform/mediatek/mdp3/mdp_cfg_data.c. */
enum { NC_INFRA_MMSYS, NC_INFRA_MUTEX, NC_INFRA_MAX };

static const struct of_device_id nc_infra[NC_INFRA_MAX] = {
	[NC_INFRA_MMSYS] = { .compatible = "acme,nc-mmsys" },
	[NC_INFRA_MUTEX] = { .compatible = "acme,nc-mutex" },
};

/* Only its size is taken. */
static const struct acpi_device_id __maybe_unused nc_sized[] = {
	{ "ACME00NC", 0 },
};

/* Its address kept in a pointer that no walker reads. */
static const struct of_device_id nc_kept[] = {
	{ .compatible = "acme,nc-kept" },
};

static const struct of_device_id *nc_kept_ptr = nc_kept;

static int nc_probe(struct device_node *np)
{
	if (!of_device_is_compatible(np, nc_infra[NC_INFRA_MMSYS].compatible))
		return -ENODEV;
	if (!of_device_is_compatible(np, nc_kept_ptr->compatible))
		return -ENODEV;
	return sizeof(nc_sized) > 0 ? 0 : -EINVAL;
}

static int __init nc_init(void)
{
	return nc_probe(NULL);
}
module_init(nc_init);

MODULE_LICENSE("GPL");
