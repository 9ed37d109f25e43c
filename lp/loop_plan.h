/*
 * A loop and the plan of which story to tell in each slot, as loop plan
 * makes and saves it and as the report reads it.  The assignment itself is
 * lp/plan.c; this is what surrounds it: the scores, the stories told to
 * the loop's company before (left out unless allowed), pins, and why a
 * slot stays empty.  Planning weighs each story's fit for each slot
 * (lp/fit.h), so it lints every story tagged with one of the loop's
 * principles once (not once per slot), beside the score cache's scores.
 */
#ifndef LPC_LOOP_PLAN_H
#define LPC_LOOP_PLAN_H

#include "lp/fit.h"
#include "lp/scoring.h"
#include "stories/loop.h"

struct loop_plan {
	struct loop loop;
	struct scored stories;
	long long *told;	/* told to this loop's company before */
	size_t ntold;
	size_t slots, filled;
	long score;		/* the scores of the stories told, summed */
	struct fit_counts *fits;	/* by story: the findings counted */
	char *counted;		/* by story: fits[i] is set */
	int fitted;		/* planned now: fits holds every story the
				 * plan weighed */
	long fit;		/* when fitted: the stories' fits for their
				 * slots, summed: what the plan maximises */
	int saved;		/* the loop's saved plan (else made in memory) */
};

struct loop_plan_opts {
	int backups;		/* a second story per slot */
	int allow_retell;	/* use stories told to this company before */
};

/*
 * loop plan: in one BEGIN IMMEDIATE transaction of b, loads loop name and
 * every story with its score, plans the loop, and saves the plan with the
 * scores it had to compute.  Returns 0, 1 when there is no such loop (the
 * message in err), or -1 with err set; *p is the caller's to release
 * either way.
 */
int loop_plan_save(struct bank *b, const char *name,
    const struct loop_plan_opts *o, struct loop_plan *p, struct buf *err);

/*
 * The report's view: loads loop name and every story; a loop with no
 * saved plan is planned in memory (with backups), and nothing is written.
 * Returns as loop_plan_save().
 */
int loop_plan_read(struct bank *b, const char *name, struct loop_plan *p,
    struct buf *err);

void loop_plan_release(struct loop_plan *p);

/* The index in p->stories of the story slot sl tells, or -1. */
long loop_plan_at(const struct loop_plan *p, const struct slot *sl);
/*
 * When p->fitted, the fit for slot sl of the story at index
 * at of p->stories; else -1.
 */
int loop_plan_fit(const struct loop_plan *p, const struct slot *sl, long at);
/* The index in p->stories of slot sl's backup, or -1. */
long loop_plan_backup(const struct loop_plan *p, const struct slot *sl);

/* Appends to out why slot si of round ri has no story. */
void loop_plan_why_empty(const struct loop_plan *p, size_t ri, size_t si,
    struct buf *out);

#endif
