// SPDX-License-Identifier: GPL-2.0-only
/* The registry of checks and --checks= selection. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/util.h"

#define CHECK(name) extern const struct check check_##name;
#include "core/check_list.h"
#undef CHECK

const struct check *const all_checks[] = {
#define CHECK(name) &check_##name,
#include "core/check_list.h"
#include "lib/strset.h"
#undef CHECK
};

const size_t nr_all_checks = sizeof(all_checks) / sizeof(all_checks[0]);

static int apply_pattern(const char *pat, bool *enabled, char *err,
			 size_t errlen)
{
	bool on = true, matched = false;

	while (*pat == ' ')
		pat++;
	if (*pat == '-') {
		on = false;
		pat++;
	}
	if (!*pat)
		return 0;
	for (size_t i = 0; i < nr_all_checks; i++) {
		if (fnmatch(pat, all_checks[i]->id, 0) == 0) {
			enabled[i] = on;
			matched = true;
		}
	}
	if (!matched)
		return set_error(
			err, errlen,
			"--checks: '%s' matches no check (see --list-checks)",
			pat);
	return 0;
}

bool check_switch(const struct check_config *cfg, const char *rule,
		  const char *name)
{
	char *key;
	bool on;

	if (!cfg->switches)
		return false;
	key = xasprintf("%s:%s", rule, name);
	on = strset_has(cfg->switches, key);
	free(key);
	return on;
}

bool checks_own_output(const struct strset *switches)
{
	for (size_t i = 0; i < nr_all_checks; i++) {
		const struct check *c = all_checks[i];

		for (const struct check_option *o = c->options; o && o->option;
		     o++) {
			char *key;
			bool on;

			if (!o->own_output)
				continue;
			key = xasprintf("%s:%s", c->id, o->name);
			on = strset_has(switches, key);
			free(key);
			if (on)
				return true;
		}
	}
	return false;
}

size_t check_nstats(const struct check *c)
{
	size_t n = 0;

	while (c->stats && c->stats[n])
		n++;
	return n;
}

int checks_select(const char *list, bool *enabled, char *err, size_t errlen)
{
	char *copy, *save, *pat;
	int ret = 0;

	/*
	 * A list that starts by naming checks selects just those; one that
	 * starts by removing some ('-foo', '-*,foo') starts from all.
	 */
	while (list && *list == ' ')
		list++;
	for (size_t i = 0; i < nr_all_checks; i++)
		enabled[i] = !list || *list == '-';
	if (!list)
		return 0;
	copy = xstrdup(list);
	for (pat = strtok_r(copy, ",", &save); pat && !ret;
	     pat = strtok_r(NULL, ",", &save))
		ret = apply_pattern(pat, enabled, err, errlen);
	free(copy);
	return ret;
}
