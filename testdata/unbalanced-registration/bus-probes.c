/*
 * Bus drivers whose probe has another name: serio's and gameport's
 * .connect, ACPI's .add in the driver's .ops.  What they register, the
 * remove (.disconnect, .remove) must undo.
 */
#include <linux/module.h>
#include <linux/input.h>
#include <linux/err.h>
#include <linux/errno.h>

#define GFP_KERNEL 0
void *kzalloc(size_t size, int flags);
void kfree(const void *p);

/* serio: a bus driver whose probe is .connect. */
struct serio {
	struct device dev;
};

struct serio_driver {
	int (*connect)(struct serio *serio, struct serio_driver *drv);
	void (*disconnect)(struct serio *serio);
	struct device_driver driver;
};

void *serio_get_drvdata(struct serio *serio);
void serio_set_drvdata(struct serio *serio, void *data);
int __serio_register_driver(struct serio_driver *drv, struct module *owner,
			    const char *mod_name);
void serio_unregister_driver(struct serio_driver *drv);

struct bp_ts {
	struct input_dev *input;
};

static int bp_connect(struct serio *serio, struct serio_driver *drv)
{
	struct bp_ts *ts = kzalloc(sizeof(*ts), GFP_KERNEL);
	int err;

	(void)drv;
	if (!ts)
		return -ENOMEM;
	ts->input = input_allocate_device();
	if (!ts->input) {
		kfree(ts);
		return -ENOMEM;
	}
	serio_set_drvdata(serio, ts);
	err = input_register_device(ts->input); /* expect-clang: unbalanced-registration */
	if (err) {
		input_free_device(ts->input);
		kfree(ts);
	}
	return err;
}

/* Frees the state but leaves the input device registered. */
static void bp_disconnect(struct serio *serio)
{
	struct bp_ts *ts = serio_get_drvdata(serio);

	serio_set_drvdata(serio, NULL);
	kfree(ts);
}

static struct serio_driver bp_serio_drv = {
	.connect = bp_connect,
	.disconnect = bp_disconnect,
	.driver = { .name = "pa" },
};

/* ACPI: .add and .remove in .ops; struct device_driver as 'drv'. */
struct acpi_device {
	struct device dev;
	void *driver_data;
};

struct acpi_device_ops {
	int (*add)(struct acpi_device *device);
	void (*remove)(struct acpi_device *device);
};

struct acpi_driver {
	char name[80];
	struct acpi_device_ops ops;
	struct device_driver drv;
};

int __acpi_bus_register_driver(struct acpi_driver *driver,
			       struct module *owner);
void acpi_bus_unregister_driver(struct acpi_driver *driver);

static int bp_acpi_add(struct acpi_device *device)
{
	struct input_dev *input = input_allocate_device();
	int err;

	if (!input)
		return -ENOMEM;
	err = input_register_device(input); /* expect-clang: unbalanced-registration */
	if (err) {
		input_free_device(input);
		return err;
	}
	device->driver_data = input;
	return 0;
}

static void bp_acpi_remove(struct acpi_device *device)
{
	device->driver_data = NULL;
}

static struct acpi_driver bp_acpi_drv = {
	.name = "bp",
	.ops = {
		.add = bp_acpi_add,
		.remove = bp_acpi_remove,
	},
};

/* The same with the unregister: no finding. */
static int bp_acpi_add_ok(struct acpi_device *device)
{
	struct input_dev *input = input_allocate_device();
	int err;

	if (!input)
		return -ENOMEM;
	err = input_register_device(input);
	if (err) {
		input_free_device(input);
		return err;
	}
	device->driver_data = input;
	return 0;
}

static void bp_acpi_remove_ok(struct acpi_device *device)
{
	input_unregister_device(device->driver_data);
}

static struct acpi_driver bp_acpi_drv_ok = {
	.name = "bp-ok",
	.ops = {
		.add = bp_acpi_add_ok,
		.remove = bp_acpi_remove_ok,
	},
};

static int __init bp_init(void)
{
	int err = __serio_register_driver(&bp_serio_drv, THIS_MODULE, "bp");

	if (err)
		return err;
	err = __acpi_bus_register_driver(&bp_acpi_drv, THIS_MODULE);
	if (err)
		goto serio;
	err = __acpi_bus_register_driver(&bp_acpi_drv_ok, THIS_MODULE);
	if (err)
		goto acpi;
	return 0;
acpi:
	acpi_bus_unregister_driver(&bp_acpi_drv);
serio:
	serio_unregister_driver(&bp_serio_drv);
	return err;
}

static void __exit bp_exit(void)
{
	acpi_bus_unregister_driver(&bp_acpi_drv_ok);
	acpi_bus_unregister_driver(&bp_acpi_drv);
	serio_unregister_driver(&bp_serio_drv);
}

module_init(bp_init);
module_exit(bp_exit);
MODULE_LICENSE("GPL");
