/*
 * Reviewing a loop's saved plan, pins and hand edits included: a story
 * told twice, a story not tagged with its slot's principle, a story that
 * is not ready (with its top lint findings), an empty slot, and numbers
 * that contradict each other between stories of one project.
 */
#ifndef LPC_LOOP_CHECK_H
#define LPC_LOOP_CHECK_H

#include "lp/loop_plan.h"

struct loop_problem {
	const char *kind;	/* no-plan, empty, repeated, untagged,
				 * not-ready, contradiction */
	const char *round;	/* points into the plan's loop, or NULL */
	const char *slug;	/* likewise */
	long long story, other;	/* 0 when none */
	char *message;		/* owned */
};

struct loop_check {
	struct loop_plan plan;
	struct loop_problem *v;
	size_t n, alloc;
};

/*
 * Reviews loop name of bank b (read only).  Returns 0 (r->n problems
 * found), 1 when there is no such loop (message in err), or -1 with err
 * set; *r is the caller's to release either way.
 */
int loop_check(struct bank *b, const char *name, struct loop_check *r,
    struct buf *err);
void loop_check_release(struct loop_check *r);

#endif
