// SPDX-License-Identifier: GPL-2.0-only
/* seeds: rules */
/* The reader of the rules/ lists: any bytes parse or are refused, never crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules_file rf = { 0 };
	char *text = xstrndup((const char *)data, size);

	rules_parse(&rf, text);
	rules_free(&rf);
	free(text);
	return 0;
}
