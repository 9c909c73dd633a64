#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# unbalanced-registration names the object as the call spells it: an
# argument written as a macro keeps the macro's name, not the tokens of
# its definition nor a placeholder.
. "$(dirname "$0")/lib.bash"

cat >"$SCRATCH/m.c" <<'C'
#include <linux/module.h>
#include <linux/fs.h>
#define MY_MAJOR 42
static const struct file_operations f_fops;
static int __init m_init(void)
{
	return register_chrdev(MY_MAJOR, "m", &f_fops);
}
static void __exit m_exit(void)
{
}
module_init(m_init);
module_exit(m_exit);
C
run "$DRVLINT" --checks=-*,unbalanced-registration "$SCRATCH/m.c" -- -I"$INCLUDE" -DMODULE
expect_status 1 "a register without its unregister in exit"
expect_match "$out" "m.c:7:9: warning: 'MY_MAJOR' registered by register_chrdev\(\) in m_init\(\)" "the macro argument names the object"
expect_match "$out" "m.c:9:1: note: module exit m_exit\(\) does not call unregister_chrdev\(\)" "the exit is the related location"
finish
