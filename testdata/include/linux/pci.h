/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/pci.h: PCI devices, drivers and id macros. */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

#define PCI_VENDOR_ID_INTEL		0x8086
#define PCI_VENDOR_ID_AMD		0x1022
#define PCI_VENDOR_ID_REDHAT		0x1b36
#define PCI_DEVICE_ID_REDHAT_TEST	0x0005

#define PCI_CLASS_NETWORK_ETHERNET	0x0200
#define PCI_CLASS_STORAGE_EXPRESS	0x010802

struct pci_bus;

struct pci_dev {
	struct pci_bus *bus;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class;
	u8 revision;
	struct device dev;
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	struct device_driver driver;
};

#define to_pci_dev(n) container_of(n, struct pci_dev, dev)

#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define PCI_DEVICE_SUB(vend, dev, subvend, subdev)			\
	.vendor = (vend), .device = (dev),				\
	.subvendor = (subvend), .subdevice = (subdev)

#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)			\
	.class = (dev_class), .class_mask = (dev_class_mask),		\
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,			\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define PCI_VDEVICE(vend, dev)						\
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev),		\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0

#define PCI_DEVICE_DATA(vend, dev, data)				\
	.vendor = PCI_VENDOR_ID_##vend, .device = PCI_DEVICE_ID_##vend##_##dev, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0,	\
	.driver_data = (kernel_ulong_t)(data)

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);
int pci_dev_present(const struct pci_device_id *ids);

int __pci_register_driver(struct pci_driver *drv, struct module *owner,
			  const char *mod_name);
#define pci_register_driver(driver)					\
	__pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *dev);

#define module_pci_driver(__pci_driver)					\
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "drvlint_test"
#endif

#endif
