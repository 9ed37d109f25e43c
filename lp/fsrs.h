/*
 * Spaced repetition with FSRS-5, the scheduler Anki uses by default since
 * 23.10 (J. Ye et al., "A Stochastic Shortest Path Algorithm for
 * Optimizing Spaced Repetition Scheduling", KDD 2022, and the FSRS-5
 * algorithm as published by the open-spaced-repetition project), with its
 * default parameters w0..w18 and a desired retention r = 0.9.
 *
 * With G the rating (1 again, 2 hard, 3 good, 4 easy), S stability in
 * days, D difficulty in [1, 10], t days since the last review:
 *
 *   retrievability   R(t, S) = (1 + F t / S)^-0.5,  F = 19/81
 *   interval         I(r, S) = S / F (r^-2 - 1)      (= S when r = 0.9)
 *   first review     S0(G) = w[G-1];  D0(G) = w4 - e^(w5 (G-1)) + 1
 *   difficulty       D' = D - w6 (G-3) (10-D)/9, then reverted toward
 *                    D0(4): D'' = w7 D0(4) + (1-w7) D'
 *   recalled (G>1)   S' = S (1 + e^w8 (11-D) S^-w9 (e^(w10 (1-R)) - 1)
 *                         x w15 if hard x w16 if easy)
 *   forgotten (G=1)  S' = min(S, w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)))
 *   same day         S' = S e^(w17 (G - 3 + w18))    (any G, when less
 *                    than a day has passed since the last review)
 *
 * Stability is updated with the difficulty from before the review.  After
 * a day or more, S' after "again" is at most S and S' after a recall is
 * above S, and w15 < 1 < w16; on the same day the factor e^(w17 (G - 3 +
 * w18)) grows with G.  Either way the next due time after again is before
 * hard, before good, before easy.
 */
#ifndef LPC_FSRS_H
#define LPC_FSRS_H

#include <time.h>

#include "stories/cards.h"

#define FSRS_RETENTION 0.9

/* Retrievability of c at time now. */
double fsrs_retrievability(const struct card *c, time_t now);

/*
 * Applies rating (1-4) at time now to c (new when c->reps is 0) and sets
 * its due time; when cap is not 0, due is never after cap.
 */
void fsrs_review(struct card *c, int rating, time_t now, time_t cap);

#endif
