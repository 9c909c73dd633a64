/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/spi/spi.h. */
#ifndef __LINUX_SPI_H
#define __LINUX_SPI_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct spi_controller;

struct spi_device {
	struct device dev;
	struct spi_controller *controller;
	u32 max_speed_hz;
	u8 chip_select;
	u8 bits_per_word;
	u32 mode;
	int irq;
	char modalias[SPI_NAME_SIZE];
};

struct spi_driver {
	const struct spi_device_id *id_table;
	int (*probe)(struct spi_device *spi);
	void (*remove)(struct spi_device *spi);
	void (*shutdown)(struct spi_device *spi);
	struct device_driver driver;
};

const struct spi_device_id *spi_get_device_id(const struct spi_device *sdev);

int __spi_register_driver(struct module *owner, struct spi_driver *sdrv);
#define spi_register_driver(driver) __spi_register_driver(THIS_MODULE, driver)

static inline void spi_unregister_driver(struct spi_driver *sdrv)
{
	if (sdrv)
		driver_unregister(&sdrv->driver);
}

#define module_spi_driver(__spi_driver)					\
	module_driver(__spi_driver, spi_register_driver, spi_unregister_driver)

#endif
