/* A table whose only entries are compiled out is empty: a walker reads past it at once. */
#include <linux/module.h>
#include <linux/of.h>

/* drivers/char/virtio_console.c's rproc_serial_id_table without its sentinel. */
static const struct of_device_id et_empty_ids[] = {	/* expect: id-table-sentinel */
#ifdef CONFIG_ET_NOT_SET
	{ .compatible = "acme,et" },
#endif
};
MODULE_DEVICE_TABLE(of, et_empty_ids);

static const struct of_device_id et_sentinel_only_ids[] = {
#ifdef CONFIG_ET_NOT_SET
	{ .compatible = "acme,et" },
#endif
	{ }
};
MODULE_DEVICE_TABLE(of, et_sentinel_only_ids);

/* An explicit size with nothing in it is all zero: one sentinel. */
static const struct of_device_id et_sized_ids[1] = { };
MODULE_DEVICE_TABLE(of, et_sized_ids);
