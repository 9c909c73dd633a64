/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/acpi.h. */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/mod_devicetable.h>

#ifdef CONFIG_ACPI
#include <acpi/acpi_bus.h>

#define ACPI_PTR(_ptr)	(_ptr)

#define ACPI_COMPANION(dev)	((struct acpi_device *)(dev)->fwnode)

const struct acpi_device_id *acpi_match_acpi_device(const struct acpi_device_id *ids,
						    const struct acpi_device *adev);
const struct acpi_device_id *acpi_match_device(const struct acpi_device_id *ids,
					       const struct device *dev);
const void *acpi_device_get_match_data(const struct device *dev);
int acpi_scan_add_handler(struct acpi_scan_handler *handler);
#else
#define ACPI_PTR(_ptr)	(NULL)
#endif

#endif
