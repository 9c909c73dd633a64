/*
 * Id tables by use: an array of a type that rules/id-tables.list does not
 * name is an id table when it is exported with MODULE_DEVICE_TABLE() or
 * stored in a member a bus walks (rules/id-table-walkers.list).  Its
 * entries end at a zeroed one, as every bus walks them.
 */
#include <linux/module.h>
#include <linux/scmi_protocol.h>

static int byuse_probe(struct scmi_device *sdev)
{
	return 0;
}

/* Exported, and stored in the SCMI driver's id_table: a table by use. */
static const struct scmi_device_id byuse_scmi_ids[] = {	/* expect: id-table-sentinel */
	{ 0x13, "perf" },
	{ 0x14, "clocks" },
};
MODULE_DEVICE_TABLE(scmi, byuse_scmi_ids);

static struct scmi_driver byuse_scmi_driver = {
	.name = "byuse-scmi",
	.probe = byuse_probe,
	.id_table = byuse_scmi_ids,
};
module_scmi_driver(byuse_scmi_driver);

/* Stored in the walked member alone, never exported. */
static const struct scmi_device_id byuse_field_only[] = {	/* expect: id-table-sentinel */
	{ 0x15, "sensors" },
};

static struct scmi_driver byuse_field_driver = {
	.name = "byuse-field",
	.probe = byuse_probe,
	.id_table = byuse_field_only,
};

/* Exported alone: MODULE_DEVICE_TABLE() makes any array an id table. */
struct byuse_bus_id {
	unsigned int kind;
	unsigned long driver_data;
};

static const struct byuse_bus_id byuse_bus_ids[] = {	/* expect: id-table-sentinel */
	{ 1, 0 },
	{ 2, 1 },
};
MODULE_DEVICE_TABLE(byuse, byuse_bus_ids);

/* The same three uses with the zeroed entry: nothing to say. */
static const struct scmi_device_id byuse_scmi_ids_ok[] = {
	{ 0x13, "perf" },
	{ }
};
MODULE_DEVICE_TABLE(scmi, byuse_scmi_ids_ok);

static struct scmi_driver byuse_ok_driver = {
	.name = "byuse-ok",
	.probe = byuse_probe,
	.id_table = byuse_scmi_ids_ok,
};

static const struct byuse_bus_id byuse_bus_ids_ok[] = {
	{ 1, 0 },
	{ }
};
MODULE_DEVICE_TABLE(byuse, byuse_bus_ids_ok);

/*
 * An array of the same type that no consumer walks, only indexed and
 * bounded by its size: no table, no sentinel needed.
 */
static const struct scmi_device_id byuse_indexed[] = {
	{ 0x13, "perf" },
	{ 0x14, "clocks" },
};

/* An array of another structure, walked with an explicit count. */
static const struct byuse_bus_id byuse_counted[] = {
	{ 1, 0 },
	{ 2, 1 },
};

static unsigned long byuse_lookup(const struct byuse_bus_id *ids, int n,
				  unsigned int kind)
{
	int i;

	for (i = 0; i < n; i++)
		if (ids[i].kind == kind)
			return ids[i].driver_data;
	return 0;
}

int byuse_use(unsigned int kind)
{
	int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(byuse_indexed); i++)
		n += byuse_indexed[i].protocol_id == kind;
	return n + byuse_lookup(byuse_counted, ARRAY_SIZE(byuse_counted), kind) +
	       scmi_register(&byuse_field_driver) +
	       scmi_register(&byuse_ok_driver);
}
