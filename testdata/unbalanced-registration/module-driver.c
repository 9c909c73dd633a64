/* module_platform_driver() and friends expand to an init and an exit that balance by construction. */
#include <linux/module.h>
#include <linux/platform_device.h>

static struct platform_driver b_driver = { .driver = { .name = "b" } };

module_platform_driver(b_driver);
