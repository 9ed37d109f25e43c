#include "base/clock.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
clock_parse_iso(const char *s, time_t *t)
{
	struct tm tm;
	int n = 0;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
	    n != 20 || s[n] != '\0')
		return -1;
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*t = timegm(&tm);
	return 0;
}

time_t
clock_now(void)
{
	const char *env = getenv("LPCOACH_NOW");
	time_t t;
	char *end;
	long long v;

	if (env && *env) {
		if (clock_parse_iso(env, &t) == 0)
			return t;
		v = strtoll(env, &end, 10);
		if (*end == '\0')
			return (time_t)v;
	}
	return time(NULL);
}

void
clock_iso(time_t t, char out[21])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
clock_local_iso(time_t t, char out[32])
{
	struct tm tm;
	char z[8];

	localtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(z, sizeof(z), "%z", &tm);
	snprintf(out + strlen(out), 8, "%.3s:%.2s", z, z + 3);
}

void
clock_today(char out[11])
{
	time_t now = clock_now();
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int
clock_parse_date(const char *s, time_t *t)
{
	struct tm tm;
	int y, m, d, n = 0;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[10] != '\0' || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	*t = mktime(&tm);
	/* mktime moves 2026-02-30 to March: a date that moved was bad. */
	return tm.tm_mday == d && tm.tm_mon == m - 1 ? 0 : -1;
}

int
clock_days_until(const char *date)
{
	struct tm now_tm;
	time_t now = clock_now(), then;
	long long diff;

	if (clock_parse_date(date, &then) < 0)
		return INT_MIN;
	localtime_r(&now, &now_tm);
	now_tm.tm_hour = 12;
	now_tm.tm_min = now_tm.tm_sec = 0;
	now_tm.tm_isdst = -1;
	now = mktime(&now_tm);
	/*
	 * Both are noon, so the difference is whole days give or take a
	 * daylight-saving hour: round to the nearest day, away from zero the
	 * same way on both sides (C division truncates toward zero).
	 */
	diff = (long long)(then - now);
	return (int)(diff >= 0 ? (diff + 43200) / 86400 :
	    -((-diff + 43200) / 86400));
}
