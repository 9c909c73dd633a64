/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stand-in for include/linux/scmi_protocol.h: an id type defined outside
 * mod_devicetable.h and absent from rules/id-tables.list.  The SCMI bus
 * walks a driver's id_table until an entry whose protocol_id is zero.
 */
#ifndef _LINUX_SCMI_PROTOCOL_H
#define _LINUX_SCMI_PROTOCOL_H

#include <linux/device.h>
#include <linux/module.h>
#include <linux/types.h>

struct scmi_handle;

struct scmi_device {
	u32 id;
	u8 protocol_id;
	const char *name;
	struct device dev;
	const struct scmi_handle *handle;
};

struct scmi_device_id {
	u8 protocol_id;
	const char *name;
};

struct scmi_driver {
	const char *name;
	int (*probe)(struct scmi_device *sdev);
	void (*remove)(struct scmi_device *sdev);
	const struct scmi_device_id *id_table;

	struct device_driver driver;
};

int scmi_driver_register(struct scmi_driver *driver, struct module *owner,
			 const char *mod_name);
void scmi_driver_unregister(struct scmi_driver *driver);

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "drvlint_test"
#endif

#define scmi_register(driver) \
	scmi_driver_register(driver, THIS_MODULE, KBUILD_MODNAME)
#define scmi_unregister(driver) scmi_driver_unregister(driver)

#define module_scmi_driver(__scmi_driver) \
	module_driver(__scmi_driver, scmi_register, scmi_unregister)

#endif
