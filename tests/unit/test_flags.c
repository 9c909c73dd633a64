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
	INTEQ(out.n, 9);
	STREQ(out.v[0], "-nostdinc");
	STREQ(out.v[1], "-I./include");
	/* Unknown to clang, which only warns about it: kept. */
	STREQ(out.v[2], "-Wno-maybe-uninitialized");
	STREQ(out.v[3], "-DMODULE");
	STREQ(out.v[4], "-O2"); /* defines __OPTIMIZE__: kept */
	STREQ(out.v[5], "-include");
	STREQ(out.v[6], "./include/linux/kconfig.h");
	STREQ(out.v[7], "-std=gnu11");
	/* ... and clang told not to say so for every unit. */
	STREQ(out.v[8], "-Wno-unknown-warning-option");
	STREQ(dropped_log,
	      "-fconserve-stack;-mrecord-mcount;-fno-allow-store-data-races;"
	      "-mindirect-branch=thunk-extern;-fzero-call-used-regs=used-gpr;"
	      "-mpreferred-stack-boundary=3;");
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
	/* -Wno-X clang does not know is a warning of clang's at most. */
	INTEQ(out.n, 5);
	STREQ(out.v[0], "-D__linux__");
	STREQ(out.v[1], "-Wno-return-void");
	STREQ(out.v[2], "-Wno-unknown-attribute");
	STREQ(out.v[3], "-m64");
	strvec_free(&out);
}

/*
 * What makes the compiler accept code stays; what only adds warnings or
 * makes them errors goes.
 */
static void test_warning_options(void)
{
	char *in[] = { "-Wall",
		       "-Werror",
		       "-Werror=implicit-function-declaration",
		       "-Wno-error=incompatible-function-pointer-types",
		       "-Wno-int-conversion",
		       "-Wno-error",
		       "-pedantic-errors",
		       "-pedantic",
		       "-Wp,-MMD,drivers/x/.a.o.d",
		       "-Wframe-larger-than=2048",
		       "-w" };
	struct strvec out = { 0 };

	dropped_log[0] = '\0';
	flags_filter(in, sizeof(in) / sizeof(in[0]), &out, log_dropped, NULL);
	INTEQ(out.n, 5);
	STREQ(out.v[0], "-Wno-error=incompatible-function-pointer-types");
	STREQ(out.v[1], "-Wno-int-conversion");
	STREQ(out.v[2], "-Wno-error");
	STREQ(out.v[3], "-w");
	STREQ(dropped_log,
	      "-Wall;-Werror;-Werror=implicit-function-declaration;"
	      "-pedantic-errors;-pedantic;-Wp,-MMD,drivers/x/.a.o.d;"
	      "-Wframe-larger-than=2048;");
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
	test_warning_options();
	test_value_flags();
	return tap_done();
}
