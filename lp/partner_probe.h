/*
 * Follow-up probes built from the facts of one story, for the practice
 * partner's packet (lp/partner.h): its Result's figures ("they said 85 ms:
 * how was it measured?"), the "we" in its Action, and a missing lesson.
 * Deterministic templates over what the figure reader and the sections
 * give; the only words of the story a probe quotes are a figure and the
 * metric it measures.  A stand-in for the follow-up ladder of
 * lp/followup.c (another branch): when that lands, partner_story_probes()
 * is the one function to swap for it.
 */
#ifndef LPC_PARTNER_PROBE_H
#define LPC_PARTNER_PROBE_H

#include "base/strlist.h"
#include "lp/card.h"
#include "stories/story.h"

/*
 * Appends up to max probes from story s, whose cue card is c (its figures
 * are the figure reader's, as lint finds them), to out, most telling
 * first: the Result's first figure, the Action's "we", a missing lesson,
 * the Action's first figure.  Returns how many.
 */
size_t partner_story_probes(const struct story *s, const struct cue_card *c,
    size_t max, struct strlist *out);

/* How many times the word "we" (any case) is in text. */
size_t partner_count_we(const char *text);

#endif
