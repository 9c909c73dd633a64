/* Tables only walked within ARRAY_SIZE() or another explicit bound need no sentinel. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/usb.h>
#include <linux/hid.h>
#include <linux/input.h>
#include <linux/of.h>

/* Shaped like mgt_ifc_device_ids in drivers/net/ethernet/mellanox/mlx5/core/fw_reset.c */
static const struct pci_device_id as_mgt_ifc_ids[] = {
	{ PCI_VDEVICE(REDHAT, 0x1000) },
	{ PCI_VDEVICE(REDHAT, 0x1001) },
	{ PCI_VDEVICE(REDHAT, 0x1002) },
};

static bool as_is_mgt_ifc(u16 dev_id)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(as_mgt_ifc_ids); ++i)
		if (as_mgt_ifc_ids[i].device == dev_id)
			return true;
	return false;
}

/* Handed on together with its length. */
static const struct of_device_id as_compat[] = {
	{ .compatible = "acme,as-a" },
	{ .compatible = "acme,as-b" },
};

static int as_lookup(struct device_node *np, const struct of_device_id *ids,
		     size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (of_device_is_compatible(np, ids[i].compatible))
			return i;
	return -ENOENT;
}

/* Matched one entry at a time. */
static const struct usb_device_id as_usb_ids[] = {
	{ USB_DEVICE(0x2109, 0x0813) },
	{ USB_DEVICE(0x2109, 0x0817) },
};

static const struct hid_device_id as_hid_ids[] = {
	{ HID_USB_DEVICE(0x1532, 0x0084) },
};

static const struct input_device_id as_input_ids[] = {
	{
		.flags = INPUT_DEVICE_ID_MATCH_KEYBIT,
		.keybit = { [BIT_WORD(KEY_POWER)] = BIT_MASK(KEY_POWER) },
	},
};

#define AS_NR_RANGES 2

static const struct pci_device_id as_ranges[AS_NR_RANGES] = {
	{ PCI_DEVICE(0x8086, 0x2000) },
	{ PCI_DEVICE(0x8086, 0x3000) },
};

static int as_match(struct usb_interface *intf, struct hid_device *hdev,
		    struct input_dev *idev, struct device_node *np, u16 devid)
{
	unsigned int i;

	if (as_is_mgt_ifc(devid))
		return 1;
	if (as_lookup(np, as_compat, ARRAY_SIZE(as_compat)) >= 0)
		return 2;
	for (i = 0; i < ARRAY_SIZE(as_usb_ids); i++)
		if (usb_match_one_id(intf, &as_usb_ids[i]))
			return 3;
	for (i = 0; i < ARRAY_SIZE(as_hid_ids); i++)
		if (hid_match_one_id(hdev, &as_hid_ids[i]))
			return 4;
	for (i = 0; i < ARRAY_SIZE(as_input_ids); i++)
		if (input_match_device_id(idev, as_input_ids + i))
			return 5;
	for (i = 0; i < AS_NR_RANGES; i++)
		if (as_ranges[i].device == devid)
			return 6;
	return 0;
}

static int __init as_init(void)
{
	return as_match(NULL, NULL, NULL, NULL, 0);
}
module_init(as_init);

MODULE_LICENSE("GPL");
