/* A walker's call found wherever it stands: a declaration's initializer, a condition, a return, an argument of another call. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/of.h>
#include <linux/dmi.h>

/* The table is local and its walk initialises another local (drivers/ata/ahci.c's form). */
static bool cc_broken_system(void)
{
	static const struct dmi_system_id cc_broken[] = {	/* expect: id-table-sentinel */
		{ .ident = "Acme board" },
	};
	const struct dmi_system_id *dmi = dmi_first_match(cc_broken);

	return dmi != NULL;
}

static bool cc_fixed_system(void)
{
	static const struct dmi_system_id cc_fixed[] = {
		{ .ident = "Acme board" },
		{ }
	};
	const struct dmi_system_id *dmi = dmi_first_match(cc_fixed);

	return dmi != NULL;
}

static const struct of_device_id cc_cond_ids[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,cc-cond" },
};

static const struct of_device_id cc_return_ids[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,cc-return" },
};

static const struct pci_device_id cc_nested_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x1af4, 0x1100) },
};

static int cc_use(int x)
{
	return x;
}

static const struct of_device_id *cc_match(struct device_node *np,
					   struct pci_dev *pdev)
{
	if (of_match_node(cc_cond_ids, np))
		return NULL;
	cc_use(pci_match_id(cc_nested_ids, pdev) != NULL);
	return of_match_node(cc_return_ids, np);
}

static int __init cc_init(void)
{
	return cc_broken_system() || cc_fixed_system() || cc_match(NULL, NULL);
}
module_init(cc_init);
