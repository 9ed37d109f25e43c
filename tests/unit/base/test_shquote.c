/* Shell quoting of printed command hints. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/shquote.h"

static void
check(const char *word, const char *want)
{
	char *got = shquote_dup(word);

	if (strcmp(got, want) != 0)
		fail_msg("'%s' quoted as [%s], not [%s]", word, got, want);
	free(got);
}

static void
test_quoting(void **state)
{
	(void)state;
	check("onsite", "onsite");
	check("stories/samples", "stories/samples");
	check("a-b_c.d:e=f+g@h%i", "a-b_c.d:e=f+g@h%i");
	check("", "''");
	check("My Onsite!", "'My Onsite!'");
	check("it's", "'it'\\''s'");
	check("'", "''\\'''");
	check("$HOME", "'$HOME'");
	check("a*b", "'a*b'");
	check("caf\xc3\xa9", "'caf\xc3\xa9'");
	check("two\nlines", "'two\nlines'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
