/*
 * An interview loop: ordered rounds; each round has ordered (round,
 * principle) slots, each of which may carry a pinned story and the saved
 * plan's story and backup.  This is the model; stories/loop_store.h keeps
 * loops in the bank, and lp/ plans and edits them.
 *
 * A struct loop owns everything in it; loop_release() frees it.  Story ids
 * are 0 where there is none.
 */
#ifndef LPC_LOOP_H
#define LPC_LOOP_H

#include <stddef.h>

#include "base/strlist.h"

struct slot {
	char *slug;
	long long pinned;	/* a pinned story, or 0 */
	long long story;	/* the plan's story, or 0 */
	long long backup;	/* the plan's backup, or 0 */
};

struct round {
	char *name;
	struct slot *slots;
	size_t nslots, aslots;
};

struct loop {
	long long id;
	char *name;
	char *company;		/* NULL when none */
	char *date;		/* YYYY-MM-DD, or NULL */
	char *template_name;
	char *planned;		/* when the plan was saved, or NULL */
	struct round *rounds;
	size_t nrounds, arounds;
};

void loop_init(struct loop *l);
void loop_release(struct loop *l);

/* Adds a round (copying name); returns it for slots to be added. */
struct round *loop_add_round(struct loop *l, const char *name);
struct slot *round_add_slot(struct round *r, const char *slug);
/* The round named name, or NULL. */
struct round *loop_round(struct loop *l, const char *name);
void loop_remove_round(struct loop *l, size_t i);
/* Clears the saved plan (story and backup) of every slot. */
void loop_clear_plan(struct loop *l);
/* What a slot tells: its pin, which the plan must keep, else the plan. */
long long slot_story(const struct slot *s);
/*
 * The story l tells for principle slug: that of its first slot for slug
 * (in round order) that tells one, or 0.
 */
long long loop_story_for(const struct loop *l, const char *slug);

#endif
