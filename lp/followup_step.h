/*
 * Inside the follow-ups: the ladder's wordings that lp/followup.c loads
 * from lp/data/followups.yaml and lp/followup_ladder.c fills in.  Nothing
 * outside lp/followup*.c includes this.
 */
#ifndef LPC_FOLLOWUP_STEP_H
#define LPC_FOLLOWUP_STEP_H

#include "lp/followup.h"

/* One fact kind's step of the ladder. */
struct follow_step {
	struct strlist first, second;	/* the wordings of each level */
	struct strlist rules;	/* the lint rules whose findings are the fact */
	struct strlist covers;	/* generic probes the step already asks */
};

/* The step of fact kind k (the data loaded on first use); owned here. */
const struct follow_step *follow_step(enum follow_fact k);
/* The short name of k in a step's id ("fig" in "fig-1"). */
const char *follow_fact_id(enum follow_fact k);
/* Counts probe id as asked (by 1) or not (by -1) in m. */
void follow_note_probe(struct follow_memory *m, const char *id, int by);

#endif
