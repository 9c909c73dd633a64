/* Tables inside functions: function-static and automatic arrays are walked alike. */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

static int sl_probe_bridge(struct device_node *np)
{
	static const struct of_device_id bridges[] = {	/* expect: id-table-sentinel */
		{ .compatible = "acme,sl-bridge" },
		{ .compatible = "acme,sl-bridge-v2" },
	};

	return of_match_node(bridges, np) ? 0 : -ENODEV;
}

static int sl_probe_phy(struct device_node *np)
{
	static const struct of_device_id phys[] = {
		{ .compatible = "acme,sl-phy" },
		{ }
	};

	return of_match_node(phys, np) ? 0 : -ENODEV;
}

/* Stored in a walked field from inside the function. */
static struct platform_driver sl_driver;

static void sl_setup(void)
{
	static const struct of_device_id sl_of_match[] = {	/* expect: id-table-sentinel */
		{ .compatible = "acme,sl" },
	};

	sl_driver.driver.name = "sl";
	sl_driver.driver.of_match_table = sl_of_match;
}

/* Bounded by ARRAY_SIZE(): no sentinel needed. */
static bool sl_is_quirky(struct pci_dev *pdev)
{
	static const struct pci_device_id quirky[] = {
		{ PCI_DEVICE(0x1106, 0x3038) },
		{ PCI_DEVICE(0x1106, 0x3104) },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(quirky); i++)
		if (quirky[i].vendor == pdev->vendor &&
		    quirky[i].device == pdev->device)
			return true;
	return false;
}

/*
 * An automatic array lives on the stack and is built at every call, but a
 * walker runs off its end all the same.
 */
static int sl_probe_auto(struct device_node *np)
{
	const struct of_device_id on_stack[] = {	/* expect: id-table-sentinel */
		{ .compatible = "acme,sl-stack" },
	};

	return of_match_node(on_stack, np) ? 0 : -ENODEV;
}

static int __init sl_init(void)
{
	sl_setup();
	if (sl_is_quirky(NULL))
		return -ENODEV;
	if (sl_probe_bridge(NULL) || sl_probe_phy(NULL) || sl_probe_auto(NULL))
		return -ENODEV;
	return platform_driver_register(&sl_driver);
}
module_init(sl_init);

MODULE_LICENSE("GPL");
