/*
 * What add, edit and tag say about a story they saved: its score, whether
 * the change made a ready story not ready, and which STAR sections it
 * saved empty, so that a story that cannot be told is never saved with
 * exit 0 and no word.
 */
#ifndef LPC_SAVED_VIEW_H
#define LPC_SAVED_VIEW_H

#include "stories/bank.h"
#include "stories/story.h"

/*
 * Scores v[0..n) (saved in bank b, so with ids) at the default speaking
 * rate into new arrays *scores and *ready (the caller frees both); 0, or
 * -1 after printing why (nothing is said then, the save stands).
 */
int saved_scores(struct bank *b, struct story *v, size_t n, int **scores,
    int **ready);

/*
 * Prints "score N" or "score N, not ready", then "; it was ready ('lpcoach
 * lint ID' says why)" when was_ready is 1 and the story is not, and a
 * newline, to stdout; then warns on stderr of each empty Situation,
 * Task, Action or Result of s.  was_ready is -1 for a new story.
 */
void saved_say(const struct story *s, int score, int ready, int was_ready);

/*
 * saved_say() for story after, which replaced before (same id): scores
 * both and says whether the change made it not ready (a newline alone
 * when they cannot be scored).
 */
void saved_change(struct bank *b, const struct story *before,
    struct story *after);

#endif
