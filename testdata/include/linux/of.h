/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/of.h: device-tree nodes and match tables. */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/kernel.h>
#include <linux/mod_devicetable.h>

struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
};

struct device_node {
	const char *name;
	const char *full_name;
	struct property *properties;
	struct device_node *parent;
	struct device_node *child;
	struct device_node *sibling;
};

#ifdef CONFIG_OF
#define of_match_ptr(_ptr)	(_ptr)

extern const struct of_device_id *of_match_node(
	const struct of_device_id *matches, const struct device_node *node);
extern struct device_node *of_find_matching_node_and_match(
	struct device_node *from, const struct of_device_id *matches,
	const struct of_device_id **match);
#else
#define of_match_ptr(_ptr)	NULL
#define of_match_node(_matches, _node)	NULL
#endif

static inline struct device_node *of_find_matching_node(
	struct device_node *from, const struct of_device_id *matches)
{
	return of_find_matching_node_and_match(from, matches, NULL);
}

#define for_each_matching_node(dn, matches)				\
	for (dn = of_find_matching_node(NULL, matches); dn;		\
	     dn = of_find_matching_node(dn, matches))
#define for_each_matching_node_and_match(dn, matches, match)		\
	for (dn = of_find_matching_node_and_match(NULL, matches, match);\
	     dn; dn = of_find_matching_node_and_match(dn, matches, match))

extern struct device_node *of_find_compatible_node(struct device_node *from,
	const char *type, const char *compat);
extern void of_node_put(struct device_node *node);
extern bool of_device_is_compatible(const struct device_node *device,
	const char *compat);
extern int of_property_read_u32(const struct device_node *np,
	const char *propname, u32 *out_value);

#endif
