// SPDX-License-Identifier: GPL-2.0-only
/* The words the prefilter tells apart (see prefilter_int.h). */
#include <string.h>

#include "select/prefilter_int.h"

bool pf_word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && !memcmp(s, w, len);
}

bool pf_is_tag_keyword(const char *s, size_t len)
{
	return pf_word_is(s, len, "struct") || pf_word_is(s, len, "union") ||
	       pf_word_is(s, len, "enum");
}

const char *pf_tag_keyword(const char *s, size_t len)
{
	if (!pf_is_tag_keyword(s, len))
		return NULL;
	return len == 6 ? "struct" : len == 5 ? "union" : "enum";
}

size_t pf_tag_pair(char *buf, size_t size, const char *tag, const char *s,
		   size_t len)
{
	size_t tl = strlen(tag);

	if (tl + 1 + len >= size)
		return 0;
	memcpy(buf, tag, tl);
	buf[tl] = ' ';
	memcpy(buf + tl + 1, s, len);
	buf[tl + 1 + len] = '\0';
	return tl + 1 + len;
}

bool pf_decl_word(const char *s, size_t len)
{
	static const char *const words[] = {
		"extern", "const",  "volatile", "static", "unsigned",
		"signed", "int",    "char",	"long",	  "short",
		"void",	  "inline", "restrict", "_Bool",  "bool",
	};

	if (len >= 2 && s[0] == '_' && s[1] == '_')
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (pf_word_is(s, len, words[i]))
			return true;
	return false;
}

bool pf_has_key(const struct prefilter *pf, const char *s, size_t len,
		const char *tag)
{
	char pair[256];
	size_t pl;

	if (strset_has_n(&pf->keys, s, len))
		return true;
	if (!tag)
		return false;
	pl = pf_tag_pair(pair, sizeof(pair), tag, s, len);
	return pl && strset_has_n(&pf->keys, pair, pl);
}
