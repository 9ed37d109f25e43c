/*
 * Which story answers a drill's question: after the answer, the story the
 * loop plan tells there, the best match for the question (lp/match.h) when
 * it is another, and the other stories of the principle; and under
 * --recall, whether the story the candidate named fits.  A story fits a
 * question when match ranks it among the first DRILL_FIT_TOP for it.
 */
#ifndef LPC_DRILL_STORY_H
#define LPC_DRILL_STORY_H

#include "base/strlist.h"
#include "lp/drill_session.h"

#define DRILL_FIT_TOP 3
#define DRILL_OTHERS 3

struct drill_stories {
	long planned;		/* index into s->stories, or -1 */
	long best;		/* the best match when not planned, or -1 */
	struct strlist why;	/* the best match's matched words */
	size_t others[DRILL_OTHERS];	/* tagged with the principle */
	size_t nothers;
	long long fit[DRILL_FIT_TOP];	/* match's first, best first */
	size_t nfit;
};

/*
 * Fills out for question q of session s (opened with its stories), where
 * the plan tells story planned (0 for none).  Returns 0, or -1 with err
 * set; drill_stories_release() frees out either way.
 */
int drill_stories_for(struct drill_session *s, const struct question *q,
    long long planned, struct drill_stories *out, struct buf *err);
void drill_stories_release(struct drill_stories *ds);

/* The rank (1 to DRILL_FIT_TOP) at which story id fits, or 0. */
int drill_story_fits(const struct drill_stories *ds, long long id);

#endif
