/* SPDX-License-Identifier: GPL-2.0-only */
/* Stand-in for arch/x86/include/asm/cpu_device_id.h. */
#ifndef _ASM_X86_CPU_DEVICE_ID
#define _ASM_X86_CPU_DEVICE_ID

#include <linux/mod_devicetable.h>

#define X86_VENDOR_INTEL	0
#define X86_VENDOR_AMD		2

#define X86_FEATURE_HYPERVISOR	(4 * 32 + 31)

#define X86_CPU_ID_FLAG_ENTRY_VALID	BIT(0)

/* Every X86_MATCH_* entry sets the valid flag x86_match_cpu() stops on. */
#define X86_MATCH_VENDOR_FAM_MODEL_FEATURE(_vendor, _family, _model,	\
					   _feature, _data)		\
{									\
	.vendor		= X86_VENDOR_##_vendor,				\
	.family		= _family,					\
	.model		= _model,					\
	.steppings	= X86_STEPPING_ANY,				\
	.feature	= _feature,					\
	.flags		= X86_CPU_ID_FLAG_ENTRY_VALID,			\
	.driver_data	= (unsigned long) _data				\
}

#define X86_MATCH_VENDOR_FAM(vendor, family, data)			\
	X86_MATCH_VENDOR_FAM_MODEL_FEATURE(vendor, family, X86_MODEL_ANY, \
					   X86_FEATURE_ANY, data)

#define X86_MATCH_FEATURE(feature, data)				\
	X86_MATCH_VENDOR_FAM_MODEL_FEATURE(ANY, X86_FAMILY_ANY,		\
					   X86_MODEL_ANY, feature, data)

#define X86_VENDOR_ANY_ID	X86_VENDOR_ANY

extern const struct x86_cpu_id *x86_match_cpu(const struct x86_cpu_id *match);

#endif
