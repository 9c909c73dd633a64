/* Consumers reached through a macro are seen; through a local function or a pointer variable they are not followed. */
#include <linux/module.h>
#include <linux/of.h>

/* A macro wrapper is expanded before the check looks: of_match_node() is called. */
#define lw_match(tbl, np)	of_match_node(tbl, np)

static const struct of_device_id lw_macro_match[] = {	/* expect: id-table-sentinel */
	{ .compatible = "acme,lw-macro" },
};

/*
 * A function wrapper is not followed: lw_function_match would need a
 * sentinel, but the check does not see that lw_lookup() walks its table.
 * See rules/id-table-sentinel.md, "Limits".
 */
static const struct of_device_id lw_function_match[] = {
	{ .compatible = "acme,lw-function" },
};

static const struct of_device_id *lw_lookup(const struct of_device_id *tbl,
					    struct device_node *np)
{
	return of_match_node(tbl, np);
}

/* Nor is a pointer variable between the table and the walker. */
static const struct of_device_id lw_pointer_match[] = {
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
