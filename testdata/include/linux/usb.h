/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/usb.h. */
#ifndef __LINUX_USB_H
#define __LINUX_USB_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct usb_device {
	int devnum;
	struct device dev;
};

struct usb_interface {
	int minor;
	struct device dev;
};

#define interface_to_usbdev(intf)	((struct usb_device *)0)

struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
	void (*disconnect)(struct usb_interface *intf);
	const struct usb_device_id *id_table;
	struct device_driver driver;
	unsigned int no_dynamic_id:1;
	unsigned int supports_autosuspend:1;
};

struct usb_device_driver {
	const char *name;
	bool (*match)(struct usb_device *udev);
	int (*probe)(struct usb_device *udev);
	void (*disconnect)(struct usb_device *udev);
	const struct usb_device_id *id_table;
	struct device_driver driver;
};

#define USB_DEVICE_ID_MATCH_DEVICE					\
	(USB_DEVICE_ID_MATCH_VENDOR | USB_DEVICE_ID_MATCH_PRODUCT)
#define USB_DEVICE_ID_MATCH_INT_INFO					\
	(USB_DEVICE_ID_MATCH_INT_CLASS | USB_DEVICE_ID_MATCH_INT_SUBCLASS | \
	 USB_DEVICE_ID_MATCH_INT_PROTOCOL)

#define USB_DEVICE(vend, prod)						\
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE,			\
	.idVendor = (vend),						\
	.idProduct = (prod)

#define USB_INTERFACE_INFO(cl, sc, pr)					\
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO,			\
	.bInterfaceClass = (cl),					\
	.bInterfaceSubClass = (sc),					\
	.bInterfaceProtocol = (pr)

const struct usb_device_id *usb_match_id(struct usb_interface *interface,
					 const struct usb_device_id *id);
int usb_match_one_id(struct usb_interface *interface,
		     const struct usb_device_id *id);

int usb_register_driver(struct usb_driver *new_driver, struct module *owner,
			const char *mod_name);
#define usb_register(driver)						\
	usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void usb_deregister(struct usb_driver *driver);

#define module_usb_driver(__usb_driver)					\
	module_driver(__usb_driver, usb_register, usb_deregister)

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "drvlint_test"
#endif

#endif
