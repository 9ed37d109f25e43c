/*
 * Interview loops in the bank: a loop has ordered rounds; each round has
 * ordered (round, principle) slots, each of which may carry a pinned story
 * and the saved plan's story and backup.  All SQL about loops is here.
 *
 * A struct loop owns everything in it; loop_release() frees it.  Story ids
 * are 0 where there is none.  As in store.h, writes must be called inside
 * bank_begin()/bank_commit().
 */
#ifndef LPC_LOOP_H
#define LPC_LOOP_H

#include <stddef.h>

#include "stories/bank.h"
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

/* Loads loop name; returns 0, 1 (not found, with a message) or -1. */
int loop_load(struct bank *b, const char *name, struct loop *l,
    struct buf *err);
/*
 * Saves l: inserts it when l->id is 0, else replaces its rounds and slots
 * (and so its pins and plan) with l's.  A duplicate name is an error.
 */
int loop_save(struct bank *b, struct loop *l, struct buf *err);
int loop_delete(struct bank *b, long long id, struct buf *err);
/* Appends every loop's name, ordered by date then name. */
int loop_names(struct bank *b, struct strlist *out, struct buf *err);

/* Records that story was told in round of loop (for company). */
int told_add(struct bank *b, const struct loop *l, const char *round,
    long long story, const char *date, struct buf *err);
/*
 * Sets ids (a new array the caller frees) to the stories told to company
 * in any loop but the one named except; NULL company means none.
 */
int told_to_company(struct bank *b, const char *company, const char *except,
    long long **ids, size_t *n, struct buf *err);

#endif
