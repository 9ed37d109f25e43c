/*
 * Drill history in the bank: a card per question (its spaced-repetition
 * state) and every answer given.  Times are seconds since the epoch.
 */
#ifndef LPC_CARDS_H
#define LPC_CARDS_H

#include <stddef.h>
#include <time.h>

#include "stories/bank.h"

struct card {
	char question[32];
	double stability;	/* days */
	double difficulty;	/* 1 to 10 */
	time_t due;
	time_t last_review;
	int reps, lapses;
};

/* Loads every card, by question id, into a new array (caller frees). */
int cards_load(struct bank *b, struct card **v, size_t *n,
    struct buf *err);

struct answer {
	const char *session, *question, *principle, *loop, *round;
	int rating;		/* 1 again, 2 hard, 3 good, 4 easy */
	double seconds;
	int over_time;
	time_t at;
};

/*
 * Records one answer and the card's new state in one BEGIN IMMEDIATE
 * transaction.  Returns 0 or -1.
 */
int cards_record(struct bank *b, const struct answer *a,
    const struct card *c, struct buf *err);

struct principle_history {
	long drilled;		/* answers */
	int last_rating;	/* 0 when never drilled */
	double avg_seconds;
	double recent;		/* mean of the last three ratings, or 0 */
};

/* History of one principle (slug). */
int answers_history(struct bank *b, const char *slug,
    struct principle_history *h, struct buf *err);

/*
 * Sets out[0..*n) to the last max ratings of principle slug, oldest
 * first.
 */
int answers_ratings(struct bank *b, const char *slug, int *out, size_t max,
    size_t *n, struct buf *err);

#endif
