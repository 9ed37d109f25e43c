/* The clock and calendar dates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"

static void
test_fixed_clock(void **state)
{
	char iso[21];

	(void)state;
	setenv("LPCOACH_NOW", "2026-11-20T09:00:00Z", 1);
	clock_iso(clock_now(), iso);
	assert_string_equal(iso, "2026-11-20T09:00:00Z");
	setenv("LPCOACH_NOW", "86400", 1);
	assert_int_equal((long)clock_now(), 86400);
}

static void
test_dates_are_real(void **state)
{
	static const char *const bad[] = { "2026-02-30", "2026-13-01",
		"2026-1-01", "2026-01-01x", "tomorrow", "" };
	time_t t;
	size_t i;

	(void)state;
	assert_int_equal(clock_parse_date("2028-02-29", &t), 0);
	assert_int_equal(clock_parse_date("2026-12-31", &t), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (clock_parse_date(bad[i], &t) == 0)
			fail_msg("'%s' was taken as a date", bad[i]);
	assert_int_equal(clock_parse_date(NULL, &t), -1);
}

static void
test_days_until(void **state)
{
	char today[11];

	(void)state;
	setenv("TZ", "UTC", 1);
	setenv("LPCOACH_NOW", "2026-11-20T23:30:00Z", 1);
	clock_today(today);
	assert_string_equal(today, "2026-11-20");
	assert_int_equal(clock_days_until("2026-11-20"), 0);
	assert_int_equal(clock_days_until("2026-12-03"), 13);
	assert_int_equal(clock_days_until("2026-11-10"), -10);
	assert_int_equal(clock_days_until("2026-11-31"), INT_MIN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_clock),
		cmocka_unit_test(test_dates_are_real),
		cmocka_unit_test(test_days_until),
	};

	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
