# SPDX-License-Identifier: GPL-2.0-only
#
# kernel-tree-record.mk: kbuild's steps around each object, done by make
# itself while kernel-tree records a compile database.
#
# kernel-tree runs kbuild with this file in MAKEFILES, so every make of the
# build reads it before kbuild's own makefiles (hence 'override').  kbuild
# compiles a C file with one rule: the compiler, fixdep writing the command
# into the object's .cmd file, then symbol versions, objtool and the like,
# a shell and several programs each; then per module a .mod file (a shell
# and awk) and, for a module of several objects, a link.  Starting a
# program is what costs on a machine like this one, not the empty compile:
# over the ten thousand objects of a distribution kernel those starts
# would take most of the time.  Here these steps write their results with
# make's $(file) instead, and no program starts:
#
#   cc_o_c      an empty object, and the .cmd line fixdep would write;
#               not in $(KERNEL_TREE_IMAGE_DIRS), whose objects the build
#               reads (the vDSO, real mode and purgatory are linked into
#               images of their own, the EFI stub goes through objcopy):
#               they keep kbuild's rule
#   ld_multi_m  an empty module object (nothing links it)
#   mod         the module's object list, as cmd_mod's awk writes it
#   gen_order   modules.order, as cmd_gen_order's cat and echo write it
#   ar_builtin  a new built-in.a: ar straight from make, without the shell,
#               rm and xargs around it (an existing one keeps kbuild's rule,
#               which removes it first)
#
# and kbuild's 'mkdir -p' of the directories of a directory's targets, run
# when none of the targets exists yet, is run only for those missing: in a
# build in the source tree they all exist.
#
# Each .cmd file gets the line kbuild writes, 'savedcmd_<target> := <cmd>'
# with '$' and '#' escaped as kbuild escapes them, so that a later kbuild
# run finds the target up to date.  The command recorded is kbuild's own
# cmd_<rule>, evaluated by kbuild for that target: the compile database
# that gen_compile_commands.py reads from the .cmd files is the one a real
# build writes (tests/kernel/compdb-matches-build.sh compares them).
#
# A variable given on make's command line instead would be exported, that
# is expanded for the environment of every program make starts.

override if_changed_rule = $(if $(if-changed-cond),$(if $(call drvlint-recorded,$(1)),$(call drvlint-record,$(1)),$(rule_$(1))),@:)
override if_changed = $(if $(if-changed-cond),$(if $(call drvlint-recorded,$(1)),$(call drvlint-record,$(1)),$(cmd_and_savecmd)),@:)

drvlint-image-object = $(filter $(addsuffix /%,$(KERNEL_TREE_IMAGE_DIRS)),$@)
drvlint-recorded = $(or $(and $(filter cc_o_c,$(1)),$(if $(drvlint-image-object),,kernel)),$(filter ld_multi_m mod gen_order,$(1)),$(and $(filter ar_builtin,$(1)),$(if $(wildcard $@),,new)))

drvlint-record = $(file >$(dot-target).cmd,savedcmd_$@ := $(subst $(pound),$$(pound),$(subst $$,$$$$,$(cmd_$(1)))))$(drvlint-write-$(1))

drvlint-write-cc_o_c = $(file >$@)
drvlint-write-ld_multi_m = $(file >$@)
drvlint-write-mod = $(call drvlint-lines,$(addprefix $(obj)/,$(call drvlint-uniq,$(call real-search, $*.o, .o, -objs -y -m))))
drvlint-write-gen_order = $(call drvlint-lines,$(foreach m,$(real-prereqs),$(if $(filter %/$(notdir $@),$m),$(call read-file,$m),$m)))
drvlint-write-ar_builtin = @$(AR) cDPrST $@ $(real-prereqs)

override obj-dirs = $(filter-out $(wildcard $(drvlint-target-dirs)),$(drvlint-target-dirs))
drvlint-target-dirs = $(sort $(patsubst %/,%,$(dir $(targets))))

# The words of $(1), one a line, into the target.
drvlint-lines = $(if $(strip $(1)),$(file >$@,$(subst $(space),$(newline),$(strip $(1)))),$(file >$@))
# $(1) without repeated words, in order.
drvlint-uniq = $(if $(1),$(firstword $(1)) $(call drvlint-uniq,$(filter-out $(firstword $(1)),$(1))))
