/*
 * drill --calendar: the drill forecast of lp/calendar.h for a loop,
 * written as an iCalendar file (RFC 5545, base/ics.h), one all-day event
 * per day from today to the day before the loop.
 */
#ifndef LPC_DRILL_CALENDAR_H
#define LPC_DRILL_CALENDAR_H

#include "cli/cli.h"

/*
 * Writes the calendar of loop to path (atomically; an existing file only
 * with force) and says so.  A status: 1 when the loop is not found, 2
 * when it has no date ahead or the file cannot be written.
 */
int drill_calendar(struct cli *c, const char *loop, const char *path,
    int force);

#endif
