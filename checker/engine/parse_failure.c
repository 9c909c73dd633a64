// SPDX-License-Identifier: GPL-2.0-only
/*
 * A unit that libclang could not parse is a failure of the run, never a
 * clean unit; its message says what went wrong in terms a user can act
 * on.  libclang returns no diagnostics when its driver cannot make a
 * compile job of the arguments (a second input file, an unknown -x
 * language): the arguments are then searched for the likely cause.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/flags.h"
#include "engine/parse_failure.h"
#include "lib/cx.h"
#include "lib/strvec.h"
#include "lib/util.h"

const char *parse_failure_code_name(enum CXErrorCode code)
{
	switch (code) {
	case CXError_Success:
		return "CXError_Success";
	case CXError_Failure:
		return "CXError_Failure";
	case CXError_Crashed:
		return "CXError_Crashed";
	case CXError_InvalidArguments:
		return "CXError_InvalidArguments";
	case CXError_ASTReadError:
		return "CXError_ASTReadError";
	}
	return "an unknown CXErrorCode";
}

/* The first argument that is neither an option nor an option's value. */
static const char *stray_input(const struct unit *u)
{
	for (size_t i = 0; i < u->args.n; i++) {
		const char *a = u->args.v[i];

		if (flag_takes_value(a))
			i++;
		else if (a[0] != '-')
			return a;
	}
	return NULL;
}

static char *code_message(const struct unit *u, enum CXErrorCode code)
{
	const char *name = parse_failure_code_name(code);
	const char *stray = stray_input(u);

	if (code == CXError_Crashed)
		return xasprintf("libclang crashed while parsing the unit (%s)",
				 name);
	if (stray)
		return xasprintf(
			"libclang could not parse the unit (%s): its command names another input, '%s'; a compile command compiles one file",
			name, stray);
	return xasprintf(
		"libclang could not parse the unit (%s) and gave no diagnostic: its driver could not make a compile job of the unit's arguments; run with -v for the clang command that reproduces it",
		name);
}

bool parse_failure_first_error(struct failure_list *out, const char *file_name,
			       CXTranslationUnit tu)
{
	unsigned int n = clang_getNumDiagnostics(tu);

	for (unsigned int i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			struct cx_pos p =
				cx_expansion(clang_getDiagnosticLocation(d));
			char *file =
				p.file ? cx_take(clang_getFileName(p.file)) :
					 xstrdup(file_name);
			char *msg = cx_take(clang_getDiagnosticSpelling(d));

			failure_add(out, file, p.line, p.column, msg);
			free(msg);
			free(file);
			clang_disposeDiagnostic(d);
			return true;
		}
		clang_disposeDiagnostic(d);
	}
	return false;
}

bool parse_failure_record(struct failure_list *out, const struct unit *u,
			  enum CXErrorCode code, CXTranslationUnit tu)
{
	char *msg;

	if (code == CXError_Success)
		return tu && parse_failure_first_error(out, u->file, tu);
	msg = code_message(u, code);
	failure_add(out, u->file, 0, 0, msg);
	free(msg);
	return true;
}

/* s quoted for a POSIX shell when it needs it. */
static void append_quoted(struct strvec *words, const char *s)
{
	size_t n = strlen(s);
	char *q, *p;

	if (n &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789-_=+/.,:@%") == n) {
		strvec_push(words, s);
		return;
	}
	q = p = xmalloc(4 * n + 3);
	*p++ = '\'';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else {
			*p++ = s[i];
		}
	}
	*p++ = '\'';
	*p = '\0';
	strvec_push(words, q);
	free(q);
}

char *parse_failure_command(const struct unit *u)
{
	struct strvec words = { 0 };
	size_t len = 1;
	char *line, *p;

	strvec_push(&words, "cd");
	append_quoted(&words, u->directory);
	strvec_push(&words, "&&");
	strvec_push(&words, "clang");
	strvec_push(&words, "-fsyntax-only");
	for (size_t i = 0; i < u->args.n; i++)
		append_quoted(&words, u->args.v[i]);
	append_quoted(&words, u->file);
	for (size_t i = 0; i < words.n; i++)
		len += strlen(words.v[i]) + 1;
	p = line = xmalloc(len);
	for (size_t i = 0; i < words.n; i++) {
		size_t n = strlen(words.v[i]);

		memcpy(p, words.v[i], n);
		p += n;
		*p++ = i + 1 < words.n ? ' ' : '\0';
	}
	if (!words.n)
		*p = '\0';
	strvec_free(&words);
	return line;
}
