/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for include/linux/dmi.h: quirk tables matched on DMI strings. */
#ifndef __DMI_H__
#define __DMI_H__

#include <linux/kernel.h>
#include <linux/mod_devicetable.h>

int dmi_check_system(const struct dmi_system_id *list);
const struct dmi_system_id *dmi_first_match(const struct dmi_system_id *list);
const char *dmi_get_system_info(int field);

#endif
