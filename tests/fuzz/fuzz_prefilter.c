// SPDX-License-Identifier: GPL-2.0-only
/* seeds: testdata/const-driver-struct testdata/id-table-sentinel testdata/registration-flag testdata/unbalanced-registration testdata/include/linux */
/*
 * The C tokenizer in each of its modes and the prefilter's scan of a
 * unit: any bytes are read to their end, never past it, never crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/ctok.h"
#include "lib/util.h"
#include "select/prefilter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct prefilter *pf;

static bool fuzz_keys(const void *state, struct strset *keys)
{
	(void)state;
	strset_add(keys, "pci_register_driver");
	strset_add(keys, "struct bus_type");
	strset_add(keys, "pci_device_id");
	return true;
}

static const struct check fuzz_check = { .id = "fuzz",
					 .prefilter_keys = fuzz_keys };

static void tokens(const char *s, size_t n, unsigned int mode)
{
	struct ctok t;
	struct ctok_token tok;
	size_t last = 0;

	ctok_init(&t, s, n, mode);
	while (ctok_next(&t, &tok) != CTOK_END) {
		if (tok.start + tok.len > n || t.i > n || t.i < last)
			abort();
		last = t.i;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes: a read past it is caught. */
	char *s = xmalloc(size + 1);
	const struct check *checks[] = { &fuzz_check };
	void *states[] = { NULL };
	struct prefilter_unit u = { .file = "/nonexistent/fuzz.c",
				    .directory = "/nonexistent" };
	struct ctok_text text;

	memcpy(s, data, size);
	if (!pf)
		pf = prefilter_new(checks, states, 1, &u, 1, NULL);
	for (unsigned int mode = 0; mode < 4; mode++)
		tokens(s, size, mode);
	prefilter_pass(pf, &u, s, size, NULL);
	ctok_text_read(&text, s, size, CTOK_LITERALS);
	if (text.v[text.ntok - 1].kind != CTOK_END)
		abort();
	ctok_text_free(&text);
	free(s);
	return 0;
}
