/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/input.h: input devices and handlers. */
#ifndef _INPUT_H
#define _INPUT_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

#define EV_SYN		0x00
#define EV_KEY		0x01
#define EV_REL		0x02
#define EV_ABS		0x03

#define KEY_POWER	116
#define BTN_MOUSE	0x110
#define BTN_TOUCH	0x14a

#define BIT_MASK(nr)	(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)	((nr) / BITS_PER_LONG)

struct input_id {
	u16 bustype;
	u16 vendor;
	u16 product;
	u16 version;
};

struct input_dev {
	const char *name;
	struct input_id id;
	struct device dev;
};

struct input_handle;

struct input_handler {
	void *private;
	void (*event)(struct input_handle *handle, unsigned int type,
		      unsigned int code, int value);
	bool (*match)(struct input_handler *handler, struct input_dev *dev);
	int (*connect)(struct input_handler *handler, struct input_dev *dev,
		       const struct input_device_id *id);
	void (*disconnect)(struct input_handle *handle);
	bool legacy_minors;
	int minor;
	const char *name;
	const struct input_device_id *id_table;
};

int input_register_handler(struct input_handler *handler);
void input_unregister_handler(struct input_handler *handler);
bool input_match_device_id(const struct input_dev *dev,
			   const struct input_device_id *id);

struct input_dev *input_allocate_device(void);
struct input_dev *devm_input_allocate_device(struct device *dev);
void input_free_device(struct input_dev *dev);
int input_register_device(struct input_dev *dev);
void input_unregister_device(struct input_dev *dev);

#endif
