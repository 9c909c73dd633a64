/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the two halves of const-driver-struct share: the per-unit walk
 * (const-driver-struct.c) records facts, the tree-level decision
 * (const-driver-struct-tree.c) reads them.
 */
#ifndef DRVLINT_CONST_DRIVER_STRUCT_H
#define DRVLINT_CONST_DRIVER_STRUCT_H

#include <stdbool.h>

#include "core/fact.h"
#include "core/finding.h"
#include "core/rules.h"
#include "lib/strset.h"

#define RULE "const-driver-struct"

struct const_rules {
	struct strset types;
	bool blocked, roadmap, all_types, inventory;
};

enum fact_kind {
	F_DEFINED, /* a candidate; text: its declaration made const */
	F_DEFINED_OTHER, /* the same, for a type not in the list */
	F_FIX, /* where 'const ' goes; value: byte offset, text: the
		  file's hash_bytes() in hex */
	F_WRITE, /* text: what writes it; value: 1 in __init code */
	F_ESCAPE, /* text: what needs it writable; extra: API key */
	F_EXPORTED, /* EXPORT_SYMBOL*(): users outside the tree */
	F_CONST, /* already const (--const-inventory); text: its type */
};

/*
 * The API key of an escape through a call: "function \t param \t type
 * \t declaration file \t line \t column".
 */

void const_finish(const void *state, const struct fact_list *facts,
		  struct finding_list *out);

#endif
