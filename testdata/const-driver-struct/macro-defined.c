/* Objects a macro defines are reported where the macro is used, without a fix. */
#include <linux/device.h>
#include <linux/module.h>

#define MD_DEFINE_CLASS(_name)				\
	static struct class _name##_class = {		\
		.name = #_name,				\
	}

/* Coccinelle does not expand the macro. */
MD_DEFINE_CLASS(md_first);	/* expect-clang: const-driver-struct */

static int __init md_init(void)
{
	return class_register(&md_first_class);
}
module_init(md_init);
