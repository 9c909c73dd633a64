/* Tables walked by the driver's own loops, directly or through a helper; bounded loops need no sentinel. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/pci.h>
#include <linux/usb.h>

/* for (p = table; p->field; p++) */
static const struct of_device_id hw_loop_ids[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,hw-loop" },
};

/* const struct x *p = table; while (p->field) { ...; p++; } */
static const struct pci_device_id hw_while_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x1af4, 0x1200) },
};

/* A helper walks its parameter in a loop (drivers/usb/core/quirks.c's form). */
static const struct usb_device_id hw_helper_ids[] = {	/* expect: id-table-sentinel */
	{ USB_DEVICE(0x1234, 0x5678) },
};

/* for (i = 0; table[i].field; i++) */
static const struct pci_device_id hw_index_ids[] = {	/* expect: id-table-sentinel */
	{ PCI_DEVICE(0x1af4, 0x1201) },
};

static const struct of_device_id hw_loop_ok[] = {
	{ .compatible = "acme,hw-loop-ok" },
	{ }
};

/* Bounded loops: the count decides the end, not a sentinel. */
static const struct pci_device_id hw_bounded_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x1202) },
};

static const struct pci_device_id hw_bounded_ptr_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x1203) },
};

static int hw_count(const struct usb_device_id *id)
{
	int n = 0;

	for (; id->match_flags; id++)
		n++;
	return n;
}

static int hw_walks(void)
{
	const struct of_device_id *of;
	const struct pci_device_id *p = hw_while_ids;
	const struct pci_device_id *end;
	int i, n = 0;

	for (of = hw_loop_ids; of->compatible[0]; of++)
		n++;
	for (of = hw_loop_ok; of->compatible[0]; of++)
		n++;
	while (p->vendor) {
		n++;
		p++;
	}
	for (i = 0; hw_index_ids[i].vendor; i++)
		n++;
	for (i = 0; i < ARRAY_SIZE(hw_bounded_ids) && hw_bounded_ids[i].vendor; i++)
		n++;
	end = hw_bounded_ptr_ids + ARRAY_SIZE(hw_bounded_ptr_ids);
	for (p = hw_bounded_ptr_ids; p != end && p->vendor; p++)
		n++;
	return n + hw_count(hw_helper_ids);
}

static int __init hw_init(void)
{
	return hw_walks();
}
module_init(hw_init);
