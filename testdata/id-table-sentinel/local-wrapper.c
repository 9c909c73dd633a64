/* Consumers reached through a macro, a helper of the same file, or a pointer variable. */
#include <linux/module.h>
#include <linux/of.h>

/* A macro wrapper is expanded before the check looks: of_match_node() is called. */
#define lw_match(tbl, np)	of_match_node(tbl, np)

static const struct of_device_id lw_macro_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,lw-macro" },
};

/* A helper of this file that hands its parameter to of_match_node(). */
static const struct of_device_id lw_function_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,lw-function" },
};

static const struct of_device_id *lw_lookup(const struct of_device_id *tbl,
					    struct device_node *np)
{
	return of_match_node(tbl, np);
}

/* A pointer variable between the table and the walker. */
static const struct of_device_id lw_pointer_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,lw-pointer" },
};

static int lw_probe(struct device_node *np)
{
	const struct of_device_id *tbl = lw_pointer_match;

	if (lw_match(lw_macro_match, np))
		return 0;
	if (lw_lookup(lw_function_match, np))
		return 0;
	return of_match_node(tbl, np) ? 0 : -ENODEV;
}

static int __init lw_init(void)
{
	return lw_probe(NULL);
}
module_init(lw_init);

MODULE_LICENSE("GPL");
