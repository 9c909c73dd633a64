/* Arrays with an explicit size: elements left out of the initialiser are zero and can be the sentinel. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>

/* Three elements, two initialised: the third is the sentinel. */
static const struct of_device_id es_room_left[3] = {
	{ .compatible = "acme,es-a" },
	{ .compatible = "acme,es-b" },
};

/* Two elements, both initialised: no room for one. */
static const struct of_device_id es_full[2] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,es-c" },
	{ .compatible = "acme,es-d" },
};

static const struct of_device_id es_short[2] = {
	{ .compatible = "acme,es-e" },
};

#define ES_NR_IDS 2

static const struct pci_device_id es_sized[ES_NR_IDS + 1] = {
	[0] = { PCI_DEVICE(0x1af4, 0x1000) },
	[1] = { PCI_DEVICE(0x1af4, 0x1001) },
};

/* Index designators: the element with the highest index is the last. */
static const struct pci_device_id es_gap[] = {
	[0] = { PCI_DEVICE(0x1af4, 0x1041) },
	[2] = { },
};

static const struct pci_device_id es_last_set[3] = {	/* expect: id-table-sentinel */
	[2] = { PCI_DEVICE(0x1af4, 0x1042) },
};

static const struct pci_device_id es_reordered[4] = {	/* expect: id-table-sentinel */
	[3] = { PCI_DEVICE(0x1af4, 0x1043) },
	[0] = { PCI_DEVICE(0x1af4, 0x1044) },
};

static const struct pci_device_id es_exact_end[4] = {
	{ PCI_DEVICE(0x1af4, 0x1048) },
	{ PCI_DEVICE(0x1af4, 0x1049) },
	{ PCI_DEVICE(0x1af4, 0x104a) },
	{ }
};

static int es_match(struct pci_dev *pdev, struct device_node *np)
{
	if (of_match_node(es_room_left, np) || of_match_node(es_full, np) ||
	    of_match_node(es_short, np))
		return 1;
	if (pci_match_id(es_sized, pdev) || pci_match_id(es_gap, pdev) ||
	    pci_match_id(es_last_set, pdev) ||
	    pci_match_id(es_reordered, pdev) ||
	    pci_match_id(es_exact_end, pdev))
		return 2;
	return 0;
}

static int __init es_init(void)
{
	return es_match(NULL, NULL);
}
module_init(es_init);

MODULE_LICENSE("GPL");
