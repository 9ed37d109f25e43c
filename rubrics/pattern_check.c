#include "rubrics/pattern_check.h"

#include <string.h>

#include "base/ascii.h"

/* What a class can match, as far as this check cares. */
enum { CL_LETTER = 1, CL_DIGIT = 2 };

/*
 * The class at src[i] ('\w', '\d' or a bracket class that is not negated):
 * sets *cls and returns the offset just past it, or 0 when src[i] starts
 * no such class.
 */
static size_t
class_at(const char *src, size_t i, unsigned *cls)
{
	size_t j;

	*cls = 0;
	if (src[i] == '\\' && (src[i + 1] == 'w' || src[i + 1] == 'd')) {
		*cls = src[i + 1] == 'w' ? CL_LETTER | CL_DIGIT : CL_DIGIT;
		return i + 2;
	}
	if (src[i] != '[' || src[i + 1] == '^')
		return 0;
	/* A ']' first in the class is a literal. */
	for (j = i + 1 + (src[i + 1] == ']'); src[j] && src[j] != ']'; j++) {
		if (src[j] == '\\' && src[j + 1]) {
			if (src[j + 1] == 'w')
				*cls |= CL_LETTER | CL_DIGIT;
			else if (src[j + 1] == 'd')
				*cls |= CL_DIGIT;
			j++;
		} else if (src[j + 1] == '-' && src[j + 2] &&
		    src[j + 2] != ']') {
			if (ascii_isalpha((unsigned char)src[j]))
				*cls |= CL_LETTER;
			else if (ascii_isdigit((unsigned char)src[j]))
				*cls |= CL_DIGIT;
			j += 2;
		}
	}
	return src[j] == ']' ? j + 1 : 0;
}

static int
in_class(unsigned cls, int c)
{
	return ((cls & CL_LETTER) && ascii_isalpha(c)) ||
	    ((cls & CL_DIGIT) && ascii_isdigit(c));
}

/* The offset just past a possessive quantifier at src[i], or 0. */
static size_t
possessive_at(const char *src, size_t i)
{
	size_t j = i;

	if (src[j] == '*' || src[j] == '+' || src[j] == '?') {
		j++;
	} else if (src[j] == '{') {
		for (j++; ascii_isdigit((unsigned char)src[j]) ||
		    src[j] == ','; j++)
			;
		if (src[j] != '}' || j == i + 1)
			return 0;
		j++;
	} else {
		return 0;
	}
	return src[j] == '+' ? j + 1 : 0;
}

int
pattern_swallowed_suffix(const char *src, size_t *start, size_t *end)
{
	size_t i, j, k;
	unsigned cls;
	int c;

	for (i = 0; src[i]; i++) {
		if ((j = class_at(src, i, &cls)) != 0 &&
		    (k = possessive_at(src, j)) != 0) {
			c = (unsigned char)src[k];
			if (in_class(cls, c)) {
				/* The run after it, for the message. */
				for (*end = k + 1; *end < k + 16 &&
				    in_class(cls, (unsigned char)src[*end]);
				    (*end)++)
					;
				*start = i;
				return 1;
			}
		}
		/* An escape is one token: '\\w' is a backslash and a 'w'. */
		if (src[i] == '\\' && src[i + 1])
			i++;
	}
	return 0;
}
