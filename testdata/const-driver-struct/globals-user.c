/* The other unit of globals.c: writes one global object, reads another. */
#include <linux/device.h>
#include <linux/module.h>

extern struct class gl_shared_class;
extern struct bus_type gl_read_bus;

static int __init gu_init(void)
{
	gl_shared_class.name = "gl-renamed";
	return gl_read_bus.name != NULL;
}
module_init(gu_init);
