/* Objects something writes cannot be const: every form of write. */
#include <linux/device.h>
#include <linux/init.h>
#include <linux/module.h>

static int wr_probe(struct device *dev)
{
	return 0;
}

static struct bus_type wr_member_bus = {
	.name = "wr-member",
};

static struct bus_type wr_whole_bus = {
	.name = "wr-whole",
};

static struct class wr_compound_class = {
	.name = "wr-compound",
};

static struct device_type wr_inc_type = {
	.name = "wr-inc",
};

static struct dev_pm_ops wr_nested_pm = {
	.suspend = NULL,
};

/* Never written, only read: the one finding of this file. */
static struct bus_type wr_read_bus = {	/* expect: const-driver-struct */
	.name = "wr-read",
};

static int wr_counter_of(const char *p)
{
	return p != NULL;
}

static int __init wr_init(void)
{
	struct bus_type copy;

	wr_member_bus.probe = wr_probe;
	wr_whole_bus = wr_read_bus;
	wr_compound_class.name += 1;
	wr_inc_type.name++;
	(&wr_nested_pm)->resume = NULL;
	copy = wr_read_bus;
	return wr_counter_of(copy.name) + wr_counter_of(wr_read_bus.name);
}
module_init(wr_init);
