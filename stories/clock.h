/*
 * The clock.  LPCOACH_NOW (seconds since the epoch, or an ISO 8601 UTC
 * time "YYYY-MM-DDTHH:MM:SSZ") fixes it, so tests are deterministic.
 */
#ifndef LPC_CLOCK_H
#define LPC_CLOCK_H

#include <time.h>

time_t clock_now(void);
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void clock_iso(time_t t, char out[21]);
/* Parses "YYYY-MM-DDTHH:MM:SSZ"; returns 0 or -1. */
int clock_parse_iso(const char *s, time_t *t);

#endif
