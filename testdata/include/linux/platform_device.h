/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/platform_device.h. */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct resource;

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
	void (*shutdown)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};

#define platform_get_device_id(pdev)	((pdev)->id_entry)

int __platform_driver_register(struct platform_driver *drv, struct module *owner);
#define platform_driver_register(drv)					\
	__platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);

#define module_platform_driver(__platform_driver)			\
	module_driver(__platform_driver, platform_driver_register,	\
		      platform_driver_unregister)

int platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);

struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
struct platform_device *platform_device_register_simple(const char *name,
		int id, const struct resource *res, unsigned int num);

#endif
