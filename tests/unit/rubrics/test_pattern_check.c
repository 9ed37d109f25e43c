/*
 * The check of pattern sources: a possessive repeat that takes the
 * letters written after it is found, with the span a message quotes, and
 * the ways to write the same thing correctly are not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "rubrics/pattern_check.h"

/* The span pattern_swallowed_suffix() reports in src, or "" for none. */
static const char *
swallowed(const char *src)
{
	static char out[64];
	size_t a, b;

	if (!pattern_swallowed_suffix(src, &a, &b))
		return "";
	assert_true(a < b && b <= strlen(src) && b - a < sizeof(out));
	memcpy(out, src + a, b - a);
	out[b - a] = '\0';
	return out;
}

/* Each source and the span expected ("" for none). */
static const struct { const char *src, *want; } found[] = {
	{ "\\bI\\s+\\w{2,12}+ly\\s", "\\w{2,12}+ly" },
	{ "\\d+\\s+[a-z]{2,20}+s\\b", "[a-z]{2,20}+s" },
	{ "by\\s+\\w{2,9}+day", "\\w{2,9}+day" },
	{ "[\\w-]*+ing", "[\\w-]*+ing" },
	{ "[A-Z]++x", "[A-Z]++x" },
	{ "\\d++0", "\\d++0" },
	{ "\\d{1,3}+5x", "\\d{1,3}+5" },
}, not_found[] = {
	/* A lookbehind after the repeat, or no possessive at all. */
	{ "\\w{4,14}+(?<=ly)\\s", "" },
	{ "[a-z]{3,21}+(?<=s)\\b", "" },
	{ "\\w{2,12}ly", "" },
	{ "\\w{1,20}+\\s+ed", "" },
	/* What follows is not in the class. */
	{ "\\d{1,3}+x", "" },
	{ "[a-z]{2,20}+-", "" },
	{ "[\\w'-]{1,20}+\\s", "" },
	/* A negated class, an escaped backslash, a literal bracket. */
	{ "[^a-z]{1,3}+x", "" },
	{ "\\\\w{2}+ly", "" },
	{ "\\[a-z]{2}+s", "" },
	/* Not a quantifier: a '{' with no number. */
	{ "\\w{}+x", "" },
	{ "", "" },
};

static void
test_possessive_repeat_before_letters_is_found(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(found) / sizeof(found[0]); i++)
		assert_string_equal(swallowed(found[i].src), found[i].want);
}

static void
test_correct_forms_are_not_found(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(not_found) / sizeof(not_found[0]); i++)
		assert_string_equal(swallowed(not_found[i].src), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_possessive_repeat_before_letters_is_found),
		cmocka_unit_test(test_correct_forms_are_not_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
