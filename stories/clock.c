
#include "stories/clock.h"

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
