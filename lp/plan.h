/*
 * Loop planning: which story to tell in each (round, principle) slot.
 *
 * Among all assignments in which no story is used twice, every assigned
 * story is tagged with its slot's principle and pinned slots keep their
 * story, the plan fills as many slots as possible, then has the largest
 * total fit (each story's fit for the principle of the slot it fills; see
 * lp/fit.h), then prefers lower story ids.  This is an assignment
 * problem, solved exactly with the Hungarian method on a slots x stories
 * matrix (one "leave empty" column per slot), in O(slots^2 x stories).
 * Backups are a second assignment over the stories the plan left unused.
 */
#ifndef LPC_PLAN_H
#define LPC_PLAN_H

#include <stddef.h>

#include "base/strlist.h"

struct plan_story {
	long long id;
	const struct strlist *principles;	/* slugs; not owned */
	const int *fit;		/* fit[k], 0 to PLAN_FIT_MAX: the story's fit
				 * for a slot of principles->v[k]; not owned */
	int excluded;		/* already told to this company */
};

/* The largest fit the planner weighs (larger ones count as this). */
#define PLAN_FIT_MAX 1000

struct plan_slot {
	const char *slug;	/* not owned */
	long long pinned;	/* 0: free */
	long long story;	/* out: the story, or 0 */
	long long backup;	/* out: with backups, a second story, or 0 */
};

/*
 * Fills slots[].story (and .backup when backups) from stories.  Pinned
 * slots keep their pinned story whether or not it is tagged (checking that
 * is loop check's job).  stories need not be sorted.
 */
void plan_assign(struct plan_slot *slots, size_t nslots,
    const struct plan_story *stories, size_t nstories, int backups);

/*
 * Solves min-cost assignment of n rows to distinct columns of an n x m
 * matrix (n <= m) given by cost(row, col, ctx); sets col_of[row].
 * Exposed for its unit test.
 */
void hungarian(size_t n, size_t m,
    long long (*cost)(size_t row, size_t col, void *ctx), void *ctx,
    size_t *col_of);

#endif
