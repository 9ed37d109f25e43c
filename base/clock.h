/*
 * The clock and calendar dates.  LPCOACH_NOW (seconds since the epoch, or
 * an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ") fixes the clock, so tests
 * are deterministic.  Calendar dates (a loop's day) are local time.
 */
#ifndef LPC_CLOCK_H
#define LPC_CLOCK_H

#include <time.h>

time_t clock_now(void);
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void clock_iso(time_t t, char out[21]);
/* Parses "YYYY-MM-DDTHH:MM:SSZ"; returns 0 or -1. */
int clock_parse_iso(const char *s, time_t *t);
/* Writes t as local "2026-11-24T09:00:00+01:00" into out. */
void clock_local_iso(time_t t, char out[32]);

/* Writes today's local date, "YYYY-MM-DD", into out. */
void clock_today(char out[11]);
/*
 * Parses a real calendar date YYYY-MM-DD (not 2026-02-30) into *t, noon
 * local time.  Returns 0 or -1.
 */
int clock_parse_date(const char *s, time_t *t);
/* Days from today (local time) to date YYYY-MM-DD, or INT_MIN. */
int clock_days_until(const char *date);

#endif
