/*
 * Checks of a pattern's source that PCRE2 accepts but that cannot mean
 * what was written; run by 'lpcoach rules --check' (rubric_check_examples)
 * so that a rubric's author, and make check for the default rubric, sees
 * them.  Pure string functions: no PCRE2, no allocation.
 */
#ifndef LPC_PATTERN_CHECK_H
#define LPC_PATTERN_CHECK_H

#include <stddef.h>

/*
 * Finds a possessive repeat of a class of letters or digits followed by a
 * letter or digit the class also matches: '\w{2,12}+ly', '[a-z]{2,20}+s',
 * '\d++0'.  The repeat takes every character it can and gives none back,
 * so the text after it can match only where the run of such characters is
 * longer than the repeat allows: in practice never.  Returns 1 and sets
 * [*start, *end) to the repeat and the run of such characters after it
 * (at most 15), or 0.
 */
int pattern_swallowed_suffix(const char *src, size_t *start, size_t *end);

#endif
