/*
 * The practice partner's packet: what a friend playing the interviewer
 * needs for a mock of loop NAME, round by round.  For each slot of the
 * loop (a round and a principle) one question of the bank, chosen as the
 * drill chooses (lp/drill.h: due first, then the weakest, seeded), never
 * the same question twice in one packet; what interviewers listen for and
 * the pitfalls (lp/guide.h); follow-up probes, the drill's ladder over
 * the planned story first (lp/followup.h), then the bank's; the 1-4 scale
 * and, with stories, the planned story's cue card (lp/card.h).  The packet
 * ends with the template of the marks file 'partner import' reads
 * (lp/partner_import.h).  Without stories nothing of a story's text is in
 * the packet but the figures its probes quote (no "we", hedge or clash
 * probe, which quote sentences).  Everything here is owned
 * by the packet and freed by partner_release().
 */
#ifndef LPC_PARTNER_H
#define LPC_PARTNER_H

#include <stdint.h>

#include "base/buf.h"
#include "base/strlist.h"
#include "lp/card.h"
#include "lp/guide.h"
#include "lp/loop_plan.h"
#include "lp/question.h"

/* Probes per question: at most PARTNER_STORY_PROBES from the story. */
#define PARTNER_PROBES 3
#define PARTNER_STORY_PROBES 2

struct partner_item {
	const struct question *q;
	const struct guide *g;
	struct strlist probes;	/* the story's first, then the bank's */
	size_t nstory;		/* how many of probes are the story's */
	long story;		/* index in plan.stories of the planned story,
				 * or -1 */
	struct cue_card card;	/* with stories and a planned story */
	int has_card;
};

struct partner_round {
	const char *name;	/* the loop's */
	struct partner_item *v;
	size_t n;
};

struct partner_packet {
	struct loop_plan plan;
	struct partner_round *rounds;
	size_t nrounds, nitems;
	uint64_t seed;
	int with_stories;
	char date[11];		/* today: the template's date */
};

/* What each mark means, [1] to [4]; [0] is NULL. */
extern const char *const partner_scale[5];
/* The name of each mark as the drill says it: again, hard, good, easy. */
extern const char *const partner_mark_names[5];

/*
 * Gathers the packet for loop name of bank b (its saved plan, or the plan
 * lpcoach would make now), choosing questions with seed; with_stories
 * adds each planned story's cue card.  Reads only.  Returns 0, 1 when
 * there is no such loop (the message in err), or -1 with err set; *pk is
 * the caller's to release either way.
 */
int partner_gather(struct bank *b, const char *name, uint64_t seed,
    int with_stories, struct partner_packet *pk, struct buf *err);
void partner_release(struct partner_packet *pk);

/*
 * Appends to out the YAML marks template for pk: the date, the loop, and
 * one entry per question with an empty mark and note, commented for the
 * partner.  'partner import' reads it back once the marks are in.
 */
void partner_template(const struct partner_packet *pk, struct buf *out);

#endif
