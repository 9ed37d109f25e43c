/*
 * The clock and calendar dates.  LPCOACH_NOW (seconds since the epoch, or
 * an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ")
 * fixes the clock, so tests are deterministic.  Calendar dates (a loop's day) are local time.
 *
 * Times are those from CLOCK_MIN to CLOCK_MAX, 1970-01-01T00:00:00Z to
 * 9999-12-31T23:59:59Z: every stored time is 20 characters and sorts as
 * text.  The formatting functions refuse any other time (and any time the
 * C library cannot convert), leaving an empty string, never stale bytes.
 */
#ifndef LPC_CLOCK_H
#define LPC_CLOCK_H

#include <time.h>

#include "base/buf.h"

#define CLOCK_MIN ((time_t)0)
#define CLOCK_MAX ((time_t)253402300799LL)	/* 9999-12-31T23:59:59Z */

/*
 * Now: LPCOACH_NOW when it is set and valid, else the system clock.
 * clock_check() says when LPCOACH_NOW is not valid or now is out of range.
 */
time_t clock_now(void);
/*
 * Checks that LPCOACH_NOW, when set, is a valid time and that now, as UTC
 * and as local time, lies from CLOCK_MIN to CLOCK_MAX.  Returns 0, or -1
 * with a message naming LPCOACH_NOW (or the system clock) in err.
 */
int clock_check(struct buf *err);

/*
 * Writes t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes).
 * Returns 0, or -1 with out empty when t is out of range.
 */
int clock_iso(time_t t, char out[21]);
/*
 * clock_iso() of now, after clock_check(): 0, or -1 with out empty and a
 * message naming the clock in err.
 */
int clock_now_iso(char out[21], struct buf *err);
/*
 * Parses "YYYY-MM-DDTHH:MM:SSZ" exactly: digits where digits go, a real
 * date (days per month, leap years), hours 00-23, minutes and seconds
 * 00-59, years 1970 to 9999.  Returns 0 or -1.
 */
int clock_parse_iso(const char *s, time_t *t);
/*
 * Times with milliseconds, as stories record them: a count of milliseconds
 * since the epoch, written "YYYY-MM-DDTHH:MM:SS.mmmZ" (24 characters).
 * The seconds form stays valid input and means .000.
 */
#define CLOCK_MS_MAX (CLOCK_MAX * 1000LL + 999)

/* Parses either form exactly (clock_parse_iso's rules).  0 or -1. */
int clock_parse_ms(const char *s, long long *ms);
/* Writes ms in the milliseconds form into out.  0, or -1 with out empty. */
int clock_iso_ms(long long ms, char out[25]);
/*
 * Now, in milliseconds (LPCOACH_NOW, which may carry milliseconds, or the
 * system clock), and strictly later than any stamp this process made
 * before: the stories one command creates are ordered even when the clock
 * is fixed or coarse.  After clock_check(): 0, or -1 with a message.
 */
int clock_stamp(char out[25], struct buf *err);
/* Copies the seconds form of a stored time ("...:SSZ") for people. */
void clock_show(const char *stored, char out[21]);

/*
 * Writes t as local "2026-11-24T09:00:00+01:00" into out.  Returns 0, or
 * -1 with out empty when t is out of range or has no local time.
 */
int clock_local_iso(time_t t, char out[32]);

/*
 * Writes the local date of t, "YYYY-MM-DD", into out.  Returns 0, or -1
 * with out empty when t is out of range.
 */
int clock_date(time_t t, char out[11]);
/*
 * Writes today's local date, "YYYY-MM-DD", into out.  Returns 0, or -1 with
 * out empty when the clock is out of range.
 */
int clock_today(char out[11]);
/*
 * Parses a real calendar date YYYY-MM-DD (not 2026-02-30) into *t, noon
 * local time.  Returns 0 or -1.
 */
int clock_parse_date(const char *s, time_t *t);
/* The local time at which date YYYY-MM-DD begins.  0 or -1. */
int clock_day_start(const char *date, time_t *t);
/*
 * Writes the date days after date (before it when days < 0) into out.
 * Returns 0, or -1 with out empty when date is not a real date or the
 * result is out of range.  out may be date.
 */
int clock_date_add(const char *date, int days, char out[11]);
/* Days from today (local time) to date YYYY-MM-DD, or INT_MIN. */
int clock_days_until(const char *date);
/* The last second of today, local time (now when it has none). */
time_t clock_end_of_today(void);

#endif
