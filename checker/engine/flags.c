// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which compiler options survive into libclang.  Kernel compile databases
 * from GCC builds carry options clang does not know; kbuild's checker hook
 * adds sparse's.  Dropping them must never change what the preprocessor
 * and the parser see, so only code generation, diagnostics and output
 * options are dropped here; -D, -U, -I, -include, -std and the target
 * options stay.
 *
 * Of the warning options, those that make the compiler accept code stay:
 * -Wno-X and -Wno-error=X turn off or down clang's default-error
 * diagnostics (incompatible-function-pointer-types, int-conversion, ...),
 * and a unit parses here exactly when 'clang -fsyntax-only' with these
 * flags accepts it.  Those that only add warnings or make them fatal
 * (-Werror, -Werror=X, -pedantic-errors) go.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/flags.h"
#include "lib/strvec.h"
#include "lib/util.h"

/* Options whose value is the next argument when written apart. */
static const char *const with_value[] = {
	"-I",	     "-D",	     "-U",	  "-include",
	"-imacros",  "-isystem",     "-iquote",	  "-idirafter",
	"-iprefix",  "-iwithprefix", "-isysroot", "-x",
	"-o",	     "-MF",	     "-MT",	  "-MQ",
	"-target",   "-arch",	     "-Xclang",	  "--param",
	"--sysroot", "-Xassembler",  "-Xlinker",  "-Xpreprocessor",
	"-aux-info",
};

/* Dropped with their separate value. */
static const char *const drop_with_value[] = {
	"-o",	   "-MF",	  "-MT",      "-MQ",
	"--param", "-Xassembler", "-Xlinker", "-aux-info",
};

/* Dropped when equal to the argument. */
static const char *const drop_exact[] = {
	"-c",
	"-S",
	"-E",
	"-MD",
	"-MMD",
	"-MP",
	"-M",
	"-MM",
	"-pipe",
	"-save-temps",
	"-fconserve-stack",
	"-mrecord-mcount",
	"-fno-allow-store-data-races",
	"-mindirect-branch-register",
	"-mskip-rax-setup",
	"-fno-var-tracking-assignments",
	"-fno-ipa-sra",
	"-fno-inline-functions-called-once",
	"-mno-fp-ret-in-387",
	"-fno-tree-loop-im",
	"-fsched-pressure",
	"-fno-tree-loop-vectorize",
	"-mfentry",
	"-mpc32",
	"-fno-delete-null-pointer-checks",
	"-fno-var-tracking",
	"-fno-strict-overflow",
	"-fno-stack-check",
	"-fmerge-constants",
	"-fno-partial-inlining",
	"-fno-ipa-cp-clone",
	"-fno-code-hoisting",
	"-fno-gcse",
	"-mno-check-zero-division",
	"-pedantic",
	"-pedantic-errors",
};

/* Kept although a prefix of drop_prefix matches: they relax diagnostics. */
static const char *const keep_prefix[] = {
	"-Wno-",
};

/* Dropped when the argument starts with one of these. */
static const char *const drop_prefix[] = {
	"-W", /* warnings and -Werror: only errors matter to a check */
	"--arch=", /* sparse */
	"-mindirect-branch=",
	"-mfunction-return=",
	"-mharden-sls=",
	"-fzero-call-used-regs=",
	"-mpreferred-stack-boundary=",
	"-falign-jumps=",
	"-falign-loops=",
	"-falign-functions=",
	"-fmin-function-alignment=",
	"-fplugin=",
	"-fplugin-arg-",
	"--param=",
	"-fdebug-prefix-map=",
	"-fmacro-prefix-map=",
	"-ffile-prefix-map=",
	"-g",
	"-fdiagnostics",
	"-fmessage-length=",
	"-flive-patching=",
	"-fstack-usage",
	"-fcallgraph-info",
	"-fdump-",
};

static bool in_list(const char *arg, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(arg, list[i]))
			return true;
	return false;
}

static bool has_prefix_in(const char *arg, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(arg, list[i], strlen(list[i])))
			return true;
	return false;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

bool flag_takes_value(const char *arg)
{
	return in_list(arg, with_value, N(with_value));
}

static bool drop_flag(const char *arg)
{
	/* -Wp,-MD,file and -Wp,-MMD,file (dependency files) go with -W. */
	if (has_prefix_in(arg, keep_prefix, N(keep_prefix)))
		return false;
	return in_list(arg, drop_exact, N(drop_exact)) ||
	       has_prefix_in(arg, drop_prefix, N(drop_prefix));
}

void flags_filter(char *const *in, size_t n, struct strvec *out,
		  void (*dropped)(void *ctx, const char *opt), void *ctx)
{
	bool relaxed = false;

	for (size_t i = 0; i < n; i++) {
		const char *arg = in[i];
		bool value = flag_takes_value(arg) && i + 1 < n;

		if (value &&
		    in_list(arg, drop_with_value, N(drop_with_value))) {
			if (dropped) {
				char *both = xasprintf("%s %s", arg, in[i + 1]);

				dropped(ctx, both);
				free(both);
			}
			i++;
			continue;
		}
		if (value) {
			strvec_push(out, arg);
			strvec_push(out, in[++i]);
			continue;
		}
		if (drop_flag(arg)) {
			if (dropped)
				dropped(ctx, arg);
			continue;
		}
		strvec_push(out, arg);
		relaxed |= has_prefix_in(arg, keep_prefix, N(keep_prefix));
	}
	/*
	 * A GCC build's -Wno-X may name a warning clang does not know, and
	 * clang would say so on stderr for every unit.
	 */
	if (relaxed)
		strvec_push(out, "-Wno-unknown-warning-option");
}
