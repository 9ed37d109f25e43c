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

/* Times past 9999 or before 1970 are refused, never half-formatted. */
static void
test_iso_range(void **state)
{
	static const time_t bad[] = { CLOCK_MAX + 1, -1, (time_t)1 << 60 };
	char iso[21], local[32];
	size_t i;

	(void)state;
	setenv("TZ", "UTC", 1);
	assert_int_equal(clock_iso(CLOCK_MAX, iso), 0);
	assert_string_equal(iso, "9999-12-31T23:59:59Z");
	assert_int_equal(clock_iso(CLOCK_MIN, iso), 0);
	assert_string_equal(iso, "1970-01-01T00:00:00Z");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(iso, 'x', sizeof(iso));
		memset(local, 'x', sizeof(local));
		assert_int_equal(clock_iso(bad[i], iso), -1);
		assert_string_equal(iso, "");
		assert_int_equal(clock_local_iso(bad[i], local), -1);
		assert_string_equal(local, "");
	}
	assert_int_equal(clock_local_iso(CLOCK_MAX, local), 0);
	assert_string_equal(local, "9999-12-31T23:59:59+00:00");
}

static void
test_parse_iso_is_strict(void **state)
{
	static const char *const bad[] = { "2026-02-31T00:00:00Z",
		"2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
		"2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
		"2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
		"2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
		"2026-01-01T23:59:60Z", "2026- 1-01T00:00:00Z",
		"+026-01-01T00:00:00Z", "2026-01-01T0:00:00Z ",
		"1969-12-31T23:59:59Z", "2026-01-01T00:00:00",
		"2026-01-01T00:00:00Zx", "2026-01-01 00:00:00Z", "" };
	time_t t;
	size_t i;

	(void)state;
	assert_int_equal(clock_parse_iso("2028-02-29T23:59:59Z", &t), 0);
	assert_int_equal(clock_parse_iso("2000-02-29T00:00:00Z", &t), 0);
	assert_int_equal(clock_parse_iso("1970-01-01T00:00:00Z", &t), 0);
	assert_int_equal((long)t, 0);
	assert_int_equal(clock_parse_iso("9999-12-31T23:59:59Z", &t), 0);
	assert_true(t == CLOCK_MAX);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (clock_parse_iso(bad[i], &t) == 0)
			fail_msg("'%s' was taken as a time", bad[i]);
}

/* Milliseconds: both forms parse, to the same value at .000. */
static void
test_parse_ms(void **state)
{
	static const char *const bad[] = { "2026-02-31T00:00:00.000Z",
		"2026-01-01T00:00:00.12Z", "2026-01-01T00:00:00.1234Z",
		"2026-01-01T00:00:00.-12Z", "2026-01-01T00:00:00,123Z",
		"2026-01-01T00:00:00.123", "2026-01-01T00:00:00.123Zx",
		"2026-01-01T24:00:00.000Z", "soon", "" };
	char out[25];
	long long ms, ms2;
	size_t i;

	(void)state;
	assert_int_equal(clock_parse_ms("2026-11-20T09:00:00.123Z", &ms), 0);
	assert_int_equal(clock_parse_ms("2026-11-20T09:00:00Z", &ms2), 0);
	assert_true(ms == ms2 + 123);
	assert_int_equal(clock_iso_ms(ms, out), 0);
	assert_string_equal(out, "2026-11-20T09:00:00.123Z");
	assert_int_equal(clock_iso_ms(ms2, out), 0);
	assert_string_equal(out, "2026-11-20T09:00:00.000Z");
	assert_int_equal(clock_iso_ms(CLOCK_MS_MAX + 1, out), -1);
	assert_string_equal(out, "");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (clock_parse_ms(bad[i], &ms) == 0)
			fail_msg("'%s' was taken as a time", bad[i]);
}

/* Under a fixed clock, each stamp is still a millisecond after the last. */
static void
test_stamps_increase(void **state)
{
	struct buf err = BUF_INIT;
	char a[25], b[25], shown[21];

	(void)state;
	setenv("LPCOACH_NOW", "2026-11-20T09:00:00Z", 1);
	assert_int_equal(clock_stamp(a, &err), 0);
	assert_int_equal(clock_stamp(b, &err), 0);
	assert_true(strcmp(a, b) < 0);
	assert_int_equal(strncmp(a, "2026-11-20T09:00:00.", 20), 0);
	assert_int_equal(strlen(b), 24);
	clock_show(b, shown);
	assert_string_equal(shown, "2026-11-20T09:00:00Z");
	unsetenv("LPCOACH_NOW");
	assert_int_equal(clock_stamp(a, &err), 0);
	assert_true(strcmp(b, a) < 0);
	buf_release(&err);
}

/* A clock that cannot be used is an error naming LPCOACH_NOW. */
static void
test_check(void **state)
{
	static const char *const bad[] = { "253402300800",
		"2026-02-31T00:00:00Z", "99999999999999999999", "-5",
		"tomorrow", "12x", "10000-01-01T00:00:00Z" };
	struct buf err = BUF_INIT;
	char iso[21];
	size_t i;

	(void)state;
	setenv("TZ", "UTC", 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		buf_reset(&err);
		setenv("LPCOACH_NOW", bad[i], 1);
		if (clock_check(&err) == 0)
			fail_msg("LPCOACH_NOW '%s' was taken", bad[i]);
		assert_non_null(strstr(err.s, "LPCOACH_NOW '"));
		assert_non_null(strstr(err.s, bad[i]));
	}
	buf_reset(&err);
	setenv("LPCOACH_NOW", "253402300800", 1);
	assert_int_equal(clock_now_iso(iso, &err), -1);
	assert_string_equal(iso, "");
	assert_non_null(strstr(err.s, "LPCOACH_NOW '253402300800'"));
	/* The last second of 9999 is fine in UTC, not a day ahead of it. */
	setenv("LPCOACH_NOW", "253402300799", 1);
	assert_int_equal(clock_check(&err), 0);
	assert_int_equal(clock_now_iso(iso, &err), 0);
	assert_string_equal(iso, "9999-12-31T23:59:59Z");
	setenv("TZ", "EAST-14", 1);	/* UTC+14, as a POSIX zone */
	tzset();
	assert_int_equal(clock_check(&err), -1);
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("LPCOACH_NOW");
	buf_reset(&err);
	assert_int_equal(clock_check(&err), 0);
	assert_string_equal(err.s, "");
	buf_release(&err);
}

static void
test_dates_are_real(void **state)
{
	static const char *const bad[] = { "2026-02-30", "2026-13-01",
		"2026-1-01", "2026-01-01x", "tomorrow", "", "2026- 1-01",
		"2026-02-29", "1969-12-31", "2026-04-31" };
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

static void
test_dates_add_across_months_and_zones(void **state)
{
	char d[11];
	time_t t, noon;

	(void)state;
	setenv("TZ", "UTC", 1);
	assert_int_equal(clock_date_add("2026-11-30", 1, d), 0);
	assert_string_equal(d, "2026-12-01");
	assert_int_equal(clock_date_add("2028-02-28", 1, d), 0);
	assert_string_equal(d, "2028-02-29");
	assert_int_equal(clock_date_add("2027-01-01", -1, d), 0);
	assert_string_equal(d, "2026-12-31");
	/* out may be the date itself. */
	memcpy(d, "2026-12-31", 11);
	assert_int_equal(clock_date_add(d, 1, d), 0);
	assert_string_equal(d, "2027-01-01");
	assert_int_equal(clock_date_add("2026-02-30", 1, d), -1);
	assert_string_equal(d, "");
	assert_int_equal(clock_date_add("9999-12-31", 1, d), -1);
	assert_int_equal(clock_day_start("2026-11-20", &t), 0);
	assert_true(t == (time_t)1795132800);
	assert_int_equal(clock_date(t, d), 0);
	assert_string_equal(d, "2026-11-20");
	assert_int_equal(clock_date(t - 1, d), 0);
	assert_string_equal(d, "2026-11-19");
	/* A day of 23 hours: the spring change in Europe. */
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	assert_int_equal(clock_day_start("2027-03-28", &t), 0);
	assert_int_equal(clock_parse_date("2027-03-28", &noon), 0);
	assert_true(noon - t == 11 * 3600);
	assert_int_equal(clock_date_add("2027-03-27", 1, d), 0);
	assert_string_equal(d, "2027-03-28");
	setenv("TZ", "UTC", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_clock),
		cmocka_unit_test(test_iso_range),
		cmocka_unit_test(test_parse_iso_is_strict),
		cmocka_unit_test(test_parse_ms),
		cmocka_unit_test(test_stamps_increase),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_dates_are_real),
		cmocka_unit_test(test_days_until),
		cmocka_unit_test(test_dates_add_across_months_and_zones),
	};

	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
