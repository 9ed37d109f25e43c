/*
 * A drill calendar: the forecast, day by day from today to the day before
 * a loop, of what the drill will ask if every answer is rated "good".
 *
 * Each day the cards due by its end are reviewed with rating 3 by the same
 * FSRS code a drill uses (lp/fsrs.c), most overdue first, with the loop's
 * cap (no due time after noon the day before the loop, as
 * drill_session_use_loop() sets it).  The loop's undrilled principles get
 * their first drill over the first half of the days (ceil(n / 2) of n
 * days): each of those days takes ceil(left / days of the half left), so
 * they spread evenly and every one is reviewed at least once before the
 * loop when there are days enough.  A first drill then becomes a card of
 * its own, due again as a good rating makes it.  A day's reviews happen
 * at noon local time, or now when today's noon is past.
 *
 * The plan is pure: the same cards, principles, now and time zone give
 * the same days.
 */
#ifndef LPC_CALENDAR_H
#define LPC_CALENDAR_H

#include <stddef.h>
#include <time.h>

#include "lp/question.h"
#include "stories/cards.h"

#define CALENDAR_MAX_DAYS 366	/* a loop further off is refused */

enum calendar_kind {
	CALENDAR_DUE,		/* a card due for review */
	CALENDAR_NEW		/* the first drill of an undrilled principle */
};

struct calendar_item {
	enum calendar_kind kind;
	const struct principle *principle;
	/*
	 * The due card's question; NULL for a first drill, and for the
	 * review of one, since which question a drill picks is not known
	 * ahead (first says when it was drilled).
	 */
	const struct question *q;
	char first[11];		/* "" unless q is NULL and kind is DUE */
};

struct calendar_day {
	char date[11];			/* YYYY-MM-DD, local */
	struct calendar_item *items;	/* owned; reviews first, then new */
	size_t n, ndue, nnew;
};

struct calendar {
	struct calendar_day *days;	/* owned; today first */
	size_t ndays;			/* days until the loop */
};

/*
 * Plans the days from the local date of now to the day before loop_date
 * (YYYY-MM-DD) for cards (any order; those whose question the bank does
 * not have are left out, as a drill never asks them) and the loop's
 * undrilled principles in the order given.  Returns 0; -1 when loop_date
 * is not a real date, is today or past, or more than CALENDAR_MAX_DAYS
 * away (out is then empty).  calendar_release() frees out either way.
 */
int calendar_plan(const struct card *cards, size_t ncards,
    const struct principle *const *undrilled, size_t nundrilled, time_t now,
    const char *loop_date, struct calendar *out);
void calendar_release(struct calendar *c);

#endif
