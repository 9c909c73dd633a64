// SPDX-License-Identifier: GPL-2.0-only
/*
 * 'drvlint pairs --mine': which function names read as a register and
 * which as its undoing.  Shared by the per-unit scan (mine.c) and the
 * ranking over all units (rank.c).
 */
#include <string.h>

#include "checks/unbalanced-registration/pairs.h"
#include "lib/util.h"

/* How a register's name turns into its unregister's. */
static const struct {
	const char *reg, *unreg;
} renames[] = {
	{ "register", "unregister" },
	{ "register", "deregister" },
	{ "add", "del" },
	{ "add", "remove" },
	{ "add", "delete" },
	{ "create", "destroy" },
	{ "create", "remove" },
	{ "create", "delete" },
	{ "install", "uninstall" },
	{ "install", "remove" },
	{ "attach", "detach" },
};

static const char *const undo_words[] = {
	"unregister", "deregister", "del",	 "remove",
	"destroy",    "delete",	    "uninstall", "detach",
};

/* 'w' in name as a word of its own: between '_', or at either end. */
static const char *find_word(const char *name, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = strstr(name, w); p; p = strstr(p + 1, w))
		if ((p == name || p[-1] == '_') && (!p[n] || p[n] == '_'))
			return p;
	return NULL;
}

bool pairs_unregisters(const char *name)
{
	for (size_t i = 0; i < sizeof(undo_words) / sizeof(undo_words[0]); i++)
		if (find_word(name, undo_words[i]))
			return true;
	return false;
}

bool pairs_registers(const char *name)
{
	if (pairs_unregisters(name))
		return false;
	for (size_t i = 0; i < sizeof(renames) / sizeof(renames[0]); i++)
		if (find_word(name, renames[i].reg))
			return true;
	return false;
}

size_t pairs_nrenames(void)
{
	return sizeof(renames) / sizeof(renames[0]);
}

char *pairs_renamed(const char *reg, size_t i)
{
	const char *from = renames[i].reg, *to = renames[i].unreg;
	const char *p = find_word(reg, from);

	if (!p)
		return NULL;
	return xasprintf("%.*s%s%s", (int)(p - reg), reg, to, p + strlen(from));
}
