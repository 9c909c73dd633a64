/* SPDX-License-Identifier: GPL-2.0-only */
/* What the checks produced for one unit: a parse, or a cache entry. */
#ifndef DRVLINT_RESULTS_H
#define DRVLINT_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fact.h"
#include "core/finding.h"

struct unit_results {
	struct finding_list findings;
	struct failure_list failures;
	unsigned long *stats; /* every check's counters, NULL if not parsed */
	struct fact_list *facts; /* one list per check, NULL if not parsed */
	bool parsed;
};

void unit_results_free(struct unit_results *res, size_t nchecks);

#endif
