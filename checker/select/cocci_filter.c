// SPDX-License-Identifier: GPL-2.0-only
/*
 * The file selection of the Coccinelle engine (see cocci_filter.h).
 *
 * A query is a formula over words: "(a|b)&(c|d)", parenthesised
 * throughout, "!(...)" for a negation (taken as true: the selection may
 * only grow), "true" for no constraint.  The words of every rule share one
 * table; a file's text is read once, marking the words it holds, and each
 * rule's formula is evaluated on the marks.
 */
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "lib/strset.h"
#include "lib/util.h"
#include "select/cocci_filter.h"

enum qkind { Q_TRUE, Q_WORD, Q_TEXT, Q_AND, Q_OR };

/* A formula: a word, a text searched as it is (an atom that is not a
 * plain word), or an and/or of sub-formulas. */
struct qnode {
	enum qkind kind;
	char *atom;
	struct qnode **kid;
	size_t nkid, capkid;
};

enum shape {
	SHAPE_NONE,
	SHAPE_CONST_DEF,
	SHAPE_ID_TABLE,
	SHAPE_REG_CALL,
	SHAPE_FLAG
};

struct qrule {
	struct qnode *query; /* NULL: every file */
	enum shape shape;
	struct strset mine; /* the words of this rule's query */
};

struct cocci_filter {
	struct strset words; /* the words of every query */
	struct qrule *rule;
	size_t nrule, caprule;
};

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* ---- the query ---- */

static void qnode_free(struct qnode *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->nkid; i++)
		qnode_free(q->kid[i]);
	free(q->kid);
	free(q->atom);
	free(q);
}

static struct qnode *qnode_new(enum qkind kind)
{
	struct qnode *q = xcalloc(1, sizeof(*q));

	q->kind = kind;
	return q;
}

static void skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

/* formula := word | "(" formula (("&" | "|") formula)* ")" | "!(" ... ")" */
static struct qnode *parse_formula(struct cocci_filter *cf, struct qrule *r,
				   const char **p, int depth)
{
	struct qnode *q;

	skip_space(p);
	if (depth > 64)
		return NULL;
	if (**p == '!') {
		(*p)++;
		q = parse_formula(cf, r, p, depth + 1);
		if (!q)
			return NULL;
		qnode_free(q);
		return qnode_new(Q_TRUE);
	}
	if (**p == '(') {
		char op = 0;

		(*p)++;
		q = qnode_new(Q_AND);
		for (;;) {
			struct qnode *k = parse_formula(cf, r, p, depth + 1);

			if (!k) {
				qnode_free(q);
				return NULL;
			}
			GROW(q->kid, q->capkid, q->nkid + 1);
			q->kid[q->nkid++] = k;
			skip_space(p);
			if (**p == ')') {
				(*p)++;
				break;
			}
			if ((**p != '&' && **p != '|') || (op && **p != op)) {
				qnode_free(q);
				return NULL;
			}
			op = *(*p)++;
		}
		q->kind = op == '|' ? Q_OR : Q_AND;
		return q;
	}
	{
		const char *s = *p;
		size_t n = strcspn(s, "()&|! \t\r\n");
		bool plain = n > 0;

		if (!n)
			return NULL;
		*p += n;
		if (n == 4 && !strncmp(s, "true", 4))
			return qnode_new(Q_TRUE);
		for (size_t i = 0; i < n; i++)
			plain = plain && word_char((unsigned char)s[i]);
		q = qnode_new(plain ? Q_WORD : Q_TEXT);
		q->atom = xstrndup(s, n);
		if (plain) {
			strset_add(&cf->words, q->atom);
			strset_add(&r->mine, q->atom);
		}
		return q;
	}
}

struct cocci_filter *cocci_filter_new(void)
{
	return xcalloc(1, sizeof(struct cocci_filter));
}

void cocci_filter_free(struct cocci_filter *cf)
{
	if (!cf)
		return;
	for (size_t i = 0; i < cf->nrule; i++) {
		qnode_free(cf->rule[i].query);
		strset_free(&cf->rule[i].mine);
	}
	strset_free(&cf->words);
	free(cf->rule);
	free(cf);
}

void cocci_filter_add(struct cocci_filter *cf, const char *rule,
		      const char *query)
{
	struct qrule *r;

	GROW(cf->rule, cf->caprule, cf->nrule + 1);
	r = &cf->rule[cf->nrule++];
	memset(r, 0, sizeof(*r));
	if (!strcmp(rule, "const-driver-struct"))
		r->shape = SHAPE_CONST_DEF;
	else if (!strcmp(rule, "id-table-sentinel"))
		r->shape = SHAPE_ID_TABLE;
	else if (!strcmp(rule, "unbalanced-registration"))
		r->shape = SHAPE_REG_CALL;
	else if (!strcmp(rule, "registration-flag"))
		r->shape = SHAPE_FLAG;
	if (query) {
		const char *p = query;

		r->query = parse_formula(cf, r, &p, 0);
		skip_space(&p);
		if (r->query && *p) {
			qnode_free(r->query);
			r->query = NULL;
		}
	}
	/* The shapes name the rule's types through its words. */
	if (!r->query)
		r->shape = SHAPE_NONE;
}

bool cocci_filter_has_query(const struct cocci_filter *cf, size_t rule)
{
	return rule < cf->nrule && cf->rule[rule].query;
}

char *cocci_filter_query_of(const char *out)
{
	static const char head[] = "Idutils query\n";
	const char *p = NULL, *q;

	for (q = strstr(out, head); q; q = strstr(q + 1, head))
		if (q == out || q[-1] == '\n')
			p = q + sizeof(head) - 1;
	if (!p)
		return NULL;
	return xstrndup(p, strcspn(p, "\n"));
}

/* ---- a rough C token stream ---- */

enum tkind { TK_EOF, TK_WORD, TK_PUNCT, TK_LIT };

struct tok {
	enum tkind kind;
	const char *s;
	size_t n;
};

struct lexer {
	const char *p, *end;
	bool bol; /* only blanks since the last newline */
	unsigned int directives; /* # lines passed */
};

static void skip_directive(struct lexer *lx)
{
	while (lx->p < lx->end && *lx->p != '\n') {
		if (*lx->p == '\\' && lx->p + 1 < lx->end && lx->p[1] == '\n')
			lx->p += 2;
		else if (*lx->p == '/' && lx->p + 1 < lx->end &&
			 lx->p[1] == '*') {
			const char *e =
				memmem(lx->p + 2, lx->end - lx->p - 2, "*/", 2);

			lx->p = e ? e + 2 : lx->end;
		} else {
			lx->p++;
		}
	}
	lx->directives++;
}

static struct tok lex(struct lexer *lx)
{
	struct tok t = { TK_EOF, lx->end, 0 };

	while (lx->p < lx->end) {
		const char *p = lx->p;
		char c = *p;

		if (c == '\n') {
			lx->bol = true;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
			   c == '\v' ||
			   (c == '\\' && p + 1 < lx->end && p[1] == '\n')) {
			lx->p += c == '\\' ? 2 : 1;
		} else if (c == '/' && p + 1 < lx->end && p[1] == '*') {
			const char *e = memmem(p + 2, lx->end - p - 2, "*/", 2);

			lx->p = e ? e + 2 : lx->end;
		} else if (c == '/' && p + 1 < lx->end && p[1] == '/') {
			const char *e = memchr(p, '\n', lx->end - p);

			lx->p = e ? e : lx->end;
		} else if (c == '#' && lx->bol) {
			skip_directive(lx);
		} else {
			break;
		}
	}
	if (lx->p >= lx->end)
		return t;
	lx->bol = false;
	t.s = lx->p;
	if (word_char((unsigned char)*lx->p)) {
		while (lx->p < lx->end && word_char((unsigned char)*lx->p))
			lx->p++;
		t.kind = TK_WORD;
	} else if (*lx->p == '"' || *lx->p == '\'') {
		char q = *lx->p++;

		while (lx->p < lx->end && *lx->p != q && *lx->p != '\n')
			lx->p += *lx->p == '\\' && lx->p + 1 < lx->end ? 2 : 1;
		if (lx->p < lx->end && *lx->p == q)
			lx->p++;
		t.kind = TK_LIT;
	} else {
		lx->p++;
		t.kind = TK_PUNCT;
	}
	t.n = lx->p - t.s;
	return t;
}

static bool tok_is(struct tok t, const char *s)
{
	return strlen(s) == t.n && !memcmp(t.s, s, t.n);
}

static bool tok_punct(struct tok t, char c)
{
	return t.kind == TK_PUNCT && *t.s == c;
}

/* A statement or block boundary: a bracket group never crosses one. */
static bool tok_boundary(struct tok t)
{
	return tok_punct(t, ';') || tok_punct(t, '{') || tok_punct(t, '}');
}

/*
 * Past the rest of a group whose opening bracket was just read.  Stops
 * early, before a boundary token, so that brackets left unbalanced by
 * #ifdef branches cannot swallow the file.
 */
static bool skip_group(struct lexer *lx)
{
	int depth = 1;

	while (depth) {
		struct lexer save = *lx;
		struct tok t = lex(lx);

		if (t.kind == TK_EOF)
			return false;
		if (tok_boundary(t)) {
			*lx = save;
			return false;
		}
		if (tok_punct(t, '(') || tok_punct(t, '['))
			depth++;
		else if (tok_punct(t, ')') || tok_punct(t, ']'))
			depth--;
	}
	return true;
}

static bool rule_word(const struct qrule *r, struct tok t)
{
	return t.kind == TK_WORD && strset_has_n(&r->mine, t.s, t.n);
}

/*
 * After "struct T": a declarator "name", "name[...]", with attributes
 * (words, bracket groups) around it, then "= {".  Leaves the lexer after
 * the '{'.  *array tells whether a [...] was seen.
 */
static bool definition_follows(struct lexer *lx, bool *array, struct tok *name)
{
	bool named = false;

	*array = false;
	for (;;) {
		struct tok t = lex(lx);

		if (t.kind == TK_WORD) {
			if (!*array)
				*name = t;
			named = true;
		} else if (tok_punct(t, '(')) {
			skip_group(lx);
		} else if (tok_punct(t, '[')) {
			*array = true;
			skip_group(lx);
		} else if (tok_punct(t, '=')) {
			return named && tok_punct(lex(lx), '{');
		} else {
			return false;
		}
	}
}

/* Is a token of an initializer's last entry one of an all-zero entry? */
static bool zero_token(struct tok t)
{
	static const char *const zero[] = { "0",     "0x0",  "0x00", "NULL",
					    "false", "\"\"", "'\\0'" };

	if (t.kind == TK_PUNCT)
		return *t.s == '{' || *t.s == '}' || *t.s == ',';
	for (size_t i = 0; i < sizeof(zero) / sizeof(zero[0]); i++)
		if (tok_is(t, zero[i]))
			return true;
	return false;
}

/*
 * The initializer whose '{' was just read: does its last entry fail to be
 * all zero?  Also true when it holds a # line (which entry is last then
 * depends on the configuration) or an index designator (the last entry is
 * the one of the highest index), or when it does not end.
 */
static bool lacks_sentinel(struct lexer *lx)
{
	unsigned int directives = lx->directives;
	bool have = false, last_zero = false, nonempty = false, zero = true;
	int depth = 1;

	for (;;) {
		struct tok t = lex(lx);

		if (t.kind == TK_EOF)
			return true;
		if (depth == 1 && (tok_punct(t, ',') || tok_punct(t, '}'))) {
			if (nonempty) {
				have = true;
				last_zero = zero;
			}
			nonempty = false;
			zero = true;
			if (tok_punct(t, '}'))
				break;
			continue;
		}
		if (depth == 1 && !nonempty && tok_punct(t, '['))
			return true;
		if (tok_punct(t, '{') || tok_punct(t, '(') || tok_punct(t, '['))
			depth++;
		else if (tok_punct(t, '}') || tok_punct(t, ')') ||
			 tok_punct(t, ']'))
			depth--;
		nonempty = true;
		zero = zero && zero_token(t);
	}
	return lx->directives != directives || !have || !last_zero;
}

/*
 * const-driver-struct and id-table-sentinel: does the text define an
 * object the rule's script looks at (see cocci_filter.h)?
 */
/*
 * id-table-sentinel, tables by use: the names exported with
 * "MODULE_DEVICE_TABLE(x, NAME)" or stored as ".id_table = NAME" (or
 * "&NAME[0]"), where those words are the rule's: an array of any
 * structure with such a name is a table the script looks at.
 */
static void names_by_use(const struct qrule *r, const char *text, size_t len,
			 struct strset *names)
{
	struct lexer lx = { text, text + len, true, 0 };
	struct tok prev = { TK_EOF, NULL, 0 };

	for (;;) {
		struct tok t = lex(&lx), a, b;
		struct lexer at = lx;

		if (t.kind == TK_EOF)
			return;
		if (rule_word(r, t) && tok_is(t, "MODULE_DEVICE_TABLE") &&
		    tok_punct(lex(&at), '(') && lex(&at).kind == TK_WORD &&
		    tok_punct(lex(&at), ',') && (a = lex(&at)).kind == TK_WORD)
			strset_add_n(names, a.s, a.n);
		if (rule_word(r, t) && tok_is(t, "id_table") &&
		    tok_punct(prev, '.') && tok_punct(lex(&at), '=')) {
			a = lex(&at);
			b = tok_punct(a, '&') ? lex(&at) : a;
			if (b.kind == TK_WORD)
				strset_add_n(names, b.s, b.n);
		}
		prev = t;
	}
}

static bool definition_found(const struct qrule *r, const char *text,
			     size_t len)
{
	struct lexer lx = { text, text + len, true, 0 };
	bool is_static = false, is_const = false, after_word = false;
	struct strset by_use = { 0 };
	bool found = false;

	if (r->shape == SHAPE_ID_TABLE)
		names_by_use(r, text, len, &by_use);
	for (;;) {
		struct tok t = lex(&lx);

		if (t.kind == TK_EOF)
			break;
		if (t.kind == TK_WORD && tok_is(t, "struct")) {
			struct lexer at = lx;
			struct tok name = { TK_EOF, NULL, 0 };
			bool array, listed = rule_word(r, lex(&at));

			if (!listed && !by_use.n) {
				after_word = true;
				continue;
			}
			if (r->shape == SHAPE_CONST_DEF && listed &&
			    is_static && !is_const &&
			    definition_follows(&at, &array, &name)) {
				found = true;
				break;
			}
			if (r->shape == SHAPE_ID_TABLE &&
			    definition_follows(&at, &array, &name) && array &&
			    (listed ||
			     (name.kind == TK_WORD &&
			      strset_has_n(&by_use, name.s, name.n))) &&
			    lacks_sentinel(&at)) {
				found = true;
				break;
			}
			after_word = true;
		} else if (t.kind == TK_WORD) {
			is_static = is_static || tok_is(t, "static");
			is_const = is_const || tok_is(t, "const");
			after_word = true;
		} else if (tok_punct(t, '(') && after_word) {
			/* an attribute or a macro's arguments: part of the run */
			skip_group(&lx);
		} else {
			is_static = is_const = after_word = false;
		}
	}
	strset_free(&by_use);
	return found;
}

/*
 * A register call (a word of the rule's query) whose result is tested
 * right away: "x = R(...); if" or "if (R(...)" / "if (unlikely(R(...)",
 * or a module with both module_init() and module_exit().  A # line
 * between the call and the next statement, or arguments that cannot be
 * followed, count as a test.
 */
static bool tested_call_found(const struct qrule *r, const char *text,
			      size_t len)
{
	struct lexer lx = { text, text + len, true, 0 };
	struct tok prev2 = { TK_EOF, NULL, 0 }, prev = prev2;
	bool init = false, fini = false;

	for (;;) {
		struct tok t = lex(&lx);

		if (t.kind == TK_EOF)
			return init && fini;
		init = init || tok_is(t, "module_init");
		fini = fini || tok_is(t, "module_exit");
		if (rule_word(r, t)) {
			struct lexer at = lx;

			if (tok_punct(prev, '(') &&
			    (tok_is(prev2, "if") || tok_is(prev2, "unlikely")))
				return true;
			if (tok_punct(prev, '=') && tok_punct(lex(&at), '(')) {
				unsigned int directives;

				if (!skip_group(&at) ||
				    !tok_punct(lex(&at), ';'))
					return true;
				directives = at.directives;
				if (tok_is(lex(&at), "if") ||
				    at.directives != directives)
					return true;
			}
		}
		prev2 = prev;
		prev = t;
	}
}

/* ---- registration-flag: a flag set and tested ---- */

struct toks {
	struct tok *v;
	size_t n, cap;
};

static bool is_punct(const struct toks *t, size_t i, char c)
{
	return i < t->n && tok_punct(t->v[i], c);
}

static bool is_word(const struct toks *t, size_t i, const char *w)
{
	return i < t->n && t->v[i].kind == TK_WORD && tok_is(t->v[i], w);
}

/* Is [a, b) one group "( ... )" whose ')' is at b - 1? */
static bool one_group(const struct toks *t, size_t a, size_t b)
{
	int depth = 0;

	if (b - a < 2 || !is_punct(t, a, '(') || !is_punct(t, b - 1, ')'))
		return false;
	for (size_t i = a; i < b; i++) {
		depth += is_punct(t, i, '(') - is_punct(t, i, ')');
		if (!depth && i < b - 1)
			return false;
	}
	return true;
}

/* "a", "a.b", "a->b": the last name, or NULL. */
static const struct tok *lvalue_name(const struct toks *t, size_t a, size_t b)
{
	size_t i = a;

	if (a >= b || t->v[a].kind != TK_WORD)
		return NULL;
	while (i + 1 < b) {
		if (is_punct(t, i + 1, '.'))
			i += 2;
		else if (is_punct(t, i + 1, '-') && is_punct(t, i + 2, '>'))
			i += 3;
		else
			return NULL;
		if (i >= b || t->v[i].kind != TK_WORD)
			return NULL;
	}
	return &t->v[i];
}

/*
 * The flags a condition tests, by their last name, as the guards of the
 * script match them: F, !F, F != 0, F == 0, F == true, F == false,
 * likely(F), unlikely(F), and F as an operand of a chain of &&.
 */
static void cond_flags(const struct toks *t, size_t a, size_t b,
		       struct strset *out, int depth)
{
	const struct tok *name;
	int level = 0;

	if (depth > 32)
		return;
	for (size_t i = a; i + 1 < b; i++) {
		level += is_punct(t, i, '(') - is_punct(t, i, ')');
		if (!level && is_punct(t, i, '&') && is_punct(t, i + 1, '&')) {
			cond_flags(t, a, i, out, depth + 1);
			cond_flags(t, i + 2, b, out, depth + 1);
			return;
		}
	}
	if (b - a > 3 &&
	    (is_word(t, a, "likely") || is_word(t, a, "unlikely")) &&
	    one_group(t, a + 1, b))
		cond_flags(t, a + 2, b - 1, out, depth + 1);
	else if (one_group(t, a, b))
		cond_flags(t, a + 1, b - 1, out, depth + 1);
	else if (b - a > 1 && is_punct(t, a, '!'))
		cond_flags(t, a + 1, b, out, depth + 1);
	else if (b - a > 3 && is_punct(t, b - 2, '=') &&
		 (is_punct(t, b - 3, '=') || is_punct(t, b - 3, '!')) &&
		 (is_word(t, b - 1, "0") || is_word(t, b - 1, "true") ||
		  is_word(t, b - 1, "false")))
		cond_flags(t, a, b - 3, out, depth + 1);
	else if ((name = lvalue_name(t, a, b)))
		strset_add_n(out, name->s, name->n);
}

/* The end of the group opened at t[i], or of its statement. */
static size_t group_end(const struct toks *t, size_t i)
{
	int depth = 0;

	for (; i < t->n; i++) {
		if (tok_boundary(t->v[i]))
			return i;
		depth += is_punct(t, i, '(') - is_punct(t, i, ')');
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

static void assignment(const struct toks *t, size_t i, struct strset *out)
{
	size_t end = i + 1;
	bool zero, truth;

	/* "K =" with K a name, not "==", "!=", "<=", "+=", ... */
	if (!i || t->v[i - 1].kind != TK_WORD || is_punct(t, i + 1, '='))
		return;
	while (end < t->n && !tok_boundary(t->v[end]))
		end++;
	zero = end == i + 2 &&
	       (is_word(t, i + 1, "0") || is_word(t, i + 1, "false"));
	truth = is_word(t, i + 1, "true") || is_word(t, i + 1, "1") ||
		is_punct(t, i + 1, '!') || is_punct(t, i + 1, '(');
	for (size_t k = i + 1; k + 1 < end && !truth; k++)
		truth = is_punct(t, k + 1, '=') &&
			(is_punct(t, k, '=') || is_punct(t, k, '>'));
	if (zero || truth)
		strset_add_n(out, t->v[i - 1].s, t->v[i - 1].n);
}

/* The end of the statement that starts at t[i] (a block, or up to ';'). */
static size_t statement_end(const struct toks *t, size_t i, size_t b)
{
	int depth = 0;

	for (; i < b; i++) {
		if (is_punct(t, i, '{'))
			depth++;
		else if (is_punct(t, i, '}') && --depth <= 0)
			return i + 1;
		else if (is_punct(t, i, ';') && !depth)
			return i + 1;
	}
	return b;
}

static bool call_in(const struct qrule *r, const struct toks *t, size_t a,
		    size_t b)
{
	for (size_t i = a; i < b; i++)
		if (rule_word(r, t->v[i]) && is_punct(t, i + 1, '('))
			return true;
	return false;
}

/*
 * Can the if statement whose branch starts at t[i] be a guard: a register
 * or unregister call in its branch or in its else branch, or a branch
 * that leaves (return, goto, break, continue) before a call later on?
 */
static bool guards_call(const struct qrule *r, const struct toks *t, size_t i,
			size_t b)
{
	size_t end = statement_end(t, i, b);

	if (is_punct(t, i, '{') && i + 1 < b &&
	    (is_word(t, i + 1, "return") || is_word(t, i + 1, "goto") ||
	     is_word(t, i + 1, "break") || is_word(t, i + 1, "continue")))
		i++;
	if (is_word(t, i, "return") || is_word(t, i, "goto") ||
	    is_word(t, i, "break") || is_word(t, i, "continue"))
		return call_in(r, t, end, b);
	if (call_in(r, t, i, end))
		return true;
	return is_word(t, end, "else") &&
	       call_in(r, t, end + 1, statement_end(t, end + 1, b));
}

static void function_flags(const struct qrule *r, const struct toks *t,
			   size_t a, size_t b, struct flag_scan *fs)
{
	struct strset assigned = { 0 }, tested = { 0 };
	bool call = false;

	for (size_t i = a; i < b; i++) {
		if (rule_word(r, t->v[i]) && is_punct(t, i + 1, '(')) {
			call = true;
			/* F && U(...) */
			if (i >= 3 && is_punct(t, i - 1, '&') &&
			    is_punct(t, i - 2, '&') &&
			    t->v[i - 3].kind == TK_WORD)
				strset_add_n(&tested, t->v[i - 3].s,
					     t->v[i - 3].n);
		} else if (is_word(t, i, "if") && is_punct(t, i + 1, '(')) {
			size_t end = group_end(t, i + 1);

			if (guards_call(r, t, end + 1, b))
				cond_flags(t, i + 2, end, &tested, 0);
		} else if (is_punct(t, i, '=')) {
			assignment(t, i, &assigned);
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

/*
 * registration-flag: a name assigned a truth value, or false or 0, in a
 * function with a register or unregister call, and tested by a condition
 * (or as "F && U(...)") in such a function.  Names are compared by their
 * last part, as the script's flag_key() compares them.
 */
static bool flag_found(const struct qrule *r, const char *text, size_t len)
{
	struct lexer lx = { text, text + len, true, 0 };
	struct toks t = { 0 };
	struct flag_scan fs = { 0 };
	size_t start = 0;
	int depth = 0;
	bool found = false;

	for (;;) {
		struct tok k = lex(&lx);

		if (k.kind == TK_EOF)
			break;
		GROW(t.v, t.cap, t.n + 1);
		t.v[t.n++] = k;
	}
	for (size_t i = 0; i < t.n; i++) {
		if (is_punct(&t, i, '{') && !depth++)
			start = i;
		else if (is_punct(&t, i, '}') && depth && !--depth)
			function_flags(r, &t, start, i, &fs);
	}
	if (depth)
		function_flags(r, &t, start, t.n, &fs);
	for (size_t i = 0; i < fs.assigned.nslot && !found; i++)
		found = fs.assigned.slot[i] &&
			strset_has(&fs.tested, fs.assigned.slot[i]);
	strset_free(&fs.assigned);
	strset_free(&fs.tested);
	free(t.v);
	return found;
}

/* Does the text hold the construct the rule's script looks for? */
static bool shape_found(const struct qrule *r, const char *text, size_t len)
{
	switch (r->shape) {
	case SHAPE_NONE:
		return true;
	case SHAPE_CONST_DEF:
	case SHAPE_ID_TABLE:
		return definition_found(r, text, len);
	case SHAPE_REG_CALL:
		return tested_call_found(r, text, len);
	case SHAPE_FLAG:
		return flag_found(r, text, len);
	}
	return true;
}

/* ---- evaluation ---- */

static bool eval(const struct qnode *q, const struct strset *present,
		 const char *text, size_t len)
{
	switch (q->kind) {
	case Q_TRUE:
		return true;
	case Q_WORD:
		return strset_has(present, q->atom);
	case Q_TEXT:
		return memmem(text, len, q->atom, strlen(q->atom));
	case Q_AND:
		for (size_t i = 0; i < q->nkid; i++)
			if (!eval(q->kid[i], present, text, len))
				return false;
		return true;
	case Q_OR:
		for (size_t i = 0; i < q->nkid; i++)
			if (eval(q->kid[i], present, text, len))
				return true;
		return false;
	}
	return true;
}

void cocci_filter_text(const struct cocci_filter *cf, const char *text,
		       size_t len, bool *pass)
{
	struct strset present = { 0 };
	size_t i = 0;

	while (i < len) {
		size_t start;

		if (!word_char((unsigned char)text[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < len && word_char((unsigned char)text[i]))
			i++;
		if (strset_has_n(&cf->words, text + start, i - start))
			strset_add_n(&present, text + start, i - start);
	}
	for (size_t k = 0; k < cf->nrule; k++) {
		const struct qrule *r = &cf->rule[k];

		pass[k] = (!r->query || eval(r->query, &present, text, len)) &&
			  shape_found(r, text, len);
	}
	strset_free(&present);
}
