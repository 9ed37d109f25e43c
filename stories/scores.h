/*
 * The lint score cache: for each story, the score and readiness lint gave
 * it and the digest of what was linted (the story's content, the rubric
 * and the speaking rate, mixed by the caller).  A row whose digest does not
 * match is stale and is ignored; the cache is never the only copy of
 * anything, so deleting its rows loses nothing.
 */
#ifndef LPC_SCORES_H
#define LPC_SCORES_H

#include <stddef.h>
#include <stdint.h>

#include "stories/bank.h"

struct score_row {
	long long story;
	uint64_t digest;
	int score, ready;
};

/*
 * Loads every row, by story id, into a new array (caller frees).  Rows
 * that are not all integers, or whose score is outside 0 to 100 or whose
 * readiness is not 0 or 1, are left out: they can only have been written
 * by hand, and leaving them out means linting those stories again.
 */
int scores_load(struct bank *b, struct score_row **v, size_t *n,
    struct buf *err);

/*
 * Stores rows v[0..n), each replacing its story's old row; call inside the
 * caller's write transaction.
 */
int scores_put(struct bank *b, const struct score_row *v, size_t n,
    struct buf *err);

#endif
