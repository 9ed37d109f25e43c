/* Lists of strings (base/strlist.h): duplicates removed in order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strlist.h"

static void
test_uniq_keeps_the_first_of_each_in_order(void **state)
{
	struct strlist l = STRLIST_INIT;
	const char *in[] = { "b", "a", "b", "c", "a", "a", "d", "c" };
	size_t i;

	(void)state;
	strlist_uniq(&l);	/* empty: nothing to do */
	assert_int_equal(l.n, 0);
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		strlist_push(&l, in[i]);
	strlist_uniq(&l);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0], "b");
	assert_string_equal(l.v[1], "a");
	assert_string_equal(l.v[2], "c");
	assert_string_equal(l.v[3], "d");
	/* Case matters: tags are compared byte for byte. */
	strlist_push(&l, "B");
	strlist_uniq(&l);
	assert_int_equal(l.n, 5);
	strlist_clear(&l);
}

static void
test_uniq_on_a_long_list(void **state)
{
	struct strlist l = STRLIST_INIT;
	char name[32];
	size_t i;

	(void)state;
	/* 120,000 names, each said twice: the second of each goes. */
	for (i = 0; i < 240000; i++) {
		snprintf(name, sizeof(name), "tag-%zu", i % 120000);
		strlist_push(&l, name);
	}
	strlist_uniq(&l);
	assert_int_equal(l.n, 120000);
	for (i = 0; i < l.n; i += 9973) {
		snprintf(name, sizeof(name), "tag-%zu", i);
		assert_string_equal(l.v[i], name);
	}
	strlist_clear(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uniq_keeps_the_first_of_each_in_order),
		cmocka_unit_test(test_uniq_on_a_long_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
