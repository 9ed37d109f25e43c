#include "base/clock.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads n decimal digits at s (no sign, no blanks) into *out. */
static int
digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads a real date "YYYY-MM-DD", years 1970 to 9999, at s into tm. */
static int
parse_ymd(const char *s, struct tm *tm)
{
	int y, m, d;

	if (digits(s, 4, &y) < 0 || s[4] != '-' || digits(s + 5, 2, &m) < 0 ||
	    s[7] != '-' || digits(s + 8, 2, &d) < 0)
		return -1;
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	return 0;
}

int
clock_parse_iso(const char *s, time_t *t)
{
	struct tm tm;

	if (s == NULL || strlen(s) != 20 || parse_ymd(s, &tm) < 0 ||
	    s[10] != 'T' || digits(s + 11, 2, &tm.tm_hour) < 0 ||
	    s[13] != ':' || digits(s + 14, 2, &tm.tm_min) < 0 ||
	    s[16] != ':' || digits(s + 17, 2, &tm.tm_sec) < 0 || s[19] != 'Z')
		return -1;
	/* A leap second (:60) would not come back as written. */
	if (tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
		return -1;
	*t = timegm(&tm);
	return 0;
}

int
clock_parse_ms(const char *s, long long *ms)
{
	char sec[21];
	time_t t;
	int frac = 0;

	if (s == NULL)
		return -1;
	if (strlen(s) == 24 && s[19] == '.' && s[23] == 'Z' &&
	    digits(s + 20, 3, &frac) == 0) {
		memcpy(sec, s, 19);
		sec[19] = 'Z';
		sec[20] = '\0';
		s = sec;
	}
	if (clock_parse_iso(s, &t) < 0)
		return -1;
	*ms = (long long)t * 1000 + frac;
	return 0;
}

int
clock_iso_ms(long long ms, char out[25])
{
	char sec[21];

	out[0] = '\0';
	if (ms < 0 || ms > CLOCK_MS_MAX || clock_iso((time_t)(ms / 1000),
	    sec) < 0)
		return -1;
	snprintf(out, 25, "%.19s.%03dZ", sec, (int)(ms % 1000));
	return 0;
}

void
clock_show(const char *stored, char out[21])
{
	long long ms;

	out[0] = '\0';
	if (stored && clock_parse_ms(stored, &ms) == 0)
		(void)clock_iso((time_t)(ms / 1000), out);
	else if (stored)
		snprintf(out, 21, "%s", stored);
}

/* LPCOACH_NOW in milliseconds: 0, or -1 when it is set but not a time. */
static int
env_now_ms(const char *env, long long *ms)
{
	long long v;
	char *end;

	if (clock_parse_ms(env, ms) == 0)
		return 0;
	if (env[0] < '0' || env[0] > '9')
		return -1;
	errno = 0;
	v = strtoll(env, &end, 10);
	if (errno || *end != '\0' || v > (long long)CLOCK_MAX)
		return -1;
	*ms = v * 1000;
	return 0;
}

static int
env_now(const char *env, time_t *t)
{
	long long ms;

	if (env_now_ms(env, &ms) < 0)
		return -1;
	*t = (time_t)(ms / 1000);
	return 0;
}

time_t
clock_now(void)
{
	const char *env = getenv("LPCOACH_NOW");
	time_t t;

	if (env && *env && env_now(env, &t) == 0)
		return t;
	return time(NULL);
}

/* The last stamp this process made, so that the next is later. */
static long long last_stamp = -1;

int
clock_stamp(char out[25], struct buf *err)
{
	const char *env = getenv("LPCOACH_NOW");
	struct timespec ts;
	long long ms;

	out[0] = '\0';
	if (clock_check(err) < 0)
		return -1;
	if (env && *env && env_now_ms(env, &ms) == 0)
		;
	else if (clock_gettime(CLOCK_REALTIME, &ts) == 0)
		ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	else
		ms = (long long)time(NULL) * 1000;
	if (ms <= last_stamp)
		ms = last_stamp + 1;
	if (clock_iso_ms(ms, out) < 0) {
		buf_addf(err, "the clock is past 9999-12-31T23:59:59.999Z\n");
		return -1;
	}
	last_stamp = ms;
	return 0;
}

int
clock_check(struct buf *err)
{
	const char *env = getenv("LPCOACH_NOW");
	char today[11];
	time_t t;

	if (env && *env) {
		if (env_now(env, &t) < 0) {
			buf_addf(err, "LPCOACH_NOW '%s': not a time from "
			    "1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z "
			    "(give seconds since the epoch, or "
			    "YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS.mmmZ "
			    "with a real date)\n", env);
			return -1;
		}
		if (clock_today(today) < 0) {
			buf_addf(err, "LPCOACH_NOW '%s': the local date is "
			    "past 9999-12-31\n", env);
			return -1;
		}
		return 0;
	}
	t = time(NULL);
	if (t < CLOCK_MIN || t > CLOCK_MAX || clock_today(today) < 0) {
		buf_addf(err, "the system clock (%lld seconds since the epoch) "
		    "is not between 1970 and 9999: set the date, or "
		    "LPCOACH_NOW\n", (long long)t);
		return -1;
	}
	return 0;
}

int
clock_iso(time_t t, char out[21])
{
	struct tm tm;

	out[0] = '\0';
	if (t < CLOCK_MIN || t > CLOCK_MAX || gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) != 20) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

int
clock_now_iso(char out[21], struct buf *err)
{
	out[0] = '\0';
	if (clock_check(err) < 0)
		return -1;
	return clock_iso(clock_now(), out);
}

int
clock_local_iso(time_t t, char out[32])
{
	struct tm tm;
	char z[8];

	out[0] = '\0';
	if (t < CLOCK_MIN || t > CLOCK_MAX || localtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm) != 19 ||
	    strftime(z, sizeof(z), "%z", &tm) != 5) {
		out[0] = '\0';
		return -1;
	}
	snprintf(out + 19, 8, "%.3s:%.2s", z, z + 3);
	return 0;
}

int
clock_date(time_t t, char out[11])
{
	struct tm tm;

	out[0] = '\0';
	if (t < CLOCK_MIN || t > CLOCK_MAX || localtime_r(&t, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

int
clock_today(char out[11])
{
	return clock_date(clock_now(), out);
}

/* Date s at hour:00 local time, days later; 0 or -1. */
static int
local_at(const char *s, int days, int hour, time_t *t)
{
	struct tm tm;

	if (s == NULL || strlen(s) != 10 || parse_ymd(s, &tm) < 0)
		return -1;
	tm.tm_mday += days;
	tm.tm_hour = hour;
	tm.tm_isdst = -1;
	*t = mktime(&tm);
	return *t == (time_t)-1 ? -1 : 0;
}

int
clock_day_start(const char *date, time_t *t)
{
	return local_at(date, 0, 0, t);
}

int
clock_date_add(const char *date, int days, char out[11])
{
	time_t t;

	/* Noon is a time every day has, whatever its daylight saving. */
	if (local_at(date, days, 12, &t) < 0) {
		out[0] = '\0';
		return -1;
	}
	return clock_date(t, out);
}

int
clock_parse_date(const char *s, time_t *t)
{
	return local_at(s, 0, 12, t);
}

int
clock_days_until(const char *date)
{
	struct tm now_tm;
	time_t now = clock_now(), then;
	long long diff;

	if (clock_parse_date(date, &then) < 0 ||
	    localtime_r(&now, &now_tm) == NULL)
		return INT_MIN;
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

time_t
clock_end_of_today(void)
{
	time_t now = clock_now(), end;
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return now;
	tm.tm_hour = 23;
	tm.tm_min = 59;
	tm.tm_sec = 59;
	tm.tm_isdst = -1;
	end = mktime(&tm);
	return end == (time_t)-1 ? now : end;
}
