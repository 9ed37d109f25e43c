/*
 * A story's own trigram language model: the words the candidate wrote, in
 * the words they will say them in (lp/number_words.h), counted and
 * smoothed here (Debian has no language-model toolkit) and written as
 * ARPA text for a recogniser to interpolate with its generic model.
 *
 * Smoothing is absolute discounting with Katz back-off: each seen n-gram
 * gives up D of its count, D = n1 / (n1 + 2 n2) from the counts of
 * n-grams seen once and twice (Ney's estimate, kept in [0.3, 0.9]), and
 * the mass freed goes to the next-shorter history, normalised over the
 * words that history did not see.  Unigrams are maximum likelihood: every
 * word of the model was written, and the generic model covers the rest.
 */
#ifndef LPC_STORY_LM_H
#define LPC_STORY_LM_H

#include <stddef.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/strlist.h"

struct story_lm {
	struct buf text;	/* the spoken words, a sentence a line */
	struct strlist acronyms;	/* words written in capitals */
};

void story_lm_init(struct story_lm *lm);
void story_lm_release(struct story_lm *lm);
/* Adds written text (a section of a story, say). */
void story_lm_add(struct story_lm *lm, const char *text);

/*
 * Writes the model as ARPA text to f, over the words known(ctx, word)
 * accepts (the recogniser's dictionary): an unknown word ends the
 * sentence it is in.  Returns the number of words in the model (0: none
 * known, and nothing written), or -1 when writing failed.
 */
long story_lm_write_arpa(const struct story_lm *lm, FILE *f,
    int (*known)(void *ctx, const char *word), void *ctx);

#endif
