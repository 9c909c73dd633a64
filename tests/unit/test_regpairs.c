// SPDX-License-Identifier: GPL-2.0-only
/* The register-pairs.list reader, and the shipped list itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/regpairs.h"
#include "tap.h"

static void test_parse(void)
{
	struct regpairs rp;
	const struct regpair *p;
	char err[256];

	INTEQ(regpairs_parse(
		      &rp,
		      "# comment\n"
		      "__pci_register_driver pci_unregister_driver 1 1 core -\n"
		      "\n"
		      "class_create class_destroy 0 1 core -   # returns it\n"
		      "device_add device_del 1 1 core -\n"
		      "device_add device_unregister 1 1 core -\n"
		      "register_netdev unregister_netdev 1 1 subsys devm_register_netdev\n"
		      "debugfs_create_dir debugfs_remove 0 1 subsys - 2\n"
		      "device_create_file device_remove_file 2 2 subsys - del:1\n"
		      "i2c_new_client_device i2c_unregister_device 0 1 core - own:1\n"
		      "managed-alloc devm_input_allocate_device\n"
		      "release-member private_free\n"
		      "private-area netdev_priv\n",
		      "x.list", err, sizeof(err)),
	      0);
	INTEQ(rp.n, 8);
	OK(regpairs_is_managed_alloc(&rp, "devm_input_allocate_device"));
	OK(!regpairs_is_managed_alloc(&rp, "devm_kzalloc"));
	OK(regpairs_is_release_member(&rp, "private_free"));
	OK(!regpairs_is_release_member(&rp, "func"));
	OK(regpairs_is_private_area(&rp, "netdev_priv"));
	OK(!regpairs_is_private_area(&rp, "private_free"));
	OK(!regpairs_is_register(&rp, "managed-alloc"));
	p = regpairs_find(&rp, "i2c_new_client_device",
			  "i2c_unregister_device");
	OK(p && p->parent_arg == 1 && p->parent_own && !p->holder_arg);
	p = regpairs_find(&rp, "device_create_file", "device_remove_file");
	OK(p && p->holder_arg == 1 && p->parent_arg == 0);
	OK(regpairs_find(&rp, "debugfs_create_dir", "debugfs_remove")
		   ->parent_arg == 2);
	OK(regpairs_find(&rp, "device_add", "device_del")->parent_arg == 0);
	OK(regpairs_find(&rp, "device_add", "device_del")->holder_arg == 0);
	OK(regpairs_is_register(&rp, "__pci_register_driver"));
	OK(!regpairs_is_register(&rp, "pci_register_driver"));
	OK(regpairs_is_unregister(&rp, "device_unregister"));
	OK(!regpairs_is_unregister(&rp, "device_add"));
	p = regpairs_find(&rp, "class_create", "class_destroy");
	OK(p && p->reg_arg == 0 && p->unreg_arg == 1 && p->class == REG_CORE &&
	   !p->managed && p->lineno == 4);
	p = regpairs_find(&rp, "device_add", "device_unregister");
	OK(p && p->lineno == 6);
	p = regpairs_find(&rp, "register_netdev", "unregister_netdev");
	OK(p && p->class == REG_SUBSYS && p->managed &&
	   !strcmp(p->managed, "devm_register_netdev"));
	OK(!regpairs_find(&rp, "device_add", "class_destroy"));
	regpairs_free(&rp);
}

static void test_errors(void)
{
	static const char *const bad[] = {
		"a b 1 1 core\n", /* five fields */
		"a b x 1 core -\n", /* not a number */
		"a b 1 0 core -\n", /* unregister needs an argument */
		"a b 1 1 driver -\n", /* unknown class */
		"a b 1 1 core - 0\n", /* a parent is an argument */
		"a b 1 1 core - 1 2\n", /* eight fields */
		"a b 1 1 core - del:0\n", /* a holder is an argument */
		"a b 1 1 core - del:\n", /* ... given */
		"a b 1 1 core - del1\n", /* del: or a number */
		"a b 1 1 core - own:0\n", /* a parent is an argument */
		"managed-alloc\n", /* an allocator's name */
		"managed-alloc a b\n", /* one */
		"private-areas a\n", /* an unknown kind */
	};
	struct regpairs rp;
	char err[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		OK(regpairs_parse(&rp, bad[i], "bad.list", err, sizeof(err)) <
		   0);
		OK(!strncmp(err, "bad.list:1: expected", 20));
		INTEQ(rp.n, 0);
	}
	OK(regpairs_load(&rp, "/nonexistent", err, sizeof(err)) < 0);
	STREQ(err,
	      "/nonexistent/register-pairs.list: No such file or directory");
}

/* The shipped list: enough pairs for both checks, each pair once. */
static void test_shipped(void)
{
	const char *src = getenv("DRVLINT_SOURCE_DIR");
	struct regpairs rp;
	char err[512], *dir;
	size_t core = 0;

	if (!src)
		return;
	dir = malloc(strlen(src) + 8);
	sprintf(dir, "%s/rules", src);
	INTEQ(regpairs_load(&rp, dir, err, sizeof(err)), 0);
	OK(rp.n >= 60);
	for (size_t i = 0; i < rp.n; i++) {
		OK(regpairs_find(&rp, rp.v[i].reg, rp.v[i].unreg) == &rp.v[i]);
		core += rp.v[i].class == REG_CORE;
	}
	OK(core >= 20);
	OK(regpairs_find(&rp, "__platform_driver_register",
			 "platform_driver_unregister"));
	OK(regpairs_find(&rp, "i2c_register_driver", "i2c_del_driver")
		   ->reg_arg == 2);
	regpairs_free(&rp);
	free(dir);
}

int main(void)
{
	test_parse();
	test_errors();
	test_shipped();
	return tap_done();
}
