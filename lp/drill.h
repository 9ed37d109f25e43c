/*
 * Choosing what to drill.  The order:
 *   1. due cards, most overdue first;
 *   2. questions of the named loop's principles, weakest principle first:
 *      never drilled, then no ready story, then the lowest mean of the
 *      last three ratings;
 *   3. questions never drilled;
 *   4. the rest, soonest due first.
 * Within 2 and 3 principles take turns (one question of each before a
 * second of any).  With a loop, a session keeps room for the loop's
 * principles never drilled: enough of them to reach all by the day before
 * the interview if the candidate drills daily (at least one), even when
 * due cards would fill the session.  Ties
 * are broken by the seeded PRNG, so a seed gives the same session on every
 * machine for the same bank.  No question repeats in a session until every
 * candidate has been asked.  Each question's probes are lp/followup.h's,
 * none asked twice in a session before every fitting one was.
 */
#ifndef LPC_DRILL_H
#define LPC_DRILL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "lp/followup.h"
#include "lp/question.h"
#include "stories/cards.h"

struct drill_item {
	const struct question *q;
	struct follow_up follow[FOLLOW_MAX];	/* owned */
	int nfollow;
};

struct drill_select {
	const struct principle **principles;	/* NULL: all */
	size_t nprinciples;
	const char *role;		/* NULL: any */
	const struct card *cards;	/* sorted by question id */
	size_t ncards;
	int in_loop[PRINCIPLE_COUNT];	/* 1 for the named loop's principles */
	double weakness[PRINCIPLE_COUNT];	/* lower: sooner; 0 never drilled */
	int days_left;		/* sessions left before the interview, or 0 */
	time_t now;
	int follow_ups;			/* per question: 1, or 3 for bar raiser */
	struct follow_memory *memory;	/* what the session asked; NULL:
					   only this drill_pick()'s */
	uint64_t seed;
};

/*
 * Fills out[0..count) with the session's questions and their follow-ups
 * (generic probes: lp/drill_session.h puts the story's ladder first).
 * Returns how many (fewer only when the bank has no candidate at all);
 * release each item with drill_item_release().
 */
size_t drill_pick(const struct drill_select *sel, size_t count,
    struct drill_item *out);
void drill_item_release(struct drill_item *it);

/* The card for question id in sel's cards, or NULL. */
const struct card *drill_card(const struct drill_select *sel,
    const char *id);

#endif
