// SPDX-License-Identifier: GPL-2.0-only
/*
 * registration-flag's Coccinelle file selection (see
 * select/cocci_filter.h): a name (the last part of "a", "a.b", "a->b")
 * assigned true, 1, a negation or a comparison (a set), or false or 0 (a
 * clear), in a function with a register or unregister call (a word of the
 * script's query), and tested in such a function by a condition of the
 * forms the script's guards match (F, !F, F == 0, likely(F), an operand of
 * &&, ...) or as "F && U(...)".  Names are compared by their last part, as
 * the script's flag_key() compares them.
 */
#include "checks/registration-flag/internal.h"
#include "lib/ctok_match.h"

/* The tokens up to the end of the text, and the query's words. */
struct flag_text {
	const struct ctok_text *t;
	size_t n; /* tokens before CTOK_END */
	const struct strset *words;
};

static bool is_punct(const struct flag_text *f, size_t i, char c)
{
	return i < f->n && ctok_text_punct(f->t, i, c);
}

static bool is_name(const struct flag_text *f, size_t i)
{
	return i < f->n && ctok_text_word(f->t, i);
}

static bool is_word(const struct flag_text *f, size_t i, const char *w)
{
	return is_name(f, i) && ctok_text_is(f->t, i, w);
}

static void add_name(const struct flag_text *f, size_t i, struct strset *out)
{
	strset_add_n(out, f->t->s + f->t->v[i].start, f->t->v[i].len);
}

/* Is [a, b) one group "( ... )" whose ')' is at b - 1? */
static bool one_group(const struct flag_text *f, size_t a, size_t b)
{
	int depth = 0;

	if (b - a < 2 || !is_punct(f, a, '(') || !is_punct(f, b - 1, ')'))
		return false;
	for (size_t i = a; i < b; i++) {
		depth += is_punct(f, i, '(') - is_punct(f, i, ')');
		if (!depth && i < b - 1)
			return false;
	}
	return true;
}

/* "a", "a.b", "a->b": the index of the last name, or f->n. */
static size_t lvalue_name(const struct flag_text *f, size_t a, size_t b)
{
	size_t i = a;

	if (a >= b || !is_name(f, a))
		return f->n;
	while (i + 1 < b) {
		if (is_punct(f, i + 1, '.'))
			i += 2;
		else if (is_punct(f, i + 1, '-') && is_punct(f, i + 2, '>'))
			i += 3;
		else
			return f->n;
		if (i >= b || !is_name(f, i))
			return f->n;
	}
	return i;
}

/*
 * The flags a condition tests, by their last name, as the guards of the
 * script match them: F, !F, F != 0, F == 0, F == true, F == false,
 * likely(F), unlikely(F), and F as an operand of a chain of &&.
 */
static void cond_flags(const struct flag_text *f, size_t a, size_t b,
		       struct strset *out, int depth)
{
	size_t name;
	int level = 0;

	if (depth > 32)
		return;
	for (size_t i = a; i + 1 < b; i++) {
		level += is_punct(f, i, '(') - is_punct(f, i, ')');
		if (!level && is_punct(f, i, '&') && is_punct(f, i + 1, '&')) {
			cond_flags(f, a, i, out, depth + 1);
			cond_flags(f, i + 2, b, out, depth + 1);
			return;
		}
	}
	if (b - a > 3 &&
	    (is_word(f, a, "likely") || is_word(f, a, "unlikely")) &&
	    one_group(f, a + 1, b))
		cond_flags(f, a + 2, b - 1, out, depth + 1);
	else if (one_group(f, a, b))
		cond_flags(f, a + 1, b - 1, out, depth + 1);
	else if (b - a > 1 && is_punct(f, a, '!'))
		cond_flags(f, a + 1, b, out, depth + 1);
	else if (b - a > 3 && is_punct(f, b - 2, '=') &&
		 (is_punct(f, b - 3, '=') || is_punct(f, b - 3, '!')) &&
		 (is_word(f, b - 1, "0") || is_word(f, b - 1, "true") ||
		  is_word(f, b - 1, "false")))
		cond_flags(f, a, b - 3, out, depth + 1);
	else if ((name = lvalue_name(f, a, b)) < f->n)
		add_name(f, name, out);
}

/* The end of the group opened at i, or of its statement. */
static size_t group_end(const struct flag_text *f, size_t i)
{
	int depth = 0;

	for (; i < f->n; i++) {
		if (ctok_boundary(f->t, i))
			return i;
		depth += is_punct(f, i, '(') - is_punct(f, i, ')');
		if (!depth)
			return i;
	}
	return i;
}

/*
 * What one function gives: is a register or unregister call in it, the
 * names it assigns true, 1, !..., a comparison, false or 0 (sets and
 * clears alike: a set needs a guard, a clear a guard of the register), and
 * the names its conditions test.
 */
struct flag_scan {
	bool call;
	struct strset assigned, tested;
};

static void assignment(const struct flag_text *f, size_t i, struct strset *out)
{
	size_t end = i + 1;
	bool zero, truth;

	/* "K =" with K a name, not "==", "!=", "<=", "+=", ... */
	if (!i || !is_name(f, i - 1) || is_punct(f, i + 1, '='))
		return;
	while (end < f->n && !ctok_boundary(f->t, end))
		end++;
	zero = end == i + 2 &&
	       (is_word(f, i + 1, "0") || is_word(f, i + 1, "false"));
	truth = is_word(f, i + 1, "true") || is_word(f, i + 1, "1") ||
		is_punct(f, i + 1, '!') || is_punct(f, i + 1, '(');
	for (size_t k = i + 1; k + 1 < end && !truth; k++)
		truth = is_punct(f, k + 1, '=') &&
			(is_punct(f, k, '=') || is_punct(f, k, '>'));
	if (zero || truth)
		add_name(f, i - 1, out);
}

/* The end of the statement that starts at i (a block, or up to ';'). */
static size_t statement_end(const struct flag_text *f, size_t i, size_t b)
{
	int depth = 0;

	for (; i < b; i++) {
		if (is_punct(f, i, '{'))
			depth++;
		else if (is_punct(f, i, '}') && --depth <= 0)
			return i + 1;
		else if (is_punct(f, i, ';') && !depth)
			return i + 1;
	}
	return b;
}

static bool is_call(const struct flag_text *f, size_t i)
{
	return i < f->n && ctok_text_in(f->t, i, f->words) &&
	       is_punct(f, i + 1, '(');
}

static bool call_in(const struct flag_text *f, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (is_call(f, i))
			return true;
	return false;
}

static bool is_exit(const struct flag_text *f, size_t i)
{
	return is_word(f, i, "return") || is_word(f, i, "goto") ||
	       is_word(f, i, "break") || is_word(f, i, "continue");
}

/*
 * Can the if statement whose branch starts at i be a guard: a register
 * or unregister call in its branch or in its else branch, or a branch
 * that leaves (return, goto, break, continue) before a call later on?
 */
static bool guards_call(const struct flag_text *f, size_t i, size_t b)
{
	size_t end = statement_end(f, i, b);

	if (is_punct(f, i, '{') && i + 1 < b && is_exit(f, i + 1))
		i++;
	if (is_exit(f, i))
		return call_in(f, end, b);
	if (call_in(f, i, end))
		return true;
	return is_word(f, end, "else") &&
	       call_in(f, end + 1, statement_end(f, end + 1, b));
}

static void function_flags(const struct flag_text *f, size_t a, size_t b,
			   struct flag_scan *fs)
{
	struct strset assigned = { 0 }, tested = { 0 };
	bool call = false;

	for (size_t i = a; i < b; i++) {
		if (is_call(f, i)) {
			call = true;
			/* F && U(...) */
			if (i >= 3 && is_punct(f, i - 1, '&') &&
			    is_punct(f, i - 2, '&') && is_name(f, i - 3))
				add_name(f, i - 3, &tested);
		} else if (is_word(f, i, "if") && is_punct(f, i + 1, '(')) {
			size_t end = group_end(f, i + 1);

			if (guards_call(f, end + 1, b))
				cond_flags(f, i + 2, end, &tested, 0);
		} else if (is_punct(f, i, '=')) {
			assignment(f, i, &assigned);
		}
	}
	if (call) {
		fs->call = true;
		strset_add_all(&fs->assigned, &assigned);
		strset_add_all(&fs->tested, &tested);
	}
	strset_free(&assigned);
	strset_free(&tested);
}

bool flag_cocci_select(const struct ctok_text *text, const struct strset *words)
{
	struct flag_text f = { .t = text, .n = text->ntok - 1, .words = words };
	struct flag_scan fs = { 0 };
	size_t start = 0;
	int depth = 0;
	bool found = false;

	for (size_t i = 0; i < f.n; i++) {
		if (is_punct(&f, i, '{') && !depth++)
			start = i;
		else if (is_punct(&f, i, '}') && depth && !--depth)
			function_flags(&f, start, i, &fs);
	}
	if (depth)
		function_flags(&f, start, f.n, &fs);
	for (size_t i = 0; i < fs.assigned.nslot && !found; i++)
		found = fs.assigned.slot[i] &&
			strset_has(&fs.tested, fs.assigned.slot[i]);
	strset_free(&fs.assigned);
	strset_free(&fs.tested);
	return found;
}
