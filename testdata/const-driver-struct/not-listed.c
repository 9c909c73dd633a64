/* Struct types that are not driver-model objects are not the check's business. */
#include <linux/device.h>
#include <linux/module.h>

struct nl_config {
	int speed;
	const char *label;
};

static struct nl_config nl_defaults = {
	.speed = 100,
	.label = "nl",
};

/* A pointer to a driver-model object is not the object. */
static struct class *nl_class_ptr;

static int __init nl_init(void)
{
	return nl_defaults.speed + (nl_class_ptr != NULL);
}
module_init(nl_init);
