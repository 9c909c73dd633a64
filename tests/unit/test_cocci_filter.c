// SPDX-License-Identifier: GPL-2.0-only
/* The Coccinelle engine's file selection: spatch's query and two shapes. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "select/cocci_filter.h"
#include "tap.h"

/* Does rule 0 of a one-rule filter pass the text? */
static bool passes(const char *rule, const char *query, const char *text)
{
	struct cocci_filter *cf = cocci_filter_new();
	bool pass[1];

	cocci_filter_add(cf, rule, query);
	cocci_filter_text(cf, text, strlen(text), pass);
	cocci_filter_free(cf);
	return pass[0];
}

static void test_query_of(void)
{
	char *q = cocci_filter_query_of(
		"@r@\n@@\n- foo();\nIdutils query\n(a|b)\n");

	STREQ(q, "(a|b)");
	free(q);
	OK(!cocci_filter_query_of("No idutils query\n"));
}

static void test_words(void)
{
	const char *q = "((reg_a|reg_b)&(unreg_a|unreg_b))";

	OK(passes("x", q, "reg_b(x); /* unreg_a */"));
	OK(!passes("x", q, "reg_b(x); unreg_c(x);"));
	/* a word, not a part of one */
	OK(!passes("x", q, "reg_b(x); my_unreg_a(x);"));
	OK(!passes("x", q, "reg_b(x); unreg_a2(x);"));
	/* a single word, no parentheses */
	OK(passes("x", "of_device_id", "struct of_device_id t[];"));
	OK(!passes("x", "of_device_id", "struct of_device_ids t[];"));
	/* negation and "true" never narrow the selection */
	OK(passes("x", "(!(a)&b)", "b"));
	OK(passes("x", "true", ""));
}

static void test_query_not_understood(void)
{
	struct cocci_filter *cf = cocci_filter_new();
	bool pass[3];

	cocci_filter_add(cf, "a", "(a|b");
	cocci_filter_add(cf, "b", "(a|b&c)");
	cocci_filter_add(cf, "c", NULL);
	OK(!cocci_filter_has_query(cf, 0));
	OK(!cocci_filter_has_query(cf, 1));
	OK(!cocci_filter_has_query(cf, 2));
	cocci_filter_text(cf, "nothing", 7, pass);
	OK(pass[0] && pass[1] && pass[2]);
	cocci_filter_free(cf);
}

static void test_const_shape(void)
{
	const char *r = "const-driver-struct",
		   *q = "(bus_type|file_operations)";

	OK(passes(r, q, "static struct bus_type b = { .name = \"x\" };"));
	OK(passes(r, q,
		  "static struct file_operations f[2] __ro_after_init = {"));
	OK(passes(r, q, "static __maybe_unused struct bus_type b = { };"));
	OK(passes(r, q, "int x;\nstatic\nstruct /* c */ bus_type\nb =\n{ };"));
	OK(!passes(r, q, "static const struct bus_type b = { };"));
	OK(!passes(r, q, "struct bus_type b = { };"));
	OK(!passes(r, q, "static struct bus_type *b = &x;"));
	OK(!passes(r, q, "static struct bus_type b;"));
	OK(!passes(r, q, "static int f(struct bus_type b);"));
	OK(!passes(r, q, "static struct device_type b = { };"));
	OK(!passes(r, q, "// static struct bus_type b = { };\n"));
	/* brackets unbalanced by #ifdef branches stop at the statement */
	OK(passes(
		r, q,
		"void f(void) {\n#ifdef A\n if (g(a,\n#else\n if (g(b,\n#endif\n"
		"  c)) { }\n}\nstatic struct bus_type b = { };"));
}

static void test_id_table_shape(void)
{
	const char *r = "id-table-sentinel",
		   *q = "(of_device_id|pci_device_id)";

	OK(passes(r, q,
		  "static const struct of_device_id m[] = {\n"
		  "\t{ .compatible = \"a\" },\n};"));
	OK(!passes(r, q,
		   "static const struct of_device_id m[] = {\n"
		   "\t{ .compatible = \"a\" },\n\t{ /* sentinel */ }\n};"));
	OK(!passes(r, q,
		   "static const struct pci_device_id m[] = {\n"
		   "\t{ PCI_VDEVICE(INTEL, 1), 0 },\n\t{ 0, },\n};"));
	OK(!passes(r, q,
		   "const struct of_device_id m[] = { { .c = \"a\" }, {} };"));
	OK(passes(
		r, q,
		"const struct of_device_id m[] = { { .c = \"a\" }, { .c = 0 } };"));
	/* what cannot be told from the text alone is left to spatch */
	OK(passes(r, q,
		  "const struct of_device_id m[] = {\n{ .c = \"a\" },\n"
		  "#ifdef X\n{ .c = \"b\" },\n#endif\n{}\n};"));
	OK(passes(
		r, q,
		"const struct of_device_id m[] = { [1] = { .c = \"a\" }, [0] = {} };"));
	OK(passes(r, q, "const struct of_device_id m[] = { };"));
	OK(passes(r, q,
		  "const struct of_device_id m[] = { ENTRY(a), ENTRY(b) };"));
	OK(passes(r, q,
		  "const struct of_device_id m[] = { { .c = \"a\" }, {}"));
	/* only arrays are tables */
	OK(!passes(r, q,
		   "static const struct of_device_id m = { .c = \"a\" };"));
	OK(!passes(r, q, "extern const struct of_device_id m[];"));
}

/* Tables by use: any structure, when the name is exported or stored. */
static void test_id_table_by_use(void)
{
	const char *r = "id-table-sentinel",
		   *q = "(MODULE_DEVICE_TABLE|id_table|of_device_id)";

	OK(passes(r, q,
		  "static const struct scmi_device_id t[] = {\n"
		  "\t{ 1, \"a\" },\n};\nMODULE_DEVICE_TABLE(scmi, t);"));
	OK(passes(r, q,
		  "static const struct scmi_device_id t[] = { { 1, \"a\" } };\n"
		  "static struct scmi_driver d = { .id_table = &t[0] };"));
	OK(!passes(r, q,
		   "static const struct scmi_device_id t[] = {\n"
		   "\t{ 1, \"a\" },\n\t{ }\n};\nMODULE_DEVICE_TABLE(scmi, t);"));
	/* another array of the file, neither exported nor stored */
	OK(!passes(r, q,
		   "static const struct foo_data u[] = { { 1 } };\n"
		   "MODULE_DEVICE_TABLE(scmi, t);"));
	/* the words must be the script's */
	OK(!passes(r, "(of_device_id)",
		   "static const struct scmi_device_id t[] = { { 1 } };\n"
		   "MODULE_DEVICE_TABLE(scmi, t);"));
}

static void test_tested_call_shape(void)
{
	const char *r = "unbalanced-registration",
		   *q = "(misc_register|cdev_add)";

	OK(passes(r, q,
		  "ret = misc_register(&m);\n\tif (ret)\n\t\treturn ret;"));
	OK(passes(r, q,
		  "int ret = misc_register(&m);\n/* c */ if (ret) goto out;"));
	OK(passes(r, q, "if (misc_register(&m)) return -1;"));
	OK(passes(r, q, "if (unlikely(cdev_add(&c, d, 1) < 0)) return -1;"));
	OK(passes(r, q,
		  "ret = misc_register(&m);\n#ifdef X\nfoo();\n#endif\n"));
	OK(passes(r, q,
		  "static int __init i(void) { return misc_register(&m); }\n"
		  "module_init(i);\nmodule_exit(e);"));
	OK(!passes(r, q, "ret = misc_register(&m);\n\treturn ret;"));
	OK(!passes(r, q, "return misc_register(&m);\nmodule_init(i);"));
	OK(!passes(r, q, "misc_register(&m);\nif (x) return;"));
	OK(!passes(r, q, "ret = my_misc_register(&m);\nif (ret) return ret;"));
}

static void test_flag_shape(void)
{
	const char *r = "registration-flag",
		   *q = "((misc_register)&(misc_deregister))";

	/* set after the register call, tested before the unregister */
	OK(passes(
		r, q,
		"int i(void) { int e = misc_register(&m); if (!e) p->reg = true; return e; }\n"
		"void x(void) { if (p->reg) misc_deregister(&m); }"));
	OK(passes(
		r, q,
		"int i(void) { reg = !misc_register(&m); }\n"
		"void x(void) { if (likely(a && (reg))) misc_deregister(&m); }"));
	OK(passes(r, q,
		  "int i(void) { e = misc_register(&m); s.reg = e == 0; }\n"
		  "void x(void) { s.reg && misc_deregister(&m); }"));
	/* the mirror form: cleared after the unregister, tested before the register */
	OK(passes(r, q,
		  "void x(void) { misc_deregister(&m); done = false; }\n"
		  "int i(void) { if (done == false) { misc_register(&m); } }"));
	/* the flag must be tested, in a function with a call */
	OK(!passes(r, q,
		   "int i(void) { if (!misc_register(&m)) reg = true; }\n"
		   "void x(void) { misc_deregister(&m); }"));
	OK(!passes(
		r, q,
		"int i(void) { misc_register(&m); reg = true; }\n"
		"void x(void) { misc_deregister(&m); }\nvoid y(void) { if (reg) z(); }"));
	/* a condition that is not one of the guards' forms */
	OK(!passes(r, q,
		   "int i(void) { misc_register(&m); n = 1; }\n"
		   "void x(void) { if (n > 2) misc_deregister(&m); }"));
	OK(!passes(r, q,
		   "int i(void) { misc_register(&m); a[n] = 1; if (n) x(); }"));
	/* a guard: the call in its branch, its else branch, or after a jump */
	OK(passes(r, q,
		  "int i(void) { if (misc_register(&m) == 0) up = true; }\n"
		  "void x(void) { if (!up) { return; } misc_deregister(&m); }"));
	OK(passes(
		r, q,
		"int i(void) { if (misc_register(&m) == 0) up = true; }\n"
		"void x(void) { if (!up) n++; else { misc_deregister(&m); } }"));
	OK(!passes(
		r, q,
		"int i(void) { if (misc_register(&m) == 0) up = true; }\n"
		"void x(void) { if (up) pr_info(\"up\"); misc_deregister(&m); }"));
	/* assigned something else */
	OK(!passes(
		r, q,
		"int i(void) { reg = misc_register(&m); if (reg) misc_deregister(&m); }"));
}

int main(void)
{
	test_query_of();
	test_words();
	test_query_not_understood();
	test_const_shape();
	test_id_table_shape();
	test_id_table_by_use();
	test_tested_call_shape();
	test_flag_shape();
	return tap_done();
}
