/* Number words to digits and back (lp/number_words.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/strlist.h"
#include "lp/number_words.h"

static void
digits(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	number_words_to_digits(in, &b);
	if (strcmp(b.s, want) != 0)
		fail_msg("'%s' became '%s', not '%s'", in, b.s, want);
	buf_release(&b);
}

static void
test_to_digits(void **state)
{
	(void)state;
	digits("one hundred and twenty milliseconds",
	    "120 milliseconds");
	digits("it fell from three hundred forty to eighty five",
	    "it fell from 340 to 85");
	digits("two point five x faster", "2.5x faster");
	digits("the p ninety nine latency", "the p99 latency");
	digits("forty two thousand users", "42000 users");
	digits("one thousand four hundred cases", "1400 cases");
	digits("two hundred thousand rows", "200000 rows");
	digits("zero point nine nine", "0.99");
	/* A lone "one" is a pronoun, unless a unit follows. */
	digits("one by one", "one by one");
	digits("one of the checks", "one of the checks");
	digits("in one second", "in 1 second");
	digits("one hundred", "100");
	/* Two numbers said in a row stay two. */
	digits("nine nine", "9 9");
	digits("five and six", "5 and 6");
	digits("twenty twenty", "20 20");
	digits("and then we shipped", "and then we shipped");
	digits("", "");
}

static void
spoken(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	number_words_spoken(in, &b, NULL);
	if (strcmp(b.s, want) != 0)
		fail_msg("'%s' became '%s', not '%s'", in, b.s, want);
	buf_release(&b);
}

static void
test_spoken(void **state)
{
	struct strlist acr = STRLIST_INIT;
	struct buf b = BUF_INIT;

	(void)state;
	spoken("p99 fell 85%.", "p ninety nine fell eighty five percent \n");
	spoken("1,400 in 2.5x less", "one thousand four hundred in two "
	    "point five x less ");
	spoken("From 340 ms", "from three hundred forty milliseconds ");
	number_words_spoken("The SQL and ETA, the SQL.", &b, &acr);
	assert_int_equal(acr.n, 2);
	assert_string_equal(acr.v[0], "sql");
	assert_string_equal(acr.v[1], "eta");
	strlist_clear(&acr);
	buf_release(&b);
}

/* Saying a number and reading it back gives the number. */
static void
test_round_trip(void **state)
{
	static const char *const nums[] = { "7", "13", "40", "99", "120",
		"340", "1,400", "42000", "2.5", "1000000", "0.75" };

	(void)state;
	for (size_t i = 0; i < sizeof(nums) / sizeof(*nums); i++) {
		struct buf said = BUF_INIT, back = BUF_INIT, want = BUF_INIT;

		number_words_spoken(nums[i], &said, NULL);
		buf_rtrim(&said);
		number_words_to_digits(said.s, &back);
		for (const char *p = nums[i]; *p; p++)
			if (*p != ',')
				buf_addc(&want, *p);
		assert_string_equal(back.s, want.s);
		buf_release(&said);
		buf_release(&back);
		buf_release(&want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_to_digits),
		cmocka_unit_test(test_spoken),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests_name("number_words", tests, NULL, NULL);
}
