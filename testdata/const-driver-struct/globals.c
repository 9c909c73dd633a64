/* drvlint-also: globals-user.c */
/* Global objects: a write in another unit blocks them, a read does not. */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/sysfs.h>

/* globals-user.c writes it. */
struct class gl_shared_class = {
	.name = "gl-shared",
};

/* globals-user.c only reads it; the Coccinelle engine sees one file and leaves globals alone. */
struct bus_type gl_read_bus = {	/* expect-clang: const-driver-struct */
	.name = "gl-read",
};

/* Exported: modules outside the checked units may write it. */
struct device_type gl_exported_type = {
	.name = "gl-exported",
};
EXPORT_SYMBOL_GPL(gl_exported_type);
