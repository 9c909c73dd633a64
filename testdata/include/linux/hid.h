/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/hid.h: HID devices and drivers. */
#ifndef __HID_H
#define __HID_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

#define BUS_USB			0x03
#define BUS_BLUETOOTH		0x05
#define BUS_I2C			0x18

#define HID_GROUP_GENERIC	0x0001

struct hid_device {
	__u16 bus;
	__u16 group;
	__u32 vendor;
	__u32 product;
	struct device dev;
};

struct hid_driver {
	char *name;
	const struct hid_device_id *id_table;
	int (*probe)(struct hid_device *dev, const struct hid_device_id *id);
	void (*remove)(struct hid_device *dev);
	struct device_driver driver;
};

#define HID_DEVICE(b, g, ven, prod)					\
	.bus = (b), .group = (g), .vendor = (ven), .product = (prod)
#define HID_USB_DEVICE(ven, prod)					\
	.bus = BUS_USB, .vendor = (ven), .product = (prod)
#define HID_BLUETOOTH_DEVICE(ven, prod)					\
	.bus = BUS_BLUETOOTH, .vendor = (ven), .product = (prod)
#define HID_I2C_DEVICE(ven, prod)					\
	.bus = BUS_I2C, .vendor = (ven), .product = (prod)

const struct hid_device_id *hid_match_id(const struct hid_device *hdev,
					 const struct hid_device_id *id);
bool hid_match_one_id(const struct hid_device *hdev,
		      const struct hid_device_id *id);

int __hid_register_driver(struct hid_driver *hdrv, struct module *owner,
			  const char *mod_name);
#define hid_register_driver(driver)					\
	__hid_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void hid_unregister_driver(struct hid_driver *hdrv);

#define module_hid_driver(__hid_driver)					\
	module_driver(__hid_driver, hid_register_driver, hid_unregister_driver)

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "drvlint_test"
#endif

#endif
