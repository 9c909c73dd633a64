/* SPDX-License-Identifier: GPL-2.0-only */
/* The corpus's stand-in for include/pcmcia/device_id.h: the entry macros. */
#ifndef _TESTDATA_PCMCIA_DEVICE_ID_H
#define _TESTDATA_PCMCIA_DEVICE_ID_H

#include <linux/mod_devicetable.h>

#define PCMCIA_DEV_ID_MATCH_MANF_ID	0x0001
#define PCMCIA_DEV_ID_MATCH_CARD_ID	0x0002

#define PCMCIA_DEVICE_MANF_CARD(manf, card) { \
	.match_flags = PCMCIA_DEV_ID_MATCH_MANF_ID | PCMCIA_DEV_ID_MATCH_CARD_ID, \
	.manf_id = (manf), .card_id = (card), }

#define PCMCIA_DEVICE_NULL { .match_flags = 0, }

/* The fields of an all-zero entry, as isapnp.h writes ISAPNP_CARD_END. */
#define TESTDATA_PCMCIA_END .match_flags = 0

/* A header's list of entries with no sentinel, as drm_pciids.h writes them. */
#define TESTDATA_PCMCIA_IDS \
	PCMCIA_DEVICE_MANF_CARD(0x0137, 0x0003), \
	PCMCIA_DEVICE_MANF_CARD(0x0137, 0x0004)

#endif
