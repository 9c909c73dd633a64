/*
 * An object declared first, used, and defined further down: its uses
 * before the definition count like any other.
 */
#include <linux/device.h>
#include <linux/module.h>

struct df_holder {
	struct class *cls;
	const struct class *ro;
};

static struct class df_stored_class;
static struct class df_read_class;

static void df_setup(struct df_holder *h)
{
	h->cls = &df_stored_class;	/* a writable pointer: stays writable */
	h->ro = &df_read_class;
}

static struct class df_stored_class = {
	.name = "df-stored",
};

static struct class df_read_class = {	/* expect-clang: const-driver-struct */
	.name = "df-read",
};

static int __init df_init(void)
{
	static struct df_holder h;

	df_setup(&h);
	return 0;
}
module_init(df_init);
