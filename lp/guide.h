/*
 * The guide to each principle, in this project's own words (loaded once
 * from the embedded lp/data/guide.yaml): what it asks of a candidate, what
 * interviewers listen for, and how stories for it usually fail.  Every
 * pointer returned lives until the process ends.
 */
#ifndef LPC_GUIDE_H
#define LPC_GUIDE_H

#include "base/strlist.h"
#include "stories/principle.h"

struct guide {
	const struct principle *p;
	char *summary;
	struct strlist listens_for;
	struct strlist pitfalls;
};

/* The guide to principle p (never NULL for a catalogue principle). */
const struct guide *guide_of(const struct principle *p);

#endif
