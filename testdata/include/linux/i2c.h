/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/i2c.h. */
#ifndef _LINUX_I2C_H
#define _LINUX_I2C_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct i2c_adapter {
	struct device dev;
	int nr;
	char name[48];
};

struct i2c_board_info {
	char type[I2C_NAME_SIZE];
	unsigned short addr;
	void *platform_data;
};

struct i2c_client {
	unsigned short flags;
	unsigned short addr;
	char name[I2C_NAME_SIZE];
	struct i2c_adapter *adapter;
	struct device dev;
	int irq;
};

#define to_i2c_client(d) container_of(d, struct i2c_client, dev)

struct i2c_driver {
	unsigned int class;
	int (*probe)(struct i2c_client *client);
	void (*remove)(struct i2c_client *client);
	void (*shutdown)(struct i2c_client *client);
	struct device_driver driver;
	const struct i2c_device_id *id_table;
	const unsigned short *address_list;
	u32 flags;
};

const struct i2c_device_id *i2c_match_id(const struct i2c_device_id *id,
					 const struct i2c_client *client);
const struct i2c_device_id *i2c_client_get_device_id(const struct i2c_client *client);
const struct of_device_id *i2c_of_match_device(const struct of_device_id *matches,
					       struct i2c_client *client);

struct i2c_client *i2c_new_client_device(struct i2c_adapter *adap,
					 struct i2c_board_info const *info);
struct i2c_client *i2c_new_dummy_device(struct i2c_adapter *adapter,
					u16 address);
struct i2c_client *i2c_new_scanned_device(struct i2c_adapter *adap,
					  struct i2c_board_info *info,
					  unsigned short const *addr_list,
					  int (*probe)(struct i2c_adapter *adap,
						       unsigned short addr));
void i2c_unregister_device(struct i2c_client *client);
int i2c_add_adapter(struct i2c_adapter *adap);
void i2c_del_adapter(struct i2c_adapter *adap);
void *i2c_get_clientdata(const struct i2c_client *client);
void i2c_set_clientdata(struct i2c_client *client, void *data);

int i2c_register_driver(struct module *owner, struct i2c_driver *driver);
void i2c_del_driver(struct i2c_driver *driver);
#define i2c_add_driver(driver) i2c_register_driver(THIS_MODULE, driver)

#define module_i2c_driver(__i2c_driver)					\
	module_driver(__i2c_driver, i2c_add_driver, i2c_del_driver)

#endif
