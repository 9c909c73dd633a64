// SPDX-License-Identifier: GPL-2.0-only
/* Which compiler options reach libclang. */
#include <stdio.h>
#include <string.h>

#include "engine/flags.h"
#include "lib/strvec.h"
#include "tap.h"

static char dropped_log[1024];

static void log_dropped(void *ctx, const char *opt)
{
	(void)ctx;
	strcat(dropped_log, opt);
	strcat(dropped_log, ";");
}

static void test_gcc_options_dropped(void)
{
	char *in[] = { "-nostdinc",
		       "-I./include",
		       "-fconserve-stack",
		       "-mrecord-mcount",
		       "-fno-allow-store-data-races",
		       "-mindirect-branch=thunk-extern",
		       "-fzero-call-used-regs=used-gpr",
		       "-Wno-maybe-uninitialized",
		       "-DMODULE",
		       "-O2",
		       "-include",
		       "./include/linux/kconfig.h",
		       "-std=gnu11",
		       "-mpreferred-stack-boundary=3" };
	struct strvec out = { 0 };

	dropped_log[0] = '\0';
	flags_filter(in, sizeof(in) / sizeof(in[0]), &out, log_dropped, NULL);
	INTEQ(out.n, 7);
	STREQ(out.v[0], "-nostdinc");
	STREQ(out.v[1], "-I./include");
	STREQ(out.v[2], "-DMODULE");
	STREQ(out.v[3], "-O2"); /* defines __OPTIMIZE__: kept */
	STREQ(out.v[4], "-include");
	STREQ(out.v[5], "./include/linux/kconfig.h");
	STREQ(out.v[6], "-std=gnu11");
	STREQ(dropped_log,
	      "-fconserve-stack;-mrecord-mcount;-fno-allow-store-data-races;"
	      "-mindirect-branch=thunk-extern;-fzero-call-used-regs=used-gpr;"
	      "-Wno-maybe-uninitialized;-mpreferred-stack-boundary=3;");
	strvec_free(&out);
}

static void test_outputs_dropped(void)
{
	char *in[] = { "-c",
		       "-o",
		       "drivers/i2c/i2c-core.o",
		       "-Wp,-MMD,drivers/i2c/.i2c-core.o.d",
		       "-MD",
		       "-MF",
		       "x.d",
		       "-D",
		       "KBUILD_MODNAME=\"i2c\"" };
	struct strvec out = { 0 };

	flags_filter(in, sizeof(in) / sizeof(in[0]), &out, NULL, NULL);
	INTEQ(out.n, 2);
	STREQ(out.v[0], "-D");
	STREQ(out.v[1], "KBUILD_MODNAME=\"i2c\"");
	strvec_free(&out);
}

static void test_sparse_flags_dropped(void)
{
	char *in[] = { "-D__linux__",	   "-Wbitwise",
		       "-Wno-return-void", "-Wno-unknown-attribute",
		       "--arch=x86",	   "-m64" };
	struct strvec out = { 0 };

	flags_filter(in, sizeof(in) / sizeof(in[0]), &out, NULL, NULL);
	INTEQ(out.n, 2);
	STREQ(out.v[0], "-D__linux__");
	STREQ(out.v[1], "-m64");
	strvec_free(&out);
}

static void test_value_flags(void)
{
	OK(flag_takes_value("-include"));
	OK(flag_takes_value("-I"));
	OK(!flag_takes_value("-Iinclude"));
	OK(!flag_takes_value("-nostdinc"));
}

int main(void)
{
	test_gcc_options_dropped();
	test_outputs_dropped();
	test_sparse_flags_dropped();
	test_value_flags();
	return tap_done();
}
