/* Objects whose address is handed on as writable cannot be const yet. */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/sysfs.h>

static struct attribute_group es_legacy_group = {
	.name = "es-legacy",
};

static struct attribute_group es_memset_group = {
	.name = "es-memset",
};

static struct attribute_group es_memcpy_group = {
	.name = "es-memcpy",
};

static struct class es_var_class = {
	.name = "es-var",
};

static struct class es_field_class = {
	.name = "es-field",
};

static struct class es_assign_class = {
	.name = "es-assign",
};

static struct class es_return_class = {
	.name = "es-return",
};

static struct class es_cast_class = {
	.name = "es-cast",
};

static struct class es_ulong_class = {
	.name = "es-ulong",
};

struct es_holder {
	struct class *cls;
};

static struct es_holder es_holder = {
	.cls = &es_field_class,
};

static struct class *es_current;

static struct class *es_get(void)
{
	return &es_return_class;
}

static int __init es_init(void)
{
	struct class *p = &es_var_class;
	struct attribute_group tmp = { 0 };
	unsigned long addr = (unsigned long)&es_ulong_class;

	es_current = &es_assign_class;
	memset(&es_memset_group, 0, sizeof(es_memset_group));
	memcpy(&es_memcpy_group, &tmp, sizeof(tmp));
	((struct class *)&es_cast_class)->name = "changed";
	return legacy_register_group(&es_legacy_group) + (p != NULL) +
	       (es_get() != NULL) + (addr != 0) + (es_holder.cls != NULL);
}
module_init(es_init);
