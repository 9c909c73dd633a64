// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "engine/results.h"

void unit_results_free(struct unit_results *res, size_t nchecks)
{
	finding_list_free(&res->findings);
	failure_list_free(&res->failures);
	for (size_t k = 0; res->facts && k < nchecks; k++)
		fact_list_free(&res->facts[k]);
	free(res->facts);
	free(res->stats);
	memset(res, 0, sizeof(*res));
}
