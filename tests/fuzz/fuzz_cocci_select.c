// SPDX-License-Identifier: GPL-2.0-only
/* seeds: cocci testdata/const-driver-struct testdata/id-table-sentinel testdata/registration-flag testdata/unbalanced-registration */
/*
 * The Coccinelle file selection: the first line of the input is a grep
 * query as spatch prints it, the rest a file's text, tested by each check
 * with a query of its kind and by the query read.  Any bytes are parsed
 * or refused, and read to their end, never past it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/util.h"
#include "select/cocci_filter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Queries of the shape each rule's script gives. */
static const char *const queries[][2] = {
	{ "const-driver-struct", "(bus_type|class|device_type|kobj_type)" },
	{ "id-table-sentinel", "(pci_device_id|of_device_id|i2c_device_id)" },
	{ "unbalanced-registration",
	  "((platform_driver_register|pci_register_driver)&(platform_driver_unregister|pci_unregister_driver))" },
	{ "registration-flag",
	  "(platform_driver_register|platform_driver_unregister|class_register|class_unregister)" },
};

#define NQ (sizeof(queries) / sizeof(queries[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t qlen = nl ? (size_t)(nl - (const char *)data) : size;
	char *query = xstrndup((const char *)data, qlen);
	size_t tlen = nl ? size - qlen - 1 : 0;
	/* The text alone in a buffer of its size: a read past it is caught. */
	char *text = xmalloc(tlen + 1);
	char *whole = xstrndup((const char *)data, size);
	struct cocci_filter *cf = cocci_filter_new();
	bool pass[2 * NQ];

	memcpy(text, nl ? nl + 1 : "", tlen);
	for (size_t k = 0; k < NQ; k++)
		cocci_filter_add(cf, queries[k][0], queries[k][1]);
	for (size_t k = 0; k < NQ; k++)
		cocci_filter_add(cf, queries[k][0], query);
	cocci_filter_text(cf, text, tlen, pass);
	free(cocci_filter_query_of(whole));
	cocci_filter_free(cf);
	free(whole);
	free(text);
	free(query);
	return 0;
}
