/*
 * Coverage: for each principle, the stories tagged with it and a status.
 *   missing  no story tagged with it
 *   weak     no ready story (ready: no lint error and a score of 80 or more)
 *   thin     exactly one ready story
 *   ok       two or more ready stories
 * A struct cover owns its arrays and warnings; cover_release() frees them.
 */
#ifndef LPC_COVER_H
#define LPC_COVER_H

#include <stddef.h>

#include "stories/loop.h"
#include "stories/principle.h"
#include "stories/story.h"

enum cover_status { COVER_MISSING, COVER_WEAK, COVER_THIN, COVER_OK };

/* The goal: one distinct story per principle. */
#define COVER_GOAL 16

struct cover_row {
	const struct principle *p;
	int in_scope;		/* covered (all, or the loop's principles) */
	enum cover_status status;
	size_t *stories;	/* owned: indices into the stories given */
	size_t n;
};

struct cover {
	struct cover_row rows[PRINCIPLE_COUNT];
	size_t distinct;	/* stories tagged with a covered principle */
	size_t ready;		/* of those, the ready ones */
	struct strlist warnings;
};

/*
 * Computes coverage of stories v[0..n) with scores and ready flags, for
 * the principles whose in_scope flag is set (all when in_scope is NULL).
 * Stories in each row are in the order given (callers pass them by id).
 */
void cover_compute(const struct story *v, const int *ready, size_t n,
    const int *in_scope, struct cover *c);
void cover_release(struct cover *c);

const char *cover_status_name(enum cover_status s);

/* Sets in_scope[] to 1 for the principles loop l probes, else 0. */
void cover_scope_of_loop(const struct loop *l, int in_scope[PRINCIPLE_COUNT]);

/* True when a Reflection says what would be done differently. */
int reflection_says_differently(const struct story *s);

#endif
