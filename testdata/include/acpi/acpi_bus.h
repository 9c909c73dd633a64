/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/acpi/acpi_bus.h: ACPI devices and drivers. */
#ifndef __ACPI_BUS_H__
#define __ACPI_BUS_H__

#include <linux/device.h>
#include <linux/mod_devicetable.h>

typedef void *acpi_handle;

struct acpi_device {
	acpi_handle handle;
	struct device dev;
};

struct acpi_device_ops {
	int (*add)(struct acpi_device *device);
	void (*remove)(struct acpi_device *device);
	void (*notify)(struct acpi_device *device, u32 event);
};

struct acpi_driver {
	char name[80];
	char class[80];
	const struct acpi_device_id *ids;
	unsigned int flags;
	struct acpi_device_ops ops;
	struct device_driver drv;
};

struct acpi_scan_handler {
	const struct acpi_device_id *ids;
	bool (*match)(const char *idstr, const struct acpi_device_id **matchid);
	int (*attach)(struct acpi_device *dev, const struct acpi_device_id *id);
	void (*detach)(struct acpi_device *dev);
};

int acpi_match_device_ids(struct acpi_device *device,
			  const struct acpi_device_id *ids);

int __acpi_bus_register_driver(struct acpi_driver *driver, struct module *owner);
#define acpi_bus_register_driver(drv)					\
	__acpi_bus_register_driver(drv, THIS_MODULE)
void acpi_bus_unregister_driver(struct acpi_driver *driver);

#endif
