/*
 * ASCII classes and case.  That the locale changes nothing is tested
 * where it bites, in tests/cli/locale.bats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"

/* Every byte: letters, digits and blanks of ASCII only, case of A-Z only. */
static void
test_every_byte(void **state)
{
	int c;

	(void)state;
	for (c = -128; c < 256; c++) {
		int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
		int digit = c >= '0' && c <= '9';
		int space = c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
		    c == '\f' || c == '\r';

		if (ascii_isupper(c) != up || ascii_islower(c) != low ||
		    ascii_isdigit(c) != digit || ascii_isspace(c) != space ||
		    ascii_isalpha(c) != (up || low) ||
		    ascii_isalnum(c) != (up || low || digit))
			fail_msg("byte %d is in the wrong class", c);
		if (ascii_tolower(c) != (up ? c + 32 : c) ||
		    ascii_toupper(c) != (low ? c - 32 : c))
			fail_msg("byte %d changes case wrongly", c);
	}
}

static void
test_casecmp(void **state)
{
	(void)state;
	assert_int_equal(ascii_strcasecmp("INSIST", "insist"), 0);
	assert_int_equal(ascii_strcasecmp("Situation", "SITUATION"), 0);
	assert_true(ascii_strcasecmp("abc", "abd") < 0);
	assert_true(ascii_strcasecmp("abd", "ABC") > 0);
	assert_true(ascii_strcasecmp("ab", "abc") < 0);
	/* Bytes of non-ASCII letters are compared as they are. */
	assert_true(ascii_strcasecmp("\xc3\x89", "\xc3\xa9") != 0);
	assert_int_equal(ascii_strncasecmp("Lessons learned", "LESSONS", 7), 0);
	assert_int_equal(ascii_strncasecmp("a", "B", 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_casecmp),
	};

	return cmocka_run_group_tests_name("ascii", tests, NULL, NULL);
}
